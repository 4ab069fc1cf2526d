import { describe, expect, it } from "vitest";
import { parseCoordinate, parseCount, parseNumber } from "./parse_number.ts";

describe("parseNumber", () => {
  it("reads a decimal comma and a decimal point alike", () => {
    expect(parseNumber("21,5432")).toBe(21.5432);
    expect(parseNumber("21.5432")).toBe(21.5432);
  });

  it("never truncates at a decimal comma the way parseFloat does", () => {
    expect(Number.parseFloat("105,8542")).toBe(105);
    expect(parseNumber("105,8542")).toBe(105.8542);
  });

  it("reads thousands separators when both separators appear", () => {
    expect(parseNumber("1.234,5")).toBe(1234.5);
    expect(parseNumber("1,234.5")).toBe(1234.5);
    expect(parseNumber("1.234.567")).toBe(1234567);
  });

  it("reads signs, integers and a leading or trailing separator", () => {
    expect(parseNumber("-12")).toBe(-12);
    expect(parseNumber("+3")).toBe(3);
    expect(parseNumber(" 7 ")).toBe(7);
    expect(parseNumber(",5")).toBe(0.5);
    expect(parseNumber("5.")).toBe(5);
    expect(parseNumber("\u221212,5")).toBe(-12.5);
  });

  it("returns null for empty or non-numeric text", () => {
    for (const text of ["", "   ", "-", "abc", "12a", "1,2,3", "1.23.4", "1.234,5,6", "21 5", "NaN", "Infinity"]) {
      expect(parseNumber(text), text).toBeNull();
    }
  });
});

describe("parseCoordinate", () => {
  it("reads decimal degrees with a dot or a comma", () => {
    expect(parseCoordinate("21,5432")).toBe(21.5432);
    expect(parseCoordinate("-105.8")).toBe(-105.8);
  });

  it("reads degrees, minutes and seconds with symbols and a hemisphere", () => {
    expect(parseCoordinate(`21°32'15"N`)).toBeCloseTo(21 + 32 / 60 + 15 / 3600, 12);
    expect(parseCoordinate(`105°48'30.5"E`)).toBeCloseTo(105 + 48 / 60 + 30.5 / 3600, 12);
    expect(parseCoordinate("21°32′15″N")).toBeCloseTo(21.5375, 12);
  });

  it("reads degrees, minutes and seconds separated by spaces", () => {
    expect(parseCoordinate("21 32 15")).toBeCloseTo(21.5375, 12);
    expect(parseCoordinate("105 48 30 E")).toBeCloseTo(105.808333333, 8);
    expect(parseCoordinate("N 21 32.25")).toBeCloseTo(21.5375, 12);
    expect(parseCoordinate("22°30,5'N")).toBeCloseTo(22.508333333, 8);
  });

  it("makes S and W negative", () => {
    expect(parseCoordinate(`21°32'15"S`)).toBeCloseTo(-21.5375, 12);
    expect(parseCoordinate("W 105 48 30")).toBeCloseTo(-105.808333333, 8);
    expect(parseCoordinate("-21 32 15")).toBeCloseTo(-21.5375, 12);
  });

  it("rejects minutes or seconds of 60 or more, two hemispheres and stray text", () => {
    for (const text of ["21 61", `21°32'75"N`, "N 21 32 15 S", "-21 32 15 N", "21°32'15\"X", "abc", "", "21.5 32 15"]) {
      expect(parseCoordinate(text), text).toBeNull();
    }
  });
});

describe("parseCount", () => {
  it("reads one group of three digits after a separator as thousands", () => {
    expect(parseCount("1.234")).toBe(1234);
    expect(parseCount("1,234")).toBe(1234);
    expect(parseCount("1.234.567")).toBe(1234567);
  });

  it("reads other numbers as parseNumber does", () => {
    expect(parseCount("312")).toBe(312);
    expect(parseCount("12,5")).toBe(12.5);
    expect(parseCount("")).toBeNull();
    expect(parseCount("nhiều")).toBeNull();
  });
});
