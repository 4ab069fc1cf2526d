/**
 * A PMTiles v3 writer (the single-file tile archive of protomaps/PMTiles, spec/v3/spec.md): one file that any static
 * host serves, read by HTTP Range requests, so a public page shows a pre-built map with no tile server. The `pmtiles`
 * package on npm only reads; the writers (go-pmtiles, the Python library) are not JavaScript, and the format is small:
 *
 * - a 127-byte header (offsets and lengths of the parts, counts, compressions, tile type, zooms, bounds, centre);
 * - a root directory (at most 16,384 bytes together with the header, so one first read holds both), then the JSON
 *   metadata, the leaf directories and the tile data, in that order;
 * - a directory is its entries (tile id, offset, length, run length) as varints, column by column: tile ids as deltas,
 *   then run lengths, then lengths, then offsets (0 when a tile follows the previous one, else offset + 1), gzipped;
 * - tiles are addressed by their Hilbert tile id (zoom levels stacked, a Hilbert curve within each level), so the
 *   tiles near each other on the map sit near each other in the file; equal tiles are stored once (a fully covered
 *   tile deep inside a carrier's area is the same bytes everywhere), and a run of equal consecutive tiles is one entry.
 *
 * Pure (no Node, no DOM): takes tiles as bytes and returns the file as a list of byte arrays, written in order.
 */
import { gzipSync, strToU8 } from "fflate";

/** Header field values (spec/v3: Compression and TileType). */
export const PMTILES_COMPRESSION = { unknown: 0, none: 1, gzip: 2, brotli: 3, zstd: 4 } as const;
export const PMTILES_TILE_TYPE = { unknown: 0, mvt: 1, png: 2, jpeg: 3, webp: 4, avif: 5 } as const;

const HEADER_BYTES = 127;
/** The header and the root directory are read in one 16 KiB request. */
const ROOT_LIMIT = 16_384 - HEADER_BYTES;

/** One tile to store: its address and its bytes, already compressed as the archive's tileCompression says. */
export interface PmtilesTile {
  z: number;
  x: number;
  y: number;
  data: Uint8Array;
}

export interface PmtilesOptions {
  tileType: number;
  tileCompression: number;
  minZoom: number;
  maxZoom: number;
  /** [west, south, east, north], degrees. */
  bounds: [number, number, number, number];
  /** [lon, lat, zoom] shown first (default: the middle of the bounds at minZoom). */
  center?: [number, number, number];
  /** The JSON metadata (stored gzipped). */
  metadata: unknown;
  /** Entries per leaf directory: for tests that need several leaves; by default only when the root would not fit. */
  leafSize?: number;
}

/** The archive, as the parts to write one after the other. */
export interface PmtilesArchive {
  parts: Uint8Array[];
  byteLength: number;
  /** Tiles addressed, directory entries, distinct tile contents, leaf directories. */
  addressedTiles: number;
  tileEntries: number;
  tileContents: number;
  leafDirectories: number;
}

interface Entry {
  tileId: number;
  offset: number;
  length: number;
  runLength: number;
}

/**
 * The Hilbert tile id of a tile: the tiles of all lower zooms, then the tile's position along the Hilbert curve of its
 * zoom (the spec's `ZxyToTileId`).
 * @param z - zoom, 0–26
 * @param x - column
 * @param y - row (0 at the north)
 * @returns the tile id
 */
export function zxyToTileId(z: number, x: number, y: number): number {
  if (!Number.isInteger(z) || z < 0 || z > 26) throw new RangeError(`tile zoom ${z} is outside 0–26`);
  const n = 2 ** z;
  if (!Number.isInteger(x) || !Number.isInteger(y) || x < 0 || y < 0 || x >= n || y >= n) throw new RangeError(`tile ${z}/${x}/${y} is outside its zoom`);
  let id = (n * n - 1) / 3;
  let tx = x;
  let ty = y;
  for (let s = n / 2; s >= 1; s /= 2) {
    const rx = tx & s ? 1 : 0;
    const ry = ty & s ? 1 : 0;
    id += s * s * ((3 * rx) ^ ry);
    // Rotate the quadrant (the Hilbert curve's step).
    if (ry === 0) {
      if (rx === 1) {
        tx = s - 1 - (tx % s);
        ty = s - 1 - (ty % s);
      }
      const swap = tx;
      tx = ty;
      ty = swap;
    }
    tx %= s;
    ty %= s;
  }
  return id;
}

/** Appends an unsigned varint (up to 2^53) to a byte list. */
function pushVarint(bytes: number[], value: number): void {
  let rest = value;
  while (rest >= 0x80) {
    bytes.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  bytes.push(rest);
}

/** A directory's bytes, gzipped (internal compression). */
function serializeDirectory(entries: readonly Entry[]): Uint8Array {
  const bytes: number[] = [];
  pushVarint(bytes, entries.length);
  let last = 0;
  for (const entry of entries) {
    pushVarint(bytes, entry.tileId - last);
    last = entry.tileId;
  }
  for (const entry of entries) pushVarint(bytes, entry.runLength);
  for (const entry of entries) pushVarint(bytes, entry.length);
  entries.forEach((entry, i) => {
    const previous = entries[i - 1];
    pushVarint(bytes, i > 0 && entry.offset === previous.offset + previous.length ? 0 : entry.offset + 1);
  });
  return gzipSync(Uint8Array.from(bytes));
}

/** The root directory and the leaves: leaves only when the root alone would not fit in its 16 KiB. */
function buildDirectories(entries: readonly Entry[], leafSize: number | undefined): { root: Uint8Array; leaves: Uint8Array[] } {
  if (leafSize === undefined) {
    const root = serializeDirectory(entries);
    if (root.length <= ROOT_LIMIT) return { root, leaves: [] };
  }
  let size = leafSize ?? 4096;
  for (;;) {
    const leaves: Uint8Array[] = [];
    const rootEntries: Entry[] = [];
    let offset = 0;
    for (let start = 0; start < entries.length; start += size) {
      const leaf = serializeDirectory(entries.slice(start, start + size));
      rootEntries.push({ tileId: entries[start].tileId, offset, length: leaf.length, runLength: 0 });
      leaves.push(leaf);
      offset += leaf.length;
    }
    const root = serializeDirectory(rootEntries);
    if (root.length <= ROOT_LIMIT) return { root, leaves };
    if (leafSize !== undefined) throw new RangeError(`leaf size ${leafSize} leaves a root directory of ${root.length} bytes (at most ${ROOT_LIMIT})`);
    size = Math.ceil(size * 1.5);
  }
}

/** FNV-1a of a tile's bytes, to find equal tiles. */
function hashBytes(bytes: Uint8Array): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) hash = Math.imul(hash ^ bytes[i], 0x01000193);
  return hash >>> 0;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function setUint64(view: DataView, at: number, value: number): void {
  view.setUint32(at, value % 2 ** 32, true);
  view.setUint32(at + 4, Math.floor(value / 2 ** 32), true);
}

function degrees(value: number): number {
  return Math.round(value * 1e7);
}

/**
 * Writes a PMTiles v3 archive.
 * @param tiles - the tiles, in any order (each address at most once; an empty tile is better left out: the reader
 *   then answers "no tile")
 * @param options - tile type and compression, zooms, bounds, metadata
 * @returns the parts of the file, in order
 * @example
 * ```ts
 * const archive = writePmtiles([{ z: 0, x: 0, y: 0, data: gzipSync(bytes) }], { tileType: PMTILES_TILE_TYPE.unknown,
 *   tileCompression: PMTILES_COMPRESSION.gzip, minZoom: 0, maxZoom: 0, bounds: [-180, -85, 180, 85], metadata: {} });
 * ```
 */
export function writePmtiles(tiles: readonly PmtilesTile[], options: PmtilesOptions): PmtilesArchive {
  const sorted = tiles.map((tile) => ({ id: zxyToTileId(tile.z, tile.x, tile.y), data: tile.data })).sort((a, b) => a.id - b.id);
  const entries: Entry[] = [];
  const contents: Uint8Array[] = [];
  const byHash = new Map<number, { offset: number; data: Uint8Array }[]>();
  let dataLength = 0;
  for (let k = 0; k < sorted.length; k++) {
    const { id, data } = sorted[k];
    if (k > 0 && sorted[k - 1].id === id) throw new RangeError(`tile id ${id} is given twice`);
    const hash = hashBytes(data);
    const candidates = byHash.get(hash) ?? [];
    let stored = candidates.find((candidate) => sameBytes(candidate.data, data));
    if (!stored) {
      stored = { offset: dataLength, data };
      candidates.push(stored);
      byHash.set(hash, candidates);
      contents.push(data);
      dataLength += data.length;
    }
    const last = entries[entries.length - 1];
    if (last && last.offset === stored.offset && last.tileId + last.runLength === id) last.runLength++;
    else entries.push({ tileId: id, offset: stored.offset, length: data.length, runLength: 1 });
  }
  const { root, leaves } = buildDirectories(entries, options.leafSize);
  const metadata = gzipSync(strToU8(JSON.stringify(options.metadata)));
  const leafLength = leaves.reduce((sum, leaf) => sum + leaf.length, 0);
  const rootOffset = HEADER_BYTES;
  const metadataOffset = rootOffset + root.length;
  const leafOffset = metadataOffset + metadata.length;
  const tileOffset = leafOffset + leafLength;

  const header = new Uint8Array(HEADER_BYTES);
  const view = new DataView(header.buffer);
  header.set(strToU8("PMTiles"), 0);
  header[7] = 3;
  setUint64(view, 8, rootOffset);
  setUint64(view, 16, root.length);
  setUint64(view, 24, metadataOffset);
  setUint64(view, 32, metadata.length);
  setUint64(view, 40, leafOffset);
  setUint64(view, 48, leafLength);
  setUint64(view, 56, tileOffset);
  setUint64(view, 64, dataLength);
  setUint64(view, 72, sorted.length);
  setUint64(view, 80, entries.length);
  setUint64(view, 88, contents.length);
  header[96] = 1; // clustered: tile contents in tile id order
  header[97] = PMTILES_COMPRESSION.gzip;
  header[98] = options.tileCompression;
  header[99] = options.tileType;
  header[100] = options.minZoom;
  header[101] = options.maxZoom;
  const [west, south, east, north] = options.bounds;
  view.setInt32(102, degrees(west), true);
  view.setInt32(106, degrees(south), true);
  view.setInt32(110, degrees(east), true);
  view.setInt32(114, degrees(north), true);
  const center = options.center ?? [(west + east) / 2, (south + north) / 2, options.minZoom];
  header[118] = center[2];
  view.setInt32(119, degrees(center[0]), true);
  view.setInt32(123, degrees(center[1]), true);

  const parts = [header, root, metadata, ...leaves, ...contents];
  return {
    parts,
    byteLength: tileOffset + dataLength,
    addressedTiles: sorted.length,
    tileEntries: entries.length,
    tileContents: contents.length,
    leafDirectories: leaves.length,
  };
}
