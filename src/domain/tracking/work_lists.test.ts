import { describe, expect, it } from "vitest";
import { createStatusEvent } from "./events.ts";
import { listCarrierPoints, listCarriers, listPendingDecisions } from "./work_lists.ts";
import { replay } from "./replay.ts";
import { makeListedPoint } from "../../testing/listed_points.ts";

const registry = [
  makeListedPoint("A", { carrier: "Viettel", deadline: "2026-04-30" }),
  makeListedPoint("B", { carrier: "Viettel", deadline: "2026-03-01" }),
  makeListedPoint("C", { carrier: "VNPT", deadline: "2026-04-05" }),
  makeListedPoint("D", { carrier: "Viettel", deadline: null }),
];
const events = [
  createStatusEvent({ pointId: "A", status: "on_air", date: "2026-03-10", actor: { role: "carrier", carrier: "Viettel" } }),
  createStatusEvent({ pointId: "C", status: "infeasible", date: "2026-03-02", actor: { role: "carrier", carrier: "VNPT" }, note: "núi đá" }),
];
const { states } = replay(registry, events);

describe("work lists", () => {
  it("lists the carriers once each, sorted", () => {
    expect(listCarriers(registry)).toEqual(["Viettel", "VNPT"]);
  });

  it("gives a carrier only its own points, earliest deadline first, with days left or overdue", () => {
    const items = listCarrierPoints(registry, states, "viettel", "2026-04-01");
    expect(items.map((item) => [item.point.id, item.daysLeft, item.daysOverdue])).toEqual([
      ["B", null, 31],
      ["A", null, null],
      ["D", null, null],
    ]);
    expect(items[0].nextStatuses).toEqual(["planned", "under_construction", "on_air", "infeasible"]);
    expect(items[1].nextStatuses).toEqual([]);
    expect(listCarrierPoints(registry, states, "VNPT", "2026-04-01")[0]).toMatchObject({ daysLeft: 4 });
  });

  it("queues the claims waiting for the department, oldest first", () => {
    const items = listPendingDecisions(registry, states, "2026-04-01");
    expect(items.map((item) => [item.point.id, item.nextStatuses])).toEqual([
      ["C", ["disputed", "infeasible_accepted"]],
      ["A", ["verified", "disputed"]],
    ]);
  });
});
