import { describe, expect, it } from "vitest";
import { analyzeCoverage, parseCoverageGeojson } from "../domain/index.ts";
import { createRandom } from "../testing/seeded_random.ts";
import type { CoverageFeature, Point } from "../domain/types.ts";
import {
  COVERAGE_TILE_SIZE,
  buildCoverageRaster,
  coverageLayerBounds,
  coverageTileRgba,
  mercatorX,
  mercatorY,
  mercatorYTable,
  rasterFromRings,
  coverageLayerRings,
  rasteriseBandTile,
  rasteriseTile,
} from "./coverage_raster.ts";

function feature(carrier: string, rings: number[][][], technology = "4G"): CoverageFeature {
  // Through the import checks, so that rings are oriented exactly as in the app.
  const parsed = parseCoverageGeojson(
    { type: "Feature", properties: { carrier, technology }, geometry: { type: "Polygon", coordinates: rings } },
    { file: "t.geojson" },
  );
  expect(parsed.items).toHaveLength(1);
  return parsed.items[0];
}

function disc(lon: number, lat: number, radius: number, vertices = 24, clockwise = false): number[][] {
  const ring: number[][] = [];
  for (let k = 0; k < vertices; k++) {
    const angle = ((clockwise ? -1 : 1) * 2 * Math.PI * k) / vertices;
    ring.push([lon + radius * Math.cos(angle), lat + radius * Math.sin(angle)]);
  }
  ring.push([...ring[0]]);
  return ring;
}

/** The tile (z, x, y) holding a position. */
function tileOf(lon: number, lat: number, z: number): [number, number] {
  return [Math.floor(mercatorX(lon) * 2 ** z), Math.floor(mercatorY(lat) * 2 ** z)];
}

/** The position of a pixel centre of a tile. */
function pixelCentre(z: number, tx: number, ty: number, i: number, j: number): { lon: number; lat: number } {
  const scale = 2 ** z * COVERAGE_TILE_SIZE;
  const x = (tx * COVERAGE_TILE_SIZE + i + 0.5) / scale;
  const y = (ty * COVERAGE_TILE_SIZE + j + 0.5) / scale;
  const lon = x * 360 - 180;
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;
  return { lon, lat };
}

/**
 * Every pixel the raster shows fully covered must be covered for the engine at its centre, and every pixel it shows
 * empty must be uncovered there (pixels on a boundary have a fractional alpha and are not compared).
 */
function compareWithEngine(coverage: CoverageFeature[], z: number, tx: number, ty: number): { full: number; empty: number; partial: number } {
  const raster = buildCoverageRaster(coverage, [{ carrier: "A", technology: "4G", asOf: null }]);
  const alpha = rasteriseTile(raster.layers[0], z, tx, ty) ?? new Float32Array(COVERAGE_TILE_SIZE ** 2);
  const points: Point[] = [];
  for (let j = 0; j < COVERAGE_TILE_SIZE; j++) {
    for (let i = 0; i < COVERAGE_TILE_SIZE; i++) {
      const { lon, lat } = pixelCentre(z, tx, ty, i, j);
      points.push({ id: `${i},${j}`, name: "", kind: "other", lon, lat, source: { file: "p", row: 1 }, extra: {} });
    }
  }
  const analysis = analyzeCoverage(points, coverage, []);
  let full = 0,
    empty = 0,
    partial = 0;
  for (let k = 0; k < points.length; k++) {
    const covered = (analysis.masks[k * analysis.words] & 1) === 1;
    if (alpha[k] >= 0.9999) {
      full++;
      expect(covered, `pixel ${points[k].id} full`).toBe(true);
    } else if (alpha[k] <= 0.0001) {
      empty++;
      expect(covered, `pixel ${points[k].id} empty`).toBe(false);
    } else partial++;
  }
  return { full, empty, partial };
}

describe("rasteriseTile", () => {
  it("projects latitudes by its table within 1e-9 of the exact Mercator anywhere, 1e-11 in Viet Nam", () => {
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    let worst = 0;
    let worstVietNam = 0;
    for (let i = 0; i < 20_000; i++) {
      const lat = -90 + next() * 180;
      worst = Math.max(worst, Math.abs(mercatorYTable(lat) - mercatorY(lat)));
      const inVietNam = 8 + next() * 16;
      worstVietNam = Math.max(worstVietNam, Math.abs(mercatorYTable(inVietNam) - mercatorY(inVietNam)));
    }
    expect(worst).toBeLessThan(1e-9);
    expect(worstVietNam).toBeLessThan(1e-11);
    for (const lat of [-90, -85.051128779806, 0, 21.0285, 85.051128779806, 90]) expect(Math.abs(mercatorYTable(lat) - mercatorY(lat))).toBeLessThan(1e-9);
  });

  it("fills a square with its exact area, fractional at the edges", () => {
    // A square of 10.5 × 10.5 pixels placed inside one tile at zoom 10.
    const z = 10;
    const scale = 2 ** z * COVERAGE_TILE_SIZE;
    const [tx, ty] = tileOf(105.5, 21.5, z);
    const x0 = (tx * COVERAGE_TILE_SIZE + 100.25) / scale;
    const x1 = x0 + 10.5 / scale;
    const toLon = (x: number) => x * 360 - 180;
    const toLat = (y: number) => (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;
    const y0 = (ty * COVERAGE_TILE_SIZE + 50) / scale;
    const y1 = y0 + 10 / scale;
    const ring = [
      [toLon(x0), toLat(y1)],
      [toLon(x1), toLat(y1)],
      [toLon(x1), toLat(y0)],
      [toLon(x0), toLat(y0)],
      [toLon(x0), toLat(y1)],
    ];
    const raster = buildCoverageRaster([feature("A", [ring])], [{ carrier: "A", technology: "4G", asOf: null }]);
    const alpha = rasteriseTile(raster.layers[0], z, tx, ty)!;
    const total = alpha.reduce((sum, value) => sum + value, 0);
    expect(total).toBeCloseTo(105, 1);
    expect(alpha[55 * 256 + 105]).toBeCloseTo(1, 5);
    expect(alpha[55 * 256 + 100]).toBeCloseTo(0.75, 3);
    expect(alpha[55 * 256 + 110]).toBeCloseTo(0.75, 3);
    expect(alpha[55 * 256 + 111]).toBe(0);
    expect(alpha[49 * 256 + 105]).toBe(0);
    expect(rasteriseTile(raster.layers[0], z, tx + 1, ty)).toBeNull();
  });

  it("draws the union of overlapping discs, and holes only where no other polygon covers them", () => {
    const holed = feature("A", [disc(105.5, 21.5, 0.2), disc(105.5, 21.5, 0.1, 24, true)]);
    const overlapping = feature("A", [disc(105.62, 21.5, 0.06)]);
    const other = feature("A", [disc(105.3, 21.4, 0.15)]);
    const coverage = [holed, overlapping, other];
    const [tx, ty] = tileOf(105.5, 21.5, 8);
    const counts = compareWithEngine(coverage, 8, tx, ty);
    expect(counts.full).toBeGreaterThan(100);
    expect(counts.empty).toBeGreaterThan(100);
  });

  it("agrees with the engine on random overlapping discs, at several zooms", () => {
    const random = createRandom(7);
    const coverage: CoverageFeature[] = [];
    for (let k = 0; k < 40; k++) coverage.push(feature("A", [disc(105 + random(), 21 + random(), 0.02 + 0.15 * random(), 8 + Math.floor(random() * 40))]));
    for (const z of [6, 9, 11]) {
      const [tx, ty] = tileOf(105.5, 21.5, z);
      const counts = compareWithEngine(coverage, z, tx, ty);
      expect(counts.full + counts.empty).toBeGreaterThan(counts.partial);
    }
  });

  it("colours a tile with alpha = covered fraction", () => {
    const rgba = coverageTileRgba(Float32Array.of(0, 0.5, 1), "#00897b");
    expect([...rgba]).toEqual([0, 0, 0, 0, 0x00, 0x89, 0x7b, 128, 0x00, 0x89, 0x7b, 255]);
  });

  it("gives each layer its own rings and bounds", () => {
    const raster = buildCoverageRaster(
      [feature("A", [disc(105, 21, 0.1)]), feature("B", [disc(107, 22, 0.1)])],
      [
        { carrier: "B", technology: "4G", asOf: null },
        { carrier: "A", technology: "4G", asOf: null },
      ],
    );
    expect(raster.layers[1].bounds![0]).toBeCloseTo(104.9, 6);
    expect(raster.layers[0].bounds![3]).toBeCloseTo(22.1, 6);
    const [tx, ty] = tileOf(105, 21, 9);
    expect(rasteriseTile(raster.layers[0], 9, tx, ty)).toBeNull();
    expect(rasteriseTile(raster.layers[1], 9, tx, ty)).not.toBeNull();
  });
});

describe("the raster worker's input", () => {
  it("rings posted to another worker (structured clone) give the same tiles as the raster built from the features", () => {
    const features = [feature("A", [disc(105, 21, 0.1), disc(105.05, 21.02, 0.08)]), feature("B", [disc(105.02, 21, 0.1)])];
    const layers = [
      { carrier: "A", technology: "4G" as const, asOf: null },
      { carrier: "B", technology: "4G" as const, asOf: null },
    ];
    const bounds = coverageLayerBounds(features, layers);
    const direct = buildCoverageRaster(features, layers, bounds);
    const posted = rasterFromRings(structuredClone(coverageLayerRings(features, layers)), layers, bounds);
    const [tx, ty] = tileOf(105.02, 21.01, 10);
    for (const layer of [0, 1]) {
      const expected = rasteriseBandTile(direct, layer, 10, tx, ty);
      expect(expected).not.toBeNull();
      expect(rasteriseBandTile(posted, layer, 10, tx, ty)).toEqual(expected);
    }
    expect(coverageLayerRings(features, layers).map((rings) => rings.ringStart.length - 1)).toEqual([2, 1]);
  });
});

describe("rasteriseBandTile", () => {
  it("draws each technology of a carrier only where it is the carrier's best, as the engine finds it, and leaves other carriers alone", () => {
    const random = createRandom(11);
    const layers = [
      { carrier: "A", technology: "2G" as const, asOf: null },
      { carrier: "A", technology: "3G" as const, asOf: null },
      { carrier: "A", technology: "4G" as const, asOf: null },
      { carrier: "B", technology: "4G" as const, asOf: null },
    ];
    const coverage: CoverageFeature[] = [];
    for (const layer of layers) {
      const discs = layer.technology === "2G" ? 6 : 10;
      for (let k = 0; k < discs; k++)
        coverage.push(
          feature(
            layer.carrier,
            [disc(105 + random(), 21 + random(), 0.05 + (layer.technology === "2G" ? 0.3 : 0.12) * random(), 12 + Math.floor(random() * 30))],
            layer.technology,
          ),
        );
    }
    const raster = buildCoverageRaster(coverage, layers);
    expect(raster.better).toEqual([[1, 2], [2], [], []]);
    // The bounds the analysis answers with, before the raster is built, are the raster's own.
    expect(coverageLayerBounds(coverage, layers)).toEqual(raster.layers.map((layer) => layer.bounds));
    // And they are the extent of each layer's positions, found here by walking the GeoJSON.
    const extent = layers.map((layer) => {
      const positions = coverage
        .filter((f) => f.carrier === layer.carrier && f.technology === layer.technology)
        .flatMap((f) => (f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates).flat(2));
      const lons = positions.map((position) => position[0]);
      const lats = positions.map((position) => position[1]);
      return [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
    });
    expect(coverageLayerBounds(coverage, layers)).toEqual(extent);
    expect(coverageLayerBounds(coverage, [...layers, { carrier: "Nobody", technology: "4G", asOf: null }]).at(-1)).toBeNull();
    const z = 8;
    const [tx, ty] = tileOf(105.5, 21.5, z);
    const bands = layers.map((_, layer) => rasteriseBandTile(raster, layer, z, tx, ty) ?? new Float32Array(COVERAGE_TILE_SIZE ** 2));
    const points: Point[] = [];
    for (let j = 0; j < COVERAGE_TILE_SIZE; j += 2) {
      for (let i = 0; i < COVERAGE_TILE_SIZE; i += 2) {
        const { lon, lat } = pixelCentre(z, tx, ty, i, j);
        points.push({ id: `${j * COVERAGE_TILE_SIZE + i}`, name: "", kind: "other", lon, lat, source: { file: "p", row: 1 }, extra: {} });
      }
    }
    const analysis = analyzeCoverage(points, coverage, []);
    // The engine's layer order is its own: match by carrier and technology.
    const engineLayer = layers.map((layer) => analysis.layers.findIndex((other) => other.carrier === layer.carrier && other.technology === layer.technology));
    const covers = (k: number, layer: number) => ((analysis.masks[k * analysis.words + (engineLayer[layer] >> 5)] >>> (engineLayer[layer] & 31)) & 1) === 1;
    const compared = new Array<number>(layers.length).fill(0);
    points.forEach((point, k) => {
      const pixel = Number(point.id);
      const best = [2, 1, 0].find((layer) => covers(k, layer)) ?? -1;
      layers.forEach((_, layer) => {
        const value = bands[layer][pixel];
        if (value > 0.0001 && value < 0.9999) return;
        compared[layer]++;
        const expected = layer === 3 ? covers(k, 3) : layer === best;
        expect(value >= 0.9999, `layer ${layer} pixel ${pixel}`).toBe(expected);
      });
    });
    // Every band was seen both drawn and not drawn.
    for (const [layer, band] of bands.entries()) {
      expect(compared[layer]).toBeGreaterThan(points.length * 0.8);
      expect(
        band.some((value) => value >= 0.9999),
        `layer ${layer} drawn somewhere`,
      ).toBe(true);
    }
    // A carrier's bands never overlap: where 2G is drawn fully, no better band is drawn at all.
    for (let pixel = 0; pixel < bands[0].length; pixel++) if (bands[0][pixel] >= 0.9999) expect(bands[1][pixel] + bands[2][pixel]).toBe(0);
  });
});
