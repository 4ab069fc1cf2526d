/**
 * The comparison of two coverage releases the panel last computed, shared with the map (which draws the changed
 * points): a tiny external store like site_suggestions_store, so the main store and its URL state are left alone.
 * A comparison belongs to one analysis (map version) and is ignored once that changes.
 */
import { useSyncExternalStore } from "react";
import type { AppComparison } from "../../workers/compare_request.ts";

/** A comparison, the analysis it belongs to, and whether the map shows it. */
export interface ComparisonState {
  version: number;
  comparison: AppComparison;
  shown: boolean;
}

let current: ComparisonState | null = null;
const listeners = new Set<() => void>();

/**
 * Replaces the comparison (null: none).
 * @param next - the comparison and its analysis version
 */
export function setComparison(next: ComparisonState | null): void {
  current = next;
  for (const listener of listeners) listener();
}

/**
 * The comparison now.
 * @returns the comparison, or null
 */
export function getComparison(): ComparisonState | null {
  return current;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * The comparison, re-rendering when it changes.
 * @returns the comparison, or null
 */
export function useComparison(): ComparisonState | null {
  return useSyncExternalStore(subscribe, getComparison, getComparison);
}
