/**
 * The import preview of an Excel .xlsx workbook, in the worker: the sheets, the chosen sheet's columns and
 * first rows (as for a CSV file), or why the workbook cannot be read.
 */
import { previewXlsx, type CsvPreview } from "../domain/index.ts";
import type { CsvPreviewData, FileOptions, InspectResult } from "./messages.ts";

/**
 * The part of a table preview the import panel shows, for a CSV file or a workbook's sheet.
 * @param preview - the domain's preview
 * @param format - the encoding and delimiter to show (a workbook has neither: "xlsx" and ",")
 * @returns the preview as sent to the main thread
 */
export function csvPreviewData(preview: CsvPreview, format: { encoding: string; delimiter: string } = preview): CsvPreviewData {
  return {
    encoding: format.encoding,
    delimiter: format.delimiter,
    decimalComma: preview.decimalComma,
    columns: preview.columns,
    rows: preview.rows,
    rowCount: preview.rowCount,
    lonColumn: preview.lonColumn,
    latColumn: preview.latColumn,
  };
}

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
    csv: csvPreviewData(preview, { encoding: "xlsx", delimiter: "," }),
    featureCount: null,
    xlsx: { sheets, sheet, error: null },
  };
}
