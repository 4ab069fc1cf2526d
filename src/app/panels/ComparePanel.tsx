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
import { useApp, useAppState, useTranslation } from "../app_context.ts";
import { downloadText, todayStamp } from "../components/download.ts";
import { formatNumber } from "../i18n/i18n.ts";
import { setComparison, useComparison } from "../state/compare_store.ts";
import { getCsvSeparator } from "../state/csv_preference.ts";
import { useDerivedView } from "../state/use_derived_view.ts";
import { selectPoint } from "../state/updaters.ts";

/** The changed points listed in the panel (all are drawn and exported). */
const LISTED_CHANGES = 200;

/**
 * The panel.
 * @returns the date choice, the summary, the two tables, the changed points and the export buttons
 */
export function ComparePanel() {
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
        <form
          className="suggest-form"
          onSubmit={(event) => {
            event.preventDefault();
            void run();
          }}
        >
          <label>
            {t("compare.before")}
            <select value={dates.before} onChange={(event) => setDates({ ...dates, before: event.target.value })} data-testid="compare-before">
              {known.dates.map((date) => (
                <option key={date} value={date}>
                  {formatReleaseDate(date)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("compare.after")}
            <select value={dates.after} onChange={(event) => setDates({ ...dates, after: event.target.value })} data-testid="compare-after">
              {known.dates.map((date) => (
                <option key={date} value={date}>
                  {formatReleaseDate(date)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" disabled={busy} data-testid="compare-run">
            {busy ? t("compare.running") : t("compare.run")}
          </button>
        </form>
      )}
      {error && (
        <p role="alert" className="error">
          {t(`compare.${error}`)}
        </p>
      )}
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
          <div className="table-scroll">
            <table className="stats-table" data-testid="compare-carriers">
              <caption>{t("compare.byCarrier")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("compare.col.carrier")}</th>
                  <th scope="col">{t("compare.col.coveredBefore")}</th>
                  <th scope="col">{t("compare.col.coveredAfter")}</th>
                  <th scope="col">{t("compare.col.gained")}</th>
                  <th scope="col">{t("compare.col.lost")}</th>
                </tr>
              </thead>
              <tbody>
                {comparison.byCarrier.map((entry) => (
                  <tr key={entry.carrier} data-testid="compare-carrier-row">
                    <th scope="row">{entry.carrier}</th>
                    <td>{n(entry.coveredBefore)}</td>
                    <td>{n(entry.coveredAfter)}</td>
                    <td>{n(entry.gained)}</td>
                    <td>{n(entry.lost)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {comparison.byProvince.length > 0 && (
            <div className="table-scroll">
              <table className="stats-table" data-testid="compare-provinces">
                <caption>{t("compare.byProvince")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("compare.col.province")}</th>
                    <th scope="col">{t("compare.col.uncoveredBefore")}</th>
                    <th scope="col">{t("compare.col.uncoveredAfter")}</th>
                    <th scope="col">{t("compare.col.closed")}</th>
                    <th scope="col">{t("compare.col.opened")}</th>
                  </tr>
                </thead>
                <tbody>
                  {comparison.byProvince.map((area) => (
                    <tr key={area.code} data-testid="compare-province-row">
                      <th scope="row">{area.name}</th>
                      <td>{n(area.uncoveredBefore)}</td>
                      <td>{n(area.uncoveredAfter)}</td>
                      <td>{n(area.gapsClosed)}</td>
                      <td>{n(area.gapsOpened)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <ul className="export-actions">
            <li>
              <button
                type="button"
                data-testid="compare-export-tables"
                onClick={() => downloadText(`${base}-bang.csv`, comparisonTablesCsv(comparison, getCsvSeparator()), "text/csv;charset=utf-8")}
              >
                {t("compare.export.tables")}
              </button>
            </li>
            <li>
              <button
                type="button"
                data-testid="compare-export-csv"
                onClick={() => downloadText(`${base}.csv`, pointsToCsv(comparison.rows, { separator: getCsvSeparator() }), "text/csv;charset=utf-8")}
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
                <thead>
                  <tr>
                    <th scope="col">{t("compare.col.point")}</th>
                    <th scope="col">{t("compare.col.change")}</th>
                  </tr>
                </thead>
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
