import type { TrackingFigures, TrackingSummary } from "../../domain/tracking/dashboard.ts";
import { formatNumber, formatPercent } from "../i18n/i18n.ts";
import { useTranslation } from "../app_context.ts";

interface FigureCardProps {
  label: string;
  value: number;
  percent?: string;
  testId: string;
  tone?: "good" | "bad" | "warn";
}

/** A headline figure; the number is written as plain digits (no grouping), for people and tests alike. */
function FigureCard({ label, value, percent, testId, tone }: FigureCardProps) {
  return (
    <div className={`tracking-figure${tone ? ` tracking-figure-${tone}` : ""}`}>
      <dt>{label}</dt>
      <dd>
        <strong data-testid={testId}>{String(value)}</strong>
        {percent && <span className="tracking-percent">{percent}</span>}
      </dd>
    </div>
  );
}

function FiguresRow({ name, figures }: { name: string; figures: TrackingFigures }) {
  const [, language] = useTranslation();
  const cell = (count: number, percent: number) => `${formatNumber(language, count, 0)} (${formatPercent(language, percent)})`;
  return (
    <tr>
      <th scope="row">{name}</th>
      <td>{formatNumber(language, figures.listed, 0)}</td>
      <td>{cell(figures.covered, figures.percent_covered)}</td>
      <td>{cell(figures.verified, figures.percent_verified)}</td>
      <td>{cell(figures.overdue, figures.percent_overdue)}</td>
      <td>{cell(figures.due_30_days, figures.percent_due_30_days)}</td>
    </tr>
  );
}

function FiguresTable({
  caption,
  first,
  rows,
  testId,
}: {
  caption: string;
  first: string;
  rows: { key: string; name: string; figures: TrackingFigures }[];
  testId: string;
}) {
  const [t] = useTranslation();
  return (
    <div className="table-scroll">
      <table className="stats-table tracking-figures-table" data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{first}</th>
            <th scope="col">{t("tracking.dashboard.listed")}</th>
            <th scope="col">{t("tracking.dashboard.covered")}</th>
            <th scope="col">{t("tracking.dashboard.verified")}</th>
            <th scope="col">{t("tracking.dashboard.overdue")}</th>
            <th scope="col">{t("tracking.dashboard.due")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <FiguresRow key={row.key} name={row.name} figures={row.figures} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The dashboard: the five figures overall (numbers and percentages of the list), then per carrier,
 * province and commune.
 * @param props - the summary, the heading, and notes about pending changes and events not applied
 * @returns the dashboard section
 */
export function TrackingDashboard({
  summary,
  heading,
  pendingCount,
  invalidCount,
  compact,
}: {
  summary: TrackingSummary;
  heading: string;
  pendingCount: number;
  invalidCount: number;
  compact?: boolean;
}) {
  const [t, language] = useTranslation();
  const percent = (value: number) => t("tracking.dashboard.percentOfList", { percent: formatPercent(language, value) });
  const unknown = t("tracking.dashboard.unknownArea");
  return (
    <section className="tracking-dashboard" aria-labelledby="tracking-dashboard-heading">
      <h2 id="tracking-dashboard-heading">{heading}</h2>
      <dl className="tracking-figures">
        <FigureCard label={t("tracking.dashboard.listed")} value={summary.listed} testId="dashboard-listed" />
        <FigureCard
          label={t("tracking.dashboard.covered")}
          value={summary.covered}
          percent={percent(summary.percent_covered)}
          testId="dashboard-covered"
          tone="good"
        />
        <FigureCard
          label={t("tracking.dashboard.verified")}
          value={summary.verified}
          percent={percent(summary.percent_verified)}
          testId="dashboard-verified"
          tone="good"
        />
        <FigureCard
          label={t("tracking.dashboard.overdue")}
          value={summary.overdue}
          percent={percent(summary.percent_overdue)}
          testId="dashboard-overdue"
          tone="bad"
        />
        <FigureCard
          label={t("tracking.dashboard.due")}
          value={summary.due_30_days}
          percent={percent(summary.percent_due_30_days)}
          testId="dashboard-due"
          tone="warn"
        />
      </dl>
      {pendingCount > 0 && <p className="hint">{t("tracking.dashboard.includesOwn", { count: pendingCount })}</p>}
      {invalidCount > 0 && <p className="hint">{t("tracking.dashboard.invalidEvents", { count: invalidCount })}</p>}
      {!compact && (
        <>
          <FiguresTable
            caption={t("tracking.dashboard.byCarrier")}
            first={t("tracking.dashboard.carrier")}
            testId="dashboard-by-carrier"
            rows={summary.by_carrier.map((entry) => ({ key: entry.carrier, name: entry.carrier, figures: entry }))}
          />
          <FiguresTable
            caption={t("tracking.dashboard.byProvince")}
            first={t("tracking.dashboard.area")}
            testId="dashboard-by-province"
            rows={summary.by_province.map((entry) => ({ key: entry.code, name: entry.name || unknown, figures: entry }))}
          />
          <details>
            <summary>{t("tracking.dashboard.byCommune")}</summary>
            <FiguresTable
              caption={t("tracking.dashboard.byCommune")}
              first={t("tracking.dashboard.area")}
              testId="dashboard-by-commune"
              rows={summary.by_commune.map((entry) => ({
                key: `${entry.province ?? ""}|${entry.code}|${entry.name}`,
                name: [entry.name || unknown, entry.province].filter(Boolean).join(", "),
                figures: entry,
              }))}
            />
          </details>
        </>
      )}
    </section>
  );
}
