/**
 * The one-file backup of the registry and the event log: a versioned JSON format, validated with zod,
 * with a step-by-step migration from older versions (as kepler.gl's saved maps).
 *
 * Versions:
 * - 0 (no `version` field): events had `actorRole` ("department" | "carrier") plus `carrier`, evidence was a
 *   plain string, ids were not content hashes, and the date of the file was `exportedAt`.
 * - 1: events have `actor` (\{ role: "department" \} | \{ role: "carrier", carrier \}), `evidence` is an object,
 *   and every id is the hash of the event's content (computeEventId).
 */
import { z } from "zod";
import type { Message } from "../types.ts";
import { err, ok, type Result } from "../result.ts";
import { inputToText } from "../parse/decode_text.ts";
import { describeZodError, zListedPoint, zStatusEventInput } from "./event_schema.ts";
import { computeEventId, type StatusEvent } from "./events.ts";
import type { ListedPoint } from "./registry.ts";
import { domainMessage } from "../messages/message.ts";

export const BACKUP_FORMAT = "lom-song-backup";
export const BACKUP_VERSION = 1;

export interface TrackingBackup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** ISO timestamp of the backup. */
  createdAt: string;
  /** The day the list was published (changes dated before it are refused), when set. */
  listPublishedOn?: string;
  registry: ListedPoint[];
  events: StatusEvent[];
}

const zBackupV1 = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(1),
  createdAt: z.string().min(1),
  listPublishedOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  registry: z.array(zListedPoint),
  events: z.array(zStatusEventInput.extend({ id: z.string().min(1) })),
});

const zEventV0 = z.object({
  id: z.string().optional(),
  pointId: z.string(),
  status: z.string(),
  date: z.string(),
  actorRole: z.enum(["department", "carrier"]),
  carrier: z.string().optional(),
  technology: z.string().optional(),
  evidence: z.string().optional(),
  note: z.string().optional(),
});

const zBackupV0 = z.object({
  format: z.literal(BACKUP_FORMAT),
  exportedAt: z.string().optional(),
  listPublishedOn: z.string().optional(),
  registry: z.array(z.record(z.string(), z.unknown())),
  events: z.array(zEventV0),
});

/**
 * Makes a backup of the current data.
 * @param input - registry, events, the time of the backup and the publication date
 * @returns the backup object (serialise it with JSON.stringify, or serializeBackup)
 * @example
 * ```ts
 * const text = serializeBackup(createBackup({ registry, events, createdAt: new Date().toISOString() }));
 * ```
 */
export function createBackup(input: {
  registry: readonly ListedPoint[];
  events: readonly StatusEvent[];
  createdAt: string;
  listPublishedOn?: string;
}): TrackingBackup {
  const backup: TrackingBackup = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: input.createdAt,
    registry: [...input.registry],
    events: [...input.events],
  };
  if (input.listPublishedOn) backup.listPublishedOn = input.listPublishedOn;
  return backup;
}

/**
 * Writes a backup as pretty JSON text.
 * @param backup - the backup
 * @returns the file content
 */
export function serializeBackup(backup: TrackingBackup): string {
  return JSON.stringify(backup, null, 2) + "\n";
}

/**
 * Reads the version of a backup-like object.
 * @param data - the parsed file
 * @returns null when the object is not a lom-song backup; else its version (0 when the field is absent), or
 * "unknown" when the field is not a version this format ever had (negative, fractional, not a number)
 */
function backupVersion(data: unknown): number | "unknown" | null {
  if (typeof data !== "object" || data === null || (data as { format?: unknown }).format !== BACKUP_FORMAT) return null;
  const version = (data as { version?: unknown }).version;
  if (version === undefined) return 0;
  return typeof version === "number" && Number.isInteger(version) && version >= 0 ? version : "unknown";
}

function unknownVersion(data: unknown): Message {
  const shown = JSON.stringify((data as { version?: unknown }).version) ?? "?";
  return domainMessage("backup.version_unknown", { shown, backupVersion: BACKUP_VERSION });
}

/** One step per version: migrations[n] upgrades a version-n object to version n + 1. */
const MIGRATIONS: Readonly<Record<number, (data: unknown) => Result<unknown, Message>>> = {
  0: migrateV0ToV1,
};

function migrateV0ToV1(data: unknown): Result<unknown, Message> {
  const parsed = zBackupV0.safeParse(data);
  if (!parsed.success) {
    return err(domainMessage("backup.v0_invalid", { reason: describeZodError(parsed.error) }));
  }
  const v0 = parsed.data;
  const events = v0.events.map((event) => {
    const draft: Record<string, unknown> = {
      pointId: event.pointId,
      status: event.status,
      date: event.date,
      actor: event.actorRole === "carrier" ? { role: "carrier", carrier: event.carrier ?? "" } : { role: "department" },
    };
    if (event.technology) draft.technology = event.technology;
    if (event.evidence) draft.evidence = { text: event.evidence };
    if (event.note) draft.note = event.note;
    // Version 0 ids were random: the content hash replaces them.
    return { id: computeEventId(draft as unknown as StatusEvent), ...draft };
  });
  const registry = v0.registry.map((point, index) => ({ source: { file: "backup", row: index + 1 }, extra: {}, deadline: null, ...point }));
  const v1: Record<string, unknown> = { format: BACKUP_FORMAT, version: 1, createdAt: v0.exportedAt ?? "1970-01-01T00:00:00.000Z", registry, events };
  if (v0.listPublishedOn) v1.listPublishedOn = v0.listPublishedOn;
  return ok(v1);
}

/**
 * Upgrades a parsed backup of any known version to the current one, step by step.
 * @param data - the parsed JSON
 * @returns the current-version object (not yet validated), or why it cannot be migrated
 */
export function migrateBackup(data: unknown): Result<unknown, Message> {
  const found = backupVersion(data);
  if (found === null) return err(domainMessage("backup.format_unknown", { backupFormat: BACKUP_FORMAT }));
  if (found === "unknown") return err(unknownVersion(data));
  let version = found;
  if (version > BACKUP_VERSION) {
    return err(domainMessage("backup.version_newer", { version, backupVersion: BACKUP_VERSION }));
  }
  let current = data;
  while (version < BACKUP_VERSION) {
    const step = Object.prototype.hasOwnProperty.call(MIGRATIONS, version) ? MIGRATIONS[version] : undefined;
    if (step === undefined) return err(unknownVersion(data));
    const result = step(current);
    if (!result.ok) return result;
    current = result.value;
    version++;
  }
  return ok(current);
}

/**
 * Restores a backup: parses, migrates, validates (schema, unique point ids, unique event ids matching their
 * content). Nothing is changed by a failed restore: the caller replaces its data only on success.
 * @param input - the file's text or bytes, or a parsed object
 * @returns the backup in the current version, or a message saying why it cannot be restored
 * @example
 * ```ts
 * const result = restoreBackup(text);
 * if (result.ok) { registry = result.value.registry; events = result.value.events; } else show(result.error);
 * ```
 */
export function restoreBackup(input: string | Uint8Array | object): Result<TrackingBackup, Message> {
  let data: unknown = input;
  if (typeof input === "string" || input instanceof Uint8Array) {
    try {
      data = JSON.parse(inputToText(input).text);
    } catch (error) {
      return err(domainMessage("backup.json_invalid", { message: (error as Error).message }));
    }
  }
  const migrated = migrateBackup(data);
  if (!migrated.ok) return migrated;
  const parsed = zBackupV1.safeParse(migrated.value);
  if (!parsed.success) {
    return err(domainMessage("backup.invalid", { reason: describeZodError(parsed.error) }));
  }
  const backup = parsed.data as TrackingBackup;
  const pointIds = new Set<string>();
  for (const point of backup.registry) {
    if (pointIds.has(point.id)) return err(domainMessage("backup.point_twice", { id: point.id }));
    pointIds.add(point.id);
  }
  const eventIds = new Set<string>();
  for (const event of backup.events) {
    if (eventIds.has(event.id)) return err(domainMessage("backup.event_twice", { id: event.id }));
    eventIds.add(event.id);
    if (computeEventId(event) !== event.id) {
      return err(domainMessage("backup.event_altered", { id: event.id, pointId: event.pointId }));
    }
  }
  return ok(backup);
}

/** The data a backup is compared with and merged into: what the app holds now. */
export interface BackupTarget {
  registry: readonly ListedPoint[];
  events: readonly StatusEvent[];
  listPublishedOn?: string;
}

/** What restoring a backup would change, both ways. */
export interface BackupDiff {
  /** Replace: the data becomes the backup's. */
  replace: {
    points: { added: string[]; removed: string[]; changed: string[]; unchanged: number };
    events: { added: StatusEvent[]; removed: StatusEvent[]; unchanged: number };
    /** True when a replace would remove a point, an event, or change a point: then the app asks first. */
    losesData: boolean;
  };
  /** Merge: what the union would add (a merge removes nothing). */
  merge: { pointsAdded: string[]; eventsAdded: StatusEvent[] };
}

/** A listed point's content with its keys in a fixed order, to compare two versions of one point. */
function pointContent(point: ListedPoint): string {
  const sorted = (value: unknown): unknown =>
    value && typeof value === "object" && !Array.isArray(value)
      ? Object.fromEntries(
          Object.keys(value)
            .sort()
            .map((key) => [key, sorted((value as Record<string, unknown>)[key])]),
        )
      : value;
  return JSON.stringify(sorted(point));
}

/**
 * Compares the current data with a backup: which listed points (by id) and events (by content id) a
 * replace would add, remove or change, and what a merge would add. Pure; the app shows it and asks before
 * restoring.
 * @param current - the registry and log held now
 * @param backup - a restored (validated) backup
 * @returns the changes of a replace and of a merge
 * @example
 * ```ts
 * const diff = diffBackup({ registry, events }, restoreBackup(text).value);
 * if (diff.replace.losesData) askFirst(diff);
 * ```
 */
export function diffBackup(current: BackupTarget, backup: Pick<TrackingBackup, "registry" | "events">): BackupDiff {
  const currentPoints = new Map(current.registry.map((point) => [point.id, point]));
  const backupPointIds = new Set(backup.registry.map((point) => point.id));
  const added: string[] = [];
  const changed: string[] = [];
  let unchangedPoints = 0;
  for (const point of backup.registry) {
    const mine = currentPoints.get(point.id);
    if (!mine) added.push(point.id);
    else if (pointContent(mine) !== pointContent(point)) changed.push(point.id);
    else unchangedPoints++;
  }
  const removed = current.registry.filter((point) => !backupPointIds.has(point.id)).map((point) => point.id);
  const currentEventIds = new Set(current.events.map((event) => event.id));
  const backupEventIds = new Set(backup.events.map((event) => event.id));
  const eventsAdded = backup.events.filter((event) => !currentEventIds.has(event.id));
  const eventsRemoved = current.events.filter((event) => !backupEventIds.has(event.id));
  return {
    replace: {
      points: { added, removed, changed, unchanged: unchangedPoints },
      events: { added: eventsAdded, removed: eventsRemoved, unchanged: current.events.length - eventsRemoved.length },
      losesData: removed.length > 0 || changed.length > 0 || eventsRemoved.length > 0,
    },
    merge: { pointsAdded: added, eventsAdded },
  };
}

/**
 * Merges a backup into the current data without losing anything of either:
 * - events are append-only and identified by their content, so the merge is their union by id: the current
 *   log in its order, then the backup's events it does not have, in the backup's order;
 * - listed points are united by id: a point both have keeps the current version (the backup's version is
 *   taken only for ids the current registry does not have), appended after the current points;
 * - the list's publication date is the current one, else the backup's.
 * @param current - the registry and log held now
 * @param backup - a restored (validated) backup
 * @returns the merged registry, log and publication date
 */
export function mergeBackup(
  current: BackupTarget,
  backup: Pick<TrackingBackup, "registry" | "events" | "listPublishedOn">,
): { registry: ListedPoint[]; events: StatusEvent[]; listPublishedOn?: string } {
  const pointIds = new Set(current.registry.map((point) => point.id));
  const eventIds = new Set(current.events.map((event) => event.id));
  const merged: { registry: ListedPoint[]; events: StatusEvent[]; listPublishedOn?: string } = {
    registry: [...current.registry, ...backup.registry.filter((point) => !pointIds.has(point.id))],
    events: [...current.events, ...backup.events.filter((event) => !eventIds.has(event.id))],
  };
  const published = current.listPublishedOn ?? backup.listPublishedOn;
  if (published) merged.listPublishedOn = published;
  return merged;
}
