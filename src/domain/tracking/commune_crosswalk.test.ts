import { describe, expect, it } from "vitest";
import { checkCommune, communeCheckIssue, parseCommuneCrosswalk, provinceCodes, type CommuneCrosswalk } from "./commune_crosswalk.ts";

/** Rows shaped as data/crosswalks/communes-2025.json, copied from it (Lào Cai, Lạng Sơn, Bắc Ninh). */
const DATA = {
  format: "lom-song-communes-2025",
  version: 1,
  source: "test",
  provinces: [
    [
      "15",
      "Lào Cai",
      ["Yên Bái", "Lào Cai"],
      [
        ["02686", "Xã A Mú Sung", "Xã Nậm Chạc|Xã A Mú Sung"],
        ["02782", "Xã Cao Sơn", "Xã Lùng Khấu Nhin|Xã Tả Thàng|Xã La Pan Tẩn|Xã Cao Sơn"],
        ["02788", "Xã Bản Lầu", "Xã Bản Sen|Xã Lùng Vai|Xã Bản Lầu"],
        ["02839", "Xã Bắc Hà", "Thị trấn Bắc Hà|Xã Na Hối|Xã Thải Giàng Phố|Xã Bản Phố"],
        ["02761", "Xã Mường Khương", "Thị trấn Mường Khương|Xã Thanh Bình@Mường Khương|Xã Nậm Chảy"],
      ],
    ],
    [
      "20",
      "Lạng Sơn",
      ["Lạng Sơn"],
      [
        ["05983", "Phường Lương Văn Tri", "Phường Chi Lăng|Xã Quảng Lạc"],
        ["06040", "Xã Thất Khê", "Xã Chi Lăng@Tràng Định|Xã Chí Minh|Thị trấn Thất Khê"],
        ["06463", "Xã Chi Lăng", "Xã Chi Lăng@Chi Lăng|Thị trấn Chi Lăng|Thị trấn Đồng Mỏ"],
        ["06500", "Xã Tân Thành", "Xã Hòa Sơn~|Xã Tân Thành"],
        ["06501", "Xã Hữu Lũng", "Thị trấn Hữu Lũng|Xã Hòa Sơn~"],
      ],
    ],
    ["24", "Bắc Ninh", ["Bắc Giang", "Bắc Ninh"], [["07000", "Xã Chi Lăng", "Xã Chi Lăng"]]],
  ],
};

function crosswalk(): CommuneCrosswalk {
  const parsed = parseCommuneCrosswalk(DATA);
  if (!parsed.ok) throw new Error(parsed.error.en);
  return parsed.value;
}

describe("checkCommune", () => {
  const cw = crosswalk();

  it("recognises a 2025 commune written any way", () => {
    for (const written of ["Bản Lầu", "Xã Bản Lầu", "ban lau", "BẢN  LẦU"])
      expect(checkCommune(cw, { commune: written, province: "Lào Cai" })).toMatchObject({ kind: "current", commune: { code: "02788", name: "Bản Lầu" } });
  });

  it("maps a pre-2025 commune merged whole into one 2025 commune", () => {
    expect(checkCommune(cw, { commune: "Nậm Chạc", province: "Lào Cai" })).toMatchObject({
      kind: "merged",
      commune: { code: "02686", fullName: "Xã A Mú Sung" },
      old: "Xã Nậm Chạc",
    });
    expect(checkCommune(cw, { commune: "Thị trấn Bắc Hà" })).toMatchObject({ kind: "current", commune: { code: "02839" } });
    expect(checkCommune(cw, { commune: "Na Hối", province: "Lào Cai" })).toMatchObject({ kind: "merged", commune: { code: "02839" } });
    // A province merged in 2025 still finds its communes.
    expect(provinceCodes(cw, "Tỉnh Yên Bái")).toEqual(["15"]);
  });

  it("uses the old district when the list gives it", () => {
    expect(checkCommune(cw, { commune: "Chi Lăng", district: "Huyện Tràng Định", province: "Lạng Sơn" })).toMatchObject({
      kind: "merged",
      commune: { code: "06040" },
    });
    expect(checkCommune(cw, { commune: "Chi Lăng", district: "Chi Lăng", province: "Lạng Sơn" })).toMatchObject({
      kind: "current",
      commune: { code: "06463" },
    });
    expect(checkCommune(cw, { commune: "Chi Lăng", province: "Lạng Sơn" })).toMatchObject({ kind: "current", commune: { code: "06463" } });
  });

  it("reports, and never chooses, when the name fits several communes", () => {
    const split = checkCommune(cw, { commune: "Hòa Sơn", province: "Lạng Sơn" });
    expect(split).toMatchObject({ kind: "ambiguous", old: true });
    expect(split.kind === "ambiguous" && split.candidates.map((commune) => commune.code)).toEqual(["06500", "06501"]);
    const twoProvinces = checkCommune(cw, { commune: "Chi Lăng" });
    expect(twoProvinces.kind === "ambiguous" && twoProvinces.candidates.map((commune) => commune.code)).toEqual(["06463", "07000"]);
    expect(communeCheckIssue("Chi Lăng", twoProvinces)?.message.en).toBe(
      'several 2025 communes are named "Chi Lăng"; give the province: Xã Chi Lăng (Lạng Sơn, 06463); Xã Chi Lăng (Bắc Ninh, 07000)',
    );
  });

  it("suggests the closest names for a typo", () => {
    const typo = checkCommune(cw, { commune: "Mường Khươn", province: "Lào Cai" });
    expect(typo.kind).toBe("unknown");
    if (typo.kind !== "unknown") return;
    expect(typo.suggestions.length).toBe(3);
    expect(typo.suggestions[0].name).toBe("Mường Khương");
    expect(communeCheckIssue("Mường Khươn", typo)).toMatchObject({
      code: "commune_unknown",
      message: { vi: expect.stringContaining("có phải: Xã Mường Khương (Lào Cai, 02761)") },
    });
  });

  it("refuses a file of another shape", () => {
    expect(parseCommuneCrosswalk({ format: "x" }).ok).toBe(false);
    expect(parseCommuneCrosswalk({ ...DATA, provinces: [["15"]] }).ok).toBe(false);
  });
});
