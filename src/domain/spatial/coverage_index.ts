/**
 * The coverage index: one edge grid per (carrier, technology) layer, queried for many points at once.
 * See edge_grid.ts for the method and its boundary rules.
 */
import { TECHNOLOGIES, type CoverageFeature, type CoverageLayerInfo } from "../types.ts";
import { flattenRingSets } from "./edge_grid.ts";
import { buildLayerGridSet, layerGridCovers, queryLayerGridSet, type LayerGridSet } from "./layer_grid.ts";

/** One layer of the shared grid. */
export interface LayerGrid {
  grid: LayerGridSet;
  layer: number;
}

/**
 * The index built once per coverage upload. Plain data and typed arrays: it can be cloned through postMessage,
 * but not transferred (its large arrays may live in WebAssembly memory, see large_buffer.ts); keep it in the
 * worker that built it and send the masks instead.
 */
export interface CoverageIndex {
  /** The layers, sorted by carrier then technology; bit l of a mask is layer l. */
  layers: CoverageLayerInfo[];
  /** 32-bit words per point in a mask: Math.ceil(layers.length / 32). */
  words: number;
  /** One entry per layer, parallel to `layers`, all sharing one grid. */
  grids: LayerGrid[];
  /** The grid shared by every layer. */
  grid: LayerGridSet;
}

/**
 * Groups features into layers by (carrier, technology); a layer's asOf is the latest date among its features.
 * @param features - coverage features, from any number of files
 * @returns the layers (sorted by carrier, then technology) and, for each, the indices of its features
 */
export function groupCoverageLayers(features: readonly CoverageFeature[]): { layers: CoverageLayerInfo[]; members: number[][] } {
  const byKey = new Map<string, { info: CoverageLayerInfo; members: number[] }>();
  features.forEach((feature, index) => {
    const key = `${feature.carrier}\u0000${feature.technology}`;
    let entry = byKey.get(key);
    if (!entry) {
      entry = { info: { carrier: feature.carrier, technology: feature.technology, asOf: null }, members: [] };
      byKey.set(key, entry);
    }
    entry.members.push(index);
    if (feature.asOf !== null && (entry.info.asOf === null || feature.asOf > entry.info.asOf)) entry.info.asOf = feature.asOf;
  });
  const entries = [...byKey.values()].sort(
    (a, b) =>
      compareText(a.info.carrier, b.info.carrier) ||
      TECHNOLOGIES.indexOf(a.info.technology) - TECHNOLOGIES.indexOf(b.info.technology),
  );
  return { layers: entries.map((entry) => entry.info), members: entries.map((entry) => entry.members) };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Builds the coverage index: features grouped into (carrier, technology) layers, one edge grid per layer.
 * @param features - coverage polygons (raw overlapping discs, merged MultiPolygons with holes, or both)
 * @param options - `cellSize` in degrees forces the grid cell size (default: chosen per layer from its edges)
 * @returns the index
 * @example
 * ```ts
 * const index = buildCoverageIndex(features);
 * const masks = queryCoverageMasks(index, [105.85], [21.03]);
 * const coveredByFirstLayer = (masks[0] & 1) !== 0;
 * ```
 */
export function buildCoverageIndex(features: readonly CoverageFeature[], options: { cellSize?: number } = {}): CoverageIndex {
  const { layers, members } = groupCoverageLayers(features);
  const ringSets = flattenRingSets(members.map((indices) => indices.map((index) => ({ geometry: features[index].geometry, owner: 0 }))));
  const grid = buildLayerGridSet(ringSets, options.cellSize);
  return { layers, words: grid.words, grids: layers.map((_, layer) => ({ grid, layer })), grid };
}

/**
 * Tells whether one layer covers a point: on an edge or vertex counts as covered, inside a hole does not.
 * @param layer - the layer's grid
 * @param px - longitude
 * @param py - latitude
 * @returns true when the point lies in or on at least one polygon of the layer
 */
export function layerCoversPoint(layer: LayerGrid, px: number, py: number): boolean {
  return layerGridCovers(layer.grid, layer.layer, px, py);
}

/** Below this many points the input order is kept: sorting would cost more than it saves. */
const SORT_THRESHOLD = 65_536;

/**
 * Orders point indices by a coarse grid cell (counting sort), so consecutive queries touch nearby grid cells.
 * @param index - the coverage index (its grids decide the bucket size)
 * @param lon - longitudes
 * @param lat - latitudes
 * @returns a permutation of 0..n-1
 */
export function orderPointsByCell(index: CoverageIndex, lon: ArrayLike<number>, lat: ArrayLike<number>): Uint32Array {
  const count = lon.length;
  const order = new Uint32Array(count);
  const grid = index.grid;
  if (index.layers.length === 0 || count === 0) {
    for (let i = 0; i < count; i++) order[i] = i;
    return order;
  }
  // Buckets of a few grid cells (4 × 4), at most about one per point (and 4M), so the count array stays small.
  let cellsPerBucket = 4;
  const limit = Math.min(4_194_304, Math.max(1024, count));
  while (Math.ceil(grid.columns / cellsPerBucket) * Math.ceil(grid.rows / cellsPerBucket) > limit) cellsPerBucket *= 2;
  const columns = Math.ceil(grid.columns / cellsPerBucket);
  const rows = Math.ceil(grid.rows / cellsPerBucket);
  const scale = grid.inverseCellSize / cellsPerBucket;
  const { minX, minY } = grid;
  const outside = columns * rows;
  const keys = new Uint32Array(count);
  const starts = new Uint32Array(outside + 2);
  for (let i = 0; i < count; i++) {
    const column = Math.floor((lon[i] - minX) * scale);
    const row = Math.floor((lat[i] - minY) * scale);
    const key = column >= 0 && column < columns && row >= 0 && row < rows ? row * columns + column : outside;
    keys[i] = key;
    starts[key + 1]++;
  }
  for (let k = 0; k <= outside; k++) starts[k + 1] += starts[k];
  for (let i = 0; i < count; i++) order[starts[keys[i]]++] = i;
  return order;
}

/**
 * Computes, for every point, which layers cover it.
 * @param index - the coverage index
 * @param lon - longitudes
 * @param lat - latitudes (same length)
 * @param options - `sortByCell`: visit points in grid-cell order (default: when there are at least 65,536 points);
 *   the result is the same either way
 * @returns masks: bit l of word i * words + floor(l / 32) is set when layer l covers point i; a point on an edge or a
 *   vertex is covered, a point inside a hole is not; a point with a non-finite coordinate is covered by nothing
 * @example
 * ```ts
 * const masks = queryCoverageMasks(index, Float64Array.of(105.85), Float64Array.of(21.03));
 * ```
 */
export function queryCoverageMasks(index: CoverageIndex, lon: ArrayLike<number>, lat: ArrayLike<number>, options: { sortByCell?: boolean } = {}): Uint32Array {
  const count = lon.length;
  const words = index.words;
  const masks = new Uint32Array(count * words);
  if (index.layers.length === 0) return masks;
  const sort = options.sortByCell ?? count >= SORT_THRESHOLD;
  // Typed arrays keep the hot loop monomorphic.
  const lonArray = lon instanceof Float64Array ? lon : Float64Array.from(lon);
  const latArray = lat instanceof Float64Array ? lat : Float64Array.from(lat);
  // In cell order, consecutive points read neighbouring cells of the grid.
  queryLayerGridSet(index.grid, lonArray, latArray, masks, sort ? orderPointsByCell(index, lonArray, latArray) : null);
  return masks;
}
