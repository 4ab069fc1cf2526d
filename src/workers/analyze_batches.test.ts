import { describe, expect, it } from "vitest";
import { analyzeCoverage, type AdminArea, type CoverageFeature, type Point, type Technology } from "../domain/index.ts";
import { createRandom } from "../testing/seeded_random.ts";
import { squarePolygon } from "../testing/features.ts";
import { analyzeInBatches } from "./analyze_batches.ts";

const TECHNOLOGIES: Technology[] = ["2G", "3G", "4G", "5G"];

/** 40 layers (two mask words a point), admin squares, and points of which some name an area no boundary has. */
function fixture(seed: number) {
  const next = createRandom(seed);
  const coverage: CoverageFeature[] = [];
  for (let k = 0; k < 120; k++) {
    const carrier = `C${k % 10}`;
    coverage.push({
      carrier,
      technology: TECHNOLOGIES[(k >> 1) % 4],
      asOf: null,
      geometry: squarePolygon(104 + next() * 3, 20 + next() * 3, 0.2 + next()),
      source: { file: `${carrier}.geojson`, featureIndex: k },
    });
  }
  const admin: AdminArea[] = [];
  for (let p = 0; p < 4; p++) {
    admin.push({ level: "province", code: `P${p}`, name: `Tỉnh ${p}`, geometry: squarePolygon(104 + (p % 2) * 1.5, 20 + (p >> 1) * 1.5, 1.5) });
    admin.push({
      level: "commune",
      code: `X${p}`,
      name: `Xã ${p}`,
      parentCode: `P${p}`,
      geometry: squarePolygon(104.2 + (p % 2) * 1.5, 20.2 + (p >> 1) * 1.5, 0.6),
    });
  }
  const points: Point[] = [];
  for (let i = 0; i < 250; i++) {
    const point: Point = {
      id: `p${i}`,
      name: `p${i}`,
      kind: i % 3 === 0 ? "village" : "school",
      lon: 103.8 + next() * 3.6,
      lat: 19.8 + next() * 3.6,
      source: { file: "points.csv", row: i + 1 },
      extra: {},
    };
    // Names no boundary has: new catalogue entries, added in point order (across batches, too).
    if (i % 7 === 0) point.communeName = `Xã cũ ${i % 5}`;
    if (i % 11 === 0) point.provinceName = `Tỉnh cũ ${i % 3}`;
    if (i % 13 === 0) point.provinceCode = "P2";
    points.push(point);
  }
  return { coverage, admin, points };
}

describe("analyzeInBatches", () => {
  it("gives, for any batch size, the analysis of one analyzeCoverage call", async () => {
    let grown = 0;
    for (const seed of [1, 2, 3]) {
      const { coverage, admin: all, points } = fixture(seed);
      // With a level's boundaries absent, the rows' own area names become entries of their own, in point order.
      for (const admin of [all, all.filter((area) => area.level === "province"), []]) {
        const whole = analyzeCoverage(points, coverage, admin);
        expect(whole.words).toBe(2);
        if (whole.communes.length > admin.filter((area) => area.level === "commune").length) grown++;
        for (const batch of [1, 7, 64, 249, 250, 1000]) {
          const seen: number[] = [];
          const batched = await analyzeInBatches(points, coverage, admin, { batch, between: async (done) => void seen.push(done) });
          expect(batched).toEqual(whole);
          // Once after the indexes, then after every batch but the last.
          expect(seen).toEqual([0, ...Array.from({ length: Math.ceil(points.length / batch) - 1 }, (_, k) => (k + 1) * batch)]);
        }
      }
    }
    expect(grown).toBe(6);
  });

  it("analyses no points as analyzeCoverage does", async () => {
    const { coverage, admin } = fixture(4);
    expect(await analyzeInBatches([], coverage, admin, { batch: 10, between: async () => undefined })).toEqual(analyzeCoverage([], coverage, admin));
  });

  it("stops when `between` throws (a cancel)", async () => {
    const { coverage, admin, points } = fixture(5);
    let calls = 0;
    const stopped = analyzeInBatches(points, coverage, admin, {
      batch: 50,
      between: async () => {
        if (++calls === 3) throw new Error("cancelled");
      },
    });
    await expect(stopped).rejects.toThrow("cancelled");
    expect(calls).toBe(3);
  });
});
