/**
 * What an uploaded file is, from its content: a point list, coverage, admin boundaries, a
 * registry of listed dead zones, carriers' updates, or a backup.
 */
import type { ImportKind } from "../issues.ts";
import type { Message } from "../types.ts";
import { guessCsvKind } from "./csv_kind.ts";
import { inputToText } from "./decode_text.ts";
import { describeJsonError, findProperty } from "./geojson_input.ts";
import { ADMIN_PROPERTY_ALIASES } from "./parse_admin_geojson.ts";
import { COVERAGE_PROPERTY_ALIASES } from "./parse_coverage_geojson.ts";
import { readCsvTable } from "./read_csv_table.ts";
import { isKmlInput, readKml } from "./read_kml.ts";
import { isOleBytes, isZipBytes } from "./read_xlsx.ts";
import { detectXlsxKind } from "./xlsx_import.ts";
import { WGS84 } from "../formats/crs.ts";
import { isShapefileZip, readShapefileZip } from "../formats/shapefile.ts";
import { hasXlsReader } from "../formats/xls.ts";

export type FileKind = ImportKind | "unknown";

const HEAD_CHARACTERS = 65_536;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function featuresOf(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.filter(isRecord);
  if (!isRecord(value)) return [];
  if (value.type === "FeatureCollection" && Array.isArray(value.features)) return value.features.filter(isRecord);
  if (value.type === "Feature") return [value];
  return [];
}

function detectJsonKind(value: unknown): FileKind {
  if (isRecord(value)) {
    if (value.format === "lom-song-backup") return "backup";
    if (value.format === "lom-song-updates") return "updates";
  }
  const features = featuresOf(value);
  let points = 0;
  let polygons = 0;
  let coverage = 0;
  let named = 0;
  let registry = 0;
  for (const feature of features) {
    const geometry = isRecord(feature.geometry) ? feature.geometry : {};
    const properties = isRecord(feature.properties) ? feature.properties : {};
    if (geometry.type === "Point" || geometry.type === "MultiPoint") {
      points++;
      if (findProperty(properties, ["carrier", "nhà mạng"]) && findProperty(properties, ["deadline", "hạn hoàn thành", "hạn"])) registry++;
    } else if (geometry.type === "Polygon" || geometry.type === "MultiPolygon") {
      polygons++;
      if (findProperty(properties, COVERAGE_PROPERTY_ALIASES.carrier) && findProperty(properties, COVERAGE_PROPERTY_ALIASES.technology)) coverage++;
      else if (findProperty(properties, ADMIN_PROPERTY_ALIASES.name) || findProperty(properties, ADMIN_PROPERTY_ALIASES.code)) named++;
    }
  }
  if (points > 0 && points >= polygons) return registry > 0 && registry === points ? "registry" : "points";
  if (polygons > 0) {
    if (coverage > 0 && coverage >= named) return "coverage";
    if (named > 0) return "admin";
  }
  return "unknown";
}

/**
 * Detects the kind of a file from its content; the name only breaks ties (a `.csv`/`.tsv`/`.txt` is never read as JSON).
 * @param input - the file as text or bytes
 * @param fileName - the file name
 * @returns the kind, or "unknown"
 * @example
 * ```ts
 * detectFileKind("mã;vĩ độ;kinh độ\nA;21,5;105,8\n", "truong.csv"); // "points"
 * ```
 */
export function detectFileKind(input: string | Uint8Array, fileName: string): FileKind {
  // KML or KMZ (Google Earth): its Placemarks, as GeoJSON features.
  if (isKmlInput(fileName, input)) {
    const kml = readKml(input);
    return kml.ok ? detectJsonKind(kml.value) : "unknown";
  }
  // An Excel workbook (a zip): the kind of its first sheet. An OLE file (.xls, encrypted .xlsx) is not read.
  // A zipped shapefile: its features, as GeoJSON.
  if (typeof input !== "string" && isShapefileZip(input)) {
    const shapefile = readShapefileZip(input, WGS84);
    return shapefile.ok ? detectJsonKind(shapefile.value.collection) : "unknown";
  }
  if (typeof input !== "string" && isZipBytes(input)) return detectXlsxKind(input);
  // An old .xls is read once the shell has loaded SheetJS (formats/xls.ts).
  if (typeof input !== "string" && isOleBytes(input)) return hasXlsReader() ? detectXlsxKind(input) : "unknown";
  const { text } = inputToText(input);
  const trimmed = text.trimStart();
  if (trimmed === "") return "unknown";
  const tabular = /\.(csv|tsv|txt)$/i.test(fileName);
  if (!tabular && (trimmed[0] === "{" || trimmed[0] === "[")) {
    try {
      return detectJsonKind(JSON.parse(text));
    } catch {
      return "unknown";
    }
  }
  // Only the header matters: read the first lines, not a file of a million rows.
  const cut = text.lastIndexOf("\n", HEAD_CHARACTERS);
  const head = text.length > HEAD_CHARACTERS ? text.slice(0, cut > 0 ? cut : HEAD_CHARACTERS) : text;
  return guessCsvKind(readCsvTable(head, { file: fileName }).header);
}

/**
 * The kind and the number of features of a GeoJSON, KML or KMZ file, reading it once (the import preview of a
 * national coverage file: tens of MB that detectFileKind and a separate count would each parse).
 * @param input - the file as text or bytes
 * @param fileName - the file name
 * @returns the kind ("unknown" when unreadable, with `problem` saying why: the JSON is cut off or invalid at a byte,
 *   the KML is damaged) and the feature count (null when there is no feature list)
 */
export function inspectGeoFile(input: string | Uint8Array, fileName: string): { kind: FileKind; featureCount: number | null; problem?: Message } {
  const { value: _value, ...inspected } = inspectGeoFileValue(input, fileName);
  return inspected;
}

/**
 * inspectGeoFile, also returning the parsed JSON value (undefined for KML and unreadable files), so that a caller
 * that goes on to import the same bytes can hand the value to the importer (which accepts a parsed object and reads
 * it exactly as the text) instead of parsing tens of MB a second time.
 * @param input - the file as text or bytes
 * @param fileName - the file name
 * @returns the kind, the feature count, what is wrong when unreadable, and the parsed value
 */
export function inspectGeoFileValue(
  input: string | Uint8Array,
  fileName: string,
): { kind: FileKind; featureCount: number | null; problem?: Message; value?: unknown } {
  if (isKmlInput(fileName, input)) {
    const kml = readKml(input);
    return kml.ok
      ? { kind: detectJsonKind(kml.value), featureCount: kml.value.features.length }
      : { kind: "unknown", featureCount: null, problem: kml.error.message };
  }
  let value: unknown;
  const text = inputToText(input, false).text;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { kind: "unknown", featureCount: null, problem: describeJsonError(text, error) };
  }
  return { ...inspectParsedGeoValue(value), value };
}

/**
 * The kind and feature count of a GeoJSON value already read (as JSON.parse reads it): what inspectGeoFileValue says
 * of the file's text, without making that text.
 * @param value - the parsed GeoJSON (a FeatureCollection, a feature array…)
 * @returns the kind and the number of features (null when the value holds no feature list)
 */
export function inspectParsedGeoValue(value: unknown): { kind: FileKind; featureCount: number | null } {
  const features = isRecord(value) && Array.isArray(value.features) ? value.features.length : Array.isArray(value) ? value.length : null;
  return { kind: detectJsonKind(value), featureCount: features };
}
