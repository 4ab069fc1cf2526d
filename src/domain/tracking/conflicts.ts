/**
 * Conflicts: two update files that disagree about a point. They are never silently overwritten; the
 * department keeps the existing event or accepts the incoming one.
 */
import type { Message } from "../types.ts";
import { err, ok, type Result } from "../result.ts";
import type { StatusEvent } from "./events.ts";
import type { ListedPoint } from "./registry.ts";
import { replay } from "./replay.ts";
import { domainMessage } from "../messages/message.ts";

export type ConflictReason = "same_date" | "older_than_latest";

export interface UpdateConflict {
  pointId: string;
  /** The event already recorded that the incoming one disagrees with. */
  existing: StatusEvent;
  /** The event from the file being imported, not applied. */
  incoming: StatusEvent;
  /** same_date: a different status for the same point and day; older_than_latest: dated before the point's latest change. */
  reason: ConflictReason;
  message: Message;
}

export type ConflictChoice = "keep_existing" | "accept_incoming";

/**
 * Resolves a conflict the department chose on: keep the existing record (nothing to append) or accept
 * the incoming event, which is appended only if the whole log still replays without new invalid events.
 * @param registry - the listed points
 * @param events - the current log
 * @param conflict - the conflict
 * @param choice - keep_existing or accept_incoming
 * @returns the events to append (none or the incoming one), or why the incoming one cannot be accepted
 * @example
 * ```ts
 * const result = resolveConflict(registry, log, conflict, "keep_existing"); // ok([])
 * ```
 */
export function resolveConflict(
  registry: readonly ListedPoint[],
  events: readonly StatusEvent[],
  conflict: UpdateConflict,
  choice: ConflictChoice,
): Result<StatusEvent[], Message> {
  if (choice === "keep_existing") return ok([]);
  if (events.some((event) => event.id === conflict.incoming.id)) return ok([]);
  const before = replay(registry, events).invalid.length;
  const after = replay(registry, [...events, conflict.incoming]);
  if (after.invalid.length > before) {
    const first = after.invalid.find((item) => item.event.pointId === conflict.pointId) ?? after.invalid[after.invalid.length - 1];
    return err(domainMessage("conflicts.history_invalid", { pointId: conflict.pointId, message: first.message }));
  }
  return ok([conflict.incoming]);
}
