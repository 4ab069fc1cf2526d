import { describe, expect, it } from "vitest";
import type { AdminArea, CoverageFeature } from "../types.ts";
import { analyzeCoverage } from "./analyze_coverage.ts";
import { mergeCoverageSummaries } from "./merge_coverage_summaries.ts";
import { summarizeCoverage, UNKNOWN_AREA, type CoverageSummary } from "./summarize_coverage.ts";
import { createRandom } from "../../testing/seeded_random.ts";
import { makePoint, rectangle } from "../../testing/features.ts";

const point = (id: string, lon: number, lat: number) => makePoint(id, lon, lat, { kind: "school", source: { file: "points.csv", row: 1 } });

// Two provinces side by side (x 0–1 and 1–2, y 0–1); communes are loaded for the first one only.
const ADMIN: AdminArea[] = [
  { level: "province", code: "01", name: "Tỉnh A", geometry: rectangle(0, 0, 1, 1) },
  { level: "province", code: "02", name: "Tỉnh B", geometry: rectangle(1, 0, 2, 1) },
  { level: "commune", code: "00001", name: "Xã A1", parentCode: "01", geometry: rectangle(0, 0, 0.5, 1) },
  { level: "commune", code: "00002", name: "Xã A2", parentCode: "01", geometry: rectangle(0.5, 0, 1, 1) },
];
const COVERAGE: CoverageFeature[] = [
  { carrier: "Viettel", technology: "4G", asOf: null, geometry: rectangle(0, 0, 0.75, 1), source: { file: "c", featureIndex: 0 } },
];

function expectReconciled(summary: CoverageSummary): void {
  for (const rows of [summary.byProvince, summary.byCommune]) {
    expect(rows.reduce((sum, row) => sum + row.total, 0)).toBe(summary.total);
    expect(rows.reduce((sum, row) => sum + row.uncovered, 0)).toBe(summary.uncovered);
    expect(rows.reduce((sum, row) => sum + row.covered, 0)).toBe(summary.covered);
  }
}

describe("points outside every loaded area", () => {
  // In A1 (covered), in A2 (covered), in A2 (uncovered), in province B (no commune loaded), at sea.
  const points = [point("a1", 0.25, 0.5), point("a2", 0.6, 0.5), point("a2-gap", 0.9, 0.5), point("b", 1.5, 0.5), point("sea", 3, 0.5)];
  const analysis = analyzeCoverage(points, COVERAGE, ADMIN);

  it("get a last 'Không xác định / Unknown' row per level, and are listed by id", () => {
    const summary = summarizeCoverage(analysis, points);
    expect(summary.byProvince.map((row) => [row.name, row.total, row.uncovered])).toEqual([
      ["Tỉnh A", 3, 1],
      ["Tỉnh B", 1, 1],
      [UNKNOWN_AREA.name, 1, 1],
    ]);
    expect(summary.byProvince[2]).toMatchObject({ code: UNKNOWN_AREA.code, unknown: true });
    expect(summary.byCommune.map((row) => [row.name, row.total, row.uncovered])).toEqual([
      ["Xã A1", 1, 0],
      ["Xã A2", 2, 1],
      [UNKNOWN_AREA.name, 2, 2],
    ]);
    expect(summary.unlocated).toEqual({ province: { count: 1, ids: ["sea"] }, commune: { count: 2, ids: ["b", "sea"] } });
    expectReconciled(summary);
  });

  it("the rows always add up to the total, for random points and batches merged", () => {
    const random = createRandom(3);
    const many = Array.from({ length: 500 }, (_, i) => point(`p${i}`, -0.5 + random() * 3, -0.5 + random() * 2));
    const whole = summarizeCoverage(analyzeCoverage(many, COVERAGE, ADMIN), many);
    expectReconciled(whole);
    expect(whole.unlocated.province.count).toBe(whole.byProvince.find((row) => row.unknown)?.total);
    const batches = [many.slice(0, 200), many.slice(200)].map((batch) => summarizeCoverage(analyzeCoverage(batch, COVERAGE, ADMIN), batch));
    const merged = mergeCoverageSummaries(batches);
    expectReconciled(merged);
    expect(merged.byProvince).toEqual(whole.byProvince);
    expect(merged.byCommune).toEqual(whole.byCommune);
    expect(merged.unlocated).toEqual(whole.unlocated);
  });
});
