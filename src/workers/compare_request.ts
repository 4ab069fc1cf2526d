/**
 * The `compare` request: what the releases in force on a later date closed and opened against an earlier date, on
 * the points of the last finished analysis. The worker keeps that analysis's points, admin areas and every parsed
 * coverage feature (all releases, before any is set aside: references to what it parsed anyway), so the main thread
 * never holds polygons. Its cache and its answer live here; its params and result are in messages.ts (the protocol).
 */
import {
  comparisonExportRows,
  compareReleases,
  releaseDates,
  type AdminArea,
  type CoverageFeature,
  type ComparisonAnswer,
  type Point,
  type PointFilter,
  type ReleaseDates,
} from "../domain/index.ts";

/** What is asked (messages.ts CompareParams: the release dates without `dates`, or a comparison on the analysis `version`). */
interface CompareQuery {
  version: number;
  dates?: { before: string; after: string };
  filter: PointFilter;
}

interface Kept {
  version: number;
  points: readonly Point[];
  coverage: readonly CoverageFeature[];
  admin: readonly AdminArea[];
}

/** The worker's copy of the last analysis's inputs, and the answer to `compare`. */
export interface CompareCache {
  /** Keeps the inputs of a finished analysis (replacing the previous one). */
  keep(value: Kept): void;
  /** The dates, and the comparison when asked. */
  answer(request: CompareQuery): ComparisonAnswer;
}

/**
 * Creates the cache.
 * @returns keep (after each finished analysis) and answer
 */
export function createCompareCache(): CompareCache {
  let kept: Kept | null = null;
  let dates: ReleaseDates | null = null;
  return {
    keep(value) {
      kept = value;
      dates = null;
    },
    answer(request) {
      if (!kept || kept.version !== request.version) return { available: false, releases: null, comparison: null };
      dates ??= releaseDates(kept.coverage);
      if (!request.dates) return { available: true, releases: dates, comparison: null };
      const result = compareReleases(kept.points, kept.coverage, kept.admin, request.dates, request.filter);
      const rows = comparisonExportRows(result.analysisAfter, kept.points, result.comparison, request.filter);
      return { available: true, releases: dates, comparison: { ...result.comparison, before: result.before, after: result.after, rows } };
    },
  };
}
