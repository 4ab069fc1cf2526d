/**
 * Coverage polygons from GeoJSON: one carrier and one technology per feature, with an as-of date.
 * Geometry is checked per RFC 7946 and always made valid (checkCoverageGeometry, make_valid.ts): a bow-tie
 * becomes its lobes, a hole outside its shell becomes coverage, duplicate and degenerate rings are dropped, each
 * change reported per feature. An invalid feature can therefore never take coverage away from a valid one.
 */
import { emptyReport, type ImportReport, type ImportResult } from "../issues.ts";
import { parseFlexibleDate } from "../tracking/dates.ts";
import { canonicalCarrier } from "../tracking/carriers.ts";
import type { TowerOptions } from "../formats/towers.ts";
import type { MultiPolygon, Polygon } from "geojson";
import type { CoverageFeature, Message, Technology } from "../types.ts";
import { findProperty, noFeaturesIssue, propertyText, readGeojsonInput, scanGeojsonInput } from "./geojson_input.ts";
import { addIssues, makeIssue, placeIssues } from "./import_issue.ts";
import { checkCoverageGeometry, type CoverageGeometryCheck } from "./polygon_checks.ts";
import { ScannedGeometry, type ScannedCollection } from "./scan_geojson.ts";
import { convexRingGeometry, scannedConvexRing, scannedToGeojson, type ConvexRing } from "./scanned_coverage_check.ts";
import { parseTechnology } from "./technology.ts";
import { coverageFeaturesFromColumns } from "../spatial/packed_geometry.ts";
import { domainMessage } from "../messages/message.ts";

/** Options of parseCoverageGeojson. */
export interface CoverageOptions {
  file: string;
  /** The coordinate system of the positions when it is not WGS 84 (see readGeojsonInput). */
  crs?: string;
  /** Property holding the carrier; default `carrier` (also `nhà mạng`). */
  carrierProperty?: string;
  /** Property holding the technology; default `technology` (also `tech`, `công nghệ`). */
  technologyProperty?: string;
  /** Property holding the as-of date; default `as_of` (also `asOf`, `date`, `ngày`). */
  asOfProperty?: string;
  /** Carrier for features whose file does not say. */
  carrier?: string;
  /** Technology for features whose file does not say. */
  technology?: Technology;
  /** As-of date (YYYY-MM-DD) for features whose file does not say. */
  asOf?: string;
  /**
   * Formerly "apply the proposed repairs of self-intersecting rings". Every geometry is now made valid on import
   * (the valid interpretation is the default and the report says what changed); the option is accepted and ignored.
   */
  repair?: boolean;
  /** How the discs of a public tower list (OpenCelliD CSV) are drawn. */
  towers?: TowerOptions;
  /**
   * False: read bytes with JSON.parse even when the byte scanner could (scan_geojson.ts). The scanner gives the
   * same result; the tests and the benchmark compare the two.
   */
  scanner?: boolean;
  /**
   * The byte scanner's reading of these same bytes, already made (the app's import preview scans the file it then
   * imports): the checks run on it instead of a second scan. Ignored when the file is not read by the scanner.
   */
  scanned?: ScannedCollection;
}

/** A self-intersecting feature that was split into simple polygons (always applied now). */
export interface ProposedRepair {
  featureIndex: number;
  code: "self_intersection";
  message: Message;
  applied: boolean;
}

/** Default property names, most specific first. */
export const COVERAGE_PROPERTY_ALIASES = {
  carrier: ["carrier", "nhà mạng", "nha_mang", "operator"],
  technology: ["technology", "tech", "công nghệ", "cong_nghe"],
  asOf: ["as_of", "asOf", "date", "ngày", "ngay"],
} as const;

/**
 * Reads an as-of date: YYYY-MM-DD, an ISO date-time (its date part), or DD/MM/YYYY.
 * @param text - the value
 * @returns the ISO date, or null
 */
export function parseAsOfDate(text: string): string | null {
  // A layer's tens of thousands of features usually share one date: read each distinct text once.
  const cached = AS_OF_CACHE.get(text);
  if (cached !== undefined) return cached;
  const trimmed = text.trim();
  const dateTime = /^(\d{4}-\d{2}-\d{2})T/.exec(trimmed);
  const date = parseFlexibleDate(dateTime ? dateTime[1] : trimmed);
  if (AS_OF_CACHE.size > 1000) AS_OF_CACHE.clear();
  AS_OF_CACHE.set(text, date);
  return date;
}

const AS_OF_CACHE = new Map<string, string | null>();

/**
 * Reads coverage polygons from GeoJSON.
 * @param input - text, bytes or a parsed FeatureCollection
 * @param options - property names, defaults for missing values and whether to apply repairs
 * @returns the accepted features, the report (read = accepted + rejected) and the proposed repairs
 * @example
 * ```ts
 * const { items, report, repairs } = parseCoverageGeojson(text, { file: "viettel.geojson", repair: false });
 * ```
 */
export function parseCoverageGeojson(
  input: string | Uint8Array | object,
  options: CoverageOptions,
): ImportResult<CoverageFeature> & { repairs: ProposedRepair[] } {
  const items: CoverageFeature[] = [];
  const { report, repairs } = readCoverage(input, options, (head, geometry, coordinates, tail) => {
    const item: CoverageFeature = {
      carrier: head.carrier,
      technology: head.technology,
      asOf: head.asOf,
      geometry: "start" in geometry ? convexRingGeometry(geometry, coordinates) : geometry,
      source: tail.source,
    };
    if (tail.estimated) item.estimated = true;
    if (tail.standalone) item.standalone = true;
    items.push(item);
  });
  return { items, report, repairs };
}

/**
 * Accepted coverage features as columns: the features without their geometry, then counts and one coordinate
 * array, as the CLI's worker hands them to the main thread. A disc the byte scanner read is copied from the scanned
 * coordinates, so that no array per position is ever made. Same checks, features and report as parseCoverageGeojson.
 * @param input - text, bytes or a parsed FeatureCollection
 * @param options - as parseCoverageGeojson's
 * @returns the columns, the report and the repairs
 */
export function parseCoverageGeojsonColumns(
  input: string | Uint8Array | object,
  options: CoverageOptions,
): { columns: CoverageColumns; report: ImportReport; repairs: ProposedRepair[] } {
  const features: CoverageColumns["features"] = [];
  const geometries: (Polygon | MultiPolygon | ConvexRing)[] = [];
  let scannedCoordinates: Float64Array = new Float64Array(0);
  let values = 0;
  let inPlace = true;
  const polygonCounts: number[] = [];
  const ringCounts: number[] = [];
  const positionCounts: number[] = [];
  const { report, repairs } = readCoverage(input, options, (head, geometry, coordinates, tail) => {
    scannedCoordinates = coordinates;
    const multi = geometry.type === "MultiPolygon";
    const entry: CoverageColumns["features"][number] = { carrier: head.carrier, technology: head.technology, asOf: head.asOf, source: tail.source, multi };
    if (tail.estimated) entry.estimated = true;
    if (tail.standalone) entry.standalone = true;
    features.push(entry);
    geometries.push(geometry);
    if (!("start" in geometry) || geometry.reversed || geometry.start !== values) inPlace = false;
    if ("start" in geometry) {
      polygonCounts.push(1);
      ringCounts.push(1);
      positionCounts.push(geometry.count);
      values += 2 * geometry.count;
      return;
    }
    const parts = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
    polygonCounts.push(parts.length);
    for (const part of parts) {
      ringCounts.push(part.length);
      for (const ring of part) {
        positionCounts.push(ring.length);
        values += 2 * ring.length;
      }
    }
  });
  // Every feature a disc as written, one after the other (the usual national file): the scanned coordinates are
  // the columns' already. Otherwise filled once the size is known: a national file's coordinates are tens of MB.
  inPlace &&= values === scannedCoordinates.length;
  const out = inPlace ? scannedCoordinates : new Float64Array(values);
  let used = 0;
  for (const geometry of inPlace ? [] : geometries) {
    if ("start" in geometry) {
      const { start, count, reversed } = geometry;
      // A loop, not set(subarray()): one small copy per feature, and no view object each time.
      if (!reversed) for (let k = 0; k < 2 * count; k++) out[used + k] = scannedCoordinates[start + k];
      else {
        for (let i = 0; i < count; i++) {
          out[used + 2 * i] = scannedCoordinates[start + 2 * (count - 1 - i)];
          out[used + 2 * i + 1] = scannedCoordinates[start + 2 * (count - 1 - i) + 1];
        }
      }
      used += 2 * count;
      continue;
    }
    const parts = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
    for (const part of parts) {
      for (const ring of part) {
        // Checked positions are always [lon, lat] (readRing drops a third coordinate).
        for (const position of ring) {
          out[used++] = position[0];
          out[used++] = position[1];
        }
      }
    }
  }
  const columns: CoverageColumns = {
    features,
    polygonCounts: Int32Array.from(polygonCounts),
    ringCounts: Int32Array.from(ringCounts),
    positionCounts: Int32Array.from(positionCounts),
    coordinates: out,
  };
  return { columns, report, repairs };
}

/**
 * parseCoverageGeojson's features with their positions left in parseCoverageGeojsonColumns' coordinate array
 * until a reader asks for a geometry (packed_geometry.ts): the same features, checks and report, and the index
 * build reads the columns without an array per position.
 * @param input - text, bytes or a parsed FeatureCollection
 * @param options - as parseCoverageGeojson's
 * @returns as parseCoverageGeojson's
 */
export function parseCoverageGeojsonPacked(
  input: string | Uint8Array | object,
  options: CoverageOptions,
): ImportResult<CoverageFeature> & { repairs: ProposedRepair[] } {
  const { columns, report, repairs } = parseCoverageGeojsonColumns(input, options);
  return { items: coverageFeaturesFromColumns(columns), report, repairs };
}

/** Accepted coverage features as columns (parseCoverageGeojsonColumns): positions are two coordinates each. */
export interface CoverageColumns {
  features: (Omit<CoverageFeature, "geometry"> & { multi: boolean })[];
  /** Per feature: its number of polygons (1 for a Polygon). */
  polygonCounts: Int32Array;
  /** Per polygon: its number of rings. */
  ringCounts: Int32Array;
  /** Per ring: its number of positions. */
  positionCounts: Int32Array;
  /** lon, lat of every position, in order. */
  coordinates: Float64Array;
}

type AcceptFeature = (
  head: Pick<CoverageFeature, "carrier" | "technology" | "asOf">,
  geometry: Polygon | MultiPolygon | ConvexRing,
  coordinates: Float64Array,
  tail: { source: CoverageFeature["source"]; estimated: boolean; standalone: boolean },
) => void;

/** The checks of parseCoverageGeojson, each accepted feature handed to `accept` (in the file's order). */
function readCoverage(
  input: string | Uint8Array | object,
  options: CoverageOptions,
  accept: AcceptFeature,
): { report: ImportReport; repairs: ProposedRepair[] } {
  const file = options.file;
  const report: ImportReport = emptyReport(file, "coverage");
  const repairs: ProposedRepair[] = [];
  const readOptions = { crs: options.crs, towers: options.towers ?? {}, scanned: options.scanned };
  // Bytes of a plain WGS 84 FeatureCollection go through the byte scanner (no JSON.parse of tens of MB); anything
  // else, or anything the scanner does not read exactly as JSON.parse would, through readGeojsonInput.
  const scanned = options.scanner === false ? null : scanGeojsonInput(input, file, readOptions);
  const { features, issues, detected } = scanned ?? readGeojsonInput(input, file, readOptions);
  const coordinates = scanned?.coordinates ?? new Float64Array(0);
  if (detected) report.detected = { ...report.detected, ...detected };
  addIssues(report, issues);
  report.read = features.length;
  if (issues.length === 0 && features.length === 0) addIssues(report, [noFeaturesIssue(file)]);
  const carrierNames = options.carrierProperty ? [options.carrierProperty] : COVERAGE_PROPERTY_ALIASES.carrier;
  const technologyNames = options.technologyProperty ? [options.technologyProperty] : COVERAGE_PROPERTY_ALIASES.technology;
  const asOfNames = options.asOfProperty ? [options.asOfProperty] : COVERAGE_PROPERTY_ALIASES.asOf;
  // Not a closure per feature: tens of thousands of features.
  const reject = (featureIndex: number, code: string, message: Message, column?: string): void => {
    report.rejected++;
    addIssues(report, [makeIssue(file, "error", code, message, { featureIndex, column })]);
  };
  features.forEach((feature, featureIndex) => {
    const where = { featureIndex };
    const carrierKey = findProperty(feature.properties, carrierNames);
    const carrierText = carrierKey !== undefined ? propertyText(feature.properties[carrierKey]).trim() : (options.carrier ?? "").trim();
    if (carrierText === "") {
      reject(featureIndex, "carrier_missing", domainMessage("coverage.carrier_missing", { carrierNames: carrierNames[0] }), carrierNames[0]);
      return;
    }
    const technologyKey = findProperty(feature.properties, technologyNames);
    const technologyText = technologyKey !== undefined ? propertyText(feature.properties[technologyKey]).trim() : undefined;
    const technology = technologyText !== undefined ? parseTechnology(technologyText) : options.technology;
    if (technology === undefined) {
      if (technologyText === undefined) {
        reject(featureIndex, "technology_missing", domainMessage("coverage.technology_missing", { technologyNames: technologyNames[0] }), technologyNames[0]);
      } else {
        reject(featureIndex, "technology_unknown", domainMessage("coverage.technology_unknown", { technologyText }), technologyKey);
      }
      return;
    }
    const scannedGeometry = feature.geometry instanceof ScannedGeometry ? feature.geometry : null;
    const convex = scannedGeometry ? scannedConvexRing(scannedGeometry, coordinates) : null;
    const check: CoverageGeometryCheck = convex
      ? { geometry: null, issues: convex.issues, crossings: 0, firstCrossing: null, standalone: false }
      : checkCoverageGeometry(scannedGeometry ? scannedToGeojson(scannedGeometry, coordinates) : feature.geometry);
    const warnings = placeIssues(file, check.issues, where);
    if (convex === null && check.geometry === null) {
      report.rejected++;
      addIssues(report, warnings);
      return;
    }
    let asOf: string | null = options.asOf ?? null;
    const asOfKey = findProperty(feature.properties, asOfNames);
    if (asOfKey !== undefined) {
      const asOfText = propertyText(feature.properties[asOfKey]);
      const parsed = parseAsOfDate(asOfText);
      if (parsed === null) {
        warnings.push(
          makeIssue(
            file,
            "warning",
            "as_of_unreadable",
            domainMessage("coverage.as_of_unreadable", {
              asOfText,
              fallback: asOf ? domainMessage("coverage.as_of_using", { asOf }) : domainMessage("coverage.as_of_empty"),
            }),
            { ...where, column: asOfKey },
          ),
        );
      } else {
        asOf = parsed;
      }
    }
    if (check.crossings > 0) {
      const message = check.issues.find((issue) => issue.code === "self_intersection")?.message;
      if (message) repairs.push({ featureIndex, code: "self_intersection", message, applied: true });
    }
    const geometry = convex ?? check.geometry;
    if (geometry === null) return;
    // An estimated layer (public tower lists: formats/towers.ts) keeps its mark, so it is never taken for a carrier's map.
    accept({ carrier: canonicalCarrier(carrierText), technology, asOf }, geometry, coordinates, {
      source: { file, featureIndex },
      estimated: feature.properties.estimated === true,
      standalone: check.standalone,
    });
    report.accepted++;
    addIssues(report, warnings);
  });
  return { report, repairs };
}
