/**
 * The schools-as-schools and pupils/households statistics as one CSV (formula-safe, through the domain's toCsv):
 * one section per table, each row "section, area or carrier, figure, value". A file for people: headers in the
 * interface language, as the statistics tab words them, and each commune's province beside it.
 */
import { toCsv, type CsvSeparator, type Language, type SchoolWeightResult } from "../../domain/index.ts";
import { translate, type MessageKey } from "../i18n/i18n.ts";

/**
 * Writes the statistics.
 * @param result - the summary
 * @param language - the language of the headers
 * @param separator - comma or semicolon
 * @param provinceNames - province names by code, for the communes' province column (default: the result's provinces)
 * @returns the CSV text
 */
export function schoolWeightCsv(
  result: SchoolWeightResult,
  language: Language,
  separator: CsvSeparator = "comma",
  provinceNames: ReadonlyMap<string, string> = new Map([...result.weights.byProvince, ...result.schools.byProvince].map((area) => [area.code, area.name])),
): string {
  const t = (key: MessageKey) => translate(language, key);
  const vi = language === "vi";
  const header = [
    vi ? "Mục" : "Section",
    t("stats.code"),
    t("list.column.name"),
    t("stats.province"),
    t("schoolStats.schools"),
    t("schoolStats.mainUncovered"),
    t("schoolStats.withUncoveredSite"),
    t("schoolStats.notFullyCovered"),
    t("schoolStats.pupils"),
    t("schoolStats.pupilsUncovered"),
    t("schoolStats.households"),
    t("schoolStats.householdsUncovered"),
  ];
  const { schools, weights } = result;
  const rows: (string | number | null)[][] = [
    [
      vi ? "Tổng" : "Total",
      "",
      "",
      "",
      schools.schools,
      schools.mainUncovered,
      schools.withUncoveredSite,
      schools.notFullyCovered,
      weights.pupils,
      weights.pupilsUncovered,
      weights.households,
      weights.householdsUncovered,
    ],
  ];
  for (const entry of weights.byCarrier)
    rows.push([vi ? "Nhà mạng" : "Carrier", "", entry.carrier, "", null, null, null, null, null, entry.pupilsUncovered, null, entry.householdsUncovered]);
  const schoolsByCommune = new Map(schools.byCommune.map((area) => [area.code, area]));
  for (const area of weights.byCommune) {
    const school = schoolsByCommune.get(area.code);
    const province = area.provinceCode === undefined ? "" : (provinceNames.get(area.provinceCode) ?? "");
    rows.push([
      vi ? "Xã" : "Commune",
      area.code,
      area.name,
      province,
      school?.schools ?? 0,
      school?.mainUncovered ?? 0,
      school?.withUncoveredSite ?? 0,
      school?.notFullyCovered ?? 0,
      area.pupils,
      area.pupilsUncovered,
      area.households,
      area.householdsUncovered,
    ]);
  }
  return toCsv(header, rows, { separator });
}
