import { describe, expect, it } from "vitest";
import type { Point } from "../types.ts";
import { parseRegistryCsv, parseRegistryGeojson } from "./parse_registry.ts";

const loaded: Point[] = [
  {
    id: "TH-01",
    name: "Trường TH Bản Mế",
    kind: "school",
    lon: 104.2,
    lat: 22.6,
    provinceName: "Lào Cai",
    communeName: "Bản Mế",
    source: { file: "points.csv", row: 1 },
    extra: {},
  },
];

describe("parseRegistryCsv", () => {
  it("keeps a row's point_id when its coordinates already place it (the bundled list: the map rings that point)", () => {
    const csv = "id,name,lon,lat,point_id,carrier,deadline\nDZ-1,Bản A,104.1,22.1,LC-SITE-0005,Viettel,2026-12-31\n";
    const { items, report } = parseRegistryCsv(csv, { file: "dz.csv" });
    expect(report.accepted).toBe(1);
    expect(items[0]).toMatchObject({ id: "DZ-1", pointId: "LC-SITE-0005", lon: 104.1, lat: 22.1 });
  });

  it("reads Vietnamese headers, decimal commas, day-first deadlines and canonical carriers", () => {
    const csv =
      "Mã;Tên;Loại;Kinh độ;Vĩ độ;Tỉnh;Xã;Nhà mạng;Hạn hoàn thành;Ưu tiên;Ghi chú;Số hộ\nLS-1;Thôn Nà Pồng;thôn;104,1;22,3;Lào Cai;Bản Mế;viettel;30/09/2026;1;cần trạm mới;45\n";
    const { items, report } = parseRegistryCsv(csv, { file: "danh-sach.csv" });
    expect(report).toMatchObject({ kind: "registry", read: 1, accepted: 1, rejected: 0, warnings: 1 });
    expect(report.issues.map((issue) => [issue.code, issue.message.vi])).toEqual([["deadline_read", '"30/09/2026" được hiểu là 30/09/2026 (ngày/tháng/năm)']]);
    expect(items[0]).toEqual({
      id: "LS-1",
      name: "Thôn Nà Pồng",
      kind: "village",
      lon: 104.1,
      lat: 22.3,
      province: "Lào Cai",
      commune: "Bản Mế",
      carrier: "Viettel",
      deadline: "2026-09-30",
      priority: 1,
      note: "cần trạm mới",
      source: { file: "danh-sach.csv", row: 1 },
      extra: { "Số hộ": "45" },
    });
  });

  it("takes the location, name and area of a loaded point named by point_id", () => {
    const csv = "id,point_id,carrier,deadline\nLS-2,TH-01,MobiFone,2026-12-31\n";
    const { items } = parseRegistryCsv(csv, { file: "r.csv", points: loaded });
    expect(items[0]).toMatchObject({
      id: "LS-2",
      pointId: "TH-01",
      name: "Trường TH Bản Mế",
      kind: "school",
      lon: 104.2,
      lat: 22.6,
      province: "Lào Cai",
      carrier: "MobiFone",
    });
  });

  it("rejects rows without location, id or carrier, and duplicate ids, with reasons", () => {
    const csv = [
      "id,lon,lat,point_id,carrier,deadline",
      "A,,,,Viettel,2026-12-31", // no location
      "B,,,TH-99,Viettel,2026-12-31", // point id unknown
      ",104,22,,Viettel,2026-12-31", // no id
      "C,104,22,,,2026-12-31", // no carrier
      "D,104,22,,Viettel,2026-12-31",
      "D,104,22,,Viettel,2026-12-31", // duplicate id
      "E,2,3,,Viettel,2026-12-31", // outside Vietnam
    ].join("\n");
    const { items, report } = parseRegistryCsv(csv, { file: "r.csv", points: loaded });
    expect(items.map((item) => item.id)).toEqual(["D"]);
    expect(report).toMatchObject({ read: 7, accepted: 1, rejected: 6 });
    expect(report.issues.map((issue) => [issue.row, issue.code])).toEqual([
      [1, "location_missing"],
      [2, "point_not_found"],
      [3, "id_missing"],
      [4, "carrier_missing"],
      [6, "id_duplicate"],
      [7, "coordinates_out_of_area"],
    ]);
  });

  it("rejects a row whose deadline cannot be read, and keeps a row without one (with a warning) and an unknown carrier", () => {
    const csv = "id,lon,lat,carrier,deadline\nA,104,22,Nhà mạng X,cuối năm\nB,104,22,Viettel,\nC,104,22,Nhà mạng X,2026-12-31\n";
    const { items, report } = parseRegistryCsv(csv, { file: "r.csv" });
    expect(items.map((item) => [item.id, item.carrier, item.deadline])).toEqual([
      ["B", "Viettel", null],
      ["C", "Nhà mạng X", "2026-12-31"],
    ]);
    expect(report).toMatchObject({ read: 3, accepted: 2, rejected: 1 });
    expect(report.issues.map((issue) => [issue.row, issue.code, issue.severity])).toEqual([
      [1, "deadline_invalid", "error"],
      [2, "deadline_missing", "warning"],
    ]);
  });

  it("corrects swapped coordinates with a warning", () => {
    const { items, report } = parseRegistryCsv("id,lon,lat,carrier,deadline\nA,22.3,104.1,VNPT,2026-12-31\n", { file: "r.csv" });
    expect([items[0].lon, items[0].lat]).toEqual([104.1, 22.3]);
    expect(report.issues[0].code).toBe("lat_lon_swapped");
  });

  it("rejects the whole file when a required column is missing", () => {
    const { items, report } = parseRegistryCsv("id,lon,lat,deadline\nA,104,22,2026-12-31\n", { file: "r.csv" });
    expect(items).toEqual([]);
    expect(report).toMatchObject({ read: 1, rejected: 1 });
    expect(report.issues[0]).toMatchObject({ code: "columns_missing", severity: "error" });
    expect(report.issues[0].message.en).toContain("carrier");
  });
});

describe("parseRegistryGeojson", () => {
  it("reads point features and their properties", () => {
    const collection = {
      type: "FeatureCollection",
      features: [
        {
          type: "Feature",
          geometry: { type: "Point", coordinates: [104.1, 22.3] },
          properties: { id: "A", tên: "Bản A", "nhà mạng": "VNPT", hạn: "2026-06-30", households: 12 },
        },
        { type: "Feature", geometry: null, properties: { id: "B", point_id: "TH-01", carrier: "Viettel", deadline: "2026-06-30" } },
        { type: "Feature", geometry: null, properties: { id: "C", carrier: "Viettel" } },
      ],
    };
    const { items, report } = parseRegistryGeojson(JSON.stringify(collection), { file: "r.geojson", points: loaded });
    expect(items.map((item) => [item.id, item.name, item.carrier, item.lon, item.lat])).toEqual([
      ["A", "Bản A", "VNPT", 104.1, 22.3],
      ["B", "Trường TH Bản Mế", "Viettel", 104.2, 22.6],
    ]);
    expect(items[0].extra).toEqual({ households: "12" });
    expect(report.issues.find((issue) => issue.severity === "error")).toMatchObject({ featureIndex: 2, code: "location_missing" });
  });

  it("reads the list from a Google Earth KML, the columns in each Placemark's ExtendedData", () => {
    const placemark = (id: string, carrier: string, lon: number) =>
      `<Placemark><name>Bản ${id}</name><ExtendedData><Data name="id"><value>${id}</value></Data><Data name="nhà mạng"><value>${carrier}</value></Data>` +
      `<Data name="hạn"><value>2026-06-30</value></Data></ExtendedData><Point><coordinates>${lon},22.3,0</coordinates></Point></Placemark>`;
    const kml = `<?xml version="1.0"?><kml><Document>${placemark("A", "VNPT", 104.1)}${placemark("B", "Viettel", 104.2)}</Document></kml>`;
    const { items, report } = parseRegistryGeojson(kml, { file: "danh-sach.kml" });
    expect(items.map((item) => [item.id, item.name, item.carrier, item.deadline, item.lon, item.lat])).toEqual([
      ["A", "Bản A", "VNPT", "2026-06-30", 104.1, 22.3],
      ["B", "Bản B", "Viettel", "2026-06-30", 104.2, 22.3],
    ]);
    expect(report.read).toBe(report.accepted + report.rejected);
    expect(parseRegistryGeojson("<kml><Placemark>", { file: "hong.kml" }).report.issues[0].code).toBe("kml_invalid");
  });

  it("rejects a file that is not a FeatureCollection", () => {
    expect(parseRegistryGeojson({ type: "Feature" }, { file: "x" }).report.issues[0].code).toBe("not_feature_collection");
  });
});
