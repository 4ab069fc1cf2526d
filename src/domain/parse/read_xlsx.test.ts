import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { buildXlsx } from "../../../tests/xlsx_builder.ts";
import { decodeXmlText, scanXml } from "./xml_scan.ts";
import { excelDateText, formatExcelNumber, numberFormatKind, readXlsx, type XlsxWorkbook } from "./read_xlsx.ts";

function read(bytes: Uint8Array): XlsxWorkbook {
  const result = readXlsx(bytes);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message.en}`);
  return result.value;
}

function refused(bytes: Uint8Array, options = {}) {
  const result = readXlsx(bytes, options);
  if (result.ok) throw new Error("expected the workbook to be refused");
  return result.error;
}

describe("formatExcelNumber", () => {
  it("writes Excel's 15 significant digits in the shortest plain decimal", () => {
    expect(formatExcelNumber(21.543200000000002)).toBe("21.5432");
    expect(formatExcelNumber(0.1 + 0.2)).toBe("0.3");
    expect(formatExcelNumber(103.9712)).toBe("103.9712");
    expect(formatExcelNumber(312)).toBe("312");
    expect(formatExcelNumber(-0)).toBe("0");
    expect(formatExcelNumber(1e21)).toBe("1000000000000000000000");
    expect(formatExcelNumber(1.5e-7)).toBe("0.00000015");
    expect(formatExcelNumber(-2.5e-7)).toBe("-0.00000025");
  });
});

describe("numberFormatKind and excelDateText", () => {
  it("tells dates, date-times and times from numbers", () => {
    expect(numberFormatKind("dd/mm/yyyy;@")).toBe("date");
    expect(numberFormatKind("[$-42A]d mmmm yyyy")).toBe("date");
    expect(numberFormatKind("mmm-yy")).toBe("date");
    expect(numberFormatKind("yyyy-mm-dd hh:mm")).toBe("datetime");
    expect(numberFormatKind("h:mm AM/PM")).toBe("time");
    expect(numberFormatKind("[h]:mm:ss")).toBe("time");
    expect(numberFormatKind("mm:ss")).toBe("time");
    expect(numberFormatKind('#,##0.00 "đồng"')).toBe("number");
    expect(numberFormatKind("General")).toBe("number");
    expect(numberFormatKind("0.00E+00")).toBe("number");
  });

  it("converts serials in the 1900 and 1904 date systems", () => {
    expect(excelDateText(46295, "date", false)).toBe("2026-09-30");
    expect(excelDateText(46295 - 1462, "date", true)).toBe("2026-09-30");
    expect(excelDateText(1, "date", false)).toBe("1900-01-01");
    expect(excelDateText(59, "date", false)).toBe("1900-02-28");
    expect(excelDateText(61, "date", false)).toBe("1900-03-01");
    expect(excelDateText(46295.5, "datetime", false)).toBe("2026-09-30 12:00:00");
    expect(excelDateText(46295, "datetime", false)).toBe("2026-09-30");
    expect(excelDateText(0.75, "time", false)).toBe("18:00:00");
  });
});

describe("scanXml", () => {
  it("decodes the predefined entities and character references, and leaves others as written", () => {
    expect(decodeXmlText("a &amp; b &lt;c&gt; &#7841;&#x1EA1; &quot;&apos; &boom; &#xD800;")).toBe("a & b <c> ạạ \"' &boom; &#xD800;");
  });

  it("skips a DOCTYPE with entity declarations and never expands them", () => {
    const texts: string[] = [];
    scanXml('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "AAAA"><!ENTITY b "&a;&a;&a;">]><x><!-- c --><y k=\'1>2\'>&b;<![CDATA[<raw>]]></y></x>', {
      text: (text) => texts.push(text),
    });
    expect(texts.join("")).toBe("&b;<raw>");
  });
});

describe("readXlsx", () => {
  it("reads shared strings, rich text, inline strings, formulas, numbers, booleans, errors and dates, keeping gaps", () => {
    const sheetData = [
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="D1" t="inlineStr"><is><t>inline &amp; &#7841;</t></is></c></row>',
      // Row 2 is blank; row 3 has a gap in column C and cells written without references.
      '<row r="3"><c r="A3"><v>21.543200000000002</v></c><c r="B3" t="b"><v>1</v></c><c r="D3" t="e"><v>#N/A</v></c><c><v>7</v></c></row>',
      '<row r="4"><c r="A4" s="1"><v>46295</v></c><c r="B4" s="2"><v>46295</v></c><c r="C4" s="3"><v>0.5</v></c><c r="D4" s="4"><v>46295.25</v></c><c r="E4" s="4"><v>46295</v></c></row>',
      '<row r="6"><c r="A6" s="5"><v>2647</v></c><c r="B6" s="5"><v>123456</v></c><c r="C6" s="5"><v>2.5</v></c></row>',
      '<row r="5"><c r="A5"><f>B5*2</f><v>0.30000000000000004</v></c><c r="B5" t="str"><f>"x"&amp;"y"</f><v>xy</v></c><c r="C5" t="d"><v>2026-11-21T00:00:00</v></c><c r="D5" t="inlineStr"><is><r><t>Bản </t></r><r><rPr><b/></rPr><t>Xèo</t></r></is></c><c r="E5" s="1"/></row>',
    ].join("");
    const bytes = buildXlsx({
      sheets: [{ name: "Trang 1", sheetData }],
      extraSharedStrings: [
        "<si><t>Tru\u031Bo\u031B\u0300ng</t></si>",
        '<si><r><t xml:space="preserve">Điểm </t></r><r><rPr><i/></rPr><t>trường</t></r><rPh sb="0" eb="1"><t>PHONETIC</t></rPh></si>',
      ],
    });
    const workbook = read(bytes);
    expect(workbook.sheets).toHaveLength(1);
    expect(workbook.sheets[0].name).toBe("Trang 1");
    expect(workbook.sheets[0].rows).toEqual([
      ["Trường", "Điểm trường", "", "inline & ạ"],
      [],
      ["21.5432", "TRUE", "", "#N/A", "7"],
      ["2026-09-30", "2026-09-30", "12:00:00", "2026-09-30 06:00:00", "2026-09-30"],
      ["0.3", "xy", "2026-11-21", "Bản Xèo"],
      ["02647", "123456", "2.5"],
    ]);
    expect(workbook.sheets[0].rows[0][0]).toBe("Trường".normalize("NFC"));
    expect(workbook.date1904).toBe(false);
  });

  it("reads dates in the 1904 date system", () => {
    const bytes = buildXlsx({ date1904: true, sheets: [{ name: "S", sheetData: '<row r="1"><c r="A1" s="2"><v>44833</v></c></row>' }] });
    const workbook = read(bytes);
    expect(workbook.date1904).toBe(true);
    expect(workbook.sheets[0].rows).toEqual([["2026-09-30"]]);
  });

  it("reads several sheets in workbook order, and only the ones asked for", () => {
    const bytes = buildXlsx({
      sheets: [
        { name: "Ghi chú", rows: [["note"]] },
        { name: "Danh sách", rows: [["id"], ["A"]] },
      ],
    });
    expect(read(bytes).sheets.map((sheet) => [sheet.name, sheet.rows.length])).toEqual([
      ["Ghi chú", 1],
      ["Danh sách", 2],
    ]);
    const first = readXlsx(bytes, { readSheet: (_, index) => index === 0 });
    expect(first.ok && first.value.sheets.map((sheet) => sheet.rows.length)).toEqual([1, 0]);
  });

  it("refuses an old binary .xls and a password-protected workbook (OLE files) with what to do", () => {
    const ole = new Uint8Array(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const xls = refused(ole);
    expect(xls.code).toBe("xls_binary");
    expect(xls.message.en).toContain("save it as .xlsx");
    expect(xls.message.vi).toContain("lưu lại dạng .xlsx");
    const encrypted = ole.slice();
    const name = "EncryptedPackage";
    for (let i = 0; i < name.length; i++) encrypted[1200 + 2 * i] = name.charCodeAt(i);
    expect(refused(encrypted).code).toBe("xlsx_encrypted");
  });

  it("refuses a file that is not a zip, and a zip that is not a workbook", () => {
    expect(refused(strToU8("id,lat,lon\n")).code).toBe("xlsx_not_zip");
    expect(refused(zipSync({ "word/document.xml": strToU8("<w/>") })).code).toBe("xlsx_invalid");
    expect(refused(zipSync({ "xl/workbook.bin": new Uint8Array(4) })).code).toBe("xlsx_binary_xlsb");
    const truncated = buildXlsx({ sheets: [{ name: "S", rows: [["a"]] }] }).slice(0, 200);
    expect(refused(truncated).code).toMatch(/^xlsx_(invalid|not_zip)$/);
  });

  it("refuses a zip bomb from the sizes in the central directory, before inflating anything", () => {
    const bytes = buildXlsx({ sheets: [{ name: "S", rows: [["a"]] }] });
    // Declare a 4 GB worksheet in the central directory: inflating it would need a 4 GB buffer.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let patched = 0;
    for (let offset = 0; offset + 46 < bytes.length; offset++) {
      if (view.getUint32(offset, true) !== 0x02014b50) continue;
      const nameLength = view.getUint16(offset + 28, true);
      const name = new TextDecoder().decode(bytes.subarray(offset + 46, offset + 46 + nameLength));
      if (name === "xl/worksheets/sheet1.xml") {
        view.setUint32(offset + 24, 0xfffffff0, true);
        patched++;
      }
    }
    expect(patched).toBe(1);
    const error = refused(bytes);
    expect(error.code).toBe("xlsx_too_large");
    expect(error.message.en).toContain("too large");
  });

  it("inflates a part into no more than its declared size", () => {
    const bytes = buildXlsx({ sheets: [{ name: "S", rows: Array.from({ length: 200 }, (_, r) => [`row ${r}`]) }] });
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let offset = 0; offset + 46 < bytes.length; offset++) {
      if (view.getUint32(offset, true) !== 0x02014b50) continue;
      const nameLength = view.getUint16(offset + 28, true);
      if (new TextDecoder().decode(bytes.subarray(offset + 46, offset + 46 + nameLength)) === "xl/worksheets/sheet1.xml")
        view.setUint32(offset + 24, 100, true);
    }
    // The sheet is cut at 100 bytes: a damaged workbook, not a larger buffer.
    const error = refused(bytes);
    expect(error.code).toBe("xlsx_invalid");
    expect(error.message.en).toContain("damaged");
  });

  it("refuses a workbook whose real content exceeds the limit", () => {
    const rows = Array.from({ length: 3000 }, (_, r) => [`row ${r}`, "x".repeat(200)]);
    const bytes = buildXlsx({ sheets: [{ name: "S", rows }] });
    expect(bytes.length).toBeLessThan(200_000);
    expect(refused(bytes, { maxUncompressedBytes: 300_000 }).code).toBe("xlsx_too_large");
    expect(readXlsx(bytes).ok).toBe(true);
  });

  it("refuses a sheet that would spread into too many cells through its gaps", () => {
    const sheetData = Array.from({ length: 50 }, (_, r) => `<row r="${r + 1}"><c r="A${r + 1}"><v>1</v></c><c r="XFD${r + 1}"><v>2</v></c></row>`).join("");
    const bytes = buildXlsx({ sheets: [{ name: "S", sheetData }] });
    expect(refused(bytes, { maxCells: 100_000 }).code).toBe("xlsx_too_large");
  });

  it("never expands an entity declared in a DOCTYPE", () => {
    const bytes = buildXlsx({
      sheets: [{ name: "S", sheetData: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' }],
      sharedStringsDoctype: '<!DOCTYPE sst [<!ENTITY a "AAAAAAAAAA"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>',
      extraSharedStrings: ["<si><t>&b;</t></si>"],
    });
    expect(read(bytes).sheets[0].rows).toEqual([["&b;"]]);
  });

  it("keeps a sheet named __proto__ and cells named __proto__ as plain data", () => {
    const bytes = buildXlsx({
      sheets: [
        {
          name: "__proto__",
          rows: [
            ["__proto__", "constructor"],
            ["1", "2"],
          ],
        },
      ],
    });
    const workbook = read(bytes);
    expect(workbook.sheets[0].name).toBe("__proto__");
    expect(workbook.sheets[0].rows[0]).toEqual(["__proto__", "constructor"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
