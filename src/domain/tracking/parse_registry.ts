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
import { readCsvTable, type CsvDelimiter, type CsvTable } from "../parse/read_csv_table.ts";
import { isKmlInput, readKml } from "../parse/read_kml.ts";
import { canonicalCarrier } from "./carriers.ts";
import { checkCommune, communeCheckIssue, provinceCodes, type CommuneCrosswalk } from "./commune_crosswalk.ts";
import { parseDeadline } from "./deadline.ts";
import { createNameLocator, type NameCandidate, type NameLocator } from "./locate_by_name.ts";
import { placeNameKey, unitNameKey } from "./place_names.ts";
import type { ListedPoint } from "./registry.ts";
import { domainMessage } from "../messages/message.ts";

/** Registry columns and the headers accepted for each (English, Vietnamese, without tones). */
export const REGISTRY_COLUMN_ALIASES = {
  id: ["id", "mã", "ma", "mã lõm sóng", "mã danh sách", "code"],
  stt: ["stt", "số tt", "số thứ tự", "tt"],
  name: [
    "name",
    "tên",
    "tên điểm",
    "ten",
    "ten diem",
    "tên thôn/bản",
    "tên thôn, bản",
    "thôn/bản",
    "thôn, bản",
    "tên thôn",
    "tên bản",
    "thôn",
    "bản",
    "tên điểm lõm sóng",
    "điểm lõm sóng",
    "tên điểm trường",
    "tên trường",
    "địa điểm",
  ],
  kind: ["kind", "loại", "loại điểm", "loai", "type"],
  pointId: ["point_id", "mã điểm", "ma diem"],
  provinceCode: ["province_code", "mã tỉnh"],
  province: ["province", "province_name", "tỉnh", "tinh", "tỉnh/thành phố"],
  communeCode: ["commune_code", "mã xã"],
  commune: ["commune", "commune_name", "xã", "xa", "phường", "xã/phường", "xã, phường", "xã/phường/thị trấn", "tên xã"],
  district: ["district", "huyện", "quận/huyện", "quận, huyện", "huyện/thị xã", "huyện, thị xã", "huyện/thị xã/thành phố", "tên huyện"],
  carrier: [
    "carrier",
    "nhà mạng",
    "nha mang",
    "doanh nghiệp",
    "doanh nghiệp viễn thông",
    "doanh nghiệp thực hiện",
    "đơn vị thực hiện",
    "doanh nghiệp được giao",
    "đơn vị được giao",
    "doanh nghiệp phụ trách",
  ],
  deadline: ["deadline", "hạn hoàn thành", "hạn", "thời hạn", "han", "han hoan thanh", "thời gian hoàn thành", "thời hạn hoàn thành"],
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
  /** The 2025 commune list: commune names are checked against it and pre-2025 communes mapped (commune_crosswalk.ts). */
  communes?: CommuneCrosswalk;
  /** Points chosen earlier for rows that could not be located by name: `registryRowKey` → point id. */
  choices?: Readonly<Record<string, string>>;
}

/** A row that names its place but could not be linked to one loaded point: for a person to choose. */
export interface UnlocatedRow {
  file: string;
  row: number;
  /** `registryRowKey` of the row: a choice is remembered under it. */
  key: string;
  reason: "ambiguous" | "none";
  name: string;
  commune: string;
  province: string;
  /** The most alike loaded points, best first. */
  candidates: NameCandidate[];
  /** The listed point, complete but for its position (and its id, "" when the point's id is to be used). */
  draft: Omit<ListedPoint, "lon" | "lat">;
}

/** A registry import: the listed points, the rows left to locate, and the report. */
export interface RegistryImportResult extends ImportResult<ListedPoint> {
  unlocated: UnlocatedRow[];
}

/**
 * The key under which a choice for a row is remembered: its place name, commune and province, folded.
 * @param place - the row's name, commune and province as written
 * @returns the key
 */
export function registryRowKey(place: { name: string; commune?: string; province?: string }): string {
  return [placeNameKey(place.name), unitNameKey(place.commune ?? ""), unitNameKey(place.province ?? "")].join("|");
}

/**
 * Places an unlocated row on a chosen point: the listed point takes the point's position and, when the list
 * gave no id, the point's id.
 * @param row - the row
 * @param point - the chosen point (one of its candidates, or any loaded point)
 * @returns the listed point
 */
export function placeUnlocatedRow(row: UnlocatedRow, point: { id: string; lon: number; lat: number }): ListedPoint {
  return { ...row.draft, id: row.draft.id || point.id, pointId: point.id, lon: point.lon, lat: point.lat, locatedBy: "choice" };
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
export function parseRegistryCsv(input: string | Uint8Array, options: RegistryImportOptions): RegistryImportResult {
  const table = skipTitleRows(readCsvTable(input, { file: options.file, delimiter: options.delimiter }), options.file);
  const report = emptyReport(options.file, "registry");
  addIssues(report, table.issues);
  const lonColumn = findColumn(table.header, LONGITUDE_ALIASES);
  const latColumn = findColumn(table.header, LATITUDE_ALIASES);
  report.detected = { encoding: table.encoding, delimiter: table.delimiter, columns: table.header, lonColumn, latColumn };
  if (table.header.length === 0) return { items: [], report, unlocated: [] };
  const columns = new Map<RegistryField, number>();
  for (const field of FIELDS) {
    const name = findColumn(table.header, REGISTRY_COLUMN_ALIASES[field]);
    if (name !== undefined && name !== lonColumn && name !== latColumn) columns.set(field, table.header.indexOf(name));
  }
  // "mã" alone may be the point id column when the file has both; the more specific alias wins for pointId.
  if (columns.get("id") !== undefined && columns.get("id") === columns.get("pointId")) columns.delete("id");
  const missing = [
    columns.has("carrier") ? null : "carrier",
    (lonColumn && latColumn) || columns.has("pointId") || columns.has("name") ? null : "lon, lat / point_id / name",
  ].filter((name) => name !== null);
  if (missing.length > 0) {
    addIssues(report, [
      makeIssue(
        options.file,
        "error",
        "columns_missing",
        domainMessage("tracking.columns_missing", { columns: missing.join("; "), headers: table.header.join(", ") || domainMessage("common.none") }),
      ),
    ]);
    report.read = table.rows.length;
    report.rejected = table.rows.length;
    return { items: [], report, unlocated: [] };
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

/** How far down a list's title and date lines may push its header row. */
const TITLE_ROWS = 10;

/**
 * A list as a department saves it often starts with a title ("DANH SÁCH ĐIỂM LÕM SÓNG…") above the table. When the
 * first line has no carrier column but one of the next lines has a carrier column and a name or location column,
 * that line is the header: the lines above it are dropped (a warning says so), and rows are numbered from it
 * (row N is the Nth row below the header, as always).
 */
function skipTitleRows(table: CsvTable, file: string): CsvTable {
  const isHeader = (cells: readonly string[]) => {
    const trimmed = cells.map((cell) => cell.trim());
    return (
      findColumn(trimmed, REGISTRY_COLUMN_ALIASES.carrier) !== undefined &&
      (findColumn(trimmed, REGISTRY_COLUMN_ALIASES.name) !== undefined ||
        findColumn(trimmed, REGISTRY_COLUMN_ALIASES.pointId) !== undefined ||
        findColumn(trimmed, LONGITUDE_ALIASES) !== undefined)
    );
  };
  if (table.header.length === 0 || isHeader(table.header)) return table;
  const index = table.rows.slice(0, TITLE_ROWS).findIndex(isHeader);
  if (index < 0) return table;
  const base = table.rowNumbers[index];
  const header = table.rows[index].map((cell) => cell.trim());
  const titleLines = [table.header, ...table.rows.slice(0, index)].map((cells) => cells.filter((cell) => cell.trim() !== "").join(" ")).filter(Boolean);
  return {
    ...table,
    header,
    rows: table.rows.slice(index + 1),
    rowNumbers: table.rowNumbers.slice(index + 1).map((row) => row - base),
    // Cell counts were measured against the title line: drop those warnings.
    issues: [
      ...table.issues.filter((issue) => issue.code !== "csv_extra_cells"),
      makeIssue(file, "warning", "title_rows_skipped", domainMessage("registry.title_rows_skipped", { base: base + 1, titleLines: titleLines.join(" / ") })),
    ],
  };
}

/**
 * Reads a registry GeoJSON: a FeatureCollection of Point features (or features with a null geometry and a
 * point_id property) whose properties carry the registry columns. KML and KMZ are read as GeoJSON (read_kml.ts).
 * @param input - GeoJSON text, bytes or an already parsed object
 * @param options - file name and loaded points
 * @returns the listed points and the report (issues located by featureIndex)
 */
export function parseRegistryGeojson(input: string | Uint8Array | object, options: RegistryImportOptions): RegistryImportResult {
  const report = emptyReport(options.file, "registry");
  let data: unknown = input;
  if ((typeof input === "string" || input instanceof Uint8Array) && isKmlInput(options.file, input)) {
    // A list kept in Google Earth: one Placemark per listed point, the columns in its ExtendedData.
    const kml = readKml(input);
    if (!kml.ok) {
      addIssues(report, [makeIssue(options.file, "error", kml.error.code, kml.error.message)]);
      return { items: [], report, unlocated: [] };
    }
    data = kml.value;
  } else if (typeof input === "string" || input instanceof Uint8Array) {
    const decoded = inputToText(input);
    report.detected = { encoding: decoded.encoding };
    try {
      data = JSON.parse(decoded.text);
    } catch (error) {
      addIssues(report, [makeIssue(options.file, "error", "json_invalid", domainMessage("tracking.json_invalid", { message: (error as Error).message }))]);
      return { items: [], report, unlocated: [] };
    }
  }
  const features = (data as { type?: unknown; features?: unknown }).features;
  if ((data as { type?: unknown }).type !== "FeatureCollection" || !Array.isArray(features)) {
    addIssues(report, [makeIssue(options.file, "error", "not_feature_collection", domainMessage("registry.not_feature_collection"))]);
    return { items: [], report, unlocated: [] };
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

/** A listed point built from a row, before its position (and maybe its id) is known. */
type Draft = Omit<ListedPoint, "lon" | "lat">;

function buildRegistry(
  entries: readonly { row: number; entry: RawEntry }[],
  options: RegistryImportOptions,
  report: ImportReport,
  locate: "row" | "featureIndex",
): RegistryImportResult {
  const pointsById = new Map<string, Point>();
  for (const point of options.points ?? []) if (!pointsById.has(point.id)) pointsById.set(point.id, point);
  let locator: NameLocator | null = null;
  const nameLocator = () => (locator ??= createNameLocator(options.points ?? []));
  const seen = new Map<string, number>();
  const pointRows = new Map<string, number>();
  const items: ListedPoint[] = [];
  const unlocated: UnlocatedRow[] = [];
  const located = { coordinates: 0, pointId: 0, byName: 0, chosen: 0, notLocated: 0 };
  const hasIdColumn = entries.some(({ entry }) => entry.fields.id !== undefined);
  for (const { row, entry } of entries) {
    report.read++;
    const issues: ImportIssue[] = [];
    const where = locate === "row" ? { row } : { featureIndex: row };
    const error = (code: string, message: Message, column?: string) => issues.push(makeIssue(options.file, "error", code, message, { ...where, column }));
    const warning = (code: string, message: Message, column?: string) => issues.push(makeIssue(options.file, "warning", code, message, { ...where, column }));
    const fields = entry.fields;
    const carrier = fields.carrier ? canonicalCarrier(fields.carrier) : "";
    if (!carrier) error("carrier_missing", domainMessage("registry.carrier_missing"), "carrier");
    let deadline: string | null = null;
    if (fields.deadline) {
      const reading = parseDeadline(fields.deadline);
      if (!reading.ok) error("deadline_invalid", reading.message, "deadline");
      else {
        deadline = reading.date;
        if (reading.explanation) warning("deadline_read", reading.explanation, "deadline");
      }
    } else {
      warning("deadline_missing", domainMessage("registry.deadline_missing"), "deadline");
    }
    const place = checkPlace(fields, options, warning);
    const extra = { ...entry.extra, ...place.extra };
    const linked = fields.pointId ? pointsById.get(fields.pointId) : undefined;
    let kind: PointKind = linked?.kind ?? "other";
    let kindGiven = false;
    if (fields.kind) {
      const parsed = parsePointKind(fields.kind);
      if (parsed) {
        kind = parsed;
        kindGiven = true;
      } else warning("kind_unknown", domainMessage("registry.kind_unknown", { kind: fields.kind }), "kind");
    }
    let priority: number | undefined;
    if (fields.priority) {
      const value = parseNumber(fields.priority);
      if (value === null) warning("priority_invalid", domainMessage("registry.priority_invalid", { priority: fields.priority }), "priority");
      else priority = value;
    }
    const draft: Draft = {
      id: fields.id ?? "",
      name: fields.name ?? "",
      kind,
      carrier,
      deadline,
      source: { file: options.file, row },
      extra,
    };
    const optional = {
      stt: fields.stt,
      provinceCode: fields.provinceCode || place.provinceCode,
      province: place.province,
      district: fields.district,
      communeCode: fields.communeCode || place.communeCode,
      commune: place.commune,
      note: fields.note,
    };
    for (const [key, value] of Object.entries(optional)) if (value) (draft as unknown as Record<string, string>)[key] = value;
    if (priority !== undefined) draft.priority = priority;
    // The row's own link to a loaded point is kept even when its coordinates place it (the map rings that point).
    if (fields.pointId) draft.pointId = fields.pointId;

    // Where it is: coordinates, a point id, a remembered choice, or the name in its commune.
    const coordinates = readCoordinates(entry, error, warning);
    let position: { lon: number; lat: number } | null = typeof coordinates === "object" ? coordinates : null;
    let from: Point | undefined;
    let how: keyof typeof located | null = position ? "coordinates" : null;
    let unplaced: Omit<UnlocatedRow, "draft"> | null = null;
    if (position || coordinates === "refused") {
      // placed, or refused with its reason
    } else if (linked) {
      position = { lon: linked.lon, lat: linked.lat };
      from = linked;
      how = "pointId";
    } else if (coordinates === "unreadable") {
      error("coordinates_invalid", domainMessage("registry.coordinates_invalid", { lon: entry.lon ?? "", lat: entry.lat ?? "" }));
    } else if (fields.pointId) {
      error(
        "point_not_found",
        options.points && options.points.length > 0
          ? domainMessage("registry.point_id_unknown", { pointId: fields.pointId })
          : domainMessage("registry.point_id_without_points", { pointId: fields.pointId }),
        "point_id",
      );
    } else if (fields.name) {
      const key = registryRowKey({ name: fields.name, commune: fields.commune, province: fields.province });
      const chosen = options.choices?.[key];
      const chosenPoint = chosen !== undefined ? nameLocator().byId(chosen) : undefined;
      if (!options.points || options.points.length === 0) {
        error("points_needed", domainMessage("registry.points_needed", { name: fields.name }));
      } else if (chosenPoint) {
        position = { lon: chosenPoint.lon, lat: chosenPoint.lat };
        from = chosenPoint;
        how = "chosen";
        warning("located_by_choice", domainMessage("registry.located_by_choice", { id: chosenPoint.id, describePoint: describePoint(chosenPoint) }));
      } else {
        const match = nameLocator().locate({ name: fields.name, communes: place.communeNames, provinces: place.provinceNames });
        if (match.kind === "matched") {
          position = { lon: match.point.lon, lat: match.point.lat };
          from = match.point;
          how = "byName";
          warning("located_by_name", domainMessage("registry.located_by_name", { id: match.point.id, describePoint: describePoint(match.point) }));
        } else {
          const listed = match.candidates
            .map((candidate) => `${candidate.pointId} ${candidate.name}${candidate.commune ? `, ${candidate.commune}` : ""}`)
            .join("; ");
          const placeText = [fields.name, fields.commune, fields.province].filter(Boolean).join(", ");
          error(
            match.kind === "ambiguous" ? "not_located_ambiguous" : "not_located",
            match.kind === "ambiguous"
              ? domainMessage("registry.not_located_ambiguous", { placeText, listed })
              : domainMessage("registry.not_located", { placeText, listed: listed || domainMessage("common.none") }),
          );
          unplaced = {
            file: options.file,
            row,
            key,
            reason: match.kind,
            name: fields.name,
            commune: fields.commune ?? "",
            province: fields.province ?? "",
            candidates: match.candidates,
          };
        }
      }
    } else {
      error("location_missing", domainMessage("registry.location_missing"));
    }

    if (from) {
      if (!draft.name) draft.name = from.name;
      if (!kindGiven) draft.kind = from.kind;
      draft.pointId = from.id;
      if (!draft.provinceCode && from.provinceCode) draft.provinceCode = from.provinceCode;
      if (!draft.province && from.provinceName) draft.province = from.provinceName;
      if (!draft.communeCode && from.communeCode) draft.communeCode = from.communeCode;
      if (!draft.commune && from.communeName) draft.commune = from.communeName;
      if (how === "byName" || how === "chosen") draft.locatedBy = how === "byName" ? "name" : "choice";
      const earlier = pointRows.get(from.id);
      if (earlier !== undefined && hasIdColumn) warning("point_repeated", domainMessage("registry.same_point_as_row", { id: from.id, earlier }));
    }
    // The id: the list's own; in a list without ids, the linked point's, else the STT, else one made from the row.
    if (!hasIdColumn && !draft.id) {
      if (from) draft.id = from.id;
      else if (fields.stt) draft.id = fields.stt;
      else if (!unplaced) {
        draft.id = `${options.file.replace(/\.[^.]*$/, "")}-${row}`;
        warning("id_generated", domainMessage("registry.id_generated", { id: draft.id }), "id");
      }
    }
    const id = draft.id;
    // A row left to place takes its id from the point chosen later, unless the list gives one.
    if (!(unplaced && !hasIdColumn)) {
      if (!id) error("id_missing", domainMessage("registry.id_missing"), "id");
      else if (seen.has(id)) {
        const earlier = seen.get(id);
        error(
          "id_duplicate",
          from && !hasIdColumn
            ? domainMessage("registry.same_point_as_row", { id, earlier: String(earlier) })
            : domainMessage("registry.id_duplicate", { id, earlier: String(earlier) }),
          "id",
        );
      }
    }
    const rejected = issues.some((issue) => issue.severity === "error") || !position;
    addIssues(report, issues);
    if (rejected) {
      report.rejected++;
      // Only a row whose one problem is where it is can be placed by a person.
      if (unplaced && issues.filter((issue) => issue.severity === "error").length === 1) {
        unlocated.push({ ...unplaced, draft: { ...draft, id: hasIdColumn ? id : "" } });
        located.notLocated++;
      }
      continue;
    }
    seen.set(id, row);
    if (from) pointRows.set(from.id, row);
    if (how) located[how]++;
    items.push({ ...draft, lon: position!.lon, lat: position!.lat });
    report.accepted++;
  }
  if (located.byName + located.chosen + located.notLocated > 0) report.located = located;
  return { items, report, unlocated };
}

function describePoint(point: Point): string {
  return [point.name, point.communeName, point.provinceName].filter(Boolean).join(", ");
}

/** The row's commune and province checked against the 2025 list, and the names they may go by. */
function checkPlace(
  fields: RawEntry["fields"],
  options: RegistryImportOptions,
  warning: (code: string, message: Message, column?: string) => void,
): {
  commune?: string;
  communeCode?: string;
  province?: string;
  provinceCode?: string;
  communeNames: string[];
  provinceNames: string[];
  extra: Record<string, string>;
} {
  const commune = fields.commune || undefined;
  const province = fields.province || undefined;
  const result = {
    commune,
    province,
    communeCode: undefined as string | undefined,
    provinceCode: undefined as string | undefined,
    communeNames: commune ? [commune] : [],
    provinceNames: province ? [province] : [],
    extra: {} as Record<string, string>,
  };
  const crosswalk = options.communes;
  if (!crosswalk) return result;
  if (province) {
    const codes = provinceCodes(crosswalk, province);
    for (const code of codes) {
      const found = crosswalk.provinces.find((candidate) => candidate.code === code);
      if (found) result.provinceNames.push(found.name);
    }
    if (codes.length === 1) {
      const found = crosswalk.provinces.find((candidate) => candidate.code === codes[0]);
      if (found && unitNameKey(found.name) !== unitNameKey(province)) {
        warning("province_merged", domainMessage("registry.province_merged", { province, name: found.name }), "province");
        result.extra.province_listed = province;
        result.province = found.name;
      }
      if (found) result.provinceCode = found.code;
    } else if (codes.length === 0) {
      warning("province_unknown", domainMessage("registry.province_unknown", { province }), "province");
    }
  }
  if (!commune) return result;
  const check = checkCommune(crosswalk, { commune, district: fields.district, province });
  const issue = communeCheckIssue(commune, check);
  if (issue) warning(issue.code, issue.message, "commune");
  if (check.kind === "current" || check.kind === "merged") {
    if (check.kind === "merged") result.extra.commune_listed = commune;
    result.commune = check.commune.name;
    result.communeCode = check.commune.code;
    result.communeNames.push(check.commune.name);
    if (!result.province) result.province = check.commune.province;
    result.provinceCode ??= check.commune.provinceCode;
  } else if (check.kind === "ambiguous") {
    result.communeNames.push(...check.candidates.map((candidate) => candidate.name));
  }
  return result;
}

/** The row's own coordinates: a position, "refused" (outside Vietnam…, with its error), "unreadable", or null (none given). */
function readCoordinates(
  entry: RawEntry,
  error: (code: string, message: Message, column?: string) => void,
  warning: (code: string, message: Message, column?: string) => void,
): { lon: number; lat: number } | "refused" | "unreadable" | null {
  const read = (value: string | number | undefined) =>
    typeof value === "number" ? (Number.isFinite(value) ? value : null) : value ? parseCoordinate(value) : null;
  const lon = read(entry.lon);
  const lat = read(entry.lat);
  if (lon !== null && lat !== null) {
    const check = checkPointPosition(lon, lat);
    if (!check.ok) {
      error(check.code, check.message);
      return "refused";
    }
    if (check.swapped) warning("lat_lon_swapped", swappedMessage(check.lon, check.lat));
    return { lon: check.lon, lat: check.lat };
  }
  const given = (value: string | number | undefined) => value !== undefined && value !== "" && !(typeof value === "number" && Number.isNaN(value));
  return given(entry.lon) || given(entry.lat) ? "unreadable" : null;
}
