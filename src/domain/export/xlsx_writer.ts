/**
 * A small Excel .xlsx writer (Office Open XML, SpreadsheetML) with fflate, for the exports that offer CSV: one sheet,
 * a bold frozen header row, inline strings. Text cells stay text — a code such as `02647` keeps its leading zero,
 * and a text starting with `=` is never a formula (cells are never written as formulas) — and numbers are numbers.
 */
import { strToU8, zipSync } from "fflate";
import { exportAccessor, type ExportRow } from "./export_columns.ts";

/** A cell: text (kept as text), a number, or empty. */
export type XlsxCell = string | number | null | undefined;

/** One sheet to write. */
export interface XlsxSheetData {
  name: string;
  rows: readonly (readonly XlsxCell[])[];
}

function escapeXml(text: string): string {
  // Characters XML 1.0 cannot hold are dropped; the five special ones are escaped.
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

function columnName(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** A sheet name Excel accepts: at most 31 characters, without the characters Excel refuses (colon, slashes, ?, *, brackets). */
function sheetName(name: string, index: number): string {
  const cleaned = name
    .replace(/[:\\/?*[\]]/g, " ")
    .trim()
    .slice(0, 31);
  return cleaned === "" ? `Sheet${index + 1}` : cleaned;
}

function sheetXml(rows: readonly (readonly XlsxCell[])[]): string {
  const lines: string[] = [];
  rows.forEach((row, r) => {
    let cells = "";
    row.forEach((cell, c) => {
      if (cell === null || cell === undefined || cell === "") return;
      const reference = `${columnName(c)}${r + 1}`;
      const style = r === 0 ? ' s="1"' : "";
      if (typeof cell === "number" && Number.isFinite(cell)) cells += `<c r="${reference}"${style}><v>${cell}</v></c>`;
      else cells += `<c r="${reference}"${style} t="inlineStr"><is><t xml:space="preserve">${escapeXml(String(cell).normalize("NFC"))}</t></is></c>`;
    });
    lines.push(`<row r="${r + 1}">${cells}</row>`);
  });
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' +
    `<sheetData>${lines.join("")}</sheetData></worksheet>`
  );
}

/**
 * Writes a workbook.
 * @param sheets - the sheets, each with its rows (the first row is the header)
 * @returns the .xlsx bytes
 */
export function writeXlsx(sheets: readonly XlsxSheetData[]): Uint8Array {
  const names = sheets.map((sheet, index) => sheetName(sheet.name, index));
  const files: Record<string, Uint8Array> = {
    "[Content_Types].xml": strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        sheets
          .map(
            (_, i) =>
              `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
          )
          .join("") +
        "</Types>",
    ),
    "_rels/.rels": strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
    "xl/workbook.xml": strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>' +
        names.map((name, i) => `<sheet name="${escapeXml(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("") +
        "</sheets></workbook>",
    ),
    "xl/_rels/workbook.xml.rels": strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        sheets
          .map(
            (_, i) =>
              `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
          )
          .join("") +
        `<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
    ),
    "xl/styles.xml": strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
        '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
        '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
        '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
        "</styleSheet>",
    ),
  };
  sheets.forEach((sheet, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(sheetXml(sheet.rows));
  });
  return zipSync(files, { level: 6 });
}

/** Columns written as numbers; every other column (codes, ids, names) is text. */
const NUMERIC_COLUMNS = new Set(["lon", "lat", "weight", "nearest_km"]);

/**
 * The rows of a point export as sheet rows: the header, then one row per point, numbers only in the numeric columns.
 * @param rows - the export rows
 * @param columns - the columns (exportColumns)
 * @returns the sheet rows
 */
export function pointsSheetRows(rows: readonly ExportRow[], columns: readonly string[]): XlsxCell[][] {
  const accessors = columns.map(exportAccessor);
  const sheet: XlsxCell[][] = [columns.slice()];
  for (const row of rows) {
    sheet.push(
      accessors.map((accessor, c) => {
        const value = accessor(row);
        if (value === null || value === undefined) return null;
        if (NUMERIC_COLUMNS.has(columns[c]) && typeof value === "number") return value;
        if (NUMERIC_COLUMNS.has(columns[c]) && typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) return Number(value);
        return String(value);
      }),
    );
  }
  return sheet;
}
