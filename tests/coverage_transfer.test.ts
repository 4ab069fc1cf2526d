/**
 * The coverage features the CLI's worker thread hands back packed in typed arrays are rebuilt exactly.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { parseCoverageGeojson, type CoverageFeature } from "../src/domain/index.ts";
import { parseCoverageGeojsonColumns } from "../src/domain/parse/parse_coverage_geojson.ts";
import {
  fromTransferred,
  packColumns,
  packCoverage,
  packedBuffers,
  toTransferred,
  transferredBuffers,
  unpackCoverage,
} from "../scripts/cli/coverage_transfer.ts";
import { useWorker } from "../scripts/cli/coverage_files.ts";

const FIXTURE = new URL("./fixtures/cli/coverage.geojson", import.meta.url);

describe("packCoverage / unpackCoverage", () => {
  it("rebuilds polygons, multipolygons with holes and positions with an altitude, key order included", () => {
    const features: CoverageFeature[] = [
      ...parseCoverageGeojson(new Uint8Array(readFileSync(FIXTURE)), { file: "coverage.geojson" }).items,
      {
        carrier: "VNPT",
        technology: "3G",
        asOf: null,
        geometry: {
          type: "MultiPolygon",
          coordinates: [
            [
              [
                [104, 22],
                [104.2, 22],
                [104.2, 22.2],
                [104, 22],
              ],
              [
                [104.05, 22.05],
                [104.1, 22.05],
                [104.1, 22.1],
                [104.05, 22.05],
              ],
            ],
            [
              [
                [105, 21, 12.5],
                [105.1, 21, 13],
                [105.1, 21.1, 14],
                [105, 21, 12.5],
              ],
            ],
          ],
        },
        source: { file: "b.geojson", featureIndex: 7 },
      },
      {
        carrier: "Viettel",
        technology: "5G",
        asOf: "2025-01-31",
        geometry: {
          type: "Polygon",
          coordinates: [
            [
              [106, 10],
              [106.1, 10],
              [106, 10.1],
              [106, 10],
            ],
          ],
        },
        source: { file: "c.geojson", featureIndex: 0 },
      },
    ];
    expect(features.length).toBeGreaterThan(2);
    const packed = packCoverage(features);
    expect(packed.dimensions).not.toBeNull();
    expect(packedBuffers(packed).every((buffer) => buffer instanceof ArrayBuffer)).toBe(true);
    const rebuilt = unpackCoverage(structuredClone(packed));
    expect(rebuilt).toEqual(features);
    expect(JSON.stringify(rebuilt)).toBe(JSON.stringify(features));
    // Through the worker's message: every property a column, every array transferred.
    const before = structuredClone(packed);
    const table = toTransferred(packed);
    const buffers = transferredBuffers(table);
    expect(new Set(buffers).size).toBe(buffers.length);
    const received = structuredClone(table, { transfer: buffers });
    expect(table.carrier.length).toBe(0);
    expect(JSON.stringify(unpackCoverage(fromTransferred(received)))).toBe(JSON.stringify(features));
    expect(fromTransferred(received)).toEqual(before);
  });

  it("packs two-dimensional positions without a dimension per position", () => {
    const features = parseCoverageGeojson(new Uint8Array(readFileSync(FIXTURE)), { file: "coverage.geojson" }).items;
    const packed = packCoverage(features);
    expect(packed.dimensions).toBeNull();
    expect(JSON.stringify(unpackCoverage(packed))).toBe(JSON.stringify(features));
    expect(unpackCoverage(packCoverage([]))).toEqual([]);
  });
});

describe("packColumns", () => {
  it("gives the worker the features parseCoverageGeojson reads, estimated marks included", () => {
    const bytes = new Uint8Array(readFileSync(FIXTURE));
    const text = new TextDecoder().decode(bytes);
    // The fixture, then a clockwise disc marked estimated and a bow-tie (repaired, so not copied from the scan).
    const extra = [
      '{"type":"Feature","properties":{"carrier":"VNPT","technology":"4G","estimated":true},"geometry":{"type":"Polygon","coordinates":[[[105,21],[105,21.1],[105.1,21.1],[105.1,21],[105,21]]]}}',
      '{"type":"Feature","properties":{"carrier":"Viettel","technology":"3G"},"geometry":{"type":"Polygon","coordinates":[[[106,10],[106.1,10.1],[106.1,10],[106,10.1],[106,10]]]}}',
    ];
    const collection = JSON.parse(text) as { features: unknown[] };
    collection.features.push(...extra.map((feature) => JSON.parse(feature) as unknown));
    const file = new TextEncoder().encode(JSON.stringify(collection));
    const expected = parseCoverageGeojson(file, { file: "coverage.geojson", scanner: false });
    expect(expected.items.some((item) => item.estimated)).toBe(true);
    const { columns, report } = parseCoverageGeojsonColumns(file, { file: "coverage.geojson" });
    expect(report).toEqual(expected.report);
    const packed = packColumns(columns);
    expect(packed).toEqual(packCoverage(expected.items));
    expect(JSON.stringify(unpackCoverage(structuredClone(packed)))).toBe(JSON.stringify(expected.items));
  });
});

describe("useWorker", () => {
  it("follows LOM_SONG_WORKERS, else uses a worker whenever there are two cores or more", () => {
    expect(useWorker("1", 1)).toBe(true);
    expect(useWorker("0", 8)).toBe(false);
    expect(useWorker(undefined, 2)).toBe(true);
    expect(useWorker(undefined, 1)).toBe(false);
    expect(useWorker(undefined, 4)).toBe(true);
  });
});
