/**
 * The statistics as one CSV (UTF-8 with BOM for Excel, formula-safe): provinces, communes, then
 * carrier × technology layers, with headers in the interface language. A file for people: each commune has its
 * province beside it (two provinces may have a commune of the same name) and dates read dd/mm/yyyy.
 */
import { peopleDate, toCsv, type CoverageSummary, type CsvSeparator } from "../../domain/index.ts";
import type { Language } from "../../domain/types.ts";
import { createNameCollator, translate } from "../i18n/i18n.ts";

/**
 * Sorts areas by name with Vietnamese collation.
 * @param areas - provinces or communes
 * @returns a sorted copy
 */
export function sortByName<T extends { name: string; unknown?: true }>(areas: readonly T[]): T[] {
  const collator = createNameCollator();
  // The "Không xác định / Unknown" row (points in no loaded area) stays last.
  return [...areas].sort((a, b) => Number(a.unknown === true) - Number(b.unknown === true) || collator.compare(a.name, b.name));
}

/**
 * Writes the statistics CSV.
 * @param summary - the summary under the current filters
 * @param language - the language of the headers and level names
 * @param separator - the CSV flavour, `comma` by default
 * @param provinceNames - province names by code, for the communes' Tỉnh column (default: the summary's provinces)
 * @returns the CSV text
 * @example
 * ```ts
 * statisticsToCsv(summarizeCoverage(analysis, points, filter), "vi")
 * ```
 */
export function statisticsToCsv(
  summary: CoverageSummary,
  language: Language,
  separator: CsvSeparator = "comma",
  provinceNames: ReadonlyMap<string, string> = new Map(summary.byProvince.filter((area) => !area.unknown).map((area) => [area.code, area.name])),
): string {
  const t = (key: Parameters<typeof translate>[1]) => translate(language, key);
  const columns = [
    t("stats.level"),
    t("stats.code"),
    t("stats.area"),
    t("stats.province"),
    t("stats.points"),
    t("stats.uncovered"),
    t("stats.covered"),
    t("stats.percentCovered"),
    t("stats.asOf"),
  ];
  const rows: (string | number | null)[][] = [];
  const name = (area: { name: string; unknown?: true }) => (area.unknown ? t("stats.unknownArea") : area.name);
  for (const area of sortByName(summary.byProvince))
    rows.push([t("stats.level.province"), area.code, name(area), null, area.total, area.uncovered, area.covered, area.percentCovered, null]);
  for (const area of sortByName(summary.byCommune))
    rows.push([
      t("stats.level.commune"),
      area.code,
      name(area),
      area.provinceCode === undefined ? null : (provinceNames.get(area.provinceCode) ?? null),
      area.total,
      area.uncovered,
      area.covered,
      area.percentCovered,
      null,
    ]);
  for (const layer of summary.byLayer) {
    const percent = layer.total > 0 ? Math.round((1000 * layer.covered) / layer.total) / 10 : 0;
    rows.push([
      t("stats.level.layer"),
      "",
      `${layer.carrier} ${layer.technology}`,
      null,
      layer.total,
      layer.total - layer.covered,
      layer.covered,
      percent,
      layer.asOf === null ? null : peopleDate(layer.asOf),
    ]);
  }
  return toCsv(columns, rows, { separator });
}
