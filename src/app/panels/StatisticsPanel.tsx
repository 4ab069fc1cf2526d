import type { AreaStat } from "../../domain/index.ts";
import { useAppState, usePreferences, useTranslation } from "../app_context.ts";
import { downloadText, todayStamp } from "../components/download.ts";
import { formatDay, formatNumber, formatPercent } from "../i18n/i18n.ts";
import { useDerivedView } from "../state/use_derived_view.ts";
import { sortByName, statisticsToCsv } from "./statistics_csv.ts";
import { SchoolWeightStats } from "./SchoolWeightStats.tsx";
import { communeLabeller } from "./lookup.ts";
import { ColumnHeads } from "../components/ColumnHeads.tsx";

const CHART_LIMIT = 40;

function CommuneChart(props: { communes: readonly AreaStat[]; title: string; note: string | null; language: "vi" | "en"; label: (area: AreaStat) => string }) {
  const rows = [...props.communes].sort((a, b) => a.percentCovered - b.percentCovered).slice(0, CHART_LIMIT);
  const rowHeight = 18;
  const labelWidth = 150;
  const barWidth = 200;
  const height = rows.length * rowHeight + 24;
  return (
    <figure className="chart">
      <figcaption>{props.title}</figcaption>
      <svg width={labelWidth + barWidth + 60} height={height} role="img" aria-label={props.title} data-testid="stats-chart">
        {rows.map((area, position) => {
          const y = position * rowHeight;
          const label = props.label(area);
          return (
            <g key={area.code} transform={`translate(0, ${y})`}>
              <text x={labelWidth - 6} y={rowHeight - 5} textAnchor="end" className="chart-label">
                <title>{label}</title>
                {label.length > 22 ? `${label.slice(0, 21)}…` : label}
              </text>
              <rect x={labelWidth} y={3} width={barWidth} height={rowHeight - 6} className="chart-track" />
              <rect x={labelWidth} y={3} width={(barWidth * area.percentCovered) / 100} height={rowHeight - 6} className="chart-bar" />
              <text x={labelWidth + barWidth + 6} y={rowHeight - 5} className="chart-value">
                {formatPercent(props.language, area.percentCovered)}
              </text>
            </g>
          );
        })}
        <line x1={labelWidth} x2={labelWidth} y1={0} y2={rows.length * rowHeight} className="chart-axis" />
      </svg>
      {props.note && <p className="hint">{props.note}</p>}
    </figure>
  );
}

/**
 * Statistics per province, commune and carrier × technology, with the chart of % covered by commune.
 * @returns the statistics panel
 */
export function StatisticsPanel() {
  const { csvSeparator } = usePreferences();
  const [t, language] = useTranslation();
  const view = useDerivedView();
  const data = useAppState((state) => state.data);
  if (!view || !data) return <p className="hint">{t("app.empty")}</p>;
  const { summary } = view;
  // A commune whose name another province also has reads "Yên Bình (Lào Cai)"; a province is just its name.
  const communeName = communeLabeller(data.analysis);
  const provinceNames = new Map(data.analysis.provinces.map((province) => [province.code, province.name]));
  const areaTable = (title: string, areas: readonly AreaStat[], testId: string, label: (area: AreaStat) => string) => (
    <table className="stats-table" data-testid={testId}>
      <caption>{title}</caption>
      <ColumnHeads labels={[t("stats.area"), t("stats.points"), t("stats.uncovered"), t("stats.percentCovered")]} />
      <tbody>
        {sortByName(areas).map((area) => (
          <tr key={area.unknown ? "\u0000unknown" : area.code} data-unknown={area.unknown ? "true" : undefined}>
            <th scope="row">{area.unknown || !area.name ? t("stats.unknownArea") : label(area)}</th>
            <td>{formatNumber(language, area.total)}</td>
            <td>{formatNumber(language, area.uncovered)}</td>
            <td>{formatPercent(language, area.percentCovered)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <section className="stats-panel" aria-labelledby="stats-heading">
      <h2 id="stats-heading">{t("stats.heading")}</h2>
      <button
        type="button"
        onClick={() =>
          downloadText(
            `${t("export.statisticsFileName")}-${todayStamp()}.csv`,
            statisticsToCsv(summary, language, csvSeparator, provinceNames),
            "text/csv;charset=utf-8",
          )
        }
        data-testid="export-statistics"
      >
        {t("stats.export")}
      </button>
      <table className="stats-table" data-testid="stats-table">
        <caption>{t("stats.byLayer")}</caption>
        <ColumnHeads labels={[t("stats.carrier"), t("stats.technology"), t("stats.covered"), t("stats.points"), t("stats.percentCovered"), t("stats.asOf")]} />
        <tbody>
          {summary.byLayer.map((layer) => (
            <tr key={`${layer.carrier}|${layer.technology}`}>
              <th scope="row">{layer.carrier}</th>
              <td>{layer.technology}</td>
              <td>{formatNumber(language, layer.covered)}</td>
              <td>{formatNumber(language, layer.total)}</td>
              <td>{formatPercent(language, layer.total > 0 ? (100 * layer.covered) / layer.total : 0)}</td>
              <td>{layer.asOf ? formatDay(language, layer.asOf) : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <SchoolWeightStats />
      {areaTable(t("stats.byProvince"), summary.byProvince, "stats-provinces", (area) => area.name)}
      {summary.byCommune.length > 0 && (
        <CommuneChart
          communes={summary.byCommune}
          title={t("stats.chart")}
          language={language}
          label={communeName}
          note={summary.byCommune.length > CHART_LIMIT ? t("stats.chartMore", { shown: CHART_LIMIT, total: summary.byCommune.length }) : null}
        />
      )}
      {areaTable(t("stats.byCommune"), summary.byCommune, "stats-communes", communeName)}
    </section>
  );
}
