/**
 * The figures every view of one filter shows (the count, the list, the statistics, the map's point styles), in one
 * call: the worker computes them with the analysis, for the filter the request was made under, so the main thread
 * does not walk 100,000 points again before it shows the count; the app computes them again for a new filter.
 */
import { countCoveringCarriers, selectPoints, type CoverageAnalysis, type PointFilter } from "./analyze_coverage.ts";
import { summarizeCoverage, type CoverageSummary } from "./summarize_coverage.ts";
import type { Point } from "../types.ts";

export interface ViewFigures {
  /** Points passing the kind and area filters, whatever their status. */
  shown: Uint32Array;
  /** Status code of every point under the filter's carriers and minimum technology (distinct counted carriers: 0, 1, 2 = two or more). */
  statuses: Uint8Array;
  /** The uncovered points under the filter. */
  uncovered: Uint32Array;
  summary: CoverageSummary;
}

/**
 * The figures of one filter.
 * @param analysis - the analysis of `points`
 * @param points - the analysed points
 * @param filter - the filter (empty lists mean no restriction)
 * @returns the shown and uncovered points, every point's status code, and the summary
 */
export function viewFigures(analysis: CoverageAnalysis, points: readonly Point[], filter: PointFilter): ViewFigures {
  return {
    shown: selectPoints(analysis, points, { ...filter, status: "all" }),
    statuses: countCoveringCarriers(analysis, { carriers: filter.carriers, minTechnology: filter.minTechnology }),
    uncovered: selectPoints(analysis, points, { ...filter, status: "uncovered" }),
    summary: summarizeCoverage(analysis, points, filter),
  };
}
