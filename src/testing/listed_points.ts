/** Small hand-made registry points and changes shared by the progress, app and export tests (test support: nothing in the product imports it). */
import { createStatusEvent, type Actor, type StatusEvent, type StatusEventDraft } from "../domain/tracking/events.ts";
import type { ListedPoint } from "../domain/tracking/registry.ts";
import type { TrackingStatus } from "../domain/tracking/status.ts";

/**
 * Makes a listed point with sensible defaults.
 * @param id - its id
 * @param fields - fields to override
 * @returns the point
 */
export function makeListedPoint(id: string, fields: Partial<ListedPoint> = {}): ListedPoint {
  return {
    id,
    name: `Điểm ${id}`,
    kind: "village",
    lon: 104,
    lat: 22,
    carrier: "Viettel",
    deadline: "2026-06-30",
    source: { file: "test", row: 1 },
    extra: {},
    ...fields,
  };
}

/** Viettel, the carrier of makeListedPoint's points. */
const VIETTEL: Actor = { role: "carrier", carrier: "Viettel" };

/**
 * A change reported by Viettel.
 * @param pointId - the point
 * @param status - its new status
 * @param date - the day of the change
 * @param fields - technology, evidence, note
 * @returns the event, with its id
 */
export function viettelEvent(pointId: string, status: TrackingStatus, date: string, fields: Partial<StatusEventDraft> = {}): StatusEvent {
  return createStatusEvent({ pointId, status, date, actor: VIETTEL, ...fields });
}
