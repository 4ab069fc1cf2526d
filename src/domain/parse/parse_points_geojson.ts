/**
 * Point lists from GeoJSON: Point features with the same properties as the CSV columns.
 */
import type { ImportIssue } from "../issues.ts";
import { emptyReport, type ImportReport, type ImportResult } from "../issues.ts";
import type { Message, Point, PointKind } from "../types.ts";
import { POINT_COLUMN_ALIASES } from "./find_column.ts";
import { findProperty, noFeaturesIssue, propertyText, readGeojsonInput } from "./geojson_input.ts";
import { addIssues, makeIssue } from "./import_issue.ts";
import { parseCount } from "./parse_number.ts";
import { parsePointKind } from "./point_kind.ts";
import { osmFeaturesToPoints } from "../formats/osm.ts";
import { checkPointPosition, fileStem, findDuplicatePoints, makePoint, swappedMessage } from "./point_checks.ts";
import { domainMessage } from "../messages/message.ts";

/** Options of parsePointsGeojson. */
export interface PointsGeojsonOptions {
  file: string;
  /** The coordinate system of the positions when it is not WGS 84 (see readGeojsonInput). */
  crs?: string;
}

type FieldKey = keyof typeof POINT_COLUMN_ALIASES;

function readPosition(geometry: unknown): { lon: number; lat: number } | { error: { code: string; message: Message } } {
  if (geometry === null || geometry === undefined) return { error: { code: "geometry_missing", message: domainMessage("geometry.geometry_missing") } };
  const record = geometry as { type?: unknown; coordinates?: unknown };
  let coordinates = record.coordinates;
  if (record.type === "MultiPoint" && Array.isArray(coordinates) && coordinates.length === 1) coordinates = coordinates[0];
  else if (record.type !== "Point") {
    const type = String(record.type);
    return { error: { code: "geometry_not_point", message: domainMessage("points.geometry_not_point", { type }) } };
  }
  if (
    !Array.isArray(coordinates) ||
    typeof coordinates[0] !== "number" ||
    typeof coordinates[1] !== "number" ||
    !Number.isFinite(coordinates[0]) ||
    !Number.isFinite(coordinates[1])
  ) {
    return {
      error: { code: "coordinates_invalid", message: domainMessage("points.coordinates_not_pair") },
    };
  }
  return { lon: coordinates[0], lat: coordinates[1] };
}

/**
 * Reads a point list from GeoJSON Point features. Properties are matched like CSV headers (id / mã, name / tên…);
 * the others are kept in `extra` as text.
 * @param input - text, bytes or a parsed FeatureCollection
 * @param options - the file name
 * @returns the accepted points (source.row is the 0-based feature index) and the report
 * @example
 * ```ts
 * const { items, report } = parsePointsGeojson(text, { file: "truong.geojson" });
 * ```
 */
export function parsePointsGeojson(input: string | Uint8Array | object, options: PointsGeojsonOptions): ImportResult<Point> {
  const file = options.file;
  const report: ImportReport = emptyReport(file, "points");
  const items: Point[] = [];
  const { features, issues, detected } = readGeojsonInput(input, file, { crs: options.crs });
  if (detected) report.detected = { ...report.detected, ...detected };
  // OpenStreetMap exports: areas (school grounds, villages) become a point inside them; tags give kind, id, name.
  const osm = osmFeaturesToPoints(features);
  if (osm.osm > 0) {
    report.detected = { ...report.detected, format: report.detected?.format ?? "osm", areasToPoints: osm.areas };
    if (osm.areas > 0) {
      addIssues(report, [makeIssue(file, "warning", "osm_areas_to_points", domainMessage("points.osm_areas_to_points", { areas: osm.areas }))]);
    }
  }
  addIssues(report, issues);
  report.read = features.length;
  if (issues.length === 0 && features.length === 0) addIssues(report, [noFeaturesIssue(file)]);
  const stem = fileStem(file);
  features.forEach((feature, featureIndex) => {
    const where = { featureIndex };
    const position = readPosition(feature.geometry);
    if ("error" in position) {
      report.rejected++;
      addIssues(report, [makeIssue(file, "error", position.error.code, position.error.message, where)]);
      return;
    }
    const check = checkPointPosition(position.lon, position.lat);
    if (!check.ok) {
      report.rejected++;
      addIssues(report, [makeIssue(file, "error", check.code, check.message, where)]);
      return;
    }
    const warnings: ImportIssue[] = [];
    if (check.swapped) warnings.push(makeIssue(file, "warning", "lat_lon_swapped", swappedMessage(check.lon, check.lat), where));
    const used = new Set<string>();
    const field = (key: FieldKey): string | undefined => {
      // A recognised property left blank (null, as our own export writes) is still not an extra column.
      const property = findProperty(feature.properties, POINT_COLUMN_ALIASES[key]) ?? findProperty(feature.properties, POINT_COLUMN_ALIASES[key], true);
      if (property === undefined || used.has(property)) return undefined;
      used.add(property);
      const text = propertyText(feature.properties[property]).trim();
      return text === "" ? undefined : text;
    };
    let id = field("id");
    if (id === undefined && (typeof feature.id === "string" || typeof feature.id === "number")) id = String(feature.id);
    if (id === undefined) {
      id = `${stem}-${featureIndex}`;
      warnings.push(makeIssue(file, "warning", "id_generated", domainMessage("points.id_generated", { id }), where));
    }
    const name = field("name") ?? "";
    const kindText = field("kind");
    let kind: PointKind = "other";
    if (kindText !== undefined) {
      const parsed = parsePointKind(kindText);
      if (parsed !== undefined) kind = parsed;
      else warnings.push(makeIssue(file, "warning", "kind_unknown", domainMessage("points.kind_unknown", { kindText }), where));
    }
    const parentId = field("parentId");
    const weightText = field("weight");
    let weight: number | undefined;
    if (weightText !== undefined) {
      const parsed = parseCount(weightText);
      if (parsed !== null && parsed >= 0) weight = parsed;
      else warnings.push(makeIssue(file, "warning", "weight_unreadable", domainMessage("points.weight_unreadable", { weightText }), where));
    }
    const provinceCode = field("provinceCode");
    const provinceName = field("provinceName");
    const communeCode = field("communeCode");
    const communeName = field("communeName");
    const extra: Record<string, string> = {};
    for (const [key, value] of Object.entries(feature.properties)) if (!used.has(key)) extra[key.normalize("NFC")] = propertyText(value);
    items.push(
      makePoint({
        id,
        name,
        kind,
        lon: check.lon,
        lat: check.lat,
        parentId,
        weight,
        provinceCode,
        provinceName,
        communeCode,
        communeName,
        source: { file, row: featureIndex },
        extra,
      }),
    );
    report.accepted++;
    addIssues(report, warnings);
  });
  addIssues(report, findDuplicatePoints(items, file, "feature"));
  report.issues.sort((a, b) => (a.featureIndex ?? -1) - (b.featureIndex ?? -1));
  return { items, report };
}
