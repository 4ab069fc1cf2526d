/**
 * checkCoverageGeometry for a geometry the byte scanner read (scan_geojson.ts), without building the nested arrays
 * JSON.parse would. The common case of a coverage file — one ring, closed, no repeated position, inside the
 * longitude and latitude ranges, strictly convex (a tower disc) — is valid as it is, and the answer is the one
 * checkCoverageGeometry gives for it (the same area and convexity tests on the same numbers). Every other
 * geometry is built as JSON.parse builds it (scannedToGeojson) and parse_coverage_geojson.ts sends it through
 * checkCoverageGeometry itself, repairs included.
 */
import type { MultiPolygon, Polygon, Position } from "geojson";
import type { GeometryIssue } from "./polygon_checks.ts";
import type { ScannedGeometry } from "./scan_geojson.ts";
import { VIETNAM_BOUNDS } from "./vietnam_bounds.ts";
import { domainMessage } from "../messages/message.ts";

/** A scanned geometry that is valid as it is: one convex ring, read backwards when it was clockwise. */
export interface ConvexRing {
  type: "Polygon" | "MultiPolygon";
  /** Index of the ring's first coordinate in the collection's coordinates, and its number of positions. */
  start: number;
  count: number;
  reversed: boolean;
  /** The warnings checkCoverageGeometry gives for it (winding, outside Vietnam). */
  issues: GeometryIssue[];
}

/**
 * The common case of checkCoverageGeometry on a scanned geometry, answered on the coordinates themselves.
 * @param geometry - from scanFeatureCollection
 * @param coordinates - the collection's coordinates
 * @returns the ring and its warnings, or null when checkCoverageGeometry must decide (on scannedToGeojson's geometry)
 */
export function scannedConvexRing(geometry: ScannedGeometry, coordinates: Float64Array): ConvexRing | null {
  const fast = geometry.rings.length === 2 ? convexRing(geometry.rings[0], geometry.rings[1], coordinates) : null;
  if (fast === null) return null;
  const issues: GeometryIssue[] = [];
  if (fast.rewound) {
    issues.push({
      severity: "warning",
      code: "ring_winding",
      message: domainMessage("coverage.ring_winding"),
    });
  }
  if (fast.outside) {
    issues.push({
      severity: "warning",
      code: "feature_outside_area",
      message: domainMessage("geometry.feature_outside_area"),
    });
  }
  return { type: geometry.type, start: geometry.rings[0], count: geometry.rings[1], reversed: fast.rewound, issues };
}

/**
 * The GeoJSON geometry checkCoverageGeometry returns for a convex ring.
 * @param ring - from scannedConvexRing
 * @param coordinates - the collection's coordinates
 * @returns a Polygon, or a MultiPolygon of one polygon when the file wrote one
 */
export function convexRingGeometry(ring: ConvexRing, coordinates: Float64Array): Polygon | MultiPolygon {
  const { start, count } = ring;
  const positions: Position[] = new Array(count);
  if (ring.reversed) for (let i = 0; i < count; i++) positions[i] = [coordinates[start + 2 * (count - 1 - i)], coordinates[start + 2 * (count - 1 - i) + 1]];
  else for (let i = 0; i < count; i++) positions[i] = [coordinates[start + 2 * i], coordinates[start + 2 * i + 1]];
  return ring.type === "Polygon" ? { type: "Polygon", coordinates: [positions] } : { type: "MultiPolygon", coordinates: [[positions]] };
}

/**
 * One ring that needs no change but perhaps its winding, as positions (reversed when it was clockwise), or null
 * when the general check must decide.
 */
function convexRing(start: number, count: number, coordinates: Float64Array): { rewound: boolean; outside: boolean } | null {
  if (count < 4) return null;
  const end = start + 2 * count;
  // Closed (compared as readRing compares: -0 equals 0), in range, no repeated consecutive position.
  if (coordinates[start] !== coordinates[end - 2] || coordinates[start + 1] !== coordinates[end - 1]) return null;
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  let previousLon = NaN;
  let previousLat = NaN;
  for (let k = start; k < end; k += 2) {
    const lon = coordinates[k];
    const lat = coordinates[k + 1];
    // NaN never comes from JSON; ±Infinity (1e400) fails the range test, as readRing's finite test.
    if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) return null;
    if (lon === previousLon && lat === previousLat) return null;
    previousLon = lon;
    previousLat = lat;
    if (lon < minLon) minLon = lon;
    if (lon > maxLon) maxLon = lon;
    if (lat < minLat) minLat = lat;
    if (lat > maxLat) maxLat = lat;
  }
  // ringArea and then isStrictlyConvexRing of the oriented ring, on the same numbers in the same order.
  let sum = 0;
  for (let k = start; k + 2 < end; k += 2) sum += coordinates[k] * coordinates[k + 3] - coordinates[k + 2] * coordinates[k + 1];
  const area = sum / 2;
  if (area === 0) return null;
  const rewound = area < 0;
  if (!strictlyConvex(coordinates, start, count, rewound)) return null;
  const bounds = VIETNAM_BOUNDS;
  const outside = !(maxLon >= bounds.minLon && minLon <= bounds.maxLon && maxLat >= bounds.minLat && minLat <= bounds.maxLat);
  return { rewound, outside };
}

/**
 * isStrictlyConvexRing (make_valid.ts) on a ring in the coordinate array, read backwards when `reversed`: the same
 * arithmetic on the same numbers, so the same answer.
 */
function strictlyConvex(coordinates: Float64Array, start: number, length: number, reversed: boolean): boolean {
  const count = length - 1;
  if (count < 3) return false;
  // Position i of the oriented ring is at base + step × i.
  const base = reversed ? start + 2 * (length - 1) : start;
  const step = reversed ? -2 : 2;
  let turnSign = 0;
  let directionChanges = 0;
  let previousDirection = 0;
  for (let i = 0; i < count; i++) {
    const a = base + step * i;
    const b = a + step;
    const c = base + step * (i + 2 > count ? 1 : i + 2);
    const ax = coordinates[a];
    const ay = coordinates[a + 1];
    const bx = coordinates[b];
    const by = coordinates[b + 1];
    const cross = (bx - ax) * (coordinates[c + 1] - by) - (by - ay) * (coordinates[c] - bx);
    if (cross === 0 || Number.isNaN(cross)) return false;
    const sign = cross > 0 ? 1 : -1;
    if (turnSign === 0) turnSign = sign;
    else if (sign !== turnSign) return false;
    const dx = bx - ax;
    const direction = dx > 0 ? 1 : dx < 0 ? -1 : 0;
    if (direction !== 0) {
      if (previousDirection !== 0 && direction !== previousDirection) directionChanges++;
      previousDirection = direction;
    }
  }
  const firstDx = coordinates[base + step] - coordinates[base];
  const firstDirection = firstDx > 0 ? 1 : firstDx < 0 ? -1 : 0;
  if (firstDirection !== 0 && previousDirection !== 0 && firstDirection !== previousDirection) directionChanges++;
  return directionChanges <= 2;
}

/**
 * The geometry as JSON.parse reads it: nested arrays, one [lon, lat] array per position.
 * @param geometry - from scanFeatureCollection
 * @param coordinates - the collection's coordinates
 * @returns a GeoJSON Polygon or MultiPolygon
 */
export function scannedToGeojson(
  geometry: ScannedGeometry,
  coordinates: Float64Array,
): { type: "Polygon" | "MultiPolygon"; coordinates: Position[][] | Position[][][] } {
  const polygons: Position[][][] = [];
  let ring = 0;
  for (const ringCount of geometry.ringCounts) {
    const rings: Position[][] = [];
    for (let r = 0; r < ringCount; r++, ring++) {
      const start = geometry.rings[2 * ring];
      const count = geometry.rings[2 * ring + 1];
      const positions: Position[] = new Array(count);
      for (let i = 0; i < count; i++) positions[i] = [coordinates[start + 2 * i], coordinates[start + 2 * i + 1]];
      rings.push(positions);
    }
    polygons.push(rings);
  }
  return geometry.type === "Polygon" ? { type: "Polygon", coordinates: polygons[0] } : { type: "MultiPolygon", coordinates: polygons };
}
