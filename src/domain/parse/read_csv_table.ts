/**
 * CSV text or bytes to a table of raw string cells. PapaParse tokenises (quotes, embedded
 * newlines); the delimiter is ours, detected from the header row, because PapaParse's guess fails
 * on files Excel writes in Vietnam (`lat;lon\n21,5;105,8` is split on the decimal commas).
 */
import Papa from "papaparse";
import type { ImportIssue } from "../issues.ts";
import { inputToText, type TextEncodingName } from "./decode_text.ts";
import { makeIssue } from "./import_issue.ts";

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
  const decoded = inputToText(input);
  const encoding = decoded.encoding;
  let text = decoded.text;
  // Excel honours a first line "sep=;" naming the delimiter; it is not the header.
  const separatorLine = /^sep=([,;\t])\r?\n/i.exec(text);
  if (separatorLine) text = text.slice(separatorLine[0].length);
  const delimiter = options.delimiter ?? (separatorLine ? (separatorLine[1] as CsvDelimiter) : detectDelimiter(text));
  const issues: ImportIssue[] = [];
  const table: CsvTable = { encoding, delimiter, header: [], rows: [], rowNumbers: [], issues };
  if (text.trim() === "") {
    issues.push(
      makeIssue(options.file, "error", "file_empty", {
        vi: "Tệp trống: không có dòng tiêu đề nào.",
        en: "The file is empty: there is no header row.",
      }),
    );
    return table;
  }
  const parsed = Papa.parse<string[]>(text, { delimiter, header: false, skipEmptyLines: false });
  const records = parsed.data;
  let headerIndex = 0;
  while (headerIndex < records.length && isBlank(records[headerIndex])) headerIndex++;
  table.header = records[headerIndex].map((cell) => cell.trim());
  for (let index = headerIndex + 1; index < records.length; index++) {
    const cells = records[index];
    if (isBlank(cells)) continue;
    const rowNumber = index - headerIndex;
    table.rows.push(cells);
    table.rowNumbers.push(rowNumber);
    if (cells.length > table.header.length && !isBlank(cells.slice(table.header.length))) {
      issues.push(
        makeIssue(
          options.file,
          "warning",
          "csv_extra_cells",
          {
            vi: `Dòng có ${cells.length} ô nhưng tiêu đề chỉ có ${table.header.length} cột; các ô thừa bị bỏ qua. Kiểm tra dấu phân cách hoặc dấu ngoặc kép.`,
            en: `The row has ${cells.length} cells but the header has ${table.header.length} columns; the extra cells are ignored. Check the delimiter or the quotes.`,
          },
          { row: rowNumber },
        ),
      );
    }
  }
  for (const error of parsed.errors) {
    const row = error.row !== undefined && error.row > headerIndex ? error.row - headerIndex : undefined;
    issues.push(
      makeIssue(
        options.file,
        "warning",
        "csv_quotes",
        {
          vi: "Dấu ngoặc kép không khớp: nội dung ô có thể bị gộp hoặc cắt sai.",
          en: "Unbalanced quotes: cell contents may have been merged or split wrongly.",
        },
        row === undefined ? {} : { row },
      ),
    );
  }
  const lostLettersIssue = checkLostLetters(options.file, table.header, table.rows);
  if (lostLettersIssue) issues.push(lostLettersIssue);
  return table;
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
  return makeIssue(file, "warning", "letters_lost", {
    vi: `Có ${suspicious} ô chứa dấu "?" thay cho chữ cái: tệp có lẽ đã được lưu bằng bảng mã không có tiếng Việt. Hãy mở tệp gốc trong Excel và lưu lại dạng "CSV UTF-8 (Comma delimited)".`,
    en: `${suspicious} cells contain "?" in place of letters: the file was probably saved in a code page without Vietnamese letters. Open the original in Excel and save it again as "CSV UTF-8 (Comma delimited)".`,
  });
}
