/**
 * The dense points' hit test: below zoom 9 the map draws them as GPU dots (src/map/point_dots_layer.ts), which
 * MapLibre cannot query, so the point under the cursor is found in an index of their projected positions.
 *
 * Plain module (no worker scope, no DOM), unit-tested in Node.
 */
import Flatbush from "flatbush";
import { COVERAGE_TILE_SIZE, mercatorX, mercatorY } from "./coverage_raster.ts";

export interface PointRaster {
  xs: Float64Array;
  ys: Float64Array;
  index: Flatbush | null;
}

/**
 * The points' positions in normalised Web Mercator (x, y interleaved; y down), as the GPU layer draws them
 * (src/map/point_dots_layer.ts): the projection the hit test below uses.
 * @param points - the analysed points
 * @returns two floats per point
 */
export function mercatorPositions(points: readonly { lon: number; lat: number }[]): Float32Array {
  const positions = new Float32Array(points.length * 2);
  for (let i = 0; i < points.length; i++) {
    positions[2 * i] = mercatorX(points[i].lon);
    positions[2 * i + 1] = mercatorY(points[i].lat);
  }
  return positions;
}

/**
 * Projects the points once and indexes them.
 * @param lons - longitudes
 * @param lats - latitudes
 * @returns the raster source
 */
export function buildPointRaster(lons: ArrayLike<number>, lats: ArrayLike<number>): PointRaster {
  const count = lons.length;
  const xs = new Float64Array(count);
  const ys = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    xs[i] = mercatorX(lons[i]);
    ys[i] = mercatorY(lats[i]);
  }
  let index: Flatbush | null = null;
  if (count > 0) {
    index = new Flatbush(count);
    for (let i = 0; i < count; i++) index.add(xs[i], ys[i], xs[i], ys[i]);
    index.finish();
  }
  return { xs, ys, index };
}

/**
 * The visible point nearest to a position, within a distance in pixels at a zoom (the main thread's hit test of the dots).
 * @param raster - the projected points
 * @param visible - visibility per point
 * @param lon - longitude
 * @param lat - latitude
 * @param z - the map's zoom
 * @param pixels - the largest distance
 * @returns the point's index, or -1
 */
export function nearestVisiblePoint(raster: PointRaster, visible: Uint8Array, lon: number, lat: number, z: number, pixels: number): number {
  if (!raster.index) return -1;
  const scale = 2 ** z * COVERAGE_TILE_SIZE;
  const x = mercatorX(lon);
  const y = mercatorY(lat);
  const reach = pixels / scale;
  let best = -1;
  let bestDistance = Infinity;
  for (const i of raster.index.search(x - reach, y - reach, x + reach, y + reach)) {
    if (visible[i] !== 1) continue;
    const d = Math.hypot(raster.xs[i] - x, raster.ys[i] - y) * scale;
    if (d <= pixels && d < bestDistance) {
      best = i;
      bestDistance = d;
    }
  }
  return best;
}
