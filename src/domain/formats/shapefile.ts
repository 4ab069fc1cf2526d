/**
 * Esri shapefiles, zipped (`.shp`, `.shx`, `.dbf`, `.prj`, optional `.cpg`), read into a GeoJSON FeatureCollection
 * in WGS 84, so that the GeoJSON importers (points, coverage, admin areas) check them like any GeoJSON file.
 *
 * Our own small reader (the format is two fixed binary layouts): the `shapefile` package reads through Node or
 * browser streams and `shpjs` brings its own zip and fetch layers; this one takes bytes and returns values, with
 * fflate (already used for .xlsx) for the zip, so it runs unchanged in the domain, the worker and the CLI.
 *
 * - geometry: Point, MultiPoint, PolyLine, Polygon and their Z / M variants (Z and M dropped); polygon rings are
 *   grouped as the format says (clockwise outer rings, counter-clockwise holes, each hole in the outer ring that
 *   holds it) and written in the RFC 7946 orientation; a null shape gives a feature without geometry;
 * - attributes: every `.dbf` field (text trimmed, numbers as numbers, dates `YYYY-MM-DD`, logicals as booleans);
 *   deleted records are skipped; text is decoded as the `.cpg` says (UTF-8, windows-1258), else detected like a CSV
 *   file (UTF-8, windows-1258, TCVN3, VNI-Windows);
 * - coordinates: the system of the `.prj` (see crsFromPrj), or the one the user chose, transformed to WGS 84.
 */
import { unzipSync } from "fflate";
import type { Message } from "../types.ts";
import { decodeText, type TextEncodingName } from "../parse/decode_text.ts";
import { decodeTcvn3, decodeVni } from "../parse/legacy_encodings.ts";
import { textDecoderClass } from "../parse/text_decoder.ts";
import { crsFromPrj, looksProjected, toWgs84, transformGeometry, WGS84, type CrsDefinition } from "./crs.ts";
import { domainMessage } from "../messages/message.ts";

/** Refuse a zip whose shapefile parts would inflate beyond this. */
export const MAX_SHAPEFILE_BYTES = 400 * 1024 * 1024;

/** A GeoJSON feature as the reader builds it. */
export interface ShapefileFeature {
  type: "Feature";
  geometry: { type: string; coordinates: unknown } | null;
  properties: Record<string, unknown>;
}

/** What the reader found. */
export interface ShapefileReading {
  collection: { type: "FeatureCollection"; features: ShapefileFeature[] };
  /** The layer read (the `.shp` name inside the zip). */
  layer: string;
  /** The system the coordinates were transformed from. */
  crs: CrsDefinition;
  /** Where the system came from. */
  crsSource: "prj" | "user" | "assumed";
  /** The `.dbf` text encoding. */
  encoding: TextEncodingName;
  /** Other layers in the zip, not read. */
  otherLayers: string[];
}

/** Why a shapefile cannot be read: one file-level error. */
export interface ShapefileError {
  code: "shapefile_invalid" | "shapefile_too_large" | "shapefile_missing_part" | "shapefile_crs_needed" | "shapefile_crs_unknown";
  message: Message;
}

export type ShapefileResult = { ok: true; value: ShapefileReading } | { ok: false; error: ShapefileError };

function fail(code: ShapefileError["code"], message: Message): ShapefileResult {
  return { ok: false, error: { code, message } };
}

/**
 * Lists the entries of a zip without inflating anything.
 * @param bytes - the zip
 * @returns name → declared size, or null when the zip is damaged
 */
function zipEntries(bytes: Uint8Array): Map<string, number> | null {
  const declared = new Map<string, number>();
  try {
    unzipSync(bytes, {
      filter(file) {
        declared.set(file.name, file.originalSize);
        return false;
      },
    });
  } catch {
    return null;
  }
  return declared;
}

/**
 * Whether bytes are a zip holding a shapefile (a `.shp` entry).
 * @param bytes - the file
 * @returns true for a zipped shapefile
 */
export function isShapefileZip(bytes: Uint8Array): boolean {
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) return false;
  const entries = zipEntries(bytes);
  return entries !== null && [...entries.keys()].some((name) => /\.shp$/i.test(name) && !name.startsWith("__MACOSX/"));
}

/** The `.cpg` code page as a decoder name. */
function cpgEncoding(text: string): TextEncodingName | undefined {
  const value = text.trim().toUpperCase().replace(/[\s_]/g, "");
  if (value === "UTF-8" || value === "UTF8" || value === "65001") return "utf-8";
  if (value === "1258" || value === "CP1258" || value === "WINDOWS-1258" || value === "ANSI1258") return "windows-1258";
  if (value === "TCVN3" || value === "TCVN" || value === "TCVN5712") return "tcvn3";
  if (value === "VNI" || value === "VNI-WINDOWS") return "vni-windows";
  return undefined;
}

function textDecoderFor(encoding: TextEncodingName): (bytes: Uint8Array) => string {
  if (encoding === "tcvn3") return decodeTcvn3;
  if (encoding === "vni-windows") return decodeVni;
  const decoder = new (textDecoderClass())(encoding === "windows-1258" ? "windows-1258" : "utf-8");
  return (bytes) => decoder.decode(bytes).normalize("NFC");
}

interface DbfField {
  name: string;
  type: string;
  offset: number;
  length: number;
}

interface DbfTable {
  records: (Record<string, unknown> | null)[];
  encoding: TextEncodingName;
}

function readDbf(bytes: Uint8Array, declaredEncoding: TextEncodingName | undefined): DbfTable | null {
  if (bytes.length < 32) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint32(4, true);
  const headerLength = view.getUint16(8, true);
  const recordLength = view.getUint16(10, true);
  const fields: DbfField[] = [];
  let offset = 1;
  for (let at = 32; at + 32 <= headerLength && bytes[at] !== 0x0d; at += 32) {
    let end = at;
    while (end < at + 11 && bytes[end] !== 0) end++;
    const name = new (textDecoderClass())("utf-8").decode(bytes.subarray(at, end)).trim();
    const field = { name, type: String.fromCharCode(bytes[at + 11]), offset, length: bytes[at + 16] };
    fields.push(field);
    offset += field.length;
  }
  if (headerLength + count * recordLength > bytes.length + 1) return null;
  // Text fields: one encoding for the whole file, from the .cpg or from a sample of the text cells.
  let encoding = declaredEncoding;
  if (encoding === undefined) {
    const parts: number[] = [];
    for (let r = 0; r < count && parts.length < 65_536; r++) {
      const base = headerLength + r * recordLength;
      for (const field of fields) {
        if (field.type !== "C") continue;
        for (let i = 0; i < field.length; i++) parts.push(bytes[base + field.offset + i]);
        parts.push(0x0a);
      }
    }
    encoding = decodeText(Uint8Array.from(parts)).encoding;
    if (encoding === "utf-8-bom") encoding = "utf-8";
  }
  const decode = textDecoderFor(encoding);
  const records: (Record<string, unknown> | null)[] = [];
  for (let r = 0; r < count; r++) {
    const base = headerLength + r * recordLength;
    if (bytes[base] === 0x2a) {
      records.push(null);
      continue;
    }
    const record: Record<string, unknown> = {};
    for (const field of fields) {
      const cell = bytes.subarray(base + field.offset, base + field.offset + field.length);
      const text =
        field.type === "C" || field.type === "M"
          ? decode(cell).replace(/\0+$/, "").trim()
          : new (textDecoderClass())("latin1").decode(cell).replace(/\0/g, "").trim();
      if (field.type === "N" || field.type === "F") {
        const value = text === "" || /^\*+$/.test(text) ? null : Number(text);
        record[field.name] = value === null || Number.isNaN(value) ? null : value;
      } else if (field.type === "L") {
        record[field.name] = /^[YyTt]$/.test(text) ? true : /^[NnFf]$/.test(text) ? false : null;
      } else if (field.type === "D") {
        record[field.name] = /^\d{8}$/.test(text) ? `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}` : text === "" ? null : text;
      } else {
        record[field.name] = text;
      }
    }
    records.push(record);
  }
  return { records, encoding };
}

/** Twice the signed area of a ring (positive counter-clockwise, x east and y north). */
function ringArea(ring: readonly number[][]): number {
  let area = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) area += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  return area;
}

function ringContains(ring: readonly number[][], x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Shapefile rings (outer clockwise, holes counter-clockwise) to GeoJSON polygons (outer counter-clockwise). */
function ringsToPolygons(rings: number[][][]): number[][][][] {
  const outers: number[][][][] = [];
  const holes: number[][][] = [];
  for (const ring of rings) {
    if (ring.length === 0) continue;
    if (ringArea(ring) <= 0) outers.push([ring.slice().reverse()]);
    else holes.push(ring.slice().reverse());
  }
  for (const hole of holes) {
    const [x, y] = hole[0];
    const owner = outers.find((polygon) => ringContains(polygon[0], x, y));
    // A hole outside every outer ring is a mis-wound outer ring: kept as one (re-oriented counter-clockwise).
    if (owner) owner.push(hole);
    else outers.push([hole.slice().reverse()]);
  }
  return outers;
}

function readShp(bytes: Uint8Array): (ShapefileFeature["geometry"] | undefined)[] | null {
  if (bytes.length < 100) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getInt32(0, false) !== 9994) return null;
  const geometries: (ShapefileFeature["geometry"] | undefined)[] = [];
  let at = 100;
  while (at + 8 <= bytes.length) {
    const length = view.getInt32(at + 4, false) * 2;
    const start = at + 8;
    at = start + length;
    if (length < 4 || at > bytes.length) break;
    const type = view.getInt32(start, true);
    const point = (offset: number): number[] => [view.getFloat64(offset, true), view.getFloat64(offset + 8, true)];
    if (type === 0) {
      geometries.push(null);
    } else if (type === 1 || type === 11 || type === 21) {
      geometries.push({ type: "Point", coordinates: point(start + 4) });
    } else if (type === 8 || type === 18 || type === 28) {
      const count = view.getInt32(start + 36, true);
      const coordinates: number[][] = [];
      for (let i = 0; i < count; i++) coordinates.push(point(start + 40 + 16 * i));
      geometries.push({ type: "MultiPoint", coordinates });
    } else if (type === 3 || type === 13 || type === 23 || type === 5 || type === 15 || type === 25) {
      const parts = view.getInt32(start + 36, true);
      const count = view.getInt32(start + 40, true);
      const pointsAt = start + 44 + 4 * parts;
      if (parts < 0 || count < 0 || pointsAt + 16 * count > at) return null;
      const rings: number[][][] = [];
      for (let p = 0; p < parts; p++) {
        const from = view.getInt32(start + 44 + 4 * p, true);
        const to = p + 1 < parts ? view.getInt32(start + 44 + 4 * (p + 1), true) : count;
        const ring: number[][] = [];
        for (let i = from; i < to; i++) ring.push(point(pointsAt + 16 * i));
        rings.push(ring);
      }
      if (type === 3 || type === 13 || type === 23) {
        geometries.push(rings.length === 1 ? { type: "LineString", coordinates: rings[0] } : { type: "MultiLineString", coordinates: rings });
      } else {
        const polygons = ringsToPolygons(rings);
        geometries.push(polygons.length === 1 ? { type: "Polygon", coordinates: polygons[0] } : { type: "MultiPolygon", coordinates: polygons });
      }
    } else {
      // MultiPatch or an unknown type: kept as an unusable geometry, rejected by the importers with its type.
      geometries.push({ type: `shape type ${type}`, coordinates: [] });
    }
  }
  return geometries;
}

function firstPosition(geometry: unknown): number[] | undefined {
  let value = (geometry as { coordinates?: unknown } | null)?.coordinates;
  while (Array.isArray(value) && Array.isArray(value[0])) value = value[0];
  return Array.isArray(value) && typeof value[0] === "number" ? (value as number[]) : undefined;
}

/**
 * Reads a zipped shapefile.
 * @param bytes - the zip
 * @param crs - the system chosen by the user (wins over the `.prj`)
 * @returns the features in WGS 84 and what was found, or one file-level error
 */
export function readShapefileZip(bytes: Uint8Array, crs?: CrsDefinition): ShapefileResult {
  const entries = zipEntries(bytes);
  if (entries === null) return fail("shapefile_invalid", domainMessage("shapefile.zip_damaged"));
  const names = [...entries.keys()].filter((name) => !name.startsWith("__MACOSX/"));
  const layers = names.filter((name) => /\.shp$/i.test(name)).sort();
  if (layers.length === 0) return fail("shapefile_missing_part", domainMessage("shapefile.shp_missing"));
  const layer = layers[0];
  const stem = layer.slice(0, -4);
  const part = (extension: string): string | undefined => names.find((name) => name.toLowerCase() === `${stem}.${extension}`.toLowerCase());
  const wanted = ["shp", "dbf", "prj", "cpg"].map(part).filter((name): name is string => name !== undefined);
  const total = wanted.reduce((sum, name) => sum + (entries.get(name) ?? 0), 0);
  if (total > MAX_SHAPEFILE_BYTES) return fail("shapefile_too_large", domainMessage("shapefile.too_large"));
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (file) => wanted.includes(file.name) });
  } catch {
    return fail("shapefile_invalid", domainMessage("shapefile.zip_damaged"));
  }
  const dbfName = part("dbf");
  if (dbfName === undefined) {
    return fail("shapefile_missing_part", domainMessage("shapefile.dbf_missing", { stem }));
  }
  const geometries = readShp(files[layer]);
  if (geometries === null) return fail("shapefile_invalid", domainMessage("shapefile.shp_invalid", { layer }));
  const cpgName = part("cpg");
  const cpg = cpgName === undefined ? undefined : cpgEncoding(new (textDecoderClass())("utf-8").decode(files[cpgName]));
  const dbf = readDbf(files[dbfName], cpg);
  if (dbf === null) return fail("shapefile_invalid", domainMessage("shapefile.dbf_damaged", { dbfName }));
  let system = crs;
  let source: ShapefileReading["crsSource"] = "user";
  if (system === undefined) {
    const prjName = part("prj");
    if (prjName !== undefined) {
      const reading = crsFromPrj(new (textDecoderClass())("utf-8").decode(files[prjName]));
      if (!reading.ok) return fail("shapefile_crs_unknown", reading.message);
      system = reading.crs;
      source = "prj";
    } else {
      const first = geometries.map(firstPosition).find((position) => position !== undefined);
      if (first !== undefined && looksProjected(first[0], first[1])) {
        return fail("shapefile_crs_needed", domainMessage("shapefile.crs_needed"));
      }
      system = WGS84;
      source = "assumed";
    }
  }
  const convert = toWgs84(system);
  const features: ShapefileFeature[] = [];
  const count = Math.max(geometries.length, dbf.records.length);
  for (let i = 0; i < count; i++) {
    const properties = dbf.records[i];
    if (properties === null) continue;
    const geometry = geometries[i] ?? null;
    if (geometry !== null && system !== WGS84) transformGeometry(geometry, convert);
    features.push({ type: "Feature", geometry, properties: properties ?? {} });
  }
  return {
    ok: true,
    value: { collection: { type: "FeatureCollection", features }, layer, crs: system, crsSource: source, encoding: dbf.encoding, otherLayers: layers.slice(1) },
  };
}
