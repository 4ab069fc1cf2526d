/**
 * The schools-as-schools and pupils/households statistics as one CSV (formula-safe, through the domain's toCsv):
 * one section per table, each row "section, area or carrier, figure, value".
 */
import { toCsv, type CsvSeparator, type Language, type SchoolWeightResult } from "../../domain/index.ts";

/**
 * Writes the statistics.
 * @param result - the summary
 * @param language - the language of the headers
 * @param separator - comma or semicolon
 * @returns the CSV text
 */
export function schoolWeightCsv(result: SchoolWeightResult, language: Language, separator: CsvSeparator = "comma"): string {
  const vi = language === "vi";
  const header = vi
    ? ["muc", "ma", "ten", "so_truong", "truong_diem_chinh_chua_co_song", "truong_co_diem_truong_chua_co_song", "truong_chua_co_song_o_mot_diem", "hoc_sinh", "hoc_sinh_chua_co_song", "so_ho", "so_ho_chua_co_song"]
    : ["section", "code", "name", "schools", "schools_main_uncovered", "schools_with_uncovered_site", "schools_not_fully_covered", "pupils", "pupils_uncovered", "households", "households_uncovered"];
  const { schools, weights } = result;
  const rows: (string | number | null)[][] = [
    [vi ? "tong" : "total", "", "", schools.schools, schools.mainUncovered, schools.withUncoveredSite, schools.notFullyCovered, weights.pupils, weights.pupilsUncovered, weights.households, weights.householdsUncovered],
  ];
  for (const entry of weights.byCarrier) rows.push([vi ? "nha_mang" : "carrier", entry.carrier, entry.carrier, null, null, null, null, null, entry.pupilsUncovered, null, entry.householdsUncovered]);
  const schoolsByCommune = new Map(schools.byCommune.map((area) => [area.code, area]));
  for (const area of weights.byCommune) {
    const school = schoolsByCommune.get(area.code);
    rows.push([vi ? "xa" : "commune", area.code, area.name, school?.schools ?? 0, school?.mainUncovered ?? 0, school?.withUncoveredSite ?? 0, school?.notFullyCovered ?? 0, area.pupils, area.pupilsUncovered, area.households, area.householdsUncovered]);
  }
  return toCsv(header, rows, { separator });
}
