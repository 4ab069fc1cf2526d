/**
 * "Đề xuất vị trí trạm / Suggested sites": where new sites would cover the most uncovered pupils, households or
 * points under the current filter. The targets are chosen on the main thread (`siteTargets`, cheap), the greedy
 * runs in the analysis worker (`suggest` request), the result is drawn on the map (site_suggestions_store) and
 * exported through the domain's writers (`siteExportRows` + pointsToCsv / pointsToGeojson / pointsToKml).
 */
import { useMemo, useState } from "react";
import "./suggest.css";
import type { SiteOverlaySite } from "../../map/site_overlay.ts";
import { SITE_WEIGHT_MODES, pointsToCsv, pointsToGeojson, pointsToKml, siteExportRows, siteTargets, type SiteWeightMode } from "../../domain/index.ts";
import { useApp, useAppState, usePreferences, useTranslation } from "../app_context.ts";
import { downloadText, todayStamp } from "../components/download.ts";
import { formatNumber, formatPercent } from "../i18n/i18n.ts";
import { setSitePlan, useSitePlan } from "../state/site_suggestions_store.ts";
import { useDerivedView } from "../state/use_derived_view.ts";
import { ColumnHeads } from "../components/ColumnHeads.tsx";
import { SelectOptions } from "../components/SelectOptions.tsx";
import { RunForm } from "../components/RunForm.tsx";
import { AlertText } from "../components/AlertText.tsx";

/**
 * The panel.
 * @returns the form, the table of sites and the export buttons
 */
export function SuggestPanel() {
  const { csvSeparator } = usePreferences();
  const [t, language] = useTranslation();
  const { controller } = useApp();
  const data = useAppState((state) => state.data);
  const view = useDerivedView();
  const stored = useSitePlan();
  const [radius, setRadius] = useState("3");
  const [sites, setSites] = useState("10");
  const [weightMode, setWeightMode] = useState<SiteWeightMode>("pupils");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<"invalid" | "failed" | null>(null);
  if (!data || !view) return <p className="hint">{t("app.empty")}</p>;
  const plan = stored && stored.version === data.map.version ? stored.plan : null;
  const uncovered = view.summary.uncovered;

  const run = async () => {
    const radiusKm = Number(radius.replace(",", "."));
    const count = Number(sites);
    if (!(radiusKm > 0 && radiusKm <= 100) || !Number.isInteger(count) || count < 1 || count > 500) {
      setError("invalid");
      return;
    }
    setError(null);
    setBusy(true);
    try {
      const version = data.map.version;
      const { pointOf, targets } = siteTargets(data.analysis, data.points, view.pointFilter, weightMode);
      const result = await controller.suggestSites({
        lon: Float64Array.from(targets, (target) => target.lon),
        lat: Float64Array.from(targets, (target) => target.lat),
        weight: Float64Array.from(targets, (target) => target.weight),
        radiusKm,
        sites: count,
      });
      setSitePlan({ version, plan: { ...result, weightMode, pointOf, uncovered: pointOf.length } });
    } catch {
      setError("failed");
    } finally {
      setBusy(false);
    }
  };

  const unit = plan ? t(`suggest.unit.${plan.weightMode}`) : "";
  const base = `${t("suggest.fileName")}-${todayStamp()}`;
  const rows = () => siteExportRows(plan!, data.points, language);

  return (
    <section className="suggest-panel" aria-labelledby="suggest-heading">
      <h2 id="suggest-heading">{t("suggest.heading")}</h2>
      <p className="hint">{t("suggest.intro")}</p>
      <p data-testid="suggest-targets">{t("suggest.targets", { count: uncovered })}</p>
      <RunForm onRun={() => void run()} busy={busy} testId="suggest-run" label={t("suggest.run")} runningLabel={t("suggest.running")}>
        <label>
          {t("suggest.radius")}
          <input type="text" inputMode="decimal" value={radius} onChange={(event) => setRadius(event.target.value)} data-testid="suggest-radius" size={5} />
        </label>
        <label>
          {t("suggest.sites")}
          <input type="number" min={1} max={500} step={1} value={sites} onChange={(event) => setSites(event.target.value)} data-testid="suggest-sites" />
        </label>
        <label>
          {t("suggest.weight")}
          <select value={weightMode} onChange={(event) => setWeightMode(event.target.value as SiteWeightMode)} data-testid="suggest-weight">
            <SelectOptions items={SITE_WEIGHT_MODES} toLabel={(mode) => t(`suggest.weight.${mode}`)} />
          </select>
        </label>
      </RunForm>
      <AlertText text={error && t(error === "invalid" ? "suggest.invalid" : "suggest.failed")} className="error" />
      <p className="hint">{t("suggest.guarantee")}</p>
      {plan && (
        <div data-testid="suggest-result" aria-live="polite">
          {plan.sites.length === 0 ? (
            <p data-testid="suggest-summary">{t("suggest.none", { unit: t(`suggest.unit.${plan.weightMode}`) })}</p>
          ) : (
            <>
              <p data-testid="suggest-summary">
                {t("suggest.result", {
                  sites: plan.sites.length,
                  covered: formatNumber(language, plan.coveredWeight, 0),
                  total: formatNumber(language, plan.totalWeight, 0),
                  unit,
                  percent: formatPercent(language, plan.totalWeight > 0 ? (100 * plan.coveredWeight) / plan.totalWeight : 0),
                })}
              </p>
              <table className="stats-table" data-testid="suggest-table">
                <caption>{t("suggest.table")}</caption>
                <ColumnHeads
                  labels={[
                    t("suggest.col.rank"),
                    t("suggest.col.position"),
                    t("suggest.col.gain", { unit }),
                    t("suggest.col.points"),
                    t("suggest.col.cumulative"),
                  ]}
                />
                <tbody>
                  {plan.sites.map((site) => (
                    <tr key={site.rank} data-testid="suggest-row">
                      <th scope="row">{site.rank}</th>
                      <td>
                        {formatNumber(language, site.lat, 5)}, {formatNumber(language, site.lon, 5)}
                      </td>
                      <td>{formatNumber(language, site.gain, 0)}</td>
                      <td>{formatNumber(language, site.covered.length, 0)}</td>
                      <td>{formatPercent(language, plan.totalWeight > 0 ? (100 * site.cumulative) / plan.totalWeight : 0)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <ul className="export-actions">
                <li>
                  <button
                    type="button"
                    data-testid="suggest-export-csv"
                    onClick={() => downloadText(`${base}.csv`, pointsToCsv(rows(), { separator: csvSeparator }), "text/csv;charset=utf-8")}
                  >
                    {t("suggest.export.csv")}
                  </button>
                </li>
                <li>
                  <button
                    type="button"
                    data-testid="suggest-export-geojson"
                    onClick={() => downloadText(`${base}.geojson`, JSON.stringify(pointsToGeojson(rows())), "application/geo+json")}
                  >
                    {t("suggest.export.geojson")}
                  </button>
                </li>
                <li>
                  <button
                    type="button"
                    data-testid="suggest-export-kml"
                    onClick={() => downloadText(`${base}.kml`, pointsToKml(rows(), { name: t("suggest.heading") }), "application/vnd.google-earth.kml+xml")}
                  >
                    {t("suggest.export.kml")}
                  </button>
                </li>
                <li>
                  <button type="button" data-testid="suggest-clear" onClick={() => setSitePlan(null)}>
                    {t("suggest.clear")}
                  </button>
                </li>
              </ul>
            </>
          )}
        </div>
      )}
    </section>
  );
}

/**
 * The sites to draw on the map for the current analysis (none when the plan belongs to another analysis), each
 * labelled with its rank and gain.
 * @param version - the current analysis's map version
 * @returns the sites for the map overlay
 */
export function useOverlaySites(version: number | undefined): SiteOverlaySite[] {
  const [t, language] = useTranslation();
  const stored = useSitePlan();
  return useMemo(() => {
    if (!stored || stored.version !== version) return [];
    const { plan } = stored;
    const unit = t(`suggest.unit.${plan.weightMode}`);
    return plan.sites.map((site) => ({
      rank: site.rank,
      lon: site.lon,
      lat: site.lat,
      radiusKm: plan.radiusKm,
      label: t("suggest.label", { rank: site.rank, gain: formatNumber(language, site.gain, 0), unit }),
    }));
  }, [stored, version, t, language]);
}
