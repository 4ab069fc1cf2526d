/**
 * The suggested sites the panel last computed, shared with the map (which draws them): a tiny external store, so
 * the app's main store and its URL state are left alone. Cleared when the analysis it was computed on changes.
 */
import { useSyncExternalStore } from "react";
import type { SitePlan } from "../../domain/index.ts";

/** A plan and the analysis (map version) it belongs to. */
export interface SitePlanState {
  version: number;
  plan: SitePlan;
}

let current: SitePlanState | null = null;
const listeners = new Set<() => void>();

/**
 * Replaces the plan (null: none).
 * @param next - the plan and its analysis version
 */
export function setSitePlan(next: SitePlanState | null): void {
  current = next;
  for (const listener of listeners) listener();
}

/**
 * The plan now.
 * @returns the plan, or null
 */
export function getSitePlan(): SitePlanState | null {
  return current;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * The plan, re-rendering when it changes.
 * @returns the plan, or null
 */
export function useSitePlan(): SitePlanState | null {
  return useSyncExternalStore(subscribe, getSitePlan, getSitePlan);
}
