import { useId } from "react";
import type { TrackingTimeline } from "../../domain/tracking/timeline.ts";
import { formatNumber, formatDay, type MessageKey } from "../i18n/i18n.ts";
import { CHART_BOX, layoutChart } from "./chart_geometry.ts";
import { formatMonth } from "../i18n/dates.ts";
import { useTranslation } from "../app_context.ts";
import { ScrollTable } from "../components/ScrollTable.tsx";

/** The chart's legend: the key's style (tracking.css, `tracking-key-…`) and what it stands for. */
const LEGEND: { key: "covered" | "verified" | "deadline" | "forecast"; label: MessageKey }[] = [
  { key: "covered", label: "tracking.chart.covered" },
  { key: "verified", label: "tracking.chart.verified" },
  { key: "deadline", label: "tracking.chart.deadline" },
  { key: "forecast", label: "tracking.chart.forecastLine" },
];

/**
 * The chart of covered and verified counts over time (SVG), with the deadlines, today and the forecast,
 * a sentence with the forecast completion date, and the data as a table for screen readers and print.
 * @param props - the timeline, the number listed, and whether the last day is a past "as of" day (labelled by its date)
 * @returns the chart figure
 */
export function ProgressChart({ timeline, listed, pastDay }: { timeline: TrackingTimeline; listed: number; pastDay?: boolean }) {
  const [t, language] = useTranslation();
  const titleId = useId();
  const descriptionId = useId();
  const geometry = layoutChart(timeline, listed);
  const forecast = timeline.forecast;
  const monthLabel = (date: string) => formatMonth(language, date);
  let forecastText: string;
  if (forecast.remaining <= 0) forecastText = t("tracking.forecast.done");
  else if (forecast.completionDate)
    forecastText = t("tracking.forecast.date", {
      pace: formatNumber(language, forecast.pacePerWeek, 2),
      weeks: forecast.basedOnWeeks,
      date: formatDay(language, forecast.completionDate),
    });
  else forecastText = t("tracking.forecast.none", { weeks: forecast.basedOnWeeks, remaining: forecast.remaining });
  const deadlineText =
    forecast.latestDeadline && forecast.onTrack !== null && forecast.remaining > 0
      ? t(forecast.onTrack ? "tracking.forecast.onTrack" : "tracking.forecast.late", { date: formatDay(language, forecast.latestDeadline) })
      : "";
  const box = CHART_BOX;
  const bottom = box.height - box.bottom;
  return (
    <figure className="tracking-chart" data-testid="progress-chart">
      <figcaption>{t("tracking.chart.heading")}</figcaption>
      <svg viewBox={`0 0 ${box.width} ${box.height}`} role="img" aria-labelledby={`${titleId} ${descriptionId}`} className="tracking-chart-svg">
        <title id={titleId}>{t("tracking.chart.title")}</title>
        <desc id={descriptionId}>{`${t("tracking.chart.description")} ${forecastText}`}</desc>
        {geometry.yTicks.map((tick) => (
          <g key={`y${tick.value}`}>
            <line x1={box.left} x2={box.width - box.right} y1={tick.y} y2={tick.y} className="tracking-grid-line" />
            <text x={box.left - 6} y={tick.y + 4} textAnchor="end" className="tracking-axis-text">
              {formatNumber(language, tick.value, 0)}
            </text>
          </g>
        ))}
        {geometry.xTicks.map((tick) => (
          <text key={tick.date} x={tick.x} y={bottom + 16} textAnchor="middle" className="tracking-axis-text">
            {monthLabel(tick.date)}
          </text>
        ))}
        <line x1={box.left} x2={box.width - box.right} y1={bottom} y2={bottom} className="tracking-axis" />
        {geometry.deadlines.map((deadline) => (
          <line key={deadline.date} x1={deadline.x} x2={deadline.x} y1={box.top} y2={bottom} className="tracking-deadline">
            <title>{`${t("tracking.chart.deadline")} ${formatDay(language, deadline.date)}: ${t("tracking.chart.deadlineCount", { count: deadline.count })}`}</title>
          </line>
        ))}
        <line x1={geometry.today} x2={geometry.today} y1={box.top} y2={bottom} className="tracking-today" />
        <text x={geometry.today} y={box.top - 3} textAnchor="middle" className="tracking-axis-text">
          {pastDay && timeline.samples.length > 0 ? formatDay(language, timeline.samples[timeline.samples.length - 1].date) : t("tracking.chart.today")}
        </text>
        {geometry.forecast && (
          <line x1={geometry.forecast.x1} y1={geometry.forecast.y1} x2={geometry.forecast.x2} y2={geometry.forecast.y2} className="tracking-forecast" />
        )}
        <path d={geometry.covered} className="tracking-line-covered" />
        <path d={geometry.verified} className="tracking-line-verified" />
      </svg>
      <ul className="tracking-chart-legend">
        {LEGEND.map(({ key, label }) => (
          <li key={key}>
            <span className={`tracking-key tracking-key-${key}`} aria-hidden="true" /> {t(label)}
          </li>
        ))}
      </ul>
      <p className="tracking-forecast-text" data-testid="forecast">
        {forecastText} {deadlineText}
      </p>
      <details>
        <summary>{t("tracking.chart.table")}</summary>
        <ScrollTable
          className="stats-table"
          caption={t("tracking.chart.title")}
          columns={[t("tracking.chart.date"), t("tracking.chart.covered"), t("tracking.chart.verified")]}
        >
          {timeline.samples.map((sample) => (
            <tr key={sample.date}>
              <th scope="row">{formatDay(language, sample.date)}</th>
              <td>{formatNumber(language, sample.covered, 0)}</td>
              <td>{formatNumber(language, sample.verified, 0)}</td>
            </tr>
          ))}
        </ScrollTable>
      </details>
    </figure>
  );
}
