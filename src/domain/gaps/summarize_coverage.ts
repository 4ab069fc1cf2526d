/**
 * Counts for a report: how many points are uncovered, covered by one carrier only, or covered, in total and per
 * province, commune, kind, layer and carrier.
 */
import type { Point, PointKind, Technology } from "../types.ts";
import { countedLayers, pointInScope, type CoverageAnalysis, type PointFilter } from "./analyze_coverage.ts";

/** Code and name of the row of points outside every loaded area (at sea, or in an area whose boundary is not loaded). */
export const UNKNOWN_AREA = { code: "", name: "Không xác định", nameEn: "Unknown" } as const;

/** At most this many ids of points without an area are listed in a summary (the count is always exact). */
export const UNKNOWN_IDS_LISTED = 1000;

/** Points that fall in no loaded area of one level. */
export interface UnlocatedPoints {
  count: number;
  /** Their ids, in input order, at most UNKNOWN_IDS_LISTED. */
  ids: string[];
}

/** Counts for one province or commune. */
export interface AreaStat {
  /** UNKNOWN_AREA.code for the row of points in no loaded area (then `unknown` is true). */
  code: string;
  name: string;
  /** The row of points in no loaded area: "Không xác định / Unknown", always last. */
  unknown?: true;
  provinceCode?: string;
  total: number;
  uncovered: number;
  covered: number;
  /** 100 × covered / total, rounded to one decimal; 0 when total is 0. */
  percentCovered: number;
}

/** The counts over the points in the filter's scope. */
export interface CoverageSummary {
  /** Points in scope (kinds, province, commune of the filter). */
  total: number;
  /** Points no counted layer covers. */
  uncovered: number;
  /** Points exactly one distinct counted carrier covers (also counted in `covered`). */
  singleCarrier: number;
  /** Points at least one counted layer covers: total − uncovered. */
  covered: number;
  /**
   * Areas with at least one point in scope, in the analysis' order, then (when some point is in no loaded area) the
   * "Không xác định / Unknown" row: the rows' totals always add up to `total`.
   */
  byProvince: AreaStat[];
  byCommune: AreaStat[];
  /** The points of the Unknown rows, per level. */
  unlocated: { province: UnlocatedPoints; commune: UnlocatedPoints };
  /** Kinds with at least one point in scope. */
  byKind: { kind: PointKind; total: number; uncovered: number }[];
  /** Every layer (counted or not): points in scope it covers. */
  byLayer: { carrier: string; technology: Technology; asOf: string | null; covered: number; total: number }[];
  /** Every counted carrier: points in scope it covers with a counted layer, and those it does not. */
  byCarrier: { carrier: string; covered: number; uncovered: number; total: number }[];
}

/**
 * Summarises the analysis under a filter. "Uncovered" means no layer of the filter's carriers at or above its
 * minimum technology covers the point: uncovered by one carrier is `carriers: [carrier]`.
 * @param analysis - the analysis
 * @param points - the analysed points
 * @param filter - which layers count and which points are in scope
 * @returns the counts
 * @example
 * ```ts
 * const summary = summarizeCoverage(analysis, points, { minTechnology: "4G" });
 * summary.uncovered; // points with no 4G or 5G from any carrier
 * ```
 */
export function summarizeCoverage(analysis: CoverageAnalysis, points: readonly Point[], filter: PointFilter = {}): CoverageSummary {
  const { counted, carrierOfLayer, carriers } = countedLayers(analysis, filter);
  const layerCount = analysis.layers.length;
  const words = analysis.words;
  const provinceTotals = new AreaCounts(analysis.provinces.length);
  const communeTotals = new AreaCounts(analysis.communes.length);
  const kindTotals = new Map<PointKind, { total: number; uncovered: number }>();
  const layerCovered = new Array<number>(layerCount).fill(0);
  const carrierCovered = new Array<number>(carriers.length).fill(0);
  const carrierCounted = carriers.map((_, id) => counted.some((flag, l) => flag && carrierOfLayer[l] === id));
  // carrierSeen[c] === i + 1 when carrier c was already counted for point i (no clearing per point).
  const carrierSeen = new Float64Array(carriers.length);
  let total = 0;
  let uncovered = 0;
  let singleCarrier = 0;
  for (let i = 0; i < points.length; i++) {
    if (!pointInScope(analysis, points, i, filter)) continue;
    total++;
    const mark = i + 1;
    let distinct = 0;
    const base = i * words;
    for (let l = 0; l < layerCount; l++) {
      if (((analysis.masks[base + (l >> 5)] >>> (l & 31)) & 1) === 0) continue;
      layerCovered[l]++;
      if (!counted[l]) continue;
      const carrier = carrierOfLayer[l];
      if (carrierSeen[carrier] !== mark) {
        carrierSeen[carrier] = mark;
        carrierCovered[carrier]++;
        distinct++;
      }
    }
    const isUncovered = distinct === 0;
    if (isUncovered) uncovered++;
    if (distinct === 1) singleCarrier++;
    provinceTotals.add(analysis.provinceOf[i], isUncovered, points[i].id);
    communeTotals.add(analysis.communeOf[i], isUncovered, points[i].id);
    const kind = points[i].kind;
    let kindEntry = kindTotals.get(kind);
    if (kindEntry === undefined) {
      kindEntry = { total: 0, uncovered: 0 };
      kindTotals.set(kind, kindEntry);
    }
    kindEntry.total++;
    if (isUncovered) kindEntry.uncovered++;
  }
  return {
    total,
    uncovered,
    singleCarrier,
    covered: total - uncovered,
    byProvince: provinceTotals.stats(analysis.provinces),
    byCommune: communeTotals.stats(analysis.communes),
    unlocated: { province: provinceTotals.unlocated(), commune: communeTotals.unlocated() },
    byKind: [...kindTotals.entries()].map(([kind, entry]) => ({ kind, ...entry })),
    byLayer: analysis.layers.map((layer, l) => ({ carrier: layer.carrier, technology: layer.technology, asOf: layer.asOf, covered: layerCovered[l], total })),
    byCarrier: carriers.flatMap((carrier, id) =>
      carrierCounted[id] ? [{ carrier, covered: carrierCovered[id], uncovered: total - carrierCovered[id], total }] : [],
    ),
  };
}

/** Totals and uncovered counts per area index. */
class AreaCounts {
  private readonly totals: Uint32Array;
  private readonly uncovered: Uint32Array;

  private unknownTotal = 0;
  private unknownUncovered = 0;
  private readonly unknownIds: string[] = [];

  constructor(size: number) {
    this.totals = new Uint32Array(size);
    this.uncovered = new Uint32Array(size);
  }

  add(area: number, isUncovered: boolean, id: string): void {
    if (area < 0) {
      this.unknownTotal++;
      if (isUncovered) this.unknownUncovered++;
      if (this.unknownIds.length < UNKNOWN_IDS_LISTED) this.unknownIds.push(id);
      return;
    }
    this.totals[area]++;
    if (isUncovered) this.uncovered[area]++;
  }

  unlocated(): UnlocatedPoints {
    return { count: this.unknownTotal, ids: this.unknownIds.slice() };
  }

  stats(areas: readonly { code: string; name: string; provinceCode?: string }[]): AreaStat[] {
    const result: AreaStat[] = [];
    areas.forEach((area, k) => {
      const total = this.totals[k];
      if (total === 0) return;
      const uncovered = this.uncovered[k];
      const covered = total - uncovered;
      result.push({
        code: area.code,
        name: area.name,
        ...(area.provinceCode !== undefined ? { provinceCode: area.provinceCode } : {}),
        total,
        uncovered,
        covered,
        percentCovered: Math.round((1000 * covered) / total) / 10,
      });
    });
    if (this.unknownTotal > 0) {
      const covered = this.unknownTotal - this.unknownUncovered;
      result.push({
        code: UNKNOWN_AREA.code,
        name: UNKNOWN_AREA.name,
        unknown: true,
        total: this.unknownTotal,
        uncovered: this.unknownUncovered,
        covered,
        percentCovered: Math.round((1000 * covered) / this.unknownTotal) / 10,
      });
    }
    return result;
  }
}
