import { pointsToCsv, pointsToGeojson, pointsToKml } from "../../domain/index.ts";
import { buildExportRows } from "../../domain/gaps/export_rows.ts";
import { useApp, useAppState, useTranslation } from "../app_context.ts";
import { downloadText, todayStamp } from "../components/download.ts";
import { useDerivedView } from "../state/use_derived_view.ts";
import { useListRows } from "../state/use_list_rows.ts";
import { statisticsToCsv } from "./statistics_csv.ts";
import { CsvSeparatorChoice } from "../components/CsvSeparatorChoice.tsx";
import { getCsvSeparator } from "../state/csv_preference.ts";

/**
 * Export of what the list shows (filters, search and sort): CSV for Excel, GeoJSON, KML; the
 * statistics as CSV; and the printable page.
 * @returns the export panel
 */
export function ExportPanel() {
  const [t, language] = useTranslation();
  const { store } = useApp();
  const data = useAppState((state) => state.data);
  const view = useDerivedView();
  const rows = useListRows();
  const disabled = !data || !view;

  const exportRows = () => buildExportRows(data!.analysis, data!.points, rows, view!.pointFilter);
  const base = `${t("export.fileName")}-${todayStamp()}`;

  return (
    <section className="export-panel" aria-labelledby="export-heading">
      <h2 id="export-heading">{t("export.heading")}</h2>
      <p data-testid="export-summary">{t("export.summary", { count: rows.length })}</p>
      <CsvSeparatorChoice name="csv-separator-map" />
      <ul className="export-actions">
        <li>
          <button type="button" disabled={disabled} data-testid="export-csv" onClick={() => downloadText(`${base}.csv`, pointsToCsv(exportRows(), { language, separator: getCsvSeparator() }), "text/csv;charset=utf-8")}>
            {t("export.csv")}
          </button>
        </li>
        <li>
          <button
            type="button"
            disabled={disabled}
            data-testid="export-geojson"
            onClick={() => downloadText(`${base}.geojson`, JSON.stringify(pointsToGeojson(exportRows())), "application/geo+json")}
          >
            {t("export.geojson")}
          </button>
        </li>
        <li>
          <button
            type="button"
            disabled={disabled}
            data-testid="export-kml"
            onClick={() => downloadText(`${base}.kml`, pointsToKml(exportRows(), { name: t("print.title") }), "application/vnd.google-earth.kml+xml")}
          >
            {t("export.kml")}
          </button>
        </li>
        <li>
          <button
            type="button"
            disabled={disabled}
            data-testid="export-statistics-csv"
            onClick={() => downloadText(`${t("export.statisticsFileName")}-${todayStamp()}.csv`, statisticsToCsv(view!.summary, language, getCsvSeparator()), "text/csv;charset=utf-8")}
          >
            {t("export.statistics")}
          </button>
        </li>
        <li>
          <button type="button" disabled={disabled} data-testid="export-print" onClick={() => store.setState({ printing: true })}>
            {t("export.print")}
          </button>
        </li>
      </ul>
    </section>
  );
}
