/**
 * Field measurements against the carriers' claims, in the listed-dead-zones view: measurement files chosen here
 * (read in memory, not stored), the contradictions the domain finds (findContradictions) against the registry's
 * states and the coverage loaded in the app, and the challenge packet as CSV or GeoJSON.
 */
import { useEffect, useMemo, useState } from "react";
import { CONTRADICTION_LABELS, challengePacketCsv, challengePacketGeojson, findContradictions, parseMeasurementsCsv, type Measurement } from "../../domain/index.ts";
import type { ListedPoint } from "../../domain/progress/registry.ts";
import type { ProgressStates } from "../../domain/progress/replay.ts";
import { decodeCoverage } from "../../workers/messages.ts";
import { useApp, useAppState, useTranslation } from "../app_context.ts";
import { downloadText, todayStamp } from "../components/download.ts";
import { formatNumber } from "../i18n/i18n.ts";
import { getCsvSeparator } from "../state/csv_preference.ts";
import { coverageFeaturesFromAnalysis } from "./tracking_view.ts";

/**
 * The section.
 * @param props - the listed points the role sees and their states on the day shown
 * @returns the file input, the findings and the export buttons
 */
export function MeasurementsPanel(props: { points: readonly ListedPoint[]; states: ProgressStates }) {
  const [t, language] = useTranslation();
  const data = useAppState((state) => state.data);
  const [loaded, setLoaded] = useState<{ measurements: Measurement[]; files: number; rejected: number } | null>(null);
  const [radius, setRadius] = useState("0,5");
  const [floor, setFloor] = useState("");
  const { controller } = useApp();
  // The coverage polygons stay in the analysis worker (the map draws raster tiles): asked for once per analysis.
  const [coverage, setCoverage] = useState<ReturnType<typeof coverageFeaturesFromAnalysis>>([]);
  useEffect(() => {
    setCoverage([]);
    if (!data || data.analysis.layers.length === 0) return;
    let live = true;
    controller
      .coverage(data.map.version)
      .then((geojson) => {
        if (live && geojson) setCoverage(coverageFeaturesFromAnalysis(decodeCoverage(geojson), data.analysis.layers));
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [controller, data]);
  const radiusKm = Number(radius.replace(",", "."));
  const floorMbps = floor.trim() === "" ? undefined : Number(floor.replace(",", "."));
  const findings = useMemo(
    () =>
      loaded
        ? findContradictions(loaded.measurements, coverage, props.points, props.states, {
            radiusKm: radiusKm > 0 ? radiusKm : 0.5,
            minDownloadMbps: floorMbps !== undefined && floorMbps > 0 ? floorMbps : undefined,
          })
        : [],
    [loaded, coverage, props.points, props.states, radiusKm, floorMbps],
  );
  const onFiles = async (files: FileList | null) => {
    if (!files || files.length === 0) return;
    const measurements: Measurement[] = [];
    let rejected = 0;
    for (const file of [...files]) {
      const result = parseMeasurementsCsv(new Uint8Array(await file.arrayBuffer()), { file: file.name });
      measurements.push(...result.items);
      rejected += result.report.rejected;
    }
    setLoaded({ measurements, files: files.length, rejected });
  };
  const base = `${t("measure.fileName")}-${todayStamp()}`;
  return (
    <section className="tracking-measurements" aria-labelledby="tracking-measure-heading" data-testid="measure-section">
      <h2 id="tracking-measure-heading">{t("measure.heading")}</h2>
      <p className="hint">{t("measure.intro")}</p>
      {coverage.length === 0 && <p className="hint">{t("measure.noCoverage")}</p>}
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
          <p data-testid="measure-read">{t("measure.read", { accepted: loaded.measurements.length, files: loaded.files, rejected: loaded.rejected })}</p>
          <p data-testid="measure-count">{findings.length === 0 ? t("measure.none") : t("measure.findings", { count: findings.length })}</p>
          {findings.length > 0 && (
            <>
              <div className="table-scroll">
                <table className="tracking-table" data-testid="measure-table">
                  <thead>
                    <tr>
                      <th scope="col">#</th>
                      <th scope="col">{t("measure.kind")}</th>
                      <th scope="col">{t("tracking.table.carrier")}</th>
                      <th scope="col">{t("tracking.table.id")}</th>
                      <th scope="col">{t("measure.claim")}</th>
                      <th scope="col">{t("measure.counts")}</th>
                      <th scope="col">{t("measure.release")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {findings.map((finding, k) => (
                      <tr key={k} data-testid="measure-row">
                        <td>{k + 1}</td>
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
                  </tbody>
                </table>
              </div>
              <p className="button-row">
                <button type="button" data-testid="measure-export-csv" onClick={() => downloadText(`${base}.csv`, challengePacketCsv(findings, loaded.measurements, language, getCsvSeparator()), "text/csv;charset=utf-8")}>
                  {t("measure.export.csv")}
                </button>
                <button type="button" data-testid="measure-export-geojson" onClick={() => downloadText(`${base}.geojson`, JSON.stringify(challengePacketGeojson(findings, loaded.measurements, language)), "application/geo+json")}>
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
