import { describe, expect, it } from "vitest";
import { parseTechnology } from "./technology.ts";

describe("parseTechnology", () => {
  it("reads generations and standards case-insensitively", () => {
    const cases: [string, string][] = [
      ["2g", "2G"],
      ["GSM", "2G"],
      ["3G", "3G"],
      ["umts", "3G"],
      ["WCDMA", "3G"],
      ["HSPA", "3G"],
      ["4g", "4G"],
      ["LTE", "4G"],
      ["5G", "5G"],
      ["nr", "5G"],
      ["5G NR", "5G"],
    ];
    for (const [text, technology] of cases) expect(parseTechnology(text), text).toBe(technology);
  });

  it("returns undefined for an unknown technology", () => {
    expect(parseTechnology("6G")).toBeUndefined();
    expect(parseTechnology("")).toBeUndefined();
  });
});
