import { describe, expect, it } from "vitest";
import { strToU8, zipSync } from "fflate";
import { decodeText, detectUtf16 } from "./decode_text.ts";
import { readGeojsonInput } from "./geojson_input.ts";
import { parsePointsCsv } from "./parse_points_csv.ts";
import { parsePointsGeojson } from "./parse_points_geojson.ts";
import { createPointsCsvStream } from "./points_csv_stream.ts";
import { parsePointsXlsx } from "./xlsx_import.ts";
import { restoreBackup } from "../tracking/backup.ts";
import { vietnamDate } from "../tracking/dates.ts";

const CSV = "mã,tên,kinh độ,vĩ độ\r\nA,Trường Bản Xèo,104.1,22.1\r\nB,Thôn Nà Pồ,104.2,22.2\r\n";

function utf16(text: string, order: "le" | "be", bom: boolean): Uint8Array {
  const bytes = new Uint8Array((text.length + (bom ? 1 : 0)) * 2);
  const units = (bom ? "\uFEFF" : "") + text;
  for (let i = 0; i < units.length; i++) {
    const code = units.charCodeAt(i);
    bytes[2 * i + (order === "le" ? 0 : 1)] = code & 0xff;
    bytes[2 * i + (order === "le" ? 1 : 0)] = code >> 8;
  }
  return bytes;
}

describe("UTF-16 CSV files are decoded, not called 'no coordinate column'", () => {
  for (const order of ["le", "be"] as const) {
    for (const bom of [true, false]) {
      it(`reads UTF-16 ${order.toUpperCase()} ${bom ? "with" : "without"} a byte-order mark, whole and streamed`, () => {
        const bytes = utf16(CSV, order, bom);
        expect(detectUtf16(bytes)).toBe(`utf-16${order}`);
        expect(decodeText(bytes).text).toBe(CSV);
        const whole = parsePointsCsv(bytes, { file: "u16.csv" });
        expect(whole.report.issues).toEqual([]);
        expect(whole.report.detected?.encoding).toBe(`utf-16${order}`);
        expect(whole.items.map((point) => [point.id, point.name, point.lon])).toEqual([
          ["A", "Trường Bản Xèo", 104.1],
          ["B", "Thôn Nà Pồ", 104.2],
        ]);
        for (const chunk of [1, 3, 7, 1000]) {
          const stream = createPointsCsvStream({ file: "u16.csv", batchBytes: 8 });
          const items = [];
          for (let start = 0; start < bytes.length; start += chunk)
            for (const batch of stream.push(bytes.slice(start, start + chunk))) items.push(...batch.items);
          for (const batch of stream.end()) items.push(...batch.items);
          expect(items.map((point) => [point.id, point.name, point.source.row])).toEqual(whole.items.map((point) => [point.id, point.name, point.source.row]));
          expect(stream.report().detected?.encoding).toBe(`utf-16${order}`);
        }
      });
    }
  }

  it("leaves UTF-8 and windows-1258 alone", () => {
    expect(detectUtf16(new TextEncoder().encode(CSV))).toBeNull();
    expect(detectUtf16(new Uint8Array([0x54, 0x72, 0xf0, 0xf2, 0x6e, 0x67]))).toBeNull();
  });
});

describe("an .xlsx with inline strings and no shared strings", () => {
  it("is read like any workbook", () => {
    const cell = (ref: string, value: string) => `<c r="${ref}" t="inlineStr"><is><t>${value}</t></is></c>`;
    const sheet = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">${cell("A1", "id")}${cell("B1", "lon")}${cell("C1", "lat")}</row><row r="2">${cell("A2", "A")}<c r="B2"><v>104.1</v></c><c r="C2"><v>22.1</v></c></row></sheetData></worksheet>`;
    const bytes = zipSync({
      "xl/workbook.xml": strToU8(
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
      ),
      "xl/_rels/workbook.xml.rels": strToU8(
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      ),
      "xl/worksheets/sheet1.xml": strToU8(sheet),
    });
    const result = parsePointsXlsx(bytes, { file: "inline.xlsx" });
    expect(result.report.issues).toEqual([]);
    expect(result.items.map((point) => [point.id, point.lon, point.lat])).toEqual([["A", 104.1, 22.1]]);
  });
});

describe("messages that say what is wrong", () => {
  it("does not call 1e308 projected metres", () => {
    const result = parsePointsCsv("id,lon,lat\nA,1e308,22\nB,580000,2450000\n", { file: "a.csv" });
    expect(result.report.issues.find((issue) => issue.row === 1)?.code).toBe("coordinates_invalid");
    expect(result.report.issues.find((issue) => issue.row === 1)?.message.en).not.toContain("projected metres (");
    // Real projected metres (VN-2000 / UTM) still get the projected message.
    expect(result.report.issues.find((issue) => issue.row === 2)?.code).toBe("coordinates_projected");
  });

  it("says a truncated GeoJSON is cut off, and where", () => {
    const text = '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"Bản Xèo"},"geometry":{"type":"Point","coordinates":[104.1,';
    const issue = readGeojsonInput(text, "cut.geojson").issues[0];
    expect(issue.code).toBe("json_invalid");
    expect(issue.message.en).toContain("cut off");
    expect(issue.message.en).toContain(`byte ${new TextEncoder().encode(text).length}`);
    expect(issue.message.vi).toContain("bị cắt cụt");
  });

  it("refuses properties nested 100,000 deep with a message, not a stack overflow", () => {
    const deep = '{"a":'.repeat(100_000) + "1" + "}".repeat(100_000);
    const text = `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"A"},"geometry":{"type":"Point","coordinates":[104,22]}},{"type":"Feature","properties":{"x":${deep}},"geometry":{"type":"Point","coordinates":[104,22]}}]}`;
    const result = parsePointsGeojson(text, { file: "deep.geojson" });
    expect(result.report.issues).toHaveLength(1);
    expect(result.report.issues[0]).toMatchObject({ code: "properties_too_deep", severity: "error" });
    expect(result.report.issues[0].message.en).toContain("Feature 2");
    // An ordinary nested property (a few levels) is still read.
    expect(
      parsePointsGeojson('{"type":"Feature","properties":{"id":"A","x":{"y":[1,{"z":"ạ"}]}},"geometry":{"type":"Point","coordinates":[104.1,22.1]}}', {
        file: "ok.geojson",
      }).items,
    ).toHaveLength(1);
  });

  it("refuses a backup that says version -1 (or 0.5) with a message", () => {
    for (const version of [-1, -7]) {
      const result = restoreBackup({ format: "lom-song-backup", version, registry: [], events: [] });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.en).toContain(`unknown backup version (${version})`);
    }
    const half = restoreBackup({ format: "lom-song-backup", version: 0.5 });
    expect(half.ok).toBe(false);
  });
});

describe("vietnamDate", () => {
  it("is the calendar day in Hà Nội (UTC+7), not in UTC", () => {
    expect(vietnamDate(Date.parse("2026-11-20T16:59:59Z"))).toBe("2026-11-20");
    expect(vietnamDate(Date.parse("2026-11-20T17:00:00Z"))).toBe("2026-11-21");
    expect(vietnamDate(new Date("2026-12-31T23:30:00Z"))).toBe("2027-01-01");
    expect(vietnamDate(Date.parse("2026-03-01T06:59:00+07:00"))).toBe("2026-03-01");
  });
});
