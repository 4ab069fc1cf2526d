import { describe, expect, it } from "vitest";
import type { Position } from "geojson";
import { kinks } from "@turf/kinks";
import { KINKS_SEGMENT_LIMIT, checkPolygonGeometry, findRingCrossings, isStrictlyConvexRing, signedRingArea, sweepRingCrossings } from "./polygon_checks.ts";
import { bowTieRing, rectangleRing, ringOf } from "../../testing/features.ts";
import { createRandom } from "../../testing/seeded_random.ts";

const square = rectangleRing(104, 22, 104.1, 22.1);
const bowTie = bowTieRing(104, 22, 104.1, 22.1);

function circle(count: number, radius: number, clockwise = false): Position[] {
  const ring: Position[] = [];
  for (let i = 0; i < count; i++) {
    const angle = ((clockwise ? -1 : 1) * 2 * Math.PI * i) / count;
    ring.push([105 + radius * Math.cos(angle), 21 + radius * Math.sin(angle)]);
  }
  ring.push(ring[0]);
  return ring;
}

/** Checks a polygon of one ring. */
const checkRing = (ring: unknown[]) => checkPolygonGeometry({ type: "Polygon", coordinates: [ring] });
/** A closed right triangle: (x0, y0), (x1, y0), (x1, y1). */
const triangle = (x0: number, y0: number, x1: number, y1: number): Position[] => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y0],
];

function keys(positions: Position[]): string[] {
  return [...new Set(positions.map((position) => `${position[0].toFixed(9)},${position[1].toFixed(9)}`))].sort();
}

describe("checkPolygonGeometry", () => {
  it("accepts a closed counter-clockwise square without issues", () => {
    const check = checkPolygonGeometry({ type: "Polygon", coordinates: [square] });
    expect(check.geometry).toEqual({ type: "Polygon", coordinates: [square] });
    expect(check.issues).toEqual([]);
    expect(check.crossings).toEqual([]);
    expect(check.repair).toBeNull();
  });

  it("closes an unclosed ring with a warning", () => {
    const check = checkRing(square.slice(0, 4));
    expect(check.geometry).toEqual({ type: "Polygon", coordinates: [square] });
    expect(check.issues.map((issue) => [issue.code, issue.severity])).toEqual([["ring_unclosed", "warning"]]);
  });

  it("rewinds a clockwise outer ring and a counter-clockwise hole, with one warning", () => {
    const hole = rectangleRing(104.02, 22.02, 104.04, 22.04);
    const check = checkPolygonGeometry({ type: "Polygon", coordinates: [[...square].reverse(), hole] });
    expect(check.geometry?.coordinates).toEqual([square, [...hole].reverse()]);
    expect(check.issues.map((issue) => issue.code)).toEqual(["ring_winding"]);
    expect(check.issues[0].message.en).toContain("2 ring(s)");
  });

  it("rejects a ring with fewer than four positions", () => {
    const check = checkRing([
      [104, 22],
      [104.1, 22],
      [104, 22],
    ]);
    expect(check.geometry).toBeNull();
    expect(check.issues.map((issue) => [issue.code, issue.severity])).toEqual([["ring_too_short", "error"]]);
  });

  it("rejects positions outside ±180/±90 and projected metres", () => {
    expect(checkRing(triangle(200, 22, 201, 23)).issues[0].code).toBe("coordinates_out_of_range");
    expect(checkRing(triangle(583000, 2380000, 584000, 2381000)).issues[0].code).toBe("coordinates_projected");
  });

  it("rejects non-polygon, missing and malformed geometries", () => {
    expect(checkPolygonGeometry({ type: "Point", coordinates: [104, 22] }).issues[0].code).toBe("geometry_not_polygon");
    expect(checkPolygonGeometry(null).issues[0].code).toBe("geometry_missing");
    expect(
      checkRing([
        [104, "22"],
        [1, 2],
        [3, 4],
        [104, "22"],
      ]).issues[0].code,
    ).toBe("coordinates_invalid");
    expect(checkPolygonGeometry({ type: "MultiPolygon", coordinates: [] }).issues[0].code).toBe("geometry_empty");
  });

  it("warns when a polygon lies entirely outside Vietnam", () => {
    const paris = checkRing(triangle(2, 48, 3, 49));
    expect(paris.geometry).not.toBeNull();
    expect(paris.issues.map((issue) => [issue.code, issue.severity, issue.message.en])).toEqual([
      ["feature_outside_area", "warning", "The feature lies entirely outside Vietnam."],
    ]);
  });

  it("rejects a polygon written [latitude, longitude] and says the axes look swapped", () => {
    const swapped = square.map(([lon, lat]) => [lat, lon]);
    const check = checkRing(swapped);
    expect(check.geometry).toBeNull();
    expect(check.issues[0].code).toBe("coordinates_out_of_range");
    expect(check.issues[0].message.en).toContain("swapped");
    expect(check.issues[0].message.vi).toContain("đảo chỗ");
  });

  it("drops altitudes and repeated consecutive positions", () => {
    const check = checkRing([
      [104, 22, 5],
      [104, 22, 5],
      [104.1, 22, 5],
      [104.1, 22.1],
      [104, 22.1],
      [104, 22],
    ]);
    expect(check.geometry?.coordinates).toEqual([square]);
  });

  it("finds the crossing of a bow-tie and proposes two simple counter-clockwise lobes", () => {
    const check = checkRing(bowTie);
    expect(check.geometry).toEqual({ type: "Polygon", coordinates: [bowTie] });
    expect(check.crossings).toHaveLength(1);
    expect(check.crossings[0][0]).toBeCloseTo(104.05, 9);
    expect(check.crossings[0][1]).toBeCloseTo(22.05, 9);
    expect(check.repair?.type).toBe("MultiPolygon");
    const lobes = (check.repair?.coordinates ?? []) as Position[][][];
    expect(lobes).toHaveLength(2);
    for (const lobe of lobes) expect(signedRingArea(lobe[0])).toBeGreaterThan(0);
    // Each lobe is a triangle of 0.1 × 0.05 / 2 square degrees.
    const total = lobes.reduce((sum, lobe) => sum + signedRingArea(lobe[0]), 0);
    expect(total).toBeCloseTo(0.005, 9);
  });

  it("keeps a hole in the lobe that contains it when repairing", () => {
    const outer = bowTieRing(104, 22, 104.2, 22.2);
    const hole: Position[] = [
      [104.01, 22.09],
      [104.01, 22.11],
      [104.03, 22.1],
      [104.01, 22.09],
    ];
    const check = checkPolygonGeometry({ type: "Polygon", coordinates: [outer, hole] });
    const lobes = (check.repair?.coordinates ?? []) as Position[][][];
    expect(lobes).toHaveLength(2);
    const withHole = lobes.filter((lobe) => lobe.length === 2);
    expect(withHole).toHaveLength(1);
    expect(signedRingArea(withHole[0][1])).toBeLessThan(0);
  });
});

describe("findRingCrossings", () => {
  it("agrees with @turf/kinks when using the sweep, on random rings", () => {
    const random = createRandom(7);
    for (let trial = 0; trial < 40; trial++) {
      const ring: Position[] = [];
      const count = 4 + Math.floor(random() * 20);
      for (let i = 0; i < count; i++) ring.push([104 + random(), 21 + random()]);
      ring.push(ring[0]);
      const expected = keys(kinks({ type: "Polygon", coordinates: [ring] }).features.map((feature) => feature.geometry.coordinates));
      expect(keys(sweepRingCrossings([ring]))).toEqual(expected);
    }
  });

  it("finds no crossing in a large simple ring and one in a large ring with two vertices exchanged", () => {
    const ring = circle(KINKS_SEGMENT_LIMIT + 500, 0.5);
    expect(findRingCrossings([ring])).toEqual([]);
    const twisted = ring.map((position) => [...position]);
    [twisted[10], twisted[11]] = [twisted[11], twisted[10]];
    expect(keys(findRingCrossings([twisted]))).toHaveLength(1);
  });

  it("agrees with @turf/kinks on a ring that touches itself at a vertex", () => {
    // Small integers keep the arithmetic exact, so both tests must find exactly the shared vertex.
    const pinched = ringOf("0 0, 2 0, 1 1, 2 2, 0 2, 1 1");
    const expected = keys(kinks({ type: "Polygon", coordinates: [pinched] }).features.map((feature) => feature.geometry.coordinates));
    expect(expected).toEqual(["1.000000000,1.000000000"]);
    expect(keys(sweepRingCrossings([pinched]))).toEqual(expected);
  });

  it("finds a hole crossing its outer ring", () => {
    const outer = circle(16, 0.5);
    const hole = circle(16, 0.3, true).map(([x, y]) => [x + 0.3, y]);
    expect(findRingCrossings([outer, hole]).length).toBeGreaterThan(0);
  });
});

describe("isStrictlyConvexRing", () => {
  it("accepts a disc-like regular polygon in either orientation", () => {
    const disc = Array.from({ length: 64 }, (_, k) => [104 + 0.05 * Math.cos((2 * Math.PI * k) / 64), 22 + 0.05 * Math.sin((2 * Math.PI * k) / 64)]);
    disc.push(disc[0]);
    expect(isStrictlyConvexRing(disc)).toBe(true);
    expect(isStrictlyConvexRing([...disc].reverse())).toBe(true);
  });

  it("rejects a pentagram, whose turns all have one sign but which winds twice", () => {
    const star = [0, 2, 4, 1, 3].map((k) => [Math.cos((2 * Math.PI * k) / 5), Math.sin((2 * Math.PI * k) / 5)]);
    star.push(star[0]);
    expect(isStrictlyConvexRing(star)).toBe(false);
    expect(findRingCrossings([star]).length).toBeGreaterThan(0);
  });

  it.each([
    ["a bow-tie", bowTieRing(0, 0, 2, 2)],
    ["a concave ring", ringOf("0 0, 4 0, 2 1, 4 4, 0 4")],
    ["a ring with a repeated position", ringOf("0 0, 4 0, 4 0, 4 4, 0 4")],
  ])("rejects %s", (_, ring) => {
    expect(isStrictlyConvexRing(ring)).toBe(false);
  });

  it("agrees with @turf/kinks on random convex-hull-like rings: none of them crosses itself", () => {
    for (let trial = 0; trial < 50; trial++) {
      const count = 3 + (trial % 20);
      const ring = Array.from({ length: count }, (_, k) => {
        const angle = (2 * Math.PI * k) / count;
        const radius = 1 + ((trial * 7 + k * 13) % 5) / 100;
        return [radius * Math.cos(angle), radius * Math.sin(angle)];
      });
      ring.push(ring[0]);
      if (isStrictlyConvexRing(ring)) expect(kinks({ type: "Polygon", coordinates: [ring] }).features).toHaveLength(0);
    }
  });
});
