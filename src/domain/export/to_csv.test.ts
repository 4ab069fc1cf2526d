import { describe, expect, it } from "vitest";
import { escapeCsvFormula, formatCsvCell, toCsv } from "./to_csv.ts";

describe("escapeCsvFormula", () => {
  it("prefixes a quote to cells that start like a formula", () => {
    expect(escapeCsvFormula('=HYPERLINK("http://x","y")')).toBe(`'=HYPERLINK("http://x","y")`);
    expect(escapeCsvFormula("+cmd")).toBe("'+cmd");
    expect(escapeCsvFormula("-2+3")).toBe("'-2+3");
    expect(escapeCsvFormula("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(escapeCsvFormula("\t=1")).toBe("'\t=1");
    expect(escapeCsvFormula("\r=1")).toBe("'\r=1");
    expect(escapeCsvFormula("-")).toBe("'-");
  });

  it("leaves real numbers, with a dot or a decimal comma, untouched", () => {
    for (const number of ["-12.5", "-105,8", "+84", "-0", "-1e-3", "-,5"]) expect(escapeCsvFormula(number)).toBe(number);
  });

  it("leaves ordinary text untouched", () => {
    expect(escapeCsvFormula("Trường TH Bản Xèo")).toBe("Trường TH Bản Xèo");
    expect(escapeCsvFormula("a=b")).toBe("a=b");
    expect(escapeCsvFormula("")).toBe("");
  });
});

describe("formatCsvCell", () => {
  it("quotes cells with commas, semicolons, quotes and line breaks, doubling quotes", () => {
    expect(formatCsvCell("a,b")).toBe('"a,b"');
    expect(formatCsvCell("a;b")).toBe('"a;b"');
    expect(formatCsvCell('say "hi"')).toBe('"say ""hi"""');
    expect(formatCsvCell("a\r\nb")).toBe('"a\r\nb"');
  });

  it("writes numbers with a decimal comma in the semicolon flavour, text unchanged", () => {
    expect(formatCsvCell(-105.8, "semicolon")).toBe("-105,8");
    expect(formatCsvCell(312, "semicolon")).toBe("312");
    expect(formatCsvCell("1.5", "semicolon")).toBe("1.5");
    expect(formatCsvCell("=1+1", "semicolon")).toBe("'=1+1");
  });

  it("writes numbers as numbers and null, undefined and NaN as empty", () => {
    expect(formatCsvCell(-12.5)).toBe("-12.5");
    expect(formatCsvCell(null)).toBe("");
    expect(formatCsvCell(undefined)).toBe("");
    expect(formatCsvCell(Number.NaN)).toBe("");
  });
});

describe("toCsv", () => {
  it("starts with a BOM and ends every line with CRLF", () => {
    expect(
      toCsv(
        ["id", "lat"],
        [
          ["A", 21.5],
          ["B", null],
        ],
      ),
    ).toBe("\uFEFFid,lat\r\nA,21.5\r\nB,\r\n");
  });

  it("makes a formula cell safe and quotes it", () => {
    const csv = toCsv(["name"], [['=HYPERLINK("http://x")']]);
    expect(csv).toBe(`\uFEFFname\r\n"'=HYPERLINK(""http://x"")"\r\n`);
  });

  it("keeps Vietnamese letters as NFC", () => {
    expect(toCsv(["tên"], [["Lào Cai".normalize("NFD")]])).toBe("\uFEFFtên\r\nLào Cai\r\n");
  });
});

describe("toCsv flavours", () => {
  it("writes the comma flavour by default and the semicolon flavour on request, quoting the other delimiter too", () => {
    expect(toCsv(["id", "lat", "tên"], [["A", 21.5, "Bản Xèo; Nà Pồ"]])).toBe('\uFEFFid,lat,tên\r\nA,21.5,"Bản Xèo; Nà Pồ"\r\n');
    expect(toCsv(["id", "lat", "tên"], [["A", 21.5, "Bản Xèo, Nà Pồ"]], { separator: "semicolon" })).toBe('\uFEFFid;lat;tên\r\nA;21,5;"Bản Xèo, Nà Pồ"\r\n');
  });
});
