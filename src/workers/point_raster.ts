/**
 * Dense point data drawn by pixels below zoom 9 (see DENSE_POINTS in src/map/layers.ts): the analysis worker stamps
 * each visible point as a dot coloured by its status (white outline; covered first, then one carrier,
 * uncovered on top; a dark ring for a listed dead zone) into 256-pixel tiles on request. A filter change sends the
 * status and visibility codes the main thread computed (two bytes a point) and re-requests the visible tiles; no
 * feature state is set per point and MapLibre never re-evaluates 100,000 features' paint.
 *
 * Plain module (no worker scope, no DOM), unit-tested in Node.
 */
import Flatbush from "flatbush";
import { COVERAGE_TILE_SIZE, mercatorX, mercatorY } from "./coverage_raster.ts";

/**
 * Colours by point code, as src/map/layers.ts draws them (point_raster.test.ts checks): 0–2 the statuses (uncovered,
 * one carrier, covered, STATUS_COLORS), 3–7 the best-technology view (none, 2G … 5G, BEST_TECHNOLOGY_COLORS).
 */
export const CODE_RGB: readonly (readonly [number, number, number])[] = [
  [0xb3, 0x12, 0x4d],
  [0xc2, 0x54, 0x00],
  [0x1b, 0x7a, 0x3a],
  [0xb3, 0x12, 0x4d],
  [0x80, 0x35, 0x00],
  [0x73, 0x99, 0x00],
  [0x00, 0x99, 0x99],
  [0x14, 0x1a, 0x52],
];
/** Drawing order of the codes, last on top: the best covered first, "no signal" (0, and 3: no technology) on top. */
const DRAW_ORDER = [2, 7, 6, 5, 4, 1, 3, 0];
const LISTED_RGB: [number, number, number] = [0x11, 0x11, 0x11];

export interface PointRaster {
  xs: Float64Array;
  ys: Float64Array;
  index: Flatbush | null;
}

/** The styles the points are drawn with: one status code (0, 1, 2) and one visibility flag per point, and the listed ones. */
export interface PointStyle {
  status: Uint8Array;
  visible: Uint8Array;
  listed: Uint8Array;
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
 * Dot radius in pixels at a zoom, as the circle layers drew them (2.2 px at zoom 5 to 4 px at zoom 9).
 * @param z - the zoom
 * @returns the radius
 */
export function dotRadius(z: number): number {
  if (z <= 5) return 2.2;
  if (z >= 9) return 4;
  return 2.2 + ((z - 5) / 4) * 1.8;
}

/**
 * One tile of dots.
 * @param raster - the projected points
 * @param style - status, visibility and listed flags per point
 * @param z - tile zoom
 * @param tx - tile column
 * @param ty - tile row
 * @param size - tile size in pixels
 * @returns RGBA bytes (opaque dots on a transparent tile), or null when no visible point is in the tile
 */
export function renderPointTile(
  raster: PointRaster,
  style: PointStyle,
  z: number,
  tx: number,
  ty: number,
  size = COVERAGE_TILE_SIZE,
): Uint8ClampedArray<ArrayBuffer> | null {
  if (!raster.index) return null;
  // MapLibre's zoom counts 512-pixel tiles: a 256-pixel tile of zoom z is drawn at its own scale at map zoom z − 1.
  const radius = dotRadius(z - 1);
  const outline = 0.5;
  const ring = radius + 2.5;
  const reach = ring + 2;
  const tiles = 2 ** z;
  const scale = tiles * size;
  const margin = reach / scale;
  const found = raster.index.search(tx / tiles - margin, ty / tiles - margin, (tx + 1) / tiles + margin, (ty + 1) / tiles + margin);
  let any = false;
  for (const i of found) if (style.visible[i] === 1) any = true;
  if (!any) return null;
  // Opaque pixels, the last drawn wins (dots of 2–4 pixels: a pixel is the dot's when at least half of it is).
  const rgba = new Uint8ClampedArray(size * size * 4);
  const pixels = new Uint32Array(rgba.buffer);
  const dot = kernel(radius, outline);
  const listedRing = ringKernel(ring);
  const white = packRgba([255, 255, 255]);
  const dark = packRgba(LISTED_RGB);
  const colors = CODE_RGB.map(packRgba);
  // Each dot is stamped centred on the pixel holding the point (at most half a pixel off), from a precomputed kernel.
  const stamp = (i: number, listedPass: boolean) => {
    const px = Math.floor(raster.xs[i] * scale - tx * size);
    const py = Math.floor(raster.ys[i] * scale - ty * size);
    const k = listedPass ? listedRing : dot;
    const fill = listedPass ? dark : (colors[style.status[i]] ?? colors[2]);
    const { dx, dy, inner } = k;
    for (let e = 0; e < dx.length; e++) {
      const x = px + dx[e];
      const y = py + dy[e];
      if (x < 0 || y < 0 || x >= size || y >= size) continue;
      pixels[y * size + x] = listedPass || inner[e] === 1 ? fill : white;
    }
  };
  // Listed rings under the dots, then covered, one carrier, uncovered (on top); an unknown code is drawn as covered.
  for (const i of found) if (style.visible[i] === 1 && style.listed[i] === 1) stamp(i, true);
  for (const code of DRAW_ORDER) {
    for (const i of found) if (style.visible[i] === 1 && (style.status[i] === code || (code === 2 && style.status[i] >= CODE_RGB.length))) stamp(i, false);
  }
  return rgba;
}

interface Kernel {
  dx: Int8Array;
  dy: Int8Array;
  /** Coverage of the whole dot (outline included), or of the ring. */
  outer: Float32Array;
  /** Coverage of the coloured inside. */
  inner: Float32Array;
}

const kernels = new Map<string, Kernel>();

/** An opaque colour as one little-endian RGBA word. */
function packRgba(rgb: readonly number[]): number {
  return (0xff000000 | (rgb[2] << 16) | (rgb[1] << 8) | rgb[0]) >>> 0;
}

/** A kernel of the pixels at least half covered; `inner` is 1 where the coloured inside covers half the pixel. */
function makeKernel(key: string, reach: number, coverage: (d: number) => [number, number]): Kernel {
  const cached = kernels.get(key);
  if (cached) return cached;
  const dx: number[] = [];
  const dy: number[] = [];
  const outer: number[] = [];
  const inner: number[] = [];
  const extent = Math.ceil(reach + 1);
  for (let y = -extent; y <= extent; y++) {
    for (let x = -extent; x <= extent; x++) {
      const [a, b] = coverage(Math.hypot(x, y));
      if (a < 0.5) continue;
      dx.push(x);
      dy.push(y);
      outer.push(1);
      inner.push(b >= 0.5 ? 1 : 0);
    }
  }
  const made = { dx: Int8Array.from(dx), dy: Int8Array.from(dy), outer: Float32Array.from(outer), inner: Float32Array.from(inner) };
  kernels.set(key, made);
  return made;
}

const clamp01 = (value: number) => (value < 0 ? 0 : value > 1 ? 1 : value);

function kernel(radius: number, outline: number): Kernel {
  return makeKernel(`dot ${radius} ${outline}`, radius + outline, (d) => [clamp01(radius + outline - d + 0.5), clamp01(radius - d + 0.5)]);
}

function ringKernel(radius: number): Kernel {
  // A 2-pixel dark ring whose outer edge is at `radius`.
  return makeKernel(`ring ${radius}`, radius, (d) => [clamp01(Math.min(d - (radius - 2) + 0.5, radius - d + 0.5)), 0]);
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
