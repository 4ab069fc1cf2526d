import { describe, expect, it } from "vitest";
import { booleanPointInPolygon } from "@turf/boolean-point-in-polygon";
import type { Feature, MultiPolygon, Polygon, Position } from "geojson";
import { parseCoverageGeojson } from "../parse/parse_coverage_geojson.ts";
import { checkCoverageGeometry } from "../parse/polygon_checks.ts";
import { ringArea } from "../parse/make_valid.ts";
import type { CoverageFeature } from "../types.ts";
import { buildCoverageIndex, queryCoverageMasks } from "./coverage_index.ts";
import { createRandom } from "../../testing/seeded_random.ts";

type Ring = Position[];

function close(ring: Position[]): Ring {
  return [...ring, [...ring[0]]];
}

function rect(x0: number, y0: number, x1: number, y1: number): Ring {
  return close([
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
  ]);
}

/** A random simple (star-shaped) counter-clockwise ring. */
function starRing(random: () => number, cx: number, cy: number, radius: number): Ring {
  const count = 4 + Math.floor(random() * 10);
  const ring: Position[] = [];
  for (let k = 0; k < count; k++) {
    const angle = ((k + 0.1 + 0.8 * random()) / count) * 2 * Math.PI;
    const r = radius * (0.6 + 0.4 * random());
    ring.push([cx + r * Math.cos(angle), cy + r * Math.sin(angle)]);
  }
  return close(ring);
}

/** A valid polygon: a star shell, maybe one small hole at its centre. */
function validPolygon(random: () => number, cx: number, cy: number, radius: number): Ring[] {
  const shell = starRing(random, cx, cy, radius);
  if (random() < 0.5) return [shell];
  const h = radius * 0.2;
  return [shell, rect(cx - h, cy - h, cx + h, cy + h).reverse()];
}

/** One of the invalid classes, near (cx, cy). */
function invalidGeometry(random: () => number, cx: number, cy: number, radius: number): { kind: string; parts: Ring[][] } {
  const r = radius;
  switch (Math.floor(random() * 7)) {
    case 0: {
      // A bow-tie, in either direction, lobes of random size.
      const s = 0.2 + random() * 0.8;
      const ring = close([
        [cx - r, cy - r * s],
        [cx + r, cy + r],
        [cx + r, cy - r],
        [cx - r, cy + r * s],
      ]);
      return { kind: "bow-tie", parts: [[random() < 0.5 ? ring : ring.reverse()]] };
    }
    case 1: {
      // A hole outside its shell (possibly overlapping another feature), or straddling it.
      const dx = (random() < 0.5 ? 1 : 0.5) * 2 * r;
      return { kind: "hole outside", parts: [[rect(cx - r, cy - r, cx, cy), rect(cx - r + dx, cy - r, cx + dx, cy).reverse()]] };
    }
    case 2:
      // Rings with the wrong winding: a clockwise shell and a counter-clockwise hole.
      return { kind: "reversed", parts: [[rect(cx - r, cy - r, cx + r, cy + r).reverse(), rect(cx - r / 3, cy - r / 3, cx + r / 3, cy + r / 3)]] };
    case 3: {
      // A duplicated ring: the same polygon twice in a MultiPolygon, or the shell repeated as a hole.
      const shell = starRing(random, cx, cy, r);
      return random() < 0.5
        ? { kind: "duplicate parts", parts: [[shell], [shell.slice()]] }
        : { kind: "hole equal shell", parts: [[shell, shell.slice().reverse()]] };
    }
    case 4: {
      // A random self-crossing ring: random positions in a box.
      const count = 4 + Math.floor(random() * 8);
      const ring: Position[] = [];
      for (let k = 0; k < count; k++) ring.push([cx + (random() * 2 - 1) * r, cy + (random() * 2 - 1) * r]);
      return { kind: "scribble", parts: [[close(ring)]] };
    }
    case 5: {
      // Nested shells in one MultiPolygon.
      return { kind: "nested shells", parts: [[rect(cx - r, cy - r, cx + r, cy + r)], [rect(cx - r / 2, cy - r / 2, cx + r / 2, cy + r / 2)]] };
    }
    default: {
      // A bow-tie shell with a hole in each lobe.
      const ring = close([
        [cx - r, cy - r],
        [cx + r, cy + r],
        [cx + r, cy - r],
        [cx - r, cy + r],
      ]);
      const h = r / 8;
      return {
        kind: "bow-tie with holes",
        parts: [[ring, rect(cx - 0.8 * r - h, cy - h, cx - 0.8 * r + h, cy + h), rect(cx + 0.8 * r - h, cy - h, cx + 0.8 * r + h, cy + h)]],
      };
    }
  }
}

function asGeometry(parts: Ring[][]): Polygon | MultiPolygon {
  return parts.length === 1 ? { type: "Polygon", coordinates: parts[0] } : { type: "MultiPolygon", coordinates: parts };
}

function geojsonFeature(carrier: string, parts: Ring[][]): Feature {
  return { type: "Feature", properties: { carrier, technology: "4G" }, geometry: asGeometry(parts) };
}

function polygonsOf(geometry: Polygon | MultiPolygon): Position[][][] {
  return geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
}

/** Non-zero winding number of one ring at a point (crossing rule, no on-edge handling). */
function winding(ring: Ring, x: number, y: number): number {
  let w = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [ax, ay] = ring[i];
    const [bx, by] = ring[i + 1];
    const cross = (bx - ax) * (y - ay) - (by - ay) * (x - ax);
    if (ay <= y) {
      if (by > y && cross > 0) w++;
    } else if (by <= y && cross < 0) w--;
  }
  return w;
}

function ringKey(ring: Ring): string {
  return ring
    .slice(0, -1)
    .map((p) => `${p[0]},${p[1]}`)
    .sort()
    .join(";");
}

/**
 * The documented rule, computed straight from the raw rings (a brute-force reference for the repair): per polygon,
 * duplicate rings dropped, holes turned clockwise; covered when (shell winding ≠ 0) XOR (hole winding sum ≠ 0);
 * the polygons of a MultiPolygon are unioned.
 */
function referenceCovers(parts: Ring[][], x: number, y: number): boolean {
  return parts.some((rings) => {
    const seen = new Set<string>();
    let shell = 0;
    let holes = 0;
    rings.forEach((ring, index) => {
      const key = ringKey(ring);
      if (seen.has(key)) return;
      seen.add(key);
      if (index === 0) shell = winding(ring, x, y);
      else holes += (ringArea(ring) > 0 ? -1 : 1) * winding(ring, x, y);
    });
    return (shell !== 0) !== (holes !== 0);
  });
}

function distanceToEdges(parts: Ring[][], x: number, y: number): number {
  let best = Infinity;
  for (const rings of parts) {
    for (const ring of rings) {
      for (let i = 0; i + 1 < ring.length; i++) {
        const [ax, ay] = ring[i];
        const [bx, by] = ring[i + 1];
        const dx = bx - ax;
        const dy = by - ay;
        const t = dx === 0 && dy === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
        best = Math.min(best, Math.hypot(x - ax - t * dx, y - ay - t * dy));
      }
    }
  }
  return best;
}

function coversByTurf(geometry: Polygon | MultiPolygon, x: number, y: number): boolean {
  return booleanPointInPolygon([x, y], geometry);
}

/** Every ring valid for the index: shells counter-clockwise, holes clockwise, each hole inside its shell. */
function expectValidRings(geometry: Polygon | MultiPolygon): void {
  for (const polygon of polygonsOf(geometry)) {
    expect(ringArea(polygon[0])).toBeGreaterThan(0);
    for (const hole of polygon.slice(1)) {
      expect(ringArea(hole)).toBeLessThan(0);
      expect(Math.abs(ringArea(hole))).toBeLessThan(ringArea(polygon[0]));
      for (const position of hole) expect(booleanPointInPolygon(position, { type: "Polygon", coordinates: [polygon[0]] })).toBe(true);
    }
  }
}

describe("invalid coverage never takes coverage away from valid coverage (seeded property test)", () => {
  it("covers every point inside a valid polygon of a layer, whatever invalid features share the layer", () => {
    for (let seed = 1; seed <= 40; seed++) {
      const random = createRandom(seed);
      const valid: Ring[][][] = [];
      const invalid: { kind: string; parts: Ring[][] }[] = [];
      const features: Feature[] = [];
      const count = 3 + Math.floor(random() * 6);
      for (let k = 0; k < count; k++) {
        const cx = 105 + random() * 0.5;
        const cy = 21 + random() * 0.5;
        const radius = 0.05 + random() * 0.15;
        if (random() < 0.4) {
          const parts = [validPolygon(random, cx, cy, radius)];
          valid.push(parts);
          features.push(geojsonFeature("Viettel", parts));
        } else {
          const made = invalidGeometry(random, cx, cy, radius);
          invalid.push(made);
          features.push(geojsonFeature("Viettel", made.parts));
        }
      }
      const parsed = parseCoverageGeojson({ type: "FeatureCollection", features }, { file: `seed-${seed}.geojson` });
      expect(parsed.report.read).toBe(parsed.report.accepted + parsed.report.rejected);
      for (const item of parsed.items) expectValidRings(item.geometry);
      const index = buildCoverageIndex(parsed.items);
      const lon: number[] = [];
      const lat: number[] = [];
      const insideValid: boolean[] = [];
      const expected: boolean[] = [];
      for (let p = 0; p < 400; p++) {
        const x = 104.8 + random() * 1;
        const y = 20.8 + random() * 1;
        const all = [...valid, ...invalid.map((made) => made.parts)];
        if (all.some((parts) => distanceToEdges(parts, x, y) < 1e-9)) continue;
        lon.push(x);
        lat.push(y);
        insideValid.push(valid.some((parts) => coversByTurf(asGeometry(parts), x, y)));
        expected.push(all.some((parts) => referenceCovers(parts, x, y)));
      }
      const masks = queryCoverageMasks(index, lon, lat);
      const covered = Array.from(masks, (mask) => (mask & 1) === 1);
      lon.forEach((_, i) => {
        if (insideValid[i]) expect({ seed, i, covered: covered[i] }).toEqual({ seed, i, covered: true });
        expect({ seed, i, covered: covered[i] }).toEqual({ seed, i, covered: expected[i] });
      });
    }
  });

  it("agrees with a brute-force point-in-polygon over valid input (no invalid features)", () => {
    for (let seed = 100; seed < 120; seed++) {
      const random = createRandom(seed);
      const polygons: Ring[][][] = [];
      for (let k = 0; k < 6; k++) polygons.push([validPolygon(random, 105 + random() * 0.5, 21 + random() * 0.5, 0.05 + random() * 0.2)]);
      const parsed = parseCoverageGeojson(
        { type: "FeatureCollection", features: polygons.map((parts) => geojsonFeature("VNPT", parts)) },
        { file: "valid.geojson" },
      );
      expect(parsed.report.issues.filter((issue) => issue.code !== "feature_outside_area")).toEqual([]);
      const index = buildCoverageIndex(parsed.items);
      const lon = Array.from({ length: 300 }, () => 104.9 + random() * 0.9);
      const lat = Array.from({ length: 300 }, () => 20.9 + random() * 0.9);
      const masks = queryCoverageMasks(index, lon, lat);
      lon.forEach((x, i) => {
        const brute = polygons.some((parts) => coversByTurf(asGeometry(parts), x, lat[i]));
        expect({ seed, i, covered: (masks[i] & 1) === 1 }).toEqual({ seed, i, covered: brute });
      });
    }
  });

  it("repairs each invalid class into the documented coverage (random points against the rule computed from the raw rings)", () => {
    const random = createRandom(7);
    const kinds = new Set<string>();
    for (let k = 0; k < 300; k++) {
      const made = invalidGeometry(random, 105, 21, 0.1);
      kinds.add(made.kind);
      const check = checkCoverageGeometry(asGeometry(made.parts));
      for (let p = 0; p < 60; p++) {
        const x = 104.88 + random() * 0.24;
        const y = 20.88 + random() * 0.24;
        if (distanceToEdges(made.parts, x, y) < 1e-9) continue;
        const want = referenceCovers(made.parts, x, y);
        const got = check.geometry !== null && coversByTurf(check.geometry, x, y);
        expect({ k, kind: made.kind, x, y, covered: got }).toEqual({ k, kind: made.kind, x, y, covered: want });
      }
      if (check.geometry) expectValidRings(check.geometry);
    }
    expect(kinds.size).toBe(8);
  });
});

describe("hand-made invalid coverage fixtures (expected results; cross-checked against PostGIS ST_MakeValid, see docs/architecture.md)", () => {
  const fixtures: { name: string; parts: Ring[][]; area: number; codes: string[]; inside: Position[]; outside: Position[] }[] = [
    {
      name: "bow-tie",
      parts: [
        [
          close([
            [0, 0],
            [2, 2],
            [2, 0],
            [0, 2],
          ]),
        ],
      ],
      area: 2,
      codes: ["self_intersection"],
      inside: [
        [0.2, 1],
        [1.8, 1],
      ],
      outside: [
        [1, 1.5],
        [1, 0.5],
      ],
    },
    {
      name: "hole outside its shell",
      parts: [[rect(0, 0, 10, 10), rect(20, 20, 21, 21).reverse()]],
      area: 101,
      codes: ["hole_outside_shell"],
      inside: [
        [5, 5],
        [20.5, 20.5],
      ],
      outside: [[15, 15]],
    },
    {
      name: "hole straddling its shell",
      parts: [[rect(0, 0, 10, 10), rect(5, 5, 15, 15).reverse()]],
      area: 150,
      codes: ["self_intersection", "hole_outside_shell"],
      inside: [
        [2, 2],
        [12, 12],
      ],
      outside: [[7, 7]],
    },
    { name: "hole equal to its shell", parts: [[rect(0, 0, 1, 1), rect(0, 0, 1, 1)]], area: 1, codes: ["ring_duplicate"], inside: [[0.5, 0.5]], outside: [] },
    { name: "duplicate parts", parts: [[rect(0, 0, 1, 1)], [rect(0, 0, 1, 1)]], area: 2, codes: ["parts_overlap"], inside: [[0.5, 0.5]], outside: [] },
    {
      name: "nested shells",
      parts: [[rect(0, 0, 10, 10)], [rect(2, 2, 3, 3)]],
      area: 101,
      codes: ["parts_overlap"],
      inside: [
        [2.5, 2.5],
        [5, 5],
      ],
      outside: [],
    },
    {
      name: "reversed rings",
      parts: [[rect(0, 0, 10, 10).reverse(), rect(2, 2, 3, 3)]],
      area: 99,
      codes: ["ring_winding"],
      inside: [[5, 5]],
      outside: [[2.5, 2.5]],
    },
    {
      name: "repeated consecutive positions",
      parts: [
        [
          close([
            [0, 0],
            [1, 0],
            [1, 0],
            [1, 1],
            [0, 1],
            [0, 1],
          ]),
        ],
      ],
      area: 1,
      codes: ["repeated_positions"],
      inside: [[0.5, 0.5]],
      outside: [],
    },
    {
      name: "a hole with fewer than 4 positions",
      parts: [
        [
          rect(0, 0, 1, 1),
          [
            [0.2, 0.2],
            [0.4, 0.4],
            [0.2, 0.2],
          ],
        ],
      ],
      area: 1,
      codes: ["ring_degenerate"],
      inside: [[0.3, 0.35]],
      outside: [],
    },
    {
      name: "overlapping holes",
      parts: [[rect(0, 0, 10, 10), rect(1, 1, 5, 5).reverse(), rect(3, 3, 7, 7).reverse()]],
      area: 72,
      codes: ["self_intersection"],
      inside: [[8, 1]],
      outside: [
        [2, 2],
        [4, 4],
        [6, 6],
      ],
    },
  ];
  for (const fixture of fixtures) {
    it(fixture.name, () => {
      const check = checkCoverageGeometry(asGeometry(fixture.parts));
      expect(check.geometry).not.toBeNull();
      const geometry = check.geometry as Polygon | MultiPolygon;
      expectValidRings(geometry);
      const area = polygonsOf(geometry).reduce((sum, polygon) => sum + polygon.reduce((s, ring) => s + ringArea(ring), 0), 0);
      expect(area).toBeCloseTo(fixture.area, 9);
      expect(check.issues.map((issue) => issue.code).filter((code) => code !== "feature_outside_area")).toEqual(fixture.codes);
      for (const issue of check.issues) {
        expect(issue.message.vi.length).toBeGreaterThan(0);
        expect(issue.message.en.length).toBeGreaterThan(0);
      }
      // Alone, and in a layer with a valid feature around it, through the index.
      const around: CoverageFeature = {
        carrier: "Viettel",
        technology: "4G",
        asOf: null,
        geometry: { type: "Polygon", coordinates: [rect(-1, -1, 30, 30)] },
        source: { file: "t", featureIndex: 0 },
      };
      const mine: CoverageFeature = { carrier: "Viettel", technology: "4G", asOf: null, geometry, source: { file: "t", featureIndex: 1 } };
      const alone = buildCoverageIndex([mine]);
      const layer = buildCoverageIndex([mine, around]);
      const points = [...fixture.inside, ...fixture.outside];
      const aloneMasks = queryCoverageMasks(
        alone,
        points.map((p) => p[0]),
        points.map((p) => p[1]),
      );
      const layerMasks = queryCoverageMasks(
        layer,
        points.map((p) => p[0]),
        points.map((p) => p[1]),
      );
      expect(Array.from(aloneMasks)).toEqual([...fixture.inside.map(() => 1), ...fixture.outside.map(() => 0)]);
      expect(Array.from(layerMasks)).toEqual(points.map(() => 1));
    });
  }

  it("a self-crossing polygon of 200,000 positions is repaired without recursion, with a bounded amount of work", () => {
    const count = 200_000;
    const ring: Position[] = [];
    for (let i = 0; i < count; i++) {
      const t = (2 * Math.PI * i) / count;
      const d = 1 + Math.sin(t) ** 2;
      ring.push([105 + Math.cos(t) / d, 21 + (Math.sin(t) * Math.cos(t)) / d]);
    }
    const check = checkCoverageGeometry({ type: "Polygon", coordinates: [close(ring)] });
    const geometry = check.geometry as Polygon | MultiPolygon;
    expect(polygonsOf(geometry)).toHaveLength(2);
    const area = polygonsOf(geometry).reduce((sum, polygon) => sum + ringArea(polygon[0]), 0);
    // The lemniscate's area is 1 (a² with a = 1); both lobes count.
    expect(area).toBeCloseTo(1, 6);
    expect(check.issues.map((issue) => issue.code)).toContain("self_intersection");
  });

  it("falls back to counting a too-expensive polygon on its own, never subtracting from the layer's other features", () => {
    // A bow-tie whose smaller (backward-winding) lobe holds a valid square; the work budget is forced to 1 so
    // that no repair is affordable.
    const bowTie = close([
      [0, 0],
      [2, 2],
      [2, 0],
      [0, 1],
    ]);
    const check = checkCoverageGeometry({ type: "Polygon", coordinates: [bowTie] }, 1);
    expect(check.standalone).toBe(true);
    expect(check.issues.map((issue) => issue.code)).toContain("repair_too_complex");
    const tie: CoverageFeature = {
      carrier: "Viettel",
      technology: "4G",
      asOf: null,
      geometry: check.geometry as Polygon,
      source: { file: "t", featureIndex: 0 },
      standalone: true,
    };
    const square: CoverageFeature = {
      carrier: "Viettel",
      technology: "4G",
      asOf: null,
      geometry: { type: "Polygon", coordinates: [rect(0.05, 0.4, 0.25, 0.6)] },
      source: { file: "t", featureIndex: 1 },
    };
    const lon = [0.15, 1.8];
    const lat = [0.5, 1];
    // The square is covered although the tie's small lobe winds backwards over it; the large lobe is covered.
    expect(Array.from(queryCoverageMasks(buildCoverageIndex([tie, square]), lon, lat))).toEqual([1, 1]);
    // Summed with the square (not standalone), the backward lobe would cancel it: what the standalone set prevents.
    const { standalone: _, ...summed } = tie;
    expect(Array.from(queryCoverageMasks(buildCoverageIndex([summed, square]), lon, lat))).toEqual([0, 1]);
    const index = buildCoverageIndex([tie, square]);
    expect(index.layers).toHaveLength(1);
  });
});
