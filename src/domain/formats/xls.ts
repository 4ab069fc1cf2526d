/**
 * Old binary Excel workbooks (.xls, Excel 97–2003, BIFF8) read into the same `XlsxWorkbook` shape as readXlsx gives,
 * so that the sheet choice, the row numbers, the cell texts (numbers at 15 digits, dates `YYYY-MM-DD`, zero-padded
 * codes) and the CSV importers are those of an .xlsx by construction.
 *
 * The BIFF reader is SheetJS (the `@e965/xlsx` build on npm: Apache-2.0, the upstream SheetJS CE releases, which the
 * `xlsx` package on npm no longer receives). It is ~1 MB of JavaScript, so the domain does not import it: the shell
 * (the CLI, the analysis worker) loads it with a dynamic `import()` when a file is an OLE workbook and registers it
 * here with `registerXlsReader`; xlsx_import.ts asks `readLegacyWorkbook` first for an OLE file.
 */
import type { Result } from "../result.ts";
import { ok } from "../result.ts";
import { excelDateText, formatExcelNumber, numberFormatKind, zeroPadWidth, type XlsxError, type XlsxWorkbook } from "../parse/read_xlsx.ts";

/** The part of the SheetJS API used here. */
export interface SheetJsModule {
  read(
    data: Uint8Array,
    options: { type: "array"; cellDates?: boolean; cellNF?: boolean; cellText?: boolean; dense?: boolean; WTF?: boolean },
  ): SheetJsWorkbook;
  utils: { decode_range(range: string): { s: { r: number; c: number }; e: { r: number; c: number } }; encode_cell(cell: { r: number; c: number }): string };
}

interface SheetJsCell {
  t: string;
  v?: unknown;
  z?: string | number;
  w?: string;
}

/** A workbook as SheetJS reads it (only what is used). */
export interface SheetJsWorkbook {
  SheetNames: string[];
  Sheets: Record<string, Record<string, unknown>>;
  Workbook?: { WBProps?: { date1904?: boolean }; Sheets?: { Hidden?: number }[] };
}

let registered: SheetJsModule | null = null;

/**
 * Registers the SheetJS module (loaded by the shell with `await import("@e965/xlsx")`).
 * @param module - the module
 */
export function registerXlsReader(module: SheetJsModule): void {
  registered = module;
}

/** Whether a reader for .xls is registered. */
export function hasXlsReader(): boolean {
  return registered !== null;
}

function text(cell: SheetJsCell, date1904: boolean): string {
  switch (cell.t) {
    case "s":
    case "str":
      return String(cell.v ?? "").normalize("NFC");
    case "b":
      return cell.v ? "TRUE" : "FALSE";
    case "e":
      return cell.w ?? "#N/A";
    case "n": {
      const value = Number(cell.v);
      if (!Number.isFinite(value)) return "";
      const format = typeof cell.z === "string" ? cell.z : "General";
      const kind = format === "General" ? "number" : numberFormatKind(format);
      if (kind !== "number") return excelDateText(value, kind, date1904);
      const written = formatExcelNumber(value);
      const width = zeroPadWidth(format);
      return width > 0 && Number.isInteger(value) && value >= 0 ? written.padStart(width, "0") : written;
    }
    default:
      return cell.w ?? (cell.v === undefined || cell.v === null ? "" : String(cell.v));
  }
}

/**
 * Reads an OLE workbook with the registered SheetJS module.
 * @param bytes - the .xls file
 * @returns the workbook as readXlsx gives it; undefined when no reader is registered or SheetJS cannot read the file
 * (the caller keeps its own answer)
 */
export function readLegacyWorkbook(bytes: Uint8Array): Result<XlsxWorkbook, XlsxError> | undefined {
  const module = registered;
  if (module === null) return undefined;
  let workbook: SheetJsWorkbook;
  try {
    workbook = module.read(bytes, { type: "array", cellNF: true, cellText: false, cellDates: false });
  } catch {
    // Not a workbook SheetJS can read (damaged, or an encrypted .xlsx, which is an OLE file too): readXlsx's own
    // answer for an OLE file stands (xlsx_encrypted, or xls_binary with what to do).
    return undefined;
  }
  const date1904 = workbook.Workbook?.WBProps?.date1904 === true;
  const sheets = workbook.SheetNames.map((name, index) => {
    const sheet = workbook.Sheets[name] ?? {};
    const rows: string[][] = [];
    const range = typeof sheet["!ref"] === "string" ? module.utils.decode_range(sheet["!ref"]) : null;
    if (range !== null) {
      for (let r = 0; r <= range.e.r; r++) {
        const row: string[] = [];
        for (let c = 0; c <= range.e.c; c++) {
          const cell = sheet[module.utils.encode_cell({ r, c })] as SheetJsCell | undefined;
          row.push(cell === undefined ? "" : text(cell, date1904));
        }
        while (row.length > 0 && row[row.length - 1] === "") row.pop();
        rows.push(row);
      }
      while (rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop();
    }
    const hidden = (workbook.Workbook?.Sheets?.[index]?.Hidden ?? 0) !== 0;
    return hidden ? { name, rows, hidden } : { name, rows };
  });
  return ok({ sheets, date1904 });
}
