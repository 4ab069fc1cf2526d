/**
 * The one table of allowed status transitions, and its enforcement.
 *
 * - A carrier moves its own points forward (not_started → planned → under_construction → on_air,
 *   skipping steps allowed) and may mark one infeasible, giving a reason.
 * - A point the department disputed goes back to its carrier: planned, under_construction or on_air again.
 * - A carrier may withdraw its own infeasible claim by moving the point forward again (it found a way).
 * - Only the department verifies (from on_air), disputes (an on_air claim or an infeasible claim,
 *   giving a reason) and accepts an infeasible claim (status infeasible_accepted, final).
 * - verified and infeasible_accepted are final: no row of the table leaves them.
 * - A carrier never touches a point assigned to another carrier.
 */
import type { Message } from "../types.ts";
import { err, ok, type Result } from "../result.ts";
import { isSameCarrier } from "./carriers.ts";
import type { Actor, StatusEventDraft } from "./events.ts";
import type { ListedPoint } from "./registry.ts";
import { STATUS_LABELS, type TrackingStatus } from "./status.ts";
import { domainMessage } from "../messages/message.ts";

export type ActorRole = Actor["role"];

export interface TransitionRule {
  from: TrackingStatus;
  to: TrackingStatus;
  role: ActorRole;
  /** The event must give a reason (its note, or its evidence text). */
  reasonRequired: boolean;
}

/** The rules from each of `from` to each of `to`, for one role. */
function rules(from: readonly TrackingStatus[], to: readonly TrackingStatus[], role: ActorRole, reasonRequired = false): TransitionRule[] {
  return from.flatMap((fromStatus) => to.map((toStatus) => ({ from: fromStatus, to: toStatus, role, reasonRequired })));
}

/** Every allowed transition. Anything not listed here is refused. */
export const TRANSITIONS: readonly TransitionRule[] = [
  // The carrier moves its point forward; skipping steps is allowed.
  ...rules(["not_started"], ["planned", "under_construction", "on_air"], "carrier"),
  ...rules(["planned"], ["under_construction", "on_air"], "carrier"),
  ...rules(["under_construction"], ["on_air"], "carrier"),
  // The carrier says it cannot be done, with a reason.
  ...rules(["not_started", "planned", "under_construction"], ["infeasible"], "carrier", true),
  // A disputed point is back with the carrier; the carrier withdraws its infeasible claim before the department decides.
  ...rules(["disputed", "infeasible"], ["planned", "under_construction", "on_air"], "carrier"),
  // The department decides on claims.
  ...rules(["on_air"], ["verified"], "department"),
  ...rules(["on_air", "infeasible"], ["disputed"], "department", true),
  ...rules(["infeasible"], ["infeasible_accepted"], "department"),
];

export type TransitionErrorCode = "same_status" | "wrong_carrier" | "department_only" | "carrier_only" | "transition_not_allowed" | "reason_required";

export interface TransitionError {
  code: TransitionErrorCode;
  message: Message;
}

function label(status: TrackingStatus): Message {
  return STATUS_LABELS[status];
}

/**
 * Finds the rule allowing a transition for a role.
 * @param from - the current status
 * @param to - the new status
 * @param role - who asks
 * @returns the rule, or undefined when the table has none
 */
export function findTransition(from: TrackingStatus, to: TrackingStatus, role: ActorRole): TransitionRule | undefined {
  return TRANSITIONS.find((candidate) => candidate.from === from && candidate.to === to && candidate.role === role);
}

/**
 * Checks one status change against the table: the carrier's ownership, the role, the transition and the reason.
 * @param point - the listed point
 * @param from - its current status
 * @param change - the new status, who makes the change, and its note/evidence (the reason)
 * @returns the rule that allows it, or why it is refused (vi + en)
 * @example
 * ```ts
 * checkTransition(point, "on_air", { status: "verified", actor: { role: "department" } }); // ok
 * ```
 */
export function checkTransition(
  point: ListedPoint,
  from: TrackingStatus,
  change: Pick<StatusEventDraft, "status" | "actor" | "note" | "evidence">,
): Result<TransitionRule, TransitionError> {
  const to = change.status;
  const actor = change.actor;
  if (actor.role === "carrier" && !isSameCarrier(actor.carrier, point.carrier)) {
    return err({
      code: "wrong_carrier",
      message: domainMessage("tracking.wrong_carrier", { id: point.id, assigned: point.carrier, actor: actor.carrier }),
    });
  }
  if (from === to) {
    return err({
      code: "same_status",
      message: domainMessage("transitions.same_status", { id: point.id, label: label(to) }),
    });
  }
  const allowed = findTransition(from, to, actor.role);
  if (!allowed) {
    const otherRole: ActorRole = actor.role === "carrier" ? "department" : "carrier";
    if (findTransition(from, to, otherRole)) {
      return err(
        otherRole === "department"
          ? {
              code: "department_only",
              message: domainMessage("transitions.department_only", { from: label(from), to: label(to) }),
            }
          : {
              code: "carrier_only",
              message: domainMessage("transitions.carrier_only", { from: label(from), to: label(to) }),
            },
      );
    }
    return err({
      code: "transition_not_allowed",
      message: domainMessage("transitions.transition_not_allowed", { from: label(from), to: label(to) }),
    });
  }
  if (allowed.reasonRequired && !change.note?.trim() && !change.evidence?.text?.trim()) {
    return err({
      code: "reason_required",
      message: domainMessage("transitions.reason_required", { label: label(to) }),
    });
  }
  return ok(allowed);
}

/**
 * Lists the statuses an actor may set next, for a status picker.
 * @param point - the listed point
 * @param from - its current status
 * @param actor - who is acting
 * @returns the allowed new statuses (empty for another carrier's point)
 */
export function allowedNextStatuses(point: ListedPoint, from: TrackingStatus, actor: Actor): TrackingStatus[] {
  if (actor.role === "carrier" && !isSameCarrier(actor.carrier, point.carrier)) return [];
  return TRANSITIONS.filter((candidate) => candidate.from === from && candidate.role === actor.role).map((candidate) => candidate.to);
}
