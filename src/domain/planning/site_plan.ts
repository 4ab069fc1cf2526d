/**
 * The site suggestions for an analysis: the uncovered points under a filter become the targets, and the chosen
 * sites become export rows (CSV, GeoJSON, KML through the usual writers). Shared by the CLI and the worker.
 */
import type { ExportRow } from "../export/export_columns.ts";
import { selectPoints, type CoverageAnalysis, type PointFilter } from "../gaps/analyze_coverage.ts";
import type { Point } from "../types.ts";
import { pointWeight, type SiteWeightMode } from "./point_weights.ts";
import { suggestSites, type SiteSuggestion, type SiteSuggestionOptions, type SiteTarget } from "./site_suggestions.ts";
import { domainMessage } from "../messages/message.ts";

/** A suggestion over an analysis: the result plus, per target, its point index. */
export interface SitePlan extends SiteSuggestion {
  weightMode: SiteWeightMode;
  /** Point index of each target (targets are the uncovered points in scope, ascending). */
  pointOf: Uint32Array;
  /** Uncovered points in scope (with or without weight). */
  uncovered: number;
}

/**
 * Suggests sites for the points the filter leaves uncovered (no counted layer of its carriers at or above its
 * technology): for one carrier, `carriers: [carrier]`; for any carrier, no carriers.
 * @param analysis - the analysis
 * @param points - the analysed points
 * @param filter - carriers, minimum technology, kinds and area
 * @param weightMode - what a site's gain counts
 * @param options - radius, number of sites, grid step
 * @returns the plan
 */
export function planSites(
  analysis: CoverageAnalysis,
  points: readonly Point[],
  filter: PointFilter,
  weightMode: SiteWeightMode,
  options: SiteSuggestionOptions = {},
): SitePlan {
  const { pointOf, targets } = siteTargets(analysis, points, filter, weightMode);
  return { ...suggestSites(targets, options), weightMode, pointOf, uncovered: pointOf.length };
}

/**
 * The targets of a plan: the uncovered points in scope and their weights (the app sends these to its worker, which
 * runs suggestSites on them; planSites does both in one call).
 * @param analysis - the analysis
 * @param points - the analysed points
 * @param filter - carriers, minimum technology, kinds and area
 * @param weightMode - what a site's gain counts
 * @returns the point index and the target of each uncovered point in scope
 */
export function siteTargets(
  analysis: CoverageAnalysis,
  points: readonly Point[],
  filter: PointFilter,
  weightMode: SiteWeightMode,
): { pointOf: Uint32Array; targets: SiteTarget[] } {
  const pointOf = selectPoints(analysis, points, { ...filter, status: "uncovered" });
  const targets = Array.from(pointOf, (index) => ({ lon: points[index].lon, lat: points[index].lat, weight: pointWeight(points[index], weightMode) }));
  return { pointOf, targets };
}

/**
 * The suggested sites as export rows: one row per site (id "DX-01"…, its position), with rank, radius, gain,
 * points newly covered, cumulative gain and its share of the total, and the ids of the points it covers.
 * @param plan - the plan
 * @param points - the analysed points
 * @param language - the language of the sites' names
 * @returns the rows, in rank order
 */
export function siteExportRows(plan: SitePlan, points: readonly Point[], language: "vi" | "en" = "vi"): ExportRow[] {
  const width = Math.max(2, String(plan.sites.length).length);
  return plan.sites.map((site) => {
    const id = `DX-${String(site.rank).padStart(width, "0")}`;
    const coveredIds = site.covered.map((t) => points[plan.pointOf[t]].id);
    const point: Point = {
      id,
      name: domainMessage("planning.site_name", { rank: site.rank })[language],
      kind: "other",
      lon: roundTo(site.lon, 6),
      lat: roundTo(site.lat, 6),
      source: { file: "", row: site.rank },
      extra: {},
    };
    return {
      point,
      computed: {
        rank: site.rank,
        radius_km: plan.radiusKm,
        weight_mode: plan.weightMode,
        gain: roundTo(site.gain, 3),
        points_covered: site.covered.length,
        cumulative: roundTo(site.cumulative, 3),
        cumulative_percent: plan.totalWeight > 0 ? roundTo((100 * site.cumulative) / plan.totalWeight, 1) : 0,
        position_from: site.origin === "point" ? `point ${points[plan.pointOf[site.target ?? 0]].id}` : "grid",
        covered_ids: coveredIds.join("; "),
      },
    };
  });
}

function roundTo(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
