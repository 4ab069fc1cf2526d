/** The where-to-build benchmark at a small size: not a timing test, an agreement test (lazy = naive greedy). */
import { describe, expect, it } from "vitest";
import { formatSiteBench, runSiteBenchmark } from "../scripts/bench/site_bench.ts";

describe("runSiteBenchmark", () => {
  it("finds the lazy and the naive greedy picking the same sites on a clustered workload", () => {
    const result = runSiteBenchmark(1500, 15, 3);
    expect(result.identical).toBe(true);
    expect(result.candidates).toBeGreaterThan(result.points);
    // Each point's own candidate covers at least that point.
    expect(result.memberships).toBeGreaterThanOrEqual(result.points);
    expect(formatSiteBench(result)).toContain("same picks: true");
  });
});
