/**
 * Coverage drawn by pixels, not by vertices: each (carrier, technology) layer's rings are projected to Web
 * Mercator once, in the analysis worker, and every map tile the map asks for is rasterised from them on demand
 * (scanline fill, nonzero winding summed over all the layer's rings, 4 sub-scanlines per pixel row and exact
 * horizontal span coverage, so the tile's alpha is the covered fraction of each pixel). A tile costs the edges of
 * the rings whose boxes meet it plus its 256 × 256 pixels; the map never holds a polygon.
 *
 * The winding rule is the engine's: rings are oriented (outer counter-clockwise, holes clockwise) by the import
 * checks, so the winding number summed over a layer's rings is non-zero exactly where at least one polygon of the
 * layer covers the point (overlapping discs add up, a hole subtracts its own polygon only). What a pixel shows is
 * this rule sampled at sub-pixel rows; the per-point answer (the count, the list, the exports) stays the engine's.
 *
 * Plain module (no worker scope, no DOM), unit-tested in Node.
 */
import Flatbush from "flatbush";
import { visitRingValues, type CoverageFeature, type CoverageLayerInfo } from "../domain/index.ts";

/** Tile size in pixels (MapLibre's raster source `tileSize`). */
export const COVERAGE_TILE_SIZE = 256;
/** Sub-scanlines per pixel row (vertical anti-aliasing). */
const SUB_ROWS = 4;
const MAX_LATITUDE = 85.051128779806;

/** One layer's rings in normalised Web Mercator (x and y in [0, 1], y down), with an index of the rings' boxes. */
export interface RasterLayer {
  xs: Float64Array;
  ys: Float64Array;
  /** Ring k's vertices are xs/ys[ringStart[k] … ringStart[k + 1]) (closed: the last repeats the first). */
  ringStart: Uint32Array;
  /** Boxes of the rings (null when the layer has none). */
  index: Flatbush | null;
  /** [west, south, east, north] in degrees, or null when empty. */
  bounds: [number, number, number, number] | null;
}

export interface CoverageRaster {
  layers: RasterLayer[];
  /**
   * Per layer, the layers of the same carrier with a better technology: the map draws a layer only where none of
   * them covers (its band), so a carrier's technologies never stack (rasteriseBandTile).
   */
  better: number[][];
}

/**
 * Normalised Web Mercator x of a longitude.
 * @param lon - degrees
 * @returns x in [0, 1]
 */
export function mercatorX(lon: number): number {
  return (lon + 180) / 360;
}

/**
 * Normalised Web Mercator y of a latitude (0 at the north edge, 1 at the south).
 * @param lat - degrees
 * @returns y in [0, 1]
 */
export function mercatorY(lat: number): number {
  const clamped = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat));
  return (1 - Math.log(Math.tan(Math.PI / 4 + (clamped * Math.PI) / 360)) / Math.PI) / 2;
}

/** Latitude steps per degree of the Mercator table (mercatorYTable). */
const TABLE_STEPS_PER_DEGREE = 1024;
let table: Float64Array | null = null;

/**
 * mercatorY by linear interpolation in a table of 1/1024° steps, made once (174,000 entries, 1.4 MB): the raster
 * projects 3.8 million national vertices, where Math.log and Math.tan each took half a second in all. The error is
 * below 1e-9 of the world's height anywhere (under a pixel at zoom 22) and below 1e-11 in Viet Nam's latitudes.
 * @param lat - degrees
 * @returns y in [0, 1], as mercatorY
 */
export function mercatorYTable(lat: number): number {
  if (table === null) {
    const steps = Math.ceil(2 * MAX_LATITUDE * TABLE_STEPS_PER_DEGREE) + 1;
    table = new Float64Array(steps + 1);
    // Not clamped: the last entries lie just past MAX_LATITUDE, so that the last step interpolates the curve itself.
    for (let i = 0; i <= steps; i++)
      table[i] = (1 - Math.log(Math.tan(Math.PI / 4 + ((-MAX_LATITUDE + i / TABLE_STEPS_PER_DEGREE) * Math.PI) / 360)) / Math.PI) / 2;
  }
  const clamped = lat < -MAX_LATITUDE ? -MAX_LATITUDE : lat > MAX_LATITUDE ? MAX_LATITUDE : lat;
  const position = (clamped + MAX_LATITUDE) * TABLE_STEPS_PER_DEGREE;
  const index = Math.floor(position);
  const below = table[index];
  return below + (table[index + 1] - below) * (position - index);
}

/** One layer's rings in degrees: lon, lat pairs, ring r's vertices from ringStart[r] to ringStart[r + 1]. */
export interface LayerRings {
  values: Float64Array;
  ringStart: Uint32Array;
}

/**
 * Every layer's rings as flat arrays in degrees (what a raster is made from, and what crosses to the raster worker).
 * @param coverage - the checked coverage features (rings oriented)
 * @param layers - the analysis's layers, in order; a feature goes to the layer of its carrier and technology
 * @returns the rings of each layer, in layer order
 */
export function coverageLayerRings(coverage: readonly CoverageFeature[], layers: readonly CoverageLayerInfo[]): LayerRings[] {
  const layerOf = new Map(layers.map((layer, index) => [`${layer.carrier}\u0000${layer.technology}`, index]));
  const vertexCount = new Array<number>(layers.length).fill(0);
  const ringCount = new Array<number>(layers.length).fill(0);
  const featureLayer = new Int32Array(coverage.length);
  coverage.forEach((feature, k) => {
    const layer = layerOf.get(`${feature.carrier}\u0000${feature.technology}`) ?? -1;
    featureLayer[k] = layer;
    if (layer < 0) return;
    visitRingValues(feature, (_values, start, end) => {
      vertexCount[layer] += (end - start) / 2;
      ringCount[layer]++;
    });
  });
  const rings = layers.map((_, layer) => ({ values: new Float64Array(vertexCount[layer] * 2), ringStart: new Uint32Array(ringCount[layer] + 1) }));
  const vertex = new Array<number>(layers.length).fill(0);
  const ring = new Array<number>(layers.length).fill(0);
  coverage.forEach((feature, k) => {
    const layer = featureLayer[k];
    if (layer < 0) return;
    const target = rings[layer];
    // The columns of a feature read by the byte scanner, without its GeoJSON (packed_geometry.ts).
    visitRingValues(feature, (values, start, end) => {
      target.ringStart[ring[layer]++] = vertex[layer];
      target.values.set(values.subarray(start, end), vertex[layer] * 2);
      vertex[layer] += (end - start) / 2;
    });
  });
  rings.forEach((target, layer) => (target.ringStart[ring[layer]] = vertex[layer]));
  return rings;
}

/**
 * Projects every layer's rings once (O(vertices)) and indexes the rings' boxes.
 * @param coverage - the checked coverage features (rings oriented)
 * @param layers - the analysis's layers, in order; a feature goes to the layer of its carrier and technology
 * @param bounds - the layers' bounds in degrees, when already known (coverageLayerBounds of the same features)
 * @returns the raster source
 */
export function buildCoverageRaster(
  coverage: readonly CoverageFeature[],
  layers: readonly CoverageLayerInfo[],
  bounds: readonly ([number, number, number, number] | null)[] = coverageLayerBounds(coverage, layers),
): CoverageRaster {
  return rasterFromRings(coverageLayerRings(coverage, layers), layers, bounds);
}

/**
 * The raster of layers given as flat rings (coverageLayerRings): projected to Web Mercator, the rings' boxes indexed.
 * @param rings - each layer's rings in degrees
 * @param layers - the layers, in the same order
 * @param bounds - the layers' bounds in degrees (null when empty)
 * @returns the raster source
 */
export function rasterFromRings(
  rings: readonly LayerRings[],
  layers: readonly CoverageLayerInfo[],
  bounds: readonly ([number, number, number, number] | null)[],
): CoverageRaster {
  const built = rings.map((source) => {
    const vertices = source.values.length / 2;
    const ringCount = source.ringStart.length - 1;
    const xs = new Float64Array(vertices);
    const ys = new Float64Array(vertices);
    const boxes = new Float64Array(ringCount * 4);
    const { values } = source;
    for (let r = 0; r < ringCount; r++) {
      let minX = Infinity,
        minY = Infinity,
        maxX = -Infinity,
        maxY = -Infinity;
      for (let v = source.ringStart[r]; v < source.ringStart[r + 1]; v++) {
        const x = mercatorX(values[2 * v]);
        const y = mercatorYTable(values[2 * v + 1]);
        xs[v] = x;
        ys[v] = y;
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
      boxes[r * 4] = minX;
      boxes[r * 4 + 1] = minY;
      boxes[r * 4 + 2] = maxX;
      boxes[r * 4 + 3] = maxY;
    }
    return { xs, ys, ringStart: source.ringStart, boxes, ring: ringCount };
  });
  const technologyRank = (technology: string) => ["2G", "3G", "4G", "5G"].indexOf(technology);
  const better = layers.map((layer) =>
    layers.flatMap((other, index) => (other.carrier === layer.carrier && technologyRank(other.technology) > technologyRank(layer.technology) ? [index] : [])),
  );
  return {
    better,
    layers: built.map((target, layer) => {
      let index: Flatbush | null = null;
      if (target.ring > 0) {
        index = new Flatbush(target.ring);
        for (let r = 0; r < target.ring; r++) index.add(target.boxes[r * 4], target.boxes[r * 4 + 1], target.boxes[r * 4 + 2], target.boxes[r * 4 + 3]);
        index.finish();
      }
      return {
        xs: target.xs,
        ys: target.ys,
        ringStart: target.ringStart,
        index,
        bounds: bounds[layer],
      };
    }),
  };
}

/**
 * Each layer's [west, south, east, north] in degrees (null when it has no ring): what buildCoverageRaster's
 * `bounds` are, in one pass without projecting, so that the analysis can be answered before the raster is built.
 * @param coverage - the checked coverage features
 * @param layers - the analysis's layers, in order
 * @returns the bounds per layer
 */
export function coverageLayerBounds(coverage: readonly CoverageFeature[], layers: readonly CoverageLayerInfo[]): ([number, number, number, number] | null)[] {
  const layerOf = new Map(layers.map((layer, index) => [`${layer.carrier}\u0000${layer.technology}`, index]));
  const boxes = layers.map(() => [Infinity, Infinity, -Infinity, -Infinity]);
  for (const feature of coverage) {
    const layer = layerOf.get(`${feature.carrier}\u0000${feature.technology}`);
    if (layer === undefined) continue;
    const box = boxes[layer];
    visitRingValues(feature, (values, start, end) => {
      for (let v = start; v < end; v += 2) {
        const lon = values[v];
        const lat = values[v + 1];
        if (lon < box[0]) box[0] = lon;
        if (lon > box[2]) box[2] = lon;
        if (lat < box[1]) box[1] = lat;
        if (lat > box[3]) box[3] = lat;
      }
    });
  }
  return boxes.map((box) => (box[0] <= box[2] ? [box[0], box[1], box[2], box[3]] : null));
}

/** Scratch arrays reused from tile to tile (the worker renders one tile at a time). */
const scratch = {
  rows: new Int32Array(1 << 16),
  xs: new Float64Array(1 << 16),
  dirs: new Int8Array(1 << 16),
  up: new Float64Array(1 << 12),
  down: new Float64Array(1 << 12),
};

function grow(count: number): void {
  if (count < scratch.rows.length) return;
  let size = scratch.rows.length;
  while (size <= count) size *= 2;
  const rows = new Int32Array(size);
  rows.set(scratch.rows);
  const xs = new Float64Array(size);
  xs.set(scratch.xs);
  const dirs = new Int8Array(size);
  dirs.set(scratch.dirs);
  scratch.rows = rows;
  scratch.xs = xs;
  scratch.dirs = dirs;
}

/**
 * The covered fraction of each pixel of one tile of one layer.
 * @param layer - the projected layer
 * @param z - tile zoom
 * @param tx - tile column
 * @param ty - tile row
 * @param size - tile size in pixels
 * @returns one value in [0, 1] per pixel (row-major), or null when nothing of the layer meets the tile
 */
export function rasteriseTile(layer: RasterLayer, z: number, tx: number, ty: number, size = COVERAGE_TILE_SIZE): Float32Array | null {
  if (!layer.index) return null;
  const tiles = 2 ** z;
  const rings = layer.index.search(tx / tiles, ty / tiles, (tx + 1) / tiles, (ty + 1) / tiles);
  if (rings.length === 0) return null;
  const scale = tiles * size;
  const offsetX = tx * size;
  const offsetY = ty * size;
  const subRows = size * SUB_ROWS;
  const { xs, ys, ringStart } = layer;
  // 1. Every crossing of an edge with a sub-scanline (centre at (r + 0.5) / SUB_ROWS pixels), half-open in y.
  let count = 0;
  for (const ring of rings) {
    const end = ringStart[ring + 1];
    let px = xs[ringStart[ring]] * scale - offsetX;
    let py = (ys[ringStart[ring]] * scale - offsetY) * SUB_ROWS - 0.5;
    for (let v = ringStart[ring] + 1; v < end; v++) {
      const qx = xs[v] * scale - offsetX;
      const qy = (ys[v] * scale - offsetY) * SUB_ROWS - 0.5;
      if (py !== qy) {
        const low = py < qy ? py : qy;
        const high = py < qy ? qy : py;
        let first = Math.ceil(low);
        let last = Math.ceil(high) - 1;
        if (first < 0) first = 0;
        if (last >= subRows) last = subRows - 1;
        if (first <= last) {
          grow(count + last - first + 1);
          const slope = (qx - px) / (qy - py);
          const dir = qy > py ? 1 : -1;
          for (let r = first; r <= last; r++) {
            scratch.rows[count] = r;
            scratch.xs[count] = px + (r - py) * slope;
            scratch.dirs[count] = dir;
            count++;
          }
        }
      }
      px = qx;
      py = qy;
    }
  }
  if (count === 0) return null;
  // 2. Counting sort of the crossings by sub-row.
  const rowFirst = new Int32Array(subRows + 1);
  for (let k = 0; k < count; k++) rowFirst[scratch.rows[k] + 1]++;
  for (let r = 0; r < subRows; r++) rowFirst[r + 1] += rowFirst[r];
  const fill = rowFirst.slice(0, subRows);
  const sortedX = new Float64Array(count);
  const sortedDir = new Int8Array(count);
  for (let k = 0; k < count; k++) {
    const at = fill[scratch.rows[k]]++;
    sortedX[at] = scratch.xs[k];
    sortedDir[at] = scratch.dirs[k];
  }
  // 3. Per sub-row: crossings in x order, nonzero winding, covered spans added to the pixels with exact ends.
  const coverage = new Float32Array(size * size);
  const runs = new Float32Array(size + 1);
  const weight = 1 / SUB_ROWS;
  let any = false;
  for (let row = 0; row < size; row++) {
    const rowBase = row * size;
    let touched = false;
    for (let sub = 0; sub < SUB_ROWS; sub++) {
      const r = row * SUB_ROWS + sub;
      const from = rowFirst[r];
      const to = rowFirst[r + 1];
      if (to - from < 2) continue;
      let ups = 0;
      let downs = 0;
      if (scratch.up.length < to - from) {
        scratch.up = new Float64Array(2 * (to - from));
        scratch.down = new Float64Array(2 * (to - from));
      }
      for (let k = from; k < to; k++) {
        if (sortedDir[k] > 0) scratch.up[ups++] = sortedX[k];
        else scratch.down[downs++] = sortedX[k];
      }
      const up = scratch.up.subarray(0, ups).sort();
      const down = scratch.down.subarray(0, downs).sort();
      let i = 0;
      let j = 0;
      let winding = 0;
      let start = 0;
      while (i < ups || j < downs) {
        const takeUp = j >= downs || (i < ups && up[i] <= down[j]);
        const x = takeUp ? up[i++] : down[j++];
        const before = winding;
        winding += takeUp ? 1 : -1;
        if (before === 0 && winding !== 0) start = x;
        else if (before !== 0 && winding === 0) {
          // The span [start, x) clipped to the tile.
          const a = start < 0 ? 0 : start;
          const b = x > size ? size : x;
          if (b > a) {
            touched = true;
            const ia = Math.floor(a);
            const ib = Math.floor(b);
            if (ia === ib) coverage[rowBase + ia] += (b - a) * weight;
            else {
              coverage[rowBase + ia] += (ia + 1 - a) * weight;
              runs[ia + 1] += weight;
              runs[ib] -= weight;
              if (ib < size) coverage[rowBase + ib] += (b - ib) * weight;
            }
          }
        }
      }
    }
    if (!touched) continue;
    any = true;
    let run = 0;
    for (let i = 0; i < size; i++) {
      run += runs[i];
      runs[i] = 0;
      if (run !== 0) coverage[rowBase + i] += run;
    }
    runs[size] = 0;
  }
  return any ? coverage : null;
}

/** The covered fractions of the last tiles rasterised (a band tile needs its carrier's better layers' too). */
const fractionCache = { owner: null as CoverageRaster | null, tiles: new Map<string, Float32Array | null>() };
/** 48 tiles of 256 KB: the visible tiles of a few layers on a large screen. */
const FRACTION_CACHE_TILES = 48;

function cachedFractions(raster: CoverageRaster, layer: number, z: number, tx: number, ty: number): Float32Array | null {
  if (fractionCache.owner !== raster) {
    fractionCache.owner = raster;
    fractionCache.tiles.clear();
  }
  const key = `${layer}/${z}/${tx}/${ty}`;
  const { tiles } = fractionCache;
  if (tiles.has(key)) {
    const found = tiles.get(key)!;
    // Most recently used last.
    tiles.delete(key);
    tiles.set(key, found);
    return found;
  }
  const fractions = rasteriseTile(raster.layers[layer], z, tx, ty);
  tiles.set(key, fractions);
  if (tiles.size > FRACTION_CACHE_TILES) tiles.delete(tiles.keys().next().value!);
  return fractions;
}

/**
 * The band of one layer in one tile: where the layer covers and no better technology of its carrier does. Per pixel
 * max(0, own fraction − the largest better layer's fraction): exact for every pixel wholly inside or outside each
 * layer, and at a shared edge (a carrier's 2G and 4G drawn from the same disc) the band is empty as it should be.
 * The rasterised fractions are cached, so the bands of one carrier rasterise each of its layers once per tile.
 * @param raster - the projected coverage
 * @param layer - the layer's index
 * @param z - tile zoom
 * @param tx - tile column
 * @param ty - tile row
 * @returns one value in [0, 1] per pixel, or null when the band does not meet the tile
 */
export function rasteriseBandTile(raster: CoverageRaster, layer: number, z: number, tx: number, ty: number): Float32Array | null {
  const own = cachedFractions(raster, layer, z, tx, ty);
  if (!own) return null;
  const betterFractions = (raster.better[layer] ?? []).map((other) => cachedFractions(raster, other, z, tx, ty)).filter((fractions) => fractions !== null);
  if (betterFractions.length === 0) return own;
  const band = new Float32Array(own.length);
  let any = false;
  for (let i = 0; i < own.length; i++) {
    if (own[i] <= 0) continue;
    let covered = 0;
    for (const fractions of betterFractions) if (fractions[i] > covered) covered = fractions[i];
    const value = own[i] - covered;
    if (value > 1e-3) {
      band[i] = value;
      any = true;
    }
  }
  return any ? band : null;
}

// The colouring is shared with the pre-built map's reader (src/map/prebuilt_coverage.ts), so both draw alike.
export { coverageTileRgba } from "../domain/formats/coverage_tile_rgba.ts";
