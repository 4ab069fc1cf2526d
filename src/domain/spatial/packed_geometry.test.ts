/**
 * The index build from the scanner's coordinate columns (packed_geometry.ts, ring_set.ts) against the build from
 * GeoJSON positions, on random coverage files: discs, holes, multipolygons, unclosed and reversed rings, repeated
 * positions, bow-ties and crossing rings that the import repairs (those take parseCoverageGeojson's slow path, then
 * the columns), out-of-area and empty rings. The two builds must give the same index, array for array, and the
 * packed features must equal parseCoverageGeojson's.
 */
import { describe, expect, it } from "vitest";
import { createRandom } from "../../testing/seeded_random.ts";
import { parseCoverageGeojson, parseCoverageGeojsonPacked } from "../parse/parse_coverage_geojson.ts";
import type { CoverageFeature } from "../types.ts";
import { buildCoverageIndex, queryCoverageMasks, type CoverageIndex } from "./coverage_index.ts";
import { packedGeometryOf, visitRingValues } from "./packed_geometry.ts";

type Ring = [number, number][];

function disc(random: () => number, lon: number, lat: number, radius: number, count: number): Ring {
  const ring: Ring = [];
  for (let k = 0; k < count; k++) {
    const angle = (2 * Math.PI * k) / count + random() * 0.1;
    ring.push([lon + radius * Math.cos(angle), lat + radius * Math.sin(angle)]);
  }
  return ring;
}

/** One ring, closed or not, in one of the shapes a file may hold (some need a repair, some are dropped). */
function shaped(random: () => number, ring: Ring): Ring {
  const r = random();
  const out = ring.map((position) => [...position] as [number, number]);
  if (r < 0.1) out.reverse();
  else if (r < 0.17 && out.length >= 4) [out[1], out[2]] = [out[2], out[1]];
  else if (r < 0.22) out.splice(1, 0, [...out[1]]);
  else if (r < 0.25) out.splice(2);
  if (random() < 0.85) out.push([...out[0]]);
  return out;
}

function randomPolygon(random: () => number, lon: number, lat: number): Ring[] {
  const radius = 0.01 + random() * 0.2;
  const rings = [shaped(random, disc(random, lon, lat, radius, 3 + Math.floor(random() * 40)))];
  // Holes: inside, crossing the outer ring, or outside it.
  const holes = random() < 0.3 ? 1 + Math.floor(random() * 2) : 0;
  for (let h = 0; h < holes; h++) {
    const offset = random() < 0.7 ? 0 : radius * (0.8 + random());
    rings.push(shaped(random, disc(random, lon + offset, lat, radius * (0.2 + 0.3 * random()), 3 + Math.floor(random() * 12)).reverse()));
  }
  return rings;
}

function randomFile(random: () => number): string {
  const features: object[] = [];
  const count = 1 + Math.floor(random() * 25);
  for (let i = 0; i < count; i++) {
    const lon = 104 + random() * 2;
    const lat = 15 + random() * 2;
    const carrier = ["Viettel", "VNPT", "MobiFone"][Math.floor(random() * 3)];
    const technology = ["3G", "4G", "5G"][Math.floor(random() * 3)];
    const geometry =
      random() < 0.35
        ? {
            type: "MultiPolygon",
            coordinates: Array.from({ length: 1 + Math.floor(random() * 3) }, () => randomPolygon(random, lon + random() * 0.5, lat + random() * 0.5)),
          }
        : { type: "Polygon", coordinates: randomPolygon(random, lon, lat) };
    features.push({ type: "Feature", properties: { carrier, technology, as_of: random() < 0.5 ? "2024-06-01" : null }, geometry });
  }
  return JSON.stringify({ type: "FeatureCollection", features });
}

/** Every array of an index, to compare two builds value for value. */
function arraysOf(index: CoverageIndex): Record<string, number[] | null> {
  const { grid } = index;
  return {
    frame: [grid.minX, grid.minY, grid.cellSize, grid.columns, grid.rows, grid.layerCount],
    cells: Array.from(grid.cells),
    slots: Array.from(grid.slots),
    entries: Array.from(grid.entries),
    xy: Array.from(grid.xy),
    emptyMasks: Array.from(grid.emptyMasks),
    layerVertexEnd: Array.from(grid.layerVertexEnd),
    owners: index.gridLayerOwners === null ? null : Array.from(index.gridLayerOwners),
  };
}

describe("the index build from coordinate columns", () => {
  it("gives the GeoJSON build's index and parseCoverageGeojson's features on random files", () => {
    const random = createRandom(20261202);
    const encoder = new TextEncoder();
    let repaired = 0;
    let multi = 0;
    for (let run = 0; run < 120; run++) {
      const bytes = encoder.encode(randomFile(random));
      const plain = parseCoverageGeojson(bytes, { file: "c.geojson" });
      const packed = parseCoverageGeojsonPacked(bytes, { file: "c.geojson" });
      expect(packed.report).toEqual(plain.report);
      expect(packed.repairs).toEqual(plain.repairs);
      repaired += plain.repairs.length;
      multi += plain.items.filter((feature) => feature.geometry.type === "MultiPolygon").length;
      // Built before any geometry is read, so that the columns are what the build reads.
      expect(packed.items.every((feature) => packedGeometryOf(feature) !== undefined)).toBe(true);
      const fromColumns = buildCoverageIndex(packed.items);
      const fromGeojson = buildCoverageIndex(plain.items);
      expect(arraysOf(fromColumns)).toEqual(arraysOf(fromGeojson));
      expect(fromColumns.layers).toEqual(fromGeojson.layers);
      const lon = Float64Array.from({ length: 500 }, () => 104 + random() * 2.5);
      const lat = Float64Array.from({ length: 500 }, () => 15 + random() * 2.5);
      expect(queryCoverageMasks(fromColumns, lon, lat)).toEqual(queryCoverageMasks(fromGeojson, lon, lat));
      // The geometries, made from the columns on first access, are parseCoverageGeojson's (key order included).
      expect(packed.items).toEqual(plain.items);
      expect(packed.items.map((feature) => Object.keys(feature))).toEqual(plain.items.map((feature) => Object.keys(feature)));
      expect(structuredClone(packed.items)).toEqual(plain.items);
    }
    // The random files did exercise the repairs and the multipolygons.
    expect(repaired).toBeGreaterThan(20);
    expect(multi).toBeGreaterThan(50);
  });

  it("indexes a replaced geometry, not the columns", () => {
    // A unit square at (x, 10), as corner offsets.
    const corners = [0, 0, 1, 0, 1, 1, 0, 1, 0, 0];
    const square = (x: number): CoverageFeature["geometry"] => ({
      type: "Polygon",
      coordinates: [Array.from({ length: 5 }, (_, k) => [x + corners[2 * k], 10 + corners[2 * k + 1]])],
    });
    const file = JSON.stringify({
      type: "FeatureCollection",
      features: [{ type: "Feature", properties: { carrier: "Viettel", technology: "4G" }, geometry: square(105) }],
    });
    const [feature] = parseCoverageGeojsonPacked(file, { file: "c.geojson" }).items;
    feature.geometry = square(107);
    expect(packedGeometryOf(feature)).toBeUndefined();
    const index = buildCoverageIndex([feature]);
    expect(Array.from(queryCoverageMasks(index, [105.5, 107.5], [10.5, 10.5]))).toEqual([0, 1]);
  });
});

describe("visitRingValues", () => {
  it("visits the positions the features' GeoJSON holds, ring by ring, for packed and plain features alike", () => {
    const random = createRandom(77);
    const encoder = new TextEncoder();
    const rings = (feature: CoverageFeature): number[][] => {
      const out: number[][] = [];
      visitRingValues(feature, (values, start, end) => out.push(Array.from(values.subarray(start, end))));
      return out;
    };
    for (let round = 0; round < 40; round++) {
      const bytes = encoder.encode(randomFile(random));
      const packed = parseCoverageGeojsonPacked(bytes, { file: "f.geojson" }).items;
      const plain = parseCoverageGeojson(bytes, { file: "f.geojson" }).items;
      expect(packed.length).toBe(plain.length);
      packed.forEach((feature, k) => {
        // Read from the columns first: the GeoJSON is made only when asked for, below.
        const fromColumns = rings(feature);
        const expected = (plain[k].geometry.type === "Polygon" ? [plain[k].geometry.coordinates] : plain[k].geometry.coordinates).flatMap((polygon) =>
          polygon.map((ring) => ring.flat()),
        );
        expect(fromColumns).toEqual(expected);
        expect(rings(plain[k])).toEqual(expected);
      });
    }
  });
});
