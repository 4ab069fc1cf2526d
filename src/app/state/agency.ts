/**
 * The name of the agency that runs the programme, shown in the role list and printed on the reports. Since
 * 2025 the provincial Sở Thông tin và Truyền thông is merged into the Sở Khoa học và Công nghệ (and the
 * ministry into the Bộ Khoa học và Công nghệ), so that is the default; a province can write its own name
 * (e.g. "Sở Khoa học và Công nghệ tỉnh Lào Cai"). A preference remembered in this browser, not in the URL.
 */
import { useSyncExternalStore } from "react";

export const DEFAULT_AGENCY = "Sở Khoa học và Công nghệ";
const STORAGE_KEY = "lom-song.agency";
const listeners = new Set<() => void>();
let current = readStored();

function readStored(): string {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY)?.trim() || DEFAULT_AGENCY;
  } catch {
    return DEFAULT_AGENCY;
  }
}

/**
 * The agency's name.
 * @returns the name chosen in this browser, or the default
 */
export function getAgency(): string {
  return current;
}

/**
 * Sets the agency's name (blank goes back to the default) and remembers it when the browser lets us.
 * @param name - the name as typed
 */
export function setAgency(name: string): void {
  current = name.trim() || DEFAULT_AGENCY;
  try {
    if (name.trim()) globalThis.localStorage?.setItem(STORAGE_KEY, name.trim());
    else globalThis.localStorage?.removeItem(STORAGE_KEY);
  } catch {
    // Storage refused: the name holds until the page is closed.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * The agency's name, re-rendering when it changes.
 * @returns the name
 */
export function useAgency(): string {
  return useSyncExternalStore(subscribe, getAgency, getAgency);
}
