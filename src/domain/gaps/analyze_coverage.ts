/**
 * Points × coverage → per-point layer masks and admin areas, and the questions asked of them:
 * which layers cover a point, its status under a filter, which points match a filter.
 */
import { foldForSearch } from "../parse/fold_for_search.ts";
import { buildAdminIndex, locateAdmin } from "../spatial/admin_index.ts";
import { buildCoverageIndex, queryCoverageMasks } from "../spatial/coverage_index.ts";
import { selectCoverageReleases } from "./coverage_releases.ts";
import { provinceName2025 } from "./provinces_2025.ts";
import { TECHNOLOGIES, type AdminArea, type CoverageFeature, type CoverageLayerInfo, type Point, type PointKind, type Technology } from "../types.ts";

/** The result of analyzeCoverage. Plain data and typed arrays (can cross postMessage). */
export interface CoverageAnalysis {
  layers: CoverageLayerInfo[];
  /** 32-bit words per point in `masks`. */
  words: number;
  /** Bit l of word (i * words + floor(l / 32)) is set when layer l covers point i. */
  masks: Uint32Array;
  provinces: { code: string; name: string }[];
  communes: { code: string; name: string; provinceCode?: string }[];
  /** Index into `provinces` per point, -1 = unknown. */
  provinceOf: Int32Array;
  /** Index into `communes` per point, -1 = unknown. */
  communeOf: Int32Array;
}

/** Which coverage counts and which points are considered. */
export interface PointFilter {
  /** Only layers at or above this technology count (default: any). */
  minTechnology?: Technology;
  /** Only layers of these carriers count (default: every carrier). */
  carriers?: string[];
  /** Only points of these kinds are selected or counted. */
  kinds?: PointKind[];
  /** Only points in this province (matched by code). */
  provinceCode?: string;
  /** Only points in this commune (matched by code). */
  communeCode?: string;
}

/** "single_carrier" = exactly one distinct carrier counts; "covered" = two or more. */
export type PointStatus = "uncovered" | "single_carrier" | "covered";

/**
 * Analyses points against coverage (and admin areas when given).
 * A point's province and commune come from its row when given (matched to a loaded area by code, or by name
 * ignoring case and accents; kept as an unmatched entry otherwise), else from point-in-polygon against the loaded
 * areas; a missing province is then taken from the commune's parent code.
 * @param points - the points
 * @param coverage - coverage features of any number of carriers, technologies and files
 * @param admin - province and/or commune boundaries (optional)
 * @param options - `asOf`: count, per carrier × technology, the latest release on or before that date (default: the latest)
 * @returns masks, layers and admin areas per point
 * @example
 * ```ts
 * const analysis = analyzeCoverage(points, coverage, communes);
 * const uncovered = selectPoints(analysis, points, { status: "uncovered", minTechnology: "4G" });
 * ```
 */
export function analyzeCoverage(
  points: readonly Point[],
  coverage: readonly CoverageFeature[],
  admin: readonly AdminArea[] = [],
  options: { asOf?: string } = {},
): CoverageAnalysis {
  return createCoverageAnalyzer(coverage, admin, options).analyze(points);
}

/** Indexes built once, then applied to any number of point batches (see createCoverageAnalyzer). */
export interface CoverageAnalyzer {
  layers: CoverageLayerInfo[];
  /**
   * Analyses one batch of points. Area indices (provinceOf, communeOf) refer to the analyzer's shared area lists,
   * which only grow, so indices from earlier batches stay valid.
   */
  analyze(points: readonly Point[]): CoverageAnalysis;
}

/**
 * Builds the coverage and admin indexes once, for analysing points in batches: the CLI streams a large point file
 * through it so that memory is bounded by the indexes, not by the number of points. `analyzeCoverage` is this with
 * a single batch.
 * @param coverage - coverage features of any number of carriers, technologies and files
 * @param admin - province and/or commune boundaries (optional)
 * @returns an analyzer whose `analyze(points)` gives the same result as analyzeCoverage for those points
 * @example
 * ```ts
 * const analyzer = createCoverageAnalyzer(coverage, communes);
 * for (const batch of batches) summaries.push(summarizeCoverage(analyzer.analyze(batch), batch));
 * ```
 */
export function createCoverageAnalyzer(
  coverage: readonly CoverageFeature[],
  admin: readonly AdminArea[] = [],
  options: { asOf?: string } = {},
): CoverageAnalyzer {
  // One release per carrier × technology counts: the latest (on or before options.asOf); see coverage_releases.ts.
  const index = buildCoverageIndex(selectCoverageReleases(coverage, options).inForce);
  const provinceAreas = admin.filter((area) => area.level === "province");
  const communeAreas = admin.filter((area) => area.level === "commune");
  const provinces = new AreaCatalogue(provinceAreas.map((area) => ({ code: area.code, name: area.name })));
  const communes = new AreaCatalogue(communeAreas.map((area) => ({ code: area.code, name: area.name, provinceCode: area.parentCode })));
  const provinceIndex = provinceAreas.length > 0 ? buildAdminIndex(provinceAreas) : null;
  const communeParentNames = new Map<string, string>();
  for (const area of communeAreas)
    if (area.parentCode && area.parentName && !communeParentNames.has(area.parentCode)) communeParentNames.set(area.parentCode, area.parentName);
  const communeIndex = communeAreas.length > 0 ? buildAdminIndex(communeAreas) : null;

  function analyze(points: readonly Point[]): CoverageAnalysis {
    const count = points.length;
    const lon = new Float64Array(count);
    const lat = new Float64Array(count);
    for (let i = 0; i < count; i++) {
      lon[i] = points[i].lon;
      lat[i] = points[i].lat;
    }
    const masks = queryCoverageMasks(index, lon, lat);
    const provinceOf = new Int32Array(count).fill(-1);
    const communeOf = new Int32Array(count).fill(-1);
    for (let i = 0; i < count; i++) {
      const point = points[i];
      // Province from the row first when it names a loaded area (it also helps to pick among communes of the same
      // name); a name no loaded area has (a pre-2025 province such as "Hà Giang") gives way to the boundaries.
      let province = provinces.find(point.provinceCode, point.provinceName);
      let commune = communes.find(point.communeCode, point.communeName, province >= 0 ? provinces.entries[province].code : undefined);
      if (commune < 0 && communeIndex !== null) commune = locateAdmin(communeIndex, lon[i], lat[i]);
      if (province < 0 && provinceIndex !== null) province = locateAdmin(provinceIndex, lon[i], lat[i]);
      if (province < 0 && commune >= 0) {
        const parent = communes.entries[commune];
        // Only communes loaded: the province is the commune's, named from the commune file or the 2025 list.
        if (parent.provinceCode)
          province = provinces.match(
            parent.provinceCode,
            undefined,
            undefined,
            communeParentNames.get(parent.provinceCode) ?? provinceName2025(parent.provinceCode),
          );
      }
      // With no boundary of a level loaded, the row's own area is all there is: it gets an entry of its own.
      if (province < 0 && provinceIndex === null && commune < 0) province = provinces.match(point.provinceCode, point.provinceName);
      if (commune < 0 && communeIndex === null)
        commune = communes.match(point.communeCode, point.communeName, province >= 0 ? provinces.entries[province].code : undefined);
      provinceOf[i] = province;
      communeOf[i] = commune;
    }
    return {
      layers: index.layers,
      words: index.words,
      masks,
      provinces: provinces.entries,
      communes: communes.entries,
      provinceOf,
      communeOf,
    };
  }
  return { layers: index.layers, analyze };
}

/** Admin entries: the loaded areas first (same order), then every unmatched area named in rows. */
class AreaCatalogue {
  readonly entries: { code: string; name: string; provinceCode?: string }[];
  private readonly byCode = new Map<string, number[]>();
  private readonly byName = new Map<string, number[]>();

  constructor(loaded: { code: string; name: string; provinceCode?: string }[]) {
    this.entries = [];
    for (const entry of loaded) this.add(entry);
  }

  private add(entry: { code: string; name: string; provinceCode?: string }): number {
    const index = this.entries.length;
    this.entries.push(entry);
    if (entry.code) pushTo(this.byCode, foldCode(entry.code), index);
    if (entry.name) pushTo(this.byName, foldName(entry.name), index);
    return index;
  }

  /**
   * Finds the entry for a code and/or name from a row, adding an unmatched entry when nothing matches (named
   * `fallbackName` when the row gives only a code). Among several entries with the same name, the one in
   * `provinceCode` wins.
   */
  match(code: string | undefined, name: string | undefined, provinceCode?: string, fallbackName?: string): number {
    const found = this.find(code, name, provinceCode);
    if (found >= 0) return found;
    const trimmedCode = code?.trim() ?? "";
    const trimmedName = name?.trim() || fallbackName || "";
    if (trimmedCode === "" && trimmedName === "") return -1;
    return this.add({ code: trimmedCode || trimmedName, name: trimmedName || trimmedCode, ...(provinceCode ? { provinceCode } : {}) });
  }

  /** Finds the entry for a code and/or name from a row, or -1 (adds nothing). */
  find(code: string | undefined, name: string | undefined, provinceCode?: string): number {
    const trimmedCode = code?.trim() ?? "";
    const trimmedName = name?.trim() ?? "";
    if (trimmedCode === "" && trimmedName === "") return -1;
    if (trimmedCode !== "") {
      const found = this.byCode.get(foldCode(trimmedCode));
      if (found) return found[0];
    }
    if (trimmedName !== "") {
      const found = this.byName.get(foldName(trimmedName));
      if (found) {
        if (provinceCode !== undefined) {
          const inProvince = found.find((k) => this.entries[k].provinceCode === provinceCode);
          if (inProvince !== undefined) return inProvince;
        }
        return found[0];
      }
    }
    return -1;
  }
}

function pushTo(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Codes match without accents or case, and numeric codes without their leading zeros: Excel turns the GSO
 * code "02686" into the number 2686 when a file passes through it, and "08" into 8.
 */
function foldCode(code: string): string {
  const folded = foldForSearch(code);
  return /^\d+$/.test(folded) ? folded.replace(/^0+(?=\d)/, "") : folded;
}

/** Place names match without accents, case, or a leading unit word ("Tỉnh Lào Cai" = "Lào Cai"). */
const UNIT_PREFIX = /^(tinh|thanh pho|tp\.?|xa|phuong|thi tran|thi xa|huyen|quan)\s+/u;

function foldName(name: string): string {
  return foldForSearch(name).replace(UNIT_PREFIX, "");
}

/**
 * Tells whether a row's area (code and/or name) is the given area entry, by the rules rows are matched with
 * (codes without leading zeros, names without accents, case or unit word).
 * @param area - an entry of the analysis (or undefined: no area)
 * @param code - the row's code
 * @param name - the row's name
 * @returns true when the row names that entry
 */
export function sameArea(area: { code: string; name: string } | undefined, code: string | undefined, name: string | undefined): boolean {
  if (!area) return false;
  const trimmedCode = code?.trim() ?? "";
  const trimmedName = name?.trim() ?? "";
  if (trimmedCode !== "" && foldCode(trimmedCode) === foldCode(area.code)) return true;
  return trimmedName !== "" && foldName(trimmedName) === foldName(area.name);
}

function technologyRank(technology: Technology): number {
  return TECHNOLOGIES.indexOf(technology);
}

/**
 * Lists the layers covering a point.
 * @param analysis - the analysis
 * @param pointIndex - the point's index
 * @returns the covering layers, in layer order
 */
export function coverageOf(analysis: CoverageAnalysis, pointIndex: number): CoverageLayerInfo[] {
  const result: CoverageLayerInfo[] = [];
  const base = pointIndex * analysis.words;
  for (let l = 0; l < analysis.layers.length; l++) {
    if ((analysis.masks[base + (l >> 5)] >>> (l & 31)) & 1) result.push(analysis.layers[l]);
  }
  return result;
}

/**
 * For each layer, whether it counts under the filter (carrier in filter.carriers, technology at or above minTechnology),
 * and the carrier id (index into the returned carrier list) of each layer.
 * @param analysis - the analysis
 * @param filter - the filter
 * @returns counted flags, carrier ids per layer and the distinct carriers
 */
export function countedLayers(
  analysis: Pick<CoverageAnalysis, "layers">,
  filter: PointFilter = {},
): { counted: boolean[]; carrierOfLayer: number[]; carriers: string[] } {
  const minimum = filter.minTechnology ? technologyRank(filter.minTechnology) : 0;
  const allowed = filter.carriers && filter.carriers.length > 0 ? new Set(filter.carriers) : null;
  const carriers: string[] = [];
  const carrierOfLayer: number[] = [];
  const counted: boolean[] = [];
  for (const layer of analysis.layers) {
    let id = carriers.indexOf(layer.carrier);
    if (id < 0) {
      id = carriers.length;
      carriers.push(layer.carrier);
    }
    carrierOfLayer.push(id);
    counted.push(technologyRank(layer.technology) >= minimum && (allowed === null || allowed.has(layer.carrier)));
  }
  return { counted, carrierOfLayer, carriers };
}

/** Number of distinct counted carriers covering point i (0, 1 or 2 meaning "two or more"). */
function countCarriers(analysis: CoverageAnalysis, pointIndex: number, counted: boolean[], carrierOfLayer: number[]): number {
  const base = pointIndex * analysis.words;
  let first = -1;
  for (let l = 0; l < counted.length; l++) {
    if (!counted[l]) continue;
    if (((analysis.masks[base + (l >> 5)] >>> (l & 31)) & 1) === 0) continue;
    const carrier = carrierOfLayer[l];
    if (first < 0) first = carrier;
    else if (carrier !== first) return 2;
  }
  return first < 0 ? 0 : 1;
}

const STATUS_BY_COUNT: readonly PointStatus[] = ["uncovered", "single_carrier", "covered"];

/**
 * The status of a point under a filter: only layers of the filter's carriers at or above its minimum technology count.
 * @param analysis - the analysis
 * @param pointIndex - the point's index
 * @param filter - the filter (kinds and areas are ignored here)
 * @returns "uncovered" (no counted layer), "single_carrier" (exactly one distinct carrier) or "covered" (two or more)
 */
export function pointStatus(analysis: CoverageAnalysis, pointIndex: number, filter: PointFilter = {}): PointStatus {
  const { counted, carrierOfLayer } = countedLayers(analysis, filter);
  return STATUS_BY_COUNT[countCarriers(analysis, pointIndex, counted, carrierOfLayer)];
}

/**
 * Tells whether a point passes the filter's kind and area conditions.
 * @param analysis - the analysis
 * @param points - the analysed points
 * @param pointIndex - the point's index
 * @param filter - the filter
 * @returns true when the point is in scope
 */
export function pointInScope(analysis: CoverageAnalysis, points: readonly Point[], pointIndex: number, filter: PointFilter): boolean {
  if (filter.kinds && filter.kinds.length > 0 && !filter.kinds.includes(points[pointIndex].kind)) return false;
  if (filter.provinceCode !== undefined) {
    const province = analysis.provinceOf[pointIndex];
    if (province < 0 || analysis.provinces[province].code !== filter.provinceCode) return false;
  }
  if (filter.communeCode !== undefined) {
    const commune = analysis.communeOf[pointIndex];
    if (commune < 0 || analysis.communes[commune].code !== filter.communeCode) return false;
  }
  return true;
}

/**
 * Selects the points that pass the filter and have the given status.
 * @param analysis - the analysis
 * @param points - the analysed points
 * @param filter - the filter, plus `status` (default "all")
 * @returns the matching point indices, ascending
 * @example
 * ```ts
 * const uncoveredByViettel = selectPoints(analysis, points, { carriers: ["Viettel"], status: "uncovered" });
 * ```
 */
export function selectPoints(analysis: CoverageAnalysis, points: readonly Point[], filter: PointFilter & { status?: PointStatus | "all" }): Uint32Array {
  const { counted, carrierOfLayer } = countedLayers(analysis, filter);
  const wanted = filter.status ?? "all";
  const selected = new Uint32Array(points.length);
  let count = 0;
  for (let i = 0; i < points.length; i++) {
    if (!pointInScope(analysis, points, i, filter)) continue;
    if (wanted !== "all" && STATUS_BY_COUNT[countCarriers(analysis, i, counted, carrierOfLayer)] !== wanted) continue;
    selected[count++] = i;
  }
  return selected.slice(0, count);
}

/**
 * Counts the distinct counted carriers covering each point (0, 1, or 2 for two or more).
 * @param analysis - the analysis
 * @param filter - the filter (carriers and minimum technology)
 * @returns one count per point
 */
export function countCoveringCarriers(analysis: CoverageAnalysis, filter: PointFilter = {}): Uint8Array {
  const { counted, carrierOfLayer } = countedLayers(analysis, filter);
  const count = analysis.provinceOf.length;
  const result = new Uint8Array(count);
  for (let i = 0; i < count; i++) result[i] = countCarriers(analysis, i, counted, carrierOfLayer);
  return result;
}
