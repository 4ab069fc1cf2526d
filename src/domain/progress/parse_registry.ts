/**
 * Importing the registry (the published list of dead zones) from CSV or GeoJSON, with the same rules and
 * report as point lists: encodings, delimiters, decimal commas, Vietnamese headers, row-level issues.
 */
import { emptyReport, type ImportIssue, type ImportReport, type ImportResult } from "../issues.ts";
import type { Message, Point, PointKind } from "../types.ts";
import { inputToText } from "../parse/decode_text.ts";
import { LATITUDE_ALIASES, LONGITUDE_ALIASES, findColumn } from "../parse/find_column.ts";
import { addIssues, makeIssue } from "../parse/import_issue.ts";
import { parseCoordinate, parseNumber } from "../parse/parse_number.ts";
import { checkPointPosition, swappedMessage } from "../parse/point_checks.ts";
import { parsePointKind } from "../parse/point_kind.ts";
import { readCsvTable, type CsvDelimiter } from "../parse/read_csv_table.ts";
import { isKmlInput, readKml } from "../parse/read_kml.ts";
import { canonicalCarrier } from "./carriers.ts";
import { parseFlexibleDate } from "./dates.ts";
import type { ListedPoint } from "./registry.ts";

/** Registry columns and the headers accepted for each (English, Vietnamese, without tones). */
export const REGISTRY_COLUMN_ALIASES = {
  id: ["id", "mã", "ma", "mã lõm sóng", "mã danh sách", "code", "stt"],
  name: ["name", "tên", "tên điểm", "ten", "ten diem"],
  kind: ["kind", "loại", "loại điểm", "loai", "type"],
  pointId: ["point_id", "mã điểm", "ma diem"],
  provinceCode: ["province_code", "mã tỉnh"],
  province: ["province", "province_name", "tỉnh", "tinh", "tỉnh/thành phố"],
  communeCode: ["commune_code", "mã xã"],
  commune: ["commune", "commune_name", "xã", "xa", "phường", "xã/phường"],
  carrier: ["carrier", "nhà mạng", "nha mang", "doanh nghiệp", "doanh nghiệp viễn thông"],
  deadline: ["deadline", "hạn hoàn thành", "hạn", "thời hạn", "han", "han hoan thanh"],
  priority: ["priority", "ưu tiên", "mức ưu tiên", "uu tien"],
  note: ["note", "ghi chú", "ghi chu"],
} as const satisfies Record<string, readonly string[]>;

type RegistryField = keyof typeof REGISTRY_COLUMN_ALIASES;
const FIELDS = Object.keys(REGISTRY_COLUMN_ALIASES) as RegistryField[];

export interface RegistryImportOptions {
  /** File name shown in the report. */
  file: string;
  /** Loaded points, so a row may give `point_id` instead of coordinates. */
  points?: readonly Point[];
  /** Forces the CSV delimiter. */
  delimiter?: CsvDelimiter;
}

/** The raw values of one row or feature, before checks. */
interface RawEntry {
  fields: Partial<Record<RegistryField, string>>;
  lon?: string | number;
  lat?: string | number;
  extra: Record<string, string>;
}

/**
 * Reads a registry CSV: id, name, kind, lon/lat (or point_id naming a loaded point), province, commune,
 * carrier, deadline (YYYY-MM-DD or DD/MM/YYYY), priority, note; Vietnamese headers accepted.
 * A row without id, carrier or location is rejected; an unreadable deadline or kind is a warning.
 * @param input - CSV text or bytes
 * @param options - file name, loaded points, delimiter
 * @returns the listed points and the row-by-row report
 * @example
 * ```ts
 * const { items, report } = parseRegistryCsv("mã;tên;kinh độ;vĩ độ;nhà mạng;hạn hoàn thành\nLS-1;Bản Mới;104,1;22,3;viettel;30/09/2026\n", { file: "danh-sach.csv" });
 * // items[0].carrier === "Viettel", items[0].deadline === "2026-09-30"
 * ```
 */
export function parseRegistryCsv(input: string | Uint8Array, options: RegistryImportOptions): ImportResult<ListedPoint> {
  const table = readCsvTable(input, { file: options.file, delimiter: options.delimiter });
  const report = emptyReport(options.file, "registry");
  addIssues(report, table.issues);
  const lonColumn = findColumn(table.header, LONGITUDE_ALIASES);
  const latColumn = findColumn(table.header, LATITUDE_ALIASES);
  report.detected = { encoding: table.encoding, delimiter: table.delimiter, columns: table.header, lonColumn, latColumn };
  if (table.header.length === 0) return { items: [], report };
  const columns = new Map<RegistryField, number>();
  for (const field of FIELDS) {
    const name = findColumn(table.header, REGISTRY_COLUMN_ALIASES[field]);
    if (name !== undefined && name !== lonColumn && name !== latColumn) columns.set(field, table.header.indexOf(name));
  }
  // "mã" alone may be the point id column when the file has both; the more specific alias wins for pointId.
  if (columns.get("id") !== undefined && columns.get("id") === columns.get("pointId")) columns.delete("id");
  const missing = [
    columns.has("id") ? null : "id",
    columns.has("carrier") ? null : "carrier",
    (lonColumn && latColumn) || columns.has("pointId") ? null : "lon, lat / point_id",
  ].filter((name) => name !== null);
  if (missing.length > 0) {
    addIssues(report, [
      makeIssue(options.file, "error", "columns_missing", {
        vi: `thiếu cột bắt buộc: ${missing.join("; ")} (tiêu đề tìm thấy: ${table.header.join(", ") || "không có"})`,
        en: `required columns missing: ${missing.join("; ")} (headers found: ${table.header.join(", ") || "none"})`,
      }),
    ]);
    report.read = table.rows.length;
    report.rejected = table.rows.length;
    return { items: [], report };
  }
  const used = new Set<number>([...columns.values(), table.header.indexOf(lonColumn ?? "\u0000"), table.header.indexOf(latColumn ?? "\u0000")]);
  const entries = table.rows.map((cells, index) => {
    const fields: RawEntry["fields"] = {};
    for (const [field, position] of columns) fields[field] = (cells[position] ?? "").trim();
    const extra: Record<string, string> = {};
    table.header.forEach((name, position) => {
      if (!used.has(position)) extra[name] = cells[position] ?? "";
    });
    const entry: RawEntry = { fields, extra };
    if (lonColumn) entry.lon = cells[table.header.indexOf(lonColumn)] ?? "";
    if (latColumn) entry.lat = cells[table.header.indexOf(latColumn)] ?? "";
    return { row: table.rowNumbers[index], entry };
  });
  return buildRegistry(entries, options, report, "row");
}

/**
 * Reads a registry GeoJSON: a FeatureCollection of Point features (or features with a null geometry and a
 * point_id property) whose properties carry the registry columns. KML and KMZ are read as GeoJSON (read_kml.ts).
 * @param input - GeoJSON text, bytes or an already parsed object
 * @param options - file name and loaded points
 * @returns the listed points and the report (issues located by featureIndex)
 */
export function parseRegistryGeojson(input: string | Uint8Array | object, options: RegistryImportOptions): ImportResult<ListedPoint> {
  const report = emptyReport(options.file, "registry");
  let data: unknown = input;
  if ((typeof input === "string" || input instanceof Uint8Array) && isKmlInput(options.file, input)) {
    // A list kept in Google Earth: one Placemark per listed point, the columns in its ExtendedData.
    const kml = readKml(input);
    if (!kml.ok) {
      addIssues(report, [makeIssue(options.file, "error", kml.error.code, kml.error.message)]);
      return { items: [], report };
    }
    data = kml.value;
  } else if (typeof input === "string" || input instanceof Uint8Array) {
    const decoded = inputToText(input);
    report.detected = { encoding: decoded.encoding };
    try {
      data = JSON.parse(decoded.text);
    } catch (error) {
      addIssues(report, [makeIssue(options.file, "error", "json_invalid", { vi: `không đọc được JSON (${(error as Error).message})`, en: `not valid JSON (${(error as Error).message})` })]);
      return { items: [], report };
    }
  }
  const features = (data as { type?: unknown; features?: unknown }).features;
  if ((data as { type?: unknown }).type !== "FeatureCollection" || !Array.isArray(features)) {
    addIssues(report, [makeIssue(options.file, "error", "not_feature_collection", { vi: "tệp không phải là GeoJSON FeatureCollection", en: "the file is not a GeoJSON FeatureCollection" })]);
    return { items: [], report };
  }
  const entries = features.map((feature: unknown, index: number) => {
    const properties = ((feature as { properties?: unknown })?.properties ?? {}) as Record<string, unknown>;
    const keys = Object.keys(properties);
    const fields: RawEntry["fields"] = {};
    const used = new Set<string>();
    for (const field of FIELDS) {
      const key = findColumn(keys, REGISTRY_COLUMN_ALIASES[field]);
      if (key === undefined || (field === "id" && key === findColumn(keys, REGISTRY_COLUMN_ALIASES.pointId))) continue;
      const value = properties[key];
      if (value !== null && value !== undefined) fields[field] = String(value).trim();
      used.add(key);
    }
    const extra: Record<string, string> = {};
    for (const key of keys) if (!used.has(key) && properties[key] !== null && typeof properties[key] !== "object") extra[key] = String(properties[key]);
    const geometry = (feature as { geometry?: { type?: unknown; coordinates?: unknown } })?.geometry;
    const entry: RawEntry = { fields, extra };
    if (geometry && geometry.type === "Point" && Array.isArray(geometry.coordinates)) {
      entry.lon = Number(geometry.coordinates[0]);
      entry.lat = Number(geometry.coordinates[1]);
    }
    return { row: index, entry };
  });
  return buildRegistry(entries, options, report, "featureIndex");
}

function buildRegistry(
  entries: readonly { row: number; entry: RawEntry }[],
  options: RegistryImportOptions,
  report: ImportReport,
  locate: "row" | "featureIndex",
): ImportResult<ListedPoint> {
  const pointsById = new Map<string, Point>();
  for (const point of options.points ?? []) pointsById.set(point.id, point);
  const seen = new Set<string>();
  const items: ListedPoint[] = [];
  for (const { row, entry } of entries) {
    report.read++;
    const issues: ImportIssue[] = [];
    const where = locate === "row" ? { row } : { featureIndex: row };
    const error = (code: string, message: Message, column?: string) => issues.push(makeIssue(options.file, "error", code, message, { ...where, column }));
    const warning = (code: string, message: Message, column?: string) => issues.push(makeIssue(options.file, "warning", code, message, { ...where, column }));
    const fields = entry.fields;
    const id = fields.id ?? "";
    if (!id) error("id_missing", { vi: "thiếu mã", en: "the id is missing" }, "id");
    else if (seen.has(id)) error("id_duplicate", { vi: `mã "${id}" bị trùng với một dòng trước`, en: `id "${id}" repeats an earlier row` }, "id");
    const carrier = fields.carrier ? canonicalCarrier(fields.carrier) : "";
    if (!carrier) error("carrier_missing", { vi: "thiếu nhà mạng được giao", en: "the assigned carrier is missing" }, "carrier");
    const linked = fields.pointId ? pointsById.get(fields.pointId) : undefined;
    const position = readPosition(entry, linked, fields.pointId, options, error, warning);
    let deadline: string | null = null;
    if (fields.deadline) {
      deadline = parseFlexibleDate(fields.deadline);
      if (!deadline) warning("deadline_invalid", { vi: `hạn "${fields.deadline}" không đọc được (YYYY-MM-DD hoặc DD/MM/YYYY); để trống`, en: `deadline "${fields.deadline}" is unreadable (YYYY-MM-DD or DD/MM/YYYY); left empty` }, "deadline");
    } else {
      warning("deadline_missing", { vi: "thiếu hạn hoàn thành: điểm này sẽ không bao giờ bị tính là quá hạn", en: "no deadline: this point will never count as overdue" }, "deadline");
    }
    let kind: PointKind = linked?.kind ?? "other";
    if (fields.kind) {
      const parsed = parsePointKind(fields.kind);
      if (parsed) kind = parsed;
      else warning("kind_unknown", { vi: `loại "${fields.kind}" không rõ; ghi là "other"`, en: `kind "${fields.kind}" is not recognised; recorded as "other"` }, "kind");
    }
    let priority: number | undefined;
    if (fields.priority) {
      const value = parseNumber(fields.priority);
      if (value === null) warning("priority_invalid", { vi: `mức ưu tiên "${fields.priority}" không phải là số; bỏ qua`, en: `priority "${fields.priority}" is not a number; ignored` }, "priority");
      else priority = value;
    }
    if (issues.some((issue) => issue.severity === "error") || !position) {
      report.rejected++;
      addIssues(report, issues);
      continue;
    }
    seen.add(id);
    const point: ListedPoint = {
      id,
      name: fields.name || linked?.name || "",
      kind,
      lon: position.lon,
      lat: position.lat,
      carrier,
      deadline,
      source: { file: options.file, row },
      extra: entry.extra,
    };
    const optional = {
      pointId: fields.pointId,
      provinceCode: fields.provinceCode || linked?.provinceCode,
      province: fields.province || linked?.provinceName,
      communeCode: fields.communeCode || linked?.communeCode,
      commune: fields.commune || linked?.communeName,
      note: fields.note,
    };
    for (const [key, value] of Object.entries(optional)) if (value) (point as unknown as Record<string, string>)[key] = value;
    if (priority !== undefined) point.priority = priority;
    items.push(point);
    report.accepted++;
    addIssues(report, issues);
  }
  return { items, report };
}

function readPosition(
  entry: RawEntry,
  linked: Point | undefined,
  pointId: string | undefined,
  options: RegistryImportOptions,
  error: (code: string, message: Message, column?: string) => void,
  warning: (code: string, message: Message, column?: string) => void,
): { lon: number; lat: number } | null {
  const read = (value: string | number | undefined) => (typeof value === "number" ? (Number.isFinite(value) ? value : null) : value ? parseCoordinate(value) : null);
  const lon = read(entry.lon);
  const lat = read(entry.lat);
  if (lon !== null && lat !== null) {
    const check = checkPointPosition(lon, lat);
    if (!check.ok) {
      error(check.code, check.message);
      return null;
    }
    if (check.swapped) warning("lat_lon_swapped", swappedMessage(check.lon, check.lat));
    return { lon: check.lon, lat: check.lat };
  }
  if (linked) return { lon: linked.lon, lat: linked.lat };
  if (pointId) {
    error(
      "point_not_found",
      options.points && options.points.length > 0
        ? { vi: `mã điểm "${pointId}" không có trong danh sách điểm đã nạp, và dòng không có toạ độ`, en: `point id "${pointId}" is not among the loaded points, and the row has no coordinates` }
        : { vi: `dòng chỉ có mã điểm "${pointId}" mà chưa nạp danh sách điểm; hãy nạp danh sách điểm hoặc ghi toạ độ`, en: `the row gives only point id "${pointId}" but no point list is loaded; load the points or give coordinates` },
      "point_id",
    );
    return null;
  }
  const typed = entry.lon !== undefined && entry.lon !== "" ? "coordinates_invalid" : "location_missing";
  error(
    typed,
    typed === "coordinates_invalid"
      ? { vi: `toạ độ "${entry.lon}; ${entry.lat}" không đọc được`, en: `coordinates "${entry.lon}; ${entry.lat}" are unreadable` }
      : { vi: "thiếu vị trí: không có toạ độ và không có mã điểm", en: "no location: neither coordinates nor a point id" },
  );
  return null;
}
