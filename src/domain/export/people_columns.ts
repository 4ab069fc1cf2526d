/**
 * The point list for people: the same rows as the machine export (export_columns.ts), with headers and values a
 * reader understands — "Loại: Thôn/bản", "Trạng thái: Chưa có sóng 4G", "Sĩ số", "Tỉnh" beside "Xã", dates as
 * dd/mm/yyyy — in Vietnamese or English. The machine export stays as it is: its snake_case headers and codes
 * are what re-import reads (points_round_trip.test.ts); this one is for reading, printing and forwarding.
 *
 * The columns are derived from the machine columns (exportColumns), so what the app and the CLI already know
 * about a file — its extra columns, whether nearest_km was measured — carries over, and a streaming writer can fix
 * them before the first row.
 */
import type { CoverageLayerInfo, Language, PointKind, Technology } from "../types.ts";
import type { ExportRow, ExportValue } from "./export_columns.ts";
import { countColumnRole, pointCount } from "../planning/point_weights.ts";
import { domainMessage } from "../messages/message.ts";

/** Who a point export is for: `machine` (snake_case, re-imports) or `people` (translated headers and values). */
export type ExportAudience = "machine" | "people";

/** What the people's columns need besides the rows. */
export interface PeopleExportOptions {
  language: Language;
  /** The minimum technology that counts: the status then reads "Chưa có sóng 4G" rather than "Chưa có sóng". */
  minTechnology?: Technology;
  /** The date(s) of the coverage that counts, from coverageAsOfText; adds a "Vùng phủ tính đến ngày" column when not empty. */
  coverageAsOf?: string;
}

/** One column of the people's export. */
export interface PeopleColumn {
  /** The header, in the export's language. */
  header: string;
  /** Whether the value is a number (an .xlsx number cell); otherwise it is text. */
  numeric: boolean;
  value(row: ExportRow): ExportValue;
}

type Words = Record<Language, string>;

/**
 * The kind of a point in words.
 * @param kind - the point's kind
 * @param language - the language
 * @returns "Thôn/bản", "Trường", "Điểm trường"…
 */
export function peopleKindLabel(kind: PointKind, language: Language): string {
  return domainMessage(`people.kind_${kind}`)[language];
}

/**
 * The status in words, naming the technology that counts when there is a minimum.
 * @param status - `uncovered`, `single_carrier` or `covered` (the machine export's `status`)
 * @param language - the language
 * @param minTechnology - the minimum technology, if any
 * @returns e.g. "Chưa có sóng 4G", "Chỉ một nhà mạng có sóng", "Covered"; an unknown status is returned as it is
 */
export function peopleStatusLabel(status: string, language: Language, minTechnology?: Technology): string {
  if (status !== "uncovered" && status !== "single_carrier" && status !== "covered") return status;
  const message = minTechnology ? domainMessage(`people.status_${status}_at`, { technology: minTechnology }) : domainMessage(`people.status_${status}`);
  return message[language];
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/;

/**
 * A day as people write it in Viet Nam: dd/mm/yyyy. A text that is not an ISO day (YYYY-MM-DD, optionally
 * followed by a time) is returned unchanged: this never guesses.
 * @param text - e.g. "2026-11-15"
 * @returns e.g. "15/11/2026"
 */
export function peopleDate(text: string): string {
  const match = ISO_DAY.exec(text);
  if (!match) return text;
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return text;
  return `${match[3]}/${match[2]}/${match[1]}`;
}

/**
 * The date(s) of the coverage that counts under a filter, for the "Vùng phủ tính đến ngày" column: one day when
 * every counted layer has the same as_of, otherwise the earliest and the latest ("30/06/2026 – 15/11/2026").
 * @param layers - the analysed layers (CoverageAnalysis.layers)
 * @param counted - per layer, whether it counts (countedLayers(…).counted)
 * @returns the text, "" when no counted layer is dated
 */
export function coverageAsOfText(layers: readonly CoverageLayerInfo[], counted: readonly boolean[]): string {
  const days = layers.filter((layer, index) => counted[index] && layer.asOf !== null).map((layer) => (layer.asOf as string).slice(0, 10));
  if (days.length === 0) return "";
  days.sort();
  const first = peopleDate(days[0]);
  const last = peopleDate(days[days.length - 1]);
  return first === last ? first : `${first} – ${last}`;
}

/** A list written "A; B" by the machine export, for people: "A, B", or "Không có" when empty. */
function listText(value: ExportValue, language: Language): string {
  const text = value === null ? "" : String(value);
  return text === "" ? domainMessage("people.none")[language] : text.split("; ").join(", ");
}

/** A number cell from a machine value: numbers stay numbers, "" and null are empty. */
function numberValue(value: ExportValue): ExportValue {
  if (value === null || value === "") return null;
  return value;
}

interface Known {
  source: string;
  header: Words;
  numeric?: true;
  value(row: ExportRow, options: PeopleExportOptions): ExportValue;
}

/** The people's columns, in the order they are written, each from one machine column. */
const KNOWN: readonly Known[] = [
  { source: "name", header: { vi: "Tên", en: "Name" }, value: (row) => row.point.name },
  { source: "kind", header: { vi: "Loại", en: "Kind" }, value: (row, options) => peopleKindLabel(row.point.kind, options.language) },
  {
    source: "status",
    header: { vi: "Trạng thái", en: "Status" },
    value: (row, options) => peopleStatusLabel(String(row.computed.status ?? ""), options.language, options.minTechnology),
  },
  {
    source: "carriers",
    header: { vi: "Nhà mạng có sóng", en: "Carriers with signal" },
    value: (row, options) => listText(row.computed.carriers ?? null, options.language),
  },
  {
    source: "best_technology",
    header: { vi: "Công nghệ tốt nhất", en: "Best technology" },
    value: (row) => (row.computed.best_technology === undefined || row.computed.best_technology === "" ? null : row.computed.best_technology),
  },
  // A list has one count read as the weight and perhaps a second count column: pointCount reads both (point_weights.ts).
  { source: "weight", header: { vi: "Sĩ số", en: "Pupils" }, numeric: true, value: (row) => pointCount(row.point, "pupils") },
  { source: "weight", header: { vi: "Số hộ", en: "Households" }, numeric: true, value: (row) => pointCount(row.point, "households") },
  { source: "commune", header: { vi: "Xã", en: "Commune" }, value: (row) => row.point.communeName ?? null },
  { source: "province", header: { vi: "Tỉnh", en: "Province" }, value: (row) => row.point.provinceName ?? null },
  {
    source: "nearest_carrier",
    header: { vi: "Nhà mạng gần nhất (chưa phủ)", en: "Nearest carrier (not covering)" },
    value: (row) => (row.computed.nearest_carrier === "" ? null : (row.computed.nearest_carrier ?? null)),
  },
  {
    source: "nearest_km",
    header: { vi: "Cách vùng phủ đó (km)", en: "Distance to that coverage (km)" },
    numeric: true,
    value: (row) => numberValue(row.computed.nearest_km ?? null),
  },
  {
    source: "covered_by",
    header: { vi: "Sóng hiện có (mọi công nghệ)", en: "Signal present (any technology)" },
    value: (row, options) => listText(row.computed.covered_by ?? null, options.language),
  },
  { source: "lon", header: { vi: "Kinh độ", en: "Longitude" }, numeric: true, value: (row) => row.point.lon },
  { source: "lat", header: { vi: "Vĩ độ", en: "Latitude" }, numeric: true, value: (row) => row.point.lat },
  { source: "id", header: { vi: "Mã điểm", en: "Point ID" }, value: (row) => row.point.id },
  { source: "parent_id", header: { vi: "Thuộc trường (mã)", en: "Part of school (ID)" }, value: (row) => row.point.parentId ?? null },
  { source: "commune_code", header: { vi: "Mã xã", en: "Commune code" }, value: (row) => row.point.communeCode ?? null },
  { source: "province_code", header: { vi: "Mã tỉnh", en: "Province code" }, value: (row) => row.point.provinceCode ?? null },
  {
    source: "province_listed",
    header: { vi: "Tỉnh ghi trong danh sách gốc", en: "Province as listed" },
    value: (row) => (row.computed.province_listed === "" ? null : (row.computed.province_listed ?? null)),
  },
];

const KNOWN_SOURCES = new Set(KNOWN.map((column) => column.source));

/**
 * The people's columns for a machine export's columns: the known ones translated, in reading order (name, kind,
 * status, carriers, pupils and households, commune beside province…), the coverage date when given, then every
 * extra column of the imported file under its own header, an ISO day in it written dd/mm/yyyy (a pupils or households
 * column is already in Sĩ số / Số hộ).
 * @param machineColumns - the columns of the machine export (exportColumns, or the CLI's probed header)
 * @param options - the language, the minimum technology, the coverage date
 * @returns the columns
 * @example
 * ```ts
 * const columns = peopleColumns(exportColumns(rows), { language: "vi", minTechnology: "4G" });
 * columns.map((column) => column.header); // ["Tên", "Loại", "Trạng thái", …]
 * ```
 */
export function peopleColumns(machineColumns: readonly string[], options: PeopleExportOptions): PeopleColumn[] {
  const present = new Set(machineColumns);
  const columns: PeopleColumn[] = [];
  for (const known of KNOWN) {
    if (!present.has(known.source)) continue;
    columns.push({ header: known.header[options.language], numeric: known.numeric === true, value: (row) => known.value(row, options) });
    if (known.source === "covered_by" && options.coverageAsOf) {
      const text = options.coverageAsOf;
      columns.push({ header: domainMessage("people.coverage_as_of")[options.language], numeric: false, value: () => text });
    }
  }
  const taken = new Set(columns.map((column) => column.header));
  for (const name of machineColumns) {
    if (KNOWN_SOURCES.has(name) || (present.has("weight") && countColumnRole(name) !== null)) continue;
    // An imported column named like one of ours ("Tên") keeps its data under a header that says where it came from.
    let header = name;
    while (taken.has(header)) header = `${header} ${domainMessage("people.from_source_file")[options.language]}`;
    taken.add(header);
    columns.push({
      header,
      numeric: false,
      value: (row) => {
        const value = Object.hasOwn(row.computed, name) ? row.computed[name] : Object.hasOwn(row.point.extra, name) ? row.point.extra[name] : null;
        return typeof value === "string" ? peopleDate(value) : (value ?? null);
      },
    });
  }
  return columns;
}
