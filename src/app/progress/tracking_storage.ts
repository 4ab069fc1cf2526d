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
import { z } from "zod";
import type { ListedPoint } from "../../domain/progress/registry.ts";
import type { StatusEvent } from "../../domain/progress/events.ts";
import { zListedPoint, zStatusEventInput } from "../../domain/progress/event_schema.ts";

const DATABASE_NAME = "lom-song-tracking";
/** 1: stores by position; 2: an index of the events by id (for the append-only check). */
const DATABASE_VERSION = 2;
const DATA = "data";
const EVENTS = "events";
const OUTBOX = "outbox";
const BY_ID = "by_id";
/** How many automatic backups are kept (the oldest goes first). */
const AUTO_BACKUPS_KEPT = 5;

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

function fail(error: DOMException | null, fallback: string): TrackingStorageError {
  return new TrackingStorageError(error ? `${error.name}: ${error.message}` : fallback);
}

function promisify<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(fail(request.error, "IndexedDB request failed"));
  });
}

function completion(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(fail(transaction.error, "IndexedDB transaction failed"));
    transaction.onabort = () => reject(fail(transaction.error, "IndexedDB transaction aborted"));
  });
}

let databasePromise: Promise<IDBDatabase> | null = null;

function openDatabase(): Promise<IDBDatabase> {
  if (databasePromise) return databasePromise;
  databasePromise = new Promise<IDBDatabase>((resolve, reject) => {
    if (typeof indexedDB === "undefined") {
      reject(new TrackingStorageError("IndexedDB is not available (private mode?)"));
      return;
    }
    let request: IDBOpenDBRequest;
    try {
      request = indexedDB.open(DATABASE_NAME, DATABASE_VERSION);
    } catch (error) {
      reject(new TrackingStorageError(error instanceof Error ? error.message : String(error)));
      return;
    }
    request.onupgradeneeded = () => {
      const database = request.result;
      const upgrade = request.transaction!;
      if (!database.objectStoreNames.contains(DATA)) database.createObjectStore(DATA);
      for (const name of [EVENTS, OUTBOX]) {
        const store = database.objectStoreNames.contains(name) ? upgrade.objectStore(name) : database.createObjectStore(name, { keyPath: "position" });
        // Not unique: a version 1 database may hold one event twice; the append checks the index.
        if (!store.indexNames.contains(BY_ID)) store.createIndex(BY_ID, "event.id", { unique: false });
      }
    };
    request.onsuccess = () => {
      const database = request.result;
      // A newer version of the app opened in another tab: let it upgrade, and reopen on the next call.
      database.onversionchange = () => {
        database.close();
        databasePromise = null;
      };
      database.onclose = () => {
        databasePromise = null;
      };
      resolve(database);
    };
    request.onerror = () => reject(fail(request.error, "IndexedDB cannot be opened"));
    request.onblocked = () => reject(new TrackingStorageError("IndexedDB is blocked by another tab of an older version of the app: close it and try again"));
  });
  databasePromise.catch(() => {
    databasePromise = null;
  });
  return databasePromise;
}

async function transact(stores: string[], mode: IDBTransactionMode, work: (transaction: IDBTransaction) => void): Promise<void> {
  const database = await openDatabase();
  let transaction: IDBTransaction;
  try {
    transaction = database.transaction(stores, mode, { durability: "strict" });
  } catch (error) {
    throw new TrackingStorageError(error instanceof Error ? error.message : String(error));
  }
  const done = completion(transaction);
  try {
    work(transaction);
  } catch (error) {
    transaction.abort();
    await done.catch(() => undefined);
    throw new TrackingStorageError(error instanceof Error ? error.message : String(error));
  }
  await done;
}

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

/**
 * Loads everything saved, validated: a registry that fails validation is an error (nothing is overwritten);
 * an event record that fails is left in the database and counted in `invalidRecords`.
 * @returns the saved data, or null when nothing was ever saved
 */
export async function loadTracking(): Promise<LoadedTracking | null> {
  const database = await openDatabase();
  let transaction: IDBTransaction;
  try {
    transaction = database.transaction([DATA, EVENTS, OUTBOX], "readonly");
  } catch (error) {
    throw new TrackingStorageError(error instanceof Error ? error.message : String(error));
  }
  const [rawRegistry, rawBackup, eventRecords, outboxRecords] = await Promise.all([
    promisify(transaction.objectStore(DATA).get("registry")),
    promisify(transaction.objectStore(DATA).get("backup")),
    promisify(transaction.objectStore(EVENTS).getAll()),
    promisify(transaction.objectStore(OUTBOX).getAll()),
  ]);
  if (rawRegistry === undefined) return null;
  const registry = zSavedRegistry.safeParse(rawRegistry);
  if (!registry.success) throw new TrackingStorageError(`the saved list is not readable (${registry.error.issues[0]?.path.join(".")}: ${registry.error.issues[0]?.message})`);
  const backup = zBackupMark.safeParse(rawBackup);
  const events = readLog(eventRecords as LogRecord[]);
  const outbox = readLog(outboxRecords as LogRecord[]);
  return {
    registry: registry.data as SavedRegistry,
    events: events.events,
    outbox: outbox.events,
    backup: backup.success ? backup.data : null,
    invalidRecords: events.invalid + outbox.invalid,
  };
}

/** Adds the events whose id no stored record has, each after the last stored position; all in `transaction`. */
function appendMissing(transaction: IDBTransaction, storeName: string, events: readonly StatusEvent[], added: StatusEvent[]): void {
  if (events.length === 0) return;
  const store = transaction.objectStore(storeName);
  const index = store.index(BY_ID);
  const last = store.openCursor(null, "prev");
  last.onsuccess = () => {
    let next = last.result ? Number(last.result.key) + 1 : 0;
    const batch = new Set<string>();
    for (const event of events) {
      if (batch.has(event.id)) continue;
      batch.add(event.id);
      // Requests of one transaction complete in order, so positions are handed out in the events' order.
      const count = index.count(event.id);
      count.onsuccess = () => {
        if (count.result > 0) return;
        store.add({ position: next++, event });
        added.push(event);
      };
    }
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
  const added: StatusEvent[] = [];
  if (events.length === 0) return added;
  const name = target === "events" ? EVENTS : OUTBOX;
  await transact([name], "readwrite", (transaction) => appendMissing(transaction, name, events, added));
  return added;
}

/**
 * Saves the data of a first start (the sample), unless another tab saved something meanwhile.
 * @param data - the whole tracking data
 * @returns true when written, false when data was already there (load it instead)
 */
export async function seedTracking(data: SavedTracking): Promise<boolean> {
  let written = false;
  await transact([DATA, EVENTS, OUTBOX], "readwrite", (transaction) => {
    const dataStore = transaction.objectStore(DATA);
    const existing = dataStore.getKey("registry");
    existing.onsuccess = () => {
      if (existing.result !== undefined) return;
      written = true;
      dataStore.put(data.registry, "registry");
      if (data.backup) dataStore.put(data.backup, "backup");
      appendMissing(transaction, EVENTS, data.events, []);
      appendMissing(transaction, OUTBOX, data.outbox, []);
    };
  });
  return written;
}

/**
 * Replaces the registry and the log, in one transaction (all or nothing), after keeping an automatic backup
 * of what is replaced: only on an explicit choice of the user (restore "replace", reset to the sample).
 * The outbox (carriers' changes not yet sent) is kept, minus what the new log holds.
 * @param data - the new registry, log and backup mark
 * @param autoBackup - the backup of the data replaced, kept with the last few
 */
export async function replaceTracking(data: Omit<SavedTracking, "outbox">, autoBackup: AutoBackup): Promise<void> {
  await transact([DATA, EVENTS], "readwrite", (transaction) => {
    const dataStore = transaction.objectStore(DATA);
    const kept = dataStore.get("autoBackups");
    kept.onsuccess = () => {
      const list = z.array(zAutoBackup).safeParse(kept.result);
      dataStore.put([...(list.success ? list.data : []), autoBackup].slice(-AUTO_BACKUPS_KEPT), "autoBackups");
      dataStore.put(data.registry, "registry");
      if (data.backup) dataStore.put(data.backup, "backup");
      else dataStore.delete("backup");
      const events = transaction.objectStore(EVENTS);
      events.clear();
      data.events.forEach((event, position) => events.add({ position, event }));
    };
  });
}

/**
 * The automatic backups kept before a restore or a reset, newest last.
 * @returns the backups (validated; unreadable ones are left out)
 */
export async function loadAutoBackups(): Promise<AutoBackup[]> {
  const database = await openDatabase();
  const value = await promisify(database.transaction([DATA], "readonly").objectStore(DATA).get("autoBackups"));
  const list = z.array(zAutoBackup).safeParse(value ?? []);
  return list.success ? list.data : [];
}

/**
 * Saves the registry alone (the log is kept).
 * @param registry - the registry and its origin
 */
export async function saveTrackingRegistry(registry: SavedRegistry): Promise<void> {
  await transact([DATA], "readwrite", (transaction) => transaction.objectStore(DATA).put(registry, "registry"));
}

/**
 * Saves the mark of the last backup.
 * @param mark - time and event count
 */
export async function saveBackupMark(mark: BackupMark): Promise<void> {
  await transact([DATA], "readwrite", (transaction) => transaction.objectStore(DATA).put(mark, "backup"));
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

/** The channel on which the tabs of one browser profile say that they saved something. */
const CHANNEL = "lom-song-tracking";

/**
 * Tells the other tabs that the tracking data changed, and listens for them (BroadcastChannel; without it,
 * the view reloads when it becomes visible again).
 * @param onChange - called when another tab saved
 * @returns post (after a save) and close
 */
export function openTrackingChannel(onChange: () => void): { post: () => void; close: () => void } {
  if (typeof BroadcastChannel === "undefined") return { post: () => undefined, close: () => undefined };
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = () => onChange();
  return { post: () => channel.postMessage({ type: "changed" }), close: () => channel.close() };
}
