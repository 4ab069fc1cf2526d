import { formatNumber } from "../i18n/i18n.ts";
import type { TrackingImport } from "./tracking_controller.ts";
import { useTrackingController } from "./tracking_context.ts";
import { useTranslation } from "../app_context.ts";
import { issuePlace } from "../components/issue_place.ts";
import type { ImportIssue } from "../../domain/issues.ts";
import { ScrollTable } from "../components/ScrollTable.tsx";

/** At most this many issues are listed. */
const ISSUE_LIMIT = 200;

/**
 * The report of one import, row by row: read, accepted, rejected, then every issue with where and why.
 * @param props - the import
 * @returns the report section
 */
export function TrackingReport({ entry }: { entry: TrackingImport }) {
  const [t, language] = useTranslation();
  const controller = useTrackingController();
  const { report } = entry;
  const shown = report.issues.slice(0, ISSUE_LIMIT);
  const placeText = (issue: ImportIssue) => {
    const place = issuePlace(issue);
    return t(`tracking.report.${place.kind}`, place.params);
  };
  return (
    <section className={`import-report${entry.refused ? " import-report-refused" : ""}`} data-testid={`${entry.kind}-report`} aria-live="polite">
      <h3>{t("tracking.report.heading", { file: entry.file })}</h3>
      {report.sheet !== undefined && (
        <p className="hint" data-testid="tracking-report-sheet">
          {t("tracking.report.sheet", { sheet: report.sheet })}
        </p>
      )}
      <dl className="report-counts">
        <dt>{t("tracking.report.read")}</dt>
        <dd data-testid="report-read">{formatNumber(language, report.read, 0)}</dd>
        <dt>{t("tracking.report.accepted")}</dt>
        <dd data-testid="report-accepted">{formatNumber(language, report.accepted, 0)}</dd>
        <dt>{t("tracking.report.rejected")}</dt>
        <dd data-testid="report-rejected">{formatNumber(language, report.rejected, 0)}</dd>
      </dl>
      {entry.kind === "updates" && (
        <p data-testid="updates-summary">
          <strong>
            {t("tracking.department.importSummary", {
              added: entry.added,
              duplicates: entry.duplicates,
              rejected: report.rejected,
              conflicts: entry.conflicts,
            })}
          </strong>
        </p>
      )}
      {entry.kind === "registry" && <p>{entry.refused ? t("tracking.data.registryRefused") : t("tracking.data.registryReplaced", { count: entry.added })}</p>}
      {shown.length > 0 && (
        <ScrollTable className="issues-table" testId="report-issues" columns={[t("tracking.report.where"), t("tracking.report.reason")]}>
          {shown.map((issue, index) => (
            <tr key={index} className={issue.severity === "error" ? "issue-error" : undefined}>
              <td>
                {placeText(issue)}
                {issue.column ? `, ${t("tracking.report.column", { column: issue.column })}` : ""}
              </td>
              <td>
                {issue.severity === "error" ? t("tracking.report.error") : t("tracking.report.warning")}: {issue.message[language]}
              </td>
            </tr>
          ))}
        </ScrollTable>
      )}
      {report.issues.length > ISSUE_LIMIT && <p className="hint">{t("tracking.report.more", { count: report.issues.length - ISSUE_LIMIT })}</p>}
      <button type="button" onClick={() => controller.dismissImport(entry.id)}>
        {t("tracking.report.dismiss")}
      </button>
    </section>
  );
}
