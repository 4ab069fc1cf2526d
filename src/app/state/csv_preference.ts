/**
 * The CSV flavour the user exports in (comma, or semicolon with decimal commas for Excel set to the
 * Vietnamese region), remembered in this browser. A preference, not view state: it is not in the URL.
 * Where localStorage is unavailable (private mode, blocked storage) the choice holds for the session.
 */
import { useSyncExternalStore } from "react";
import type { CsvSeparator } from "../../domain/export/to_csv.ts";

const STORAGE_KEY = "lom-song.csv-separator";
const listeners = new Set<() => void>();
let current: CsvSeparator = readStored();

function readStored(): CsvSeparator {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) === "semicolon" ? "semicolon" : "comma";
  } catch {
    return "comma";
  }
}

/**
 * The current CSV flavour.
 * @returns `comma` or `semicolon`
 */
export function getCsvSeparator(): CsvSeparator {
  return current;
}

/**
 * Chooses the CSV flavour for every CSV export, and remembers it when the browser lets us.
 * @param separator - `comma` or `semicolon`
 */
export function setCsvSeparator(separator: CsvSeparator): void {
  current = separator;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, separator);
  } catch {
    // Storage refused (private mode, quota): the choice still holds until the page is closed.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * The CSV flavour, re-rendering when it changes.
 * @returns `comma` or `semicolon`
 */
export function useCsvSeparator(): CsvSeparator {
  return useSyncExternalStore(subscribe, getCsvSeparator, getCsvSeparator);
}
