/**
 * Two coverage releases out of one set of loaded files: when the files hold more than one release of a carrier ×
 * technology (October's and November's Viettel 4G), the department picks two as-of dates and sees what the later
 * one closed and opened. Each date selects, per carrier × technology, the release in force on it
 * (selectCoverageReleases), exactly as `analyze --as-of` and the app's "coverage as of" do; the two analyses are then
 * compared by compareCoverage, as the CLI's `compare` does with its --before and --after files.
 */
import { analyzeCoverage, type PointFilter } from "./analyze_coverage.ts";
import { compareCoverage, type CoverageComparison } from "./compare_coverage.ts";
import { buildExportRows } from "./export_rows.ts";
import type { ExportRow } from "../export/export_columns.ts";
import { selectCoverageReleases } from "./coverage_releases.ts";
import type { CoverageAnalysis } from "./analyze_coverage.ts";
import { toCsv, type CsvSeparator } from "../export/to_csv.ts";
import type { AdminArea, CoverageFeature, Point } from "../types.ts";

/** The dates a comparison can be made between. */
export interface ReleaseDates {
  /** Every dated release's as-of date, oldest first, each once. */
  dates: string[];
  /** True when some carrier × technology has more than one release (else there is nothing to compare). */
  comparable: boolean;
  /** The default pair: the newest date, and the date before it; null when fewer than two dates. */
  defaults: { before: string; after: string } | null;
}

/**
 * The release dates of the loaded coverage.
 * @param features - the coverage features of every loaded file (before any release is set aside)
 * @returns the dates, whether a comparison means anything, and the default pair
 * @example
 * ```ts
 * releaseDates([...october, ...november]).defaults; // { before: "2026-10-31", after: "2026-11-30" }
 * ```
 */
export function releaseDates(features: readonly CoverageFeature[]): ReleaseDates {
  const { layers } = selectCoverageReleases(features);
  const dates = new Set<string>();
  let comparable = false;
  for (const layer of layers) {
    const releases = [...(layer.inForce ? [layer.inForce] : []), ...layer.setAside];
    if (releases.length > 1) comparable = true;
    for (const release of releases) if (release.asOf !== null) dates.add(release.asOf);
  }
  const sorted = [...dates].sort();
  const defaults = sorted.length >= 2 ? { before: sorted[sorted.length - 2], after: sorted[sorted.length - 1] } : null;
  return { dates: sorted, comparable, defaults };
}

/** The comparison of the releases in force on two dates, with the analysis of the later one. */
export interface ReleaseComparison {
  before: string;
  after: string;
  comparison: CoverageComparison;
  /** The analysis against the releases in force on `after` (for the export rows). */
  analysisAfter: CoverageAnalysis;
}

/** A comparison as a viewer shows it: the domain's, its two dates, and the changed points as export rows. */
export type DatedComparison = CoverageComparison & { before: string; after: string; rows: ExportRow[] };

/** The answer to "what changed between two releases": unavailable when the analysis asked about is gone. */
export interface ComparisonAnswer {
  available: boolean;
  releases: ReleaseDates | null;
  /** Present when dates were asked for. */
  comparison: DatedComparison | null;
}

/**
 * Compares the releases in force on two dates for the same points.
 * @param points - the analysed points
 * @param coverage - every loaded coverage feature (all releases)
 * @param admin - admin areas, for the counts per province
 * @param dates - the two as-of dates (YYYY-MM-DD); `before` need not be earlier, but usually is
 * @param filter - which coverage counts and which points are in scope
 * @returns the comparison
 */
export function compareReleases(
  points: readonly Point[],
  coverage: readonly CoverageFeature[],
  admin: readonly AdminArea[],
  dates: { before: string; after: string },
  filter: PointFilter = {},
): ReleaseComparison {
  const analysisBefore = analyzeCoverage(points, coverage, admin, { asOf: dates.before });
  const analysisAfter = analyzeCoverage(points, coverage, admin, { asOf: dates.after });
  return { before: dates.before, after: dates.after, comparison: compareCoverage(analysisBefore, analysisAfter, points, filter), analysisAfter };
}

/**
 * The points whose carriers changed, as export rows (the columns of `analyze`, against the later release, plus
 * status_before, carriers_gained and carriers_lost): what the CLI's `compare --out` writes.
 * @param analysisAfter - the analysis against the later release
 * @param points - the analysed points
 * @param comparison - the comparison
 * @param filter - the filter of the comparison
 * @returns one row per changed point, in point order
 */
export function comparisonExportRows(
  analysisAfter: CoverageAnalysis,
  points: readonly Point[],
  comparison: CoverageComparison,
  filter: PointFilter = {},
): ExportRow[] {
  const rows = buildExportRows(
    analysisAfter,
    points,
    comparison.changes.map((change) => change.index),
    filter,
  );
  comparison.changes.forEach((change, k) => {
    rows[k].computed = {
      status_before: change.before,
      ...rows[k].computed,
      carriers_gained: change.gained.join("; "),
      carriers_lost: change.lost.join("; "),
    };
  });
  return rows;
}

const TABLE_COLUMNS = ["table", "carrier_or_province", "code", "before", "after", "gained_or_closed", "lost_or_opened"];

/**
 * The comparison's two tables in one CSV (formula-safe): a "carrier" row per carrier (points covered before and
 * after; points gained, lost) and a "province" row per province (uncovered before and after; gaps closed, opened),
 * after an "all" row with the totals.
 * @param comparison - the comparison
 * @param separator - comma or semicolon
 * @returns the CSV text
 */
export function comparisonTablesCsv(comparison: CoverageComparison, separator: CsvSeparator = "comma"): string {
  const rows: (string | number)[][] = [["all", "", "", comparison.uncoveredBefore, comparison.uncoveredAfter, comparison.gapsClosed, comparison.gapsOpened]];
  for (const entry of comparison.byCarrier) rows.push(["carrier", entry.carrier, "", entry.coveredBefore, entry.coveredAfter, entry.gained, entry.lost]);
  for (const area of comparison.byProvince)
    rows.push(["province", area.name, area.code, area.uncoveredBefore, area.uncoveredAfter, area.gapsClosed, area.gapsOpened]);
  return toCsv(TABLE_COLUMNS, rows, { separator });
}
