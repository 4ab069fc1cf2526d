/**
 * An import report as CSV, for the user to keep or send back to whoever made the file.
 */
import { toCsv, type CsvSeparator, type ImportReport } from "../../domain/index.ts";
import type { Language } from "../../domain/types.ts";
import { translate } from "../i18n/i18n.ts";

/**
 * Writes every issue of a report as one CSV row, headers and severities in the language.
 * @param report - the import report
 * @param language - the interface language
 * @param separator - the CSV flavour, `comma` by default
 * @returns the CSV text (UTF-8 BOM, CRLF)
 * @example
 * ```ts
 * importReportToCsv(result.report, "vi")
 * ```
 */
export function importReportToCsv(report: ImportReport, language: Language, separator: CsvSeparator = "comma"): string {
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate(language, key, params);
  const columns = [t("report.where"), t("report.column"), t("report.severity"), t("report.code"), t("report.reason")];
  const rows = report.issues.map((issue) => [
    issue.row !== undefined
      ? t("report.row", { row: String(issue.row) })
      : issue.featureIndex !== undefined
        ? t("report.feature", { index: String(issue.featureIndex) })
        : t("report.file"),
    issue.column ?? "",
    issue.severity === "error" ? t("report.error") : t("report.warning"),
    issue.code,
    issue.message[language],
  ]);
  const summary = [
    [
      `${t("report.read")}: ${report.read}`,
      `${t("report.accepted")}: ${report.accepted}`,
      `${t("report.rejected")}: ${report.rejected}`,
      `${t("report.warnings")}: ${report.warnings}`,
      report.file,
    ],
  ];
  return toCsv(columns, [...summary, ...rows], { separator });
}
