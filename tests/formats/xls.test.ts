import { readFileSync } from "node:fs";
import * as XLSX from "@e965/xlsx";
import { beforeAll, describe, expect, it } from "vitest";
import { detectFileKind } from "../../src/domain/parse/detect_file_kind.ts";
import { parsePointsXlsx } from "../../src/domain/parse/xlsx_import.ts";
import { registerXlsReader, type SheetJsModule } from "../../src/domain/formats/xls.ts";

// tests/fixtures/formats/truong.xls: `soffice --headless --infilter="CSV:44,34,76" --convert-to xls truong_xls_source.csv` (76: UTF-8) (LibreOffice 7.4, "MS Excel 97").
const xls = new Uint8Array(readFileSync(new URL("../fixtures/formats/truong.xls", import.meta.url)));

describe(".xls (Excel 97–2003) through SheetJS", () => {
  it("is refused with what to do while SheetJS is not loaded", () => {
    const result = parsePointsXlsx(xls, { file: "truong.xls" });
    expect(result.report.issues.map((issue) => issue.code)).toEqual(["xls_binary"]);
    expect(detectFileKind(xls, "truong.xls")).toBe("unknown");
  });
  describe("once loaded", () => {
    beforeAll(() => registerXlsReader(XLSX as unknown as SheetJsModule));
    it("reads like an .xlsx: the sheet, the row numbers, dates as YYYY-MM-DD, numbers as Excel shows them", () => {
      expect(detectFileKind(xls, "truong.xls")).toBe("points");
      const result = parsePointsXlsx(xls, { file: "truong.xls" });
      expect(result.report).toMatchObject({ read: 2, accepted: 2, rejected: 0, sheet: "truong" });
      expect(result.items.map((point) => [point.id, point.name, point.lon, point.lat, point.source.row])).toEqual([
        ["LC-01", "Trường Tiểu học Bản Xèo", 103.9712, 22.4856, 1],
        ["LC-02", "Thôn Nậm Cang", 104.0301, 22.3012, 2],
      ]);
      // LibreOffice read "02647" from the CSV as the number 2647 (General format), and the dates as dates.
      expect(result.items[0].extra).toMatchObject({ ngày: "2026-03-15" });
      expect(result.items[0].communeCode).toBe("2647");
    });
  });
});
