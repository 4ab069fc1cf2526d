/**
 * The import preview of an Excel .xlsx workbook, in the worker: the sheets, the chosen sheet's columns and
 * first rows (as for a CSV file), or why the workbook cannot be read.
 */
import { previewXlsx } from "../domain/index.ts";
import type { FileOptions, InspectResult } from "./messages.ts";

/**
 * Previews a workbook.
 * @param name - the file name
 * @param bytes - the file
 * @param options - the sheet and the coordinate columns chosen so far
 * @returns the preview; `xlsx.error` says why a workbook cannot be read (and `csv` is then null)
 */
export function inspectWorkbook(name: string, bytes: Uint8Array, options: FileOptions): InspectResult {
  const result = previewXlsx(bytes, { file: name, sheet: options.sheet, lonColumn: options.lonColumn, latColumn: options.latColumn });
  if (!result.ok) return { detectedKind: "unknown", csv: null, featureCount: null, xlsx: { sheets: [], sheet: null, error: result.error.message } };
  const { preview, sheets, sheet } = result.value;
  return {
    detectedKind: preview.guessedKind,
    csv: {
      encoding: "xlsx",
      delimiter: ",",
      decimalComma: preview.decimalComma,
      columns: preview.columns,
      rows: preview.rows,
      rowCount: preview.rowCount,
      lonColumn: preview.lonColumn,
      latColumn: preview.latColumn,
    },
    featureCount: null,
    xlsx: { sheets, sheet, error: null },
  };
}
