import { describe, expect, it } from "vitest";
import { parsePointsCsv } from "./parse_points_csv.ts";

const file = "points.csv";

function codes(result: ReturnType<typeof parsePointsCsv>): [string, number | undefined][] {
  return result.report.issues.map((issue) => [issue.code, issue.row]);
}

function expectBalanced(result: ReturnType<typeof parsePointsCsv>): void {
  const { report } = result;
  expect(report.read).toBe(report.accepted + report.rejected);
  expect(report.accepted).toBe(result.items.length);
  expect(report.warnings).toBe(report.issues.filter((issue) => issue.severity === "warning").length);
}

describe("parsePointsCsv", () => {
  it("reads a ; file with decimal commas and Vietnamese headers", () => {
    const text = "mã;tên;loại;vĩ độ;kinh độ;số học sinh\nLC-001;Trường PTDTBT TH Bản Xèo;trường;22,4856;103,9712;312\n";
    const result = parsePointsCsv(text, { file });
    expect(result.items).toEqual([
      { id: "LC-001", name: "Trường PTDTBT TH Bản Xèo", kind: "school", lon: 103.9712, lat: 22.4856, weight: 312, source: { file, row: 1 }, extra: {} },
    ]);
    expect(result.report.detected).toMatchObject({ delimiter: ";", decimalComma: true, lonColumn: "kinh độ", latColumn: "vĩ độ" });
    expect(result.report.issues).toEqual([]);
    expectBalanced(result);
  });

  it("reads a tab-separated file with English headers", () => {
    const result = parsePointsCsv("id\tname\tlatitude\tlongitude\nA\tX\t21.5\t105.8\n", { file });
    expect(result.items.map((point) => [point.id, point.lon, point.lat])).toEqual([["A", 105.8, 21.5]]);
    expect(result.report.detected?.delimiter).toBe("\t");
    expect(result.report.detected?.decimalComma).toBe(false);
  });

  it("reads UTF-8 bytes with a BOM", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("id,lat,lon\nA,21.5,105.8\n")]);
    const result = parsePointsCsv(bytes, { file });
    expect(result.report.detected?.encoding).toBe("utf-8-bom");
    expect(result.items[0].id).toBe("A");
  });

  it("reads windows-1258 bytes and composes the Vietnamese name", () => {
    // "id,tên,lat,lon\nA,Lào Cai,22.4,103.9\n" with ê = 0xEA and à = 0xE0 in windows-1258.
    const ascii = (text: string): number[] => [...text].map((character) => character.charCodeAt(0));
    const bytes = new Uint8Array([...ascii("id,t"), 0xea, ...ascii("n,lat,lon\nA,L"), 0xe0, ...ascii("o Cai,22.4,103.9\n")]);
    const result = parsePointsCsv(bytes, { file });
    expect(result.report.detected?.encoding).toBe("windows-1258");
    expect(result.items[0].name).toBe("Lào Cai");
  });

  it("corrects swapped latitude and longitude with a warning on that row", () => {
    const result = parsePointsCsv("id,lat,lon\nA,105.8,21.5\nB,21.6,105.9\n", { file });
    expect(result.items.map((point) => [point.id, point.lon, point.lat])).toEqual([
      ["A", 105.8, 21.5],
      ["B", 105.9, 21.6],
    ]);
    expect(result.report.issues.map((issue) => [issue.code, issue.severity, issue.row])).toEqual([["lat_lon_swapped", "warning", 1]]);
    expectBalanced(result);
  });

  it("reads degrees-minutes-seconds", () => {
    const result = parsePointsCsv(`id;lat;lon\nA;21°32'15"N;105°48'30.5"E\nB;21 32 15;105 48 30\n`, { file });
    expect(result.items[0].lat).toBeCloseTo(21.5375, 10);
    expect(result.items[0].lon).toBeCloseTo(105 + 48 / 60 + 30.5 / 3600, 10);
    expect(result.items[1].lon).toBeCloseTo(105.808333333, 8);
  });

  it("rejects a row outside Vietnam with its row number and the reason", () => {
    const result = parsePointsCsv("id,lat,lon\nA,21.5,105.8\nB,48.85,2.35\n", { file });
    expect(result.items.map((point) => point.id)).toEqual(["A"]);
    const issue = result.report.issues[0];
    expect([issue.code, issue.severity, issue.row]).toEqual(["coordinates_out_of_area", "error", 2]);
    expect(issue.message.en).toContain("outside Vietnam");
    expect(issue.message.vi).toContain("ngoài Việt Nam");
    expect(result.report.rejected).toBe(1);
    expectBalanced(result);
  });

  it("rejects projected metres such as VN-2000 and says to convert to WGS 84 degrees", () => {
    const result = parsePointsCsv("id;x;y\nA;2380123,5;583456,2\n", { file });
    expect(result.items).toEqual([]);
    const issue = result.report.issues[0];
    expect([issue.code, issue.row]).toEqual(["coordinates_projected", 1]);
    expect(issue.message.en).toContain("WGS 84");
    expect(issue.message.vi).toContain("WGS 84");
  });

  it("rejects rows with a missing or unreadable coordinate", () => {
    const result = parsePointsCsv("id,lat,lon\nA,,105.8\nB,21.5,abc\nC,21.5,105.8\n", { file });
    expect(result.items.map((point) => point.id)).toEqual(["C"]);
    expect(result.report.issues.map((issue) => [issue.code, issue.row, issue.column])).toEqual([
      ["coordinates_missing", 1, "lat"],
      ["coordinate_unreadable", 2, "lon"],
    ]);
    expectBalanced(result);
  });

  it("warns on a repeated id, naming the first row, and keeps both points", () => {
    const result = parsePointsCsv("id,lat,lon\nA,21.5,105.8\nB,21.6,105.8\nA,21.7,105.8\n", { file });
    expect(result.items).toHaveLength(3);
    const issue = result.report.issues[0];
    expect([issue.code, issue.severity, issue.row]).toEqual(["duplicate_id", "warning", 3]);
    expect(issue.message.en).toContain("row 1");
    expect(issue.message.vi).toContain("dòng 1");
  });

  it("warns on points at identical coordinates", () => {
    const result = parsePointsCsv("id;lat;lon\nA;21,5;105,8\nB;21.5;105.8\n", { file });
    expect(codes(result)).toEqual([["duplicate_coordinates", 2]]);
    expect(result.report.issues[0].message.en).toContain('"A"');
  });

  it("generates an id from the file stem and row for an empty id cell, with a warning", () => {
    const result = parsePointsCsv("id,lat,lon\n,21.5,105.8\n", { file: "data/truong lao cai.csv" });
    expect(result.items[0].id).toBe("truong lao cai-1");
    expect(codes(result)).toEqual([["id_generated", 1]]);
  });

  it("generates ids with one file-level warning when there is no id column", () => {
    const result = parsePointsCsv("lat,lon\n21.5,105.8\n21.6,105.8\n", { file });
    expect(result.items.map((point) => point.id)).toEqual(["points-1", "points-2"]);
    expect(codes(result)).toEqual([["id_column_missing", undefined]]);
  });

  it("maps kinds in Vietnamese and English and warns on an unknown kind", () => {
    const text =
      "id,loại,lat,lon\n1,Trường học,21.1,105.1\n2,điểm lẻ,21.2,105.1\n3,Bản,21.3,105.1\n4,Trung tâm thôn,21.4,105.1\n5,school_site,21.5,105.1\n6,bệnh viện,21.6,105.1\n7,,21.7,105.1\n8,ấp,21.8,105.1\n";
    const result = parsePointsCsv(text, { file });
    expect(result.items.map((point) => point.kind)).toEqual(["school", "school_site", "village", "village_centre", "school_site", "other", "other", "village"]);
    expect(codes(result)).toEqual([["kind_unknown", 6]]);
  });

  it("reads the admin, parent and weight columns and keeps every other column verbatim in extra", () => {
    const text =
      "mã điểm,tên điểm,mã trường chính,số hộ,tỉnh,province_code,xã,commune_code,ghi chú,Điện thoại,lat,lon\nS1,Điểm A,T1,45,Lào Cai,10,Bản Xèo,02833,  có đường ,+84912,22.1,104.2\n";
    const [point] = parsePointsCsv(text, { file }).items;
    expect(point).toEqual({
      id: "S1",
      name: "Điểm A",
      kind: "other",
      lon: 104.2,
      lat: 22.1,
      parentId: "T1",
      weight: 45,
      provinceCode: "10",
      provinceName: "Lào Cai",
      communeCode: "02833",
      communeName: "Bản Xèo",
      source: { file, row: 1 },
      extra: { "ghi chú": "  có đường ", "Điện thoại": "+84912" },
    });
  });

  it("uses coordinate and other columns named by the caller", () => {
    const text = "Mã số,Toạ độ N,Toạ độ E,Tên gọi\nA,21.5,105.8,Bản A\n";
    const result = parsePointsCsv(text, { file, latColumn: "Toạ độ N", lonColumn: "toa do e", columns: { id: "Mã số", name: "Tên gọi" } });
    expect(result.items.map((point) => [point.id, point.name, point.lon, point.lat])).toEqual([["A", "Bản A", 105.8, 21.5]]);
    expect(result.items[0].extra).toEqual({});
  });

  it("warns when a caller-named column is not in the file", () => {
    const result = parsePointsCsv("id,lat,lon\nA,21.5,105.8\n", { file, columns: { weight: "pupils" } });
    expect(codes(result)).toEqual([["column_not_found", undefined]]);
  });

  it("reads a pupil count with a thousands separator", () => {
    const result = parsePointsCsv("id;lat;lon;số học sinh\nA;21,5;105,8;1.234\n", { file });
    expect(result.items[0].weight).toBe(1234);
  });

  it("warns on an unreadable weight and keeps the point", () => {
    const result = parsePointsCsv("id,lat,lon,weight\nA,21.5,105.8,nhiều\n", { file });
    expect(result.items[0].weight).toBeUndefined();
    expect(codes(result)).toEqual([["weight_unreadable", 1]]);
  });

  it("rejects every row with one file-level error when there are no coordinate columns", () => {
    const result = parsePointsCsv("id,name\nA,x\nB,y\n", { file });
    expect(result.items).toEqual([]);
    expect(result.report).toMatchObject({ read: 2, accepted: 0, rejected: 2 });
    expect(codes(result)).toEqual([["coordinate_columns_missing", undefined]]);
  });

  it("returns an empty report with one error for an empty file", () => {
    const result = parsePointsCsv("", { file });
    expect(result.report).toMatchObject({ read: 0, accepted: 0, rejected: 0 });
    expect(codes(result)).toEqual([["file_empty", undefined]]);
  });

  it("returns read 0 with a warning for a header-only file", () => {
    const result = parsePointsCsv("id,lat,lon\r\n", { file });
    expect(result.report).toMatchObject({ read: 0, accepted: 0, rejected: 0 });
    expect(codes(result)).toEqual([["no_rows", undefined]]);
  });

  it("numbers rows as data rows from 1, counting blank lines", () => {
    const result = parsePointsCsv("id,lat,lon\nA,21.5,105.8\n\nB,99,99\n", { file });
    expect(codes(result)).toEqual([["coordinates_out_of_area", 3]]);
  });

  it("always balances read = accepted + rejected on random garbage rows", () => {
    let seed = 12345;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const pieces = ["", "21,5", "105.8", "abc", '"', ";", ",", "\t", "\n", "21°", "N", "-", "1e9", "Đ", "=1+1", "  ", "23.39", "7.18", "117.83", "\r\n"];
    for (let trial = 0; trial < 200; trial++) {
      let text = trial % 2 === 0 ? "id;lat;lon;name\n" : "id,lat,lon\n";
      const length = Math.floor(random() * 60);
      for (let i = 0; i < length; i++) text += pieces[Math.floor(random() * pieces.length)];
      const result = parsePointsCsv(text, { file });
      expectBalanced(result);
      for (const point of result.items) {
        expect(Number.isFinite(point.lon) && Number.isFinite(point.lat)).toBe(true);
      }
    }
  });
});
