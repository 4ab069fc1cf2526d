/**
 * GeoJSON input as text, bytes or an already parsed object, turned into a list of features.
 * A file that is not JSON or not GeoJSON gives one file-level error, never an exception.
 */
import type { ImportIssue } from "../issues.ts";
import type { Message } from "../types.ts";
import { inputToText } from "./decode_text.ts";
import { foldKey } from "./fold_for_search.ts";
import { makeIssue } from "./import_issue.ts";
import { isKmlInput, readKml } from "./read_kml.ts";
import { parseCrs, toWgs84, transformGeometry, WGS84 } from "../formats/crs.ts";
import { isShapefileZip, readShapefileZip } from "../formats/shapefile.ts";
import { isTowerCsv, readTowerCsv, type TowerOptions } from "../formats/towers.ts";
import { scanFeatureCollection, type ScannedCollection } from "./scan_geojson.ts";
import { domainMessage } from "../messages/message.ts";

/** A feature as read, before any check: only its shape is known. */
export interface RawFeature {
  id?: unknown;
  geometry: unknown;
  properties: Record<string, unknown>;
}

/** The features of a GeoJSON input, or the file-level error that prevented reading them. */
export interface GeojsonInput {
  features: RawFeature[];
  issues: ImportIssue[];
  /** The format when it is not GeoJSON (a shapefile), and the system the positions were transformed from. */
  detected?: {
    format?: string;
    crs?: { id: string; name: string };
    encoding?: "utf-8" | "windows-1258" | "utf-16le" | "utf-16be" | "tcvn3" | "vni-windows";
    estimated?: boolean;
  };
}

/** How to read a GeoJSON input: the coordinate system of its positions when it is not WGS 84. */
export interface GeoReadOptions {
  /** A system as parseCrs reads it (`VN2000-TM3-105.75`, `EPSG:3405`…); for a shapefile it wins over the `.prj`. */
  crs?: string;
  /** Read an OpenCelliD tower list (CSV) as estimated coverage discs (coverage files only). */
  towers?: TowerOptions;
  /** The byte scanner's reading of these same bytes, already made (the import preview's): used instead of a second scan. */
  scanned?: ScannedCollection;
}

/**
 * The system a GeoJSON 2008 `crs` member names (`urn:ogc:def:crs:EPSG::3405`, `EPSG:4756`), if the tool knows it.
 * @param value - the parsed GeoJSON
 * @returns the system's text, or undefined
 */
function declaredCrs(value: unknown): string | undefined {
  if (!isRecord(value) || !isRecord(value.crs) || !isRecord(value.crs.properties)) return undefined;
  const name = value.crs.properties.name;
  if (typeof name !== "string") return undefined;
  const match = /EPSG:+(\d{4,5})$/i.exec(name) ?? /CRS84$/i.exec(name);
  return match === null ? undefined : match[1] === undefined ? "EPSG:4326" : `EPSG:${match[1]}`;
}

/**
 * What is wrong with a text JSON.parse refused, for a person: cut off (the text ends inside a value: a download
 * or copy that stopped), or invalid at a byte, with what JSON.parse said.
 * @param text - the text given to JSON.parse
 * @param error - what it threw
 * @returns the message
 */
export function describeJsonError(text: string, error: unknown): Message {
  const detail = error instanceof Error ? error.message : String(error);
  const match = /position (\d+)/.exec(detail);
  const end = text.trimEnd().length;
  const at = match ? Number(match[1]) : null;
  const cutOff = /Unexpected end|Unterminated/i.test(detail) || (at !== null && at >= end);
  // JSON.parse counts UTF-16 units; people and editors count bytes of the UTF-8 file.
  const byte = at === null ? null : utf8Length(text.slice(0, at));
  if (cutOff) {
    return domainMessage("geojson.json_cut_off", { utf8Length: utf8Length(text) });
  }
  return byte === null ? domainMessage("geojson.json_invalid", { detail }) : domainMessage("geojson.json_invalid_at", { byte, detail });
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Nesting deeper than this in properties (or an id) is refused: no real attribute table is nested this deep. */
export const MAX_PROPERTY_DEPTH = 64;

/** Thrown by normalizeStrings past MAX_PROPERTY_DEPTH; caught by readGeojsonInput, which reports the feature. */
class TooDeep extends Error {}

/**
 * NFC-normalises every string in a properties value (windows-1258 and some editors store tones as combining marks).
 * Only properties and ids hold text; geometries are numbers and are not walked. Bounded in depth, so that a file
 * nesting objects 100,000 deep (JSON.parse reads it) ends in a message, not a stack overflow.
 */
function normalizeStrings(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return value.normalize("NFC");
  if (typeof value !== "object" || value === null) return value;
  if (depth >= MAX_PROPERTY_DEPTH) throw new TooDeep();
  if (Array.isArray(value)) return value.map((inner) => normalizeStrings(inner, depth + 1));
  const result: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) result[key.normalize("NFC")] = normalizeStrings(inner, depth + 1);
  return result;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const GEOMETRY_TYPES = new Set(["Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon", "GeometryCollection"]);

function toRawFeature(value: unknown): RawFeature {
  if (!isRecord(value)) return { geometry: null, properties: {} };
  if (value.type !== "Feature" && typeof value.type === "string" && GEOMETRY_TYPES.has(value.type)) return { geometry: value, properties: {} };
  const feature: RawFeature = {
    geometry: value.geometry ?? null,
    properties: isRecord(value.properties) ? (normalizeStrings(value.properties) as Record<string, unknown>) : {},
  };
  if (value.id !== undefined) feature.id = normalizeStrings(value.id);
  return feature;
}

/**
 * Parses GeoJSON (a FeatureCollection, a Feature, a bare geometry, or an array of features), or KML / KMZ read as
 * GeoJSON (see read_kml.ts: one feature per Placemark), so that every GeoJSON importer also reads Google Earth files.
 * @param input - text, bytes (a Uint8Array or an ArrayBuffer) or a parsed object
 * @param file - the file name for issues
 * @returns the features, or no features and one file-level error
 */
export function readGeojsonInput(input: string | Uint8Array | object, file: string, options: GeoReadOptions = {}): GeojsonInput {
  let value: unknown = input;
  const raw = input instanceof ArrayBuffer ? new Uint8Array(input) : input;
  const chosen = options.crs === undefined || options.crs.trim() === "" ? undefined : parseCrs(options.crs);
  if (chosen === null) {
    return {
      features: [],
      issues: [makeIssue(file, "error", "crs_unknown", domainMessage("crs.unknown", { crs: String(options.crs) }))],
    };
  }
  if (raw instanceof Uint8Array && isShapefileZip(raw)) {
    const shapefile = readShapefileZip(raw, chosen);
    if (!shapefile.ok)
      return { features: [], issues: [makeIssue(file, "error", shapefile.error.code, shapefile.error.message)], detected: { format: "shapefile" } };
    const reading = shapefile.value;
    const issues: ImportIssue[] = [];
    if (reading.otherLayers.length > 0) {
      issues.push(
        makeIssue(
          file,
          "warning",
          "shapefile_other_layers",
          domainMessage("geojson.shapefile_other_layers", {
            length: reading.otherLayers.length + 1,
            layer: reading.layer,
            otherLayers: reading.otherLayers.join(", "),
          }),
        ),
      );
    }
    const encoding = reading.encoding === "utf-8-bom" ? "utf-8" : reading.encoding;
    if (encoding === "tcvn3" || encoding === "vni-windows") {
      const name = encoding === "tcvn3" ? "TCVN3 (ABC, .VnTime)" : "VNI-Windows";
      issues.push(makeIssue(file, "warning", "legacy_encoding", domainMessage("geojson.legacy_encoding", { name })));
    }
    return {
      features: reading.collection.features.map(toRawFeature),
      issues,
      detected: { format: "shapefile", crs: { id: reading.crs.id, name: reading.crs.label.en }, encoding },
    };
  }
  if (options.towers !== undefined && (typeof raw === "string" || raw instanceof Uint8Array) && isTowerCsv(raw)) {
    const towers = readTowerCsv(raw, file, options.towers);
    if (towers.error)
      return { features: [], issues: [makeIssue(file, "error", "tower_radius_invalid", towers.error)], detected: { format: "opencellid", estimated: true } };
    const issues: ImportIssue[] = [];
    const skipped = [...towers.otherCountries.values()].reduce((sum, count) => sum + count, 0);
    if (skipped > 0) {
      const list = [...towers.otherCountries].map(([mcc, count]) => `MCC ${mcc || "?"}: ${count}`).join(", ");
      issues.push(makeIssue(file, "warning", "towers_other_country", domainMessage("geojson.towers_other_country", { skipped, list })));
    }
    if (towers.unknownNetwork > 0) {
      issues.push(
        makeIssue(file, "warning", "towers_unknown_network", domainMessage("geojson.towers_unknown_network", { unknownNetwork: towers.unknownNetwork })),
      );
    }
    return { features: towers.collection.features.map(toRawFeature), issues, detected: { format: "opencellid", estimated: true } };
  }
  if ((typeof raw === "string" || raw instanceof Uint8Array) && isKmlInput(file, raw)) {
    const kml = readKml(raw);
    if (!kml.ok) return { features: [], issues: [makeIssue(file, "error", kml.error.code, kml.error.message)] };
    value = kml.value;
  } else if (typeof input === "string" || input instanceof Uint8Array || input instanceof ArrayBuffer) {
    // Not normalised as a whole: a coverage file is mostly digits (tens of MB); its strings are normalised after parsing.
    const { text } = inputToText(input instanceof ArrayBuffer ? new Uint8Array(input) : input, false);
    if (!/\S/.test(text)) {
      return { features: [], issues: [makeIssue(file, "error", "file_empty", domainMessage("geojson.file_empty"))] };
    }
    try {
      value = JSON.parse(text);
    } catch (error) {
      return { features: [], issues: [makeIssue(file, "error", "json_invalid", describeJsonError(text, error))] };
    }
  }
  const system = chosen ?? parseCrs(declaredCrs(value) ?? "EPSG:4326") ?? WGS84;
  const reprojected = (features: RawFeature[]): GeojsonInput => {
    if (system === WGS84) return { features, issues: [] };
    const convert = toWgs84(system);
    for (const feature of features) transformGeometry(feature.geometry, convert);
    return { features, issues: [], detected: { crs: { id: system.id, name: system.label.en } } };
  };
  const list = Array.isArray(value)
    ? (value as unknown[])
    : !isRecord(value)
      ? null
      : value.type === "FeatureCollection" && Array.isArray(value.features)
        ? (value.features as unknown[])
        : value.type === "Feature" || (typeof value.type === "string" && GEOMETRY_TYPES.has(value.type))
          ? [value]
          : null;
  if (list !== null) {
    const features: RawFeature[] = [];
    for (let index = 0; index < list.length; index++) {
      try {
        features.push(toRawFeature(list[index]));
      } catch (error) {
        if (!(error instanceof TooDeep)) throw error;
        return {
          features: [],
          issues: [
            makeIssue(
              file,
              "error",
              "properties_too_deep",
              domainMessage("geojson.properties_too_deep", { index: index + 1, maxPropertyDepth: MAX_PROPERTY_DEPTH }),
            ),
          ],
        };
      }
    }
    return reprojected(features);
  }
  return {
    features: [],
    issues: [makeIssue(file, "error", "geojson_invalid", domainMessage("geojson.geojson_invalid"))],
  };
}

/**
 * readGeojsonInput by the byte scanner (scan_geojson.ts) for the common case of a coverage file: a WGS 84
 * FeatureCollection given as bytes. Polygon and MultiPolygon geometries of 2D positions come back as
 * ScannedGeometry (runs of `coordinates`); every other feature as readGeojsonInput reads it.
 * @param input - the file's bytes
 * @param file - the file name (a .kml name is left to readGeojsonInput)
 * @param options - as readGeojsonInput's
 * @returns the features and coordinates, or null when readGeojsonInput must read the input (it writes the messages)
 */
export function scanGeojsonInput(
  input: string | Uint8Array | object,
  file: string,
  options: GeoReadOptions = {},
): (GeojsonInput & { coordinates: Float64Array }) | null {
  const raw = input instanceof ArrayBuffer ? new Uint8Array(input) : input;
  if (!(raw instanceof Uint8Array)) return null;
  if (options.crs !== undefined && options.crs.trim() !== "") return null;
  if (isShapefileZip(raw) || (options.towers !== undefined && isTowerCsv(raw)) || isKmlInput(file, raw)) return null;
  const scanned = options.scanned ?? scanFeatureCollection(raw);
  if (scanned === null) return null;
  const system = parseCrs(declaredCrs({ crs: scanned.crs }) ?? "EPSG:4326") ?? WGS84;
  if (system !== WGS84) return null;
  const features: RawFeature[] = [];
  try {
    for (const feature of scanned.features) {
      if (feature.kind === "parsed") {
        features.push(toRawFeature(feature.value));
        continue;
      }
      const value: Record<string, unknown> = { type: "Feature", geometry: feature.geometry };
      if (feature.hasProperties) value.properties = feature.properties;
      if (feature.hasId) value.id = feature.id;
      features.push(toRawFeature(value));
    }
  } catch (error) {
    // Properties nested too deep: readGeojsonInput names the feature.
    if (error instanceof TooDeep) return null;
    throw error;
  }
  return { features, issues: [], coordinates: scanned.coordinates };
}

/**
 * Finds a property by name, ignoring case and accents (the first matching name wins); blank values (null, "") are skipped.
 * @param properties - the feature's properties
 * @param names - accepted names, in order of preference
 * @param includeBlank - also return a property whose value is blank
 * @returns the key as written in the feature, or undefined
 */
export function findProperty(properties: Record<string, unknown>, names: readonly string[], includeBlank = false): string | undefined {
  // No closure per call: the coverage importer calls this three times for each of tens of thousands of features.
  for (const name of names) {
    if (Object.hasOwn(properties, name) && (includeBlank || !isBlankValue(properties[name]))) return name;
  }
  const keys = Object.keys(properties);
  const folded = keys.map(foldKey);
  for (const name of names) {
    const key = foldKey(name);
    for (let i = 0; i < keys.length; i++) {
      if (folded[i] === key && (includeBlank || !isBlankValue(properties[keys[i]]))) return keys[i];
    }
  }
  return undefined;
}

function isBlankValue(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/**
 * Turns a property value into text: strings as they are (NFC), numbers and booleans as written, objects as JSON, null as "".
 * @param value - a property value
 * @returns the text
 */
export function propertyText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value.normalize("NFC");
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

/**
 * The warning for a GeoJSON file that holds no feature at all.
 * @param file - the file name
 * @returns the issue
 */
export function noFeaturesIssue(file: string): ImportIssue {
  return makeIssue(file, "warning", "no_features", domainMessage("geojson.no_features"));
}
