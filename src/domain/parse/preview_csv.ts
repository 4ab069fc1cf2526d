/**
 * What the import screen shows before the user confirms: encoding, delimiter, decimal commas,
 * columns, the first rows, the coordinate columns found and what kind of file this looks like.
 */
import type { TextEncodingName } from "./decode_text.ts";
import { guessCsvKind, type CsvKind } from "./csv_kind.ts";
import { resolvePointColumns, usesDecimalComma } from "./parse_points_csv.ts";
import { readCsvTable, type CsvDelimiter } from "./read_csv_table.ts";

/** Rows shown in a preview. */
export const PREVIEW_ROW_COUNT = 20;

/** A CSV file as the import screen shows it. */
export interface CsvPreview {
  encoding: TextEncodingName;
  delimiter: string;
  decimalComma: boolean;
  columns: string[];
  /** The first 20 data rows. */
  rows: string[][];
  /** All data rows (blank rows not counted). */
  rowCount: number;
  lonColumn?: string;
  latColumn?: string;
  guessedKind: CsvKind;
}

/** Options of previewCsv. */
export interface CsvPreviewOptions {
  file: string;
  delimiter?: CsvDelimiter;
  lonColumn?: string;
  latColumn?: string;
}

/**
 * Reads a CSV file far enough to show it for confirmation.
 * @param input - the file as text or bytes
 * @param options - file name, forced delimiter and coordinate columns
 * @returns the preview
 * @example
 * ```ts
 * previewCsv("lat;lon\n21,5;105,8\n", { file: "a.csv" });
 * // delimiter ";", decimalComma true, latColumn "lat", guessedKind "points"
 * ```
 */
export function previewCsv(input: string | Uint8Array, options: CsvPreviewOptions): CsvPreview {
  const table = readCsvTable(input, { file: options.file, delimiter: options.delimiter });
  const columns = resolvePointColumns(table.header, options);
  const preview: CsvPreview = {
    encoding: table.encoding,
    delimiter: table.delimiter,
    decimalComma: usesDecimalComma(table, [columns.lon, columns.lat]),
    columns: table.header,
    rows: table.rows.slice(0, PREVIEW_ROW_COUNT),
    rowCount: table.rows.length,
    guessedKind: guessCsvKind(table.header),
  };
  if (columns.lon !== undefined) preview.lonColumn = columns.lon;
  if (columns.lat !== undefined) preview.latColumn = columns.lat;
  return preview;
}
