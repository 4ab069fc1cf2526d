/**
 * The tile payload of a pre-built coverage map (`tiles` command → `.pmtiles`; the app's `?coverage=` reader): one tile
 * holds every (carrier, technology) layer that has coverage in it, each as a plane of one byte per pixel, the covered
 * fraction of the pixel × 255 (what the analysis worker's tiles carry as alpha). The app colours each plane with the
 * layer's colour, as it colours the tiles it rasterises itself, so a legend switch or a new colour needs no new file.
 *
 * Layout (little-endian), before the archive's gzip:
 *   byte 0      format version (1)
 *   byte 1      0 (reserved)
 *   bytes 2–3   n, the number of planes
 *   bytes 4–5   the tile size in pixels (256)
 *   then n × 2  the layer index of each plane (in the metadata's `layers`), ascending
 *   then n × size × size bytes, the planes, row-major from the north-west pixel
 *
 * Pure (no Node, no DOM).
 */
import type { Result } from "../result.ts";

/** The name of this payload in the archive's metadata (`format`), and its version. */
export const COVERAGE_TILES_FORMAT = "lomsong-coverage-planes";
export const COVERAGE_TILES_VERSION = 1;
const HEADER_BYTES = 6;

/** One tile's planes: layer indices (ascending) and a plane of size × size bytes for each. */
export interface CoveragePlanes {
  size: number;
  layers: number[];
  planes: Uint8Array[];
}

/**
 * The plane of one layer: the covered fraction × 255, rounded as the worker's tiles round their alpha.
 * @param fraction - covered fraction per pixel, in [0, 1] (rasteriseTile)
 * @returns the plane, or null when every pixel rounds to 0
 */
export function quantiseCoverage(fraction: Float32Array): Uint8Array | null {
  const plane = new Uint8Array(fraction.length);
  let any = false;
  for (let i = 0; i < fraction.length; i++) {
    const value = fraction[i];
    if (value <= 0) continue;
    const byte = value >= 1 ? 255 : Math.round(value * 255);
    plane[i] = byte;
    if (byte > 0) any = true;
  }
  return any ? plane : null;
}

/**
 * The payload of one tile.
 * @param tile - the planes
 * @returns the bytes (uncompressed)
 */
export function encodeCoveragePlanes(tile: CoveragePlanes): Uint8Array {
  const { size, layers, planes } = tile;
  const pixels = size * size;
  const bytes = new Uint8Array(HEADER_BYTES + layers.length * 2 + layers.length * pixels);
  const view = new DataView(bytes.buffer);
  bytes[0] = COVERAGE_TILES_VERSION;
  view.setUint16(2, layers.length, true);
  view.setUint16(4, size, true);
  layers.forEach((layer, k) => {
    if (k > 0 && layer <= layers[k - 1]) throw new RangeError("the layers of a tile must be ascending");
    if (planes[k].length !== pixels) throw new RangeError(`plane ${k} has ${planes[k].length} bytes, not ${pixels}`);
    view.setUint16(HEADER_BYTES + k * 2, layer, true);
  });
  const start = HEADER_BYTES + layers.length * 2;
  planes.forEach((plane, k) => bytes.set(plane, start + k * pixels));
  return bytes;
}

/**
 * Reads one tile's payload; a payload of another version, size or length is an error (a file of another format).
 * @param bytes - the payload (after the archive's gzip)
 * @param expectedSize - the tile size the metadata declares
 * @returns the planes (views into bytes), or what is wrong
 */
export function decodeCoveragePlanes(bytes: Uint8Array, expectedSize: number): Result<CoveragePlanes, string> {
  if (bytes.length < HEADER_BYTES) return { ok: false, error: `the tile has ${bytes.length} bytes, fewer than its header` };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes[0] !== COVERAGE_TILES_VERSION) return { ok: false, error: `tile format version ${bytes[0]}, expected ${COVERAGE_TILES_VERSION}` };
  const count = view.getUint16(2, true);
  const size = view.getUint16(4, true);
  if (size !== expectedSize) return { ok: false, error: `tile size ${size}, expected ${expectedSize}` };
  const pixels = size * size;
  const expectedLength = HEADER_BYTES + count * 2 + count * pixels;
  if (bytes.length !== expectedLength) return { ok: false, error: `the tile has ${bytes.length} bytes, expected ${expectedLength} for ${count} planes` };
  const layers: number[] = [];
  for (let k = 0; k < count; k++) {
    const layer = view.getUint16(HEADER_BYTES + k * 2, true);
    if (k > 0 && layer <= layers[k - 1]) return { ok: false, error: "the layers of the tile are not ascending" };
    layers.push(layer);
  }
  const start = HEADER_BYTES + count * 2;
  const planes = layers.map((_, k) => bytes.subarray(start + k * pixels, start + (k + 1) * pixels));
  return { ok: true, value: { size, layers, planes } };
}

/** One layer of a pre-built map, as its metadata lists it. */
export interface CoverageTilesLayer {
  carrier: string;
  technology: string;
  /** The date of the release drawn (YYYY-MM-DD), or null when undated. */
  asOf: string | null;
  /** [west, south, east, north] of the layer's coverage. */
  bounds: [number, number, number, number];
}

/** The JSON metadata of a pre-built coverage archive. */
export interface CoverageTilesMetadata {
  format: typeof COVERAGE_TILES_FORMAT;
  formatVersion: number;
  tileSize: number;
  name: string;
  description: string;
  attribution: string;
  /** When the file was built (ISO 8601). */
  generated: string;
  /** The --as-of date the releases were chosen at, or null for the latest. */
  asOf: string | null;
  layers: CoverageTilesLayer[];
  bounds: [number, number, number, number];
  minzoom: number;
  maxzoom: number;
}
