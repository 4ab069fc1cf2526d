import { STATUS_LABELS } from "../../domain/progress/status.ts";
import { formatNumber } from "../i18n/i18n.ts";
import { useAgency } from "../state/agency.ts";
import { TrackingDashboard } from "./TrackingDashboard.tsx";
import { ProgressChart } from "./ProgressChart.tsx";
import type { TrackingView } from "./tracking_view.ts";
import { daysLeft } from "./tracking_view.ts";
import { formatDay, useTrackingTranslation } from "./use_tracking_translation.ts";

/**
 * The printable progress report: hidden on screen, the only thing printed from the tracking view
 * (see progress.css): dashboard, chart, overdue count and every point with its status.
 * @param props - the view
 * @returns the report
 */
export function PrintReport({ view }: { view: TrackingView }) {
  const [t, language] = useTrackingTranslation();
  const agency = useAgency();
  return (
    <article className="tracking-print" aria-hidden="true" data-testid="print-report-page">
      <p className="print-agency" data-testid="print-agency">{agency}</p>
      <h1>{t("tracking.print.heading")}</h1>
      <p>{t("tracking.print.date", { date: formatDay(language, view.date) })}</p>
      <TrackingDashboard summary={view.summary} heading={t("tracking.dashboard.heading")} pendingCount={view.pendingCount} invalidCount={view.invalid.length} compact={false} />
      <ProgressChart timeline={view.timeline} listed={view.summary.listed} pastDay />
      <h2>{t("tracking.table.heading")}</h2>
      <table className="tracking-table">
        <thead>
          <tr>
            <th scope="col">{t("tracking.table.id")}</th>
            <th scope="col">{t("tracking.table.name")}</th>
            <th scope="col">{t("tracking.table.area")}</th>
            <th scope="col">{t("tracking.table.carrier")}</th>
            <th scope="col">{t("tracking.table.deadline")}</th>
            <th scope="col">{t("tracking.table.daysLeft")}</th>
            <th scope="col">{t("tracking.table.status")}</th>
          </tr>
        </thead>
        <tbody>
          {view.points.map((point) => {
            const status = view.states[point.id]?.status ?? "not_started";
            const left = daysLeft(point.deadline, view.date);
            return (
              <tr key={point.id}>
                <td>{point.id}</td>
                <td>{point.name}</td>
                <td>{[point.commune, point.province].filter(Boolean).join(", ")}</td>
                <td>{point.carrier}</td>
                <td>{point.deadline ? formatDay(language, point.deadline) : ""}</td>
                <td>{left === null || status === "on_air" || status === "verified" || status === "infeasible_accepted" ? "" : formatNumber(language, left, 0)}</td>
                <td>{STATUS_LABELS[status][language]}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </article>
  );
}
