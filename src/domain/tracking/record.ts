/**
 * Recording new status changes, one by one or in bulk: the carrier's own updates in the app and the
 * department's decisions (verify, dispute, accept infeasible). Every change goes through the same
 * transition table and date checks as an imported update file.
 */
import type { Message } from "../types.ts";
import { err, ok, type Result } from "../result.ts";
import { parseIsoDate } from "./dates.ts";
import { createStatusEvent, type Actor, type Evidence, type StatusEvent, type StatusEventDraft } from "./events.ts";
import { indexRegistry, type ListedPoint } from "./registry.ts";
import { advancePoint, initialPointTracking, replay, type PointTracking, type TrackingStates } from "./replay.ts";
import { peopleDate } from "../export/people_columns.ts";
import { domainMessage } from "../messages/message.ts";

/** What a new change is checked against. */
export interface TrackingContext {
  registry: readonly ListedPoint[];
  /** The current log. */
  events: readonly StatusEvent[];
  /** Changes dated after this day are refused (YYYY-MM-DD). */
  today?: string;
  /** Changes dated before the list was published are refused (YYYY-MM-DD). */
  listPublishedOn?: string;
}

/** Why one change was refused. */
export interface ChangeRejection {
  pointId: string;
  code: string;
  message: Message;
}

export interface RecordResult {
  /** The new, valid events, to append to the log. */
  events: StatusEvent[];
  rejected: ChangeRejection[];
}

/**
 * Checks a new event against the states so far and the dates allowed. Shared by the app's changes and the
 * update-file import.
 * @param states - the states after the log and any earlier new events (not modified)
 * @param byId - the registry by id
 * @param event - the new event
 * @param limits - today and the list's publication date, when known
 * @returns the point's new state (to store under event.pointId), or the reason (code and message)
 */
export function checkNewEvent(
  states: TrackingStates,
  byId: ReadonlyMap<string, ListedPoint>,
  event: StatusEvent,
  limits: { today?: string; listPublishedOn?: string },
): Result<PointTracking, { code: string; message: Message }> {
  if (!parseIsoDate(event.date)) {
    return err({
      code: "date_invalid",
      message: domainMessage("record.date_invalid", { date: event.date }),
    });
  }
  if (limits.today && event.date > limits.today) {
    return err({
      code: "date_in_future",
      message: domainMessage("record.date_in_future", {
        day: peopleDate(event.date),
        todayDay: peopleDate(limits.today),
        date: event.date,
        today: limits.today,
      }),
    });
  }
  if (limits.listPublishedOn && event.date < limits.listPublishedOn) {
    return err({
      code: "date_before_list",
      message: domainMessage("record.date_before_list", {
        day: peopleDate(event.date),
        listDay: peopleDate(limits.listPublishedOn),
        date: event.date,
        listPublishedOn: limits.listPublishedOn,
      }),
    });
  }
  const point = byId.get(event.pointId);
  if (!point) {
    return err({
      code: "unknown_point",
      message: domainMessage("tracking.unknown_point", { pointId: event.pointId }),
    });
  }
  const result = advancePoint(states[point.id] ?? initialPointTracking(point.id), point, event);
  if (!result.ok) return err({ code: result.error.code, message: result.error.message });
  return result;
}

/**
 * Records status changes in order, each checked against the state left by the log and the earlier changes.
 * @param context - registry, current log, today and the publication date
 * @param drafts - the changes (without ids)
 * @returns the valid new events (already recorded ones are refused as "already_recorded") and the refused ones
 * @example
 * ```ts
 * recordStatusChanges(context, [{ pointId: "LS-001", status: "on_air", date: "2026-03-02", actor: { role: "carrier", carrier: "Viettel" }, technology: "4G" }]);
 * ```
 */
export function recordStatusChanges(context: TrackingContext, drafts: readonly StatusEventDraft[]): RecordResult {
  const byId = indexRegistry(context.registry);
  // A private copy, updated in place: one new state per accepted change.
  const states = replay(context.registry, context.events).states;
  const known = new Set(context.events.map((event) => event.id));
  const events: StatusEvent[] = [];
  const rejected: ChangeRejection[] = [];
  for (const draft of drafts) {
    const event = createStatusEvent(draft);
    if (known.has(event.id)) {
      rejected.push({
        pointId: event.pointId,
        code: "already_recorded",
        message: domainMessage("record.already_recorded"),
      });
      continue;
    }
    const result = checkNewEvent(states, byId, event, context);
    if (!result.ok) {
      rejected.push({ pointId: event.pointId, ...result.error });
      continue;
    }
    states[event.pointId] = result.value;
    known.add(event.id);
    events.push(event);
  }
  return { events, rejected };
}

const DEPARTMENT: Actor = { role: "department" };

/**
 * The department verifies carriers' on_air claims (one point or many).
 * @param context - registry, log and dates
 * @param pointIds - the points to verify
 * @param date - the verification date, YYYY-MM-DD
 * @param note - optional note; evidence such as measured speeds may be added
 * @returns the verified events and the points that could not be verified (not on_air, unknown…)
 * @example
 * ```ts
 * const { events } = verifyPoints(context, ["LS-001", "LS-002"], "2026-03-10", "đo kiểm 4G đạt");
 * ```
 */
export function verifyPoints(context: TrackingContext, pointIds: readonly string[], date: string, note?: string, evidence?: Evidence): RecordResult {
  return recordStatusChanges(
    context,
    pointIds.map((pointId) => ({ pointId, status: "verified", date, actor: DEPARTMENT, note, evidence })),
  );
}

/**
 * The department disputes claims (on_air or infeasible), giving a reason; the points go back to their carriers.
 * @param context - registry, log and dates
 * @param pointIds - the points
 * @param date - YYYY-MM-DD
 * @param reason - required, e.g. "đo tại chỗ không có sóng 4G"
 * @returns the disputed events and the refused points
 */
export function disputePoints(context: TrackingContext, pointIds: readonly string[], date: string, reason: string): RecordResult {
  return recordStatusChanges(
    context,
    pointIds.map((pointId) => ({ pointId, status: "disputed", date, actor: DEPARTMENT, note: reason })),
  );
}

/**
 * The department accepts carriers' infeasible claims: the points become infeasible_accepted, final, and
 * leave the overdue count.
 * @param context - registry, log and dates
 * @param pointIds - the points
 * @param date - YYYY-MM-DD
 * @param note - optional
 * @returns the acceptance events and the refused points
 */
export function acceptInfeasible(context: TrackingContext, pointIds: readonly string[], date: string, note?: string): RecordResult {
  return recordStatusChanges(
    context,
    pointIds.map((pointId) => ({ pointId, status: "infeasible_accepted", date, actor: DEPARTMENT, note })),
  );
}

/**
 * Records one status change (the carrier's or the department's form in the app).
 * @param context - registry, log and dates
 * @param draft - the change
 * @returns the new event, or why it is refused
 */
export function recordStatusChange(context: TrackingContext, draft: StatusEventDraft): Result<StatusEvent, ChangeRejection> {
  const result = recordStatusChanges(context, [draft]);
  return result.events.length === 1 ? ok(result.events[0]) : err(result.rejected[0]);
}
