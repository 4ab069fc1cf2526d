import { describe, expect, it } from "vitest";
import type { CoverageFeature, Point } from "../types.ts";
import { createCoverageAnalyzer } from "./analyze_coverage.ts";
import { mergeCoverageSummaries } from "./merge_coverage_summaries.ts";
import { summarizeCoverage } from "./summarize_coverage.ts";
import { createRandom } from "../../testing/seeded_random.ts";

function square(carrier: string, technology: "2G" | "3G" | "4G", x: number, y: number, size: number): CoverageFeature {
  return {
    carrier,
    technology,
    asOf: "2026-10-01",
    geometry: {
      type: "Polygon",
      coordinates: [
        [
          [x, y],
          [x + size, y],
          [x + size, y + size],
          [x, y + size],
          [x, y],
        ],
      ],
    },
    source: { file: "squares.geojson", featureIndex: 0 },
  };
}

describe("mergeCoverageSummaries", () => {
  it("gives the same summary for points analysed in batches as for all points at once", () => {
    const random = createRandom(7);
    const coverage = [square("Viettel", "4G", 104, 22, 0.3), square("VNPT", "3G", 104.2, 22.1, 0.3), square("MobiFone", "2G", 103.9, 21.9, 0.2)];
    const kinds = ["school", "village", "school_site"] as const;
    const points: Point[] = Array.from({ length: 500 }, (_, i) => ({
      id: `P${i}`,
      name: `P${i}`,
      kind: kinds[i % 3],
      lon: 103.8 + random() * 0.8,
      lat: 21.8 + random() * 0.7,
      provinceName: i % 2 === 0 ? "Lào Cai" : "Lạng Sơn",
      communeName: `Xã ${i % 7}`,
      source: { file: "p.csv", row: i + 1 },
      extra: {},
    }));
    const filter = { minTechnology: "3G" as const };
    const whole = summarizeCoverage(createCoverageAnalyzer(coverage).analyze(points), points, filter);
    const analyzer = createCoverageAnalyzer(coverage);
    const batches = [points.slice(0, 123), points.slice(123, 400), points.slice(400)];
    const merged = mergeCoverageSummaries(batches.map((batch) => summarizeCoverage(analyzer.analyze(batch), batch, filter)));
    expect(whole.uncovered).toBeGreaterThan(0);
    expect(whole.covered).toBeGreaterThan(0);
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
    expect({ ...merged, byCommune: [...merged.byCommune].sort(byName) }).toEqual({ ...whole, byCommune: [...whole.byCommune].sort(byName) });
  });

  it("returns an empty summary for no batches", () => {
    expect(mergeCoverageSummaries([])).toEqual({
      total: 0,
      uncovered: 0,
      singleCarrier: 0,
      covered: 0,
      byProvince: [],
      byCommune: [],
      byKind: [],
      byLayer: [],
      byCarrier: [],
      unlocated: { province: { count: 0, ids: [] }, commune: { count: 0, ids: [] } },
    });
  });
});
