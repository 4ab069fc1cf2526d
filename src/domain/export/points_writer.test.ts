import { describe, expect, it } from "vitest";
import type { Point } from "../types.ts";
import { exportColumns, type ExportRow } from "./export_columns.ts";
import { pointsToCsv } from "./points_to_csv.ts";
import { pointsToGeojson } from "./points_to_geojson.ts";
import { pointsToKml } from "./points_to_kml.ts";
import { createPointsWriter, type PointsFormat } from "./points_writer.ts";

function row(i: number): ExportRow {
  const point: Point = {
    id: `P${i}`,
    name: i === 2 ? '=HYPERLINK("x") <b>&' : `Thôn Nà Pồ ${i}`,
    kind: "village",
    lon: 104 + i / 100,
    lat: 22 - i / 100,
    communeName: "Xã Bản Xèo",
    source: { file: "p.csv", row: i },
    extra: { "ghi chú": i % 2 ? "-" : "", pupils: String(i * 10) },
  };
  return { point, computed: { status: "uncovered", covered_by: "" } };
}

function streamed(format: PointsFormat, rows: ExportRow[], cuts: number[], name?: string, separator?: "comma" | "semicolon"): string {
  const writer = createPointsWriter(format, exportColumns(rows), { name, separator });
  let text = writer.head();
  let start = 0;
  for (const cut of [...cuts, rows.length]) {
    text += writer.rows(rows.slice(start, cut));
    start = cut;
  }
  return text + writer.tail();
}

describe("createPointsWriter", () => {
  const rows = Array.from({ length: 7 }, (_, i) => row(i + 1));

  it("writes in batches the same CSV as pointsToCsv", () => {
    expect(streamed("csv", rows, [2, 2, 5])).toBe(pointsToCsv(rows));
  });

  it("writes in batches the same semicolon CSV as pointsToCsv", () => {
    const text = streamed("csv", rows, [3], undefined, "semicolon");
    expect(text).toBe(pointsToCsv(rows, { separator: "semicolon" }));
    expect(text.split("\r\n")[0]).toMatch(/^\uFEFFid;name;kind;lon;lat;/);
  });

  it("writes in batches the same GeoJSON as pointsToGeojson", () => {
    const text = streamed("geojson", rows, [1, 4]);
    expect(JSON.parse(text)).toEqual(pointsToGeojson(rows));
    expect(text).toBe(JSON.stringify(pointsToGeojson(rows)));
  });

  it("writes in batches the same KML as pointsToKml", () => {
    expect(streamed("kml", rows, [3], "Điểm chưa có sóng")).toBe(pointsToKml(rows, { name: "Điểm chưa có sóng" }));
  });

  it("writes a valid empty file when no row is written", () => {
    expect(JSON.parse(streamed("geojson", [], []))).toEqual({ type: "FeatureCollection", features: [] });
    expect(streamed("kml", [], [], "x")).toBe(pointsToKml([], { name: "x" }));
  });
});
