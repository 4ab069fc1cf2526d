import { describe, expect, it } from "vitest";
import { MESSAGES } from "./messages.ts";
import { createNameCollator, fillTemplate, formatNumber, formatPercent, translate } from "./i18n.ts";

describe("MESSAGES", () => {
  it("has a non-empty Vietnamese and English text for every key", () => {
    const missing = Object.entries(MESSAGES)
      .filter(([, message]) => !message.vi.trim() || !message.en.trim())
      .map(([key]) => key);
    expect(missing).toEqual([]);
  });

  it("uses the same placeholders in both languages", () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    const mismatched = Object.entries(MESSAGES)
      .filter(([, message]) => placeholders(message.vi).join() !== placeholders(message.en).join())
      .map(([key]) => key);
    expect(mismatched).toEqual([]);
  });
});

describe("translate", () => {
  it("fills placeholders and formats numbers for the language", () => {
    expect(translate("vi", "list.rows", { count: 12345 })).toBe("12.345 dòng");
    expect(translate("en", "list.rows", { count: 12345 })).toBe("12,345 rows");
  });

  it("leaves an unknown placeholder visible rather than dropping it", () => {
    expect(fillTemplate("{a} and {b}", { a: "x" })).toBe("x and {b}");
  });
});

describe("formatNumber", () => {
  it("writes Vietnamese numbers with a dot for thousands and a comma for decimals", () => {
    expect(formatNumber("vi", 1234.5)).toBe("1.234,5");
  });

  it("writes English numbers with a comma for thousands and a dot for decimals", () => {
    expect(formatNumber("en", 1234.5)).toBe("1,234.5");
  });

  it("formats percentages from 0–100 with a decimal comma in Vietnamese", () => {
    expect(formatPercent("vi", 87.3).replace(/\s/g, " ")).toMatch(/^87,3\s?%$/);
  });
});

describe("createNameCollator", () => {
  it("sorts Đà Nẵng before Điện Biên and both after Cao Bằng", () => {
    const names = ["Điện Biên", "Đà Nẵng", "Cao Bằng"];
    expect(names.sort(createNameCollator().compare)).toEqual(["Cao Bằng", "Đà Nẵng", "Điện Biên"]);
  });
});
