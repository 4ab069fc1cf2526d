import { describe, expect, it } from "vitest";
import type { Point, Technology } from "../types.ts";
import { adminArea, coverageFeature, makePoint, rectangle } from "../../testing/features.ts";
import { analyzeCoverage } from "./analyze_coverage.ts";
import { compareCoverage } from "./compare_coverage.ts";

/** A coverage band from lon `x0` to `x1`, lat 22 to 22.1. */
const square = (carrier: string, technology: Technology, x0: number, x1: number) => coverageFeature(carrier, technology, rectangle(x0, 22, x1, 22.1));
const point = (id: string, lon: number, kind: Point["kind"] = "village") => makePoint(id, lon, 22.05, { kind });
// Lào Cai west of lon 104.25, Lạng Sơn east of it.
const admin = [adminArea("province", "15", "Lào Cai", rectangle(103, 21, 104.25, 23)), adminArea("province", "20", "Lạng Sơn", rectangle(104.25, 21, 106, 23))];

// A at 104.05, B at 104.15, C at 104.35, D at 104.45, E at 104.55 (school).
const points = [point("A", 104.05), point("B", 104.15), point("C", 104.35), point("D", 104.45), point("E", 104.55, "school")];
// October: Viettel 4G over A and B, VNPT 3G over E. November: Viettel 4G over B and C, VNPT 3G over D and E, MobiFone 2G over A.
const october = [square("Viettel", "4G", 104, 104.2), square("VNPT", "3G", 104.5, 104.6)];
const november = [square("Viettel", "4G", 104.1, 104.4), square("VNPT", "3G", 104.4, 104.6), square("MobiFone", "2G", 104, 104.1)];

describe("compareCoverage", () => {
  const before = analyzeCoverage(points, october, admin);
  const after = analyzeCoverage(points, november, admin);

  it("lists the points whose carriers changed, with gains and losses, and counts gaps closed and opened", () => {
    const diff = compareCoverage(before, after, points);
    expect(diff.changes).toEqual([
      { index: 0, before: "single_carrier", after: "single_carrier", gained: ["MobiFone"], lost: ["Viettel"] },
      { index: 2, before: "uncovered", after: "single_carrier", gained: ["Viettel"], lost: [] },
      { index: 3, before: "uncovered", after: "single_carrier", gained: ["VNPT"], lost: [] },
    ]);
    expect([diff.points, diff.uncoveredBefore, diff.uncoveredAfter, diff.gapsClosed, diff.gapsOpened]).toEqual([5, 2, 0, 2, 0]);
    expect(diff.byCarrier).toEqual([
      { carrier: "MobiFone", coveredBefore: 0, coveredAfter: 1, gained: 1, lost: 0 },
      { carrier: "VNPT", coveredBefore: 1, coveredAfter: 2, gained: 1, lost: 0 },
      { carrier: "Viettel", coveredBefore: 2, coveredAfter: 2, gained: 1, lost: 1 },
    ]);
    expect(diff.byProvince).toEqual([
      { code: "20", name: "Lạng Sơn", uncoveredBefore: 2, uncoveredAfter: 0, gapsClosed: 2, gapsOpened: 0 },
      { code: "15", name: "Lào Cai", uncoveredBefore: 0, uncoveredAfter: 0, gapsClosed: 0, gapsOpened: 0 },
    ]);
  });

  it("counts only the coverage the filter counts: under 3G, MobiFone 2G does not replace Viettel at A, so a gap opens", () => {
    const diff = compareCoverage(before, after, points, { minTechnology: "3G" });
    expect(diff.changes[0]).toEqual({ index: 0, before: "single_carrier", after: "uncovered", gained: [], lost: ["Viettel"] });
    expect([diff.gapsClosed, diff.gapsOpened, diff.uncoveredAfter]).toEqual([2, 1, 1]);
    expect(diff.byCarrier.map((entry) => entry.carrier)).toEqual(["MobiFone", "VNPT", "Viettel"]);
    expect(diff.byCarrier[0]).toEqual({ carrier: "MobiFone", coveredBefore: 0, coveredAfter: 0, gained: 0, lost: 0 });
  });

  it("keeps to the filter's carriers, kinds and areas", () => {
    expect(compareCoverage(before, after, points, { carriers: ["VNPT"] }).changes.map((change) => change.index)).toEqual([3]);
    expect(compareCoverage(before, after, points, { kinds: ["school"] }).points).toBe(1);
    expect(compareCoverage(before, after, points, { provinceCode: "15" }).changes.map((change) => change.index)).toEqual([0]);
  });

  it("refuses analyses of another point list", () => {
    expect(() => compareCoverage(before, analyzeCoverage(points.slice(1), november), points)).toThrow(/same|given points/);
  });
});
