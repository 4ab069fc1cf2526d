/**
 * The dense points as GPU dots (src/map/point_dots_layer.ts), below zoom 9: their projected positions, their drawing
 * order (sorted by the worker for a new analysis, map_payload.ts, and by the map for a filter change), and the hit
 * test (MapLibre cannot query the dots, so the point under the cursor is found in an index of their positions).
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

/** Point codes: 0–2 the statuses (uncovered, one carrier, covered), 3–7 the best-technology view (none, 2G … 5G); DOT_PALETTE's length. */
export const DOT_CODES = 8;
/** A code outside the palette is drawn as covered. */
const FALLBACK_CODE = 2;
/** Drawing order of the codes, last on top: the best covered first, "no signal" (0, and 3: no technology) on top. */
const DRAW_ORDER = [2, 7, 6, 5, 4, 1, 3, 0];

/** What one style of the dots uploads: a code per point, and the order the visible ones are drawn in. */
export interface DotStyle {
  /** Palette index per point (a code outside the palette replaced by covered's). */
  codes: Uint8Array;
  /** The visible points, drawn in this order (later on top): by DRAW_ORDER, in point order within a code. */
  dots: Uint32Array;
  /** The visible listed points, whose rings are drawn under every dot. */
  rings: Uint32Array;
}

/**
 * The dots' style for one filter: a counting sort of the visible points by drawing rank (linear, stable).
 * @param codes - the code per point (status, or BEST_CODE_OFFSET + best technology)
 * @param visible - 1 where the point is drawn
 * @param listed - 1 where the point's listed ring is drawn (null: none)
 * @returns the codes and drawing order to upload
 */
export function dotStyle(codes: ArrayLike<number>, visible: ArrayLike<number>, listed: ArrayLike<number> | null): DotStyle {
  const count = codes.length;
  const rankOf = new Uint8Array(DOT_CODES);
  DRAW_ORDER.forEach((code, rank) => (rankOf[code] = rank));
  const palette = new Uint8Array(count);
  const perRank = new Uint32Array(DRAW_ORDER.length + 1);
  let ringCount = 0;
  for (let i = 0; i < count; i++) {
    const code = codes[i] >= 0 && codes[i] < DOT_CODES ? codes[i] : FALLBACK_CODE;
    palette[i] = code;
    if (visible[i] !== 1) continue;
    perRank[rankOf[code] + 1]++;
    if (listed && listed[i] === 1) ringCount++;
  }
  for (let rank = 0; rank < DRAW_ORDER.length; rank++) perRank[rank + 1] += perRank[rank];
  const dots = new Uint32Array(perRank[DRAW_ORDER.length]);
  const rings = new Uint32Array(ringCount);
  let ring = 0;
  for (let i = 0; i < count; i++) {
    if (visible[i] !== 1) continue;
    dots[perRank[rankOf[palette[i]]]++] = i;
    if (listed && listed[i] === 1) rings[ring++] = i;
  }
  return { codes: palette, dots, rings };
}
