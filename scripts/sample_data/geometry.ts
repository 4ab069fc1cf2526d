/**
 * Small planar geometry helpers for the sample-data generator. Distances use a local equirectangular
 * approximation, which is accurate to well under 1 % over the few tens of kilometres involved here.
 */
import booleanPointInPolygon from "@turf/boolean-point-in-polygon";
import type { MultiPolygon, Polygon, Position } from "geojson";

export type AreaGeometry = Polygon | MultiPolygon;
export type BoundingBox = [minLon: number, minLat: number, maxLon: number, maxLat: number];

const KM_PER_DEGREE_LATITUDE = 110.574;
const KM_PER_DEGREE_LONGITUDE_AT_EQUATOR = 111.32;

/** Kilometres per degree of longitude at a latitude. */
export function kmPerDegreeLongitude(latitude: number): number {
  return KM_PER_DEGREE_LONGITUDE_AT_EQUATOR * Math.cos((latitude * Math.PI) / 180);
}

/**
 * Approximate distance between two positions.
 * @param a - [lon, lat]
 * @param b - [lon, lat]
 * @returns kilometres
 */
export function distanceKm(a: Position, b: Position): number {
  const dx = (b[0] - a[0]) * kmPerDegreeLongitude((a[1] + b[1]) / 2);
  const dy = (b[1] - a[1]) * KM_PER_DEGREE_LATITUDE;
  return Math.hypot(dx, dy);
}

/**
 * Moves a position by a distance east and north.
 * @param origin - [lon, lat]
 * @param eastKm - kilometres east (negative: west)
 * @param northKm - kilometres north (negative: south)
 * @returns the moved position
 */
export function offsetPosition(origin: Position, eastKm: number, northKm: number): Position {
  return [origin[0] + eastKm / kmPerDegreeLongitude(origin[1]), origin[1] + northKm / KM_PER_DEGREE_LATITUDE];
}

/** Every polygon of a geometry, as arrays of rings. */
export function listPolygons(geometry: AreaGeometry): Position[][][] {
  return geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
}

/**
 * The bounding box of a geometry.
 * @param geometry - a Polygon or MultiPolygon
 * @returns [minLon, minLat, maxLon, maxLat]
 */
export function computeBoundingBox(geometry: AreaGeometry): BoundingBox {
  const box: BoundingBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const polygon of listPolygons(geometry)) {
    for (const position of polygon[0]) {
      box[0] = Math.min(box[0], position[0]);
      box[1] = Math.min(box[1], position[1]);
      box[2] = Math.max(box[2], position[0]);
      box[3] = Math.max(box[3], position[1]);
    }
  }
  return box;
}

/**
 * Signed area of a ring in km² (shoelace on locally scaled coordinates; counter-clockwise positive).
 * @param ring - a closed ring
 * @returns km², positive for counter-clockwise rings
 */
function computeRingAreaKm2(ring: Position[]): number {
  if (ring.length === 0) return 0;
  const scale = kmPerDegreeLongitude(ring[0][1]);
  let sum = 0;
  for (let index = 0; index + 1 < ring.length; index += 1) {
    const [x1, y1] = ring[index];
    const [x2, y2] = ring[index + 1];
    sum += x1 * scale * (y2 * KM_PER_DEGREE_LATITUDE) - x2 * scale * (y1 * KM_PER_DEGREE_LATITUDE);
  }
  return sum / 2;
}

/**
 * Area of a geometry in km² (holes subtracted).
 * @param geometry - a Polygon or MultiPolygon
 * @returns km²
 */
export function computeAreaKm2(geometry: AreaGeometry): number {
  let area = 0;
  for (const polygon of listPolygons(geometry)) {
    polygon.forEach((ring, index) => {
      const ringArea = Math.abs(computeRingAreaKm2(ring));
      area += index === 0 ? ringArea : -ringArea;
    });
  }
  return area;
}

/**
 * Area-weighted centroid of a geometry's outer rings (may fall outside a concave shape).
 * @param geometry - a Polygon or MultiPolygon
 * @returns [lon, lat]
 */
export function computeCentroid(geometry: AreaGeometry): Position {
  let weight = 0;
  let lon = 0;
  let lat = 0;
  for (const polygon of listPolygons(geometry)) {
    const ring = polygon[0];
    for (let index = 0; index + 1 < ring.length; index += 1) {
      const [x1, y1] = ring[index];
      const [x2, y2] = ring[index + 1];
      const cross = x1 * y2 - x2 * y1;
      weight += cross;
      lon += (x1 + x2) * cross;
      lat += (y1 + y2) * cross;
    }
  }
  return [lon / (3 * weight), lat / (3 * weight)];
}

/**
 * Tests whether a position lies inside a geometry (on the edge counts as inside), with a bounding-box shortcut.
 * @param position - [lon, lat]
 * @param geometry - a Polygon or MultiPolygon
 * @param box - the geometry's bounding box
 * @returns true when inside
 */
export function isInsideArea(position: Position, geometry: AreaGeometry, box: BoundingBox): boolean {
  if (position[0] < box[0] || position[0] > box[2] || position[1] < box[1] || position[1] > box[3]) return false;
  return booleanPointInPolygon(position, geometry);
}

/**
 * A regular polygon approximating a disc on the ground, counter-clockwise (RFC 7946).
 * @param centre - [lon, lat]
 * @param radiusKm - radius in kilometres
 * @param sides - number of sides
 * @returns a Polygon
 */
export function makeDisc(centre: Position, radiusKm: number, sides: number): Polygon {
  const ring: Position[] = [];
  for (let index = 0; index < sides; index += 1) {
    const angle = (2 * Math.PI * index) / sides;
    ring.push(roundPosition(offsetPosition(centre, radiusKm * Math.cos(angle), radiusKm * Math.sin(angle))));
  }
  ring.push(ring[0]);
  return { type: "Polygon", coordinates: [ring] };
}

/** Rounds to 5 decimals (about 1 m); `+ 0` turns -0 into 0. */
export function roundCoordinate(value: number): number {
  return Math.round(value * 1e5) / 1e5 + 0;
}

/** Rounds both coordinates of a position to 5 decimals. */
export function roundPosition(position: Position): Position {
  return [roundCoordinate(position[0]), roundCoordinate(position[1])];
}

/**
 * Rounds a geometry to 5 decimals as a MultiPolygon, dropping consecutive duplicates and rings that
 * collapse below 4 positions.
 * @param geometry - a Polygon or MultiPolygon
 * @returns the rounded MultiPolygon
 */
export function roundToMultiPolygon(geometry: AreaGeometry): MultiPolygon {
  const polygons: Position[][][] = [];
  for (const polygon of listPolygons(geometry)) {
    const rings: Position[][] = [];
    for (const ring of polygon) {
      const rounded: Position[] = [];
      for (const position of ring) {
        const next = roundPosition(position);
        const previous = rounded[rounded.length - 1];
        if (previous === undefined || previous[0] !== next[0] || previous[1] !== next[1]) rounded.push(next);
      }
      if (rounded.length >= 4) rings.push(rounded);
      else if (rings.length === 0) break; // an outer ring that collapsed takes its holes with it
    }
    if (rings.length > 0) polygons.push(rings);
  }
  return { type: "MultiPolygon", coordinates: polygons };
}
