/**
 * Opening one of the app's IndexedDB databases, through `idb` (a small, typed promise wrapper, the one
 * Placemark and most PWAs use), with the habits every store here needs:
 * - one connection per database and tab, reopened after the browser closed it or a newer version of the
 *   app asked it to step aside (`versionchange`: close, let the other tab upgrade, reopen on the next call);
 * - every failure becomes the store's own error class carrying the browser's reason (the caller keeps the
 *   data in memory and tells the user), and "blocked by an older tab" is an error, not a wait forever.
 */
import { openDB, type DBSchema, type IDBPDatabase, type OpenDBCallbacks } from "idb";

/** What a store says when IndexedDB fails: its own error class. */
export type StorageErrorClass = new (message: string) => Error;

/**
 * The browser's reason, as one line.
 * @param error - what IndexedDB or idb threw
 * @returns "QuotaExceededError: …" or the message
 */
export function storageReason(error: unknown): string {
  if (error instanceof DOMException) return `${error.name}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs an IndexedDB operation, turning any failure into `ErrorClass` with the browser's reason.
 * @param ErrorClass - the store's error class
 * @param work - the operation
 * @returns what the operation returned
 */
export async function guarded<T>(ErrorClass: StorageErrorClass, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ErrorClass) throw error;
    throw new ErrorClass(storageReason(error));
  }
}

/** A database's name, version, upgrade and error class. */
export interface DatabaseSpec<Schema extends DBSchema> {
  name: string;
  version: number;
  upgrade: OpenDBCallbacks<Schema>["upgrade"];
  ErrorClass: StorageErrorClass;
}

/**
 * The connection of one database, opened on first use and reopened after it was closed.
 * @param spec - name, version, upgrade and error class
 * @returns a function giving the open database (rejects with `spec.ErrorClass`)
 */
export function databaseOpener<Schema extends DBSchema>(spec: DatabaseSpec<Schema>): () => Promise<IDBPDatabase<Schema>> {
  let opening: Promise<IDBPDatabase<Schema>> | null = null;
  return () => {
    if (opening) return opening;
    const forget = () => {
      opening = null;
    };
    opening = new Promise<IDBPDatabase<Schema>>((resolve, reject) => {
      if (typeof indexedDB === "undefined") {
        reject(new spec.ErrorClass("IndexedDB is not available (private mode?)"));
        return;
      }
      openDB<Schema>(spec.name, spec.version, {
        upgrade: spec.upgrade,
        blocked: () => reject(new spec.ErrorClass("IndexedDB is blocked by another tab of an older version of the app: close it and try again")),
        blocking: () => {
          // A newer version of the app opened in another tab: let it upgrade, and reopen on the next call.
          void opening?.then((database) => database.close());
          forget();
        },
        terminated: forget,
      }).then(resolve, (error: unknown) => reject(new spec.ErrorClass(storageReason(error))));
    });
    opening.catch(forget);
    return opening;
  };
}
