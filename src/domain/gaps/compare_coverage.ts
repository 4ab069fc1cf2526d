/**
 * What changed between two coverage releases for the same points: which points each carrier newly covers
 * and which it no longer covers, how many gaps closed (uncovered → covered by someone) and opened, overall,
 * per carrier and per province. It answers the department's monthly question when a carrier sends its new
 * coverage: "what did this release change for our schools and villages?"
 */
import { countedLayers, pointInScope, type CoverageAnalysis, type PointFilter, type PointStatus } from "./analyze_coverage.ts";
import type { Point } from "../types.ts";

/** One point whose counted carriers changed. */
export interface CoverageChange {
  /** Index of the point in the analysed list. */
  index: number;
  before: PointStatus;
  after: PointStatus;
  /** Carriers that count after but not before, sorted. */
  gained: string[];
  /** Carriers that counted before but not after, sorted. */
  lost: string[];
}

/** Per carrier: points it covers in each release, and the points gained and lost. */
export interface CarrierChange {
  carrier: string;
  coveredBefore: number;
  coveredAfter: number;
  gained: number;
  lost: number;
}

/** Per province: uncovered points in each release, and the gaps closed and opened. */
export interface AreaChange {
  code: string;
  name: string;
  uncoveredBefore: number;
  uncoveredAfter: number;
  gapsClosed: number;
  gapsOpened: number;
}

/** The comparison of two releases. */
export interface CoverageComparison {
  /** Points in scope (kinds and areas of the filter). */
  points: number;
  uncoveredBefore: number;
  uncoveredAfter: number;
  /** Points uncovered before and covered by at least one counted carrier after. */
  gapsClosed: number;
  /** Points covered before and uncovered after. */
  gapsOpened: number;
  /** Only the points whose counted carriers changed, in point order. */
  changes: CoverageChange[];
  byCarrier: CarrierChange[];
  byProvince: AreaChange[];
}

function statusOf(count: number): PointStatus {
  return count === 0 ? "uncovered" : count === 1 ? "single_carrier" : "covered";
}

/** The counted carriers covering each point, as a sorted list of names per point. */
function carrierSets(analysis: CoverageAnalysis, filter: PointFilter): (index: number) => string[] {
  const { counted, carrierOfLayer, carriers } = countedLayers(analysis, filter);
  return (index) => {
    const found = new Set<string>();
    const base = index * analysis.words;
    for (let l = 0; l < counted.length; l++) {
      if (counted[l] && ((analysis.masks[base + (l >> 5)] >>> (l & 31)) & 1) === 1) found.add(carriers[carrierOfLayer[l]]);
    }
    return [...found].sort();
  };
}

/**
 * Compares two analyses of the same points (the same list, in the same order) against two coverage releases.
 * @param before - analyzeCoverage(points, oldCoverage, admin)
 * @param after - analyzeCoverage(points, newCoverage, admin)
 * @param points - the analysed points
 * @param filter - which coverage counts (minimum technology, carriers) and which points are in scope
 * @returns the changes, overall, per carrier and per province (from `after`'s admin areas)
 * @example
 * ```ts
 * const diff = compareCoverage(analyzeCoverage(points, october), analyzeCoverage(points, november), points, { minTechnology: "4G" });
 * diff.gapsClosed; // points that had no 4G from anyone in October and have it in November
 * ```
 */
export function compareCoverage(before: CoverageAnalysis, after: CoverageAnalysis, points: readonly Point[], filter: PointFilter = {}): CoverageComparison {
  if (before.masks.length / Math.max(before.words, 1) !== points.length || after.masks.length / Math.max(after.words, 1) !== points.length) {
    throw new Error("compareCoverage: both analyses must be of the given points");
  }
  const carriersBefore = carrierSets(before, filter);
  const carriersAfter = carrierSets(after, filter);
  const byCarrier = new Map<string, CarrierChange>();
  const carrier = (name: string): CarrierChange => {
    let entry = byCarrier.get(name);
    if (!entry) byCarrier.set(name, (entry = { carrier: name, coveredBefore: 0, coveredAfter: 0, gained: 0, lost: 0 }));
    return entry;
  };
  for (const layer of [...before.layers, ...after.layers]) {
    if (!filter.carriers || filter.carriers.length === 0 || filter.carriers.includes(layer.carrier)) carrier(layer.carrier);
  }
  const byProvince = new Map<number, AreaChange>();
  const comparison: CoverageComparison = {
    points: 0,
    uncoveredBefore: 0,
    uncoveredAfter: 0,
    gapsClosed: 0,
    gapsOpened: 0,
    changes: [],
    byCarrier: [],
    byProvince: [],
  };
  for (let index = 0; index < points.length; index++) {
    if (!pointInScope(after, points, index, filter)) continue;
    comparison.points++;
    const was = carriersBefore(index);
    const now = carriersAfter(index);
    const gained = now.filter((name) => !was.includes(name));
    const lost = was.filter((name) => !now.includes(name));
    for (const name of was) carrier(name).coveredBefore++;
    for (const name of now) carrier(name).coveredAfter++;
    for (const name of gained) carrier(name).gained++;
    for (const name of lost) carrier(name).lost++;
    const closed = was.length === 0 && now.length > 0;
    const opened = was.length > 0 && now.length === 0;
    if (was.length === 0) comparison.uncoveredBefore++;
    if (now.length === 0) comparison.uncoveredAfter++;
    if (closed) comparison.gapsClosed++;
    if (opened) comparison.gapsOpened++;
    const province = after.provinceOf[index];
    if (province >= 0) {
      let area = byProvince.get(province);
      if (!area)
        byProvince.set(
          province,
          (area = {
            code: after.provinces[province].code,
            name: after.provinces[province].name,
            uncoveredBefore: 0,
            uncoveredAfter: 0,
            gapsClosed: 0,
            gapsOpened: 0,
          }),
        );
      if (was.length === 0) area.uncoveredBefore++;
      if (now.length === 0) area.uncoveredAfter++;
      if (closed) area.gapsClosed++;
      if (opened) area.gapsOpened++;
    }
    if (gained.length > 0 || lost.length > 0) comparison.changes.push({ index, before: statusOf(was.length), after: statusOf(now.length), gained, lost });
  }
  comparison.byCarrier = [...byCarrier.values()].sort((a, b) => (a.carrier < b.carrier ? -1 : a.carrier > b.carrier ? 1 : 0));
  comparison.byProvince = [...byProvince.values()].sort((a, b) => b.gapsClosed - a.gapsClosed || a.name.localeCompare(b.name, "vi"));
  return comparison;
}
