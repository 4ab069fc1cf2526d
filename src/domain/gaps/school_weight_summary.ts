/**
 * Schools as schools, and pupils and households beside the point counts.
 *
 * - A school (kind "school") is covered only when its main site and every school site (kind "school_site" whose
 *   `parentId` is the school's id) are covered under the filter. Schools are counted both ways: by the main site
 *   alone, and as schools ("trường có điểm trường chưa có sóng": at least one school site uncovered).
 * - A school site whose `parentId` names no school of the list is reported as an import warning on its row.
 * - Pupils and households (`pointWeight`) in scope, and those without signal: in total, per counted carrier (not
 *   covered by that carrier), per province and per commune.
 *
 * Works in batches (the CLI streams point files): `add` each analysed batch, then `finish`. The area indices of the
 * batches must come from one analyzer (its area lists only grow), as createCoverageAnalyzer guarantees.
 */
import type { ImportIssue } from "../issues.ts";
import { makeIssue } from "../parse/import_issue.ts";
import { pointWeight } from "../planning/point_weights.ts";
import type { Point } from "../types.ts";
import { countedLayers, pointInScope, type CoverageAnalysis, type PointFilter } from "./analyze_coverage.ts";
import { domainMessage } from "../messages/message.ts";

/** Pupils and households, and those without signal. */
export interface WeightTotals {
  pupils: number;
  pupilsUncovered: number;
  households: number;
  householdsUncovered: number;
}

/** Weights over the points in the filter's scope. */
export interface WeightSummary extends WeightTotals {
  /** Per counted carrier: pupils and households that carrier does not cover. */
  byCarrier: { carrier: string; pupilsUncovered: number; householdsUncovered: number }[];
  /** Areas with at least one point in scope. */
  byProvince: ({ code: string; name: string } & WeightTotals)[];
  byCommune: ({ code: string; name: string; provinceCode?: string } & WeightTotals)[];
}

/** Schools counted by their main site and as schools (main site and every school site). */
export interface SchoolCounts {
  /** Schools in scope. */
  schools: number;
  /** Schools whose main site is uncovered. */
  mainUncovered: number;
  /** Schools with at least one uncovered school site ("trường có điểm trường chưa có sóng"). */
  withUncoveredSite: number;
  /** Schools not covered as schools: the main site or any school site uncovered. */
  notFullyCovered: number;
  /** Schools covered as schools: total − notFullyCovered. */
  fullyCovered: number;
  /** School sites of these schools, and how many are uncovered. */
  sites: number;
  sitesUncovered: number;
}

/** The school summary: totals, per province and per commune of the main site. */
export interface SchoolSummary extends SchoolCounts {
  byProvince: ({ code: string; name: string } & SchoolCounts)[];
  byCommune: ({ code: string; name: string; provinceCode?: string } & SchoolCounts)[];
  /** School sites whose parent_id names no school (reported in `issues`). */
  orphanSites: number;
}

/** What finish returns. */
export interface SchoolWeightResult {
  weights: WeightSummary;
  schools: SchoolSummary;
  /** One warning per school site whose parent_id names no school, with its file and row. */
  issues: ImportIssue[];
}

/** The batch accumulator. */
export interface SchoolWeightAccumulator {
  add(analysis: CoverageAnalysis, points: readonly Point[]): void;
  finish(): SchoolWeightResult;
}

interface SchoolEntry {
  inScope: boolean;
  mainUncovered: boolean;
  province: number;
  commune: number;
  sites: number;
  sitesUncovered: number;
}

interface SiteEntry {
  id: string;
  parentId: string;
  uncovered: boolean;
  file: string;
  row: number;
}

function emptyTotals(): WeightTotals {
  return { pupils: 0, pupilsUncovered: 0, households: 0, householdsUncovered: 0 };
}

function emptyCounts(): SchoolCounts {
  return { schools: 0, mainUncovered: 0, withUncoveredSite: 0, notFullyCovered: 0, fullyCovered: 0, sites: 0, sitesUncovered: 0 };
}

/**
 * Creates an accumulator for a filter.
 * @param filter - which coverage counts (carriers, minimum technology) and which points are in scope (kinds, area);
 *   for schools, the kinds condition is not applied (schools and their sites are always counted) and the area is
 *   that of the main site
 * @returns the accumulator
 */
export function createSchoolWeightAccumulator(filter: PointFilter = {}): SchoolWeightAccumulator {
  const schoolFilter: PointFilter = { ...filter, kinds: undefined };
  const totals = emptyTotals();
  const carrierTotals = new Map<string, { pupilsUncovered: number; householdsUncovered: number }>();
  const provinceTotals = new Map<number, WeightTotals>();
  const communeTotals = new Map<number, WeightTotals>();
  const schools = new Map<string, SchoolEntry>();
  const sites: SiteEntry[] = [];
  let provinces: CoverageAnalysis["provinces"] = [];
  let communes: CoverageAnalysis["communes"] = [];

  const addTotals = (target: WeightTotals, pupils: number, households: number, uncovered: boolean) => {
    target.pupils += pupils;
    target.households += households;
    if (uncovered) {
      target.pupilsUncovered += pupils;
      target.householdsUncovered += households;
    }
  };
  const areaTotals = (map: Map<number, WeightTotals>, area: number): WeightTotals | null => {
    if (area < 0) return null;
    let entry = map.get(area);
    if (!entry) {
      entry = emptyTotals();
      map.set(area, entry);
    }
    return entry;
  };

  return {
    add(analysis, points) {
      provinces = analysis.provinces;
      communes = analysis.communes;
      const { counted, carrierOfLayer, carriers } = countedLayers(analysis, filter);
      const countedCarriers = carriers.filter((_, id) => counted.some((flag, l) => flag && carrierOfLayer[l] === id));
      for (const carrier of countedCarriers) if (!carrierTotals.has(carrier)) carrierTotals.set(carrier, { pupilsUncovered: 0, householdsUncovered: 0 });
      const covering = new Uint8Array(carriers.length);
      for (let i = 0; i < points.length; i++) {
        const point = points[i];
        covering.fill(0);
        let any = false;
        const base = i * analysis.words;
        for (let l = 0; l < counted.length; l++) {
          if (!counted[l] || ((analysis.masks[base + (l >> 5)] >>> (l & 31)) & 1) === 0) continue;
          covering[carrierOfLayer[l]] = 1;
          any = true;
        }
        const uncovered = !any;
        if (point.kind === "school") {
          const entry = schools.get(point.id);
          // The first row of a repeated id is the school (duplicates are reported by the importer).
          if (!entry) {
            schools.set(point.id, {
              inScope: pointInScope(analysis, points, i, schoolFilter),
              mainUncovered: uncovered,
              province: analysis.provinceOf[i],
              commune: analysis.communeOf[i],
              sites: 0,
              sitesUncovered: 0,
            });
          }
        } else if (point.kind === "school_site" && point.parentId !== undefined) {
          sites.push({ id: point.id, parentId: point.parentId, uncovered, file: point.source.file, row: point.source.row });
        }
        if (!pointInScope(analysis, points, i, filter)) continue;
        const pupils = pointWeight(point, "pupils");
        const households = pointWeight(point, "households");
        if (pupils === 0 && households === 0) continue;
        addTotals(totals, pupils, households, uncovered);
        const province = areaTotals(provinceTotals, analysis.provinceOf[i]);
        if (province) addTotals(province, pupils, households, uncovered);
        const commune = areaTotals(communeTotals, analysis.communeOf[i]);
        if (commune) addTotals(commune, pupils, households, uncovered);
        for (const carrier of countedCarriers) {
          if (covering[carriers.indexOf(carrier)] === 1) continue;
          const entry = carrierTotals.get(carrier)!;
          entry.pupilsUncovered += pupils;
          entry.householdsUncovered += households;
        }
      }
    },
    finish() {
      const issues: ImportIssue[] = [];
      let orphanSites = 0;
      for (const site of sites) {
        const school = schools.get(site.parentId);
        if (!school) {
          orphanSites++;
          issues.push(parentUnknownIssue(site));
          continue;
        }
        school.sites++;
        if (site.uncovered) school.sitesUncovered++;
      }
      const total = emptyCounts();
      const byProvince = new Map<number, SchoolCounts>();
      const byCommune = new Map<number, SchoolCounts>();
      const addSchool = (counts: SchoolCounts, school: SchoolEntry) => {
        counts.schools++;
        if (school.mainUncovered) counts.mainUncovered++;
        if (school.sitesUncovered > 0) counts.withUncoveredSite++;
        if (school.mainUncovered || school.sitesUncovered > 0) counts.notFullyCovered++;
        else counts.fullyCovered++;
        counts.sites += school.sites;
        counts.sitesUncovered += school.sitesUncovered;
      };
      const counts = (map: Map<number, SchoolCounts>, area: number): SchoolCounts | null => {
        if (area < 0) return null;
        let entry = map.get(area);
        if (!entry) {
          entry = emptyCounts();
          map.set(area, entry);
        }
        return entry;
      };
      for (const school of schools.values()) {
        if (!school.inScope) continue;
        addSchool(total, school);
        const province = counts(byProvince, school.province);
        if (province) addSchool(province, school);
        const commune = counts(byCommune, school.commune);
        if (commune) addSchool(commune, school);
      }
      const areaList = <T>(map: Map<number, T>, areas: readonly { code: string; name: string; provinceCode?: string }[]) =>
        [...map.entries()]
          .sort((a, b) => a[0] - b[0])
          .map(([k, value]) => ({
            code: areas[k].code,
            name: areas[k].name,
            ...(areas[k].provinceCode !== undefined ? { provinceCode: areas[k].provinceCode } : {}),
            ...value,
          }));
      return {
        weights: {
          ...totals,
          byCarrier: [...carrierTotals.entries()].map(([carrier, value]) => ({ carrier, ...value })),
          byProvince: areaList(provinceTotals, provinces),
          byCommune: areaList(communeTotals, communes),
        },
        schools: { ...total, byProvince: areaList(byProvince, provinces), byCommune: areaList(byCommune, communes), orphanSites },
        issues,
      };
    },
  };
}

/**
 * The school and weight summary of one analysis (createSchoolWeightAccumulator with a single batch).
 * @param analysis - the analysis
 * @param points - the analysed points
 * @param filter - the filter
 * @returns weights, schools and the parent_id warnings
 * @example
 * ```ts
 * const { schools, weights } = summarizeSchoolsAndWeights(analysis, points, { minTechnology: "4G" });
 * schools.notFullyCovered; // schools whose main site or a school site has no 4G
 * ```
 */
export function summarizeSchoolsAndWeights(analysis: CoverageAnalysis, points: readonly Point[], filter: PointFilter = {}): SchoolWeightResult {
  const accumulator = createSchoolWeightAccumulator(filter);
  accumulator.add(analysis, points);
  return accumulator.finish();
}

function parentUnknownIssue(site: { id: string; parentId: string; file: string; row: number }): ImportIssue {
  return makeIssue(site.file, "warning", "parent_unknown", domainMessage("school_weight.parent_unknown", { id: site.id, parentId: site.parentId }), {
    row: site.row,
    column: "parent_id",
  });
}

/**
 * The warnings for school sites whose parent_id names no school of the list (any file), without an analysis.
 * @param points - every imported point
 * @returns one warning per such site, in point order
 */
export function orphanSchoolSiteIssues(points: readonly Point[]): ImportIssue[] {
  const schools = new Set<string>();
  for (const point of points) if (point.kind === "school") schools.add(point.id);
  const issues: ImportIssue[] = [];
  for (const point of points) {
    if (point.kind === "school_site" && point.parentId !== undefined && !schools.has(point.parentId)) {
      issues.push(parentUnknownIssue({ id: point.id, parentId: point.parentId, file: point.source.file, row: point.source.row }));
    }
  }
  return issues;
}
