/**
 * CSV text or bytes to a table of raw string cells. PapaParse tokenises (quotes, embedded
 * newlines); the delimiter is ours, detected from the header row, because PapaParse's guess fails
 * on files Excel writes in Vietnam (`lat;lon\n21,5;105,8` is split on the decimal commas).
 */
import Papa from "papaparse";
import type { ImportIssue } from "../issues.ts";
import { inputToText, type TextEncodingName } from "./decode_text.ts";
import { legacyEncodingIssue } from "./legacy_encodings.ts";
import { makeIssue } from "./import_issue.ts";
import { simpleDecimal, simpleDecimalIn } from "./parse_number.ts";
import { unescapeCsvFormula } from "../export/to_csv.ts";
import { domainMessage } from "../messages/message.ts";

export type CsvDelimiter = "," | ";" | "\t";

/** Options of readCsvTable. */
export interface CsvTableOptions {
  /** File name for issues. */
  file: string;
  /** Forces the delimiter instead of detecting it. */
  delimiter?: CsvDelimiter;
}

/** A CSV file as a header and rows of raw (NFC) cells. */
export interface CsvTable {
  encoding: TextEncodingName;
  delimiter: string;
  /** Header cells, trimmed. */
  header: string[];
  /** Data rows; rows whose cells are all empty are left out. */
  rows: string[][];
  /** For each row, its 1-based data row number (the header is not counted; blank rows are). */
  rowNumbers: number[];
  issues: ImportIssue[];
}

const CANDIDATES: readonly CsvDelimiter[] = ["\t", ";", ","];

/**
 * Detects the delimiter from the first non-blank line: the candidate that occurs most often outside quotes.
 * Ties prefer tab, then `;`, then `,`; a line with none gives `,` (one column).
 * @param text - the CSV text
 * @returns the delimiter
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = new Map<string, number>(CANDIDATES.map((candidate) => [candidate, 0]));
  let quoted = false;
  let started = false;
  for (let i = 0; i < text.length; i++) {
    const character = text[i];
    if (character === '"') {
      quoted = !quoted;
      started = true;
    } else if (!quoted && (character === "\n" || character === "\r")) {
      if (started) break;
    } else if (!quoted && counts.has(character)) {
      counts.set(character, (counts.get(character) ?? 0) + 1);
      started = true;
    } else if (character.trim() !== "") {
      started = true;
    }
  }
  let best: CsvDelimiter = ",";
  let bestCount = 0;
  for (const candidate of CANDIDATES) {
    const total = counts.get(candidate) ?? 0;
    if (total > bestCount) {
      best = candidate;
      bestCount = total;
    }
  }
  return best;
}

function isBlank(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === "");
}

// A "?" inside a word or starting one: what a windows-1252 save leaves of Vietnamese letters
// ("Tr??ng", "?i?m"). A "?" ending a word ("không?") is an ordinary question mark.
const LOST_LETTER = /\p{L}\?+\p{L}|(?:^|\s)\?+\p{L}/u;

function looksLikeLostLetters(cell: string): boolean {
  return cell.includes("?") && LOST_LETTER.test(cell) && !cell.includes("://");
}

/**
 * Reads CSV text or bytes into a header and rows of raw cells.
 * Bytes are decoded as UTF-8 (with or without BOM) or windows-1258; all text is NFC-normalised.
 * @param input - the file as text or bytes
 * @param options - the file name and an optional forced delimiter
 * @returns the table, the detected encoding and delimiter, and file-level issues
 * @example
 * ```ts
 * const table = readCsvTable("lat;lon\n21,5;105,8\n", { file: "a.csv" });
 * // table.delimiter === ";", table.rows[0] deep-equals ["21,5", "105,8"]
 * ```
 */
export function readCsvTable(input: string | Uint8Array, options: CsvTableOptions): CsvTable {
  const lazy = readCsvRows(input, options);
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  for (let r = 0; r < lazy.rows.count; r++) {
    rows.push(lazy.rows.cells(r));
    rowNumbers.push(lazy.rows.rowNumber(r));
  }
  return { encoding: lazy.encoding, delimiter: lazy.delimiter, header: lazy.header, rows, rowNumbers, issues: lazy.issues };
}

/** The data rows of a CSV table, read on demand: a cell is cut from the text only when asked for. */
export interface CsvRowReader {
  /** Number of data rows (blank rows left out). */
  readonly count: number;
  /** The 1-based data row number of row r (the header is not counted; blank rows are). */
  rowNumber(r: number): number;
  /** Makes row r the current row, for cell(); returns its number of cells. */
  select(r: number): number;
  /** Cell i of the current row; "" when i is negative or the row has fewer cells. */
  cell(i: number): string;
  /** simpleDecimal(cell(i)): the number when cell i of the current row is a plain decimal, NaN otherwise. */
  decimal(i: number): number;
  /** Every cell of row r, as readCsvTable gives them. */
  cells(r: number): string[];
}

/** A CSV table whose rows are read on demand (see readCsvRows). */
export interface CsvRowTable extends Omit<CsvTable, "rows" | "rowNumbers"> {
  rows: CsvRowReader;
  /** How the text was split: "direct" (no quote in it) or "papaparse". */
  split: "direct" | "papaparse";
}

/** Options of readCsvRows. */
export interface CsvRowsOptions extends CsvTableOptions {
  /**
   * Split text without a quote character directly instead of through PapaParse (default true). The cells are the
   * same either way (PapaParse itself splits such text on the line break and the delimiter); false is for tests
   * and comparisons.
   */
  fastPath?: boolean;
}

/**
 * Reads CSV text or bytes like readCsvTable, without building an array of cells per row: text without a quote
 * character (the common case) is split by one scan, and rows are read on demand. Same header, rows, row numbers and
 * issues as readCsvTable.
 * @param input - the file as text or bytes
 * @param options - the file name, an optional forced delimiter, and whether the direct split may be used
 * @returns the table
 */
export function readCsvRows(input: string | Uint8Array, options: CsvRowsOptions): CsvRowTable {
  const decoded = inputToText(input);
  const encoding = decoded.encoding;
  // Rows may end in CR LF, LF or a lone CR, mixed in one file (Python's csv and LibreOffice read them all): every
  // line break outside quotes becomes one line feed; inside quotes a cell keeps its own.
  let text = normalizeLineBreaks(decoded.text);
  // Excel honours a first line "sep=;" naming the delimiter; it is not the header.
  const separatorLine = /^sep=([,;\t])\n/i.exec(text);
  if (separatorLine) text = text.slice(separatorLine[0].length);
  const delimiter = options.delimiter ?? (separatorLine ? (separatorLine[1] as CsvDelimiter) : detectDelimiter(text));
  const issues: ImportIssue[] = [];
  const legacy = legacyEncodingIssue(options.file, encoding);
  if (legacy) issues.push(legacy);
  if (text.trim() === "") {
    issues.push(makeIssue(options.file, "error", "file_empty", domainMessage("csv.file_empty")));
    return { encoding, delimiter, header: [], rows: arrayRows([], []), issues, split: "papaparse" };
  }
  const direct = options.fastPath === false ? null : splitWithoutQuotes(text, delimiter);
  if (direct !== null) {
    for (let r = 0; r < direct.rows.count; r++) {
      if (direct.cellCounts[r] > direct.header.length) checkExtraCells(options.file, direct.header, direct.rows.cells(r), direct.rows.rowNumber(r), issues);
    }
    if (text.includes("?")) {
      const sample: string[][] = [];
      for (let r = 0; r < Math.min(direct.rows.count, LOST_LETTERS_SAMPLE_ROWS); r++) sample.push(direct.rows.cells(r));
      const lostLettersIssue = checkLostLetters(options.file, direct.header, sample);
      if (lostLettersIssue) issues.push(lostLettersIssue);
    }
    return { encoding, delimiter, header: direct.header, rows: direct.rows, issues, split: "direct" };
  }
  const parsed = Papa.parse<string[]>(text, { delimiter, newline: "\n", header: false, skipEmptyLines: false });
  const records = parsed.data;
  // The formula guard of our CSV writer ("'-x" for "-x") is undone: what the project writes, it reads back.
  for (const record of records) for (let i = 0; i < record.length; i++) if (record[i].charCodeAt(0) === 0x27) record[i] = unescapeCsvFormula(record[i]);
  let headerIndex = 0;
  while (headerIndex < records.length && isBlank(records[headerIndex])) headerIndex++;
  const header = records[headerIndex].map((cell) => cell.trim());
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  for (let index = headerIndex + 1; index < records.length; index++) {
    const cells = records[index];
    if (isBlank(cells)) continue;
    const rowNumber = index - headerIndex;
    rows.push(cells);
    rowNumbers.push(rowNumber);
    if (cells.length > header.length) checkExtraCells(options.file, header, cells, rowNumber, issues);
  }
  for (const error of parsed.errors) {
    const row = error.row !== undefined && error.row > headerIndex ? error.row - headerIndex : undefined;
    issues.push(makeIssue(options.file, "warning", "csv_quotes", domainMessage("csv.quotes"), row === undefined ? {} : { row }));
  }
  const lostLettersIssue = checkLostLetters(options.file, header, rows);
  if (lostLettersIssue) issues.push(lostLettersIssue);
  return { encoding, delimiter, header, rows: arrayRows(rows, rowNumbers), issues, split: "papaparse" };
}

function checkExtraCells(file: string, header: readonly string[], cells: readonly string[], rowNumber: number, issues: ImportIssue[]): void {
  if (isBlank(cells.slice(header.length))) return;
  issues.push(
    makeIssue(file, "warning", "csv_extra_cells", domainMessage("csv.extra_cells", { cells: cells.length, columns: header.length }), { row: rowNumber }),
  );
}

/** A row reader over rows already split into cells (PapaParse's output). */
function arrayRows(rows: string[][], rowNumbers: number[]): CsvRowReader {
  let current: readonly string[] = [];
  return {
    count: rows.length,
    rowNumber: (r) => rowNumbers[r],
    select(r) {
      current = rows[r];
      return current.length;
    },
    cell: (i) => (i < 0 ? "" : (current[i] ?? "")),
    decimal: (i) => (i < 0 || i >= current.length ? NaN : simpleDecimal(current[i])),
    cells: (r) => rows[r],
  };
}

/**
 * Makes every line break outside quotes one line feed: CR LF, and a lone CR (old Mac files, or rows appended by
 * another program), as Python's csv module and LibreOffice read them. Line breaks inside a quoted cell are kept as
 * they are. Linear: one native search for CR, then one scan only when the text has both CR and quotes.
 * @param text - the decoded text
 * @returns the text with one kind of line break
 */
export function normalizeLineBreaks(text: string): string {
  if (!text.includes("\r")) return text;
  if (!text.includes('"')) return text.replace(/\r\n?/g, "\n");
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x22) quoted = !quoted;
    else if (code === 0x0d && !quoted) {
      parts.push(text.slice(start, i), "\n");
      if (text.charCodeAt(i + 1) === 0x0a) i++;
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.join("");
}

/**
 * Splits text that has no quote character as PapaParse does (on its line break, then on the delimiter), in one scan
 * that records where cells end instead of making an array per row.
 * @returns the header and a row reader, or null when the text needs PapaParse (quotes, a leading U+FEFF, or no
 *   non-blank line)
 */
function splitWithoutQuotes(text: string, delimiter: string): { header: string[]; rows: CsvRowReader; cellCounts: Int32Array } | null {
  if (text.includes('"') || text.charCodeAt(0) === 0xfeff) return null;
  // normalizeLineBreaks has made every line break a line feed.
  const lineBreak = "\n";
  // For each kept row: its cell boundaries in `bounds` from offsets[r] to offsets[r + 1] - 1: the position before
  // its first cell, then of each delimiter, then of its end (cell j is text.slice(bounds[k + j] + 1, bounds[k + j + 1])).
  let bounds = new Int32Array(Math.max(64, (text.length >> 2) + 16));
  let boundCount = 0;
  let offsets = new Int32Array(Math.max(16, (text.length >> 4) + 2));
  let rowNumbers = new Int32Array(offsets.length);
  let rowCount = 0;
  let header: string[] | null = null;
  let headerIndex = -1;
  let recordIndex = 0;
  const delimiterCode = delimiter.charCodeAt(0);
  const push = (value: number): void => {
    if (boundCount === bounds.length) {
      const grown = new Int32Array(bounds.length * 2);
      grown.set(bounds);
      bounds = grown;
    }
    bounds[boundCount++] = value;
  };
  const length = text.length;
  const breakLength = lineBreak.length;
  // Line breaks and delimiters are found with indexOf (a native search); the next delimiter is kept until the scan
  // passes it, so that the text is searched once for each even when lines have few delimiters.
  let nextDelimiter = text.indexOf(delimiter);
  let lineStart = 0;
  let rowStart = 0;
  for (;;) {
    let lineEnd = text.indexOf(lineBreak, lineStart);
    const last = lineEnd < 0;
    if (last) lineEnd = length;
    push(lineStart - 1);
    while (nextDelimiter >= 0 && nextDelimiter < lineEnd) {
      push(nextDelimiter);
      nextDelimiter = text.indexOf(delimiter, nextDelimiter + 1);
    }
    push(lineEnd);
    // A line is blank when every cell is white space. Skipping delimiters and spaces, a printable ASCII character
    // settles it; anything else (tab, no-break space, a letter…) is checked exactly.
    let k = lineStart;
    let code = 0;
    while (k < lineEnd && ((code = text.charCodeAt(k)) === delimiterCode || code === 0x20)) k++;
    const blank = k === lineEnd || (!(code > 0x20 && code < 0x7f) && isBlank(text.slice(lineStart, lineEnd).split(delimiter)));
    if (blank) {
      boundCount = rowStart;
    } else if (header === null) {
      header = text
        .slice(lineStart, lineEnd)
        .split(delimiter)
        .map((cell) => unescapeCsvFormula(cell.trim()));
      headerIndex = recordIndex;
      boundCount = rowStart;
    } else {
      if (rowCount + 1 >= offsets.length) {
        const grownOffsets = new Int32Array(offsets.length * 2);
        grownOffsets.set(offsets);
        offsets = grownOffsets;
        const grownNumbers = new Int32Array(offsets.length);
        grownNumbers.set(rowNumbers);
        rowNumbers = grownNumbers;
      }
      offsets[rowCount] = rowStart;
      rowNumbers[rowCount] = recordIndex - headerIndex;
      rowCount++;
      rowStart = boundCount;
    }
    recordIndex++;
    if (last) break;
    lineStart = lineEnd + breakLength;
  }
  if (header === null) return null;
  offsets[rowCount] = rowStart;
  const cellCounts = new Int32Array(rowCount);
  for (let r = 0; r < rowCount; r++) cellCounts[r] = offsets[r + 1] - offsets[r] - 1;
  let first = 0;
  let count = 0;
  const finalBounds = bounds;
  return {
    header,
    cellCounts,
    rows: {
      count: rowCount,
      rowNumber: (r) => rowNumbers[r],
      select(r) {
        first = offsets[r];
        count = offsets[r + 1] - first - 1;
        return count;
      },
      cell: (i) => (i < 0 || i >= count ? "" : cutCell(text, finalBounds[first + i] + 1, finalBounds[first + i + 1])),
      decimal: (i) => (i < 0 || i >= count ? NaN : simpleDecimalIn(text, finalBounds[first + i] + 1, finalBounds[first + i + 1])),
      cells(r) {
        const cells: string[] = [];
        for (let k = offsets[r]; k < offsets[r + 1] - 1; k++) cells.push(cutCell(text, finalBounds[k] + 1, finalBounds[k + 1]));
        return cells;
      },
    },
  };
}

/** A cell of the direct split, with the formula guard of our CSV writer undone (see unescapeCsvFormula). */
function cutCell(text: string, start: number, end: number): string {
  const cell = text.slice(start, end);
  return text.charCodeAt(start) === 0x27 ? unescapeCsvFormula(cell) : cell;
}

/** Rows read to judge whether letters were lost: a whole file is saved in one code page, so a sample tells. */
const LOST_LETTERS_SAMPLE_ROWS = 5000;

function checkLostLetters(file: string, header: readonly string[], allRows: readonly string[][]): ImportIssue | undefined {
  const rows = allRows.length > LOST_LETTERS_SAMPLE_ROWS ? allRows.slice(0, LOST_LETTERS_SAMPLE_ROWS) : allRows;
  let suspicious = 0;
  for (const cells of [header, ...rows]) for (const cell of cells) if (looksLikeLostLetters(cell)) suspicious++;
  const headerSuspicious = header.some(looksLikeLostLetters);
  if (suspicious === 0) return undefined;
  let textCells = 0;
  for (const cells of [header, ...rows]) for (const cell of cells) if (/\p{L}/u.test(cell)) textCells++;
  if (!headerSuspicious && (suspicious < 2 || suspicious < 0.05 * textCells)) return undefined;
  return makeIssue(file, "warning", "letters_lost", domainMessage("csv.letters_lost", { suspicious }));
}
