import { STATUS_LABELS } from "../../domain/tracking/status.ts";
import { usePreferences, useTranslation } from "../app_context.ts";
import { todayStamp } from "../components/download.ts";
import { formatNumber, formatDay } from "../i18n/i18n.ts";
import { MapFigure } from "../print/MapFigure.tsx";
import { trackingLegend } from "../print/map_legends.ts";
import { OfficialHeading, OfficialSignature } from "../print/OfficialDocument.tsx";
import { TrackingDashboard } from "./TrackingDashboard.tsx";
import { ProgressChart } from "./ProgressChart.tsx";
import type { TrackingView } from "./tracking_view.ts";
import { daysLeft } from "./tracking_view.ts";
import { ColumnHeads } from "../components/ColumnHeads.tsx";
import { LISTED_POINT_COLUMNS } from "./listed_point_columns.ts";

/**
 * The printable progress report: hidden on screen, the only thing printed from the tracking view
 * (see progress.css), laid out as an administrative document (print/OfficialDocument.tsx): the map of the
 * listed points by status, the dashboard (overall, by carrier, by province and commune), the chart and every
 * point with its status.
 * @param props - the view
 * @returns the report
 */
export function PrintReport({ view }: { view: TrackingView }) {
  const [t, language] = useTranslation();
  const [tApp] = useTranslation();
  const { agency } = usePreferences();
  const provinces = new Set(view.points.map((point) => point.province?.trim()).filter((name): name is string => Boolean(name)));
  const province = provinces.size === 1 ? [...provinces][0] : null;
  const statuses = view.points.map((point) => view.states[point.id]?.status ?? "not_started");
  return (
    <article className="tracking-print official-document" aria-hidden="true" data-testid="print-report-page">
      <OfficialHeading agency={agency} province={province} day={todayStamp()} subject={tApp("print.doc.trackingSubject")}>
        <p className="official-scope">{t("tracking.print.date", { date: formatDay(language, view.date) })}</p>
      </OfficialHeading>
      <h2>{tApp("print.doc.map")}</h2>
      <MapFigure
        map="tracking"
        legend={trackingLegend(language, statuses)}
        language={language}
        alt={t("tracking.print.heading")}
        missing={tApp("print.mapMissing")}
      />
      <h2>{tApp("print.doc.trackingFigures")}</h2>
      <TrackingDashboard
        summary={view.summary}
        heading={t("tracking.dashboard.heading")}
        pendingCount={view.pendingCount}
        invalidCount={view.invalid.length}
        compact={false}
      />
      <ProgressChart timeline={view.timeline} listed={view.summary.listed} pastDay />
      <h2>{tApp("print.doc.trackingList")}</h2>
      <table className="tracking-table">
        <ColumnHeads labels={LISTED_POINT_COLUMNS.map((key) => t(key))} />
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
                <td className="number">
                  {left === null || status === "on_air" || status === "verified" || status === "infeasible_accepted" ? "" : formatNumber(language, left, 0)}
                </td>
                <td>{STATUS_LABELS[status][language]}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <OfficialSignature />
    </article>
  );
}
