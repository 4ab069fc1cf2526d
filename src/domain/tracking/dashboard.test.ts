import { describe, expect, it } from "vitest";
import { createStatusEvent, type Actor, type StatusEvent } from "./events.ts";
import { listOverdue, trackingSummary, sortOverdue } from "./dashboard.ts";
import { trackingTimeline } from "./timeline.ts";
import { replay } from "./replay.ts";
import { makeListedPoint } from "../../testing/listed_points.ts";
import type { ListedPoint } from "./registry.ts";
import type { TrackingStatus } from "./status.ts";

const TODAY = "2026-04-01";
const laoCai = { province: "Lào Cai", provinceCode: "15" };
const langSon = { province: "Lạng Sơn", provinceCode: "20" };
// A hand-made list; the expected figures below are counted by hand from these comments.
const registry: ListedPoint[] = [
  makeListedPoint("P1", { carrier: "Viettel", ...laoCai, commune: "Bản Mế", communeCode: "A", deadline: "2026-03-01" }), // verified
  makeListedPoint("P2", { carrier: "Viettel", ...laoCai, commune: "Bản Mế", communeCode: "A", deadline: "2026-03-15" }), // planned: 17 days overdue
  makeListedPoint("P3", { carrier: "Viettel", ...laoCai, commune: "Si Ma Cai", communeCode: "B", deadline: "2026-04-20" }), // on_air
  makeListedPoint("P4", { carrier: "VNPT", ...langSon, commune: "Hữu Lũng", communeCode: "C", deadline: "2026-04-30" }), // not started, due in 29 days
  makeListedPoint("P5", { carrier: "VNPT", ...langSon, commune: "Hữu Lũng", communeCode: "C", deadline: "2026-02-01" }), // infeasible accepted
  makeListedPoint("P6", { carrier: "VNPT", ...langSon, commune: "Hữu Lũng", communeCode: "C", deadline: "2026-05-15" }), // under construction, due in 44 days
  makeListedPoint("P7", { carrier: "MobiFone", deadline: null }), // not started, no deadline
  makeListedPoint("P8", { carrier: "MobiFone", deadline: "2026-03-31" }), // infeasible (not accepted): 1 day overdue
  makeListedPoint("P9", { carrier: "Viettel", ...laoCai, commune: "Si Ma Cai", communeCode: "B", deadline: "2026-04-01" }), // disputed, due today
];

function carrier(name: string): Actor {
  return { role: "carrier", carrier: name };
}
const department: Actor = { role: "department" };
function event(pointId: string, status: TrackingStatus, date: string, actor: Actor, note?: string): StatusEvent {
  return createStatusEvent({ pointId, status, date, actor, note });
}

const events: StatusEvent[] = [
  event("P1", "on_air", "2026-02-02", carrier("Viettel")),
  event("P1", "verified", "2026-02-20", department),
  event("P2", "planned", "2026-02-03", carrier("Viettel")),
  event("P3", "under_construction", "2026-02-10", carrier("Viettel")),
  event("P3", "on_air", "2026-03-10", carrier("Viettel")),
  event("P5", "infeasible", "2026-01-20", carrier("VNPT"), "núi đá"),
  event("P5", "infeasible_accepted", "2026-01-25", department),
  event("P6", "under_construction", "2026-03-01", carrier("VNPT")),
  event("P8", "infeasible", "2026-03-20", carrier("MobiFone"), "không có điện"),
  event("P9", "on_air", "2026-03-05", carrier("Viettel")),
  event("P9", "disputed", "2026-03-12", department, "đo không có sóng"),
];

describe("trackingSummary", () => {
  const { states, invalid } = replay(registry, events);

  it("counts listed, covered, verified, overdue, due soon and accepted infeasible", () => {
    expect(invalid).toEqual([]);
    const summary = trackingSummary(registry, states, TODAY);
    expect(summary).toMatchObject({
      today: TODAY,
      listed: 9,
      covered: 2,
      verified: 1,
      overdue: 2,
      due_30_days: 2,
      infeasible_accepted: 1,
      percent_covered: 22.2,
      percent_verified: 11.1,
      percent_overdue: 22.2,
    });
    expect(summary.by_status).toEqual({
      not_started: 2,
      planned: 1,
      under_construction: 1,
      on_air: 1,
      verified: 1,
      disputed: 1,
      infeasible: 1,
      infeasible_accepted: 1,
    });
  });

  it("gives the same figures per carrier", () => {
    const byCarrier = Object.fromEntries(trackingSummary(registry, states, TODAY).by_carrier.map((row) => [row.carrier, row]));
    expect(Object.keys(byCarrier)).toEqual(["MobiFone", "Viettel", "VNPT"]);
    expect(byCarrier.Viettel).toMatchObject({ listed: 4, covered: 2, verified: 1, overdue: 1, due_30_days: 1, percent_covered: 50 });
    expect(byCarrier.VNPT).toMatchObject({ listed: 3, covered: 0, overdue: 0, due_30_days: 1, infeasible_accepted: 1 });
    expect(byCarrier.MobiFone).toMatchObject({ listed: 2, covered: 0, overdue: 1, due_30_days: 0 });
  });

  it("gives the same figures per province and commune, points without an area together", () => {
    const summary = trackingSummary(registry, states, TODAY);
    const provinces = Object.fromEntries(summary.by_province.map((row) => [row.name, row]));
    expect(provinces["Lào Cai"]).toMatchObject({ code: "15", listed: 4, covered: 2, overdue: 1 });
    expect(provinces["Lạng Sơn"]).toMatchObject({ code: "20", listed: 3, covered: 0 });
    expect(provinces[""]).toMatchObject({ code: "", listed: 2, overdue: 1 });
    const communes = Object.fromEntries(summary.by_commune.map((row) => [row.name, row]));
    expect(communes["Bản Mế"]).toMatchObject({ code: "A", province: "Lào Cai", listed: 2, covered: 1, verified: 1, overdue: 1, percent_covered: 50 });
    expect(communes["Si Ma Cai"]).toMatchObject({ listed: 2, covered: 1, due_30_days: 1 });
  });

  it("shows an earlier day's figures from an as-of replay", () => {
    const early = trackingSummary(registry, replay(registry, events, "2026-02-28").states, "2026-02-28");
    // On 28 Feb: P1 verified; P9, P3 not yet on air. Overdue: none yet (P5 was accepted in January).
    expect(early).toMatchObject({ covered: 1, verified: 1, overdue: 0, infeasible_accepted: 1 });
  });
});

describe("listOverdue", () => {
  it("lists overdue points with days overdue, most overdue first, or by carrier", () => {
    const { states } = replay(registry, events);
    const items = listOverdue(registry, states, TODAY);
    expect(items.map((item) => [item.pointId, item.carrier, item.daysOverdue, item.status])).toEqual([
      ["P2", "Viettel", 17, "planned"],
      ["P8", "MobiFone", 1, "infeasible"],
    ]);
    expect(sortOverdue(items, "carrier").map((item) => item.pointId)).toEqual(["P8", "P2"]);
  });
});

describe("trackingTimeline", () => {
  it("counts covered and verified at the end of each week, net of disputes", () => {
    const timeline = trackingTimeline(registry, events, { today: TODAY, from: "2026-02-02", interval: "week" });
    // Weeks end on Sundays: 8 Feb (P1 on air), 15 Feb, 22 Feb (P1 verified), 1 Mar, 8 Mar (P9 on air),
    // 15 Mar (P3 on air, P9 disputed), 22 Mar, 29 Mar, then today 1 Apr.
    expect(timeline.samples).toEqual([
      { date: "2026-02-08", covered: 1, verified: 0 },
      { date: "2026-02-15", covered: 1, verified: 0 },
      { date: "2026-02-22", covered: 1, verified: 1 },
      { date: "2026-03-01", covered: 1, verified: 1 },
      { date: "2026-03-08", covered: 2, verified: 1 },
      { date: "2026-03-15", covered: 2, verified: 1 },
      { date: "2026-03-22", covered: 2, verified: 1 },
      { date: "2026-03-29", covered: 2, verified: 1 },
      { date: "2026-04-01", covered: 2, verified: 1 },
    ]);
    expect(timeline.deadlines).toHaveLength(8);
    expect(timeline.deadlines[0]).toEqual({ date: "2026-02-01", count: 1 });
  });

  it("samples every day on request", () => {
    const timeline = trackingTimeline(registry, events, { today: "2026-02-04", from: "2026-02-01", interval: "day" });
    expect(timeline.samples.map((sample) => sample.covered)).toEqual([0, 1, 1, 1]);
  });

  it("forecasts the completion date from the pace of the last weeks", () => {
    // Over the 8 weeks before 1 Apr (since 4 Feb): covered went from 1 to 2, so 1/8 point per week.
    // Remaining: 9 − 2 covered − 1 accepted = 6 → 48 weeks = 336 days after 1 Apr.
    const { forecast } = trackingTimeline(registry, events, { today: TODAY, forecastWeeks: 8 });
    expect(forecast).toMatchObject({
      basedOnWeeks: 8,
      pacePerWeek: 0.13,
      remaining: 6,
      completionDate: "2027-03-03",
      latestDeadline: "2026-05-15",
      onTrack: false,
    });
  });

  it("gives no completion date when nothing progressed", () => {
    const { forecast } = trackingTimeline(registry, [], { today: TODAY });
    expect(forecast.completionDate).toBeNull();
    expect(forecast.pacePerWeek).toBe(0);
    expect(forecast.remaining).toBe(9);
  });
});
