import { describe, expect, it } from "vitest";
import type { MultiPolygon, Polygon, Position } from "geojson";
import type { CoverageFeature, Technology } from "../types.ts";
import { buildNearestCoverageIndex, nearestCoverage, nearestCoverageBruteForce } from "./nearest_coverage.ts";
import { createRandom } from "../../testing/seeded_random.ts";

function feature(carrier: string, technology: Technology, geometry: Polygon | MultiPolygon): CoverageFeature {
  return { carrier, technology, asOf: null, geometry, source: { file: "test", featureIndex: 0 } };
}

function disc(lon: number, lat: number, radiusDegrees: number, sides = 64): Position[] {
  const ring: Position[] = [];
  for (let k = 0; k < sides; k++) {
    const angle = (2 * Math.PI * k) / sides;
    ring.push([lon + radiusDegrees * Math.cos(angle), lat + radiusDegrees * Math.sin(angle)]);
  }
  ring.push(ring[0]);
  return ring;
}

const SQUARE: Position[] = [
  [104, 22],
  [104.1, 22],
  [104.1, 22.1],
  [104, 22.1],
  [104, 22],
];

describe("nearestCoverage", () => {
  it("measures the distance to the nearest edge in kilometres, nearest carrier first", () => {
    const features = [
      feature("Viettel", "4G", { type: "Polygon", coordinates: [SQUARE] }),
      feature("VNPT", "4G", { type: "Polygon", coordinates: [disc(104.5, 22.05, 0.01)] }),
    ];
    const index = buildNearestCoverageIndex(features);
    // 0.02° east of the square's east edge at 22.05° N: 0.02 × 111.32 × cos(22.05°) ≈ 2.063 km.
    const result = nearestCoverage(index, 104.12, 22.05);
    expect(result.map((entry) => entry.carrier)).toEqual(["Viettel", "VNPT"]);
    expect(result[0].km).toBeCloseTo(0.02 * 111.32 * Math.cos((22.05 * Math.PI) / 180), 6);
    // 0.02° south of the square's south edge: 0.02 × 110.574 km.
    expect(nearestCoverage(index, 104.05, 21.98)[0].km).toBeCloseTo(0.02 * 110.574, 6);
    // Diagonal from the corner (104.1, 22.0).
    const dx = 0.03 * 111.32 * Math.cos((21.96 * Math.PI) / 180);
    const dy = 0.04 * 110.574;
    expect(nearestCoverage(index, 104.13, 21.96)[0].km).toBeCloseTo(Math.hypot(dx, dy), 6);
  });

  it("leaves out excluded carriers, carriers beyond maxKm, and coverage below the minimum technology", () => {
    const features = [
      feature("Viettel", "3G", { type: "Polygon", coordinates: [SQUARE] }),
      feature("VNPT", "4G", { type: "Polygon", coordinates: [disc(105.5, 22.05, 0.01)] }),
      feature("MobiFone", "4G", { type: "Polygon", coordinates: [disc(104.2, 22.05, 0.01)] }),
    ];
    expect(nearestCoverage(buildNearestCoverageIndex(features, { minTechnology: "4G" }), 104.12, 22.05, { maxKm: 1000 }).map((entry) => entry.carrier)).toEqual(
      ["MobiFone", "VNPT"],
    );
    expect(nearestCoverage(buildNearestCoverageIndex(features), 104.12, 22.05, { maxKm: 20 }).map((entry) => entry.carrier)).toEqual(["Viettel", "MobiFone"]);
    // VNPT is about 142 km away: beyond the default 100 km.
    expect(nearestCoverage(buildNearestCoverageIndex(features), 104.12, 22.05, { exclude: ["Viettel"] }).map((entry) => entry.carrier)).toEqual(["MobiFone"]);
    expect(nearestCoverage(buildNearestCoverageIndex(features, { carriers: ["VNPT"] }), 104.12, 22.05, { maxKm: 1000 }).map((entry) => entry.carrier)).toEqual([
      "VNPT",
    ]);
  });

  it("counts the edges of holes and of every part of a MultiPolygon, and unclosed rings' closing edge", () => {
    const hole: Position[] = [
      [104.04, 22.04],
      [104.04, 22.06],
      [104.06, 22.06],
      [104.06, 22.04],
      [104.04, 22.04],
    ];
    const withHole = feature("Viettel", "4G", { type: "Polygon", coordinates: [SQUARE, hole] });
    // A point in the hole's centre is 0.01° from each hole edge: nearest is the east/west edge in km.
    expect(nearestCoverage(buildNearestCoverageIndex([withHole]), 104.05, 22.05)[0].km).toBeCloseTo(0.01 * 111.32 * Math.cos((22.05 * Math.PI) / 180), 6);
    const multi = feature("VNPT", "4G", { type: "MultiPolygon", coordinates: [[disc(106, 20, 0.01)], [disc(104.3, 22.05, 0.01)]] });
    expect(nearestCoverage(buildNearestCoverageIndex([multi]), 104.25, 22.05)[0].km).toBeCloseTo(nearestCoverageBruteForce([multi], "VNPT", 104.25, 22.05), 9);
    const unclosed = feature("MobiFone", "4G", { type: "Polygon", coordinates: [SQUARE.slice(0, 4)] });
    // Closing edge (104, 22.1) → (104, 22): a point west of it.
    expect(nearestCoverage(buildNearestCoverageIndex([unclosed]), 103.99, 22.05)[0].km).toBeCloseTo(0.01 * 111.32 * Math.cos((22.05 * Math.PI) / 180), 6);
  });

  it("agrees with the brute-force distance on random tower discs and points (several window sizes)", () => {
    const random = createRandom(20261129);
    const carriers = ["MobiFone", "VNPT", "Viettel"];
    const features: CoverageFeature[] = [];
    for (let k = 0; k < 300; k++) {
      const carrier = carriers[k % 3];
      const sides = 8 + Math.floor(random() * 90); // long rings span several runs of edges
      features.push(
        feature(carrier, random() < 0.3 ? "3G" : "4G", {
          type: "Polygon",
          coordinates: [disc(103 + random() * 2, 21 + random() * 2, 0.005 + random() * 0.06, sides)],
        }),
      );
    }
    for (const minTechnology of [undefined, "4G"] as const) {
      const index = buildNearestCoverageIndex(features, { minTechnology });
      for (let k = 0; k < 400; k++) {
        // Some points far outside the cloud, so the window grows several times.
        const lon = 102.5 + random() * 3.5;
        const lat = 20.5 + random() * 3.5;
        const found = nearestCoverage(index, lon, lat, { maxKm: 1000 });
        expect(found.length).toBe(3);
        for (const entry of found) expect(entry.km).toBeCloseTo(nearestCoverageBruteForce(features, entry.carrier, lon, lat, { minTechnology }), 9);
        for (let i = 1; i < found.length; i++) expect(found[i].km).toBeGreaterThanOrEqual(found[i - 1].km);
      }
    }
  });
});
