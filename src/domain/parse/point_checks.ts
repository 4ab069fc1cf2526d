/**
 * Checks shared by the CSV and GeoJSON point importers: the position (projected metres, swapped
 * latitude/longitude, outside Vietnam) and duplicates (same id, same coordinates).
 */
import { createHashIndex, hashString } from "./hashed_key_set.ts";
import type { ImportIssue } from "../issues.ts";
import type { Message, Point } from "../types.ts";
import { makeIssue, type IssueLocation } from "./import_issue.ts";
import { VIETNAM_BOUNDS, isInBounds } from "./vietnam_bounds.ts";
import { domainMessage } from "../messages/message.ts";

/** The outcome of checking one position. */
export type PositionCheck =
  | { ok: true; lon: number; lat: number; swapped: boolean }
  | { ok: false; code: "coordinates_projected" | "coordinates_out_of_area" | "coordinates_invalid"; message: Message };

/** Larger than any projected coordinate in metres (VN-2000 and UTM eastings and northings, even with a zone prefix). */
const MAX_PROJECTED_METRES = 1e8;

const BOUNDS_TEXT = `${VIETNAM_BOUNDS.minLon}–${VIETNAM_BOUNDS.maxLon}`;
const LATITUDE_TEXT = `${VIETNAM_BOUNDS.minLat}–${VIETNAM_BOUNDS.maxLat}`;

/**
 * Checks a position read as longitude and latitude in degrees, and corrects a swapped pair.
 * @param lon - the value read as longitude
 * @param lat - the value read as latitude
 * @returns the position to use (swapped when the two were exchanged), or why it is rejected
 */
export function checkPointPosition(lon: number, lat: number): PositionCheck {
  if (!(Math.abs(lon) <= MAX_PROJECTED_METRES) || !(Math.abs(lat) <= MAX_PROJECTED_METRES)) {
    return {
      ok: false,
      code: "coordinates_invalid",
      message: domainMessage("points.coordinates_invalid", { lon, lat }),
    };
  }
  if (Math.abs(lon) > 1000 || Math.abs(lat) > 1000) {
    return {
      ok: false,
      code: "coordinates_projected",
      message: domainMessage("points.coordinates_projected", { lon, lat }),
    };
  }
  if (isInBounds(lon, lat)) return { ok: true, lon, lat, swapped: false };
  if (isInBounds(lat, lon)) return { ok: true, lon: lat, lat: lon, swapped: true };
  return {
    ok: false,
    code: "coordinates_out_of_area",
    message: domainMessage("points.coordinates_out_of_area", { lon, lat, boundsText: BOUNDS_TEXT, latitudeText: LATITUDE_TEXT }),
  };
}

/** The warning for a corrected swap. */
export function swappedMessage(lon: number, lat: number): Message {
  return domainMessage("points.lat_lon_swapped", { lon, lat });
}

/**
 * Reports later points whose id or coordinates repeat an earlier point's. The points are kept.
 * @param points - accepted points, in file order
 * @param file - the file name for the issues
 * @param unit - what `source.row` counts: a CSV data row or a GeoJSON feature (the issue's location and its words)
 * @returns one warning per repeated id and per repeated position
 */
export function findDuplicatePoints(points: readonly Point[], file: string, unit: "row" | "feature"): ImportIssue[] {
  const locate = (point: Point): IssueLocation => (unit === "row" ? { row: point.source.row } : { featureIndex: point.source.row });
  const describe = (point: Point): Message => domainMessage(unit === "row" ? "issue.where_row" : "issue.where_feature", { row: point.source.row });
  const issues: ImportIssue[] = [];
  // Hash tables of point indices (no string key per position, no Map entry per point): this runs on a million
  // points. Equal hashes are confirmed by comparing the values themselves, so the result is exact.
  const ids = createHashIndex(points.length);
  const positions = createHashIndex(points.length);
  const idHash = new Uint32Array(2);
  const scratch = new Float64Array(2);
  const scratchWords = new Uint32Array(scratch.buffer);
  for (let index = 0; index < points.length; index++) {
    const point = points[index];
    hashString(point.id, idHash);
    const firstIndex = ids.firstOrAdd(idHash[0], idHash[1], index, (other) => points[other].id === point.id);
    if (firstIndex >= 0) {
      const where = describe(points[firstIndex]);
      issues.push(makeIssue(file, "warning", "duplicate_id", domainMessage("points.duplicate_id", { id: point.id, where }), locate(point)));
    }
    scratch[0] = point.lon;
    scratch[1] = point.lat;
    const positionHigh = Math.imul(scratchWords[0] ^ Math.imul(scratchWords[1], 0x9e3779b1), 0x85ebca6b) ^ scratchWords[2];
    const positionLow = Math.imul(scratchWords[2] ^ Math.imul(scratchWords[3], 0xc2b2ae35), 0x27d4eb2f) ^ scratchWords[1];
    const samePlaceIndex = positions.firstOrAdd(
      positionHigh >>> 0,
      positionLow >>> 0,
      index,
      (other) => points[other].lon === point.lon && points[other].lat === point.lat,
    );
    if (samePlaceIndex >= 0) {
      const samePlace = points[samePlaceIndex];
      const where = describe(samePlace);
      issues.push(
        makeIssue(
          file,
          "warning",
          "duplicate_coordinates",
          domainMessage("points.duplicate_coordinates", { lon: point.lon, lat: point.lat, where, id: samePlace.id }),
          locate(point),
        ),
      );
    }
  }
  return issues;
}

/**
 * Returns a file name without folders and extension, for generated ids.
 * @param file - e.g. "data/truong.csv"
 * @returns e.g. "truong"
 */
export function fileStem(file: string): string {
  const base = file.replace(/^.*[\\/]/, "");
  const stem = base.replace(/\.[^.]+$/, "");
  return stem === "" ? base : stem;
}

/** Point fields where optional ones may be undefined. */
export type PointDraft = Omit<Point, "parentId" | "weight" | "provinceCode" | "provinceName" | "communeCode" | "communeName"> & {
  parentId: string | undefined;
  weight: number | undefined;
  provinceCode: string | undefined;
  provinceName: string | undefined;
  communeCode: string | undefined;
  communeName: string | undefined;
};

/**
 * Builds a Point with its keys in one order and without undefined optional fields, so reports and golden files are stable.
 * @param draft - every field, optional ones possibly undefined
 * @returns the point
 */
export function makePoint(draft: PointDraft): Point {
  // Built field by field (no spreads): this runs once per row on files of a million rows.
  const point: Point = { id: draft.id, name: draft.name, kind: draft.kind, lon: draft.lon, lat: draft.lat, source: draft.source, extra: draft.extra };
  if (draft.parentId !== undefined) point.parentId = draft.parentId;
  if (draft.weight !== undefined) point.weight = draft.weight;
  if (draft.provinceCode !== undefined) point.provinceCode = draft.provinceCode;
  if (draft.provinceName !== undefined) point.provinceName = draft.provinceName;
  if (draft.communeCode !== undefined) point.communeCode = draft.communeCode;
  if (draft.communeName !== undefined) point.communeName = draft.communeName;
  return point;
}
