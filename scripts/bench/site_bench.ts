/**
 * The "where to build" benchmark: N uncovered points clustered like settlements over Vietnam, candidate sites
 * (every point plus the grid around clusters), disc membership through Flatbush, then the lazy greedy against the
 * naive greedy (every candidate recomputed every round) and a check that both pick the same sites.
 */
import { candidateCoverage, lazyGreedy, naiveGreedy, siteCandidates, type SiteTarget } from "../../src/domain/planning/site_suggestions.ts";
import { createRandom, drawGaussian } from "../../src/testing/seeded_random.ts";

export interface SiteBenchResult {
  points: number;
  candidates: number;
  memberships: number;
  radiusKm: number;
  sites: number;
  milliseconds: { candidates: number; membership: number; lazyGreedy: number; naiveGreedy: number };
  naiveOverLazy: number;
  identical: boolean;
}

/** Clustered points: 2,000 settlements with a spread of 1–6 km, weights 20–500 (pupils). */
export function siteWorkload(count: number, seed = 20261201): SiteTarget[] {
  const random = createRandom(seed);
  const settlements = Array.from({ length: 2000 }, () => ({ lon: 102.2 + random() * 7.5, lat: 8.7 + random() * 14.5, sigma: 1 + random() * 5 }));
  return Array.from({ length: count }, () => {
    const s = settlements[Math.floor(random() * settlements.length)];
    return {
      lon: s.lon + (drawGaussian(random) * s.sigma) / (111.32 * Math.cos((s.lat * Math.PI) / 180)),
      lat: s.lat + (drawGaussian(random) * s.sigma) / 110.574,
      weight: 20 + Math.floor(random() * 480),
    };
  });
}

/**
 * Runs the benchmark.
 * @param count - uncovered points
 * @param sites - K
 * @param radiusKm - site radius
 * @returns timings and the agreement check
 */
export function runSiteBenchmark(count: number, sites = 20, radiusKm = 3): SiteBenchResult {
  const targets = siteWorkload(count);
  const time = <T>(run: () => T): [T, number] => {
    const start = performance.now();
    const value = run();
    return [value, performance.now() - start];
  };
  const [candidates, candidateMs] = time(() => siteCandidates(targets, radiusKm, radiusKm / 2));
  const [sets, membershipMs] = time(() => candidateCoverage(targets, candidates, radiusKm));
  const weights = Float64Array.from(targets, (t) => t.weight);
  const [lazy, lazyMs] = time(() => lazyGreedy(sets, weights, sites));
  const [naive, naiveMs] = time(() => naiveGreedy(sets, weights, sites));
  const identical = lazy.length === naive.length && lazy.every((pick, k) => pick.candidate === naive[k].candidate && pick.gain === naive[k].gain);
  return {
    points: count,
    candidates: candidates.length,
    memberships: sets.indices.length,
    radiusKm,
    sites,
    milliseconds: { candidates: candidateMs, membership: membershipMs, lazyGreedy: lazyMs, naiveGreedy: naiveMs },
    naiveOverLazy: naiveMs / Math.max(lazyMs, 1e-3),
    identical,
  };
}

/** The result as a few lines. */
export function formatSiteBench(result: SiteBenchResult): string {
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  return [
    `where to build: ${result.points} uncovered points, ${result.candidates} candidates, ${result.memberships} disc memberships, K = ${result.sites}, radius ${result.radiusKm} km`,
    `  candidates ${ms(result.milliseconds.candidates)}; membership (Flatbush) ${ms(result.milliseconds.membership)}`,
    `  lazy greedy ${ms(result.milliseconds.lazyGreedy)}; naive greedy ${ms(result.milliseconds.naiveGreedy)} (${result.naiveOverLazy.toFixed(1)}× the lazy time); same picks: ${result.identical}`,
  ].join("\n");
}
