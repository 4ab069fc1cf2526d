/**
 * Field measurements against the carriers' claims, in the listed-dead-zones view: measurement files chosen here
 * (kept in the browser by measurement_store.ts until "Xoá đo kiểm"), the contradictions the domain finds
 * (findContradictions, run in the analysis worker, which holds the coverage polygons) against the registry's states
 * and the coverage loaded in the app, the challenge packet as CSV
 * or GeoJSON, and the measurements and findings on the tracking map beside it (measurement_overlay_store.ts; a
 * finding selected in the table is flown to).
 */
import { useEffect, useMemo, useState } from "react";
import { CONTRADICTION_LABELS, challengePacketCsv, challengePacketGeojson, type Contradiction } from "../../domain/index.ts";
import { FINDING_COLORS, OUTCOME_COLORS, type MeasurementOverlay } from "../../map/measurement_layers.ts";
import { clearMeasurements, importMeasurementFiles, loadMeasurements, useMeasurements } from "./measurement_store.ts";
import { flyMeasurementMap, setMeasurementMap } from "./measurement_overlay_store.ts";
import type { ListedPoint } from "../../domain/tracking/registry.ts";
import type { TrackingStates } from "../../domain/tracking/replay.ts";
import { useApp, useAppState, usePreferences, useTranslation } from "../app_context.ts";
import { downloadText, todayStamp } from "../components/download.ts";
import { formatNumber } from "../i18n/i18n.ts";
import { SelectOptions } from "../components/SelectOptions.tsx";
import { ScrollTable } from "../components/ScrollTable.tsx";

/**
 * The section.
 * @param props - the listed points the role sees and their states on the day shown
 * @returns the file input, the findings and the export buttons
 */
export function MeasurementsPanel(props: { points: readonly ListedPoint[]; states: TrackingStates }) {
  const { csvSeparator } = usePreferences();
  const [t, language] = useTranslation();
  const data = useAppState((state) => state.data);
  const stored = useMeasurements();
  useEffect(() => {
    void loadMeasurements();
  }, []);
  const loaded = stored.files.length > 0 ? { measurements: stored.measurements, files: stored.files.length, rejected: stored.rejected } : null;
  const [shown, setShown] = useState(true);
  const [carrier, setCarrier] = useState<string | null>(null);
  const [radius, setRadius] = useState("0,5");
  const [floor, setFloor] = useState("");
  const { controller } = useApp();
  const radiusKm = Number(radius.replace(",", "."));
  const floorMbps = floor.trim() === "" ? undefined : Number(floor.replace(",", "."));
  const usedRadius = radiusKm > 0 ? radiusKm : 0.5;
  const usedFloor = floorMbps !== undefined && floorMbps > 0 ? floorMbps : undefined;
  // Found in the analysis worker, which holds the coverage polygons (the map draws raster tiles): nothing of the
  // coverage is copied to, or indexed on, the main thread; an answer to a request made before the inputs changed is dropped.
  const [found, setFound] = useState<Contradiction[]>([]);
  const version = data && data.analysis.layers.length > 0 ? data.map.version : null;
  const [measurements, registry, states] = [stored.measurements, props.points, props.states];
  useEffect(() => {
    if (measurements.length === 0) return;
    let live = true;
    controller
      .contradictions({
        version,
        measurements: [...measurements],
        registry: [...registry],
        states,
        options: { radiusKm: usedRadius, minDownloadMbps: usedFloor },
      })
      .then((answer) => {
        if (live && answer.available) setFound(answer.findings);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [controller, measurements, registry, states, version, usedRadius, usedFloor]);
  const findings = measurements.length > 0 ? found : [];
  const onFiles = async (files: FileList | null) => {
    if (!files || files.length === 0) return;
    const chosen: { name: string; bytes: ArrayBuffer }[] = [];
    for (const file of [...files]) chosen.push({ name: file.name, bytes: await file.arrayBuffer() });
    await importMeasurementFiles(chosen);
  };
  const carriers = useMemo(() => [...new Set(stored.measurements.map((m) => m.carrier))].sort(), [stored.measurements]);
  const overlay = useMemo<MeasurementOverlay | null>(
    () =>
      shown && stored.measurements.length > 0
        ? {
            measurements: stored.measurements,
            findings: findings.map((finding, k) => ({
              number: k + 1,
              kind: finding.kind,
              carrier: finding.carrier,
              lon: finding.lon,
              lat: finding.lat,
              radiusKm: finding.kind === "claim_contradicted" ? usedRadius : null,
            })),
            minDownloadMbps: usedFloor,
            carrier: carrier !== null && carriers.includes(carrier) ? carrier : null,
          }
        : null,
    [shown, stored.measurements, findings, usedRadius, usedFloor, carrier, carriers],
  );
  useEffect(() => {
    setMeasurementMap({ overlay });
  }, [overlay]);
  useEffect(() => () => setMeasurementMap({ overlay: null, fly: null }), []);
  const flyTo = (lon: number, lat: number, radius: number) => {
    flyMeasurementMap(lon, lat, radius);
    if (!shown) setShown(true);
    document.querySelector('[data-testid="progress-map"]')?.scrollIntoView({ block: "center", behavior: "smooth" });
  };
  const base = `${t("measure.fileName")}-${todayStamp()}`;
  return (
    <section className="tracking-measurements" aria-labelledby="tracking-measure-heading" data-testid="measure-section">
      <h2 id="tracking-measure-heading">{t("measure.heading")}</h2>
      <p className="hint">{t("measure.intro")}</p>
      {version === null && <p className="hint">{t("measure.noCoverage")}</p>}
      <label className="field-inline">
        <span>{t("measure.file")}</span>
        <input type="file" accept=".csv,.txt,.tsv,text/csv" multiple onChange={(event) => void onFiles(event.target.files)} data-testid="measure-input" />
      </label>
      <label className="field-inline">
        <span>{t("measure.radius")}</span>
        <input type="text" inputMode="decimal" size={5} value={radius} onChange={(event) => setRadius(event.target.value)} data-testid="measure-radius" />
      </label>
      <label className="field-inline">
        <span>{t("measure.floor")}</span>
        <input type="text" inputMode="decimal" size={5} value={floor} onChange={(event) => setFloor(event.target.value)} data-testid="measure-floor" />
      </label>
      {loaded && (
        <>
          <p data-testid="measure-read">
            {t("measure.read", { accepted: loaded.measurements.length, files: loaded.files, rejected: loaded.rejected })}{" "}
            {stored.saved && (
              <span className="hint" data-testid="measure-saved">
                {t("measure.saved", { files: stored.files.join(", ") })}
              </span>
            )}
          </p>
          {stored.storageError !== null && (
            <p className="tracking-warning" role="alert">
              {t("measure.storageFailed", { reason: stored.storageError })}
            </p>
          )}
          <div className="measure-map-controls">
            <label className="field-inline">
              <input type="checkbox" checked={shown} onChange={(event) => setShown(event.target.checked)} data-testid="measure-show" />
              <span>{t("measure.showOnMap")}</span>
            </label>
            <label className="field-inline">
              <span>{t("measure.carrier")}</span>
              <select value={carrier ?? ""} onChange={(event) => setCarrier(event.target.value || null)} data-testid="measure-carrier">
                <SelectOptions items={carriers} empty={t("measure.carrierAll")} />
              </select>
            </label>
            <button type="button" onClick={() => void clearMeasurements()} data-testid="measure-clear">
              {t("measure.clear")}
            </button>
          </div>
          <ul className="measure-legend" aria-label={t("measure.legend")} data-testid="measure-legend">
            {(Object.keys(OUTCOME_COLORS) as (keyof typeof OUTCOME_COLORS)[]).map((outcome) => (
              <li key={outcome}>
                <span className="measure-dot" style={{ background: OUTCOME_COLORS[outcome] }} aria-hidden="true" /> {t(`measure.outcome.${outcome}`)}
              </li>
            ))}
            {(Object.keys(FINDING_COLORS) as (keyof typeof FINDING_COLORS)[]).map((kind) => (
              <li key={kind}>
                <span className="measure-ring" style={{ borderColor: FINDING_COLORS[kind] }} aria-hidden="true" /> {CONTRADICTION_LABELS[kind][language]}
              </li>
            ))}
          </ul>
          <p data-testid="measure-count">{findings.length === 0 ? t("measure.none") : t("measure.findings", { count: findings.length })}</p>
          {findings.length > 0 && (
            <>
              <ScrollTable
                className="tracking-table"
                testId="measure-table"
                columns={[
                  "#",
                  t("measure.kind"),
                  t("tracking.table.carrier"),
                  t("tracking.table.id"),
                  t("measure.claim"),
                  t("measure.counts"),
                  t("measure.release"),
                ]}
              >
                {findings.map((finding, k) => (
                  <tr key={k} data-testid="measure-row">
                    <td>
                      <button
                        type="button"
                        className="measure-fly"
                        onClick={() => flyTo(finding.lon, finding.lat, finding.kind === "claim_contradicted" ? usedRadius : 0.3)}
                        aria-label={t("measure.flyTo", { number: k + 1 })}
                        data-testid="measure-fly"
                      >
                        {k + 1}
                      </button>
                    </td>
                    <td>{CONTRADICTION_LABELS[finding.kind][language]}</td>
                    <td>{finding.carrier}</td>
                    <td>{finding.pointId ?? ""}</td>
                    <td>{finding.claim[language]}</td>
                    <td>
                      {formatNumber(language, finding.bad, 0)} / {formatNumber(language, finding.good, 0)}
                    </td>
                    <td>{finding.release}</td>
                  </tr>
                ))}
              </ScrollTable>
              <p className="button-row">
                <button
                  type="button"
                  data-testid="measure-export-csv"
                  onClick={() =>
                    downloadText(`${base}.csv`, challengePacketCsv(findings, loaded.measurements, language, csvSeparator), "text/csv;charset=utf-8")
                  }
                >
                  {t("measure.export.csv")}
                </button>
                <button
                  type="button"
                  data-testid="measure-export-geojson"
                  onClick={() =>
                    downloadText(`${base}.geojson`, JSON.stringify(challengePacketGeojson(findings, loaded.measurements, language)), "application/geo+json")
                  }
                >
                  {t("measure.export.geojson")}
                </button>
              </p>
            </>
          )}
        </>
      )}
    </section>
  );
}
