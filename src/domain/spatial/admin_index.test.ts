import { describe, expect, it } from "vitest";
import { booleanPointInPolygon } from "@turf/boolean-point-in-polygon";
import type { Position } from "geojson";
import type { AdminArea } from "../types.ts";
import { adminIndexBuffers, buildAdminIndex, locateAdmin } from "./admin_index.ts";
import { createRandom } from "../../testing/seeded_random.ts";

const STEP = 1 / 1024;

/** A jittered lattice of quadrilateral areas sharing their edges exactly; the last one has a hole with an enclave. */
function jitteredPartition(seed: number, size: number): AdminArea[] {
  const random = createRandom(seed);
  const corner: Position[][] = [];
  for (let i = 0; i <= size; i++) {
    corner.push([]);
    for (let j = 0; j <= size; j++) {
      const inner = i > 0 && i < size && j > 0 && j < size;
      const jitter = () => (inner ? Math.round(((random() - 0.5) * 0.5) / STEP) * STEP : 0);
      corner[i].push([i + jitter(), j + jitter()]);
    }
  }
  const areas: AdminArea[] = [];
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      const ring = [corner[i][j], corner[i + 1][j], corner[i + 1][j + 1], corner[i][j + 1], corner[i][j]];
      areas.push({ level: "commune", code: `${i}-${j}`, name: `Area ${i} ${j}`, geometry: { type: "Polygon", coordinates: [ring] } });
    }
  }
  // An area far to the right with a hole, and an enclave filling the hole exactly.
  const hole: Position[] = [
    [size + 2, 1],
    [size + 3, 1],
    [size + 3, 2],
    [size + 2, 2],
    [size + 2, 1],
  ];
  areas.push({
    level: "commune",
    code: "ring",
    name: "Ring",
    geometry: {
      type: "Polygon",
      coordinates: [
        [
          [size + 1, 0],
          [size + 4, 0],
          [size + 4, 3],
          [size + 1, 3],
          [size + 1, 0],
        ],
        hole,
      ],
    },
  });
  areas.push({ level: "commune", code: "enclave", name: "Enclave", geometry: { type: "Polygon", coordinates: [hole] } });
  return areas;
}

describe("locateAdmin", () => {
  it("returns -1 without areas and outside every area", () => {
    expect(locateAdmin(buildAdminIndex([]), 1, 1)).toBe(-1);
    const areas = jitteredPartition(1, 3);
    const index = buildAdminIndex(areas);
    expect(locateAdmin(index, -1, 1)).toBe(-1);
    expect(locateAdmin(index, 3.5, 1)).toBe(-1);
  });

  it("finds the enclave inside a hole, and the ring around it", () => {
    const areas = jitteredPartition(1, 3);
    const index = buildAdminIndex(areas);
    expect(areas[locateAdmin(index, 5.5, 1.5)].code).toBe("enclave");
    expect(areas[locateAdmin(index, 4.5, 0.5)].code).toBe("ring");
  });

  it("puts a point on the outer boundary in the area whose edge it is on", () => {
    const areas = jitteredPartition(1, 3);
    const index = buildAdminIndex(areas);
    expect(areas[locateAdmin(index, 3, 3)].code).toBe("2-2");
    expect(areas[locateAdmin(index, 0, 0.5)].code).toBe("0-0");
  });

  for (const seed of [1, 2, 3]) {
    it(`agrees with Turf on random points, vertices and shared edges (seed ${seed})`, () => {
      const areas = jitteredPartition(seed, 12);
      const index = buildAdminIndex(areas);
      const random = createRandom(seed * 31);
      const points: Position[] = [];
      for (let k = 0; k < 3000; k++) points.push([Math.round((-0.5 + random() * 17.5) / STEP) * STEP, Math.round((-0.5 + random() * 13) / STEP) * STEP]);
      for (const area of areas) {
        if (area.geometry.type !== "Polygon") continue;
        for (const ring of area.geometry.coordinates) {
          for (let k = 0; k + 1 < ring.length; k++) {
            points.push(ring[k]);
            points.push([(ring[k][0] + ring[k + 1][0]) / 2, (ring[k][1] + ring[k + 1][1]) / 2]);
          }
        }
      }
      let boundaryPoints = 0;
      for (const point of points) {
        const holders = areas.flatMap((area, k) => (booleanPointInPolygon(point, area.geometry, { ignoreBoundary: false }) ? [k] : []));
        const found = locateAdmin(index, point[0], point[1]);
        if (holders.length === 0) expect(found).toBe(-1);
        else if (holders.length === 1) expect(found).toBe(holders[0]);
        else {
          boundaryPoints++;
          expect(holders).toContain(found);
        }
      }
      expect(boundaryPoints).toBeGreaterThan(100);
    });
  }

  it("answers alike after the index is transferred through structured cloning", () => {
    const areas = jitteredPartition(4, 6);
    const index = buildAdminIndex(areas);
    const random = createRandom(44);
    const points = Array.from({ length: 2000 }, () => [-0.5 + random() * 11.5, -0.5 + random() * 7]);
    const before = points.map(([x, y]) => locateAdmin(index, x, y));
    const moved = structuredClone(index, { transfer: adminIndexBuffers(index) });
    expect(index.grid.cells.length).toBe(0);
    expect(points.map(([x, y]) => locateAdmin(moved, x, y))).toEqual(before);
    expect(new Set(before).size).toBeGreaterThan(30);
  });
});
