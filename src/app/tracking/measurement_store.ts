/**
 * The imported field measurements, kept in the browser so a reload keeps them. They live in their own IndexedDB
 * database ("lom-song-measurements"), apart from the tracking database (tracking_storage.ts) and the loaded files
 * (file_store.ts): neither schema changes, and "Xoá đo kiểm" clears only this one. The files' bytes are stored as
 * chosen and read again by the domain's parser on load (a later parser reads old files the way it reads new ones).
 * Opened through the app's one opener (idb_database.ts); what is read back is checked with zod. An external store
 * (useSyncExternalStore) shares the parsed measurements with the map and the panel.
 */
import type { DBSchema } from "idb";
import { z } from "zod";
import { parseMeasurementsCsv, type Measurement } from "../../domain/index.ts";
import { databaseOpener, guarded } from "../storage/idb_database.ts";
import { createSharedValue } from "../state/shared_value.ts";

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
  /** True once the files shown are in the browser's storage (read from it, or their save finished). */
  saved: boolean;
}

const EMPTY: MeasurementState = { phase: "loading", measurements: [], files: [], rejected: 0, storageError: null, saved: false };
const shared = createSharedValue<MeasurementState>(EMPTY);
const set = shared.set;

/** The measurements now. */
export const getMeasurements = shared.get;

/** A storage failure, with the browser's reason. */
export class MeasurementStorageError extends Error {}

interface MeasurementDatabase extends DBSchema {
  sets: { key: string; value: SavedMeasurementFiles };
}

const zSaved = z.object({
  version: z.literal(1),
  files: z.array(z.object({ name: z.string(), bytes: z.instanceof(ArrayBuffer) })),
  savedAt: z.string(),
});

const openDatabase = databaseOpener<MeasurementDatabase>({
  name: DATABASE_NAME,
  version: DATABASE_VERSION,
  ErrorClass: MeasurementStorageError,
  upgrade(database) {
    if (!database.objectStoreNames.contains(SETS)) database.createObjectStore(SETS);
  },
});

async function write(value: SavedMeasurementFiles | null): Promise<void> {
  await guarded(MeasurementStorageError, async () => {
    const database = await openDatabase();
    const transaction = database.transaction(SETS, "readwrite", { durability: "strict" });
    await (value ? transaction.store.put(value, CURRENT) : transaction.store.delete(CURRENT));
    await transaction.done;
  });
}

async function read(): Promise<SavedMeasurementFiles | null> {
  return guarded(MeasurementStorageError, async () => {
    const saved = await (await openDatabase()).get(SETS, CURRENT);
    // Another version's record, or a damaged one, is left out rather than trusted.
    const checked = zSaved.safeParse(saved);
    return checked.success ? checked.data : null;
  });
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
      const saved = await read();
      if (getMeasurements().phase === "ready") return; // an import while reading wins
      if (!saved) {
        set({ ...EMPTY, phase: "ready" });
        return;
      }
      set({ phase: "ready", ...parseMeasurementFiles(saved.files), files: saved.files.map((file) => file.name), storageError: null, saved: true });
    } catch (error) {
      if (getMeasurements().phase !== "ready") set({ ...EMPTY, phase: "ready", storageError: error instanceof Error ? error.message : String(error) });
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
  // Shown at once, said to be kept only when the browser has written them: a reload before that would lose them.
  const shown: MeasurementState = { phase: "ready", ...parseMeasurementFiles(files), files: files.map((file) => file.name), storageError: null, saved: false };
  set(shown);
  try {
    await write({ version: 1, files: files.map((file) => ({ name: file.name, bytes: file.bytes })), savedAt: new Date().toISOString() });
    if (getMeasurements() === shown) set({ ...getMeasurements(), saved: true });
  } catch (error) {
    if (getMeasurements() === shown) set({ ...getMeasurements(), storageError: error instanceof Error ? error.message : String(error) });
  }
}

/**
 * Forgets the measurements, in the browser and then in memory ("Xoá đo kiểm").
 * @returns when deleted
 */
export async function clearMeasurements(): Promise<void> {
  // Deleted in the browser first, then on screen: what the page shows as gone stays gone after a reload, even one
  // made the moment the list disappears. A failed delete keeps the measurements, with the browser's reason.
  try {
    await write(null);
    set({ ...EMPTY, phase: "ready" });
  } catch (error) {
    set({ ...getMeasurements(), storageError: error instanceof Error ? error.message : String(error) });
  }
}

/** The measurements, re-rendering when they change. */
export const useMeasurements = shared.use;
