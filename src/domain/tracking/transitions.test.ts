import { describe, expect, it } from "vitest";
import { PROGRESS_STATUSES, type TrackingStatus } from "./status.ts";
import { TRANSITIONS, allowedNextStatuses, checkTransition, type ActorRole } from "./transitions.ts";
import { makeListedPoint } from "../../testing/listed_points.ts";
import type { Actor } from "./events.ts";

const point = makeListedPoint("P1", { carrier: "Viettel" });
const viettel: Actor = { role: "carrier", carrier: "Viettel" };
const department: Actor = { role: "department" };
function actorOf(role: ActorRole): Actor {
  return role === "carrier" ? viettel : department;
}

// The table, written out by hand from the rules of issue 4: [from, to, role, reason required].
const EXPECTED: [TrackingStatus, TrackingStatus, ActorRole, boolean][] = [
  ["not_started", "planned", "carrier", false],
  ["not_started", "under_construction", "carrier", false],
  ["not_started", "on_air", "carrier", false],
  ["planned", "under_construction", "carrier", false],
  ["planned", "on_air", "carrier", false],
  ["under_construction", "on_air", "carrier", false],
  ["not_started", "infeasible", "carrier", true],
  ["planned", "infeasible", "carrier", true],
  ["under_construction", "infeasible", "carrier", true],
  ["disputed", "planned", "carrier", false],
  ["disputed", "under_construction", "carrier", false],
  ["disputed", "on_air", "carrier", false],
  ["infeasible", "planned", "carrier", false],
  ["infeasible", "under_construction", "carrier", false],
  ["infeasible", "on_air", "carrier", false],
  ["on_air", "verified", "department", false],
  ["on_air", "disputed", "department", true],
  ["infeasible", "disputed", "department", true],
  ["infeasible", "infeasible_accepted", "department", false],
];

describe("checkTransition", () => {
  it.each(EXPECTED)("allows %s → %s by the %s", (from, to, role, reasonRequired) => {
    const result = checkTransition(point, from, { status: to, actor: actorOf(role), note: reasonRequired ? "lý do" : undefined });
    expect(result.ok).toBe(true);
  });

  it("has exactly the hand-written table, no more", () => {
    expect(TRANSITIONS.map((rule) => [rule.from, rule.to, rule.role, rule.reasonRequired])).toEqual(EXPECTED);
  });

  it("refuses every pair not in the table, for both roles", () => {
    let refused = 0;
    for (const from of PROGRESS_STATUSES) {
      for (const to of PROGRESS_STATUSES) {
        for (const role of ["carrier", "department"] as const) {
          if (EXPECTED.some(([f, t, r]) => f === from && t === to && r === role)) continue;
          const result = checkTransition(point, from, { status: to, actor: actorOf(role), note: "lý do" });
          expect(result.ok, `${from} → ${to} by ${role}`).toBe(false);
          refused++;
        }
      }
    }
    expect(refused).toBe(8 * 8 * 2 - EXPECTED.length);
  });

  it("lets only the department verify, and says so", () => {
    const result = checkTransition(point, "on_air", { status: "verified", actor: viettel });
    expect(result).toMatchObject({ ok: false, error: { code: "department_only" } });
  });

  it("refuses a carrier moving a point backwards", () => {
    const result = checkTransition(point, "on_air", { status: "planned", actor: viettel });
    expect(result).toMatchObject({ ok: false, error: { code: "transition_not_allowed" } });
  });

  it("refuses the department moving a point forward for the carrier", () => {
    const result = checkTransition(point, "not_started", { status: "on_air", actor: department });
    expect(result).toMatchObject({ ok: false, error: { code: "carrier_only" } });
  });

  it("requires a reason to mark infeasible or to dispute", () => {
    expect(checkTransition(point, "planned", { status: "infeasible", actor: viettel })).toMatchObject({ ok: false, error: { code: "reason_required" } });
    expect(checkTransition(point, "on_air", { status: "disputed", actor: department, note: "  " })).toMatchObject({
      ok: false,
      error: { code: "reason_required" },
    });
    expect(checkTransition(point, "planned", { status: "infeasible", actor: viettel, evidence: { text: "núi đá, không có điện lưới" } }).ok).toBe(true);
  });

  it("refuses a carrier touching another carrier's point, whatever the transition", () => {
    const result = checkTransition(point, "not_started", { status: "planned", actor: { role: "carrier", carrier: "VNPT" } });
    expect(result).toMatchObject({ ok: false, error: { code: "wrong_carrier" } });
    expect(result.ok ? "" : result.error.message.vi).toContain("Viettel");
  });

  it("matches the carrier whatever its spelling", () => {
    expect(checkTransition(point, "not_started", { status: "planned", actor: { role: "carrier", carrier: "VIETTEL" } }).ok).toBe(true);
  });

  it("refuses a status that does not change", () => {
    expect(checkTransition(point, "planned", { status: "planned", actor: viettel })).toMatchObject({ ok: false, error: { code: "same_status" } });
  });

  it("keeps verified and accepted infeasible final", () => {
    for (const role of ["carrier", "department"] as const) {
      expect(allowedNextStatuses(point, "verified", actorOf(role))).toEqual([]);
      expect(allowedNextStatuses(point, "infeasible_accepted", actorOf(role))).toEqual([]);
    }
  });
});

describe("allowedNextStatuses", () => {
  it("offers the carrier its forward steps and the department its decisions", () => {
    expect(allowedNextStatuses(point, "planned", viettel)).toEqual(["under_construction", "on_air", "infeasible"]);
    expect(allowedNextStatuses(point, "on_air", department)).toEqual(["verified", "disputed"]);
    expect(allowedNextStatuses(point, "planned", { role: "carrier", carrier: "MobiFone" })).toEqual([]);
  });
});
