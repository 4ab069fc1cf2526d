/**
 * Where to put the label of an admin area: inside its largest part, on the horizontal line
 * through the part's centroid, at the middle of the widest stretch of that line inside the ring.
 * Unlike the centroid itself, this point is always inside the ring, even for a crescent.
 */
import type { MultiPolygon, Polygon, Position } from "geojson";

function ringArea(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) sum += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  return Math.abs(sum / 2);
}

function ringCentroidLatitude(ring: readonly Position[]): number {
  let area = 0;
  let latitude = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const cross = ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
    area += cross;
    latitude += (ring[j][1] + ring[i][1]) * cross;
  }
  if (area === 0) return ring.reduce((sum, position) => sum + position[1], 0) / Math.max(ring.length, 1);
  return latitude / (3 * area);
}

/**
 * Computes a label position inside the largest outer ring of a polygon.
 * @param geometry - a Polygon or MultiPolygon
 * @returns [lon, lat], or null for an empty geometry
 * @example
 * ```ts
 * computeLabelPoint({ type: "Polygon", coordinates: [[[0, 0], [4, 0], [4, 2], [0, 2], [0, 0]]] }) // [2, 1]
 * ```
 */
export function computeLabelPoint(geometry: Polygon | MultiPolygon): [number, number] | null {
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  let ring: Position[] | null = null;
  let largest = -1;
  for (const polygon of polygons) {
    const outer = polygon[0];
    if (!outer || outer.length < 4) continue;
    const area = ringArea(outer);
    if (area > largest) {
      largest = area;
      ring = outer;
    }
  }
  if (!ring) return null;
  const latitude = ringCentroidLatitude(ring);
  const crossings: number[] = [];
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [x1, y1] = ring[j];
    const [x2, y2] = ring[i];
    if (y1 > latitude !== y2 > latitude) crossings.push(x1 + ((latitude - y1) * (x2 - x1)) / (y2 - y1));
  }
  crossings.sort((a, b) => a - b);
  let best: [number, number] | null = null;
  let widest = -1;
  for (let k = 0; k + 1 < crossings.length; k += 2) {
    const width = crossings[k + 1] - crossings[k];
    if (width > widest) {
      widest = width;
      best = [(crossings[k] + crossings[k + 1]) / 2, latitude];
    }
  }
  return best ?? [ring[0][0], ring[0][1]];
}
