/**
 * The rows of the last imported list that could not be placed ("Chưa định vị"), and the department's
 * choices for such rows. Both are kept in localStorage, apart from the tracking database, so a reload
 * keeps them; a choice is remembered under the row's place key (`registryRowKey`) and applied again when a
 * list with that row is imported later.
 */
import type { ImportReport } from "../../domain/issues.ts";
import type { UnlocatedRow } from "../../domain/tracking/parse_registry.ts";
import { createStore, useStore } from "../state/store.ts";

const ROWS_KEY = "lom-song-unlocated";
const CHOICES_KEY = "lom-song-unlocated-choices";

export interface UnlocatedState {
  /** The file the rows come from. */
  file: string;
  rows: UnlocatedRow[];
  /** How the last import placed its rows (report.located). */
  located: NonNullable<ImportReport["located"]> | null;
}

function read<T>(key: string, fallback: T): T {
  try {
    const text = globalThis.localStorage?.getItem(key);
    return text ? (JSON.parse(text) as T) : fallback;
  } catch {
    return fallback;
  }
}

function write(key: string, value: unknown): void {
  try {
    globalThis.localStorage?.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or blocked: the rows stay in memory for the session.
  }
}

const store = createStore<UnlocatedState>(read<UnlocatedState>(ROWS_KEY, { file: "", rows: [], located: null }));

/**
 * Records what an import left to place (replacing the previous list's rows).
 * @param file - the file name
 * @param rows - the unlocated rows
 * @param located - the report's placement counts
 */
export function setUnlocated(file: string, rows: UnlocatedRow[], located: ImportReport["located"]): void {
  const state = { file, rows, located: located ?? null };
  store.setState(state);
  write(ROWS_KEY, state);
}

/**
 * Removes a row once placed, and remembers the choice for the next import.
 * @param row - the row
 * @param pointId - the chosen point
 */
export function resolveUnlocated(row: UnlocatedRow, pointId: string): void {
  write(CHOICES_KEY, { ...unlocatedChoices(), [row.key]: pointId });
  const current = store.getState();
  const located = current.located ? { ...current.located, chosen: current.located.chosen + 1, notLocated: Math.max(0, current.located.notLocated - 1) } : null;
  const state = { ...current, rows: current.rows.filter((other) => other !== row && !(other.row === row.row && other.file === row.file)), located };
  store.setState(state);
  write(ROWS_KEY, state);
}

/**
 * The remembered choices: row key → point id.
 * @returns the choices
 */
export function unlocatedChoices(): Record<string, string> {
  return read<Record<string, string>>(CHOICES_KEY, {});
}

/**
 * Reads the unlocated rows and re-renders when they change.
 * @returns the state
 */
export function useUnlocated(): UnlocatedState {
  return useStore(store, (state) => state);
}
