/**
 * Small hand-made inputs shared by the tests: rectangles, coverage features, points and admin areas with the
 * defaults the tests do not care about (test support: nothing in the product imports it). They build input
 * only; every expected answer stays written out in the test that checks it.
 */
import type { Polygon, Position } from "geojson";
import type { AdminArea, AdminLevel, CoverageFeature, Point, Technology } from "../domain/types.ts";

/**
 * A closed rectangular ring, counter-clockwise from its south-west corner.
 * @param x0 - west longitude
 * @param y0 - south latitude
 * @param x1 - east longitude
 * @param y1 - north latitude
 * @returns five positions, the last equal to the first
 * @example
 * ```ts
 * rectangleRing(104, 22, 104.1, 22.1); // [[104, 22], [104.1, 22], [104.1, 22.1], [104, 22.1], [104, 22]]
 * ```
 */
export function rectangleRing(x0: number, y0: number, x1: number, y1: number): Position[] {
  const corners: Position[] = [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
  ];
  return [...corners, [x0, y0]];
}

/**
 * A rectangle polygon without holes.
 * @param x0 - west longitude
 * @param y0 - south latitude
 * @param x1 - east longitude
 * @param y1 - north latitude
 * @returns the polygon
 */
export function rectangle(x0: number, y0: number, x1: number, y1: number): Polygon {
  return { type: "Polygon", coordinates: [rectangleRing(x0, y0, x1, y1)] };
}

/**
 * A square polygon given by its south-west corner and its side.
 * @param lon - west longitude
 * @param lat - south latitude
 * @param size - the side, in degrees
 * @returns the polygon
 */
export function squarePolygon(lon: number, lat: number, size: number): Polygon {
  return rectangle(lon, lat, lon + size, lat + size);
}

/**
 * A coverage feature of one carrier and technology over a geometry.
 * @param carrier - the carrier
 * @param technology - the technology
 * @param geometry - its polygon
 * @param fields - fields to override (by default no date, from `c.geojson`, feature 0)
 * @returns the feature
 */
export function coverageFeature(
  carrier: string,
  technology: Technology,
  geometry: CoverageFeature["geometry"],
  fields: Partial<CoverageFeature> = {},
): CoverageFeature {
  return { carrier, technology, asOf: null, geometry, source: { file: "c.geojson", featureIndex: 0 }, ...fields };
}

/**
 * A point to analyse: a village named by its id, from row 1 of `p.csv`, without extra columns.
 * @param id - its id (and name)
 * @param lon - longitude
 * @param lat - latitude
 * @param fields - fields to override
 * @returns the point
 */
export function makePoint(id: string, lon: number, lat: number, fields: Partial<Point> = {}): Point {
  return { id, name: id, kind: "village", lon, lat, source: { file: "p.csv", row: 1 }, extra: {}, ...fields };
}

/**
 * An admin area.
 * @param level - province or commune
 * @param code - its code
 * @param name - its name
 * @param geometry - its boundary
 * @param fields - fields to add (parentCode, parentName)
 * @returns the area
 */
export function adminArea(level: AdminLevel, code: string, name: string, geometry: AdminArea["geometry"], fields: Partial<AdminArea> = {}): AdminArea {
  return { level, code, name, geometry, ...fields };
}

/**
 * A bow-tie: the rectangle's corners visited crosswise, so the ring crosses itself once, at the centre.
 * @param x0 - west longitude
 * @param y0 - south latitude
 * @param x1 - east longitude
 * @param y1 - north latitude
 * @returns five positions, the last equal to the first
 */
export function bowTieRing(x0: number, y0: number, x1: number, y1: number): Position[] {
  const [southWest, southEast, northEast, northWest] = rectangleRing(x0, y0, x1, y1);
  return [southWest, northEast, southEast, northWest, [x0, y0]];
}

/**
 * A closed ring written as WKT writes positions, "lon lat, lon lat, …": the first position is repeated at the end.
 * @param text - the positions, without the closing one
 * @returns the ring
 * @example
 * ```ts
 * ringOf("0 0, 2 0, 1 1"); // [[0, 0], [2, 0], [1, 1], [0, 0]]
 * ```
 */
export function ringOf(text: string): Position[] {
  const positions = text.split(",").map((pair) => pair.trim().split(/\s+/).map(Number));
  return [...positions, [...positions[0]]];
}
