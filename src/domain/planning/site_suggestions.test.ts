import { describe, expect, it } from "vitest";
import { analyzeCoverage } from "../gaps/analyze_coverage.ts";
import { createRandom } from "../../testing/seeded_random.ts";
import type { CoverageFeature, Point } from "../types.ts";
import { pointWeight } from "./point_weights.ts";
import { planSites, siteExportRows } from "./site_plan.ts";
import {
  candidateCoverage,
  siteDiscRing,
  distanceKm,
  lazyGreedy,
  naiveGreedy,
  siteCandidates,
  suggestSites,
  type CoverageSets,
  type SiteTarget,
} from "./site_suggestions.ts";
import { squarePolygon } from "../../testing/features.ts";

/** Random targets in clusters around (104.x, 21.x), integer weights 1–5 so that ties happen. */
function randomTargets(seed: number, count: number, spreadKm: number): SiteTarget[] {
  const random = createRandom(seed);
  const centres = Array.from({ length: 3 }, () => ({ lon: 104 + random() * 0.3, lat: 21 + random() * 0.3 }));
  return Array.from({ length: count }, () => {
    const centre = centres[Math.floor(random() * centres.length)];
    return {
      lon: centre.lon + ((random() - 0.5) * spreadKm) / 104,
      lat: centre.lat + ((random() - 0.5) * spreadKm) / 110.574,
      weight: 1 + Math.floor(random() * 5),
    };
  });
}

function bruteCoverage(targets: readonly SiteTarget[], candidates: readonly { lon: number; lat: number }[], radiusKm: number): number[][] {
  return candidates.map((candidate) => {
    const members: number[] = [];
    targets.forEach((target, t) => {
      if (target.weight > 0 && distanceKm(candidate.lon, candidate.lat, target.lon, target.lat) <= radiusKm) members.push(t);
    });
    return members;
  });
}

function rows(sets: CoverageSets): number[][] {
  return Array.from({ length: sets.offsets.length - 1 }, (_, c) => Array.from(sets.indices.subarray(sets.offsets[c], sets.offsets[c + 1])));
}

/** The best weight any k candidates cover together: every k-subset, exhaustively. */
function exhaustiveOptimum(members: number[][], weights: Float64Array, k: number): number {
  let best = 0;
  const chosen: number[] = [];
  const visit = (start: number) => {
    if (chosen.length === k || start === members.length) {
      const covered = new Set<number>();
      for (const c of chosen) for (const t of members[c]) covered.add(t);
      let sum = 0;
      for (const t of covered) sum += weights[t];
      best = Math.max(best, sum);
      return;
    }
    for (let c = start; c < members.length; c++) {
      chosen.push(c);
      visit(c + 1);
      chosen.pop();
    }
  };
  visit(0);
  return best;
}

describe("distanceKm", () => {
  it("measures a degree of latitude as 110.574 km and a degree of longitude as 111.32 km × cos(latitude)", () => {
    expect(distanceKm(105, 21, 105, 22)).toBeCloseTo(110.574, 9);
    expect(distanceKm(105, 21, 106, 21)).toBeCloseTo(111.32 * Math.cos((21 * Math.PI) / 180), 9);
    expect(distanceKm(105, 21, 105, 21)).toBe(0);
  });
});

describe("candidateCoverage", () => {
  it("finds exactly the targets a brute-force loop over every pair finds", () => {
    for (const seed of [1, 2, 3, 4]) {
      const targets = randomTargets(seed, 400, 12);
      targets[5].weight = 0;
      const candidates = siteCandidates(targets, 3, 1.5);
      const sets = candidateCoverage(targets, candidates, 3);
      expect(rows(sets)).toEqual(bruteCoverage(targets, candidates, 3));
    }
  });

  it("includes a target exactly on the disc's edge and excludes one just outside", () => {
    const edge = 3 / 110.574;
    const targets = [
      { lon: 105, lat: 21, weight: 1 },
      { lon: 105, lat: 21 + edge * 0.999999, weight: 1 },
      { lon: 105, lat: 21 + edge * 1.0001, weight: 1 },
    ];
    const sets = candidateCoverage(targets, [{ lon: 105, lat: 21, origin: "point", target: 0 }], 3);
    expect(rows(sets)).toEqual([[0, 1]]);
  });
});

describe("siteCandidates", () => {
  it("has every weighted target, then grid nodes only in cells near two or more targets", () => {
    const targets = [
      { lon: 105, lat: 21, weight: 1 },
      { lon: 105.001, lat: 21.001, weight: 1 },
      { lon: 106, lat: 22, weight: 1 },
      { lon: 107, lat: 22, weight: 0 },
    ];
    const candidates = siteCandidates(targets, 3, 1.5);
    expect(candidates.slice(0, 3).map((c) => c.target)).toEqual([0, 1, 2]);
    const grid = candidates.slice(3);
    expect(grid.length).toBeGreaterThan(0);
    // Every grid node lies in the 3 × 3 cells (side 3 km) around the cluster at (105, 21), none near the lone
    // point at (106, 22): at most 2 × 3 × √2 km away.
    for (const node of grid) expect(distanceKm(node.lon, node.lat, 105, 21)).toBeLessThan(6 * Math.SQRT2 + 0.01);
    // 3 × 3 cells of side 3 km with a 1.5 km step: 6 or 7 nodes per axis.
    expect(grid.length).toBeGreaterThanOrEqual(36);
    expect(grid.length).toBeLessThanOrEqual(49);
    expect(siteCandidates(targets, 3, 0)).toHaveLength(3);
  });
});

describe("lazy greedy", () => {
  it("picks exactly what the naive greedy picks (same sites, same order, same gains)", () => {
    for (const seed of [11, 12, 13, 14, 15, 16]) {
      const targets = randomTargets(seed, 300, 15);
      const candidates = siteCandidates(targets, 2, 1);
      const sets = candidateCoverage(targets, candidates, 2);
      const weights = Float64Array.from(targets, (t) => t.weight);
      for (const k of [1, 3, 10, 40]) expect(lazyGreedy(sets, weights, k)).toEqual(naiveGreedy(sets, weights, k));
    }
  });

  it("breaks ties by the lower candidate index, as the naive greedy does", () => {
    // Candidates 0 and 1 cover the same weight; 1 would also fit, but 0 comes first.
    const sets: CoverageSets = { offsets: Uint32Array.from([0, 2, 4, 5]), indices: Uint32Array.from([0, 1, 2, 3, 0]) };
    const weights = Float64Array.from([1, 1, 1, 1]);
    expect(lazyGreedy(sets, weights, 3)).toEqual([
      { candidate: 0, gain: 2 },
      { candidate: 1, gain: 2 },
    ]);
    expect(naiveGreedy(sets, weights, 3)).toEqual(lazyGreedy(sets, weights, 3));
  });

  it("covers at least (1 − 1/e) of the best K-subset found by exhaustive search", () => {
    const bound = 1 - 1 / Math.E;
    let checked = 0;
    for (let seed = 100; seed < 130; seed++) {
      const targets = randomTargets(seed, 14, 10);
      const candidates = siteCandidates(targets, 2.5, 0);
      const sets = candidateCoverage(targets, candidates, 2.5);
      const members = rows(sets);
      const weights = Float64Array.from(targets, (t) => t.weight);
      for (const k of [1, 2, 3]) {
        const greedy = lazyGreedy(sets, weights, k).reduce((sum, pick) => sum + pick.gain, 0);
        const optimum = exhaustiveOptimum(members, weights, k);
        expect(greedy).toBeLessThanOrEqual(optimum);
        expect(greedy).toBeGreaterThanOrEqual(bound * optimum);
        // With one site the greedy is optimal.
        if (k === 1) expect(greedy).toBe(optimum);
        checked++;
      }
    }
    expect(checked).toBe(90);
  });
});

describe("suggestSites", () => {
  it("on a hand-worked case picks the heaviest cluster first and reports marginal gains", () => {
    // Cluster A: 3 points of weight 10 within 1 km of (105, 21); cluster B: 2 points of weight 12 near (105.2, 21);
    // a lone point C of weight 5 at (105.5, 21). Radius 2 km: sites A (30), B (24), C (5).
    const d = 0.5 / 110.574;
    const targets = [
      { lon: 105, lat: 21, weight: 10 },
      { lon: 105, lat: 21 + d, weight: 10 },
      { lon: 105, lat: 21 - d, weight: 10 },
      { lon: 105.2, lat: 21, weight: 12 },
      { lon: 105.2, lat: 21 + d, weight: 12 },
      { lon: 105.5, lat: 21, weight: 5 },
      { lon: 105.6, lat: 21, weight: 0 },
    ];
    const result = suggestSites(targets, { radiusKm: 2, sites: 5, gridStepKm: 0 });
    expect(result.totalWeight).toBe(59);
    expect(result.targets).toBe(6);
    expect(result.sites.map((site) => [site.gain, site.covered, site.cumulative])).toEqual([
      [30, [0, 1, 2], 30],
      [24, [3, 4], 54],
      [5, [5], 59],
    ]);
    // The first site stands on a point of cluster A: the lowest index among equal gains.
    expect(result.sites[0].target).toBe(0);
    expect(result.coveredWeight).toBe(59);
    expect(suggestSites(targets, { radiusKm: 2, sites: 2, gridStepKm: 0 }).sites).toHaveLength(2);
  });

  it("a grid node between two points covers both when no point alone can", () => {
    // Two points 4 km apart, radius 2.2 km: neither covers the other, the midpoint covers both.
    const half = 2 / 110.574;
    const targets = [
      { lon: 105, lat: 21 - half, weight: 1 },
      { lon: 105, lat: 21 + half, weight: 1 },
    ];
    expect(suggestSites(targets, { radiusKm: 2.2, sites: 1, gridStepKm: 0 }).sites[0].gain).toBe(1);
    const withGrid = suggestSites(targets, { radiusKm: 2.2, sites: 1, gridStepKm: 0.25 });
    expect(withGrid.sites[0].gain).toBe(2);
    expect(withGrid.sites[0].origin).toBe("grid");
  });

  it("returns no site when nothing has weight", () => {
    expect(suggestSites([{ lon: 105, lat: 21, weight: 0 }], { sites: 3 }).sites).toEqual([]);
    expect(suggestSites([], { sites: 3 }).sites).toEqual([]);
  });
});

describe("pointWeight", () => {
  it("reads the count as pupils for schools and school sites, households for villages", () => {
    expect(pointWeight({ kind: "school", weight: 120, extra: {} }, "pupils")).toBe(120);
    expect(pointWeight({ kind: "school_site", weight: 30, extra: {} }, "pupils")).toBe(30);
    expect(pointWeight({ kind: "village", weight: 80, extra: {} }, "pupils")).toBe(0);
    expect(pointWeight({ kind: "village", weight: 80, extra: {} }, "households")).toBe(80);
    expect(pointWeight({ kind: "village_centre", weight: 8, extra: {} }, "households")).toBe(8);
    expect(pointWeight({ kind: "school", weight: undefined, extra: {} }, "pupils")).toBe(0);
    expect(pointWeight({ kind: "other", weight: 5, extra: {} }, "points")).toBe(1);
  });

  it("reads a second count column kept among the extra columns (pupils and households in one file)", () => {
    // "pupils" became the weight column; "households" stayed an extra column.
    expect(pointWeight({ kind: "village", weight: undefined, extra: { households: "85" } }, "households")).toBe(85);
    expect(pointWeight({ kind: "school", weight: 203, extra: { households: "" } }, "households")).toBe(0);
    expect(pointWeight({ kind: "school", weight: 203, extra: { households: "" } }, "pupils")).toBe(203);
    // "Số hộ" became the weight column; "Sĩ số" stayed an extra column.
    expect(pointWeight({ kind: "school", weight: 12, extra: { "Sĩ số": "1.234" } }, "pupils")).toBe(1234);
    expect(pointWeight({ kind: "village", weight: 40, extra: { "Sĩ số": "" } }, "households")).toBe(40);
  });
});

describe("siteDiscRing", () => {
  it("puts every vertex at the radius", () => {
    const ring = siteDiscRing(105, 21, 3, 16);
    expect(ring).toHaveLength(17);
    expect(ring[16]).toEqual(ring[0]);
    for (const [lon, lat] of ring) expect(distanceKm(105, 21, lon, lat)).toBeCloseTo(3, 1);
  });
});

describe("planSites", () => {
  const point = (id: string, lon: number, lat: number, kind: Point["kind"], weight?: number): Point => ({
    id,
    name: id,
    kind,
    lon,
    lat,
    ...(weight !== undefined ? { weight } : {}),
    source: { file: "t.csv", row: 1 },
    extra: {},
  });
  const points = [
    point("A", 105.001, 21.001, "school", 100),
    point("B", 105.002, 21.002, "school", 50),
    point("C", 105.5, 21.5, "school", 40),
    point("D", 105.501, 21.501, "village", 70),
  ];
  const coverage: CoverageFeature[] = [
    { carrier: "Viettel", technology: "4G", asOf: null, geometry: squarePolygon(105, 21, 0.01), source: { file: "c", featureIndex: 0 } },
    { carrier: "VNPT", technology: "3G", asOf: null, geometry: squarePolygon(105.49, 21.49, 0.02), source: { file: "c", featureIndex: 1 } },
  ];
  const analysis = analyzeCoverage(points, coverage);

  it("targets the points uncovered under the filter, any carrier or one carrier", () => {
    const any = planSites(analysis, points, { minTechnology: "4G" }, "pupils", { radiusKm: 3, sites: 5 });
    expect(Array.from(any.pointOf)).toEqual([2, 3]);
    expect(any.sites.map((site) => site.gain)).toEqual([40]);
    const vnpt = planSites(analysis, points, { minTechnology: "4G", carriers: ["VNPT"] }, "pupils", { radiusKm: 3, sites: 5 });
    expect(Array.from(vnpt.pointOf)).toEqual([0, 1, 2, 3]);
    expect(vnpt.sites.map((site) => site.gain)).toEqual([150, 40]);
    const households = planSites(analysis, points, { carriers: ["Viettel"] }, "households", { radiusKm: 3, sites: 5 });
    expect(households.sites.map((site) => site.gain)).toEqual([70]);
  });

  it("writes rows with the gain, the share and the ids of the covered points", () => {
    const plan = planSites(analysis, points, { minTechnology: "4G", carriers: ["VNPT"] }, "pupils", { radiusKm: 3, sites: 5 });
    const exported = siteExportRows(plan, points, "en");
    expect(exported.map((row) => [row.point.id, row.computed.gain, row.computed.cumulative_percent, row.computed.covered_ids])).toEqual([
      ["DX-01", 150, 78.9, "A; B"],
      ["DX-02", 40, 100, "C"],
    ]);
    expect(exported[0].point.name).toBe("Suggested site 1");
  });
});
