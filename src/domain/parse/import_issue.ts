/**
 * Small helpers to build import issues and reports consistently across the importers.
 */
import type { ImportIssue, ImportReport, Severity } from "../issues.ts";
import type { Message } from "../types.ts";

/** Where an issue is: a CSV data row, a GeoJSON feature, and/or a column. */
export interface IssueLocation {
  row?: number;
  featureIndex?: number;
  column?: string;
}

/**
 * Builds an issue; location fields are only set when given.
 * @param file - the file name shown to the user
 * @param severity - error (rejects the row) or warning
 * @param code - the stable machine code
 * @param message - the sentence in Vietnamese and English
 * @param location - row, feature index and column
 * @returns the issue
 */
export function makeIssue(file: string, severity: Severity, code: string, message: Message, location: IssueLocation = {}): ImportIssue {
  const issue: ImportIssue = { file, code, severity, message };
  if (location.row !== undefined) issue.row = location.row;
  if (location.featureIndex !== undefined) issue.featureIndex = location.featureIndex;
  if (location.column !== undefined) issue.column = location.column;
  return issue;
}

/**
 * Places issues found without a place (a geometry check's) at a row or a feature of a file.
 * @param file - the file name shown to the user
 * @param issues - severity, code and message of each
 * @param location - row, feature index and column
 * @returns the issues
 */
export function placeIssues(file: string, issues: readonly { severity: Severity; code: string; message: Message }[], location: IssueLocation): ImportIssue[] {
  return issues.map((issue) => makeIssue(file, issue.severity, issue.code, issue.message, location));
}

/**
 * Adds issues to a report and updates its warning count.
 * @param report - the report to change
 * @param issues - issues to append
 */
export function addIssues(report: ImportReport, issues: readonly ImportIssue[]): void {
  for (const issue of issues) {
    report.issues.push(issue);
    if (issue.severity === "warning") report.warnings++;
  }
}
