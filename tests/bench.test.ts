/**
 * The benchmark at a tiny size: not a timing test, an agreement test. The engine, the Flatbush baseline and
 * naive Turf must give the same mask for every point, and the same district.
 */
import { describe, expect, it } from "vitest";
import { generateWorkload } from "../scripts/bench/generate_workload.ts";
import { formatBenchTable, runBenchmark } from "../scripts/bench/run_benchmark.ts";

describe("runBenchmark", () => {
  it("finds the engine, Flatbush and Turf in agreement on every point of a small workload", async () => {
    const result = await runBenchmark({ points: 400, towersPerCarrier: 400, districts: 30, turfSample: 400, turfDistrictSample: 400, seed: 7 });
    expect(result.workload.points).toBeGreaterThan(350);
    // The workload must exercise both outcomes, or agreement would prove nothing.
    expect(result.results.uncoveredPoints).toBeGreaterThan(0);
    expect(result.results.uncoveredPoints).toBeLessThan(result.workload.points);
    expect(result.agreement).toEqual({
      engineVsFlatbushMaskMismatches: 0,
      engineSortedVsRandomMismatches: 0,
      engineVsTurfMaskMismatches: 0,
      turfSample: result.workload.points,
      districtEngineVsFlatbushMismatches: 0,
      districtEngineVsTurfMismatches: 0,
      turfDistrictSample: result.workload.points,
    });
    expect(result.stages.map((stage) => stage.stage)).toEqual([
      "points CSV parse",
      "coverage GeoJSON parse",
      "index build",
      "query, input order",
      "query, cell order",
      "per-district counts",
      "write uncovered CSV",
      "end to end",
    ]);
    expect(formatBenchTable(result)).toContain("| index build |");
  });
});

describe("generateWorkload", () => {
  it("is reproducible from its seed", () => {
    const first = generateWorkload({ points: 50, towersPerCarrier: 5, districts: 12, seed: 3 });
    const second = generateWorkload({ points: 50, towersPerCarrier: 5, districts: 12, seed: 3 });
    expect(second.pointsCsv).toBe(first.pointsCsv);
    expect(JSON.stringify(second.coverage)).toBe(JSON.stringify(first.coverage));
  });

  it("makes closed 64-gon discs for three carriers and districts that tile the extent", () => {
    const workload = generateWorkload({ points: 10, towersPerCarrier: 4, districts: 40, seed: 5 });
    expect(workload.coverage.features).toHaveLength(12);
    for (const feature of workload.coverage.features) {
      const ring = feature.geometry.coordinates[0];
      expect(ring).toHaveLength(65);
      expect(ring[64]).toEqual(ring[0]);
    }
    // Shoelace areas of the districts add up to the extent's area (8° × 14.9°) when they tile it.
    let area = 0;
    for (const feature of workload.districts.features) {
      const ring = feature.geometry.coordinates[0];
      for (let k = 0; k + 1 < ring.length; k++) area += (ring[k][0] * ring[k + 1][1] - ring[k + 1][0] * ring[k][1]) / 2;
    }
    expect(area).toBeCloseTo(8 * 14.9, 3);
  });
});
