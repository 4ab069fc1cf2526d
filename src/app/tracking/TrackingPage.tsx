/**
 * The "Listed dead zones" view: role and as-of date, dashboard, chart, map, the carrier's or the
 * department's tools, the list, the overdue points, a point's history, exports and backup.
 * It wires components to the tracking controller and holds no logic of its own.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { crossCheckCoverage } from "../../domain/tracking/cross_check.ts";
import { replay } from "../../domain/tracking/replay.ts";
import { listCarriers } from "../../domain/tracking/work_lists.ts";
import { PROGRESS_STATUSES, STATUS_LABELS } from "../../domain/tracking/status.ts";
import { TrackingMap } from "../../map/TrackingMap.tsx";
import { PROGRESS_STATUS_COLORS } from "../../map/tracking_layers.ts";
import { useApp, useAppState, usePreferences, useTranslation } from "../app_context.ts";
import { formatNumber, formatDay } from "../i18n/i18n.ts";
import { BOUNDARY_URLS } from "../sample_data.ts";
import { DayInput } from "../components/DayInput.tsx";
import type { TrackingUrlState } from "../state/url_state.ts";
import { CarrierPanel } from "./CarrierPanel.tsx";
import { DataPanel, downloadBackup } from "./DataPanel.tsx";
import { DepartmentPanel } from "./DepartmentPanel.tsx";
import { OverdueList } from "./OverdueList.tsx";
import { PointHistory } from "./PointHistory.tsx";
import { PrintReport } from "./PrintReport.tsx";
import { ProgressChart } from "./ProgressChart.tsx";
import { RegistryTable } from "./RegistryTable.tsx";
import { UnlocatedPanel } from "./UnlocatedPanel.tsx";
import { RiskTable } from "./RiskTable.tsx";
import { MeasurementsPanel } from "./MeasurementsPanel.tsx";
import { useMeasurementMap } from "./measurement_overlay_store.ts";
import { StatusForm } from "./StatusForm.tsx";
import { TrackingDashboard } from "./TrackingDashboard.tsx";
import { useTrackingController, useTracking } from "./tracking_context.ts";
import {
  computeTrackingView,
  countUnbackedEvents,
  daysLeft,
  pendingChanges,
  registryCoverageFromAnalysis,
  assignedCarrierReach,
  roleActor,
  type AssignedReach,
  roleFromValue,
  roleToValue,
} from "./tracking_view.ts";
import "./tracking.css";
import { setTrackingUrl } from "../state/updaters.ts";
import { showHistory } from "./tracking_updaters.ts";
import { SelectOptions } from "../components/SelectOptions.tsx";
import { NoticeList } from "../components/NoticeList.tsx";

function StorageStatus({ today, pendingCount }: { today: string; pendingCount: number }) {
  const [t] = useTranslation();
  const controller = useTrackingController();
  const persistence = useTracking((state) => state.persistence);
  const storageError = useTracking((state) => state.storageError);
  const saving = useTracking((state) => state.savesPending > 0);
  const unbacked = useTracking(countUnbackedEvents);
  const unsaved = useTracking((state) => state.unsavedCount > 0);
  return (
    <div className="tracking-storage">
      <p className="hint" data-testid="persistence-status">
        {t(`tracking.storage.${persistence}`)} <span role="status">{saving ? t("tracking.storage.saving") : ""}</span>
      </p>
      {unbacked > 0 && storageError === null && (
        <p className="tracking-warning" data-testid="backup-reminder">
          {t("tracking.data.backupReminder", { count: unbacked })}{" "}
          <button type="button" onClick={() => downloadBackup(controller, today)}>
            {t("tracking.data.backupDownload")}
          </button>
        </p>
      )}
      {storageError !== null && pendingCount > 0 && <p className="tracking-warning">{t("tracking.storage.outboxAdvice", { count: pendingCount })}</p>}
      {storageError !== null && (
        <div className="notice notice-error" role="alert" data-testid="storage-error">
          <span>{t("tracking.storage.failed", { reason: storageError })}</span>
          {unsaved && <span data-testid="storage-unsaved"> {t("tracking.storage.unsaved")}</span>}
          <span className="button-row">
            <button type="button" onClick={() => void controller.retrySave()}>
              {t("tracking.storage.retry")}
            </button>
            <button type="button" onClick={() => downloadBackup(controller, today)} data-testid="storage-backup">
              {t("tracking.data.backupDownload")}
            </button>
          </span>
        </div>
      )}
    </div>
  );
}

function TrackingNotices() {
  const [t, language] = useTranslation();
  const notices = useTracking((state) => state.notices);
  const controller = useTrackingController();
  return (
    <NoticeList
      notices={notices.map((notice) => ({ id: notice.id, severity: notice.severity, text: notice.message[language] }))}
      className="notices tracking-notices"
      testIdPrefix="tracking-notice"
      closeLabel={t("tracking.close")}
      onDismiss={(id) => controller.dismiss(id)}
    />
  );
}

/**
 * The whole tracking view.
 * @returns the view
 */
export function TrackingPage() {
  const [t, language] = useTranslation();
  const controller = useTrackingController();
  const { agency } = usePreferences();
  useEffect(() => {
    void controller.start();
  }, [controller]);
  const loaded = useTracking((state) => state.loaded);
  const { store: appStore } = useApp();
  const registry = useTracking((state) => state.registry);
  const events = useTracking((state) => state.events);
  const outbox = useTracking((state) => state.outbox);
  const role = useTracking((state) => state.role);
  const asOf = useTracking((state) => state.asOf);
  const historyPointId = useTracking((state) => state.historyPointId);
  const editingPointId = useTracking((state) => state.editingPointId);
  const saving = useTracking((state) => state.savesPending > 0);
  const data = useAppState((state) => state.data);
  const today = controller.today();
  // The role and the as-of day live in the URL too: a link opens the same view; the link's values apply once loaded.
  const fromLink = useRef<TrackingUrlState | undefined>(appStore.getState().tracking);
  useEffect(() => {
    if (!loaded || !fromLink.current) return;
    const { role: linkedRole, asOf: linkedAsOf } = fromLink.current;
    fromLink.current = undefined;
    if (linkedRole) controller.setRole(roleFromValue(linkedRole));
    if (linkedAsOf) controller.setAsOf(linkedAsOf);
  }, [loaded, controller]);
  useEffect(() => {
    if (!loaded || fromLink.current) return;
    const value = roleToValue(role);
    appStore.setState((state) => setTrackingUrl(state, { role: value === "department" ? undefined : value, asOf: asOf ?? undefined }));
  }, [loaded, role, asOf, appStore]);
  // The printable report (every point) is drawn only for printing: synchronously before the print dialog.
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(false);
    window.addEventListener("beforeprint", before);
    window.addEventListener("afterprint", after);
    return () => {
      window.removeEventListener("beforeprint", before);
      window.removeEventListener("afterprint", after);
    };
  }, []);

  const carriers = useMemo(() => listCarriers(registry.registry), [registry]);
  const view = useMemo(
    () => computeTrackingView({ registry: registry.registry, events, outbox, role, asOf, today, listPublishedOn: registry.listPublishedOn }),
    [registry, events, outbox, role, asOf, today],
  );
  const pastDay = view.date !== today;
  const pending = useMemo(() => (role.role === "carrier" ? pendingChanges(events, outbox, role.carrier) : []), [events, outbox, role]);
  const pendingIds = useMemo(() => new Set(pending.map((event) => event.id)), [pending]);

  // Cross-check against the coverage loaded in the app (the carriers' latest layers), on today's state.
  const { controller: appController } = useApp();
  const directCoverage = useMemo(() => {
    if (!data || data.analysis.layers.length === 0 || registry.registry.length === 0) return null;
    return registryCoverageFromAnalysis(registry.registry, data.points, data.analysis);
  }, [data, registry]);
  // Registry points that are not among the analysed points: the worker, which holds the polygons and their index,
  // says which layers contain them (no index is built on the main thread).
  const [fetchedCoverage, setFetchedCoverage] = useState<{ data: unknown; registry: unknown; value: typeof directCoverage } | null>(null);
  useEffect(() => {
    if (!data || directCoverage || data.analysis.layers.length === 0 || registry.registry.length === 0) return;
    let live = true;
    const lon = Float64Array.from(registry.registry, (point) => point.lon);
    const lat = Float64Array.from(registry.registry, (point) => point.lat);
    appController
      .coverAt(data.map.version, lon, lat)
      .then((value) => {
        if (live && value) setFetchedCoverage({ data, registry, value });
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [appController, data, registry, directCoverage]);
  const registryCoverage =
    directCoverage ?? (fetchedCoverage && fetchedCoverage.data === data && fetchedCoverage.registry === registry ? fetchedCoverage.value : null);
  // How far each overdue point is from its carrier's coverage: measured in the analysis worker (no main-thread work).
  const [reach, setReach] = useState<Map<string, AssignedReach> | null>(null);
  useEffect(() => {
    setReach(null);
    if (!data || !registryCoverage || view.overdue.length === 0) return;
    const byId = new Map(registry.registry.map((point) => [point.id, point]));
    const items = view.overdue.filter((item) => byId.has(item.pointId));
    let live = true;
    appController
      .nearest({
        version: data.map.version,
        points: items.map((item) => ({ lon: byId.get(item.pointId)!.lon, lat: byId.get(item.pointId)!.lat, exclude: [] })),
      })
      .then((result) => {
        if (live) setReach(result.available ? assignedCarrierReach(registry.registry, items, registryCoverage, result.distances) : new Map());
      })
      .catch(() => {
        // Shown as "–": the list itself does not depend on it.
        if (live) setReach(new Map());
      });
    return () => {
      live = false;
    };
  }, [appController, data, registry, registryCoverage, view.overdue]);
  const crossCheck = useMemo(() => {
    if (!registryCoverage) return null;
    const states = pastDay ? replay(registry.registry, view.log).states : view.states;
    const result = crossCheckCoverage(registry.registry, states, registryCoverage);
    if (role.role === "carrier") {
      const own = new Set(view.points.map((point) => point.id));
      return {
        proposals: result.proposals.filter((item) => own.has(item.pointId)),
        flags: result.flags.filter((item) => own.has(item.pointId)),
        unchecked: result.unchecked.filter((id) => own.has(id)),
      };
    }
    return result;
  }, [registryCoverage, registry, view, pastDay, role]);

  const measurementMap = useMeasurementMap();
  const mapPoints = useMemo(
    () => view.points.map((point) => ({ id: point.id, lon: point.lon, lat: point.lat, status: view.states[point.id]?.status ?? "not_started" })),
    [view],
  );
  const describePoint = useCallback(
    (id: string) => {
      const point = view.points.find((candidate) => candidate.id === id);
      const state = view.states[id];
      if (!point) return { title: id, rows: [] };
      const left = daysLeft(point.deadline, view.date);
      return {
        title: point.name || point.id,
        rows: [
          { label: t("tracking.table.id"), value: point.id },
          { label: t("tracking.table.carrier"), value: point.carrier },
          { label: t("tracking.table.area"), value: [point.commune, point.province].filter(Boolean).join(", ") },
          { label: t("tracking.table.status"), value: STATUS_LABELS[state?.status ?? "not_started"][language] },
          { label: t("tracking.table.deadline"), value: point.deadline ? formatDay(language, point.deadline) : t("tracking.table.noDeadline") },
          ...(left !== null ? [{ label: t("tracking.table.daysLeft"), value: formatNumber(language, left, 0) }] : []),
        ],
      };
    },
    [view, t, language],
  );

  if (!loaded) {
    return (
      <section className="tracking" data-testid="progress-loading">
        <p role="status">{t("tracking.loading")}</p>
      </section>
    );
  }
  const historyPoint = historyPointId ? registry.registry.find((point) => point.id === historyPointId) : undefined;
  const editingPoint = editingPointId && !pastDay ? registry.registry.find((point) => point.id === editingPointId) : undefined;
  const carrierName = role.role === "carrier" ? role.carrier : null;

  return (
    <section className="tracking" data-testid="progress-view-page" data-saving={saving ? "true" : "false"} aria-labelledby="tracking-heading">
      <div className="tracking-screen">
        <div className="tracking-toolbar">
          <h2 id="tracking-heading">{t("tracking.heading")}</h2>
          <label className="field-inline">
            <span>{t("tracking.role.label")}</span>
            <select value={roleToValue(role)} onChange={(event) => controller.setRole(roleFromValue(event.target.value))} data-testid="role-select">
              <option value="department">{t("tracking.role.department", { agency })}</option>
              <SelectOptions items={carriers} toValue={(carrier) => `carrier:${carrier}`} toLabel={(carrier) => t("tracking.role.carrier", { carrier })} />
            </select>
          </label>
          <label className="field-inline">
            <span>{t("tracking.asOf.label")}</span>
            <DayInput
              language={language}
              value={asOf ?? today}
              max={today}
              onChange={(day) => controller.setAsOf(day || null)}
              testId="asof-input"
              hint={t("tracking.dayHint")}
            />
          </label>
          {pastDay && (
            <button type="button" onClick={() => controller.setAsOf(null)} data-testid="asof-clear">
              {t("tracking.asOf.clear")}
            </button>
          )}
          <p className="hint tracking-registry-info">
            {t("tracking.registryInfo", { file: registry.file, count: registry.registry.length })}
            {registry.isSample && (
              <>
                {" "}
                <strong className="tracking-sample">{t("tracking.sampleNote")}</strong>
              </>
            )}
          </p>
        </div>
        <TrackingNotices />
        <StorageStatus today={today} pendingCount={pending.length} />
        {pastDay && (
          <p className="tracking-past" role="status" data-testid="asof-note">
            {t("tracking.asOf.past", { date: formatDay(language, view.date) })}
          </p>
        )}
        <div className="tracking-overview">
          <div className="tracking-main">
            <TrackingDashboard
              summary={view.summary}
              heading={carrierName ? t("tracking.dashboard.headingCarrier", { carrier: carrierName }) : t("tracking.dashboard.heading")}
              pendingCount={view.pendingCount}
              invalidCount={view.invalid.length}
            />
            <OverdueList items={view.overdue} reach={registryCoverage ? reach : undefined} />
            <RiskTable
              registry={registry.registry}
              points={view.points}
              log={view.log}
              states={view.states}
              date={view.date}
              from={registry.listPublishedOn}
              registryCoverage={registryCoverage}
            />
            <MeasurementsPanel points={view.points} states={view.states} />
          </div>
          <div className="tracking-side">
            <ProgressChart timeline={view.timeline} listed={view.summary.listed} pastDay={pastDay} />
            <section aria-labelledby="tracking-map-heading" className="tracking-map-section">
              <h2 id="tracking-map-heading">{t("tracking.map.heading")}</h2>
              <TrackingMap
                points={mapPoints}
                boundaryUrls={BOUNDARY_URLS}
                labels={{
                  mapLabel: t("tracking.map.label"),
                  noWebgl: t("tracking.map.noWebgl"),
                  contextLost: t("tracking.map.contextLost"),
                  redraw: t("tracking.map.redraw"),
                }}
                describePoint={describePoint}
                selectedId={historyPointId}
                onSelect={(id) => controller.store.setState((state) => showHistory(state, id))}
                measurements={measurementMap.overlay}
                flyTo={measurementMap.fly}
              />
              <ul className="tracking-map-legend" aria-label={t("tracking.map.legend")}>
                {PROGRESS_STATUSES.map((status) => (
                  <li key={status}>
                    <span className="tracking-dot" style={{ background: PROGRESS_STATUS_COLORS[status] }} aria-hidden="true" />{" "}
                    {STATUS_LABELS[status][language]}
                  </li>
                ))}
              </ul>
            </section>
          </div>
        </div>
        {historyPoint && <PointHistory point={historyPoint} log={view.log} pendingIds={pendingIds} />}
        {carrierName && editingPoint && (
          <StatusForm
            key={`${editingPoint.id}-${view.states[editingPoint.id]?.status}`}
            point={editingPoint}
            progress={view.states[editingPoint.id]}
            actor={roleActor(role)}
            today={today}
          />
        )}
        {carrierName ? (
          <CarrierPanel carrier={carrierName} pending={pending} crossCheck={crossCheck} today={today} pastDay={pastDay} />
        ) : (
          <DepartmentPanel registry={registry.registry} states={view.states} today={today} crossCheck={crossCheck} pastDay={pastDay} />
        )}
        {!carrierName && <UnlocatedPanel disabled={pastDay} />}
        <RegistryTable
          points={view.points}
          states={view.states}
          date={view.date}
          heading={carrierName ? t("tracking.table.headingCarrier", { carrier: carrierName }) : t("tracking.table.heading")}
          canUpdate={carrierName !== null && !pastDay}
        />
        <DataPanel
          points={view.points}
          states={view.states}
          date={view.date}
          today={today}
          loadedPoints={data?.points ?? []}
          showRegistryImport={role.role === "department"}
        />
      </div>
      {printing && <PrintReport view={view} />}
    </section>
  );
}
