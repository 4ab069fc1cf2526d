/**
 * The comparison of two coverage releases the panel last computed, shared with the map (which draws the changed
 * points): a tiny external store like site_suggestions_store, so the main store and its URL state are left alone.
 * A comparison belongs to one analysis (map version) and is ignored once that changes.
 */
import type { AppComparison } from "../../workers/messages.ts";
import { createSharedValue } from "./shared_value.ts";

/** A comparison, the analysis it belongs to, and whether the map shows it. */
export interface ComparisonState {
  version: number;
  comparison: AppComparison;
  shown: boolean;
}

const comparison = createSharedValue<ComparisonState | null>(null);

/** Replaces the comparison (null: none): the comparison and its analysis version. */
export const setComparison = comparison.set;

/** The comparison, re-rendering when it changes; or null. */
export const useComparison = comparison.use;
