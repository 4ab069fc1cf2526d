import { describe, expect, it } from "vitest";
import { createRandom } from "../../testing/seeded_random.ts";
import { rectangle } from "../../testing/features.ts";
import { createStatusEvent } from "./events.ts";
import { replay } from "./replay.ts";
import { compareRisk, groupForecasts, rankDeadlineRisk, riskTable, type AssignedReach, type RiskRow } from "./risk.ts";
import { PROGRESS_STATUSES, type TrackingStatus } from "./status.ts";
import { makeListedPoint } from "../../testing/listed_points.ts";
import { trackingTimeline } from "./timeline.ts";

const TODAY = "2026-11-22";
const viettel = { role: "carrier" as const, carrier: "Viettel" };
const vnpt = { role: "carrier" as const, carrier: "VNPT" };

// Viettel: A1, A2 on air within the last 8 weeks (pace 2 / 8 = 0.25 a week), A3 due 2027-06-30, A4 overdue.
// VNPT: nothing covered (no pace); B1 due in 18 days, B2 planned, due 2027-03-01.
// Provinces: P1 = A1, A2, B1; P2 = A3, A4, B2.
const registry = [
  makeListedPoint("A1", { carrier: "Viettel", deadline: "2027-06-30", provinceCode: "P1", province: "Tỉnh 1" }),
  makeListedPoint("A2", { carrier: "Viettel", deadline: "2027-06-30", provinceCode: "P1", province: "Tỉnh 1" }),
  makeListedPoint("A3", { carrier: "Viettel", deadline: "2027-06-30", provinceCode: "P2", province: "Tỉnh 2" }),
  makeListedPoint("A4", { carrier: "Viettel", deadline: "2026-10-01", provinceCode: "P2", province: "Tỉnh 2" }),
  makeListedPoint("B1", { carrier: "VNPT", deadline: "2026-12-10", provinceCode: "P1", province: "Tỉnh 1" }),
  makeListedPoint("B2", { carrier: "VNPT", deadline: "2027-03-01", provinceCode: "P2", province: "Tỉnh 2" }),
];
const events = [
  createStatusEvent({ pointId: "A1", status: "on_air", date: "2026-10-05", actor: viettel, technology: "4G" }),
  createStatusEvent({ pointId: "A2", status: "on_air", date: "2026-11-01", actor: viettel, technology: "4G" }),
  createStatusEvent({ pointId: "B2", status: "planned", date: "2026-10-10", actor: vnpt }),
];
const states = replay(registry, events, TODAY).states;

describe("groupForecasts", () => {
  it("forecasts each carrier at its own pace (hand-worked)", () => {
    const byCarrier = groupForecasts(registry, events, states, "carrier", { today: TODAY });
    expect(byCarrier.map((f) => [f.key, f.pacePerWeek, f.remaining, f.completionDate, f.covered, f.overdue, f.wontMakeDeadline, f.onTrack])).toEqual([
      // 2 remaining at 0.25 a week: 56 days.
      ["Viettel", 0.25, 2, "2027-01-17", 2, 1, 0, true],
      ["VNPT", 0, 2, null, 0, 0, 2, false],
    ]);
  });

  it("forecasts each province at its own pace (hand-worked)", () => {
    const byProvince = groupForecasts(registry, events, states, "province", { today: TODAY });
    expect(byProvince.map((f) => [f.key, f.name, f.pacePerWeek, f.remaining, f.completionDate])).toEqual([
      // P1: 1 remaining at 0.25 a week: 28 days. P2: nothing covered yet.
      ["P1", "Tỉnh 1", 0.25, 1, "2026-12-20"],
      ["P2", "Tỉnh 2", 0, 3, null],
    ]);
  });

  it("is the overall forecast when the list has a single carrier", () => {
    const single = registry.filter((point) => point.carrier === "Viettel");
    const [forecast] = groupForecasts(single, events, replay(single, events, TODAY).states, "carrier", { today: TODAY, forecastWeeks: 4 });
    const overall = trackingTimeline(single, events, { today: TODAY, forecastWeeks: 4 }).forecast;
    expect({ pace: forecast.pacePerWeek, completion: forecast.completionDate, remaining: forecast.remaining }).toEqual({
      pace: overall.pacePerWeek,
      completion: overall.completionDate,
      remaining: overall.remaining,
    });
  });
});

describe("rankDeadlineRisk", () => {
  it("ranks overdue first, then the points that will not make it at their carrier's pace, by status (hand-worked)", () => {
    const reach = new Map<string, AssignedReach>([
      ["B1", { kind: "distance", km: 7.5 }],
      ["B2", { kind: "inside" }],
    ]);
    const { rows } = rankDeadlineRisk(registry, events, states, { today: TODAY }, reach);
    expect(rows.map((row) => [row.rank, row.pointId, row.tier, row.daysToDeadline, row.wontMakeDeadline, row.reasons])).toEqual([
      [1, "A4", 3, -52, false, ["overdue", "not_started"]],
      [2, "B1", 2, 18, true, ["wont_make_deadline", "due_soon", "not_started", "far_from_coverage"]],
      [3, "B2", 2, 99, true, ["wont_make_deadline"]],
      [4, "A3", 0, 220, false, ["not_started"]],
    ]);
    expect(rows[0].carrierCompletion).toBe("2027-01-17");
    expect(rows[1].provinceCompletion).toBe("2026-12-20");
    const table = riskTable(rows, "en");
    expect(table.rows[1].slice(10)).toEqual([
      1,
      7.5,
      "won't make the deadline (at the carrier's pace); due within 30 days; not started; more than 5 km from the carrier's coverage",
    ]);
    expect(table.rows[2][11]).toBe(0);
  });

  it("sorts exactly as a naive sort on the key tuple (tier, status, days, distance, id), on random rows", () => {
    const random = createRandom(7);
    // The statuses from the most at risk down: nothing done or disputed; stuck or only planned; being built; done.
    const riskGroups: TrackingStatus[][] = [
      ["not_started", "disputed"],
      ["infeasible", "planned"],
      ["under_construction"],
      ["on_air", "verified", "infeasible_accepted"],
    ];
    const statusRank = (status: TrackingStatus) => 3 - riskGroups.findIndex((group) => group.includes(status));
    const rows: Omit<RiskRow, "rank">[] = Array.from({ length: 300 }, (_, k) => {
      const r = random();
      const reach: AssignedReach | null =
        r < 0.2 ? null : r < 0.4 ? { kind: "inside" } : r < 0.5 ? { kind: "beyond" } : { kind: "distance", km: Math.floor(random() * 5) };
      return {
        pointId: `P${String(k).padStart(3, "0")}`,
        name: "",
        carrier: "X",
        status: PROGRESS_STATUSES[Math.floor(random() * 5)],
        deadline: null,
        daysToDeadline: random() < 0.1 ? null : Math.floor(random() * 10) - 5,
        tier: Math.floor(random() * 4) as RiskRow["tier"],
        carrierCompletion: null,
        provinceCompletion: null,
        wontMakeDeadline: false,
        reach,
        reasons: [],
      };
    });
    const key = (row: Omit<RiskRow, "rank">): number[] => [
      -row.tier,
      -statusRank(row.status),
      row.daysToDeadline ?? 1e9,
      row.reach === null ? 1 : row.reach.kind === "inside" ? 0 : row.reach.kind === "beyond" ? -1000 : -row.reach.km,
    ];
    const naive = [...rows].sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i] - kb[i];
      return a.pointId.localeCompare(b.pointId);
    });
    expect([...rows].sort(compareRisk).map((row) => row.pointId)).toEqual(naive.map((row) => row.pointId));
  });

  it("leaves out covered and accepted-infeasible points", () => {
    const { rows } = rankDeadlineRisk(registry, events, states, { today: TODAY });
    expect(rows.map((row) => row.pointId).sort()).toEqual(["A3", "A4", "B1", "B2"]);
  });
});

describe("measureAssignedReach", () => {
  it("is inside for a point in its carrier's polygon, else the brute-force distance to that carrier's edges", async () => {
    const { measureAssignedReach } = await import("./assigned_reach.ts");
    const { nearestCoverageBruteForce } = await import("../spatial/nearest_coverage.ts");
    const square = rectangle(104, 22, 104.1, 22.1);
    const coverage = [
      { carrier: "Viettel", technology: "4G" as const, asOf: null, geometry: square, source: { file: "c", featureIndex: 0 } },
      { carrier: "VNPT", technology: "3G" as const, asOf: null, geometry: square, source: { file: "c", featureIndex: 1 } },
    ];
    const points = [
      makeListedPoint("in", { carrier: "Viettel", lon: 104.05, lat: 22.05 }),
      makeListedPoint("near", { carrier: "Viettel", lon: 104.2, lat: 22.05 }),
      makeListedPoint("vnpt3g", { carrier: "VNPT", lon: 104.05, lat: 22.05 }),
      makeListedPoint("far", { carrier: "Viettel", lon: 107, lat: 22.05 }),
    ];
    const reach = measureAssignedReach(points, coverage, { technology: "4G" });
    expect(reach.get("in")).toEqual({ kind: "inside" });
    const near = reach.get("near");
    expect(near?.kind).toBe("distance");
    expect(near?.kind === "distance" ? near.km : NaN).toBeCloseTo(nearestCoverageBruteForce(coverage, "Viettel", 104.2, 22.05, { minTechnology: "4G" }), 9);
    // VNPT has only 3G here: at 4G it has no coverage at all.
    expect(reach.get("vnpt3g")).toEqual({ kind: "beyond" });
    expect(reach.get("far")).toEqual({ kind: "beyond" });
  });
});
