/**
 * The lookup: "does my school have signal, and from whom?" Finds points (every point, covered or not) and
 * places (provinces, communes) by name, code or area, insensitive to diacritics and case, and says which
 * carriers and technologies cover a point. Pure functions over the analysed points.
 */
import { coverageOf, foldForSearch, pointCount, type CoverageAnalysis } from "../../domain/index.ts";
// The commune labels live in the domain (the exports use them too); re-exported for the panels.
export { communeLabel, communeLabeller, repeatedCommuneNames } from "../../domain/index.ts";
import type { Point } from "../../domain/types.ts";
import { searchTexts, type ListSource } from "./list_rows.ts";

export interface PlaceHit {
  level: "province" | "commune";
  code: string;
  name: string;
  /** The province of a commune, to tell apart communes of the same name. */
  provinceName?: string;
}

function tokens(query: string): string[] {
  return foldForSearch(query)
    .split(/\s+/)
    .filter((token) => token.length > 0);
}

/**
 * The points whose name, id, commune or province contain every word of the query, best first: names
 * starting with the query, then names containing it, then the others (matched by their area).
 * @param source - points and analysis
 * @param query - what was typed
 * @param limit - at most this many
 * @returns point indices
 */
export function lookupPoints(source: ListSource, query: string, limit: number): number[] {
  const words = tokens(query);
  if (words.length === 0) return [];
  const folded = foldForSearch(query).trim();
  const texts = searchTexts(source);
  const ranked: { index: number; rank: number }[] = [];
  for (let index = 0; index < texts.length; index++) {
    if (!words.every((word) => texts[index].includes(word))) continue;
    const name = foldForSearch(source.points[index].name);
    ranked.push({
      index,
      rank: name.startsWith(folded) ? 0 : name.includes(folded) ? 1 : source.points[index].id.toLowerCase() === query.trim().toLowerCase() ? 0 : 2,
    });
  }
  ranked.sort((a, b) => a.rank - b.rank || a.index - b.index);
  return ranked.slice(0, limit).map((entry) => entry.index);
}

/**
 * Provinces and communes whose name contains every word of the query; a commune carries its province's name.
 * @param analysis - the analysis (its area catalogue)
 * @param query - what was typed
 * @param limit - at most this many
 * @returns the places, provinces first
 */
export function lookupPlaces(analysis: CoverageAnalysis, query: string, limit: number): PlaceHit[] {
  const words = tokens(query);
  if (words.length === 0) return [];
  const provinceNames = new Map(analysis.provinces.map((province) => [province.code, province.name]));
  const hits: PlaceHit[] = [];
  for (const province of analysis.provinces) {
    if (words.every((word) => foldForSearch(province.name).includes(word))) hits.push({ level: "province", code: province.code, name: province.name });
  }
  for (const commune of analysis.communes) {
    const provinceName = commune.provinceCode ? provinceNames.get(commune.provinceCode) : undefined;
    if (words.every((word) => foldForSearch(`${commune.name} ${provinceName ?? ""}`).includes(word)))
      hits.push({ level: "commune", code: commune.code, name: commune.name, ...(provinceName ? { provinceName } : {}) });
  }
  return hits.slice(0, limit);
}

/**
 * Which carriers cover a point, with their technologies, whatever the filters: "Viettel: 2G, 4G".
 * @param analysis - the analysis
 * @param index - the point
 * @returns one entry per carrier, in the order of the layers
 */
export function coverageByCarrier(analysis: CoverageAnalysis, index: number): { carrier: string; technologies: string[] }[] {
  const byCarrier = new Map<string, string[]>();
  for (const layer of coverageOf(analysis, index)) {
    const list = byCarrier.get(layer.carrier) ?? [];
    if (!list.includes(layer.technology)) list.push(layer.technology);
    byCarrier.set(layer.carrier, list);
  }
  return [...byCarrier].map(([carrier, technologies]) => ({ carrier, technologies }));
}

/** A count shown for a point: pupils of a school or school site, households of a village. */
export interface PointCountEntry {
  kind: "pupils" | "households";
  value: number;
}

/**
 * The pupils and households the list gives for a point, for the popup, the lookup card and the list: a list has one
 * count read as the weight and perhaps a second count column ("pupils" and "households", "Sĩ số" and "Số hộ"); both
 * are read as the statistics read them (the domain's pointCount).
 * @param point - the point
 * @returns the counts it has, pupils first; empty when it has none
 */
export function pointCounts(point: Pick<Point, "kind" | "weight" | "extra">): PointCountEntry[] {
  const entries: PointCountEntry[] = [];
  for (const kind of ["pupils", "households"] as const) {
    const value = pointCount(point, kind);
    if (value !== null) entries.push({ kind, value });
  }
  return entries;
}
