/**
 * The lists each user works from: a carrier's own points with days left, and the department's queue of
 * claims waiting for a decision.
 */
import { isSameCarrier } from "./carriers.ts";
import { isOverdue } from "./dashboard.ts";
import { daysBetween } from "./dates.ts";
import type { Actor } from "./events.ts";
import type { ListedPoint } from "./registry.ts";
import { initialPointTracking, type PointTracking, type TrackingStates } from "./replay.ts";
import type { TrackingStatus } from "./status.ts";
import { allowedNextStatuses } from "./transitions.ts";

/** One point in a work list. */
export interface WorkItem {
  point: ListedPoint;
  progress: PointTracking;
  /** Days until the deadline (0 on the day), for points still open; null otherwise. */
  daysLeft: number | null;
  /** Days past the deadline for overdue points; null otherwise. */
  daysOverdue: number | null;
  /** What the list's user may set next (from the transition table). */
  nextStatuses: TrackingStatus[];
}

function workItem(point: ListedPoint, states: TrackingStates, today: string, actor: Actor): WorkItem {
  const progress = states[point.id] ?? initialPointTracking(point.id);
  const overdue = isOverdue(point, progress.status, today);
  const open = progress.status !== "on_air" && progress.status !== "verified" && progress.status !== "infeasible_accepted";
  return {
    point,
    progress,
    daysLeft: open && point.deadline !== null && point.deadline >= today ? daysBetween(today, point.deadline) : null,
    daysOverdue: overdue ? daysBetween(point.deadline as string, today) : null,
    nextStatuses: allowedNextStatuses(point, progress.status, actor),
  };
}

function byDeadline(a: WorkItem, b: WorkItem): number {
  const left = a.point.deadline ?? "9999-12-31";
  const right = b.point.deadline ?? "9999-12-31";
  return left < right ? -1 : left > right ? 1 : a.point.id.localeCompare(b.point.id);
}

/**
 * Lists the carriers of the registry, for the "I am…" picker of the carrier view.
 * @param registry - the listed points
 * @returns distinct carrier names, sorted
 */
export function listCarriers(registry: readonly ListedPoint[]): string[] {
  return [...new Set(registry.map((point) => point.carrier))].sort((a, b) => a.localeCompare(b, "vi"));
}

/**
 * A carrier's own points (and only those), earliest deadline first, with days left and the statuses it may set.
 * @param registry - the listed points
 * @param states - their states
 * @param carrier - the carrier (any spelling of a known carrier)
 * @param today - YYYY-MM-DD
 * @returns the carrier's work list
 * @example
 * ```ts
 * const mine = listCarrierPoints(registry, states, "Viettel", "2026-11-22");
 * mine[0].daysLeft; // e.g. 8
 * ```
 */
export function listCarrierPoints(registry: readonly ListedPoint[], states: TrackingStates, carrier: string, today: string): WorkItem[] {
  const actor: Actor = { role: "carrier", carrier };
  return registry
    .filter((point) => isSameCarrier(point.carrier, carrier))
    .map((point) => workItem(point, states, today, actor))
    .sort(byDeadline);
}

/**
 * The department's queue: on_air claims to verify or dispute, and infeasible claims to accept or dispute,
 * oldest claim first.
 * @param registry - the listed points
 * @param states - their states
 * @param today - YYYY-MM-DD
 * @returns the points waiting for a decision
 */
export function listPendingDecisions(registry: readonly ListedPoint[], states: TrackingStates, today: string): WorkItem[] {
  const department: Actor = { role: "department" };
  return registry
    .filter((point) => {
      const status = (states[point.id] ?? initialPointTracking(point.id)).status;
      return status === "on_air" || status === "infeasible";
    })
    .map((point) => workItem(point, states, today, department))
    .sort((a, b) =>
      (a.progress.since ?? "") < (b.progress.since ?? "") ? -1 : (a.progress.since ?? "") > (b.progress.since ?? "") ? 1 : a.point.id.localeCompare(b.point.id),
    );
}
