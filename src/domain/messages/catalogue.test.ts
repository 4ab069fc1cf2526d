import { describe, expect, it } from "vitest";
import { DOMAIN_MESSAGES } from "./catalogue.ts";
import { domainMessage, fillDomainTemplate } from "./message.ts";
import type { DomainTemplate } from "./message_types.ts";

const placeholders = (text: string) => new Set([...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]));

/** What is wrong with one entry: a missing language, a placeholder it does not declare, a parameter it never uses. */
function problems(entry: DomainTemplate): string[] {
  const declared = new Set(entry.params ?? []);
  const used = new Set([...placeholders(entry.vi), ...placeholders(entry.en)]);
  return [
    ...(entry.vi.trim() === "" ? ["no vi"] : []),
    ...(entry.en.trim() === "" ? ["no en"] : []),
    ...[...used].filter((name) => !declared.has(name)).map((name) => `undeclared {${name}}`),
    ...[...declared].filter((name) => !used.has(name)).map((name) => `unused ${name}`),
    ...(declared.size !== (entry.params ?? []).length ? ["a parameter declared twice"] : []),
  ];
}

describe("the domain message catalogue", () => {
  it("gives every code a Vietnamese and an English text, and declares exactly the placeholders its texts use", () => {
    const wrong = Object.entries(DOMAIN_MESSAGES as Record<string, DomainTemplate>)
      .map(([code, entry]) => [code, problems(entry)] as const)
      .filter(([, found]) => found.length > 0);
    expect(wrong).toEqual([]);
  });

  it("catches an entry that uses a placeholder it does not declare, or misses a language", () => {
    expect(problems({ params: ["row"], vi: "dòng {row}, cột {column}", en: "row {row}" })).toEqual(["undeclared {column}"]);
    expect(problems({ vi: "", en: "empty" })).toEqual(["no vi"]);
    expect(problems({ params: ["row", "column"], vi: "dòng {row}", en: "row {row}" })).toEqual(["unused column"]);
  });

  it("names codes area.what, in lower case", () => {
    expect(Object.keys(DOMAIN_MESSAGES).filter((code) => !/^[a-z][a-z0-9_]*\.[a-z0-9_]+$/.test(code))).toEqual([]);
  });
});

describe("domainMessage", () => {
  it("fills the placeholders in both languages, numbers as written by String and a Message per language", () => {
    expect(domainMessage("points.coordinates_out_of_area", { lon: 1.5, lat: -2, boundsText: "102–110", latitudeText: "8–24" })).toEqual({
      vi: "Toạ độ kinh độ 1.5, vĩ độ -2 nằm ngoài Việt Nam (kinh độ 102–110, vĩ độ 8–24).",
      en: "Longitude 1.5, latitude -2 is outside Vietnam (longitude 102–110, latitude 8–24).",
    });
    expect(domainMessage("tracking.columns_missing", { columns: "status", headers: domainMessage("common.none") })).toEqual({
      vi: "thiếu cột bắt buộc: status (tiêu đề tìm thấy: không có)",
      en: "required columns missing: status (headers found: none)",
    });
  });

  it("does not read a filled value again, and leaves an unknown placeholder visible", () => {
    expect(fillDomainTemplate("{a} {b}", "en", { a: "{b}" })).toBe("{b} {b}");
  });
});
