/**
 * The people's point list (people_columns.ts) as CSV — through the project's CSV writer, so UTF-8 with BOM, CRLF and
 * formula-safe cells like every other CSV — and as .xlsx sheet rows for xlsx_writer.ts (numbers as numbers, codes
 * as text). The CSV comes whole (the app) or in pieces (the CLI streams millions of rows).
 */
import type { ExportRow } from "./export_columns.ts";
import type { PeopleColumn } from "./people_columns.ts";
import type { PointsWriter } from "./points_writer.ts";
import { csvDelimiter, formatCsvCell, type CsvSeparator } from "./to_csv.ts";
import type { XlsxCell } from "./xlsx_writer.ts";

/**
 * A writer of the people's CSV: head() is the BOM and the header, rows(…) a batch of rows, tail() nothing.
 * @param columns - from peopleColumns
 * @param separator - `comma` (default) or `semicolon` (with decimal commas)
 * @returns the writer
 * @example
 * ```ts
 * const writer = createPeopleCsvWriter(peopleColumns(exportColumns(rows), { language: "vi" }));
 * const text = writer.head() + writer.rows(rows) + writer.tail(); // === peopleToCsv(rows, columns)
 * ```
 */
export function createPeopleCsvWriter(columns: readonly PeopleColumn[], separator: CsvSeparator = "comma"): PointsWriter {
  const delimiter = csvDelimiter(separator);
  return {
    head: () => `\uFEFF${columns.map((column) => formatCsvCell(column.header, separator)).join(delimiter)}\r\n`,
    rows: (rows) => {
      let text = "";
      for (const row of rows) text += columns.map((column) => formatCsvCell(column.value(row), separator)).join(delimiter) + "\r\n";
      return text;
    },
    tail: () => "",
  };
}

/**
 * The people's CSV of a list of rows.
 * @param rows - the export rows (buildExportRows)
 * @param columns - from peopleColumns
 * @param separator - `comma` (default) or `semicolon`
 * @returns the file content, starting with a BOM
 */
export function peopleToCsv(rows: readonly ExportRow[], columns: readonly PeopleColumn[], separator: CsvSeparator = "comma"): string {
  const writer = createPeopleCsvWriter(columns, separator);
  return writer.head() + writer.rows(rows) + writer.tail();
}

/**
 * The people's rows as sheet rows for writeXlsx: the header, then one row per point; a numeric column holds numbers
 * (a number written as text is read back as one), every other column text.
 * @param rows - the export rows
 * @param columns - from peopleColumns
 * @returns the sheet rows
 */
export function peopleSheetRows(rows: readonly ExportRow[], columns: readonly PeopleColumn[]): XlsxCell[][] {
  const sheet: XlsxCell[][] = [columns.map((column) => column.header)];
  for (const row of rows) {
    sheet.push(
      columns.map((column) => {
        const value = column.value(row);
        if (value === null || value === "") return null;
        if (column.numeric && typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) return Number(value);
        if (column.numeric && typeof value === "number") return value;
        return String(value);
      }),
    );
  }
  return sheet;
}
