/**
 * Points as CSV for Excel: UTF-8 with BOM, CRLF, RFC 4180 quoting, formula-safe cells.
 */
import type { Language } from "../types.ts";
import { exportColumns, exportValue, type ExportRow } from "./export_columns.ts";
import { toCsv, type CsvSeparator } from "./to_csv.ts";

/** Options of pointsToCsv. */
export interface PointsCsvExportOptions {
  /** The interface language. Headers and values stay English snake_case in both languages, so the file re-imports. */
  language?: Language;
  /** `comma` (default) or `semicolon` with decimal commas, for Excel set to a Vietnamese region. */
  separator?: CsvSeparator;
}

/**
 * Writes points as CSV: id, name, kind, lon, lat, parent_id, weight, province, commune, every extra column, then the computed ones.
 * @param rows - the points and their computed columns
 * @param options - see PointsCsvExportOptions
 * @returns the file content, starting with a BOM
 * @example
 * ```ts
 * const csv = pointsToCsv(buildExportRows(analysis, points, selectPoints(analysis, points, { status: "uncovered" })));
 * ```
 */
export function pointsToCsv(rows: readonly ExportRow[], options: PointsCsvExportOptions = {}): string {
  const columns = exportColumns(rows);
  return toCsv(
    columns,
    rows.map((row) => columns.map((column) => exportValue(row, column))),
    { separator: options.separator },
  );
}
