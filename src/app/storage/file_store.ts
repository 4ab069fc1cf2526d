/**
 * IndexedDB persistence of the loaded data: the raw bytes of every imported file with the options
 * chosen in the preview, so that a reload analyses the very same inputs again. Sample files are
 * stored by reference (their kind), since the app bundles them.
 *
 * What is read back is validated (zod) before use: a record another version of the app wrote, or one the
 * browser damaged, is left out rather than trusted.
 *
 * A file's bytes are stored as a Blob: IndexedDB writes a Blob's contents off the main thread, whereas an
 * ArrayBuffer is serialised in the `put` call itself (a national coverage file of 96 MB: a main-thread task of
 * 0.3–0.8 s, and a further copy in the tab's memory). Records saved as an ArrayBuffer before are read as well.
 */
import type { DBSchema } from "idb";
import { z } from "zod";
import type { LoadedFile, LoadedFileKind } from "../../workers/messages.ts";
import { databaseOpener, guarded } from "./idb_database.ts";

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

/** A file as stored: its bytes in a Blob (an ArrayBuffer in what earlier versions saved). */
type StoredFile = Omit<LoadedFile, "bytes"> & { bytes: Blob | ArrayBuffer };

interface FileDatabase extends DBSchema {
  files: { key: string; value: StoredFile };
  meta: { key: string; value: SavedDataset };
}

const zKind = z.enum(["points", "coverage", "admin"]);
const zSavedDataset = z.object({
  version: z.literal(1),
  sampleKinds: z.array(zKind),
  sampleNames: z.array(z.string()).optional(),
  fileIds: z.array(z.string()),
  savedAt: z.string(),
});
const zLoadedFile = z.object({
  id: z.string().min(1),
  name: z.string(),
  kind: zKind,
  bytes: z.union([z.instanceof(Blob), z.instanceof(ArrayBuffer)]),
  options: z.record(z.string(), z.unknown()),
  isSample: z.boolean(),
});

const openDatabase = databaseOpener<FileDatabase>({
  name: "lom-song",
  version: 1,
  ErrorClass: StorageError,
  upgrade(database) {
    if (!database.objectStoreNames.contains(FILES)) database.createObjectStore(FILES, { keyPath: "id" });
    if (!database.objectStoreNames.contains(META)) database.createObjectStore(META);
  },
});

/** The Blob made of each file's bytes (a file saved again is not copied again: its bytes never change). */
const blobs = new WeakMap<ArrayBuffer, Blob>();

function blobOf(bytes: ArrayBuffer): Blob {
  let blob = blobs.get(bytes);
  if (!blob) {
    blob = new Blob([bytes]);
    blobs.set(bytes, blob);
  }
  return blob;
}

/**
 * Replaces the saved dataset in one transaction (all or nothing).
 * @param files - every loaded file; sample files are saved by kind only
 */
export async function saveDataset(files: readonly LoadedFile[]): Promise<void> {
  // A task of its own: the caller has usually just committed a new analysis, whose render should not wait for the copy.
  await new Promise((resolve) => setTimeout(resolve, 0));
  const database = await openDatabase();
  await guarded(StorageError, async () => {
    const transaction = database.transaction([FILES, META], "readwrite", { durability: "strict" });
    const userFiles = files.filter((file) => !file.isSample);
    const meta: SavedDataset = {
      version: 1,
      sampleKinds: [...new Set(files.filter((file) => file.isSample).map((file) => file.kind))],
      sampleNames: files.filter((file) => file.isSample).map((file) => file.name),
      fileIds: userFiles.map((file) => file.id),
      savedAt: new Date().toISOString(),
    };
    const fileStore = transaction.objectStore(FILES);
    await Promise.all([
      fileStore.clear(),
      ...userFiles.map(({ blob, ...file }) => fileStore.put({ ...file, bytes: blob ?? blobOf(file.bytes ?? new ArrayBuffer(0)) })),
      transaction.objectStore(META).put(meta, "dataset"),
      transaction.done,
    ]);
  });
}

/**
 * Loads the saved dataset.
 * @returns the saved description and the user's files (those that read back valid), or null when nothing
 *   was ever saved or the description itself is unreadable
 */
export async function loadDataset(): Promise<{ meta: SavedDataset; files: LoadedFile[] } | null> {
  const database = await openDatabase();
  return guarded(StorageError, async () => {
    const transaction = database.transaction([FILES, META], "readonly");
    const [rawMeta, stored] = await Promise.all([transaction.objectStore(META).get("dataset"), transaction.objectStore(FILES).getAll()]);
    if (rawMeta === undefined) return null;
    const meta = zSavedDataset.safeParse(rawMeta);
    if (!meta.success) throw new StorageError(`the saved files are not readable (${meta.error.issues[0]?.path.join(".")}: ${meta.error.issues[0]?.message})`);
    const byId = new Map<string, StoredFile>();
    for (const file of stored) if (zLoadedFile.safeParse(file).success) byId.set(file.id, file);
    const files: LoadedFile[] = [];
    for (const id of meta.data.fileIds) {
      const file = byId.get(id);
      // The stored Blob is not read here: the worker reads it (see LoadedFile.bytes), and a save stores it again by reference.
      if (!file) continue;
      const { bytes, ...rest } = file;
      files.push(bytes instanceof Blob ? { ...rest, blob: bytes } : { ...rest, bytes });
    }
    return { meta: meta.data, files };
  });
}

/** Forgets everything saved, so the next start shows the sample data again. */
export async function clearSavedDataset(): Promise<void> {
  const database = await openDatabase();
  await guarded(StorageError, async () => {
    const transaction = database.transaction([FILES, META], "readwrite");
    await Promise.all([transaction.objectStore(FILES).clear(), transaction.objectStore(META).clear(), transaction.done]);
  });
}
