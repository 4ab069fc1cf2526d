/**
 * The `compare` request: what the releases in force on a later date closed and opened against an earlier date, on
 * the points of the last finished analysis. The worker keeps that analysis's points, admin areas and every parsed
 * coverage feature (all releases, before any is set aside: references to what it parsed anyway), so the main thread
 * never holds polygons. Self-contained on purpose: its types, its cache and its answer live here; messages.ts and the
 * worker only route it.
 */
import { comparisonExportRows, compareReleases, releaseDates, type AdminArea, type CoverageComparison, type CoverageFeature, type ExportRow, type Point, type PointFilter, type ReleaseDates } from "../domain/index.ts";

/** Asks for the release dates (no `dates`) or for a comparison between two dates, on the analysis `version`. */
export interface CompareRequest {
  type: "compare";
  requestId: number;
  version: number;
  dates?: { before: string; after: string };
  filter: PointFilter;
}

/** A comparison as the app shows it: the domain's, its two dates, and the changed points as export rows. */
export type AppComparison = CoverageComparison & { before: string; after: string; rows: ExportRow[] };

/** The answer: unavailable when the worker no longer holds that analysis. */
export interface CompareResult {
  available: boolean;
  releases: ReleaseDates | null;
  /** Present when dates were asked for. */
  comparison: AppComparison | null;
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
  answer(request: Omit<CompareRequest, "type" | "requestId">): CompareResult;
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
