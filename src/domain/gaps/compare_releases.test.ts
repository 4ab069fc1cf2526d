import { describe, expect, it } from "vitest";
import type { Technology } from "../types.ts";
import { adminArea, coverageFeature, makePoint, rectangle } from "../../testing/features.ts";
import { compareReleases, comparisonExportRows, comparisonTablesCsv, releaseDates } from "./compare_releases.ts";

/** A coverage band from lon `x0` to `x1`, lat 22 to 22.1, released on `asOf`. */
const square = (carrier: string, technology: Technology, x0: number, x1: number, asOf: string | null) =>
  coverageFeature(carrier, technology, rectangle(x0, 22, x1, 22.1), { asOf });
const point = (id: string, lon: number) => makePoint(id, lon, 22.05);
// Lào Cai west of lon 104.25, Lạng Sơn east of it.
const admin = [adminArea("province", "15", "Lào Cai", rectangle(103, 21, 104.25, 23)), adminArea("province", "20", "Lạng Sơn", rectangle(104.25, 21, 106, 23))];

// A 104.05, B 104.15, C 104.35, D 104.45, E 104.55. One file holding two releases:
// 31/10: Viettel 4G over A, B; VNPT 3G over E.   30/11: Viettel 4G over B, C; VNPT 3G over D, E; MobiFone 2G over A (its first release).
const points = [point("A", 104.05), point("B", 104.15), point("C", 104.35), point("D", 104.45), point("E", 104.55)];
const coverage = [
  square("Viettel", "4G", 104, 104.2, "2026-10-31"),
  square("VNPT", "3G", 104.5, 104.6, "2026-10-31"),
  square("Viettel", "4G", 104.1, 104.4, "2026-11-30"),
  square("VNPT", "3G", 104.4, 104.6, "2026-11-30"),
  square("MobiFone", "2G", 104, 104.1, "2026-11-30"),
];

describe("releaseDates", () => {
  it("lists each dated release once, oldest first, and proposes the two newest", () => {
    expect(releaseDates(coverage)).toEqual({ dates: ["2026-10-31", "2026-11-30"], comparable: true, defaults: { before: "2026-10-31", after: "2026-11-30" } });
  });
  it("is not comparable when every carrier × technology has one release, even with several dates", () => {
    const one = [square("Viettel", "4G", 104, 104.2, "2026-10-31"), square("VNPT", "4G", 104, 104.2, "2026-11-30")];
    expect(releaseDates(one)).toEqual({ dates: ["2026-10-31", "2026-11-30"], comparable: false, defaults: { before: "2026-10-31", after: "2026-11-30" } });
  });
  it("counts an undated release as a release, but offers no date for it", () => {
    const undated = [square("Viettel", "4G", 104, 104.2, null), square("Viettel", "4G", 104, 104.3, "2026-11-30")];
    expect(releaseDates(undated)).toEqual({ dates: ["2026-11-30"], comparable: true, defaults: null });
  });
});

describe("compareReleases", () => {
  it("compares the releases in force on each date: before 30/11 MobiFone has no release, after it every new release counts", () => {
    const { comparison } = compareReleases(points, coverage, admin, { before: "2026-10-31", after: "2026-11-30" });
    // By hand: A Viettel → MobiFone; B Viettel → Viettel; C none → Viettel (closed); D none → VNPT (closed); E VNPT → VNPT.
    expect(comparison.changes).toEqual([
      { index: 0, before: "single_carrier", after: "single_carrier", gained: ["MobiFone"], lost: ["Viettel"] },
      { index: 2, before: "uncovered", after: "single_carrier", gained: ["Viettel"], lost: [] },
      { index: 3, before: "uncovered", after: "single_carrier", gained: ["VNPT"], lost: [] },
    ]);
    expect([comparison.uncoveredBefore, comparison.uncoveredAfter, comparison.gapsClosed, comparison.gapsOpened]).toEqual([2, 0, 2, 0]);
    expect(comparison.byCarrier).toEqual([
      { carrier: "MobiFone", coveredBefore: 0, coveredAfter: 1, gained: 1, lost: 0 },
      { carrier: "VNPT", coveredBefore: 1, coveredAfter: 2, gained: 1, lost: 0 },
      { carrier: "Viettel", coveredBefore: 2, coveredAfter: 2, gained: 1, lost: 1 },
    ]);
  });

  it("reversed dates give the opposite change: gaps opened instead of closed", () => {
    const { comparison } = compareReleases(points, coverage, admin, { before: "2026-11-30", after: "2026-10-31" });
    expect([comparison.gapsClosed, comparison.gapsOpened]).toEqual([0, 2]);
    expect(comparison.changes[0]).toEqual({ index: 0, before: "single_carrier", after: "single_carrier", gained: ["Viettel"], lost: ["MobiFone"] });
  });

  it("writes the changed points with their status before and the carriers gained and lost, and the tables", () => {
    const result = compareReleases(points, coverage, admin, { before: "2026-10-31", after: "2026-11-30" }, { minTechnology: "3G" });
    // Under 3G MobiFone 2G does not count: A loses Viettel and becomes a gap.
    const rows = comparisonExportRows(result.analysisAfter, points, result.comparison, { minTechnology: "3G" });
    expect(
      rows.map((row) => [row.point.id, row.computed.status_before, row.computed.status, row.computed.carriers_gained, row.computed.carriers_lost]),
    ).toEqual([
      ["A", "single_carrier", "uncovered", "", "Viettel"],
      ["C", "uncovered", "single_carrier", "Viettel", ""],
      ["D", "uncovered", "single_carrier", "VNPT", ""],
    ]);
    expect(comparisonTablesCsv(result.comparison)).toBe(
      [
        "\uFEFFtable,carrier_or_province,code,before,after,gained_or_closed,lost_or_opened",
        "all,,,2,1,2,1",
        "carrier,MobiFone,,0,0,0,0",
        "carrier,VNPT,,1,2,1,0",
        "carrier,Viettel,,2,2,1,1",
        "province,Lạng Sơn,20,2,0,2,0",
        "province,Lào Cai,15,0,1,0,1",
      ].join("\r\n") + "\r\n",
    );
  });
});
