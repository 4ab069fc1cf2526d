/**
 * Excel .xlsx imports: a point list, a registry of listed dead zones or a carrier's update file from a
 * workbook, with exactly the rules, row numbers and messages of the CSV import. The chosen sheet is written
 * as CSV text (`,` between cells, every cell quoted, one line per spreadsheet row, blank rows kept) and read
 * by the CSV importer, so a report's "row N" is the Nth row below the header, blank rows counted: with the
 * header in Excel row 1, report row N is Excel row N + 1.
 */
import { emptyReport, type ImportKind, type ImportReport, type ImportResult } from "../issues.ts";
import { parseRegistryCsv, type RegistryImportOptions, type RegistryImportResult } from "../tracking/parse_registry.ts";
import { parseUpdatesCsv, type UpdatesImportOptions, type UpdatesImportResult } from "../tracking/updates.ts";
import { err, ok, type Result } from "../result.ts";
import type { Point } from "../types.ts";
import { CARRIER_COLUMN_ALIASES, guessCsvKind, type CsvKind } from "./csv_kind.ts";
import { findColumn } from "./find_column.ts";
import { addIssues, makeIssue } from "./import_issue.ts";
import { parsePointsCsv, resolvePointColumns, type PointsCsvOptions } from "./parse_points_csv.ts";
import { escapeCsvFormula } from "../export/to_csv.ts";
import { previewCsv, type CsvPreview } from "./preview_csv.ts";
import { isOleBytes, readXlsx, type XlsxError, type XlsxSheet, type XlsxWorkbook } from "./read_xlsx.ts";
import { readLegacyWorkbook } from "../formats/xls.ts";
import { domainMessage } from "../messages/message.ts";

/** What a workbook is imported as. */
export type XlsxImportKind = "points" | "registry" | "updates";

/** How the sheet is chosen; the coordinate columns help recognise a point list. */
export interface XlsxSheetOptions {
  /** The sheet to read, by name (default: the first sheet with a header of the kind wanted). */
  sheet?: string;
  lonColumn?: string;
  latColumn?: string;
}

function isBlank(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === "");
}

/**
 * The header of a sheet as the CSV reader sees it: its first row that is not blank, trimmed.
 * @param rows - the sheet's rows
 * @returns the header cells (empty for a blank sheet)
 */
export function sheetHeader(rows: readonly string[][]): string[] {
  const header = rows.find((cells) => !isBlank(cells));
  return header ? header.map((cell) => cell.trim()) : [];
}

/**
 * A sheet as CSV text: `,` between cells, every non-empty cell quoted, one line per spreadsheet row
 * (blank rows are empty lines, so row numbers do not move).
 * @param rows - the sheet's rows
 * @returns the CSV text
 */
export function sheetToCsv(rows: readonly string[][]): string {
  const lines: string[] = new Array<string>(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const cells = rows[r];
    let line = "";
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c];
      if (c > 0) line += ",";
      // A text that looks formula-guarded ("'-x") gets one more quote, which the CSV reader strips again.
      const text = cell.charCodeAt(0) === 0x27 ? escapeCsvFormula(cell) : cell;
      if (text !== "") line += text.includes('"') ? `"${text.replace(/"/g, '""')}"` : `"${text}"`;
    }
    lines[r] = line;
  }
  return lines.join("\n");
}

function fits(kind: XlsxImportKind, header: readonly string[], options: XlsxSheetOptions): boolean {
  if (header.length === 0) return false;
  const guessed = guessCsvKind(header);
  if (kind === "updates") return guessed === "updates";
  if (kind === "registry") return guessed === "registry" || (guessed !== "updates" && findColumn(header, CARRIER_COLUMN_ALIASES) !== undefined);
  const columns = resolvePointColumns(header, options);
  return columns.lon !== undefined && columns.lat !== undefined;
}

/**
 * Chooses the sheet to import: the one named, else the first whose header fits the kind (coordinates for
 * points; carrier and deadline for a registry; point id and status for updates), else the first sheet that
 * is not blank, else the first sheet. Visible sheets are tried before hidden ones.
 * @param workbook - the workbook
 * @param kind - what is imported
 * @param options - a sheet name, or coordinate column names
 * @returns the sheet, or `xlsx_sheet_not_found` naming the sheets there are
 */
export function chooseXlsxSheet(workbook: XlsxWorkbook, kind: XlsxImportKind, options: XlsxSheetOptions = {}): Result<XlsxSheet, XlsxError> {
  const names = workbook.sheets.map((sheet) => `"${sheet.name}"`).join(", ");
  if (options.sheet !== undefined) {
    const wanted = options.sheet.normalize("NFC").trim();
    const sheet =
      workbook.sheets.find((candidate) => candidate.name === wanted) ??
      workbook.sheets.find((candidate) => candidate.name.toLowerCase() === wanted.toLowerCase());
    if (sheet) return ok(sheet);
    return err({
      code: "xlsx_sheet_not_found",
      message: domainMessage("xlsx.sheet_not_found", { wanted, names: names || domainMessage("xlsx.no_sheets") }),
    });
  }
  // Visible sheets first: a hidden sheet is usually a lookup table, not the list.
  const ordered = [...workbook.sheets.filter((candidate) => candidate.hidden !== true), ...workbook.sheets.filter((candidate) => candidate.hidden === true)];
  const sheet =
    ordered.find((candidate) => fits(kind, sheetHeader(candidate.rows), options)) ??
    ordered.find((candidate) => candidate.rows.some((cells) => !isBlank(cells))) ??
    workbook.sheets[0];
  if (sheet) return ok(sheet);
  return err({
    code: "xlsx_sheet_not_found",
    message: domainMessage("xlsx.sheet_not_found_named"),
  });
}

/** The chosen sheet of a workbook, with the sheet names and its CSV text. */
export interface XlsxTable {
  sheets: string[];
  sheet: string;
  csv: string;
}

/**
 * Reads a workbook and turns the chosen sheet into CSV text for the CSV importers.
 * @param bytes - the .xlsx file
 * @param kind - what is imported (to choose the default sheet)
 * @param options - a sheet name, or coordinate column names
 * @returns the sheet names, the chosen sheet and its CSV text; or why the workbook cannot be read
 */
export function readXlsxTable(bytes: Uint8Array, kind: XlsxImportKind, options: XlsxSheetOptions = {}): Result<XlsxTable, XlsxError> {
  // An old .xls (OLE) goes to SheetJS when the shell has loaded it (formats/xls.ts); otherwise readXlsx explains.
  const workbook = (isOleBytes(bytes) ? readLegacyWorkbook(bytes) : undefined) ?? readXlsx(bytes);
  if (!workbook.ok) return workbook;
  const sheet = chooseXlsxSheet(workbook.value, kind, options);
  if (!sheet.ok) return sheet;
  return ok({ sheets: workbook.value.sheets.map((candidate) => candidate.name), sheet: sheet.value.name, csv: sheetToCsv(sheet.value.rows) });
}

function failedReport(file: string, kind: ImportKind, error: XlsxError): ImportReport {
  const report = emptyReport(file, kind);
  addIssues(report, [makeIssue(file, "error", error.code, error.message)]);
  return report;
}

/** The CSV importer's report, told which sheet it read; the encoding and delimiter of the internal CSV text mean nothing here. */
function sheetReport(report: ImportReport, sheet: string): ImportReport {
  const result: ImportReport = { ...report, sheet };
  if (report.detected) {
    const detected = { ...report.detected };
    delete detected.encoding;
    delete detected.delimiter;
    result.detected = detected;
  }
  return result;
}

/** Options of parsePointsXlsx: those of parsePointsCsv (but the delimiter), and the sheet. */
export type PointsXlsxOptions = Omit<PointsCsvOptions, "delimiter"> & { sheet?: string };

/**
 * Reads a point list from an .xlsx workbook, with the rules and messages of parsePointsCsv.
 * @param bytes - the .xlsx file
 * @param options - file name, sheet, caller-named columns
 * @returns the accepted points and the report (read = accepted + rejected; `sheet` names the sheet read)
 * @example
 * ```ts
 * const { items, report } = parsePointsXlsx(bytes, { file: "truong.xlsx" });
 * // report.sheet === "Sheet1", report.accepted === items.length
 * ```
 */
export function parsePointsXlsx(bytes: Uint8Array, options: PointsXlsxOptions): ImportResult<Point> {
  const table = readXlsxTable(bytes, "points", options);
  if (!table.ok) return { items: [], report: failedReport(options.file, "points", table.error) };
  const result = parsePointsCsv(table.value.csv, { ...options, delimiter: "," });
  return { items: result.items, report: sheetReport(result.report, table.value.sheet) };
}

/** Options of parseRegistryXlsx. */
export type RegistryXlsxOptions = Omit<RegistryImportOptions, "delimiter"> & { sheet?: string };

/**
 * Reads a registry of listed dead zones from an .xlsx workbook, with the rules and messages of parseRegistryCsv.
 * @param bytes - the .xlsx file
 * @param options - file name, loaded points, sheet
 * @returns the listed points and the report (`sheet` names the sheet read)
 */
export function parseRegistryXlsx(bytes: Uint8Array, options: RegistryXlsxOptions): RegistryImportResult {
  const table = readXlsxTable(bytes, "registry", options);
  if (!table.ok) return { items: [], report: failedReport(options.file, "registry", table.error), unlocated: [] };
  const result = parseRegistryCsv(table.value.csv, { ...options, delimiter: "," });
  return { items: result.items, report: sheetReport(result.report, table.value.sheet), unlocated: result.unlocated };
}

/** Options of parseUpdatesXlsx. */
export type UpdatesXlsxOptions = Omit<UpdatesImportOptions, "delimiter"> & { sheet?: string };

/**
 * Reads a carrier's update file from an .xlsx workbook, with the rules and messages of parseUpdatesCsv.
 * @param bytes - the .xlsx file
 * @param options - as parseUpdatesCsv, and the sheet
 * @returns the new events, conflicts, duplicates and the report (`sheet` names the sheet read)
 */
export function parseUpdatesXlsx(bytes: Uint8Array, options: UpdatesXlsxOptions): UpdatesImportResult {
  const table = readXlsxTable(bytes, "updates", options);
  if (!table.ok) return { events: [], conflicts: [], duplicates: 0, report: failedReport(options.file, "updates", table.error) };
  const result = parseUpdatesCsv(table.value.csv, { ...options, delimiter: "," });
  return { ...result, report: sheetReport(result.report, table.value.sheet) };
}

/** A workbook as the import screen shows it: its sheets, the one shown, and that sheet's preview. */
export interface XlsxPreview {
  sheets: string[];
  sheet: string;
  preview: CsvPreview;
}

/**
 * Reads a workbook far enough to show it for confirmation (as previewCsv does for a CSV file).
 * @param bytes - the .xlsx file
 * @param options - file name, sheet, coordinate columns
 * @returns the preview, or why the workbook cannot be read
 */
export function previewXlsx(bytes: Uint8Array, options: XlsxSheetOptions & { file: string }): Result<XlsxPreview, XlsxError> {
  const table = readXlsxTable(bytes, "points", options);
  if (!table.ok) return table;
  const preview = previewCsv(table.value.csv, { file: options.file, delimiter: ",", lonColumn: options.lonColumn, latColumn: options.latColumn });
  return ok({ sheets: table.value.sheets, sheet: table.value.sheet, preview });
}

/**
 * What a workbook holds, from its first sheet's header (see guessCsvKind).
 * @param bytes - the .xlsx file
 * @returns the kind; "unknown" when the workbook cannot be read
 */
export function detectXlsxKind(bytes: Uint8Array): CsvKind {
  const workbook = (isOleBytes(bytes) ? readLegacyWorkbook(bytes) : undefined) ?? readXlsx(bytes, { readSheet: (_, index) => index === 0 });
  if (!workbook.ok || workbook.value.sheets.length === 0) return "unknown";
  return guessCsvKind(sheetHeader(workbook.value.sheets[0].rows));
}
