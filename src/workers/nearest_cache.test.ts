import { describe, expect, it } from "vitest";
import { analyzeCoverage, buildExportRows, buildNearestCoverageIndex, nearestCoverage, type Technology } from "../domain/index.ts";
import { coverageFeature, makePoint, squarePolygon } from "../testing/features.ts";
import { createNearestCache } from "./nearest_cache.ts";

/** A square of coverage from lon `x`, lat 22, with side `size`. */
const square = (carrier: string, technology: Technology, x: number, size: number) => coverageFeature(carrier, technology, squarePolygon(x, 22, size));
const point = (id: string, lon: number) => makePoint(id, lon, 22.05);

const coverage = [
  square("Viettel", "4G", 104, 0.1),
  square("Viettel", "2G", 104, 0.3),
  square("VNPT", "3G", 104.05, 0.1),
  square("MobiFone", "4G", 104.5, 0.1),
];
const points = [point("A", 104.02), point("B", 104.07), point("C", 104.2), point("D", 105)];

function kept() {
  const analysis = analyzeCoverage(points, coverage);
  const cache = createNearestCache();
  cache.keep(7, coverage, points, analysis);
  // The worker transfers the masks out after keep(): the cache must not read the analysis's own array.
  analysis.masks.fill(0);
  return { cache, analysis: analyzeCoverage(points, coverage) };
}

describe("nearest cache (the worker's nearest request)", () => {
  it("for point indices, leaves out the carriers covering the point under the filter, as the export rows do", () => {
    const { cache, analysis } = kept();
    const filter = { minTechnology: "3G" as const };
    const answer = cache.answer({ version: 7, minTechnology: "3G", points: [0, 1, 2, 3] });
    expect(answer.available).toBe(true);
    const nearest = buildNearestCoverageIndex(coverage, filter);
    const rows = buildExportRows(analysis, points, [0, 1, 2, 3], filter, { nearest });
    expect(answer.distances.map((list) => list[0]?.carrier ?? "")).toEqual(rows.map((row) => row.computed.nearest_carrier));
    // A is covered by Viettel 4G: Viettel is not listed; C is covered by Viettel 2G only, which does not count under 3G.
    expect(answer.distances[0].map((entry) => entry.carrier)).not.toContain("Viettel");
    expect(answer.distances[2].map((entry) => entry.carrier)).toContain("Viettel");
    expect(answer.distances[2]).toEqual(nearestCoverage(nearest, 104.2, 22.05, {}));
    // D is about 41 km from MobiFone, 88 km from VNPT, 93 km from Viettel 4G (its 2G does not count under 3G).
    expect(answer.distances[3].map((entry) => entry.carrier)).toEqual(["MobiFone", "VNPT", "Viettel"]);
  });

  it("measures positions with their own exclusions, honours limit and maxKm", () => {
    const { cache } = kept();
    const answer = cache.answer({ version: 7, points: [{ lon: 105, lat: 22.05, exclude: ["MobiFone"] }, 3], limit: 1, maxKm: 60 });
    expect(answer.distances[0]).toEqual([]);
    expect(answer.distances[1].map((entry) => entry.carrier)).toEqual(["MobiFone"]);
  });

  it("caches one index per filter (carrier order does not matter) and drops them when a new analysis is kept", () => {
    const { cache } = kept();
    cache.answer({ version: 7, points: [0] });
    cache.answer({ version: 7, points: [1] });
    expect(cache.indexCount).toBe(1);
    cache.answer({ version: 7, carriers: ["VNPT", "Viettel"], points: [0] });
    cache.answer({ version: 7, carriers: ["Viettel", "VNPT"], points: [0] });
    cache.answer({ version: 7, minTechnology: "4G", points: [0] });
    expect(cache.indexCount).toBe(3);
    const only = [square("VNPT", "4G", 104.19, 0.001)];
    cache.keep(8, only, points, analyzeCoverage(points, only));
    expect(cache.indexCount).toBe(0);
    const answer = cache.answer({ version: 8, points: [2] });
    expect(answer.distances[0].map((entry) => entry.carrier)).toEqual(["VNPT"]);
    expect(cache.indexCount).toBe(1);
  });

  it("answers unavailable for another analysis's version or before any analysis", () => {
    expect(createNearestCache().answer({ version: 1, points: [0] })).toEqual({ available: false, distances: [] });
    const { cache } = kept();
    expect(cache.answer({ version: 6, points: [0] })).toEqual({ available: false, distances: [] });
  });
});
