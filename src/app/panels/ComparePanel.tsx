/**
 * "So sánh hai bản vùng phủ / Compare two coverage releases": when the loaded coverage files hold more than one
 * release of a carrier × technology, the department picks two as-of dates and sees what the later releases closed
 * and opened, per carrier and per province, under the current filter. The worker computes it (`compare` request,
 * the domain's compareReleases, as the CLI's `compare`); the changed points are drawn on the map (compare_store)
 * and exported through the domain's writers.
 */
import { useEffect, useMemo, useRef, useState } from "react";
import "./compare.css";
import { comparisonTablesCsv, formatReleaseDate, pointsToCsv, pointsToGeojson, type ReleaseDates } from "../../domain/index.ts";
import type { ChangeOverlayPoint } from "../../map/compare_overlay.ts";
import { CHANGE_COLORS } from "../../map/compare_overlay.ts";
import { useApp, useAppState, usePreferences, useTranslation } from "../app_context.ts";
import { downloadText, todayStamp } from "../components/download.ts";
import { formatNumber, type MessageKey } from "../i18n/i18n.ts";
import { setComparison, useComparison } from "../state/compare_store.ts";
import { useDerivedView } from "../state/use_derived_view.ts";
import { selectPoint } from "../state/updaters.ts";
import { ColumnHeads } from "../components/ColumnHeads.tsx";
import { SelectOptions } from "../components/SelectOptions.tsx";
import { RunForm } from "../components/RunForm.tsx";
import { AlertText } from "../components/AlertText.tsx";
import { ScrollTable } from "../components/ScrollTable.tsx";

/** The changed points listed in the panel (all are drawn and exported). */
const LISTED_CHANGES = 200;

/** The columns of the table by province, in order. */
const PROVINCE_COLUMNS: readonly MessageKey[] = [
  "compare.col.province",
  "compare.col.uncoveredBefore",
  "compare.col.uncoveredAfter",
  "compare.col.closed",
  "compare.col.opened",
];

/**
 * The panel.
 * @returns the date choice, the summary, the two tables, the changed points and the export buttons
 */
export function ComparePanel() {
  const { csvSeparator } = usePreferences();
  const [t, language] = useTranslation();
  const { controller, store } = useApp();
  const data = useAppState((state) => state.data);
  const view = useDerivedView();
  const stored = useComparison();
  const version = data?.map.version;
  const [releases, setReleases] = useState<{ version: number; value: ReleaseDates | null } | null>(null);
  const [dates, setDates] = useState<{ before: string; after: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<"unavailable" | "failed" | "same" | null>(null);

  // The release dates, asked once per analysis.
  useEffect(() => {
    if (version === undefined || !data || data.analysis.layers.length === 0) return;
    let live = true;
    controller
      .compare({ version, filter: {} })
      .then((result) => {
        if (!live) return;
        setReleases({ version, value: result.releases });
        setDates((previous) =>
          previous && result.releases?.dates.includes(previous.before) && result.releases.dates.includes(previous.after)
            ? previous
            : (result.releases?.defaults ?? null),
        );
      })
      .catch(() => {
        if (live) setReleases({ version, value: null });
      });
    return () => {
      live = false;
    };
  }, [controller, data, version]);

  const filterKey = JSON.stringify(view?.pointFilter ?? {});
  const comparison = stored && stored.version === version ? stored.comparison : null;
  const run = async () => {
    if (version === undefined || !dates || !view) return;
    if (dates.before === dates.after) {
      setError("same");
      return;
    }
    setError(null);
    setBusy(true);
    try {
      const result = await controller.compare({ version, dates, filter: view.pointFilter });
      if (!result.available || !result.comparison) setError("unavailable");
      else setComparison({ version, comparison: result.comparison, shown: stored?.shown ?? true });
    } catch {
      setError("failed");
    } finally {
      setBusy(false);
    }
  };
  // The filter changed after a comparison: compare again under the new filter, with the same dates.
  const latestRun = useRef(run);
  latestRun.current = run;
  const ranWith = useRef(filterKey);
  const hasComparison = comparison !== null;
  useEffect(() => {
    if (filterKey === ranWith.current) return;
    ranWith.current = filterKey;
    if (hasComparison) void latestRun.current();
  }, [filterKey, hasComparison]);

  if (!data || !view) return <p className="hint">{t("app.empty")}</p>;
  const known = releases && releases.version === version ? releases.value : null;
  const base = `${t("compare.fileName")}-${todayStamp()}`;
  const n = (value: number) => formatNumber(language, value, 0);

  return (
    <section className="compare-panel" aria-labelledby="compare-heading" data-testid="compare-panel">
      <h2 id="compare-heading">{t("compare.heading")}</h2>
      <p className="hint">{t("compare.intro")}</p>
      {known && !known.comparable && <p data-testid="compare-single">{t("compare.single")}</p>}
      {known && known.comparable && known.dates.length >= 2 && dates && (
        <RunForm onRun={() => void run()} busy={busy} testId="compare-run" label={t("compare.run")} runningLabel={t("compare.running")}>
          {(["before", "after"] as const).map((side) => (
            <label key={side}>
              {t(`compare.${side}`)}
              <select value={dates[side]} onChange={(event) => setDates({ ...dates, [side]: event.target.value })} data-testid={`compare-${side}`}>
                <SelectOptions items={known.dates} toLabel={formatReleaseDate} />
              </select>
            </label>
          ))}
        </RunForm>
      )}
      <AlertText text={error && t(`compare.${error}`)} className="error" />
      {comparison && stored && (
        <div data-testid="compare-result" aria-live="polite">
          <p data-testid="compare-summary">
            <strong>
              {formatReleaseDate(comparison.before)} → {formatReleaseDate(comparison.after)}
            </strong>
            {": "}
            {t("compare.summary", {
              points: n(comparison.points),
              before: n(comparison.uncoveredBefore),
              after: n(comparison.uncoveredAfter),
              closed: n(comparison.gapsClosed),
              opened: n(comparison.gapsOpened),
              changed: n(comparison.changes.length),
            })}
          </p>
          <label className="field-inline">
            <input
              type="checkbox"
              checked={stored.shown}
              onChange={(event) => setComparison({ ...stored, shown: event.target.checked })}
              data-testid="compare-show"
            />
            <span>{t("compare.showOnMap")}</span>
          </label>
          <ul className="compare-legend" aria-label={t("compare.showOnMap")}>
            {(Object.keys(CHANGE_COLORS) as (keyof typeof CHANGE_COLORS)[]).map((kind) => (
              <li key={kind}>
                <span className="compare-dot" style={{ background: CHANGE_COLORS[kind].fill, borderColor: CHANGE_COLORS[kind].stroke }} aria-hidden="true" />{" "}
                {t(`compare.legend.${kind}`)}
              </li>
            ))}
          </ul>
          <CountsTable
            testId="compare-carriers"
            rowTestId="compare-carrier-row"
            caption={t("compare.byCarrier")}
            columns={[t("compare.col.carrier"), t("compare.col.coveredBefore"), t("compare.col.coveredAfter"), t("compare.col.gained"), t("compare.col.lost")]}
            rows={comparison.byCarrier.map((entry) => ({
              key: entry.carrier,
              name: entry.carrier,
              counts: [entry.coveredBefore, entry.coveredAfter, entry.gained, entry.lost],
            }))}
            format={n}
          />
          {comparison.byProvince.length > 0 && (
            <CountsTable
              testId="compare-provinces"
              rowTestId="compare-province-row"
              caption={t("compare.byProvince")}
              columns={PROVINCE_COLUMNS.map((key) => t(key))}
              rows={comparison.byProvince.map((area) => ({
                key: area.code,
                name: area.name,
                counts: [area.uncoveredBefore, area.uncoveredAfter, area.gapsClosed, area.gapsOpened],
              }))}
              format={n}
            />
          )}
          <ul className="export-actions">
            <li>
              <button
                type="button"
                data-testid="compare-export-tables"
                onClick={() => downloadText(`${base}-bang.csv`, comparisonTablesCsv(comparison, csvSeparator), "text/csv;charset=utf-8")}
              >
                {t("compare.export.tables")}
              </button>
            </li>
            <li>
              <button
                type="button"
                data-testid="compare-export-csv"
                onClick={() => downloadText(`${base}.csv`, pointsToCsv(comparison.rows, { separator: csvSeparator }), "text/csv;charset=utf-8")}
              >
                {t("compare.export.csv")}
              </button>
            </li>
            <li>
              <button
                type="button"
                data-testid="compare-export-geojson"
                onClick={() => downloadText(`${base}.geojson`, JSON.stringify(pointsToGeojson(comparison.rows)), "application/geo+json")}
              >
                {t("compare.export.geojson")}
              </button>
            </li>
            <li>
              <button type="button" data-testid="compare-clear" onClick={() => setComparison(null)}>
                {t("compare.clear")}
              </button>
            </li>
          </ul>
          {comparison.changes.length > 0 && (
            <div className="table-scroll">
              <table className="stats-table" data-testid="compare-points">
                <caption>{t("compare.points")}</caption>
                <ColumnHeads labels={[t("compare.col.point"), t("compare.col.change")]} />
                <tbody>
                  {comparison.changes.slice(0, LISTED_CHANGES).map((change) => {
                    const point = data.points[change.index];
                    const text = [
                      change.gained.length > 0 ? t("compare.change.gained", { carriers: change.gained.join(", ") }) : "",
                      change.lost.length > 0 ? t("compare.change.lost", { carriers: change.lost.join(", ") }) : "",
                    ]
                      .filter(Boolean)
                      .join("; ");
                    return (
                      <tr key={change.index} data-testid="compare-point-row">
                        <th scope="row">
                          <button
                            type="button"
                            className="link-button"
                            data-testid="compare-point"
                            onClick={() => store.setState((state) => selectPoint(state, { index: change.index }))}
                          >
                            {point ? point.name || point.id : String(change.index)}
                          </button>
                        </th>
                        <td>{text}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
              {comparison.changes.length > LISTED_CHANGES && (
                <p className="hint">{t("compare.pointsMore", { shown: n(LISTED_CHANGES), total: n(comparison.changes.length) })}</p>
              )}
            </div>
          )}
        </div>
      )}
    </section>
  );
}

/**
 * The changed points to draw on the map for the current analysis (none when hidden or for another analysis).
 * @param version - the current analysis's map version
 * @returns the points for the map overlay
 */
export function useOverlayChanges(version: number | undefined): ChangeOverlayPoint[] {
  const stored = useComparison();
  const data = useAppState((state) => state.data);
  return useMemo(() => {
    if (!stored || !stored.shown || stored.version !== version || !data) return [];
    return stored.comparison.changes.map((change) => ({
      index: change.index,
      lon: data.points[change.index].lon,
      lat: data.points[change.index].lat,
      gained: change.gained.length,
      lost: change.lost.length,
    }));
  }, [stored, version, data]);
}

/**
 * A table of counts: one row per carrier or area, its name then its counts.
 * @param props - captions, column headings, rows, the number format and the test ids
 * @returns the table in its scrolling box
 */
function CountsTable(props: {
  testId: string;
  rowTestId: string;
  caption: string;
  columns: string[];
  rows: { key: string; name: string; counts: number[] }[];
  format: (value: number) => string;
}) {
  return (
    <ScrollTable className="stats-table" testId={props.testId} caption={props.caption} columns={props.columns}>
      {props.rows.map((row) => (
        <tr key={row.key} data-testid={props.rowTestId}>
          <th scope="row">{row.name}</th>
          {row.counts.map((count, index) => (
            <td key={index}>{props.format(count)}</td>
          ))}
        </tr>
      ))}
    </ScrollTable>
  );
}
