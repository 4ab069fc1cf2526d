/**
 * The rows written out for a list of points: the point itself (with its admin area filled in
 * from the analysis) plus the computed columns. Shared by the app's export and the CLI so both
 * write the same file.
 */
import type { ExportRow } from "../export/export_columns.ts";
import type { CoverageAnalysis, PointFilter } from "./analyze_coverage.ts";
import { countedLayers, sameArea } from "./analyze_coverage.ts";
import { TECHNOLOGIES, type Point, type Technology } from "../types.ts";
import { nearestCoverage, type CarrierDistance, type NearestCoverageIndex } from "../spatial/nearest_coverage.ts";

function technologyRank(technology: Technology): number {
  return TECHNOLOGIES.indexOf(technology);
}

/** Computed column names, in the order they are written. */
export const COMPUTED_COLUMNS = ["status", "covered_by", "carriers", "best_technology"] as const;

/**
 * The columns added when a nearest-coverage index is given: the nearest carrier that does not cover the point
 * (among those that count under the filter) and the distance to its coverage in km, rounded to 10 m.
 */
export const NEAREST_COLUMNS = ["nearest_carrier", "nearest_km"] as const;

/**
 * The column added for points whose row names a province: the province as the list named it when the boundaries
 * put the point elsewhere (a pre-2025 name such as "Hà Giang", now in Tuyên Quang), otherwise empty. The
 * `province` column then holds the boundaries' province.
 */
export const PROVINCE_LISTED_COLUMN = "province_listed";

/**
 * The NEAREST_COLUMNS of one row: the carrier and its distance rounded to 10 m, or empty cells when no carrier
 * that does not cover the point has coverage within reach. Shared by buildExportRows and the app, whose worker
 * measures the distances, so both write the same cells.
 * @param nearest - the nearest carrier not covering the point (the first of nearestCoverage), if any
 * @returns the two computed cells
 */
export function nearestColumns(nearest: CarrierDistance | undefined): { nearest_carrier: string; nearest_km: number | "" } {
  return { nearest_carrier: nearest ? nearest.carrier : "", nearest_km: nearest ? Math.round(nearest.km * 100) / 100 : "" };
}

/**
 * Builds export rows for the given point indices.
 * @param analysis - the result of analyzeCoverage for `points`
 * @param points - the analysed points
 * @param indices - which points to write, in order (e.g. from selectPoints)
 * @param filter - the filter in force; it decides which layers count for `status` and `carriers`
 * @param options - `nearest`: an index built with the same filter (buildNearestCoverageIndex) adds NEAREST_COLUMNS
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
  options: { nearest?: NearestCoverageIndex } = {},
): ExportRow[] {
  // Per layer, once: whether it counts under the filter, and its label.
  const { counted } = countedLayers(analysis, filter);
  const labels = analysis.layers.map((layer) => `${layer.carrier} ${layer.technology}`);
  const ranks = analysis.layers.map((layer) => technologyRank(layer.technology));
  const words = analysis.words;
  const rows: ExportRow[] = new Array(indices.length);
  for (let k = 0; k < indices.length; k++) {
    const index = indices[k];
    const base = index * words;
    let coveredBy = "";
    let bestRank = -1;
    const carriers: string[] = [];
    for (let l = 0; l < labels.length; l++) {
      if (((analysis.masks[base + (l >> 5)] >>> (l & 31)) & 1) === 0) continue;
      coveredBy = coveredBy === "" ? labels[l] : `${coveredBy}; ${labels[l]}`;
      if (ranks[l] > bestRank) bestRank = ranks[l];
      const carrier = analysis.layers[l].carrier;
      if (counted[l] && !carriers.includes(carrier)) carriers.push(carrier);
    }
    const point = withAdminArea(analysis, points[index], index);
    rows[k] = {
      point,
      computed: {
        status: carriers.length === 0 ? "uncovered" : carriers.length === 1 ? "single_carrier" : "covered",
        covered_by: coveredBy,
        carriers: carriers.join("; "),
        best_technology: bestRank < 0 ? "" : TECHNOLOGIES[bestRank],
      },
    };
    const original = points[index];
    if (original.provinceName !== undefined || original.provinceCode !== undefined) {
      const replaced = point.provinceName !== original.provinceName || point.provinceCode !== original.provinceCode;
      rows[k].computed[PROVINCE_LISTED_COLUMN] = replaced ? (original.provinceName ?? original.provinceCode ?? "") : "";
    }
    if (options.nearest) {
      const point = points[index];
      const cells = nearestColumns(nearestCoverage(options.nearest, point.lon, point.lat, { exclude: carriers })[0]);
      rows[k].computed.nearest_carrier = cells.nearest_carrier;
      rows[k].computed.nearest_km = cells.nearest_km;
    }
  }
  return rows;
}

/**
 * Returns the point with its province and commune filled in from the analysis when its row had none, and its
 * province replaced by the analysis's when the row names one the analysis did not keep (the boundaries won: a
 * pre-2025 province name, or a point outside every loaded province).
 * @param analysis - the analysis the point belongs to
 * @param point - the point
 * @param index - its index in the analysed list
 * @returns the same point when nothing changes, otherwise a copy
 */
export function withAdminArea(analysis: CoverageAnalysis, point: Point, index: number): Point {
  const province = analysis.provinceOf[index] >= 0 ? analysis.provinces[analysis.provinceOf[index]] : undefined;
  const commune = analysis.communeOf[index] >= 0 ? analysis.communes[analysis.communeOf[index]] : undefined;
  const listed = point.provinceName !== undefined || point.provinceCode !== undefined;
  if (listed && !sameArea(province, point.provinceCode, point.provinceName)) {
    const copy: Point = Object.assign({ id: point.id, name: point.name, kind: point.kind, lon: point.lon, lat: point.lat }, point);
    delete copy.provinceCode;
    delete copy.provinceName;
    if (province) {
      copy.provinceCode = province.code;
      copy.provinceName = province.name;
    }
    if (copy.communeCode === undefined && commune) copy.communeCode = commune.code;
    if (copy.communeName === undefined && commune) copy.communeName = commune.name;
    return copy;
  }
  if ((point.provinceName || !province) && (point.communeName || !commune)) return point;
  // A copy: the caller's point stays as it was imported. Object.assign onto a literal of the common fields keeps
  // the key order of a spread and is much faster than one on a million-row export.
  const copy: Point = Object.assign({ id: point.id, name: point.name, kind: point.kind, lon: point.lon, lat: point.lat }, point);
  if (copy.provinceCode === undefined && province) copy.provinceCode = province.code;
  if (copy.provinceName === undefined && province) copy.provinceName = province.name;
  if (copy.communeCode === undefined && commune) copy.communeCode = commune.code;
  if (copy.communeName === undefined && commune) copy.communeName = commune.name;
  return copy;
}
