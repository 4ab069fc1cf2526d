/**
 * Export preferences remembered in this browser: the CSV flavour the user exports in (comma, or semicolon with
 * decimal commas for Excel set to the Vietnamese region), and whether the list's exports add the nearest carrier.
 * Preferences, not view state: they are not in the URL.
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

const NEAREST_KEY = "lom-song.export-nearest";
let nearestCurrent: boolean = readNearest();

function readNearest(): boolean {
  try {
    return globalThis.localStorage?.getItem(NEAREST_KEY) === "1";
  } catch {
    return false;
  }
}

/**
 * Whether the list's exports add the nearest carrier and its distance (nearest_carrier, nearest_km).
 * @returns true when the box is ticked
 */
export function getExportNearest(): boolean {
  return nearestCurrent;
}

/**
 * Ticks or unticks "add the nearest carrier", remembered like the CSV flavour.
 * @param on - the new choice
 */
export function setExportNearest(on: boolean): void {
  nearestCurrent = on;
  try {
    globalThis.localStorage?.setItem(NEAREST_KEY, on ? "1" : "0");
  } catch {
    // Storage refused: the choice holds until the page is closed.
  }
  for (const listener of listeners) listener();
}

/**
 * The "add the nearest carrier" choice, re-rendering when it changes.
 * @returns true when ticked
 */
export function useExportNearest(): boolean {
  return useSyncExternalStore(subscribe, getExportNearest, getExportNearest);
}
