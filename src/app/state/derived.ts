/**
 * Figures derived from the analysis and the filters, shared by the map, the list, the statistics
 * and the exports so that all of them show the same thing. Computed with the domain's queries.
 */
import { viewFigures, type PointFilter, type ViewFigures } from "../../domain/index.ts";
import { TOGGLE, isToggleOn } from "../../map/layers.ts";
import type { AnalyzeResult, MapViewState } from "../../workers/messages.ts";
import type { ViewFilter } from "./url_state.ts";

export interface DerivedView extends ViewFigures {
  pointFilter: PointFilter;
}

/**
 * Converts the UI filter into the domain's PointFilter (empty lists mean "no restriction").
 * @param filter - the UI filter
 * @returns the domain filter
 */
export function toPointFilter(filter: ViewFilter): PointFilter {
  const pointFilter: PointFilter = {};
  if (filter.carriers.length > 0) pointFilter.carriers = [...filter.carriers];
  if (filter.minTechnology) pointFilter.minTechnology = filter.minTechnology;
  if (filter.kinds.length > 0) pointFilter.kinds = [...filter.kinds];
  if (filter.provinceCode) pointFilter.provinceCode = filter.provinceCode;
  if (filter.communeCode) pointFilter.communeCode = filter.communeCode;
  return pointFilter;
}

/**
 * Derives every figure the views show: those the worker sent with the analysis when they are of this filter (the
 * count then shows without another pass over the points), else computed here.
 * @param data - the analysis result
 * @param filter - the UI filter
 * @returns the derived view
 */
export function deriveView(data: AnalyzeResult, filter: ViewFilter): DerivedView {
  const pointFilter = toPointFilter(filter);
  const sent = data.figures;
  if (sent && JSON.stringify(sent.filter) === JSON.stringify(pointFilter)) return { pointFilter, ...sent.figures };
  return { pointFilter, ...viewFigures(data.analysis, data.points, pointFilter) };
}

let cache: { data: AnalyzeResult; key: string; view: DerivedView } | null = null;

/**
 * deriveView with a one-entry cache keyed on the data object and the filter's content.
 * @param data - the analysis result
 * @param filter - the UI filter
 * @returns the derived view
 */
export function deriveViewCached(data: AnalyzeResult, filter: ViewFilter): DerivedView {
  const key = JSON.stringify(filter);
  if (cache && cache.data === data && cache.key === key) return cache.view;
  const view = deriveView(data, filter);
  cache = { data, key, view };
  return view;
}

/**
 * The filter and status toggles the map's points are styled for (sent with an analysis request, so
 * that the worker bakes them into the points and no feature state is needed until they change).
 * @param filter - the UI filter
 * @param layerVisibility - the legend toggles
 * @returns the map view state
 */
export function mapViewState(filter: ViewFilter, layerVisibility: Record<string, boolean>): MapViewState {
  return {
    filter: toPointFilter(filter),
    statusOn: [isToggleOn(layerVisibility, TOGGLE.uncovered), isToggleOn(layerVisibility, TOGGLE.singleCarrier), isToggleOn(layerVisibility, TOGGLE.covered)],
  };
}

/**
 * How many loaded points are on the dead-zone list (the list's `point_id` links, or its own ids): the
 * figure the counts bar shows, not the length of the list, some of whose points may not be loaded.
 * @param points - the loaded points
 * @param listedPointIds - the ids the dead-zone list refers to
 * @returns the number of loaded points on the list
 */
export function countListedLoaded(points: readonly { id: string }[], listedPointIds: readonly string[]): number {
  if (listedPointIds.length === 0) return 0;
  const listed = new Set(listedPointIds);
  let count = 0;
  for (const point of points) if (listed.has(point.id)) count++;
  return count;
}
