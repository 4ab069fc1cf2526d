/**
 * What this browser remembers of the user's choices, apart from the view (which is in the URL): the CSV flavour
 * the user exports in (comma, or semicolon with decimal commas for Excel set to the Vietnamese region), whether
 * the list's exports add the nearest carrier, and the agency's name printed on reports. They live in the app's
 * one store (`AppState.preferences`, changed by the updaters setCsvSeparator, setExportNearest, setAgency) and
 * are kept through a storage port: localStorage in the browser, memory in tests. Where localStorage is
 * unavailable (private mode, blocked storage) a choice holds for the session.
 */
import type { CsvSeparator } from "../../domain/export/to_csv.ts";
import type { AppState, Store } from "./store.ts";

/**
 * The default agency. Since 2025 the provincial Sở Thông tin và Truyền thông is merged into the Sở Khoa học và
 * Công nghệ (and the ministry into the Bộ Khoa học và Công nghệ); a province writes its own name (e.g. "Sở Khoa học
 * và Công nghệ tỉnh Lào Cai").
 */
export const DEFAULT_AGENCY = "Sở Khoa học và Công nghệ";

export interface Preferences {
  csvSeparator: CsvSeparator;
  /** Whether the list's exports add the nearest carrier and its distance (nearest_carrier, nearest_km). */
  exportNearest: boolean;
  /** The agency's name as the user wrote it, or DEFAULT_AGENCY. */
  agency: string;
}

/** What a browser that has kept nothing starts with. */
export const DEFAULT_PREFERENCES: Preferences = { csvSeparator: "comma", exportNearest: false, agency: DEFAULT_AGENCY };

/** Where the preferences are kept: a few named strings (null: not set). */
export interface PreferenceStorage {
  read(key: string): string | null;
  /** Null removes the key. Never throws: a refused write leaves the choice for the session. */
  write(key: string, value: string | null): void;
}

const KEYS = { csvSeparator: "lom-song.csv-separator", exportNearest: "lom-song.export-nearest", agency: "lom-song.agency" } as const;

/** The browser's localStorage (nothing kept where it is unavailable or refuses). */
export const browserPreferenceStorage: PreferenceStorage = {
  read(key) {
    try {
      return globalThis.localStorage?.getItem(key) ?? null;
    } catch {
      return null;
    }
  },
  write(key, value) {
    try {
      if (value === null) globalThis.localStorage?.removeItem(key);
      else globalThis.localStorage?.setItem(key, value);
    } catch {
      // Storage refused (private mode, quota): the choice still holds until the page is closed.
    }
  },
};

/**
 * Preferences kept in memory (tests).
 * @param initial - keys already set
 * @returns the storage and what it holds
 */
export function memoryPreferenceStorage(initial: Record<string, string> = {}): PreferenceStorage & { values: Map<string, string> } {
  const values = new Map(Object.entries(initial));
  return {
    values,
    read: (key) => values.get(key) ?? null,
    write: (key, value) => {
      if (value === null) values.delete(key);
      else values.set(key, value);
    },
  };
}

/**
 * Reads the preferences kept (anything unknown or missing is the default).
 * @param storage - where they are kept
 * @returns the preferences
 */
export function readPreferences(storage: PreferenceStorage): Preferences {
  return {
    csvSeparator: storage.read(KEYS.csvSeparator) === "semicolon" ? "semicolon" : "comma",
    exportNearest: storage.read(KEYS.exportNearest) === "1",
    agency: storage.read(KEYS.agency)?.trim() || DEFAULT_AGENCY,
  };
}

/**
 * Keeps the store's preferences in the storage from now on: each changed preference is written once (the agency's
 * default name removes the key, so a later default follows).
 * @param store - the app store
 * @param storage - where they are kept
 * @returns a function that stops
 */
export function startPreferenceSync(store: Store<AppState>, storage: PreferenceStorage): () => void {
  let last = store.getState().preferences;
  return store.subscribe(() => {
    const now = store.getState().preferences;
    if (now === last) return;
    if (now.csvSeparator !== last.csvSeparator) storage.write(KEYS.csvSeparator, now.csvSeparator);
    if (now.exportNearest !== last.exportNearest) storage.write(KEYS.exportNearest, now.exportNearest ? "1" : "0");
    if (now.agency !== last.agency) storage.write(KEYS.agency, now.agency === DEFAULT_AGENCY ? null : now.agency);
    last = now;
  });
}
