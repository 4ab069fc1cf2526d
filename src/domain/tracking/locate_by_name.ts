/**
 * Locating the rows of a provincial list that give no coordinates and no point id: by the name of the
 * village or school and its commune (and province), against the loaded points. Exactly one point with that
 * name in that commune links the row; several or none leave it unplaced, with the most alike points as
 * candidates for a person to choose from. Nothing is ever guessed.
 */
import type { Point } from "../types.ts";
import { editDistance, placeNameKey, unitNameKey } from "./place_names.ts";

/** What the row says about where it is. Communes and provinces: every name it may go by (as written, 2025). */
export interface NameQuery {
  name: string;
  communes: readonly string[];
  provinces: readonly string[];
}

/** A point offered for an unplaced row. */
export interface NameCandidate {
  pointId: string;
  name: string;
  commune: string;
  province: string;
  lon: number;
  lat: number;
  /** 0–1: name similarity (0.7), same commune (0.2), same province (0.1). */
  score: number;
}

/** The outcome of locating one row. */
export type NameMatch =
  | { kind: "matched"; point: Point }
  /** Several points have that name in that commune: all of them (and more alike ones) are candidates. */
  | { kind: "ambiguous"; candidates: NameCandidate[] }
  | { kind: "none"; candidates: NameCandidate[] };

interface IndexedPoint {
  point: Point;
  name: string;
  commune: string;
  province: string;
}

/** The locator over one point list: build once, query per row. */
export interface NameLocator {
  locate(query: NameQuery, candidates?: number): NameMatch;
  /** The point with that id, for a remembered choice. */
  byId(id: string): Point | undefined;
}

const NAME_WEIGHT = 0.7;
const COMMUNE_WEIGHT = 0.2;
const PROVINCE_WEIGHT = 0.1;

/**
 * Whether a point fits a row exactly: the same name key, the same commune when the row names one (a point
 * with no commune does not fit a row that names one), and the same province when both name one.
 * @param point - the point's keys
 * @param name - the row's name key
 * @param communes - the row's commune keys (empty: not checked)
 * @param provinces - the row's province keys (empty: not checked)
 * @returns true when it fits
 */
function fits(point: IndexedPoint, name: string, communes: readonly string[], provinces: readonly string[]): boolean {
  if (point.name !== name) return false;
  if (communes.length > 0 && !communes.includes(point.commune)) return false;
  if (provinces.length > 0 && point.province !== "" && !provinces.includes(point.province)) return false;
  return true;
}

/**
 * The score of a point for a row (see NameCandidate.score).
 * @param point - the point's keys
 * @param name - the row's name key
 * @param communes - the row's commune keys
 * @param provinces - the row's province keys
 * @returns 0–1
 */
export function candidateScore(
  point: { name: string; commune: string; province: string },
  name: string,
  communes: readonly string[],
  provinces: readonly string[],
): number {
  const longest = Math.max(name.length, point.name.length);
  return scoreOf(longest === 0 ? 0 : editDistance(name, point.name), longest, placeBonus(point, communes, provinces));
}

function placeBonus(point: { commune: string; province: string }, communes: readonly string[], provinces: readonly string[]): number {
  return (
    (point.commune !== "" && communes.includes(point.commune) ? COMMUNE_WEIGHT : 0) +
    (point.province !== "" && provinces.includes(point.province) ? PROVINCE_WEIGHT : 0)
  );
}

/** The score from an edit distance: similarity 1 − distance / longer length (1 for two empty names), rounded to 0.001. */
function scoreOf(distance: number, longest: number, bonus: number): number {
  const similarity = longest === 0 ? 1 : 1 - distance / longest;
  return Math.round((NAME_WEIGHT * similarity + bonus) * 1000) / 1000;
}

/**
 * Builds a locator over the loaded points.
 *
 * Exact fits are found through an index by name key. Candidates for an unplaced row are every exact fit (when
 * there are several), then the most alike other points of the row's province (when some loaded point is in it;
 * otherwise of all points), up to `candidates`; each group best score first, ties by point id. A point whose name
 * cannot beat the current last candidate is skipped before its edit distance is computed.
 * @param points - the loaded points
 * @returns the locator
 * @example
 * ```ts
 * const locator = createNameLocator(points);
 * locator.locate({ name: "Thôn Nà Lốc", communes: ["Bản Lầu"], provinces: ["Lào Cai"] }); // { kind: "matched", point }
 * ```
 */
export function createNameLocator(points: readonly Point[]): NameLocator {
  // Communes and provinces repeat across points: their keys are computed once each.
  const unitKeys = new Map<string, string>();
  const unitKey = (name: string | undefined) => {
    if (!name) return "";
    let key = unitKeys.get(name);
    if (key === undefined) unitKeys.set(name, (key = unitNameKey(name)));
    return key;
  };
  const indexed: IndexedPoint[] = points.map((point) => ({
    point,
    name: placeNameKey(point.name),
    commune: unitKey(point.communeName),
    province: unitKey(point.provinceName),
  }));
  const byName = new Map<string, IndexedPoint[]>();
  const byProvince = new Map<string, IndexedPoint[]>();
  const byId = new Map<string, Point>();
  for (const entry of indexed) {
    const list = byName.get(entry.name);
    if (list) list.push(entry);
    else byName.set(entry.name, [entry]);
    if (entry.province !== "") {
      const inProvince = byProvince.get(entry.province);
      if (inProvince) inProvince.push(entry);
      else byProvince.set(entry.province, [entry]);
    }
    if (!byId.has(entry.point.id)) byId.set(entry.point.id, entry.point);
  }
  return {
    byId: (id) => byId.get(id),
    locate(query, count = 3) {
      const name = placeNameKey(query.name);
      const communes = [...new Set(query.communes.map(unitNameKey).filter((key) => key !== ""))];
      const provinces = [...new Set(query.provinces.map(unitNameKey).filter((key) => key !== ""))];
      const exact = (byName.get(name) ?? []).filter((entry) => fits(entry, name, communes, provinces));
      if (exact.length === 1) return { kind: "matched", point: exact[0].point };
      const inProvinces = provinces.flatMap((province) => byProvince.get(province) ?? []);
      const pool = inProvinces.length > 0 ? inProvinces : indexed;
      // Every exact fit is offered first; the most alike other points fill the list up to `count`.
      const exactSet = new Set(exact);
      const byScore = (a: { entry: IndexedPoint; score: number }, b: { entry: IndexedPoint; score: number }) =>
        b.score - a.score || compareIds(a.entry.point.id, b.entry.point.id);
      const first = exact.map((entry) => ({ entry, score: candidateScore(entry, name, communes, provinces) })).sort(byScore);
      const best: { entry: IndexedPoint; score: number }[] = [];
      const wanted = count - first.length;
      for (const entry of wanted > 0 ? pool : []) {
        if (exactSet.has(entry)) continue;
        const bonus = placeBonus(entry, communes, provinces);
        const longest = Math.max(name.length, entry.name.length);
        // Once the list is full, only a distance small enough to reach the last score matters: the edit distance
        // stops counting beyond it (the limit errs on the generous side of the rounding).
        let limit = longest;
        if (best.length >= wanted) {
          const needed = best[best.length - 1].score - bonus - 0.001;
          limit = Math.floor(longest * (1 - needed / NAME_WEIGHT) + 1e-9);
          if (limit < 0) continue;
        }
        const distance = longest === 0 ? 0 : editDistance(name, entry.name, limit);
        if (distance > limit) continue;
        const score = scoreOf(distance, longest, bonus);
        if (best.length >= wanted && byScore({ entry, score }, best[best.length - 1]) > 0) continue;
        best.push({ entry, score });
        best.sort(byScore);
        if (best.length > wanted) best.pop();
      }
      const candidates = [...first, ...best].map(({ entry, score }) => ({
        pointId: entry.point.id,
        name: entry.point.name,
        commune: entry.point.communeName ?? "",
        province: entry.point.provinceName ?? "",
        lon: entry.point.lon,
        lat: entry.point.lat,
        score,
      }));
      return exact.length > 1 ? { kind: "ambiguous", candidates } : { kind: "none", candidates };
    },
  };
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
