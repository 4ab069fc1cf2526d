import { describe, expect, it } from "vitest";
import { createStatusEvent, type Actor } from "./events.ts";
import { acceptInfeasible, disputePoints, recordStatusChange, recordStatusChanges, verifyPoints, type TrackingContext } from "./record.ts";
import { replay } from "./replay.ts";
import { makeListedPoint } from "../../testing/listed_points.ts";

const viettel: Actor = { role: "carrier", carrier: "Viettel" };
const registry = [makeListedPoint("A"), makeListedPoint("B"), makeListedPoint("C"), makeListedPoint("D")];
const log = [
  createStatusEvent({ pointId: "A", status: "on_air", date: "2026-02-01", actor: viettel }),
  createStatusEvent({ pointId: "B", status: "on_air", date: "2026-02-01", actor: viettel }),
  createStatusEvent({ pointId: "C", status: "infeasible", date: "2026-02-01", actor: viettel, note: "không có điện lưới" }),
];
const context: TrackingContext = { registry, events: log, today: "2026-03-31", listPublishedOn: "2026-01-01" };

describe("department actions", () => {
  it("verifies on-air claims in bulk and refuses the points that are not on air", () => {
    const result = verifyPoints(context, ["A", "B", "C", "Z"], "2026-02-10", "đo kiểm đạt");
    expect(result.events.map((event) => [event.pointId, event.status, event.actor.role, event.note])).toEqual([
      ["A", "verified", "department", "đo kiểm đạt"],
      ["B", "verified", "department", "đo kiểm đạt"],
    ]);
    expect(result.rejected.map((item) => [item.pointId, item.code])).toEqual([
      ["C", "transition_not_allowed"],
      ["Z", "unknown_point"],
    ]);
  });

  it("disputes a claim only with a reason", () => {
    expect(disputePoints(context, ["A"], "2026-02-10", "").rejected[0].code).toBe("reason_required");
    const result = disputePoints(context, ["A", "C"], "2026-02-10", "đo tại chỗ không có sóng");
    expect(result.events.map((event) => [event.pointId, event.status])).toEqual([
      ["A", "disputed"],
      ["C", "disputed"],
    ]);
    const states = replay(registry, [...log, ...result.events]).states;
    expect(states.A.status).toBe("disputed");
  });

  it("accepts an infeasible claim, and nothing else", () => {
    const result = acceptInfeasible(context, ["C", "A"], "2026-02-10");
    expect(result.events.map((event) => [event.pointId, event.status])).toEqual([["C", "infeasible_accepted"]]);
    expect(result.rejected.map((item) => item.pointId)).toEqual(["A"]);
  });

  it("refuses dates in the future, before the list, or before the point's latest change", () => {
    expect(verifyPoints(context, ["A"], "2026-04-01").rejected[0].code).toBe("date_in_future");
    expect(verifyPoints({ ...context, listPublishedOn: "2026-02-05" }, ["A"], "2026-02-04").rejected[0].code).toBe("date_before_list");
    expect(verifyPoints(context, ["A"], "2026-01-31").rejected[0].code).toBe("date_before_latest");
  });

  it("lets a disputed point go back to its carrier", () => {
    const disputed = disputePoints(context, ["A"], "2026-02-10", "không có sóng").events;
    const next = recordStatusChange(
      { ...context, events: [...log, ...disputed] },
      { pointId: "A", status: "under_construction", date: "2026-02-20", actor: viettel },
    );
    expect(next.ok).toBe(true);
  });

  it("refuses a change already recorded", () => {
    const result = recordStatusChanges(context, [{ pointId: "A", status: "on_air", date: "2026-02-01", actor: viettel }]);
    expect(result.rejected[0].code).toBe("already_recorded");
  });
});
