/**
 * The suggested sites the panel last computed, shared with the map (which draws them): a tiny external store, so
 * the app's main store and its URL state are left alone. Cleared when the analysis it was computed on changes.
 */
import type { SitePlan } from "../../domain/index.ts";
import { createSharedValue } from "./shared_value.ts";

/** A plan and the analysis (map version) it belongs to. */
export interface SitePlanState {
  version: number;
  plan: SitePlan;
}

const plan = createSharedValue<SitePlanState | null>(null);

/** Replaces the plan (null: none): the plan and its analysis version. */
export const setSitePlan = plan.set;

/** The plan, re-rendering when it changes; or null. */
export const useSitePlan = plan.use;
