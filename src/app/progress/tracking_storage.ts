/**
 * IndexedDB persistence of the dead-zone tracking data, in a database of its own: the registry, the
 * department's event log (append-only: events are only ever added, each under its position) and the
 * carriers' recorded changes not yet imported (the outbox), plus the mark of the last backup.
 * Every failure rejects with a StorageError carrying the browser's reason; the caller keeps the data in
 * memory and tells the user.
 */
import type { ListedPoint } from "../../domain/progress/registry.ts";
import type { StatusEvent } from "../../domain/progress/events.ts";

const DATABASE_NAME = "lom-song-tracking";
const DATABASE_VERSION = 1;
const DATA = "data";
const EVENTS = "events";
const OUTBOX = "outbox";

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

/** A storage failure, with the browser's reason. */
export class TrackingStorageError extends Error {}

interface LogRecord {
  position: number;
  event: StatusEvent;
}

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
      if (!database.objectStoreNames.contains(DATA)) database.createObjectStore(DATA);
      if (!database.objectStoreNames.contains(EVENTS)) database.createObjectStore(EVENTS, { keyPath: "position" });
      if (!database.objectStoreNames.contains(OUTBOX)) database.createObjectStore(OUTBOX, { keyPath: "position" });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(fail(request.error, "IndexedDB cannot be opened"));
    request.onblocked = () => reject(new TrackingStorageError("IndexedDB is blocked by another tab"));
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
  work(transaction);
  await done;
}

/**
 * Loads everything saved.
 * @returns the saved data, or null when nothing was ever saved
 */
export async function loadTracking(): Promise<SavedTracking | null> {
  const database = await openDatabase();
  const transaction = database.transaction([DATA, EVENTS, OUTBOX], "readonly");
  const registry = (await promisify(transaction.objectStore(DATA).get("registry"))) as SavedRegistry | undefined;
  if (!registry) return null;
  const backup = ((await promisify(transaction.objectStore(DATA).get("backup"))) as BackupMark | undefined) ?? null;
  const events = ((await promisify(transaction.objectStore(EVENTS).getAll())) as LogRecord[]).sort((a, b) => a.position - b.position).map((record) => record.event);
  const outbox = ((await promisify(transaction.objectStore(OUTBOX).getAll())) as LogRecord[]).sort((a, b) => a.position - b.position).map((record) => record.event);
  return { registry, events, outbox, backup };
}

/**
 * Replaces everything saved in one transaction (all or nothing): used on first start, reset, restore and
 * "try saving again" after a failure.
 * @param data - the whole tracking data
 */
export async function saveAllTracking(data: SavedTracking): Promise<void> {
  await transact([DATA, EVENTS, OUTBOX], "readwrite", (transaction) => {
    const dataStore = transaction.objectStore(DATA);
    dataStore.put(data.registry, "registry");
    if (data.backup) dataStore.put(data.backup, "backup");
    else dataStore.delete("backup");
    const events = transaction.objectStore(EVENTS);
    events.clear();
    data.events.forEach((event, position) => events.add({ position, event }));
    const outbox = transaction.objectStore(OUTBOX);
    outbox.clear();
    data.outbox.forEach((event, position) => outbox.add({ position, event }));
  });
}

/**
 * Appends events to the saved log or outbox. `add` refuses an existing position, so a saved event is never
 * overwritten.
 * @param target - "events" (the department's log) or "outbox" (carriers' changes not yet imported)
 * @param events - the new events
 * @param firstPosition - the position of the first one (the length of the list before them)
 */
export async function appendTrackingEvents(target: "events" | "outbox", events: readonly StatusEvent[], firstPosition: number): Promise<void> {
  if (events.length === 0) return;
  await transact([target === "events" ? EVENTS : OUTBOX], "readwrite", (transaction) => {
    const store = transaction.objectStore(target === "events" ? EVENTS : OUTBOX);
    events.forEach((event, index) => store.add({ position: firstPosition + index, event }));
  });
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
