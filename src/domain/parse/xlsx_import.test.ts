import { describe, expect, it } from "vitest";
import { buildXlsx, type SimpleCell } from "../../../tests/xlsx_builder.ts";
import type { ImportReport } from "../issues.ts";
import { parseRegistryCsv } from "../tracking/parse_registry.ts";
import { makeListedPoint } from "../../testing/listed_points.ts";
import { parseUpdatesCsv } from "../tracking/updates.ts";
import { detectFileKind } from "./detect_file_kind.ts";
import { parsePointsCsv } from "./parse_points_csv.ts";
import { parsePointsXlsx, parseRegistryXlsx, parseUpdatesXlsx, previewXlsx, sheetToCsv } from "./xlsx_import.ts";

/** The CSV report as the workbook's report should read: the sheet named, no CSV encoding or delimiter. */
function asSheetReport(report: ImportReport, sheet: string): ImportReport {
  const expected: ImportReport = { ...report, sheet };
  if (report.detected) {
    const { encoding: _encoding, delimiter: _delimiter, ...rest } = report.detected;
    expected.detected = rest;
  }
  return expected;
}

const POINT_ROWS: SimpleCell[][] = [
  ["id", "name", "kind", "lat", "lon", "pupils", "note"],
  ["LC-001", "Trường PTDTBT TH Bản Xèo", "trường", 22.485600000000002, 103.9712, 312, 'a, "quoted" note'],
  ["LC-002", null, "điểm trường", 22.5012, 103.95670000000001, 41],
  [],
  // Latitude and longitude swapped.
  ["LC-003", "Thôn Nà Pồ", "thôn", 104.0123, 22.3456, null, true],
  // A bad row: unreadable latitude.
  ["LC-004", "Bản Mới", "bản", "abc", 104.1],
  ["LC-001", "Duplicate id", "thôn", 22.4, 104.2],
];

const POINT_CSV = [
  "id,name,kind,lat,lon,pupils,note",
  'LC-001,Trường PTDTBT TH Bản Xèo,trường,22.4856,103.9712,312,"a, ""quoted"" note"',
  "LC-002,,điểm trường,22.5012,103.9567,41",
  "",
  "LC-003,Thôn Nà Pồ,thôn,104.0123,22.3456,,TRUE",
  "LC-004,Bản Mới,bản,abc,104.1",
  "LC-001,Duplicate id,thôn,22.4,104.2",
].join("\r\n");

describe("parsePointsXlsx", () => {
  it("gives the same points and report as the equivalent CSV (blank rows, gaps, float noise, swaps, a bad row)", () => {
    const bytes = buildXlsx({ sheets: [{ name: "Sheet1", rows: POINT_ROWS }] });
    const xlsx = parsePointsXlsx(bytes, { file: "lao-cai.xlsx" });
    const csv = parsePointsCsv(POINT_CSV, { file: "lao-cai.xlsx" });
    expect(xlsx.items).toEqual(csv.items);
    expect(xlsx.report).toEqual(asSheetReport(csv.report, "Sheet1"));
    expect(xlsx.report).toMatchObject({ read: 5, accepted: 4, rejected: 1, sheet: "Sheet1" });
    expect(xlsx.report.read).toBe(xlsx.report.accepted + xlsx.report.rejected);
    // Report row N is Excel row N + 1: the bad row is Excel row 6, the swapped one row 5 (row 4 is blank).
    expect(xlsx.report.issues.find((issue) => issue.code === "coordinate_unreadable")?.row).toBe(5);
    expect(xlsx.report.issues.find((issue) => issue.code === "lat_lon_swapped")?.row).toBe(4);
    expect(xlsx.items[0]).toMatchObject({ lat: 22.4856, lon: 103.9712, weight: 312, extra: { note: 'a, "quoted" note' } });
  });

  it("reads a Vietnamese header with a decimal-comma text cell and formula cells by their cached values", () => {
    const sheetData = [
      '<row r="1"><c r="A1" t="inlineStr"><is><t>Tên trường</t></is></c><c r="B1" t="inlineStr"><is><t>Vĩ độ</t></is></c><c r="C1" t="inlineStr"><is><t>Kinh độ</t></is></c></row>',
      '<row r="2"><c r="A2" t="inlineStr"><is><t>Bản Xèo</t></is></c><c r="B2" t="inlineStr"><is><t>22,4856</t></is></c><c r="C2"><f>103+0.9712</f><v>103.97120000000001</v></c></row>',
      '<row r="3"><c r="A3" t="str"><f>"Nà "&amp;"Pồ"</f><v>Nà Pồ</v></c><c r="B3"><v>22.5012</v></c><c r="C3"><v>103.9567</v></c></row>',
    ].join("");
    const bytes = buildXlsx({ sheets: [{ name: "Trường học", sheetData }] });
    const xlsx = parsePointsXlsx(bytes, { file: "truong.xlsx" });
    const csv = parsePointsCsv('Tên trường,Vĩ độ,Kinh độ\nBản Xèo,"22,4856",103.9712\nNà Pồ,22.5012,103.9567\n', { file: "truong.xlsx" });
    expect(xlsx.items).toEqual(csv.items);
    expect(xlsx.report).toEqual(asSheetReport(csv.report, "Trường học"));
    // "Tên trường" is a name header (as in a CSV).
    expect(xlsx.items.map((point) => [point.name, point.lat, point.lon])).toEqual([
      ["Bản Xèo", 22.4856, 103.9712],
      ["Nà Pồ", 22.5012, 103.9567],
    ]);
    expect(xlsx.report.detected).toMatchObject({ decimalComma: true, latColumn: "Vĩ độ", lonColumn: "Kinh độ" });
  });

  it("chooses the first sheet with coordinate columns, or the sheet named", () => {
    const bytes = buildXlsx({
      sheets: [
        { name: "Hướng dẫn", rows: [["Danh sách trường"], ["Lập ngày 21/11/2026"]] },
        {
          name: "Danh sách",
          rows: [
            ["mã", "vĩ độ", "kinh độ"],
            ["A", 22.4, 104.1],
          ],
        },
      ],
    });
    const chosen = parsePointsXlsx(bytes, { file: "ds.xlsx" });
    expect(chosen.report).toMatchObject({ sheet: "Danh sách", read: 1, accepted: 1 });
    const named = parsePointsXlsx(bytes, { file: "ds.xlsx", sheet: "Hướng dẫn" });
    expect(named.report.sheet).toBe("Hướng dẫn");
    expect(named.report.issues.map((issue) => issue.code)).toContain("coordinate_columns_missing");
    const missing = parsePointsXlsx(bytes, { file: "ds.xlsx", sheet: "Không có" });
    expect(missing.report).toMatchObject({ read: 0, accepted: 0, rejected: 0 });
    expect(missing.report.issues).toEqual([expect.objectContaining({ code: "xlsx_sheet_not_found", severity: "error", file: "ds.xlsx" })]);
    expect(missing.report.issues[0].message.en).toContain('"Hướng dẫn", "Danh sách"');
  });

  it("prefers a visible sheet to a hidden one", () => {
    const bytes = buildXlsx({
      sheets: [
        {
          name: "Tra cứu",
          hidden: true,
          rows: [
            ["mã", "vĩ độ", "kinh độ"],
            ["X", 21, 105],
          ],
        },
        {
          name: "Danh sách",
          rows: [
            ["mã", "vĩ độ", "kinh độ"],
            ["A", 22.4, 104.1],
            ["B", 22.5, 104.2],
          ],
        },
      ],
    });
    expect(parsePointsXlsx(bytes, { file: "ds.xlsx" }).report).toMatchObject({ sheet: "Danh sách", accepted: 2 });
    expect(parsePointsXlsx(bytes, { file: "ds.xlsx", sheet: "Tra cứu" }).report).toMatchObject({ sheet: "Tra cứu", accepted: 1 });
  });

  it("reports a workbook that cannot be read as one file-level error, read 0", () => {
    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const result = parsePointsXlsx(ole, { file: "cu.xls" });
    expect(result.items).toEqual([]);
    expect(result.report).toMatchObject({ file: "cu.xls", kind: "points", read: 0, accepted: 0, rejected: 0 });
    expect(result.report.issues[0]).toMatchObject({ code: "xls_binary", severity: "error" });
    expect(result.report.issues[0].message.vi).toContain("CSV UTF-8");
  });

  it("keeps a __proto__ header harmless and identical to the CSV path", () => {
    const rows: SimpleCell[][] = [
      ["__proto__", "constructor", "lat", "lon"],
      ["x", "y", 22.4, 104.1],
    ];
    const xlsx = parsePointsXlsx(buildXlsx({ sheets: [{ name: "S", rows }] }), { file: "p.xlsx" });
    const csv = parsePointsCsv("__proto__,constructor,lat,lon\nx,y,22.4,104.1\n", { file: "p.xlsx" });
    expect(xlsx.items).toEqual(csv.items);
    expect(xlsx.report.accepted).toBe(1);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});

describe("parseRegistryXlsx", () => {
  const header: SimpleCell[] = ["mã", "tên", "kinh độ", "vĩ độ", "nhà mạng", "hạn hoàn thành"];
  const dateRow = (serial: number) =>
    `<row r="2"><c r="A2" t="inlineStr"><is><t>LS-1</t></is></c><c r="B2" t="inlineStr"><is><t>Bản Mới</t></is></c><c r="C2"><v>104.1</v></c><c r="D2"><v>22.3</v></c><c r="E2" t="inlineStr"><is><t>viettel</t></is></c><c r="F2" s="2"><v>${serial}</v></c></row>`;
  const headerRow = `<row r="1">${header.map((cell, index) => `<c r="${String.fromCharCode(65 + index)}1" t="inlineStr"><is><t>${String(cell)}</t></is></c>`).join("")}</row>`;
  const csv = "mã,tên,kinh độ,vĩ độ,nhà mạng,hạn hoàn thành\nLS-1,Bản Mới,104.1,22.3,viettel,2026-09-30\n";

  it("reads deadlines written as Excel dates, in both date systems, like the CSV", () => {
    const expected = parseRegistryCsv(csv, { file: "danh-sach.xlsx" });
    for (const [date1904, serial] of [
      [false, 46295],
      [true, 44833],
    ] as const) {
      const bytes = buildXlsx({ date1904, sheets: [{ name: "Danh sách", sheetData: headerRow + dateRow(serial) }] });
      const result = parseRegistryXlsx(bytes, { file: "danh-sach.xlsx" });
      expect(result.items).toEqual(expected.items);
      expect(result.report).toEqual(asSheetReport(expected.report, "Danh sách"));
      expect(result.items[0]).toMatchObject({ carrier: "Viettel", deadline: "2026-09-30" });
    }
  });
});

describe("parseUpdatesXlsx", () => {
  const registry = [makeListedPoint("A", { carrier: "Viettel" }), makeListedPoint("B", { carrier: "Viettel" })];
  const options = { file: "viettel.xlsx", registry, events: [], today: "2026-03-31", listPublishedOn: "2026-01-01" };

  it("gives the same events and report as the CSV, with dates as Excel dates and a bad row", () => {
    const rows: SimpleCell[][] = [
      ["Mã điểm", "Nhà mạng", "Trạng thái", "Ngày", "Công nghệ", "Minh chứng", "Ghi chú"],
      ["A", "Viettel", "đã có kế hoạch", "2026-01-10"],
      ["A", "Viettel", "on_air", "2026-02-01", "4G", "speedtest 35 Mbps"],
      ["Z", "Viettel", "planned", "2026-02-01"],
      [],
      ["B", "viettel", "Đang xây dựng", "15/02/2026"],
    ];
    const bytes = buildXlsx({ sheets: [{ name: "Cập nhật", rows }] });
    const xlsx = parseUpdatesXlsx(bytes, options);
    const csv = parseUpdatesCsv(
      "Mã điểm,Nhà mạng,Trạng thái,Ngày,Công nghệ,Minh chứng,Ghi chú\nA,Viettel,đã có kế hoạch,2026-01-10\nA,Viettel,on_air,2026-02-01,4G,speedtest 35 Mbps\nZ,Viettel,planned,2026-02-01\n\nB,viettel,Đang xây dựng,15/02/2026\n",
      options,
    );
    expect(xlsx.events).toEqual(csv.events);
    expect(xlsx.conflicts).toEqual(csv.conflicts);
    expect(xlsx.report).toEqual(asSheetReport(csv.report, "Cập nhật"));
    expect(xlsx.report).toMatchObject({ read: 4, accepted: 3, rejected: 1 });
    expect(xlsx.events.map((event) => event.source?.row)).toEqual([1, 2, 5]);
  });
});

describe("detectFileKind and previewXlsx on workbooks", () => {
  it("tells the kind from the first sheet's header", () => {
    expect(detectFileKind(buildXlsx({ sheets: [{ name: "S", rows: [["mã", "vĩ độ", "kinh độ"]] }] }), "a.xlsx")).toBe("points");
    expect(detectFileKind(buildXlsx({ sheets: [{ name: "S", rows: [["id", "lat", "lon", "carrier", "deadline"]] }] }), "b.xlsx")).toBe("registry");
    expect(detectFileKind(buildXlsx({ sheets: [{ name: "S", rows: [["point_id", "status"]] }] }), "c")).toBe("updates");
    const ole = new Uint8Array(512);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(detectFileKind(ole, "d.xls")).toBe("unknown");
  });

  it("previews the chosen sheet and lists them all", () => {
    const bytes = buildXlsx({
      sheets: [
        { name: "Ghi chú", rows: [["x"]] },
        { name: "Điểm", rows: [["id", "lat", "lon"], ["A", 22.4, 104.1], [], ["B", 22.5, 104.2]] },
      ],
    });
    const result = previewXlsx(bytes, { file: "p.xlsx" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({
      sheets: ["Ghi chú", "Điểm"],
      sheet: "Điểm",
      preview: { columns: ["id", "lat", "lon"], rowCount: 2, latColumn: "lat", lonColumn: "lon", guessedKind: "points" },
    });
    expect(result.value.preview.rows).toEqual([
      ["A", "22.4", "104.1"],
      ["B", "22.5", "104.2"],
    ]);
    const other = previewXlsx(bytes, { file: "p.xlsx", sheet: "Ghi chú" });
    expect(other.ok && other.value.preview.columns).toEqual(["x"]);
  });

  it("writes a sheet as CSV with one line per spreadsheet row", () => {
    expect(sheetToCsv([["a", "", 'b"c'], [], ["", "d"]])).toBe('"a",,"b""c"\n\n,"d"');
  });
});
