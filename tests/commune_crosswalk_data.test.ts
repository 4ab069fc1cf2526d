/**
 * data/crosswalks/communes-2025.json, the bundled 2025 commune list with what each commune was merged from.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkCommune, parseCommuneCrosswalk } from "../src/domain/index.ts";

const parsed = parseCommuneCrosswalk(JSON.parse(readFileSync(new URL("../data/crosswalks/communes-2025.json", import.meta.url), "utf8")));

describe("the bundled 2025 commune list", () => {
  it("holds the 34 provinces and 3,321 communes of 2025, codes unique", () => {
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.provinces.length).toBe(34);
    expect(parsed.value.communes.length).toBe(3321);
    expect(new Set(parsed.value.communes.map((commune) => commune.code)).size).toBe(3321);
  });

  it("maps real pre-2025 communes of Lào Cai and Lạng Sơn", () => {
    if (!parsed.ok) return;
    const cw = parsed.value;
    expect(checkCommune(cw, { commune: "Nậm Chạc", province: "Lào Cai" })).toMatchObject({ kind: "merged", commune: { code: "02686", name: "A Mú Sung" } });
    expect(checkCommune(cw, { commune: "Xã Na Hối", district: "Bắc Hà", province: "Lào Cai" })).toMatchObject({
      kind: "merged",
      commune: { code: "02839", name: "Bắc Hà" },
    });
    expect(checkCommune(cw, { commune: "Tả Thàng", province: "Lào Cai" })).toMatchObject({ kind: "merged", commune: { code: "02782", name: "Cao Sơn" } });
    expect(checkCommune(cw, { commune: "Chi Lăng", district: "Tràng Định", province: "Lạng Sơn" })).toMatchObject({
      kind: "merged",
      commune: { code: "06040", name: "Thất Khê" },
    });
    // Without a province, an old name that was in five provinces is not guessed.
    expect(checkCommune(cw, { commune: "Minh Tiến" })).toMatchObject({ kind: "ambiguous", old: true });
  });
});
