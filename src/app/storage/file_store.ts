/**
 * IndexedDB persistence of the loaded data: the raw bytes of every imported file with the options
 * chosen in the preview, so that a reload analyses the very same inputs again. Sample files are
 * stored by reference (their kind), since the app bundles them.
 */
import type { LoadedFile, LoadedFileKind } from "../../workers/messages.ts";

const DATABASE_NAME = "lom-song";
const DATABASE_VERSION = 1;
const FILES = "files";
const META = "meta";

/** What is saved besides the files. */
export interface SavedDataset {
  version: 1;
  /** Kinds of the bundled sample that stay loaded alongside the user's files. */
  sampleKinds: LoadedFileKind[];
  /** The bundled sample files that stay loaded, by name (one sample coverage file may be removed and not the other). Absent in data saved before. */
  sampleNames?: string[];
  /** Ids of the user's files, in import order. */
  fileIds: string[];
  savedAt: string;
}

/** A storage failure, with the browser's reason. */
export class StorageError extends Error {}

function promisify<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(new StorageError(request.error?.message ?? "IndexedDB error"));
  });
}

function completion(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(new StorageError(transaction.error?.message ?? "IndexedDB transaction failed"));
    transaction.onabort = () => reject(new StorageError(transaction.error?.message ?? "IndexedDB transaction aborted"));
  });
}

let databasePromise: Promise<IDBDatabase> | null = null;

function openDatabase(): Promise<IDBDatabase> {
  if (databasePromise) return databasePromise;
  databasePromise = new Promise<IDBDatabase>((resolve, reject) => {
    if (typeof indexedDB === "undefined") {
      reject(new StorageError("IndexedDB is not available"));
      return;
    }
    const request = indexedDB.open(DATABASE_NAME, DATABASE_VERSION);
    request.onupgradeneeded = () => {
      const database = request.result;
      if (!database.objectStoreNames.contains(FILES)) database.createObjectStore(FILES, { keyPath: "id" });
      if (!database.objectStoreNames.contains(META)) database.createObjectStore(META);
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(new StorageError(request.error?.message ?? "IndexedDB cannot be opened"));
    request.onblocked = () => reject(new StorageError("IndexedDB is blocked by another tab"));
  });
  databasePromise.catch(() => {
    databasePromise = null;
  });
  return databasePromise;
}

/**
 * Replaces the saved dataset in one transaction (all or nothing).
 * @param files - every loaded file; sample files are saved by kind only
 */
export async function saveDataset(files: readonly LoadedFile[]): Promise<void> {
  const database = await openDatabase();
  const transaction = database.transaction([FILES, META], "readwrite", { durability: "strict" });
  const done = completion(transaction);
  const fileStore = transaction.objectStore(FILES);
  fileStore.clear();
  const userFiles = files.filter((file) => !file.isSample);
  for (const file of userFiles) fileStore.put(file);
  const meta: SavedDataset = {
    version: 1,
    sampleKinds: [...new Set(files.filter((file) => file.isSample).map((file) => file.kind))],
    sampleNames: files.filter((file) => file.isSample).map((file) => file.name),
    fileIds: userFiles.map((file) => file.id),
    savedAt: new Date().toISOString(),
  };
  transaction.objectStore(META).put(meta, "dataset");
  await done;
}

/**
 * Loads the saved dataset.
 * @returns the saved description and the user's files, or null when nothing was ever saved
 */
export async function loadDataset(): Promise<{ meta: SavedDataset; files: LoadedFile[] } | null> {
  const database = await openDatabase();
  const transaction = database.transaction([FILES, META], "readonly");
  const meta = (await promisify(transaction.objectStore(META).get("dataset"))) as SavedDataset | undefined;
  if (!meta) return null;
  const stored = (await promisify(transaction.objectStore(FILES).getAll())) as LoadedFile[];
  const byId = new Map(stored.map((file) => [file.id, file]));
  const files = meta.fileIds.map((id) => byId.get(id)).filter((file): file is LoadedFile => file !== undefined);
  return { meta, files };
}

/** Forgets everything saved, so the next start shows the sample data again. */
export async function clearSavedDataset(): Promise<void> {
  const database = await openDatabase();
  const transaction = database.transaction([FILES, META], "readwrite");
  const done = completion(transaction);
  transaction.objectStore(FILES).clear();
  transaction.objectStore(META).clear();
  await done;
}
