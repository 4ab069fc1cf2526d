/**
 * Reads the sample events file: either the JSON form of an update file (\{ format, version, events \}) or a
 * plain array of events. Each event is checked with the domain's schema and given its content id.
 */
import { zStatusEventInput } from "../../domain/tracking/event_schema.ts";
import { createStatusEvent, type StatusEvent } from "../../domain/tracking/events.ts";

/**
 * Turns the parsed sample events file into events.
 * @param data - the parsed JSON
 * @returns the valid events in file order, how many items were invalid, and the publication date when given
 */
export function readSampleEvents(data: unknown): { events: StatusEvent[]; invalid: number; listPublishedOn?: string } {
  const record = typeof data === "object" && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : null;
  const items = Array.isArray(data) ? data : Array.isArray(record?.events) ? (record?.events as unknown[]) : [];
  const events: StatusEvent[] = [];
  let invalid = 0;
  for (const item of items) {
    const parsed = zStatusEventInput.safeParse(item);
    if (!parsed.success) {
      invalid++;
      continue;
    }
    const { id: _id, ...content } = parsed.data;
    events.push(createStatusEvent(content));
  }
  const published =
    record && typeof record.listPublishedOn === "string" && /^\d{4}-\d{2}-\d{2}$/.test(record.listPublishedOn) ? record.listPublishedOn : undefined;
  return published ? { events, invalid, listPublishedOn: published } : { events, invalid };
}
