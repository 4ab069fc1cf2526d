/**
 * Point lists (schools, school sites, villages) from CSV, as Excel in Vietnam writes them:
 * UTF-8 or windows-1258, `,` `;` or tab, decimal commas, decimal degrees or DMS, English or
 * Vietnamese headers. Every row is accepted (possibly with warnings) or rejected with a reason.
 */
import type { ImportIssue, ImportReport } from "../issues.ts";
import { emptyReport, type ImportResult } from "../issues.ts";
import type { Point, PointKind } from "../types.ts";
import { COMBINED_COORDINATE_ALIASES, LATITUDE_ALIASES, LONGITUDE_ALIASES, POINT_COLUMN_ALIASES, findColumn } from "./find_column.ts";
import { addIssues, makeIssue } from "./import_issue.ts";
import { parseCoordinate, parseCount } from "./parse_number.ts";
import { parsePointKind } from "./point_kind.ts";
import { checkPointPosition, fileStem, findDuplicatePoints, makePoint, swappedMessage } from "./point_checks.ts";
import { isInBounds } from "./vietnam_bounds.ts";
import { readCsvRows, type CsvDelimiter, type CsvRowReader, type CsvTable } from "./read_csv_table.ts";
import { parseCrs, toWgs84, WGS84, type ToWgs84 } from "../formats/crs.ts";
import { domainMessage } from "../messages/message.ts";

/** The optional point columns, by Point field. */
export type PointColumnKey = keyof typeof POINT_COLUMN_ALIASES;

/** Options of parsePointsCsv. */
export interface PointsCsvOptions {
  /** File name for issues and for generated ids. */
  file: string;
  /** Forces the delimiter instead of detecting it from the header row. */
  delimiter?: CsvDelimiter;
  /** Longitude column, when the header is not one of the recognised names. */
  lonColumn?: string;
  /** Latitude column, when the header is not one of the recognised names. */
  latColumn?: string;
  /** Other columns named by the caller. */
  columns?: Partial<Record<PointColumnKey, string>>;
  /**
   * The coordinate system of the coordinate columns when it is not WGS 84 degrees (`VN2000-TM3-105.75`, `EPSG:3405`…,
   * see parseCrs): the longitude column is read as the easting and the latitude column as the northing (exchanged when
   * the file follows the Vietnamese surveyors' X = northing, Y = easting), then transformed to WGS 84.
   */
  crs?: string;
  /**
   * Report repeated ids and positions (default true). The streaming reader turns it off and checks across its
   * batches itself.
   */
  checkDuplicates?: boolean;
  /**
   * Split text without quotes directly instead of through PapaParse (default true). The result is the same either
   * way; false is for tests and comparisons.
   */
  fastPath?: boolean;
}

/** Which header plays which role. */
export interface PointColumns {
  lon?: string;
  lat?: string;
  fields: Partial<Record<PointColumnKey, string>>;
}

const COLUMN_KEYS = Object.keys(POINT_COLUMN_ALIASES) as PointColumnKey[];

/**
 * Decides which header is longitude, latitude, id, name… Caller-named columns win; a header is used for one role only.
 * @param header - the header row
 * @param options - caller-named columns
 * @returns the header cell for each role found
 */
export function resolvePointColumns(header: readonly string[], options: Pick<PointsCsvOptions, "lonColumn" | "latColumn" | "columns">): PointColumns {
  const used = new Set<string>();
  const pick = (named: string | undefined, aliases: readonly string[]): string | undefined => {
    const candidates = header.filter((cell) => !used.has(cell));
    const found = named !== undefined ? findColumn(candidates, [named]) : findColumn(candidates, aliases);
    if (found !== undefined) used.add(found);
    return found;
  };
  let lat = pick(options.latColumn, LATITUDE_ALIASES);
  let lon = pick(options.lonColumn, LONGITUDE_ALIASES);
  if (lat === undefined && lon === undefined && options.latColumn === undefined && options.lonColumn === undefined) {
    // One "Toạ độ" column with both numbers: it plays both roles (readPosition splits its cells).
    const combined = pick(undefined, COMBINED_COORDINATE_ALIASES);
    if (combined !== undefined) lat = lon = combined;
  }
  const fields: Partial<Record<PointColumnKey, string>> = {};
  // Caller-named columns first, so an alias match cannot take them.
  for (const key of COLUMN_KEYS) {
    const named = options.columns?.[key];
    if (named !== undefined) fields[key] = pick(named, []);
  }
  for (const key of COLUMN_KEYS) {
    if (options.columns?.[key] !== undefined) continue;
    const found = pick(undefined, POINT_COLUMN_ALIASES[key]);
    if (found !== undefined) fields[key] = found;
  }
  for (const key of COLUMN_KEYS) if (fields[key] === undefined) delete fields[key];
  return { lon, lat, fields };
}

/**
 * Tells whether coordinate cells use a decimal comma ("21,5432").
 * @param table - the CSV table
 * @param columns - the coordinate columns
 * @returns true when at least one coordinate cell has a decimal comma
 */
export function usesDecimalComma(table: CsvTable, columns: readonly (string | undefined)[]): boolean {
  const indices = columns.filter((column): column is string => column !== undefined).map((column) => table.header.indexOf(column));
  return table.rows.some((cells) => indices.some((index) => DECIMAL_COMMA.test(cells[index] ?? "")));
}

const DECIMAL_COMMA = /^\s*[+-]?\d*,\d+\s*$/;

function rowsUseDecimalComma(rows: CsvRowReader, indices: readonly number[]): boolean {
  for (let r = 0; r < rows.count; r++) {
    rows.select(r);
    for (const index of indices) if (DECIMAL_COMMA.test(rows.cell(index))) return true;
  }
  return false;
}

function hasDecimalComma(text: string): boolean {
  return text.includes(",") && DECIMAL_COMMA.test(text);
}

/**
 * Reads a point list from CSV.
 * @param input - the file as text or bytes
 * @param options - file name, forced delimiter, caller-named columns
 * @returns the accepted points and the import report (read = accepted + rejected)
 * @example
 * ```ts
 * const { items, report } = parsePointsCsv("mã;tên;vĩ độ;kinh độ\nLC-1;Bản Xèo;22,4856;103,9712\n", { file: "lc.csv" });
 * // items[0].lon === 103.9712, report.accepted === 1
 * ```
 */
export function parsePointsCsv(input: string | Uint8Array, options: PointsCsvOptions): ImportResult<Point> {
  const file = options.file;
  const report: ImportReport = emptyReport(file, "points");
  const table = readCsvRows(input, { file, delimiter: options.delimiter, fastPath: options.fastPath });
  const rows = table.rows;
  addIssues(report, table.issues);
  const columns = resolvePointColumns(table.header, options);
  const detected = {
    encoding: table.encoding,
    delimiter: table.delimiter,
    // Found while the rows are read, below, unless no row is read.
    decimalComma: false,
    columns: table.header,
    lonColumn: columns.lon,
    latColumn: columns.lat,
  };
  report.detected = detected;
  report.read = rows.count;
  if (table.header.length === 0) return { items: [], report };
  const system = options.crs === undefined || options.crs.trim() === "" ? WGS84 : parseCrs(options.crs);
  if (system === null) {
    addIssues(report, [makeIssue(file, "error", "crs_unknown", domainMessage("crs.unknown", { crs: String(options.crs) }))]);
    report.rejected = rows.count;
    return { items: [], report };
  }
  const convert = system === WGS84 ? undefined : toWgs84(system);
  if (convert) (report.detected as NonNullable<ImportReport["detected"]>).crs = { id: system.id, name: system.label.en };
  if (rows.count === 0) {
    addIssues(report, [makeIssue(file, "warning", "no_rows", domainMessage("points.no_rows"))]);
  }
  if (columns.lon === undefined || columns.lat === undefined) {
    const missing = [
      columns.lon === undefined ? (options.lonColumn ?? "kinh độ / lon") : undefined,
      columns.lat === undefined ? (options.latColumn ?? "vĩ độ / lat") : undefined,
    ]
      .filter((name) => name !== undefined)
      .join(", ");
    addIssues(report, [makeIssue(file, "error", "coordinate_columns_missing", domainMessage("points.coordinate_columns_missing", { missing }))]);
    detected.decimalComma = rowsUseDecimalComma(
      rows,
      [columns.lon, columns.lat].filter((column): column is string => column !== undefined).map((column) => table.header.indexOf(column)),
    );
    report.rejected = rows.count;
    return { items: [], report };
  }
  for (const key of COLUMN_KEYS) {
    const named = options.columns?.[key];
    if (named !== undefined && columns.fields[key] === undefined) {
      addIssues(report, [makeIssue(file, "warning", "column_not_found", domainMessage("points.column_not_found", { named }), { column: named })]);
    }
  }
  const { lonIndex, latIndex, fieldIndex, extraColumns } = columnIndices(table.header, columns);
  const stem = fileStem(file);
  const items: Point[] = [];
  const kindCache = new Map<string, PointKind | undefined>();
  if (columns.fields.id === undefined && rows.count > 0) {
    addIssues(report, [makeIssue(file, "warning", "id_column_missing", domainMessage("points.id_column_missing", { stem }))]);
  }
  let decimalComma = false;
  const position = { lon: 0, lat: 0 };
  const rowIssues: ImportIssue[] = [];
  for (let r = 0; r < rows.count; r++) {
    rows.select(r);
    const row = rows.rowNumber(r);
    // One list, emptied for each row: addIssues copies the issues out of it.
    rowIssues.length = 0;
    // The common case, read in place: two plain decimals inside Vietnam. They are what readPosition would return
    // (no decimal comma, nothing missing, no issue); anything else goes through readPosition from the cells' text.
    const lon = rows.decimal(lonIndex);
    const lat = rows.decimal(latIndex);
    if (convert === undefined && Math.abs(lon) <= 1000 && Math.abs(lat) <= 1000 && isInBounds(lon, lat)) {
      position.lon = lon;
      position.lat = lat;
    } else {
      const lonText = rows.cell(lonIndex);
      const latText = rows.cell(latIndex);
      if (!decimalComma) decimalComma = hasDecimalComma(lonText) || hasDecimalComma(latText);
      if (!readPosition(file, row, lonText, latText, columns.lon, columns.lat, rowIssues, position, convert, system.projected)) {
        report.rejected++;
        addIssues(report, rowIssues);
        continue;
      }
    }
    let id = cellAt(rows, fieldIndex.id).trim();
    if (id === "") {
      id = `${stem}-${row}`;
      if (columns.fields.id !== undefined) {
        rowIssues.push(makeIssue(file, "warning", "id_generated", domainMessage("points.id_generated", { id }), { row, column: columns.fields.id }));
      }
    }
    const kind = readKind(file, row, cellAt(rows, fieldIndex.kind), columns.fields.kind, rowIssues, kindCache);
    const weight = fieldIndex.weight === undefined ? undefined : readWeight(file, row, cellAt(rows, fieldIndex.weight), columns.fields.weight, rowIssues);
    const extra: Record<string, string> = {};
    for (const [name, columnIndex] of extraColumns) extra[name] = rows.cell(columnIndex);
    const point = makePoint({
      id,
      name: cellAt(rows, fieldIndex.name).trim(),
      kind,
      lon: position.lon,
      lat: position.lat,
      parentId: optionalCell(rows, fieldIndex.parentId),
      weight,
      provinceCode: optionalCell(rows, fieldIndex.provinceCode),
      provinceName: optionalCell(rows, fieldIndex.provinceName),
      communeCode: optionalCell(rows, fieldIndex.communeCode),
      communeName: optionalCell(rows, fieldIndex.communeName),
      source: { file, row },
      extra,
    });
    items.push(point);
    report.accepted++;
    addIssues(report, rowIssues);
  }
  detected.decimalComma = decimalComma;
  if (options.checkDuplicates !== false) addIssues(report, findDuplicatePoints(items, file, "row"));
  report.issues.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return { items, report };
}

function cellAt(rows: CsvRowReader, index: number | undefined): string {
  return index === undefined || index < 0 ? "" : rows.cell(index);
}

function optionalCell(rows: CsvRowReader, index: number | undefined): string | undefined {
  if (index === undefined) return undefined;
  const value = cellAt(rows, index).trim();
  return value === "" ? undefined : value;
}

function columnIndices(header: readonly string[], columns: ReturnType<typeof resolvePointColumns>) {
  const index = (column: string | undefined): number => (column === undefined ? -1 : header.indexOf(column));
  const lonIndex = index(columns.lon);
  const latIndex = index(columns.lat);
  const fieldIndex: Partial<Record<PointColumnKey, number>> = {};
  for (const key of COLUMN_KEYS) if (columns.fields[key] !== undefined) fieldIndex[key] = index(columns.fields[key]);
  const roleIndices = new Set<number>([lonIndex, latIndex, ...Object.values(fieldIndex)]);
  return { lonIndex, latIndex, fieldIndex, extraColumns: extraColumnNames(header, roleIndices) };
}

/**
 * The extra columns (kept in Point.extra, in this order) that parsePointsCsv gives the points of a CSV with this
 * header: known before any row is read, whatever the rows hold.
 * @param header - the header line (bytes or text, with Excel's `sep=` line if the file has one)
 * @param options - the options parsePointsCsv gets (delimiter, named columns)
 * @returns the names of the extra columns
 */
export function pointsCsvExtraColumnNames(header: string | Uint8Array, options: Omit<PointsCsvOptions, "file">): string[] {
  const table = readCsvRows(header, { file: "", delimiter: options.delimiter });
  return columnIndices(table.header, resolvePointColumns(table.header, options)).extraColumns.map(([name]) => name);
}

function extraColumnNames(header: readonly string[], roleIndices: ReadonlySet<number>): [string, number][] {
  const names: [string, number][] = [];
  const seen = new Set<string>();
  header.forEach((cell, columnIndex) => {
    if (roleIndices.has(columnIndex)) return;
    let name = cell === "" ? `column_${columnIndex + 1}` : cell;
    for (let copy = 2; seen.has(name); copy++) name = `${cell} (${copy})`;
    seen.add(name);
    names.push([name, columnIndex]);
  });
  return names;
}

function readPosition(
  file: string,
  row: number,
  lonText: string,
  latText: string,
  lonColumn: string | undefined,
  latColumn: string | undefined,
  issues: ImportIssue[],
  position: { lon: number; lat: number },
  convert?: ToWgs84,
  projected = false,
): boolean {
  const lonMissing = lonText.trim() === "";
  const latMissing = latText.trim() === "";
  if (lonMissing || latMissing) {
    const missing = [lonMissing ? lonColumn : undefined, latMissing ? latColumn : undefined].filter((name) => name !== undefined);
    issues.push(
      makeIssue(file, "error", "coordinates_missing", domainMessage("points.coordinates_missing", { missing: missing.join(", ") }), {
        row,
        column: missing[0],
      }),
    );
    return false;
  }
  let lon = parseCoordinate(lonText);
  let lat = parseCoordinate(latText);
  if (lonColumn !== undefined && lonColumn === latColumn) [lon, lat] = splitCombined(lonText);
  if (convert && lon !== null && lat !== null) {
    // Metres: in Vietnam the northing (over 900 000 m) is always larger than the easting; X = northing is the
    // surveyors' order, read silently. Degrees (VN-2000 geographic) keep the columns as named.
    const [x, y] = projected && Math.abs(lon) > Math.abs(lat) ? [lat, lon] : [lon, lat];
    [lon, lat] = convert(x, y);
  }
  if (lon === null || lat === null) {
    const [column, text] = lon === null ? [lonColumn, lonText] : [latColumn, latText];
    issues.push(makeIssue(file, "error", "coordinate_unreadable", domainMessage("points.coordinate_unreadable", { text: text.trim() }), { row, column }));
    return false;
  }
  const check = checkPointPosition(lon, lat);
  if (!check.ok) {
    issues.push(makeIssue(file, "error", check.code, check.message, { row, column: lonColumn }));
    return false;
  }
  if (check.swapped) issues.push(makeIssue(file, "warning", "lat_lon_swapped", swappedMessage(check.lon, check.lat), { row, column: latColumn }));
  position.lon = check.lon;
  position.lat = check.lat;
  return true;
}

/** Vietnam's latitudes (with the islands) and longitudes: the order of a combined cell is found from the values. */
const LATITUDE_RANGE = [7, 24] as const;
const LONGITUDE_RANGE = [102, 118] as const;

/**
 * Reads a cell holding both coordinates: "22.1234, 104.5678", "22,1234; 104,5678", "104.5678 22.1234", DMS with
 * hemisphere letters ("22°07'N 104°34'E"). Latitude first unless the values say otherwise.
 * @param text - the cell
 * @returns [lon, lat], null for a part that cannot be read
 */
function splitCombined(text: string): [number | null, number | null] {
  const trimmed = text.trim();
  const match =
    /^([-+]?\d+(?:[.,]\d+)?)\s*(?:[,;]\s*|\s+)([-+]?\d+(?:[.,]\d+)?)$/.exec(trimmed) ??
    /^(.+?[NSEWBĐT])\s*[,;]?\s*(.+)$/iu.exec(trimmed) ??
    /^(.+?)\s*[;]\s*(.+)$/.exec(trimmed);
  if (!match) return [null, null];
  const first = parseCoordinate(match[1]);
  const second = parseCoordinate(match[2]);
  if (first === null || second === null) return [null, null];
  const inRange = (value: number, range: readonly [number, number]) => value >= range[0] && value <= range[1];
  if (inRange(first, LONGITUDE_RANGE) && inRange(second, LATITUDE_RANGE)) return [first, second];
  return [second, first];
}

function readWeight(file: string, row: number, text: string, column: string | undefined, issues: ImportIssue[]): number | undefined {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  const weight = parseCount(trimmed);
  if (weight !== null && weight >= 0) return weight;
  issues.push(makeIssue(file, "warning", "weight_unreadable", domainMessage("points.weight_unreadable_csv", { trimmed }), { row, column }));
  return undefined;
}

function readKind(
  file: string,
  row: number,
  text: string,
  column: string | undefined,
  issues: ImportIssue[],
  cache: Map<string, PointKind | undefined>,
): PointKind {
  if (text.trim() === "") return "other";
  // Kind values repeat ("trường", "thôn"…): fold each distinct value once.
  let kind = cache.get(text);
  if (kind === undefined && !cache.has(text)) {
    kind = parsePointKind(text);
    cache.set(text, kind);
  }
  if (kind !== undefined) return kind;
  issues.push(makeIssue(file, "warning", "kind_unknown", domainMessage("points.kind_unknown_csv", { text: text.trim() }), { row, column }));
  return "other";
}
