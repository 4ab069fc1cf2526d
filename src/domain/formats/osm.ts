/**
 * OpenStreetMap exports (Overpass turbo's GeoJSON, osmtogeojson) as point lists: schools and villages are often
 * mapped as areas (the school grounds, the village's outline), which become one point inside them; tags become
 * the point's kind, id and name.
 *
 * The point is the pole of inaccessibility (the interior point farthest from the outline, found by the
 * "polylabel" cell search of Garcia-Castellanos & Lombardo, 2007), never the centroid, which falls outside a U-shaped
 * or ring-shaped area. Distances are measured with longitudes scaled by cos(latitude), so that the point is central
 * on the ground.
 */
import type { RawFeature } from "../parse/geojson_input.ts";
import type { PointKind } from "../types.ts";

type Ring = number[][];

/** OSM tag values → the project's point kinds. */
export const OSM_KINDS: Readonly<Record<string, Record<string, PointKind>>> = {
  amenity: { school: "school", kindergarten: "school", college: "school" },
  place: { village: "village", hamlet: "village", isolated_dwelling: "village" },
};

const OSM_ID = /^(node|way|relation)\/\d+$/;

/**
 * Whether a feature comes from an OpenStreetMap export: an `@id` or an id `way/123`, or one of the tags read here.
 * @param feature - the feature
 * @returns true for an OSM feature
 */
export function isOsmFeature(feature: RawFeature): boolean {
  const properties = feature.properties;
  if (typeof properties["@id"] === "string" && OSM_ID.test(properties["@id"])) return true;
  if (typeof feature.id === "string" && OSM_ID.test(feature.id)) return true;
  if (typeof properties.id === "string" && OSM_ID.test(properties.id)) return true;
  return (
    (typeof properties.amenity === "string" && Object.hasOwn(OSM_KINDS.amenity, properties.amenity)) ||
    (typeof properties.place === "string" && Object.hasOwn(OSM_KINDS.place, properties.place))
  );
}

/** Signed distance from a point to the outline of a polygon (positive inside), in the scaled plane. */
function signedDistance(x: number, y: number, rings: readonly Ring[], scale: number): number {
  let inside = false;
  let best = Infinity;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const ax = ring[i][0] * scale;
      const ay = ring[i][1];
      const bx = ring[j][0] * scale;
      const by = ring[j][1];
      if (ay > y !== by > y && x < ((bx - ax) * (y - ay)) / (by - ay) + ax) inside = !inside;
      const dx = bx - ax;
      const dy = by - ay;
      const length = dx * dx + dy * dy;
      const t = length === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / length));
      const ex = ax + t * dx - x;
      const ey = ay + t * dy - y;
      best = Math.min(best, ex * ex + ey * ey);
    }
  }
  return (inside ? 1 : -1) * Math.sqrt(best);
}

interface Cell {
  x: number;
  y: number;
  half: number;
  distance: number;
  max: number;
}

/**
 * The pole of inaccessibility of a polygon (with holes): a point inside it, as far as possible from its outline.
 * @param rings - the outer ring, then the holes ([lon, lat] positions)
 * @param precision - the search stops when no cell can improve by more than this (degrees of latitude)
 * @returns [lon, lat], inside the polygon whenever the polygon has an area
 */
export function poleOfInaccessibility(rings: readonly Ring[], precision = 1e-6): [number, number] {
  const outer = rings[0];
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [x, y] of outer) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  const scale = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
  const sMinX = minX * scale;
  const sMaxX = maxX * scale;
  const size = Math.min(sMaxX - sMinX, maxY - minY);
  const make = (x: number, y: number, half: number): Cell => {
    const distance = signedDistance(x, y, rings, scale);
    return { x, y, half, distance, max: distance + half * Math.SQRT2 };
  };
  if (size === 0) return [minX, minY];
  const queue: Cell[] = [];
  const cellSize = size;
  for (let x = sMinX; x < sMaxX; x += cellSize) for (let y = minY; y < maxY; y += cellSize) queue.push(make(x + cellSize / 2, y + cellSize / 2, cellSize / 2));
  // The first guess: the bounding box's centre (any cell beats a point outside).
  let best = make((sMinX + sMaxX) / 2, (minY + maxY) / 2, 0);
  let iterations = 0;
  while (queue.length > 0 && iterations++ < 100_000) {
    // The cell that could hold the farthest point (a linear scan: a few hundred cells at most for a school's grounds).
    let index = 0;
    for (let i = 1; i < queue.length; i++) if (queue[i].max > queue[index].max) index = i;
    const cell = queue[index];
    queue[index] = queue[queue.length - 1];
    queue.pop();
    if (cell.distance > best.distance) best = cell;
    if (cell.max - best.distance <= precision) continue;
    const half = cell.half / 2;
    queue.push(
      make(cell.x - half, cell.y - half, half),
      make(cell.x + half, cell.y - half, half),
      make(cell.x - half, cell.y + half, half),
      make(cell.x + half, cell.y + half, half),
    );
  }
  return [best.x / scale, best.y];
}

function ringArea(ring: Ring): number {
  let area = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) area += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  return Math.abs(area / 2);
}

function validRings(value: unknown): value is Ring[] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every(
      (ring) =>
        Array.isArray(ring) &&
        ring.length >= 4 &&
        ring.every((position) => Array.isArray(position) && typeof position[0] === "number" && typeof position[1] === "number"),
    )
  );
}

/**
 * Turns the OSM features of a point list into points: areas (Polygon, MultiPolygon: the largest part) become their
 * pole of inaccessibility, and the tags give `kind`, `id` and `name` when the feature has none.
 * @param features - the features, changed in place
 * @returns how many areas became points, and how many features were OSM ones
 */
export function osmFeaturesToPoints(features: RawFeature[]): { areas: number; osm: number } {
  let areas = 0;
  let osm = 0;
  for (const feature of features) {
    if (!isOsmFeature(feature)) continue;
    osm++;
    const properties = feature.properties;
    const osmId =
      typeof properties["@id"] === "string" ? properties["@id"] : typeof feature.id === "string" && OSM_ID.test(feature.id) ? feature.id : undefined;
    if (properties.id === undefined && osmId !== undefined) properties.id = osmId;
    if (properties.kind === undefined) {
      for (const [tag, values] of Object.entries(OSM_KINDS)) {
        const value = properties[tag];
        if (typeof value === "string" && Object.hasOwn(values, value)) {
          properties.kind = values[value];
          break;
        }
      }
    }
    if (properties.name === undefined && typeof properties["name:vi"] === "string") properties.name = properties["name:vi"];
    const geometry = feature.geometry as { type?: unknown; coordinates?: unknown } | null;
    if (geometry === null || typeof geometry !== "object") continue;
    let rings: Ring[] | undefined;
    if (geometry.type === "Polygon" && validRings(geometry.coordinates)) rings = geometry.coordinates;
    else if (geometry.type === "MultiPolygon" && Array.isArray(geometry.coordinates)) {
      const parts = geometry.coordinates.filter(validRings);
      rings = parts.sort((a, b) => ringArea(b[0]) - ringArea(a[0]))[0];
    }
    if (rings === undefined) continue;
    feature.geometry = { type: "Point", coordinates: poleOfInaccessibility(rings) };
    areas++;
  }
  return { areas, osm };
}
