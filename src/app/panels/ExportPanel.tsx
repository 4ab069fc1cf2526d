import { exportColumns, pointsSheetRows, writeXlsx } from "../../domain/index.ts";
import { buildExportRows, nearestColumns } from "../../domain/gaps/export_rows.ts";
import type { ExportRow } from "../../domain/index.ts";
import { useState } from "react";
import { useApp, useAppState, usePreferences, useTranslation } from "../app_context.ts";
import { downloadText, todayStamp } from "../components/download.ts";
import { useDerivedView } from "../state/use_derived_view.ts";
import { useListRows } from "../state/use_list_rows.ts";
import { statisticsToCsv } from "./statistics_csv.ts";
import { CsvSeparatorChoice } from "../components/CsvSeparatorChoice.tsx";
import { makeNotice } from "../i18n/i18n.ts";
import { MapPngButton } from "../print/MapPngButton.tsx";
import { peopleCsvFile, peopleXlsxFile } from "./people_files.ts";
import { pointFile } from "../components/point_files.ts";
import { setExportNearest, setPrinting } from "../state/updaters.ts";

const CSV_TYPE = "text/csv;charset=utf-8";
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * Export of what the list shows (filters, search and sort): CSV for Excel, GeoJSON, KML; the
 * statistics as CSV; and the printable page. The same list "for people" (Vietnamese or English headers and values)
 * as CSV or .xlsx, beside the machine files that re-import.
 * @returns the export panel
 */
export function ExportPanel() {
  const { csvSeparator, exportNearest: withNearest } = usePreferences();
  const [t, language] = useTranslation();
  const { store, controller } = useApp();
  const data = useAppState((state) => state.data);
  const view = useDerivedView();
  const rows = useListRows();
  const [measuring, setMeasuring] = useState(false);
  const disabled = !data || !view || measuring;

  /**
   * The rows of the list; with the box ticked, plus nearest_carrier and nearest_km, the distances measured in the
   * worker (where the index is built) and written with the domain's nearestColumns, as the CLI's --nearest does.
   */
  const exportRows = async (): Promise<ExportRow[]> => {
    const filter = view!.pointFilter;
    const exported = buildExportRows(data!.analysis, data!.points, rows, filter);
    if (!withNearest) return exported;
    const result = await controller.nearest({
      version: data!.map.version,
      minTechnology: filter.minTechnology,
      carriers: filter.carriers,
      points: [...rows],
      limit: 1,
    });
    if (!result.available) throw new Error("nearest coverage unavailable");
    exported.forEach((row, k) => Object.assign(row.computed, nearestColumns(result.distances[k][0])));
    return exported;
  };
  /** Builds the rows, then writes the file; a failed measure exports nothing and says so. */
  const exportWith = async (write: (exported: ExportRow[]) => void) => {
    setMeasuring(true);
    try {
      write(await exportRows());
    } catch {
      controller.notify(makeNotice("error", "error.nearest"));
    } finally {
      setMeasuring(false);
    }
  };
  const base = `${t("export.fileName")}-${todayStamp()}`;
  /** The files that re-import (the same columns as the CLI writes), one button each, in this order. */
  const machineFiles = ["csv", "xlsx", "geojson", "kml"] as const;
  const machineFile = (format: (typeof machineFiles)[number], exported: ExportRow[]): { text: string | Uint8Array<ArrayBuffer>; type: string } =>
    format === "xlsx"
      ? { text: writeXlsx([{ name: t("print.title"), rows: pointsSheetRows(exported, exportColumns(exported)) }]) as Uint8Array<ArrayBuffer>, type: XLSX_TYPE }
      : pointFile(format, exported, { language, separator: csvSeparator, title: t("print.title") });

  return (
    <section className="export-panel" aria-labelledby="export-heading">
      <h2 id="export-heading">{t("export.heading")}</h2>
      <p data-testid="export-summary">{t("export.summary", { count: rows.length })}</p>
      <CsvSeparatorChoice name="csv-separator-map" />
      <label className="check">
        <input
          type="checkbox"
          checked={withNearest}
          onChange={(event) => store.setState((state) => setExportNearest(state, event.target.checked))}
          data-testid="export-nearest"
          aria-describedby="export-nearest-hint"
        />
        {t("export.nearest")}
      </label>
      <p className="hint" id="export-nearest-hint">
        {t("export.nearestHint")}
      </p>
      <ul className="export-actions">
        {machineFiles.map((format) => (
          <li key={format}>
            <button
              type="button"
              disabled={disabled}
              data-testid={`export-${format}`}
              onClick={() =>
                void exportWith((exported) => {
                  const file = machineFile(format, exported);
                  downloadText(`${base}.${format}`, file.text, file.type);
                })
              }
            >
              {t(`export.${format}`)}
            </button>
          </li>
        ))}
        <li>
          <button
            type="button"
            disabled={disabled}
            data-testid="export-statistics-csv"
            onClick={() =>
              downloadText(
                `${t("export.statisticsFileName")}-${todayStamp()}.csv`,
                statisticsToCsv(view!.summary, language, csvSeparator, new Map(data!.analysis.provinces.map((province) => [province.code, province.name]))),
                CSV_TYPE,
              )
            }
          >
            {t("export.statistics")}
          </button>
        </li>
        <li>
          <button type="button" disabled={disabled} data-testid="export-print" onClick={() => store.setState((state) => setPrinting(state, true))}>
            {t("export.print")}
          </button>
        </li>
        <li>
          <MapPngButton disabled={disabled} />
        </li>
      </ul>
      <h3 id="export-people-heading">{t("people.heading")}</h3>
      <p className="hint" id="export-people-hint">
        {t("people.hint")}
      </p>
      <ul className="export-actions" aria-labelledby="export-people-heading">
        {(["csv", "xlsx"] as const).map((format) => (
          <li key={format}>
            <button
              type="button"
              disabled={disabled}
              data-testid={`export-people-${format}`}
              aria-describedby="export-people-hint"
              onClick={() =>
                void exportWith((exported) => {
                  const name = `${t("people.fileName")}-${todayStamp()}.${format}`;
                  if (format === "csv") {
                    downloadText(name, peopleCsvFile(exported, data!.analysis, view!.pointFilter, language, csvSeparator), CSV_TYPE);
                  } else {
                    const bytes = peopleXlsxFile(exported, data!.analysis, view!.pointFilter, language, t("people.sheet")) as Uint8Array<ArrayBuffer>;
                    downloadText(name, bytes, XLSX_TYPE);
                  }
                })
              }
            >
              {t(format === "csv" ? "people.csv" : "people.xlsx")}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
