/**
 * The rows written out for a list of points: the point itself (with its admin area filled in
 * from the analysis) plus the computed columns. Shared by the app's export and the CLI so both
 * write the same file.
 */
import type { ExportRow, CoverageAnalysis, PointFilter } from "../index.ts";
import { coverageOf, pointStatus } from "../index.ts";
import { TECHNOLOGIES, type Point, type Technology } from "../types.ts";

function technologyRank(technology: Technology): number {
  return TECHNOLOGIES.indexOf(technology);
}

/** Computed column names, in the order they are written. */
export const COMPUTED_COLUMNS = ["status", "covered_by", "carriers", "best_technology"] as const;

/**
 * Builds export rows for the given point indices.
 * @param analysis - the result of analyzeCoverage for `points`
 * @param points - the analysed points
 * @param indices - which points to write, in order (e.g. from selectPoints)
 * @param filter - the filter in force; it decides which layers count for `status` and `carriers`
 * @returns one ExportRow per index, with `status`, `covered_by` (every covering layer, e.g. "Viettel 4G; VNPT 2G"),
 *   `carriers` (carriers at or above the minimum technology) and `best_technology`
 * @example
 * ```ts
 * const rows = buildExportRows(analysis, points, selectPoints(analysis, points, { status: "uncovered" }), {});
 * ```
 */
export function buildExportRows(
  analysis: CoverageAnalysis,
  points: readonly Point[],
  indices: ArrayLike<number>,
  filter: PointFilter = {},
): ExportRow[] {
  const minimumRank = filter.minTechnology ? technologyRank(filter.minTechnology) : 0;
  const carrierSet = filter.carriers && filter.carriers.length > 0 ? new Set(filter.carriers) : null;
  const rows: ExportRow[] = [];
  for (let k = 0; k < indices.length; k++) {
    const index = indices[k];
    const point = withAdminArea(analysis, points[index], index);
    const layers = coverageOf(analysis, index);
    const counted = layers.filter(
      (layer) => technologyRank(layer.technology) >= minimumRank && (carrierSet === null || carrierSet.has(layer.carrier)),
    );
    const carriers = [...new Set(counted.map((layer) => layer.carrier))];
    let best: Technology | "" = "";
    for (const layer of layers) if (best === "" || technologyRank(layer.technology) > technologyRank(best)) best = layer.technology;
    rows.push({
      point,
      computed: {
        status: pointStatus(analysis, index, filter),
        covered_by: layers.map((layer) => `${layer.carrier} ${layer.technology}`).join("; "),
        carriers: carriers.join("; "),
        best_technology: best,
      },
    });
  }
  return rows;
}

/**
 * Returns the point with its province and commune filled in from the analysis when its row had none.
 * @param analysis - the analysis the point belongs to
 * @param point - the point
 * @param index - its index in the analysed list
 * @returns the same point when nothing is missing, otherwise a copy
 */
export function withAdminArea(analysis: CoverageAnalysis, point: Point, index: number): Point {
  const province = analysis.provinceOf[index] >= 0 ? analysis.provinces[analysis.provinceOf[index]] : undefined;
  const commune = analysis.communeOf[index] >= 0 ? analysis.communes[analysis.communeOf[index]] : undefined;
  if ((point.provinceName || !province) && (point.communeName || !commune)) return point;
  return {
    ...point,
    provinceCode: point.provinceCode ?? province?.code,
    provinceName: point.provinceName ?? province?.name,
    communeCode: point.communeCode ?? commune?.code,
    communeName: point.communeName ?? commune?.name,
  };
}
