import type { TrackingFigures, TrackingSummary } from "../../domain/tracking/dashboard.ts";
import { formatNumber, formatPercent, type MessageKey } from "../i18n/i18n.ts";
import { useTranslation } from "../app_context.ts";
import { ScrollTable } from "../components/ScrollTable.tsx";

type Share = "covered" | "verified" | "overdue" | "due_30_days";

/** The four figures counted out of the list, in the order the cards and the table columns show them. */
const SHARES: { field: Share; percent: `percent_${Share}`; label: MessageKey; testId: string; tone: "good" | "bad" | "warn" }[] = [
  { field: "covered", percent: "percent_covered", label: "tracking.dashboard.covered", testId: "dashboard-covered", tone: "good" },
  { field: "verified", percent: "percent_verified", label: "tracking.dashboard.verified", testId: "dashboard-verified", tone: "good" },
  { field: "overdue", percent: "percent_overdue", label: "tracking.dashboard.overdue", testId: "dashboard-overdue", tone: "bad" },
  { field: "due_30_days", percent: "percent_due_30_days", label: "tracking.dashboard.due", testId: "dashboard-due", tone: "warn" },
];

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
      {SHARES.map((share) => (
        <td key={share.field}>{cell(figures[share.field], figures[share.percent])}</td>
      ))}
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
    <ScrollTable
      className="stats-table tracking-figures-table"
      testId={testId}
      caption={caption}
      columns={[first, t("tracking.dashboard.listed"), ...SHARES.map((share) => t(share.label))]}
    >
      {rows.map((row) => (
        <FiguresRow key={row.key} name={row.name} figures={row.figures} />
      ))}
    </ScrollTable>
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
        {SHARES.map((share) => (
          <FigureCard
            key={share.field}
            label={t(share.label)}
            value={summary[share.field]}
            percent={percent(summary[share.percent])}
            testId={share.testId}
            tone={share.tone}
          />
        ))}
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
