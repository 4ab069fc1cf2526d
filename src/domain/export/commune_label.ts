/**
 * Commune names as people read them. After the 2025 merger some commune names occur in two provinces
 * ("Yên Bình" in Lào Cai and in Lạng Sơn in the sample boundaries): a dropdown, a table or a sheet that shows
 * just "Yên Bình" leaves the reader guessing which. Those names carry their province: "Yên Bình (Lào Cai)".
 * Shared by the app (filters, statistics, list) and the exports so every place says the same.
 */
import { foldForSearch } from "../parse/fold_for_search.ts";

/**
 * Names of communes that occur more than once (in two provinces, or twice in one), to be shown with their province.
 * Names are compared folded (case and diacritics aside), as a search would match them.
 * @param communes - the commune catalogue
 * @returns the folded names that repeat
 * @example
 * ```ts
 * repeatedCommuneNames([{ name: "Yên Bình" }, { name: "yen binh" }, { name: "Sa Pa" }]); // Set { "yen binh" }
 * ```
 */
export function repeatedCommuneNames(communes: readonly { name: string }[]): Set<string> {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const commune of communes) {
    const key = foldForSearch(commune.name);
    if (seen.has(key)) repeated.add(key);
    seen.add(key);
  }
  return repeated;
}

/**
 * A commune's name as people should read it: "Yên Bình (Tuyên Quang)" when another commune has the same name,
 * otherwise just "Yên Bình" (a label that says the obvious is noise).
 * @param name - the commune's name
 * @param provinceName - its province, when known
 * @param repeated - from repeatedCommuneNames
 * @returns the label
 */
export function communeLabel(name: string, provinceName: string | undefined, repeated: ReadonlySet<string>): string {
  return provinceName && repeated.has(foldForSearch(name)) ? `${name} (${provinceName})` : name;
}

/**
 * The labeller for one area catalogue: the repeated names and the province names computed once, then one call per
 * commune.
 * @param catalogue - the provinces and communes of an analysis (CoverageAnalysis has both)
 * @returns (commune) =\> its label; a commune without a province in the catalogue keeps its plain name
 * @example
 * ```ts
 * const label = communeLabeller(analysis);
 * label({ name: "Yên Bình", provinceCode: "15" }); // "Yên Bình (Lào Cai)"
 * ```
 */
export function communeLabeller(catalogue: {
  provinces: readonly { code: string; name: string }[];
  communes: readonly { name: string; provinceCode?: string }[];
}): (commune: { name: string; provinceCode?: string }) => string {
  const repeated = repeatedCommuneNames(catalogue.communes);
  const provinceNames = new Map(catalogue.provinces.map((province) => [province.code, province.name]));
  return (commune) => communeLabel(commune.name, commune.provinceCode === undefined ? undefined : provinceNames.get(commune.provinceCode), repeated);
}
