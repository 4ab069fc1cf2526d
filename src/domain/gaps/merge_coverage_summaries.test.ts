import { describe, expect, it } from "vitest";
import type { Point, Technology } from "../types.ts";
import { createCoverageAnalyzer } from "./analyze_coverage.ts";
import { mergeCoverageSummaries } from "./merge_coverage_summaries.ts";
import { summarizeCoverage } from "./summarize_coverage.ts";
import { createRandom } from "../../testing/seeded_random.ts";
import { coverageFeature, squarePolygon } from "../../testing/features.ts";

/** A square of coverage with its south-west corner at (x, y), dated 1 October 2026. */
const square = (carrier: string, technology: Technology, x: number, y: number, size: number) =>
  coverageFeature(carrier, technology, squarePolygon(x, y, size), { asOf: "2026-10-01", source: { file: "squares.geojson", featureIndex: 0 } });

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

  it("returns, for no batches, the summary of no points", () => {
    const empty = mergeCoverageSummaries([]);
    expect(empty).toEqual(summarizeCoverage(createCoverageAnalyzer([]).analyze([]), [], {}));
    expect([empty.total, empty.uncovered, empty.byProvince, empty.unlocated.commune]).toEqual([0, 0, [], { count: 0, ids: [] }]);
  });
});
