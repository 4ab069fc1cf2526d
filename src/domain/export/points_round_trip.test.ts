import { describe, expect, it } from "vitest";
import { parsePointsCsv } from "../parse/parse_points_csv.ts";
import { parsePointsGeojson } from "../parse/parse_points_geojson.ts";
import type { Point } from "../types.ts";
import { pointsToCsv } from "./points_to_csv.ts";
import { pointsToGeojson } from "./points_to_geojson.ts";

const points: Point[] = [
  {
    id: "LC-001",
    name: "Trường PTDTBT TH Bản Xèo",
    kind: "school",
    lon: 103.9712345,
    lat: 22.4856789,
    weight: 312,
    provinceName: "Lào Cai",
    communeName: "Bản Xèo",
    source: { file: "in.csv", row: 1 },
    extra: { "ghi chú": 'đường "khó", qua suối;\r\nđi bộ 3 km', "điện thoại": "0912 345 678" },
  },
  {
    id: "LC-001-A",
    name: "Điểm trường Nà Pồ",
    kind: "school_site",
    lon: 103.9567,
    lat: 22.5012,
    parentId: "LC-001",
    source: { file: "in.csv", row: 2 },
    extra: { "ghi chú": "", "điện thoại": "" },
  },
];

function comparable(point: Point): Omit<Point, "source"> {
  const { source: _source, ...rest } = point;
  return rest;
}

describe("export then import", () => {
  it("gives the same points back from CSV, computed columns landing in extra", () => {
    const csv = pointsToCsv(points.map((point) => ({ point, computed: { status: "uncovered" } })));
    const result = parsePointsCsv(csv, { file: "out.csv" });
    expect(result.report.issues).toEqual([]);
    expect(result.items.map(comparable)).toEqual(points.map((point) => ({ ...comparable(point), extra: { ...point.extra, status: "uncovered" } })));
  });

  it("gives the same points back from the semicolon CSV for Excel in Vietnamese (decimal commas)", () => {
    const csv = pointsToCsv(
      points.map((point) => ({ point, computed: { status: "uncovered" } })),
      { separator: "semicolon" },
    );
    expect(csv.split("\r\n")[1]).toContain(";103,9712345;22,4856789;");
    const result = parsePointsCsv(csv, { file: "out.csv" });
    expect(result.report.issues).toEqual([]);
    expect(result.items.map(comparable)).toEqual(points.map((point) => ({ ...comparable(point), extra: { ...point.extra, status: "uncovered" } })));
  });

  it("gives the same points back from GeoJSON", () => {
    const collection = pointsToGeojson(points.map((point) => ({ point, computed: {} })));
    const result = parsePointsGeojson(JSON.stringify(collection), { file: "out.geojson" });
    expect(result.report.accepted).toBe(2);
    // lon and lat are also written as properties (like the CSV columns); they come back as extra text.
    const withoutCoordinates = (point: Point): Omit<Point, "source"> => {
      const { lon: _lon, lat: _lat, ...extra } = point.extra;
      return { ...comparable(point), extra };
    };
    expect(result.items.map(withoutCoordinates)).toEqual(points.map(comparable));
  });
});
