/**
 * The imported field measurements, kept in the browser so a reload keeps them. They live in their own IndexedDB
 * database ("lom-song-measurements"), apart from the tracking database (tracking_storage.ts) and the loaded files
 * (file_store.ts): neither schema changes, and "Xoá đo kiểm" clears only this one. The files' bytes are stored as
 * chosen and read again by the domain's parser on load (a later parser reads old files the way it reads new ones).
 * An external store (useSyncExternalStore) shares the parsed measurements with the map and the panel.
 */
import { useSyncExternalStore } from "react";
import { parseMeasurementsCsv, type Measurement } from "../../domain/index.ts";

const DATABASE_NAME = "lom-song-measurements";
const DATABASE_VERSION = 1;
const SETS = "sets";
const CURRENT = "current";

/** What is saved: the files as chosen, in order. */
export interface SavedMeasurementFiles {
  version: 1;
  files: { name: string; bytes: ArrayBuffer }[];
  savedAt: string;
}

/** The measurements in memory. */
export interface MeasurementState {
  /** "loading" until the saved files are read (or found absent). */
  phase: "loading" | "ready";
  measurements: Measurement[];
  files: string[];
  rejected: number;
  /** Why the last save or load failed (the measurements stay in memory for the session), or null. */
  storageError: string | null;
}

const EMPTY: MeasurementState = { phase: "loading", measurements: [], files: [], rejected: 0, storageError: null };
let current: MeasurementState = EMPTY;
const listeners = new Set<() => void>();

function set(next: MeasurementState): void {
  current = next;
  for (const listener of listeners) listener();
}

function promisify<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(new Error(request.error?.message ?? "IndexedDB request failed"));
  });
}

let databasePromise: Promise<IDBDatabase> | null = null;

function openDatabase(): Promise<IDBDatabase> {
  if (databasePromise) return databasePromise;
  databasePromise = new Promise<IDBDatabase>((resolve, reject) => {
    if (typeof indexedDB === "undefined") {
      reject(new Error("IndexedDB is not available"));
      return;
    }
    const request = indexedDB.open(DATABASE_NAME, DATABASE_VERSION);
    request.onupgradeneeded = () => {
      if (!request.result.objectStoreNames.contains(SETS)) request.result.createObjectStore(SETS);
    };
    request.onsuccess = () => {
      const database = request.result;
      database.onversionchange = () => {
        database.close();
        databasePromise = null;
      };
      resolve(database);
    };
    request.onerror = () => reject(new Error(request.error?.message ?? "IndexedDB cannot be opened"));
    request.onblocked = () => reject(new Error("IndexedDB is blocked by another tab"));
  });
  databasePromise.catch(() => {
    databasePromise = null;
  });
  return databasePromise;
}

async function write(value: SavedMeasurementFiles | null): Promise<void> {
  const database = await openDatabase();
  const transaction = database.transaction([SETS], "readwrite", { durability: "strict" });
  const done = new Promise<void>((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(new Error(transaction.error?.message ?? "IndexedDB transaction failed"));
    transaction.onabort = () => reject(new Error(transaction.error?.message ?? "IndexedDB transaction aborted"));
  });
  if (value) transaction.objectStore(SETS).put(value, CURRENT);
  else transaction.objectStore(SETS).delete(CURRENT);
  await done;
}

/**
 * Reads measurement files with the domain's parser.
 * @param files - name and bytes of each file
 * @returns the measurements of every file, in order, and the rows rejected
 */
export function parseMeasurementFiles(files: readonly { name: string; bytes: ArrayBuffer }[]): { measurements: Measurement[]; rejected: number } {
  const measurements: Measurement[] = [];
  let rejected = 0;
  for (const file of files) {
    const result = parseMeasurementsCsv(new Uint8Array(file.bytes), { file: file.name });
    for (const item of result.items) measurements.push(item);
    rejected += result.report.rejected;
  }
  return { measurements, rejected };
}

let started: Promise<void> | null = null;

/**
 * Reads the saved measurements once (later calls wait for the same read).
 * @returns when the measurements are in memory
 */
export function loadMeasurements(): Promise<void> {
  started ??= (async () => {
    try {
      const database = await openDatabase();
      const saved = (await promisify(database.transaction([SETS], "readonly").objectStore(SETS).get(CURRENT))) as SavedMeasurementFiles | undefined;
      if (current.phase === "ready") return; // an import while reading wins
      if (!saved || saved.version !== 1) {
        set({ ...EMPTY, phase: "ready" });
        return;
      }
      set({ phase: "ready", ...parseMeasurementFiles(saved.files), files: saved.files.map((file) => file.name), storageError: null });
    } catch (error) {
      if (current.phase !== "ready") set({ ...EMPTY, phase: "ready", storageError: error instanceof Error ? error.message : String(error) });
    }
  })();
  return started;
}

/**
 * Replaces the measurements with these files, and saves them.
 * @param files - name and bytes of each chosen file
 * @returns when saved (a failed save is kept in `storageError`; the measurements stay in memory)
 */
export async function importMeasurementFiles(files: readonly { name: string; bytes: ArrayBuffer }[]): Promise<void> {
  set({ phase: "ready", ...parseMeasurementFiles(files), files: files.map((file) => file.name), storageError: null });
  try {
    await write({ version: 1, files: files.map((file) => ({ name: file.name, bytes: file.bytes })), savedAt: new Date().toISOString() });
  } catch (error) {
    set({ ...current, storageError: error instanceof Error ? error.message : String(error) });
  }
}

/**
 * Forgets the measurements, in memory and in the browser ("Xoá đo kiểm").
 * @returns when deleted
 */
export async function clearMeasurements(): Promise<void> {
  set({ ...EMPTY, phase: "ready" });
  try {
    await write(null);
  } catch (error) {
    set({ ...current, storageError: error instanceof Error ? error.message : String(error) });
  }
}

/**
 * The measurements now.
 * @returns the state
 */
export function getMeasurements(): MeasurementState {
  return current;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * The measurements, re-rendering when they change.
 * @returns the state
 */
export function useMeasurements(): MeasurementState {
  return useSyncExternalStore(subscribe, getMeasurements, getMeasurements);
}
