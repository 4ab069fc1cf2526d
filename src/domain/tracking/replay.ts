/**
 * The current state of every listed point, derived from the event log: pure (state, event) → state
 * updaters and a replay of the log up to an "as of" date.
 */
import type { Message, Technology } from "../types.ts";
import { err, ok, type Result } from "../result.ts";
import { parseIsoDate } from "./dates.ts";
import type { StatusEvent } from "./events.ts";
import { indexRegistry, type ListedPoint } from "./registry.ts";
import { isCoveredStatus, type TrackingStatus } from "./status.ts";
import { checkTransition, type TransitionError } from "./transitions.ts";
import { peopleDate } from "../export/people_columns.ts";
import { domainMessage } from "../messages/message.ts";

/** Where one listed point stands. */
export interface PointTracking {
  pointId: string;
  status: TrackingStatus;
  /** The date of the event that set the current status; null while not_started with no event. */
  since: string | null;
  /** The technology on air, from the latest event that named one; dropped when the point stops being covered. */
  technology?: Technology;
  lastEvent: StatusEvent | null;
  /** Every applied event of this point, oldest first. */
  history: StatusEvent[];
}

/** The state of the whole registry, by point id (a plain object, so it passes through postMessage). */
export type TrackingStates = Record<string, PointTracking>;

/** An event of the log that could not be applied, and why. */
export interface InvalidEvent {
  event: StatusEvent;
  code: string;
  message: Message;
}

export interface ReplayResult {
  states: TrackingStates;
  /** Events that were not applied (unknown point, refused transition, bad date, repeated id), in log order. */
  invalid: InvalidEvent[];
  /** How many events were applied. */
  applied: number;
}

/**
 * The state of a point before any event.
 * @param pointId - the listed point's id
 * @returns status not_started, no history
 */
export function initialPointTracking(pointId: string): PointTracking {
  return { pointId, status: "not_started", since: null, lastEvent: null, history: [] };
}

/**
 * Applies one event to one point: the pure updater used by replay, the import and the department actions.
 * @param progress - the point's current state (not modified)
 * @param point - the listed point (for its carrier)
 * @param event - the event to apply
 * @returns the new state, or why the transition table refuses it
 * @example
 * ```ts
 * const next = applyStatusEvent(initialPointTracking("P1"), point, event);
 * ```
 */
export function applyStatusEvent(progress: PointTracking, point: ListedPoint, event: StatusEvent): Result<PointTracking, TransitionError> {
  const check = checkTransition(point, progress.status, event);
  if (!check.ok) return check;
  const technology = event.technology ?? (isCoveredStatus(event.status) ? progress.technology : undefined);
  const next: PointTracking = {
    pointId: progress.pointId,
    status: event.status,
    since: event.date,
    lastEvent: event,
    history: [...progress.history, event],
  };
  if (technology) next.technology = technology;
  return ok(next);
}

/**
 * Orders events for replay: by date, and in log order within a day (a stable sort).
 * @param events - the log
 * @returns a new array
 */
export function sortEventsForReplay(events: readonly StatusEvent[]): StatusEvent[] {
  return events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => (a.event.date < b.event.date ? -1 : a.event.date > b.event.date ? 1 : a.index - b.index))
    .map((entry) => entry.event);
}

/**
 * Replays the event log over the registry. Events are applied by date (log order within a day); an event
 * the table refuses, for an unknown point, with a malformed date or a repeated id is reported, not applied.
 * @param registry - the listed points
 * @param events - the append-only log
 * @param asOf - when given (YYYY-MM-DD), only events dated on or before it are replayed: the state on that day
 * @returns the state of every listed point, the invalid events and the number applied
 * @example
 * ```ts
 * const { states } = replay(registry, events, "2026-03-31");
 * states["LS-001"].status; // "on_air"
 * ```
 */
export function replay(registry: readonly ListedPoint[], events: readonly StatusEvent[], asOf?: string): ReplayResult {
  const byId = indexRegistry(registry);
  const states: TrackingStates = {};
  for (const point of registry) states[point.id] = initialPointTracking(point.id);
  const invalid: InvalidEvent[] = [];
  const seen = new Set<string>();
  let applied = 0;
  for (const event of sortEventsForReplay(events)) {
    if (asOf !== undefined && event.date > asOf) continue;
    const problem = checkEventShape(event, byId, seen);
    if (problem) {
      invalid.push({ event, ...problem });
      continue;
    }
    seen.add(event.id);
    const result = applyStatusEvent(states[event.pointId], byId.get(event.pointId) as ListedPoint, event);
    if (!result.ok) {
      invalid.push({ event, code: result.error.code, message: result.error.message });
      continue;
    }
    states[event.pointId] = result.value;
    applied++;
  }
  return { states, invalid, applied };
}

function checkEventShape(event: StatusEvent, byId: Map<string, ListedPoint>, seen: Set<string>): { code: string; message: Message } | null {
  if (seen.has(event.id)) {
    return { code: "duplicate_event", message: domainMessage("replay.duplicate_event", { id: event.id }) };
  }
  if (!parseIsoDate(event.date)) {
    return { code: "date_invalid", message: domainMessage("replay.date_invalid", { date: event.date }) };
  }
  if (!byId.has(event.pointId)) {
    return {
      code: "unknown_point",
      message: domainMessage("tracking.unknown_point", { pointId: event.pointId }),
    };
  }
  return null;
}

/**
 * Checks one new event against a point's current state: the transition table, and that it is not older than
 * the point's latest change (so replaying the log later gives the same state).
 * @param current - the point's current state
 * @param point - the listed point
 * @param event - the new event
 * @returns the point's new state, or why the event is refused
 */
export function advancePoint(
  current: PointTracking,
  point: ListedPoint,
  event: StatusEvent,
): Result<PointTracking, TransitionError | { code: "date_before_latest"; message: Message }> {
  if (current.since !== null && event.date < current.since) {
    return err({
      code: "date_before_latest",
      message: domainMessage("replay.date_before_latest", {
        day: peopleDate(event.date),
        id: point.id,
        sinceDay: peopleDate(current.since),
        date: event.date,
        since: current.since,
      }),
    });
  }
  return applyStatusEvent(current, point, event);
}
