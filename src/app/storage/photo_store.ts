/**
 * The photos attached to claims, in IndexedDB, keyed by the SHA-256 of their bytes: a carrier's photos until
 * its packet is sent, the photos a department imported from packets. A database of its own
 * ("lom-song-photos"), not a new store in the tracking database: opening it never upgrades (nor can block)
 * the tracking database, whose events stay exactly as they are, and an older tab of the app keeps working.
 * Photos are written once per hash and never rewritten (the same bytes give the same key).
 */
import { PHOTO_TYPES, type PhotoRef } from "../../domain/tracking/events.ts";

const DATABASE_NAME = "lom-song-photos";
/** 1: one store of photos by hash. */
const DATABASE_VERSION = 1;
const PHOTOS = "photos";

/** A stored photo. */
export interface StoredPhoto {
  ref: PhotoRef;
  bytes: Uint8Array;
}

interface PhotoRecord {
  hash: string;
  name: string;
  size: number;
  type: string;
  bytes: Uint8Array;
  storedAt: string;
}

/** A storage failure, with the browser's reason. */
export class PhotoStorageError extends Error {}

function promisify<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(new PhotoStorageError(request.error ? `${request.error.name}: ${request.error.message}` : "IndexedDB request failed"));
  });
}

let databasePromise: Promise<IDBDatabase> | null = null;

function openDatabase(): Promise<IDBDatabase> {
  if (databasePromise) return databasePromise;
  databasePromise = new Promise<IDBDatabase>((resolve, reject) => {
    if (typeof indexedDB === "undefined") {
      reject(new PhotoStorageError("IndexedDB is not available (private mode?)"));
      return;
    }
    const request = indexedDB.open(DATABASE_NAME, DATABASE_VERSION);
    request.onupgradeneeded = () => {
      const database = request.result;
      if (!database.objectStoreNames.contains(PHOTOS)) database.createObjectStore(PHOTOS, { keyPath: "hash" });
    };
    request.onsuccess = () => {
      const database = request.result;
      database.onversionchange = () => {
        database.close();
        databasePromise = null;
      };
      resolve(database);
    };
    request.onerror = () => reject(new PhotoStorageError(request.error ? `${request.error.name}: ${request.error.message}` : "IndexedDB cannot be opened"));
    request.onblocked = () => reject(new PhotoStorageError("IndexedDB is blocked by another tab of an older version of the app: close it and try again"));
  });
  databasePromise.catch(() => {
    databasePromise = null;
  });
  return databasePromise;
}

/**
 * The SHA-256 of a photo's bytes, as the domain's sha256Hex gives it.
 * @param bytes - the photo
 * @returns 64 lowercase hex digits
 */
export async function hashPhoto(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", bytes);
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

/**
 * Stores photos (a photo already stored under its hash is left as it is), in one transaction.
 * @param photos - the references and bytes (the bytes must match the hash: the caller hashed or verified them)
 */
export async function putPhotos(photos: readonly StoredPhoto[]): Promise<void> {
  if (photos.length === 0) return;
  const database = await openDatabase();
  const transaction = database.transaction([PHOTOS], "readwrite", { durability: "strict" });
  const done = new Promise<void>((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () =>
      reject(new PhotoStorageError(transaction.error ? `${transaction.error.name}: ${transaction.error.message}` : "IndexedDB transaction failed"));
    transaction.onabort = () =>
      reject(new PhotoStorageError(transaction.error ? `${transaction.error.name}: ${transaction.error.message}` : "IndexedDB transaction aborted"));
  });
  const store = transaction.objectStore(PHOTOS);
  const storedAt = new Date().toISOString();
  for (const { ref, bytes } of photos) {
    const existing = store.getKey(ref.hash);
    existing.onsuccess = () => {
      if (existing.result !== undefined) return;
      // A view into a larger buffer (an entry of the packet) is copied, or the whole buffer would be stored.
      const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
      const record: PhotoRecord = { hash: ref.hash, name: ref.name, size: ref.size, type: ref.type, bytes: own, storedAt };
      store.add(record);
    };
  }
  await done;
}

function asPhoto(record: unknown): StoredPhoto | null {
  const value = record as Partial<PhotoRecord> | undefined;
  if (!value || typeof value.hash !== "string" || !(value.bytes instanceof Uint8Array)) return null;
  const type = PHOTO_TYPES.find((candidate) => candidate === value.type);
  if (!type) return null;
  return { ref: { hash: value.hash, name: String(value.name ?? ""), size: Number(value.size ?? value.bytes.length), type }, bytes: value.bytes };
}

/**
 * Reads photos by hash.
 * @param hashes - the hashes wanted
 * @returns the photos found, by hash (a hash not stored is absent)
 */
export async function getPhotos(hashes: readonly string[]): Promise<Map<string, StoredPhoto>> {
  const found = new Map<string, StoredPhoto>();
  if (hashes.length === 0) return found;
  const database = await openDatabase();
  const store = database.transaction([PHOTOS], "readonly").objectStore(PHOTOS);
  const records = await Promise.all([...new Set(hashes)].map((hash) => promisify(store.get(hash))));
  for (const record of records) {
    const photo = asPhoto(record);
    if (photo) found.set(photo.ref.hash, photo);
  }
  return found;
}

/**
 * How many photos are stored and their total size (for the data panel).
 * @returns the count and bytes
 */
export async function photoStoreSize(): Promise<{ count: number; bytes: number }> {
  const database = await openDatabase();
  const records = (await promisify(database.transaction([PHOTOS], "readonly").objectStore(PHOTOS).getAll())) as unknown[];
  let bytes = 0;
  for (const record of records) bytes += asPhoto(record)?.bytes.length ?? 0;
  return { count: records.length, bytes };
}
