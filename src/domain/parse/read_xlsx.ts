/**
 * An Excel .xlsx workbook (Office Open XML spreadsheet) to sheets of text cells, so that a workbook can
 * go through exactly the import rules of a CSV file. Reads `xl/workbook.xml` and its relationships, the
 * shared strings (rich-text runs included), the styles (to tell dates from numbers) and each worksheet.
 * Cells are written as a CSV saved from Excel would hold them: numbers in plain decimal at Excel's 15
 * significant digits without float noise (`21.5432`), dates `YYYY-MM-DD`, booleans `TRUE`/`FALSE`,
 * formulas by their cached value. Cell references (`r="C5"`) are honoured: gaps and blank rows keep their
 * positions.
 *
 * Safety: the zip's central directory is read first and a workbook whose parts would inflate beyond a
 * limit is refused before anything is inflated (each part is also inflated into a buffer of its declared
 * size, never more); an old binary .xls and a password-protected workbook (both OLE files) are refused
 * with a sentence saying what to do; DTDs are skipped, never expanded; data strings are never used as
 * keys of plain objects.
 */
import { unzipSync } from "fflate";
import { listZipEntries } from "./zip_entries.ts";
import { err, ok, type Result } from "../result.ts";
import type { Message } from "../types.ts";
import { textDecoderClass } from "./text_decoder.ts";
import { scanXml, XmlSyntaxError, type XmlAttributes } from "./xml_scan.ts";
import { domainMessage } from "../messages/message.ts";

/** One worksheet: its name and its rows of cells (row i is spreadsheet row i + 1; cell j is column j + 1). */
export interface XlsxSheet {
  name: string;
  /** Rows from spreadsheet row 1 to the last row holding a value; blank rows are `[]`; each row ends at its last value. */
  rows: string[][];
  /** Set (true) for a sheet hidden in Excel. */
  hidden?: boolean;
}

/** A workbook read as text. */
export interface XlsxWorkbook {
  sheets: XlsxSheet[];
  /** True for the 1904 date system (old Mac workbooks). */
  date1904: boolean;
}

/** Why a file could not be read as a workbook: a stable code and a sentence in Vietnamese and English. */
export interface XlsxError {
  code: "xlsx_not_zip" | "xls_binary" | "xlsx_encrypted" | "xlsx_binary_xlsb" | "xlsx_too_large" | "xlsx_invalid" | "xlsx_sheet_not_found";
  message: Message;
}

/** Options of readXlsx. */
export interface ReadXlsxOptions {
  /** Refuse a workbook whose parts would inflate to more bytes than this (default MAX_XLSX_UNCOMPRESSED_BYTES). */
  maxUncompressedBytes?: number;
  /** Refuse a workbook with more cells than this, gaps included (default MAX_XLSX_CELLS). */
  maxCells?: number;
  /** Read only the sheets for which this returns true (the others come back with no rows). */
  readSheet?: (name: string, index: number) => boolean;
}

/** Largest total size of the inflated parts read (workbook, shared strings, styles, worksheets). */
export const MAX_XLSX_UNCOMPRESSED_BYTES = 400 * 1024 * 1024;
/** Largest number of cells (blank cells in gaps included) over all sheets. */
export const MAX_XLSX_CELLS = 30_000_000;
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  if (bytes.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[i] !== magic[i]) return false;
  return true;
}

/**
 * True when the bytes are a zip archive (an .xlsx is one): `PK\x03\x04`, or `PK\x05\x06` for an empty zip.
 * @param bytes - the file, or its first bytes
 * @returns whether it starts with a zip signature
 */
export function isZipBytes(bytes: Uint8Array): boolean {
  return startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]);
}

/**
 * True when the bytes are an OLE compound file: an old binary .xls, or a password-protected .xlsx.
 * @param bytes - the file, or its first bytes
 * @returns whether it starts with the OLE signature
 */
export function isOleBytes(bytes: Uint8Array): boolean {
  return startsWith(bytes, OLE_MAGIC);
}

/**
 * True when a file should be read as an Excel workbook rather than as CSV or JSON: a zip or OLE file, or a
 * name ending in .xlsx, .xlsm, .xls or .xlsb.
 * @param name - the file name
 * @param bytes - the file, or its first bytes
 * @returns whether to use the workbook reader
 */
export function isSpreadsheetFile(name: string, bytes: Uint8Array): boolean {
  // A .kmz is a zip too, holding a KML (read_kml.ts).
  if (/\.km[lz]$/i.test(name)) return false;
  return isZipBytes(bytes) || isOleBytes(bytes) || /\.xls[xmb]?$/i.test(name);
}

function xlsxError(code: XlsxError["code"], message: Message): Result<never, XlsxError> {
  return err({ code, message });
}

const NOT_XLSX: Message = domainMessage("xlsx.not_a_workbook");

/** Finds "EncryptedPackage" written in UTF-16LE, the stream of a password-protected workbook. */
function isEncryptedOle(bytes: Uint8Array): boolean {
  const name = "EncryptedPackage";
  const limit = Math.min(bytes.length, 4 * 1024 * 1024) - name.length * 2;
  outer: for (let i = 0; i < limit; i++) {
    for (let j = 0; j < name.length; j++) {
      if (bytes[i + 2 * j] !== name.charCodeAt(j) || bytes[i + 2 * j + 1] !== 0) continue outer;
    }
    return true;
  }
  return false;
}

// ---- number and date cells ------------------------------------------------------------------

/** Writes a finite number in plain decimal (never exponent notation). */
function plainDecimal(value: number): string {
  const text = String(value);
  const match = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text;
  const [, sign, whole, fraction = "", exponentText] = match;
  const exponent = Number(exponentText);
  const digits = whole + fraction;
  const point = whole.length + exponent;
  if (point <= 0) return `${sign}0.${"0".repeat(-point)}${digits}`.replace(/0+$/, "");
  if (point >= digits.length) return sign + digits + "0".repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/**
 * A number as Excel shows it in a General cell and writes it to CSV: 15 significant digits, the shortest
 * decimal that reads back as that value, never exponent notation (21.543200000000002 → "21.5432").
 * @param value - the number
 * @returns its text
 */
export function formatExcelNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const rounded = Number(value.toPrecision(15));
  return plainDecimal(rounded === 0 ? 0 : rounded);
}

type NumberFormatKind = "number" | "date" | "datetime" | "time";

const BUILTIN_FORMATS: ReadonlyMap<number, NumberFormatKind> = new Map([
  [14, "date"],
  [15, "date"],
  [16, "date"],
  [17, "date"],
  [18, "time"],
  [19, "time"],
  [20, "time"],
  [21, "time"],
  [22, "datetime"],
  [45, "time"],
  [46, "time"],
  [47, "time"],
]);

/**
 * What a number format code shows: a date (it has d, m or y), a date and time, a time of day only, or a number.
 * @param code - the format code, e.g. `dd/mm/yyyy` or `[$-42A]h:mm`
 * @returns the kind
 */
export function numberFormatKind(code: string): NumberFormatKind {
  const section = code
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/[_*]./g, "")
    .replace(/\[(h+|m+|s+)\]/gi, "h")
    .replace(/\[[^\]]*\]/g, "")
    .split(";")[0]
    .toLowerCase();
  const hasTime = /[hs]/.test(section) || /am\/pm|a\/p/.test(section);
  const hasDate = /[dy]/.test(section) || (/m/.test(section) && !hasTime);
  if (hasDate) return hasTime ? "datetime" : "date";
  return hasTime ? "time" : "number";
}

const pad = (value: number, width = 2) => String(value).padStart(width, "0");

function timeText(seconds: number): string {
  return `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
}

/** Days from 1970-01-01 to the civil date (proleptic Gregorian). */
function civilFromDays(days: number): string {
  const date = new Date(days * 86_400_000);
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

const EPOCH_1900 = -25_569; // 1899-12-30, days from 1970-01-01
const EPOCH_1904 = -24_107; // 1904-01-01

/**
 * An Excel date serial as text: `YYYY-MM-DD`, plus ` HH:MM:SS` for a date-time format whose time is not 0;
 * `HH:MM:SS` for a time-only format. Serials outside 0–2958465 (9999-12-31) stay numbers.
 * @param serial - days since the epoch of the workbook's date system, with the time as a fraction
 * @param kind - what the cell's format shows
 * @param date1904 - the 1904 date system
 * @returns the text
 */
export function excelDateText(serial: number, kind: Exclude<NumberFormatKind, "number">, date1904: boolean): string {
  if (!Number.isFinite(serial) || serial < 0 || serial >= 2_958_466) return formatExcelNumber(serial);
  const total = Math.round(serial * 86_400);
  const days = Math.floor(total / 86_400);
  const seconds = total - days * 86_400;
  if (kind === "time") return timeText(total);
  let date: string;
  if (date1904) date = civilFromDays(EPOCH_1904 + days);
  // Excel's 1900 system counts a 29 February 1900 that never was (serial 60): serials below it are one day later.
  else if (days === 60) date = "1900-02-29";
  else date = civilFromDays(days < 60 ? EPOCH_1900 + days + 1 : EPOCH_1900 + days);
  return kind === "datetime" && seconds !== 0 ? `${date} ${timeText(seconds)}` : date;
}

/** Excel escapes characters XML cannot hold as `_xHHHH_` (and a literal `_x` as `_x005F_x`). */
function decodeExcelEscapes(text: string): string {
  if (!text.includes("_x")) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function cleanText(text: string): string {
  return decodeExcelEscapes(text).normalize("NFC");
}

// ---- parts ----------------------------------------------------------------------------------

function decodePart(bytes: Uint8Array): string {
  const Decoder = textDecoderClass();
  return new Decoder("utf-8").decode(bytes);
}

interface SheetEntry {
  name: string;
  path: string;
  hidden: boolean;
}

function resolveTarget(target: string): string {
  const absolute = target.startsWith("/") ? target.slice(1) : `xl/${target}`;
  const parts: string[] = [];
  for (const part of absolute.split("/")) {
    if (part === "..") parts.pop();
    else if (part !== "." && part !== "") parts.push(part);
  }
  return parts.join("/");
}

interface WorkbookInfo {
  sheets: { name: string; relationId: string; hidden: boolean }[];
  date1904: boolean;
}

function readWorkbookXml(xml: string): WorkbookInfo {
  const info: WorkbookInfo = { sheets: [], date1904: false };
  scanXml(xml, {
    open(name, attributes) {
      if (name === "sheet") {
        const state = attributes.get("state");
        info.sheets.push({
          name: cleanText(attributes.get("name") ?? ""),
          relationId: attributes.get("id") ?? "",
          hidden: state === "hidden" || state === "veryHidden",
        });
      } else if (name === "workbookPr") {
        const value = (attributes.get("date1904") ?? "").toLowerCase();
        info.date1904 = value === "1" || value === "true";
      }
    },
  });
  return info;
}

interface Relationship {
  type: string;
  target: string;
}

function readRelationships(xml: string): Map<string, Relationship> {
  const relationships = new Map<string, Relationship>();
  scanXml(xml, {
    open(name, attributes) {
      if (name !== "Relationship") return;
      const id = attributes.get("Id");
      const target = attributes.get("Target");
      if (id !== undefined && target !== undefined && attributes.get("TargetMode") !== "External") {
        relationships.set(id, { type: attributes.get("Type") ?? "", target: resolveTarget(target) });
      }
    },
  });
  return relationships;
}

/** Shared strings: each `<si>` is one `<t>` or rich-text runs `<r><t>`; phonetic runs `<rPh>` are not part of the text. */
function readSharedStrings(xml: string): string[] {
  const strings: string[] = [];
  let current: string[] | null = null;
  let inText = false;
  let phonetic = 0;
  scanXml(xml, {
    open(name, _attributes, selfClosing) {
      if (name === "si") current = [];
      else if (name === "rPh") phonetic++;
      else if (name === "t" && !selfClosing) inText = true;
    },
    close(name) {
      if (name === "si" && current) {
        strings.push(cleanText(current.join("")));
        current = null;
      } else if (name === "rPh") phonetic--;
      else if (name === "t") inText = false;
    },
    text(text) {
      if (inText && phonetic === 0 && current) current.push(text);
    },
  });
  return strings;
}

/** What a cell style shows: its kind, and for a format of zeros only (`00000`) the width numbers are padded to. */
interface CellStyle {
  kind: NumberFormatKind;
  zeroPad: number;
}

/**
 * The width of a format made of zeros only, such as `00000` for 5-digit commune codes (Excel shows 2647 as 02647).
 * @param code - the format code
 * @returns the number of digits, or 0 for any other format
 */
export function zeroPadWidth(code: string): number {
  const section = code.replace(/\[[^\]]*\]/g, "").split(";")[0];
  return /^0+$/.test(section) ? section.length : 0;
}

/** For each cell style (`cellXfs` index), what its number format shows. */
function readStyles(xml: string): CellStyle[] {
  const custom = new Map<number, string>();
  const styles: CellStyle[] = [];
  const formatIds: number[] = [];
  let inCellXfs = false;
  scanXml(xml, {
    open(name, attributes) {
      if (name === "numFmt") custom.set(Number(attributes.get("numFmtId")), attributes.get("formatCode") ?? "");
      else if (name === "cellXfs") inCellXfs = true;
      else if (name === "xf" && inCellXfs) formatIds.push(Number(attributes.get("numFmtId") ?? "0"));
    },
    close(name) {
      if (name === "cellXfs") inCellXfs = false;
    },
  });
  for (const id of formatIds) {
    const code = custom.get(id);
    styles.push(code !== undefined ? { kind: numberFormatKind(code), zeroPad: zeroPadWidth(code) } : { kind: BUILTIN_FORMATS.get(id) ?? "number", zeroPad: 0 });
  }
  return styles;
}

/** Column letters to a 0-based index: A → 0, Z → 25, AA → 26. */
function columnIndex(letters: string): number {
  let index = 0;
  for (let i = 0; i < letters.length; i++) index = index * 26 + (letters.charCodeAt(i) - 64);
  return index - 1;
}

class TooLarge extends Error {}

interface SheetContext {
  sharedStrings: readonly string[];
  styles: readonly CellStyle[];
  date1904: boolean;
  cellBudget: { remaining: number };
}

function cellText(type: string, raw: string, style: number, context: SheetContext): string {
  switch (type) {
    case "s": {
      const index = Number(raw.trim());
      return Number.isInteger(index) && index >= 0 && index < context.sharedStrings.length ? context.sharedStrings[index] : "";
    }
    case "inlineStr":
    case "str":
    case "e":
      return cleanText(raw);
    case "b":
      return raw.trim() === "1" || raw.trim().toLowerCase() === "true" ? "TRUE" : "FALSE";
    case "d": {
      const match = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(raw.trim());
      if (!match) return cleanText(raw.trim());
      const [, date, hours = "00", minutes = "00", seconds = "00"] = match;
      return hours === "00" && minutes === "00" && seconds === "00" ? date : `${date} ${hours}:${minutes}:${seconds}`;
    }
    default: {
      const trimmed = raw.trim();
      if (trimmed === "") return "";
      const value = Number(trimmed);
      if (!Number.isFinite(value)) return cleanText(trimmed);
      const cellStyle = context.styles[style];
      if (cellStyle === undefined || cellStyle.kind === "number") {
        const text = formatExcelNumber(value);
        // A format of zeros only keeps leading zeros, as Excel shows and saves them: 2647 in "00000" is 02647.
        return cellStyle !== undefined && cellStyle.zeroPad > 0 && Number.isInteger(value) && value >= 0 ? text.padStart(cellStyle.zeroPad, "0") : text;
      }
      return excelDateText(value, cellStyle.kind, context.date1904);
    }
  }
}

function readWorksheet(xml: string, context: SheetContext): string[][] {
  const rows: string[][] = [];
  let rowIndex = -1;
  let column = -1;
  let cellType = "n";
  let cellStyle = 0;
  let cellHasValue = false;
  let value: string[] = [];
  let capture = false;
  let inInline = false;
  let phonetic = 0;
  const place = () => {
    if (rowIndex >= MAX_ROWS || column >= MAX_COLUMNS) throw new TooLarge();
    let row = rows[rowIndex];
    if (row === undefined) {
      row = [];
      rows[rowIndex] = row;
    }
    return row;
  };
  scanXml(xml, {
    open(name, attributes: XmlAttributes, selfClosing) {
      if (name === "row") {
        const r = Number(attributes.get("r"));
        rowIndex = Number.isInteger(r) && r >= 1 ? r - 1 : rowIndex + 1;
        column = -1;
      } else if (name === "c") {
        const reference = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(attributes.get("r") ?? "");
        if (reference) {
          column = columnIndex(reference[1].toUpperCase());
          const r = Number(reference[2]);
          if (r >= 1 && r - 1 !== rowIndex) rowIndex = r - 1;
        } else {
          column++;
        }
        if (rowIndex < 0) rowIndex = 0;
        cellType = attributes.get("t") ?? "n";
        cellStyle = Number(attributes.get("s") ?? "0");
        cellHasValue = false;
        value = [];
      } else if (name === "v") {
        capture = !selfClosing;
        cellHasValue = true;
      } else if (name === "is") {
        inInline = true;
        cellHasValue = true;
      } else if (name === "rPh") {
        phonetic++;
      } else if (name === "t" && inInline && !selfClosing) {
        capture = true;
      }
    },
    close(name) {
      if (name === "v" || name === "t") capture = false;
      else if (name === "is") inInline = false;
      else if (name === "rPh") phonetic--;
      else if (name === "c") {
        if (!cellHasValue) return;
        const text = cellText(cellType, value.join(""), cellStyle, context);
        if (text === "") return;
        const row = place();
        if (column >= row.length) {
          context.cellBudget.remaining -= column + 1 - row.length;
          if (context.cellBudget.remaining < 0) throw new TooLarge();
          while (row.length < column) row.push("");
          row.push(text);
        } else {
          row[column] = text;
        }
      }
    },
    text(text) {
      if (capture && phonetic === 0) value.push(text);
    },
  });
  for (let i = 0; i < rows.length; i++) if (rows[i] === undefined) rows[i] = [];
  return rows;
}

// ---- the workbook ---------------------------------------------------------------------------

const WORKSHEET_TYPE = /\/worksheet$/;

/**
 * Reads an .xlsx workbook into sheets of text cells.
 * @param bytes - the file
 * @param options - limits, and which sheets to read
 * @returns the workbook, or why it cannot be read (a code and a sentence in Vietnamese and English)
 * @example
 * ```ts
 * const result = readXlsx(bytes);
 * if (result.ok) console.log(result.value.sheets.map((sheet) => sheet.name));
 * ```
 */
export function readXlsx(bytes: Uint8Array, options: ReadXlsxOptions = {}): Result<XlsxWorkbook, XlsxError> {
  if (isOleBytes(bytes)) {
    if (isEncryptedOle(bytes)) {
      return xlsxError("xlsx_encrypted", domainMessage("xlsx.encrypted"));
    }
    return xlsxError("xls_binary", domainMessage("xlsx.xls_binary"));
  }
  if (!isZipBytes(bytes)) return xlsxError("xlsx_not_zip", NOT_XLSX);
  const limit = options.maxUncompressedBytes ?? MAX_XLSX_UNCOMPRESSED_BYTES;
  const tooLarge = (what: string): Result<never, XlsxError> => xlsxError("xlsx_too_large", domainMessage("xlsx.too_large", { what }));
  // First pass: the central directory only (nothing is inflated), to see what there is and what it would weigh.
  const listing = listZipEntries(bytes);
  if (!listing.ok) {
    if (listing.reason === "invalid") return xlsxError("xlsx_invalid", NOT_XLSX);
    return xlsxError("xlsx_invalid", domainMessage("xlsx.invalid", { name: listing.name }));
  }
  const declared = listing.sizes;
  if (!declared.has("xl/workbook.xml")) {
    if (declared.has("xl/workbook.bin")) {
      return xlsxError("xlsx_binary_xlsb", domainMessage("xlsx.xlsb"));
    }
    return xlsxError("xlsx_invalid", NOT_XLSX);
  }
  const wanted = (name: string) => (name.startsWith("xl/") && name.endsWith(".xml")) || name.endsWith(".rels");
  let total = 0;
  for (const [name, size] of declared) if (wanted(name)) total += size;
  if (total > limit) return tooLarge(`${Math.ceil(total / 1_048_576)} MB > ${Math.floor(limit / 1_048_576)} MB`);

  const read = (names: ReadonlySet<string>): Map<string, string> => {
    const files = unzipSync(bytes, { filter: (file) => names.has(file.name) });
    const texts = new Map<string, string>();
    for (const name of names) {
      // Own property only: `files` is a plain object keyed by the archive's names.
      if (Object.prototype.hasOwnProperty.call(files, name)) texts.set(name, decodePart(files[name]));
    }
    return texts;
  };
  try {
    const head = read(new Set(["xl/workbook.xml", "xl/_rels/workbook.xml.rels"]));
    const info = readWorkbookXml(head.get("xl/workbook.xml") ?? "");
    const relationships = readRelationships(head.get("xl/_rels/workbook.xml.rels") ?? "");
    let sharedStringsPath = "xl/sharedStrings.xml";
    let stylesPath = "xl/styles.xml";
    for (const relationship of relationships.values()) {
      if (relationship.type.endsWith("/sharedStrings")) sharedStringsPath = relationship.target;
      else if (relationship.type.endsWith("/styles")) stylesPath = relationship.target;
    }
    const entries: SheetEntry[] = [];
    for (const sheet of info.sheets) {
      const relationship = relationships.get(sheet.relationId);
      // Chart sheets and dialog sheets hold no cells.
      if (relationship && WORKSHEET_TYPE.test(relationship.type)) entries.push({ name: sheet.name, path: relationship.target, hidden: sheet.hidden });
    }
    const selected = entries.map((entry, index) => options.readSheet?.(entry.name, index) ?? true);
    const parts = read(new Set([sharedStringsPath, stylesPath, ...entries.filter((_, index) => selected[index]).map((entry) => entry.path)]));
    const context: SheetContext = {
      sharedStrings: parts.has(sharedStringsPath) ? readSharedStrings(parts.get(sharedStringsPath) ?? "") : [],
      styles: parts.has(stylesPath) ? readStyles(parts.get(stylesPath) ?? "") : [],
      date1904: info.date1904,
      cellBudget: { remaining: options.maxCells ?? MAX_XLSX_CELLS },
    };
    const sheets: XlsxSheet[] = entries.map((entry, index) => {
      const xml = selected[index] ? parts.get(entry.path) : undefined;
      const sheet: XlsxSheet = { name: entry.name, rows: xml === undefined ? [] : readWorksheet(xml, context) };
      if (entry.hidden) sheet.hidden = true;
      return sheet;
    });
    return ok({ sheets, date1904: info.date1904 });
  } catch (error) {
    if (error instanceof TooLarge) return tooLarge(`> ${options.maxCells ?? MAX_XLSX_CELLS} ô / cells`);
    if (error instanceof XmlSyntaxError) {
      return xlsxError("xlsx_invalid", domainMessage("xlsx.xml_damaged", { message: error.message }));
    }
    return xlsxError("xlsx_invalid", domainMessage("xlsx.unreadable", { message: (error as Error).message }));
  }
}
