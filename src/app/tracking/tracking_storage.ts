/**
 * IndexedDB persistence of the dead-zone tracking data, in a database of its own: the registry, the
 * department's event log and the carriers' recorded changes not yet imported (the outbox), the mark of the
 * last backup and the automatic backups kept before a restore or a reset.
 *
 * Several tabs share the database, so the log is append-only in the strict sense: an event is added only
 * when no stored event has its (content) id, at the position after the last stored one, in one transaction
 * (IndexedDB runs overlapping read-write transactions one at a time, across tabs). A tab writes only what it
 * recorded itself; nothing is cleared except by an explicit replace (restore "replace", reset to the sample),
 * which first keeps an automatic backup of what it replaces, in the same transaction.
 * Every failure rejects with a TrackingStorageError carrying the browser's reason; the caller keeps the data
 * in memory and tells the user.
 */
import type { DBSchema, IDBPObjectStore, StoreNames } from "idb";
import { z } from "zod";
import type { ListedPoint } from "../../domain/tracking/registry.ts";
import type { StatusEvent } from "../../domain/tracking/events.ts";
import { zListedPoint, zStatusEventInput } from "../../domain/tracking/event_schema.ts";
import { databaseOpener, guarded } from "../storage/idb_database.ts";

const DATABASE_NAME = "lom-song-tracking";
/** 1: stores by position; 2: an index of the events by id (for the append-only check). */
const DATABASE_VERSION = 2;
const DATA = "data";
const EVENTS = "events";
const OUTBOX = "outbox";
const BY_ID = "by_id";
/** How many automatic backups are kept (the oldest goes first). */
export const AUTO_BACKUPS_KEPT = 5;

/** The registry and where it came from. */
export interface SavedRegistry {
  registry: ListedPoint[];
  file: string;
  isSample: boolean;
  listPublishedOn?: string;
  /** Events that came with the data (sample or restored backup): already safe, not counted as unsaved changes. */
  baselineEventCount?: number;
}

/** When the last backup was downloaded, and how many events the log had then. */
export interface BackupMark {
  at: string;
  eventCount: number;
}

export interface SavedTracking {
  registry: SavedRegistry;
  events: StatusEvent[];
  outbox: StatusEvent[];
  backup: BackupMark | null;
}

/** A backup made automatically before a restore or a reset replaced the data: the backup file's text. */
export interface AutoBackup {
  id: string;
  /** ISO timestamp. */
  at: string;
  reason: "restore" | "reset";
  /** The file it came from (the backup restored), when a restore. */
  file?: string;
  points: number;
  events: number;
  /** serializeBackup of the data replaced (registry and log); the outbox is kept as is. */
  text: string;
}

/** What loadTracking read back, with the records that failed validation (left in the database, not used). */
export interface LoadedTracking extends SavedTracking {
  invalidRecords: number;
}

/** A storage failure, with the browser's reason. */
export class TrackingStorageError extends Error {}

interface LogRecord {
  position: number;
  event: StatusEvent;
}

const zStoredEvent = zStatusEventInput.extend({ id: z.string().min(1) });
const zSavedRegistry = z.object({
  registry: z.array(zListedPoint),
  file: z.string(),
  isSample: z.boolean(),
  listPublishedOn: z.string().optional(),
  baselineEventCount: z.number().int().nonnegative().optional(),
});
const zBackupMark = z.object({ at: z.string(), eventCount: z.number().int().nonnegative() });
const zAutoBackup = z.object({
  id: z.string(),
  at: z.string(),
  reason: z.enum(["restore", "reset"]),
  file: z.string().optional(),
  points: z.number().int().nonnegative(),
  events: z.number().int().nonnegative(),
  text: z.string(),
});

interface TrackingDatabase extends DBSchema {
  data: { key: string; value: unknown };
  events: { key: number; value: LogRecord; indexes: { by_id: string } };
  outbox: { key: number; value: LogRecord; indexes: { by_id: string } };
}

type LogStore = typeof EVENTS | typeof OUTBOX;

const openDatabase = databaseOpener<TrackingDatabase>({
  name: DATABASE_NAME,
  version: DATABASE_VERSION,
  ErrorClass: TrackingStorageError,
  upgrade(database, _oldVersion, _newVersion, upgrade) {
    if (!database.objectStoreNames.contains(DATA)) database.createObjectStore(DATA);
    for (const name of [EVENTS, OUTBOX] as const) {
      const store = database.objectStoreNames.contains(name) ? upgrade.objectStore(name) : database.createObjectStore(name, { keyPath: "position" });
      // Not unique: a version 1 database may hold one event twice; the append checks the index.
      if (!store.indexNames.contains(BY_ID)) store.createIndex(BY_ID, "event.id", { unique: false });
    }
  },
});

function readLog(records: LogRecord[]): { events: StatusEvent[]; invalid: number } {
  const events: StatusEvent[] = [];
  const seen = new Set<string>();
  let invalid = 0;
  for (const record of records.sort((a, b) => a.position - b.position)) {
    const parsed = zStoredEvent.safeParse(record?.event);
    if (!parsed.success) invalid++;
    else if (!seen.has(parsed.data.id)) {
      seen.add(parsed.data.id);
      events.push(parsed.data as StatusEvent);
    }
  }
  return { events, invalid };
}

/** The distinct events (first of each id), in order. */
function distinct(events: readonly StatusEvent[]): StatusEvent[] {
  const seen = new Set<string>();
  return events.filter((event) => !seen.has(event.id) && seen.add(event.id) !== undefined);
}

/**
 * Adds the events whose id no stored record has, each after the last stored position (in the store's transaction).
 * @returns the events added
 */
async function appendMissing<Names extends ArrayLike<StoreNames<TrackingDatabase>>, Name extends LogStore>(
  store: IDBPObjectStore<TrackingDatabase, Names, Name, "readwrite">,
  events: readonly StatusEvent[],
): Promise<StatusEvent[]> {
  if (events.length === 0) return [];
  const last = await store.openCursor(null, "prev");
  const candidates = distinct(events);
  // Requests of one transaction complete in order; issued together, they cost one round trip each way.
  // (The key type of a generic store's index is not resolved by idb's types: it is the event id, a string.)
  const counts = await Promise.all(candidates.map((event) => store.index(BY_ID).count(event.id as never)));
  const fresh = candidates.filter((_, index) => counts[index] === 0);
  const next = last ? Number(last.key) + 1 : 0;
  await Promise.all(fresh.map((event, index) => store.add({ position: next + index, event })));
  return fresh;
}

/**
 * Loads everything saved, validated: a registry that fails validation is an error (nothing is overwritten);
 * an event record that fails is left in the database and counted in `invalidRecords`.
 * @returns the saved data, or null when nothing was ever saved
 */
export async function loadTracking(): Promise<LoadedTracking | null> {
  const database = await openDatabase();
  const [rawRegistry, rawBackup, eventRecords, outboxRecords] = await guarded(TrackingStorageError, () => {
    const transaction = database.transaction([DATA, EVENTS, OUTBOX], "readonly");
    return Promise.all([
      transaction.objectStore(DATA).get("registry"),
      transaction.objectStore(DATA).get("backup"),
      transaction.objectStore(EVENTS).getAll(),
      transaction.objectStore(OUTBOX).getAll(),
    ]);
  });
  if (rawRegistry === undefined) return null;
  const registry = zSavedRegistry.safeParse(rawRegistry);
  if (!registry.success)
    throw new TrackingStorageError(`the saved list is not readable (${registry.error.issues[0]?.path.join(".")}: ${registry.error.issues[0]?.message})`);
  const backup = zBackupMark.safeParse(rawBackup);
  const events = readLog(eventRecords);
  const outbox = readLog(outboxRecords);
  return {
    registry: registry.data as SavedRegistry,
    events: events.events,
    outbox: outbox.events,
    backup: backup.success ? backup.data : null,
    invalidRecords: events.invalid + outbox.invalid,
  };
}

/**
 * Appends events to the saved log or outbox, skipping every event already stored (same id): a tab never
 * overwrites nor duplicates what another tab saved, and saving the same events twice changes nothing.
 * @param target - "events" (the department's log) or "outbox" (carriers' changes not yet imported)
 * @param events - the events, in order
 * @returns the events that were not stored yet and now are
 */
export async function appendTrackingEvents(target: "events" | "outbox", events: readonly StatusEvent[]): Promise<StatusEvent[]> {
  if (events.length === 0) return [];
  const name = target === "events" ? EVENTS : OUTBOX;
  const database = await openDatabase();
  return guarded(TrackingStorageError, async () => {
    const transaction = database.transaction([name], "readwrite", { durability: "strict" });
    const [added] = await Promise.all([appendMissing(transaction.objectStore(name), events), transaction.done]);
    return added;
  });
}

/**
 * Saves the data of a first start (the sample), unless another tab saved something meanwhile.
 * @param data - the whole tracking data
 * @returns true when written, false when data was already there (load it instead)
 */
export async function seedTracking(data: SavedTracking): Promise<boolean> {
  const database = await openDatabase();
  return guarded(TrackingStorageError, async () => {
    const transaction = database.transaction([DATA, EVENTS, OUTBOX], "readwrite", { durability: "strict" });
    const write = async () => {
      const dataStore = transaction.objectStore(DATA);
      if ((await dataStore.getKey("registry")) !== undefined) return false;
      await Promise.all([
        dataStore.put(data.registry, "registry"),
        data.backup ? dataStore.put(data.backup, "backup") : undefined,
        appendMissing(transaction.objectStore(EVENTS), data.events),
        appendMissing(transaction.objectStore(OUTBOX), data.outbox),
      ]);
      return true;
    };
    const [written] = await Promise.all([write(), transaction.done]);
    return written;
  });
}

/**
 * Replaces the registry and the log, in one transaction (all or nothing), after keeping an automatic backup
 * of what is replaced: only on an explicit choice of the user (restore "replace", reset to the sample).
 * The outbox (carriers' changes not yet sent) is kept, minus what the new log holds.
 * @param data - the new registry, log and backup mark
 * @param autoBackup - the backup of the data replaced, kept with the last few
 */
export async function replaceTracking(data: Omit<SavedTracking, "outbox">, autoBackup: AutoBackup): Promise<void> {
  const database = await openDatabase();
  await guarded(TrackingStorageError, async () => {
    const transaction = database.transaction([DATA, EVENTS], "readwrite", { durability: "strict" });
    const write = async () => {
      const dataStore = transaction.objectStore(DATA);
      const kept = z.array(zAutoBackup).safeParse(await dataStore.get("autoBackups"));
      const events = transaction.objectStore(EVENTS);
      await Promise.all([
        dataStore.put([...(kept.success ? kept.data : []), autoBackup].slice(-AUTO_BACKUPS_KEPT), "autoBackups"),
        dataStore.put(data.registry, "registry"),
        data.backup ? dataStore.put(data.backup, "backup") : dataStore.delete("backup"),
        events.clear(),
        ...data.events.map((event, position) => events.add({ position, event })),
      ]);
    };
    await Promise.all([write(), transaction.done]);
  });
}

/**
 * The automatic backups kept before a restore or a reset, newest last.
 * @returns the backups (validated; unreadable ones are left out)
 */
export async function loadAutoBackups(): Promise<AutoBackup[]> {
  const database = await openDatabase();
  const value = await guarded(TrackingStorageError, () => database.get(DATA, "autoBackups"));
  const list = z.array(zAutoBackup).safeParse(value ?? []);
  return list.success ? list.data : [];
}

async function putData(key: "registry" | "backup", value: SavedRegistry | BackupMark): Promise<void> {
  const database = await openDatabase();
  await guarded(TrackingStorageError, async () => {
    const transaction = database.transaction([DATA], "readwrite", { durability: "strict" });
    await Promise.all([transaction.objectStore(DATA).put(value, key), transaction.done]);
  });
}

/**
 * Saves the registry alone (the log is kept).
 * @param registry - the registry and its origin
 */
export async function saveTrackingRegistry(registry: SavedRegistry): Promise<void> {
  await putData("registry", registry);
}

/**
 * Saves the mark of the last backup.
 * @param mark - time and event count
 */
export async function saveBackupMark(mark: BackupMark): Promise<void> {
  await putData("backup", mark);
}

/**
 * Asks the browser to keep the data (navigator.storage.persist).
 * @returns granted, denied, or unsupported when the browser has no such API
 */
export async function requestPersistence(): Promise<"granted" | "denied" | "unsupported"> {
  if (typeof navigator === "undefined" || !navigator.storage || typeof navigator.storage.persist !== "function") return "unsupported";
  try {
    if (typeof navigator.storage.persisted === "function" && (await navigator.storage.persisted())) return "granted";
    return (await navigator.storage.persist()) ? "granted" : "denied";
  } catch {
    return "denied";
  }
}

/**
 * Where the tracking data is kept: the port the controller writes through. The app uses IndexedDB
 * (`indexedDbTrackingStorage`); tests and a future desktop shell can give another implementation with the same
 * rules (tracking_memory_storage.ts; tracking_storage.test.ts runs the same cases on both).
 */
export interface TrackingStorage {
  /** Everything saved, validated; null when nothing was ever saved. */
  load(): Promise<LoadedTracking | null>;
  /** Appends the events no stored event has the id of; returns those added. */
  append(target: "events" | "outbox", events: readonly StatusEvent[]): Promise<StatusEvent[]>;
  /** Saves the first data unless some is there already; true when written. */
  seed(data: SavedTracking): Promise<boolean>;
  /** Replaces registry and log after keeping `autoBackup` (the last few are kept). */
  replace(data: Omit<SavedTracking, "outbox">, autoBackup: AutoBackup): Promise<void>;
  /** The automatic backups, newest last. */
  autoBackups(): Promise<AutoBackup[]>;
  saveRegistry(registry: SavedRegistry): Promise<void>;
  saveBackupMark(mark: BackupMark): Promise<void>;
  /** Asks for storage that the browser does not evict. */
  requestPersistence(): Promise<"granted" | "denied" | "unsupported">;
}

/** The tracking data in this browser profile's IndexedDB, shared by its tabs. */
export const indexedDbTrackingStorage: TrackingStorage = {
  load: loadTracking,
  append: appendTrackingEvents,
  seed: seedTracking,
  replace: replaceTracking,
  autoBackups: loadAutoBackups,
  saveRegistry: saveTrackingRegistry,
  saveBackupMark,
  requestPersistence,
};
