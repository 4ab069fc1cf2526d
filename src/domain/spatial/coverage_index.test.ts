import { describe, expect, it } from "vitest";
import { booleanPointInPolygon } from "@turf/boolean-point-in-polygon";
import type { MultiPolygon, Polygon, Position } from "geojson";
import type { CoverageFeature, Technology } from "../types.ts";
import { buildCoverageIndex, coverageIndexBuffers, layerCoversPoint, queryCoverageMasks } from "./coverage_index.ts";
import { buildFlatbushBaseline, queryFlatbushMasks } from "../../testing/flatbush_baseline.ts";
import { createRandom } from "../../testing/seeded_random.ts";

/** Coordinates are multiples of 1/1024 (dyadic), so edge midpoints are exact in floating point. */
const STEP = 1 / 1024;

function snap(value: number): number {
  return Math.round(value / STEP) * STEP;
}

function feature(carrier: string, technology: Technology, geometry: Polygon | MultiPolygon, asOf: string | null = null): CoverageFeature {
  return { carrier, technology, asOf, geometry, source: { file: "test", featureIndex: 0 } };
}

function square(x0: number, y0: number, x1: number, y1: number): Position[] {
  return [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
    [x0, y0],
  ];
}

/** A star-shaped ring (simple) around a centre, radii in [minRadius, maxRadius], optionally clockwise. */
function starRing(random: () => number, cx: number, cy: number, minRadius: number, maxRadius: number, vertices: number, clockwise: boolean): Position[] {
  const ring: Position[] = [];
  for (let k = 0; k < vertices; k++) {
    const angle = ((k + 0.2 + 0.6 * random()) / vertices) * 2 * Math.PI * (clockwise ? -1 : 1);
    const radius = minRadius + (maxRadius - minRadius) * random();
    ring.push([snap(cx + radius * Math.cos(angle)), snap(cy + radius * Math.sin(angle))]);
  }
  const deduplicated = ring.filter((p, k) => k === 0 || p[0] !== ring[k - 1][0] || p[1] !== ring[k - 1][1]);
  deduplicated.push([...deduplicated[0]]);
  return deduplicated;
}

/** A random polygon: a star outer ring and 0–2 holes well inside it (radius below half the outer's smallest). */
function randomPolygon(random: () => number, extent: number): Position[][] {
  const cx = snap(1 + random() * (extent - 2));
  const cy = snap(1 + random() * (extent - 2));
  const radius = 0.2 + random() * 1.5;
  const rings = [starRing(random, cx, cy, radius * 0.7, radius, 5 + Math.floor(random() * 20), random() < 0.5)];
  const holes = Math.floor(random() * 3);
  for (let h = 0; h < holes; h++) {
    const offset = radius * 0.15;
    const hx = cx + (h === 0 ? -offset : offset);
    rings.push(starRing(random, hx, cy, radius * 0.05, radius * 0.12, 3 + Math.floor(random() * 8), random() < 0.5));
  }
  return rings;
}

/** Random layers: overlapping star polygons with holes, multipolygons, and grids of squares sharing edges. */
function randomFeatures(seed: number, extent: number): CoverageFeature[] {
  const random = createRandom(seed);
  const features: CoverageFeature[] = [];
  const carriers = ["A", "B"];
  const technologies: Technology[] = ["3G", "4G"];
  for (const carrier of carriers) {
    for (const technology of technologies) {
      const count = 3 + Math.floor(random() * 6);
      for (let f = 0; f < count; f++) {
        const kind = random();
        if (kind < 0.5) features.push(feature(carrier, technology, { type: "Polygon", coordinates: randomPolygon(random, extent) }));
        else if (kind < 0.8) {
          const parts = 2 + Math.floor(random() * 2);
          const coordinates = Array.from({ length: parts }, () => randomPolygon(random, extent));
          features.push(feature(carrier, technology, { type: "MultiPolygon", coordinates }));
        } else {
          // Squares on a 1/8 lattice that share edges with each other.
          const x0 = snap(Math.floor(random() * (extent - 2) * 8) / 8);
          const y0 = snap(Math.floor(random() * (extent - 2) * 8) / 8);
          const size = 0.25 + Math.floor(random() * 4) / 8;
          features.push(feature(carrier, technology, { type: "Polygon", coordinates: [square(x0, y0, x0 + size, y0 + size)] }));
          features.push(feature(carrier, technology, { type: "Polygon", coordinates: [square(x0 + size, y0, x0 + 2 * size, y0 + size)] }));
          features.push(feature(carrier, technology, { type: "Polygon", coordinates: [square(x0, y0 + size, x0 + size, y0 + 2 * size)] }));
        }
      }
    }
  }
  return features;
}

/** Random points, every vertex, and the midpoint of every edge (exact with dyadic coordinates). */
function testPoints(seed: number, features: CoverageFeature[], extent: number, randomCount: number): { lon: Float64Array; lat: Float64Array } {
  const random = createRandom(seed);
  const lon: number[] = [];
  const lat: number[] = [];
  for (let i = 0; i < randomCount; i++) {
    lon.push(snap(-0.5 + random() * (extent + 1)));
    lat.push(snap(-0.5 + random() * (extent + 1)));
  }
  for (const item of features) {
    const polygons = item.geometry.type === "Polygon" ? [item.geometry.coordinates] : item.geometry.coordinates;
    for (const rings of polygons) {
      for (const ring of rings) {
        for (let k = 0; k + 1 < ring.length; k++) {
          lon.push(ring[k][0]);
          lat.push(ring[k][1]);
          lon.push((ring[k][0] + ring[k + 1][0]) / 2);
          lat.push((ring[k][1] + ring[k + 1][1]) / 2);
        }
      }
    }
  }
  return { lon: Float64Array.from(lon), lat: Float64Array.from(lat) };
}

/** The brute-force reference: Turf over every polygon of each layer, OR-ed. */
function bruteForceMasks(features: CoverageFeature[], layerOf: (item: CoverageFeature) => number, lon: Float64Array, lat: Float64Array): Uint32Array {
  const masks = new Uint32Array(lon.length);
  for (let i = 0; i < lon.length; i++) {
    for (const item of features) {
      const layer = layerOf(item);
      if (masks[i] & (1 << layer)) continue;
      if (booleanPointInPolygon([lon[i], lat[i]], item.geometry, { ignoreBoundary: false })) masks[i] |= 1 << layer;
    }
  }
  return masks;
}

function countDifferences(a: Uint32Array, b: Uint32Array): number {
  let differences = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) differences++;
  return differences;
}

describe("buildCoverageIndex", () => {
  it("groups features by carrier and technology, sorted, with the latest asOf", () => {
    const shape: Polygon = { type: "Polygon", coordinates: [square(0, 0, 1, 1)] };
    const index = buildCoverageIndex([
      feature("VNPT", "4G", shape, "2024-01-05"),
      feature("Viettel", "4G", shape, "2023-12-31"),
      feature("VNPT", "4G", shape, "2024-03-01"),
      feature("VNPT", "2G", shape, null),
    ]);
    expect(index.layers).toEqual([
      { carrier: "VNPT", technology: "2G", asOf: null },
      { carrier: "VNPT", technology: "4G", asOf: "2024-03-01" },
      { carrier: "Viettel", technology: "4G", asOf: "2023-12-31" },
    ]);
    expect(index.words).toBe(1);
  });

  it("uses two mask words for 33 layers", () => {
    const shape: Polygon = { type: "Polygon", coordinates: [square(0, 0, 1, 1)] };
    const features = Array.from({ length: 33 }, (_, k) => feature(`C${String(k).padStart(2, "0")}`, "4G", shape));
    const index = buildCoverageIndex(features);
    expect(index.words).toBe(2);
    const masks = queryCoverageMasks(index, [0.5, 2], [0.5, 2]);
    expect(Array.from(masks)).toEqual([0xffffffff, 1, 0, 0]);
  });
});

describe("queryCoverageMasks", () => {
  const donut: Polygon = { type: "Polygon", coordinates: [square(0, 0, 4, 4), square(1, 1, 2, 2)] };

  it("treats points on an edge, on a vertex and on a hole's edge as covered, and inside a hole as not", () => {
    const index = buildCoverageIndex([feature("A", "4G", donut)]);
    const lon = [2, 0, 4, 1.5, 1, 1.5, 5, -1e-9];
    const lat = [0, 0, 4, 1, 1.5, 1.5, 5, 2];
    expect(Array.from(queryCoverageMasks(index, lon, lat))).toEqual([1, 1, 1, 1, 1, 0, 0, 0]);
  });

  it("ignores ring orientation: a clockwise outer ring and a counter-clockwise hole work the same", () => {
    const reversed: Polygon = { type: "Polygon", coordinates: donut.coordinates.map((ring) => [...ring].reverse()) };
    const index = buildCoverageIndex([feature("A", "4G", reversed)]);
    expect(Array.from(queryCoverageMasks(index, [0.5, 1.5, 3], [0.5, 1.5, 3]))).toEqual([1, 0, 1]);
  });

  it("covers a hole of one polygon when another polygon of the same layer covers it", () => {
    const patch: Polygon = { type: "Polygon", coordinates: [square(1.25, 1.25, 1.75, 1.75)] };
    const index = buildCoverageIndex([feature("A", "4G", donut), feature("A", "4G", patch)]);
    expect(Array.from(queryCoverageMasks(index, [1.5, 1.1], [1.5, 1.1]))).toEqual([1, 0]);
  });

  it("answers single points with layerCoversPoint like the batch query", () => {
    const index = buildCoverageIndex([feature("A", "4G", donut)]);
    const layer = index.grids[0];
    expect([layerCoversPoint(layer, 0.5, 0.5), layerCoversPoint(layer, 1.5, 1.5), layerCoversPoint(layer, 4, 2), layerCoversPoint(layer, 9, 9)]).toEqual([
      true,
      false,
      true,
      false,
    ]);
  });

  it("leaves points with non-finite coordinates uncovered", () => {
    const index = buildCoverageIndex([feature("A", "4G", donut)]);
    expect(Array.from(queryCoverageMasks(index, [NaN, 0.5], [0.5, Infinity]))).toEqual([0, 0]);
  });

  it("returns no coverage when there are no features", () => {
    const index = buildCoverageIndex([]);
    expect(index.layers).toEqual([]);
    expect(queryCoverageMasks(index, [1], [1]).length).toBe(0);
  });

  for (const seed of [1, 2, 3, 4, 5]) {
    for (const cellSize of [undefined, 1 / 16, 0.3]) {
      it(`agrees with Turf (boundary counts) and with the Flatbush baseline on random layers (seed ${seed}, cell ${cellSize ?? "auto"})`, () => {
        const extent = 8;
        const features = randomFeatures(seed, extent);
        const { lon, lat } = testPoints(seed * 7919, features, extent, 1500);
        const index = buildCoverageIndex(features, { cellSize });
        const layerKeys = index.layers.map((layer) => `${layer.carrier}|${layer.technology}`);
        const layerOf = (item: CoverageFeature) => layerKeys.indexOf(`${item.carrier}|${item.technology}`);
        const engine = queryCoverageMasks(index, lon, lat);
        const turf = bruteForceMasks(features, layerOf, lon, lat);
        const baseline = queryFlatbushMasks(buildFlatbushBaseline(features), lon, lat);
        expect(lon.length).toBeGreaterThan(2000);
        expect(countDifferences(engine, turf)).toBe(0);
        expect(countDifferences(engine, baseline)).toBe(0);
        expect(countDifferences(engine, queryCoverageMasks(index, lon, lat, { sortByCell: true }))).toBe(0);
      });
    }
  }

  it("answers layers with different extents and edge lengths from the one shared grid, in either order, like Turf", () => {
    // Layer A: small squares far west; layer B: a large coarse polygon with a hole far east; layer C overlaps both.
    const features: CoverageFeature[] = [
      feature("A", "4G", { type: "Polygon", coordinates: [square(0, 0, 0.25, 0.25)] }),
      feature("A", "4G", { type: "Polygon", coordinates: [square(0.25, 0, 0.5, 0.25)] }),
      feature("B", "4G", { type: "Polygon", coordinates: [square(6, 2, 10, 6), square(7, 3, 8, 4)] }),
      feature("C", "3G", {
        type: "Polygon",
        coordinates: [
          [
            [0.125, 0.125],
            [9, 0.125],
            [9, 5],
            [0.125, 0.125],
          ],
        ],
      }),
    ];
    const { lon, lat } = testPoints(99, features, 10, 3000);
    const index = buildCoverageIndex(features);
    const layerKeys = index.layers.map((layer) => `${layer.carrier}|${layer.technology}`);
    const layerOf = (item: CoverageFeature) => layerKeys.indexOf(`${item.carrier}|${item.technology}`);
    const expected = bruteForceMasks(features, layerOf, lon, lat);
    expect(countDifferences(queryCoverageMasks(index, lon, lat, { sortByCell: false }), expected)).toBe(0);
    expect(countDifferences(queryCoverageMasks(index, lon, lat, { sortByCell: true }), expected)).toBe(0);
  });

  it("keeps a layer whose only ring is degenerate (dropped) from shifting the other layers' edges", () => {
    const flat: Polygon = {
      type: "Polygon",
      coordinates: [
        [
          [0, 0],
          [1, 1],
          [2, 2],
          [0, 0],
        ],
      ],
    };
    const features = [
      feature("A", "4G", { type: "Polygon", coordinates: [square(0, 0, 2, 2)] }),
      feature("B", "4G", flat),
      feature("C", "4G", { type: "Polygon", coordinates: [square(1, 1, 3, 3)] }),
    ];
    const index = buildCoverageIndex(features, { cellSize: 0.25 });
    const lon = [0.5, 1.5, 2.5, 1, 3, 4];
    const lat = [0.5, 1.5, 2.5, 1, 3, 4];
    // Bits: A = 1, B = 2, C = 4.
    expect(Array.from(queryCoverageMasks(index, lon, lat))).toEqual([1, 5, 4, 5, 4, 0]);
    expect(Array.from(queryCoverageMasks(index, lon, lat, { sortByCell: true }))).toEqual([1, 5, 4, 5, 4, 0]);
  });

  it("gives the same masks when sorted queries of different sizes follow each other (shared sort arrays)", () => {
    const features = randomFeatures(12, 8);
    const index = buildCoverageIndex(features);
    const large = testPoints(5, features, 8, 4000);
    const small = { lon: large.lon.subarray(0, 700), lat: large.lat.subarray(0, 700) };
    const first = queryCoverageMasks(index, large.lon, large.lat, { sortByCell: true });
    const second = queryCoverageMasks(index, small.lon, small.lat, { sortByCell: true });
    const third = queryCoverageMasks(index, large.lon, large.lat, { sortByCell: true });
    expect(countDifferences(first, queryCoverageMasks(index, large.lon, large.lat, { sortByCell: false }))).toBe(0);
    expect(countDifferences(second, first.subarray(0, 700))).toBe(0);
    expect(countDifferences(third, first)).toBe(0);
  });

  it("classifies points lying exactly on grid lines and cell corners like Turf", () => {
    const features = randomFeatures(11, 8);
    const lon: number[] = [];
    const lat: number[] = [];
    // With a cell size of 1/8 and a dyadic origin, every multiple of 1/64 hits grid lines, corners and vertices.
    for (let x = 0; x <= 8; x += 1 / 16)
      for (let y = 0; y <= 8; y += 1 / 16) {
        lon.push(x);
        lat.push(y);
      }
    const index = buildCoverageIndex(features, { cellSize: 1 / 8 });
    const layerKeys = index.layers.map((layer) => `${layer.carrier}|${layer.technology}`);
    const layerOf = (item: CoverageFeature) => layerKeys.indexOf(`${item.carrier}|${item.technology}`);
    const lonArray = Float64Array.from(lon);
    const latArray = Float64Array.from(lat);
    const engine = queryCoverageMasks(index, lonArray, latArray);
    expect(countDifferences(engine, bruteForceMasks(features, layerOf, lonArray, latArray))).toBe(0);
  });
});

describe("coverageIndexBuffers", () => {
  it("transfers the index through structured cloning, which then answers like the original", () => {
    const standalone: CoverageFeature = { ...feature("A", "4G", { type: "Polygon", coordinates: [square(2, 2, 6, 6), square(3, 3, 4, 4)] }), standalone: true };
    const features = [...randomFeatures(21, 8), standalone];
    const index = buildCoverageIndex(features);
    const { lon, lat } = testPoints(21, features, 8, 2000);
    const before = queryCoverageMasks(index, lon, lat);
    const buffers = coverageIndexBuffers(index);
    expect(new Set(buffers).size).toBe(buffers.length);
    const moved = structuredClone(index, { transfer: buffers });
    // Transferred, not copied: the original's arrays are detached.
    expect(index.grid.entries.length).toBe(0);
    expect(buffers.every((buffer) => buffer.byteLength === 0)).toBe(true);
    expect(countDifferences(queryCoverageMasks(moved, lon, lat), before)).toBe(0);
  });
});
