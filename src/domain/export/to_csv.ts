/**
 * The generic CSV writer: UTF-8 byte-order mark (so Excel keeps Vietnamese letters), CRLF line
 * ends, RFC 4180 quoting and formula-safe cells (CWE-1236, OWASP ASVS 5.0 1.2.10).
 */

const FORMULA_START = new Set(["=", "+", "-", "@", "\t", "\r", "\0"]);
// A plain signed number, with a dot or a decimal comma: "-12.5", "-105,8", "+84", "-1e-3".
const SIGNED_NUMBER = /^[+-]?(?:\d+(?:[.,]\d+)?|[.,]\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Neutralises a cell that a spreadsheet would run as a formula: a cell starting with `=`, `+`, `-`, `@`, tab or
 * carriage return (or NUL) gets a leading single quote, unless it is a real number such as "-12.5" or "-105,8".
 * @param cell - the cell text
 * @returns the cell, prefixed with `'` when needed
 * @example
 * ```ts
 * escapeCsvFormula("=HYPERLINK(\"http://x\")"); // "'=HYPERLINK(\"http://x\")"
 * escapeCsvFormula("-12.5"); // "-12.5"
 * ```
 */
export function escapeCsvFormula(cell: string): string {
  if (cell.length === 0) return cell;
  // A cell that already looks guarded ("'-x", "''=x") gets one more quote, so that reading strips exactly one.
  if (cell[0] === "'") return isGuarded(cell) ? `'${cell}` : cell;
  if (!FORMULA_START.has(cell[0])) return cell;
  if (SIGNED_NUMBER.test(cell)) return cell;
  return `'${cell}`;
}

/** Whether a cell starts with one or more `'` and then a formula character: what escapeCsvFormula writes. */
function isGuarded(cell: string): boolean {
  let i = 0;
  while (i < cell.length && cell[i] === "'") i++;
  return i > 0 && i < cell.length && FORMULA_START.has(cell[i]);
}

/**
 * Undoes escapeCsvFormula when a CSV is read back: one leading `'` is dropped when a formula character (or more
 * quotes and then one) follows, so that what this project writes, it reads back unchanged ("'-Trạm mới" is read
 * "-Trạm mới"). Any other cell is left as it is.
 * @param cell - the cell as read from the file
 * @returns the cell the writer was given
 * @example
 * ```ts
 * unescapeCsvFormula("'=HYPERLINK(\"http://x\")"); // "=HYPERLINK(\"http://x\")"
 * unescapeCsvFormula("'tên"); // "'tên"
 * ```
 */
export function unescapeCsvFormula(cell: string): string {
  return cell.length > 1 && cell.charCodeAt(0) === 0x27 && isGuarded(cell) ? cell.slice(1) : cell;
}

/**
 * The two CSV flavours. Excel opens a CSV with the list separator of the computer's region: `,` where
 * the decimal mark is a dot, `;` where it is a comma (as with the Vietnamese number format, `1.234,5`).
 * - `comma`: `,` between cells, numbers with a decimal dot (the default; what most tools read);
 * - `semicolon`: `;` between cells, numbers with a decimal comma ("CSV for Excel in Vietnamese").
 * Both re-import into this tool unchanged (the delimiter and decimal commas are detected).
 */
export type CsvSeparator = "comma" | "semicolon";

/** Options of the CSV writers. */
export interface CsvOptions {
  /** `comma` (default) or `semicolon`; see CsvSeparator. */
  separator?: CsvSeparator;
}

/**
 * The character between cells for a flavour.
 * @param separator - the flavour
 * @returns `,` or `;`
 */
export function csvDelimiter(separator: CsvSeparator = "comma"): "," | ";" {
  return separator === "semicolon" ? ";" : ",";
}

/**
 * Formats one cell: numbers as JavaScript writes them (with a decimal comma in the semicolon flavour), empty for
 * null, undefined and non-finite numbers; text made formula-safe and quoted when it holds a quote, a delimiter, a
 * line break or edge spaces.
 * @param value - the cell value
 * @param separator - the flavour, `comma` by default
 * @returns the cell as written in the file
 */
export function formatCsvCell(value: string | number | null | undefined, separator: CsvSeparator = "comma"): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return "";
    return separator === "semicolon" ? String(value).replace(".", ",") : String(value);
  }
  if (isPlainCell(value)) return value;
  const safe = escapeCsvFormula(value.normalize("NFC"));
  if (/[",;\r\n\t]/.test(safe) || safe !== safe.trim()) return `"${safe.replace(/"/g, '""')}"`;
  return safe;
}

/**
 * True when a cell is written as it is: printable ASCII without a quote, comma or semicolon, not starting with a
 * formula character, an apostrophe or a space and not ending with a space (NFC, quoting and the formula guard leave it unchanged).
 * A linear scan instead of normalize() and two regular expressions: this runs on every cell of a million-row export.
 */
function isPlainCell(text: string): boolean {
  const length = text.length;
  if (length === 0) return true;
  const first = text.charCodeAt(0);
  // "=" "+" "-" "@" and a leading or trailing space take the general path.
  if (first === 0x3d || first === 0x2b || first === 0x2d || first === 0x40 || first === 0x27 || first === 0x20 || text.charCodeAt(length - 1) === 0x20)
    return false;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    // Below 0x20: tab, CR, LF, NUL and other controls; above 0x7e: anything NFC might change.
    if (code < 0x20 || code > 0x7e || code === 0x22 || code === 0x2c || code === 0x3b) return false;
  }
  return true;
}

/**
 * Writes a CSV file as a string: BOM, header, rows, CRLF after every line.
 * @param columns - the header cells
 * @param rows - the data rows, one value per column
 * @param options - `separator`: `comma` (default) or `semicolon` (with decimal commas)
 * @returns the file content, starting with U+FEFF
 * @example
 * ```ts
 * toCsv(["id", "lat"], [["A", 21.5]]); // "\uFEFFid,lat\r\nA,21.5\r\n"
 * toCsv(["id", "lat"], [["A", 21.5]], { separator: "semicolon" }); // "\uFEFFid;lat\r\nA;21,5\r\n"
 * ```
 */
export function toCsv(columns: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[], options: CsvOptions = {}): string {
  const separator = options.separator ?? "comma";
  const delimiter = csvDelimiter(separator);
  const cell = (value: string | number | null | undefined) => formatCsvCell(value, separator);
  const lines = [columns.map(cell).join(delimiter)];
  for (const row of rows) lines.push(row.map(cell).join(delimiter));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
