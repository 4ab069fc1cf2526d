import type { ImportIssue } from "../../domain/issues.ts";

/**
 * Where an import issue stands, for a report's "where" column: a data row (of a table), a feature (of a GeoJSON or
 * KML file), or the whole file. The caller words it with its own message for each kind (`…row`, `…feature`,
 * `…file`, whose placeholders are `row` and `index`).
 * @param issue - the issue
 * @returns the kind and the placeholder values
 */
export function issuePlace(issue: ImportIssue): { kind: "row" | "feature" | "file"; params: Record<string, string> } {
  if (issue.row !== undefined) return { kind: "row", params: { row: String(issue.row) } };
  if (issue.featureIndex !== undefined) return { kind: "feature", params: { index: String(issue.featureIndex) } };
  return { kind: "file", params: {} };
}
