import { readFileSync } from "node:fs";
import * as geotiff from "geotiff";
import { describe, expect, it } from "vitest";
import { analyzeCoverage } from "../../src/domain/gaps/analyze_coverage.ts";
import type { Point } from "../../src/domain/types.ts";
import { decodeGeotiff, isTiffBytes, parseRasterCoverage, rasterToCoverage, type GeotiffModule } from "../../src/domain/formats/raster.ts";

// tests/fixtures/formats/vung_phu_tin_hieu.tif: `gdal_translate -of GTiff -a_srs EPSG:4326 -ot Float32 vung_phu_tin_hieu.asc vung_phu_tin_hieu.tif`
// (a 6 × 4 grid of dBm, 0.05° cells from 103.90 E, 22.60 N; -9999 no data).
const tif = new Uint8Array(readFileSync(new URL("../fixtures/formats/vung_phu_tin_hieu.tif", import.meta.url)));
const asc = readFileSync(new URL("../fixtures/formats/vung_phu_tin_hieu.asc", import.meta.url), "utf8");
const ascValues = asc
  .trim()
  .split("\n")
  .slice(6)
  .map((line) => line.trim().split(/\s+/).map(Number));

describe("GeoTIFF coverage (made with gdal_translate)", () => {
  it("decodes the grid GDAL wrote", async () => {
    expect(isTiffBytes(tif)).toBe(true);
    const grid = await decodeGeotiff(tif, geotiff as unknown as GeotiffModule);
    expect([grid.width, grid.height, grid.epsg, grid.noData]).toEqual([6, 4, 4326, -9999]);
    expect(grid.origin[0]).toBeCloseTo(103.9, 9);
    expect(grid.origin[1]).toBeCloseTo(22.6, 9);
    expect(Array.from(grid.values)).toEqual(ascValues.flat());
  });
  it("answers exactly per cell: a cell's centre and corners-inside points are covered iff its value ≥ the threshold", async () => {
    const grid = await decodeGeotiff(tif, geotiff as unknown as GeotiffModule);
    for (const threshold of [-100, -90, -130]) {
      const result = parseRasterCoverage(grid, { file: "signal.tif", threshold, carrier: "Viettel", technology: "4G", asOf: "2026-06-30" });
      expect(result.report).toMatchObject({ read: 1, accepted: 1, rejected: 0, detected: { format: "geotiff" } });
      const points: Point[] = [];
      const expected: boolean[] = [];
      ascValues.forEach((row, r) =>
        row.forEach((value, c) => {
          // The centre and a point near a corner of every cell, inside it.
          for (const [fx, fy] of [
            [0.5, 0.5],
            [0.02, 0.97],
          ]) {
            points.push({
              id: `${r}-${c}-${fx}`,
              name: "",
              kind: "other",
              lon: 103.9 + (c + fx) * 0.05,
              lat: 22.6 - (r + fy) * 0.05,
              source: { file: "", row: 0 },
              extra: {},
            });
            expected.push(value !== -9999 && value >= threshold);
          }
        }),
      );
      const analysis = analyzeCoverage(points, result.items, []);
      const covered = points.map((_, index) => analysis.masks[index * analysis.words] !== 0);
      expect(covered).toEqual(expected);
    }
  });
  it("merges runs of a row into one rectangle, and refuses a projected grid", () => {
    const reading = rasterToCoverage({ width: 4, height: 1, origin: [105, 21], resolution: [0.1, -0.1], epsg: 4326, noData: null, values: [1, 1, 0, 1] });
    expect(reading.ok && reading.collection.features[0].geometry?.coordinates.length).toBe(2);
    const projected = rasterToCoverage({ width: 1, height: 1, origin: [0, 0], resolution: [30, -30], epsg: 3405, noData: null, values: [1] });
    expect(projected.ok).toBe(false);
  });
});
