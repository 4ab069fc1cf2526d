import { describe, expect, it } from "vitest";
import { readCsvTable } from "../index.ts";
import type { Point, Technology } from "../types.ts";
import { adminArea, coverageFeature, makePoint, rectangle, squarePolygon } from "../../testing/features.ts";
import { analyzeCoverage, countedLayers } from "../gaps/analyze_coverage.ts";
import { buildExportRows } from "../gaps/export_rows.ts";
import { exportColumns, type ExportRow } from "./export_columns.ts";
import { coverageAsOfText, peopleColumns, peopleDate, peopleKindLabel, peopleStatusLabel } from "./people_columns.ts";
import { createPeopleCsvWriter, peopleSheetRows, peopleToCsv } from "./people_export.ts";
import { pointsToCsv } from "./points_to_csv.ts";

/** A square of coverage from lon `x`, lat 22, with side `size`. */
const square = (carrier: string, technology: Technology, x: number, size: number, asOf: string) =>
  coverageFeature(carrier, technology, squarePolygon(x, 22, size), { asOf });
const point = ({ id, lon, ...fields }: Partial<Point> & Pick<Point, "id" | "kind" | "lon">) => makePoint(id, lon, 22.05, fields);

// Viettel 4G covers 104.00–104.10, Viettel 2G 104.00–104.30, VNPT 4G 104.05–104.15.
const coverage = [
  square("Viettel", "4G", 104, 0.1, "2026-11-15"),
  square("Viettel", "2G", 104, 0.3, "2026-06-30"),
  square("VNPT", "4G", 104.05, 0.1, "2026-11-15"),
];
const points: Point[] = [
  // In Viettel 4G and VNPT 4G: covered by two carriers (listed in the analysis's layer order, VNPT first).
  point({ id: "TH-1", name: "Trường TH Bản Xèo", kind: "school", lon: 104.07, weight: 312, extra: { "ngày khảo sát": "2026-03-09", "ghi chú": "=cmd" } }),
  // In Viettel 2G only: no 4G.
  point({ id: "TB-1", name: "Thôn Nậm Cang", kind: "village", lon: 104.2, weight: 48, extra: { "ngày khảo sát": "", "ghi chú": "" } }),
  // A school site in Viettel 4G only, with no pupil count.
  point({ id: "DT-1", name: "Điểm trường Pù Lầu", kind: "school_site", lon: 104.02, parentId: "TH-1", extra: { "ngày khảo sát": "không rõ", "ghi chú": "" } }),
];
/** A commune boundary: a box from lon `x` to `x + 0.1`. */
const commune = (code: string, parentCode: string, parentName: string, x: number) =>
  adminArea("commune", code, "Yên Bình", rectangle(x, 21.9, x + 0.1, 22.2), { parentCode, parentName });
// Two communes called Yên Bình, in two provinces: TH-1 and DT-1 are in the first, TB-1 in the second.
const admin = [commune("04714", "15", "Lào Cai", 104), commune("06391", "20", "Lạng Sơn", 104.15)];
const analysis = analyzeCoverage(points, coverage, admin);
const filter = { minTechnology: "4G" as const };
const rows: ExportRow[] = buildExportRows(analysis, points, [0, 1, 2], filter);
const asOf = coverageAsOfText(analysis.layers, countedLayers(analysis, filter).counted);

describe("people's words", () => {
  it("name kinds, statuses and dates as a reader writes them", () => {
    expect(["village", "school", "school_site"].map((kind) => peopleKindLabel(kind as Point["kind"], "vi"))).toEqual(["Thôn/bản", "Trường", "Điểm trường"]);
    expect(peopleStatusLabel("uncovered", "vi", "4G")).toBe("Chưa có sóng 4G");
    expect(peopleStatusLabel("uncovered", "vi")).toBe("Chưa có sóng");
    expect(peopleStatusLabel("single_carrier", "en", "4G")).toBe("Only one carrier with 4G");
    expect(peopleDate("2026-11-15")).toBe("15/11/2026");
    expect(peopleDate("2026-11-15T08:00:00Z")).toBe("15/11/2026");
    // Not an ISO day: left alone, never guessed.
    expect(["15/11/2026", "2026-13-01", "20261115", "khoảng 2026-11"].map(peopleDate)).toEqual(["15/11/2026", "2026-13-01", "20261115", "khoảng 2026-11"]);
  });

  it("give the coverage date of the counted layers only: one day, or the earliest and the latest", () => {
    // At 4G only the two 2026-11-15 layers count; with every technology the 2G layer of 2026-06-30 counts too.
    expect(asOf).toBe("15/11/2026");
    expect(coverageAsOfText(analysis.layers, countedLayers(analysis, {}).counted)).toBe("30/06/2026 – 15/11/2026");
    expect(coverageAsOfText([{ carrier: "A", technology: "4G", asOf: null }], [true])).toBe("");
  });
});

describe("peopleToCsv", () => {
  const columns = peopleColumns(exportColumns(rows), { language: "vi", minTechnology: "4G", coverageAsOf: asOf });

  it("writes Vietnamese headers in reading order, the extra columns last", () => {
    expect(columns.map((column) => column.header)).toEqual([
      "Tên",
      "Loại",
      "Trạng thái",
      "Nhà mạng có sóng",
      "Công nghệ tốt nhất",
      "Sĩ số",
      "Số hộ",
      "Xã",
      "Tỉnh",
      "Sóng hiện có (mọi công nghệ)",
      "Vùng phủ tính đến ngày",
      "Kinh độ",
      "Vĩ độ",
      "Mã điểm",
      "Thuộc trường (mã)",
      "Mã xã",
      "Mã tỉnh",
      "ngày khảo sát",
      "ghi chú",
    ]);
  });

  it("writes the values a reader expects (worked by hand), formula-safe, with a BOM and CRLF", () => {
    const csv = peopleToCsv(rows, columns);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const lines = csv.slice(1).split("\r\n");
    expect(lines).toHaveLength(5);
    expect(lines[1]).toBe(
      'Trường TH Bản Xèo,Trường,Có sóng 4G,"VNPT, Viettel",4G,312,,Yên Bình,Lào Cai,"VNPT 4G, Viettel 2G, Viettel 4G",15/11/2026,104.07,22.05,TH-1,,04714,15,09/03/2026,\'=cmd',
    );
    expect(lines[2]).toBe("Thôn Nậm Cang,Thôn/bản,Chưa có sóng 4G,Không có,2G,,48,Yên Bình,Lạng Sơn,Viettel 2G,15/11/2026,104.2,22.05,TB-1,,06391,20,,");
    expect(lines[3]).toBe(
      'Điểm trường Pù Lầu,Điểm trường,Chỉ một nhà mạng có sóng 4G,Viettel,4G,,,Yên Bình,Lào Cai,"Viettel 2G, Viettel 4G",15/11/2026,104.02,22.05,DT-1,TH-1,04714,15,không rõ,',
    );
    expect(lines[4]).toBe("");
    // The project's own reader gets the formula back unchanged.
    const table = readCsvTable(csv, { file: "people.csv" });
    expect(table.rows[0][table.header.indexOf("ghi chú")]).toBe("=cmd");
  });

  it("writes English headers and values in English", () => {
    const english = peopleColumns(exportColumns(rows), { language: "en", minTechnology: "4G" });
    const lines = peopleToCsv(rows, english).slice(1).split("\r\n");
    expect(lines[0]).toBe(
      "Name,Kind,Status,Carriers with signal,Best technology,Pupils,Households,Commune,Province,Signal present (any technology),Longitude,Latitude,Point ID,Part of school (ID),Commune code,Province code,ngày khảo sát,ghi chú",
    );
    expect(lines[2]).toBe("Thôn Nậm Cang,Village,No 4G signal,None,2G,,48,Yên Bình,Lạng Sơn,Viettel 2G,104.2,22.05,TB-1,,06391,20,,");
  });

  it("uses decimal commas and ; in the semicolon flavour", () => {
    const lines = peopleToCsv(rows, columns, "semicolon").slice(1).split("\r\n");
    expect(lines[2]).toBe("Thôn Nậm Cang;Thôn/bản;Chưa có sóng 4G;Không có;2G;;48;Yên Bình;Lạng Sơn;Viettel 2G;15/11/2026;104,2;22,05;TB-1;;06391;20;;");
  });

  it("writes the same text in pieces as whole", () => {
    const writer = createPeopleCsvWriter(columns);
    expect(writer.head() + writer.rows(rows.slice(0, 1)) + writer.rows(rows.slice(1)) + writer.tail()).toBe(peopleToCsv(rows, columns));
  });

  it("adds the nearest columns when the machine export has them, and renames an imported column that clashes", () => {
    const withNearest: ExportRow[] = rows.map((row, i) => ({
      point: { ...row.point, extra: { Tên: "x" } },
      computed: { ...row.computed, nearest_carrier: i === 1 ? "VNPT" : "", nearest_km: i === 1 ? 4.2 : "" },
    }));
    const headers = peopleColumns(exportColumns(withNearest), { language: "vi" });
    expect(headers.map((column) => column.header)).toContain("Tên (tệp gốc)");
    const nearest = headers.findIndex((column) => column.header === "Nhà mạng gần nhất (chưa phủ)");
    expect(headers[nearest + 1].header).toBe("Cách vùng phủ đó (km)");
    expect(withNearest.map((row) => [headers[nearest].value(row), headers[nearest + 1].value(row)])).toEqual([
      [null, null],
      ["VNPT", 4.2],
      [null, null],
    ]);
  });

  it("leaves the machine export as it was", () => {
    expect(pointsToCsv(rows).slice(1).split("\r\n")[0]).toBe(
      "id,name,kind,lon,lat,parent_id,weight,province_code,province,commune_code,commune,ngày khảo sát,ghi chú,status,covered_by,carriers,best_technology",
    );
  });
});

describe("pupils and households", () => {
  // As the sample list reads: "pupils" is the weight, "households" stays an extra column.
  const listed: ExportRow[] = [
    { point: point({ id: "S", kind: "school", lon: 104.2, weight: 256, extra: { households: "", note: "x" } }), computed: { status: "uncovered" } },
    { point: point({ id: "V", kind: "village", lon: 104.2, extra: { households: "169", note: "" } }), computed: { status: "uncovered" } },
    { point: point({ id: "O", kind: "other", lon: 104.2, weight: 7, extra: { households: "", note: "" } }), computed: { status: "uncovered" } },
  ];

  it("read the second count column, and write it once", () => {
    const columns = peopleColumns(exportColumns(listed), { language: "vi" });
    const headers = columns.map((column) => column.header);
    expect(headers.filter((header) => header === "households")).toEqual([]);
    expect(headers).toContain("note");
    const pupils = columns[headers.indexOf("Sĩ số")];
    const households = columns[headers.indexOf("Số hộ")];
    expect(listed.map((row) => [pupils.value(row), households.value(row)])).toEqual([
      [256, null],
      [null, 169],
      // An "other" point's weight is neither pupils nor households.
      [null, null],
    ]);
  });
});

describe("peopleSheetRows", () => {
  it("writes numbers in numeric columns and text elsewhere, empty cells as null", () => {
    const columns = peopleColumns(exportColumns(rows), { language: "vi", minTechnology: "4G" });
    const sheet = peopleSheetRows(rows, columns);
    expect(sheet[0]).toEqual(columns.map((column) => column.header));
    const at = (header: string) => columns.findIndex((column) => column.header === header);
    expect([sheet[1][at("Sĩ số")], sheet[2][at("Số hộ")], sheet[1][at("Kinh độ")], sheet[1][at("Mã xã")], sheet[2][at("Sĩ số")]]).toEqual([
      312,
      48,
      104.07,
      "04714",
      null,
    ]);
  });
});
