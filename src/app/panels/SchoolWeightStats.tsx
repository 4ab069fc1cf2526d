/**
 * The statistics tab's section on schools counted as schools (main site and every school site) and on pupils and
 * households without signal: in total, per counted carrier and per commune, under the current filter.
 * Figures from the domain's summarizeSchoolsAndWeights (the CLI's analyze prints the same).
 */
import { useMemo } from "react";
import { summarizeSchoolsAndWeights } from "../../domain/index.ts";
import { useAppState, usePreferences, useTranslation } from "../app_context.ts";
import { downloadText, todayStamp } from "../components/download.ts";
import { formatNumber } from "../i18n/i18n.ts";
import { useDerivedView } from "../state/use_derived_view.ts";
import { schoolWeightCsv } from "./school_weight_csv.ts";
import { communeLabeller } from "./lookup.ts";
import { ColumnHeads } from "../components/ColumnHeads.tsx";

/**
 * The section.
 * @returns tables of schools, of pupils and households by carrier and by commune, and the CSV button
 */
export function SchoolWeightStats() {
  const { csvSeparator } = usePreferences();
  const [t, language] = useTranslation();
  const data = useAppState((state) => state.data);
  const view = useDerivedView();
  const result = useMemo(() => (data && view ? summarizeSchoolsAndWeights(data.analysis, data.points, view.pointFilter) : null), [data, view]);
  const communeName = useMemo(() => (data ? communeLabeller(data.analysis) : null), [data]);
  if (!result || !communeName) return null;
  const { schools, weights } = result;
  const n = (value: number) => formatNumber(language, value, 0);
  const communes = [...weights.byCommune]
    .filter((area) => area.pupilsUncovered + area.householdsUncovered > 0)
    .sort((a, b) => b.pupilsUncovered - a.pupilsUncovered || b.householdsUncovered - a.householdsUncovered);
  return (
    <section aria-labelledby="school-stats-heading" data-testid="school-stats">
      <h3 id="school-stats-heading">{t("schoolStats.heading")}</h3>
      <p className="hint">{t("schoolStats.hint")}</p>
      <table className="stats-table" data-testid="school-stats-schools">
        <caption>{t("schoolStats.schools")}</caption>
        <ColumnHeads labels={[t("schoolStats.what"), t("schoolStats.value")]} />
        <tbody>
          {(
            [
              ["schoolStats.schools", n(schools.schools)],
              ["schoolStats.mainUncovered", n(schools.mainUncovered)],
              ["schoolStats.withUncoveredSite", n(schools.withUncoveredSite)],
              ["schoolStats.notFullyCovered", n(schools.notFullyCovered)],
              ["schoolStats.fullyCovered", n(schools.fullyCovered)],
              ["schoolStats.sites", `${n(schools.sitesUncovered)} / ${n(schools.sites)}`],
              ["schoolStats.pupilsUncovered", `${n(weights.pupilsUncovered)} / ${n(weights.pupils)}`],
              ["schoolStats.householdsUncovered", `${n(weights.householdsUncovered)} / ${n(weights.households)}`],
            ] as const
          ).map(([key, value]) => (
            <tr key={key}>
              <th scope="row">{t(key)}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {schools.orphanSites > 0 && <p className="hint">{t("schoolStats.orphans", { count: schools.orphanSites })}</p>}
      <table className="stats-table" data-testid="school-stats-carriers">
        <caption>{t("schoolStats.byCarrier")}</caption>
        <ColumnHeads labels={[t("stats.carrier"), t("schoolStats.pupilsUncovered"), t("schoolStats.householdsUncovered")]} />
        <tbody>
          <tr>
            <th scope="row">{t("schoolStats.all")}</th>
            <td>{n(weights.pupilsUncovered)}</td>
            <td>{n(weights.householdsUncovered)}</td>
          </tr>
          {weights.byCarrier.map((entry) => (
            <tr key={entry.carrier}>
              <th scope="row">{entry.carrier}</th>
              <td>{n(entry.pupilsUncovered)}</td>
              <td>{n(entry.householdsUncovered)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {communes.length > 0 && (
        <table className="stats-table" data-testid="school-stats-communes">
          <caption>{t("schoolStats.byCommune")}</caption>
          <ColumnHeads labels={[t("stats.area"), t("schoolStats.pupilsUncovered"), t("schoolStats.householdsUncovered")]} />
          <tbody>
            {communes.map((area) => (
              <tr key={area.code}>
                <th scope="row">{area.name ? communeName(area) : t("stats.unknownArea")}</th>
                <td>{n(area.pupilsUncovered)}</td>
                <td>{n(area.householdsUncovered)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <button
        type="button"
        data-testid="school-stats-export"
        onClick={() =>
          downloadText(
            `${t("schoolStats.fileName")}-${todayStamp()}.csv`,
            schoolWeightCsv(result, language, csvSeparator, new Map(data!.analysis.provinces.map((province) => [province.code, province.name]))),
            "text/csv;charset=utf-8",
          )
        }
      >
        {t("schoolStats.export")}
      </button>
    </section>
  );
}
