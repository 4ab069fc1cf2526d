/**
 * The coverage index: one grid over every (carrier, technology) layer (layer_grid.ts), queried for many points at
 * once. See grid_kernel.ts for the method and its boundary rules.
 */
import { TECHNOLOGIES, type CoverageFeature, type CoverageLayerInfo } from "../types.ts";
import { cellGridBuffers } from "./grid_kernel.ts";
import { packedGeometryOf } from "./packed_geometry.ts";
import { flattenRingSets, type OwnedGeometry } from "./ring_set.ts";
import { buildLayerGridSet, layerGridCovers, queryLayerGridSet, type LayerGridSet } from "./layer_grid.ts";

/** One layer of the shared grid. */
export interface LayerGrid {
  grid: LayerGridSet;
  /** The layer's first set of edges in the grid (its features that share one winding sum). */
  layer: number;
  /** Every set of edges of the layer in the grid: `layer`, then one per standalone feature (see CoverageFeature). */
  gridLayers: number[];
}

/**
 * The index built once per coverage upload. Plain data and typed arrays, each with a buffer of its own: it can be
 * cloned through postMessage, or transferred with coverageIndexBuffers as the transfer list.
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
  /**
   * When some feature is standalone (kept unrepaired, see CoverageFeature.standalone), the grid holds more edge
   * sets than there are layers: entry g is the layer of grid set g. Null when grid set l is layer l.
   */
  gridLayerOwners: Int32Array | null;
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
    (a, b) => compareText(a.info.carrier, b.info.carrier) || TECHNOLOGIES.indexOf(a.info.technology) - TECHNOLOGIES.indexOf(b.info.technology),
  );
  return { layers: entries.map((entry) => entry.info), members: entries.map((entry) => entry.members) };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Builds the coverage index: features grouped into (carrier, technology) layers, one grid for all of them.
 * @param features - coverage polygons (raw overlapping discs, merged MultiPolygons with holes, or both)
 * @param options - `cellSize` in degrees forces the grid cell size (default: chosen from all the layers' edges)
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
  // A standalone feature gets its own set of edges, so that its winding numbers are never added to other features'.
  // A feature made from the scanner's columns is read from them (packed_geometry.ts), without its GeoJSON.
  const geometryOf = (feature: CoverageFeature): OwnedGeometry["geometry"] => packedGeometryOf(feature) ?? feature.geometry;
  const groups: OwnedGeometry[][] = [];
  const owners: number[] = [];
  const gridLayers: number[][] = layers.map(() => []);
  members.forEach((indices, layer) => {
    gridLayers[layer].push(groups.length);
    groups.push(indices.filter((index) => features[index].standalone !== true).map((index) => ({ geometry: geometryOf(features[index]), owner: 0 })));
    owners.push(layer);
    for (const index of indices) {
      if (features[index].standalone !== true) continue;
      gridLayers[layer].push(groups.length);
      groups.push([{ geometry: geometryOf(features[index]), owner: 0 }]);
      owners.push(layer);
    }
  });
  const ringSets = flattenRingSets(groups);
  const grid = buildLayerGridSet(ringSets, options.cellSize);
  const folded = groups.length !== layers.length;
  return {
    layers,
    words: Math.ceil(layers.length / 32),
    grids: layers.map((_, layer) => ({ grid, layer: gridLayers[layer][0], gridLayers: gridLayers[layer] })),
    grid,
    gridLayerOwners: folded ? Int32Array.from(owners) : null,
  };
}

/**
 * The distinct buffers of an index, to transfer it through postMessage (`postMessage(index, buffers)`); the
 * sender's copy is then unusable.
 * @param index - the coverage index
 * @returns its buffers, each once
 */
export function coverageIndexBuffers(index: CoverageIndex): ArrayBuffer[] {
  const buffers = cellGridBuffers(index.grid);
  buffers.push(index.grid.emptyMasks.buffer as ArrayBuffer, index.grid.layerVertexEnd.buffer as ArrayBuffer);
  if (index.gridLayerOwners !== null) buffers.push(index.gridLayerOwners.buffer as ArrayBuffer);
  return buffers;
}

/**
 * Tells whether one layer covers a point: on an edge or vertex counts as covered, inside a hole does not.
 * @param layer - the layer's grid
 * @param px - longitude
 * @param py - latitude
 * @returns true when the point lies in or on at least one polygon of the layer
 */
export function layerCoversPoint(layer: LayerGrid, px: number, py: number): boolean {
  return layer.gridLayers.some((gridLayer) => layerGridCovers(layer.grid, gridLayer, px, py));
}

/** Below this many points the input order is kept: sorting would cost more than it saves. */
const SORT_THRESHOLD = 65_536;

/** Grid cells per side of a sorting block (see sortPointsByBlock): 4–16 measured best, 32 and more slower. */
const BLOCK_CELLS = 8;

/** Up to this many points, the sort's arrays are kept for the next query (20 bytes a point). */
const SCRATCH_POINTS = 1_048_576;
let scratch = { lon: new Float64Array(0), lat: new Float64Array(0), order: new Uint32Array(0) };

/**
 * Arrays for sorting `count` points: views of the kept ones when they are large enough. A query streamed in
 * batches (the CLI) or repeated (the app) then allocates them once: each new large array adds to V8's
 * external-memory count, which triggers full garbage collections (see docs/performance.md).
 */
function sortScratch(count: number): { lon: Float64Array; lat: Float64Array; order: Uint32Array } {
  if (count > SCRATCH_POINTS) return { lon: new Float64Array(count), lat: new Float64Array(count), order: new Uint32Array(count) };
  if (scratch.order.length < count) {
    const size = Math.min(SCRATCH_POINTS, Math.max(count, 2 * scratch.order.length));
    scratch = { lon: new Float64Array(size), lat: new Float64Array(size), order: new Uint32Array(size) };
  }
  return { lon: scratch.lon.subarray(0, count), lat: scratch.lat.subarray(0, count), order: scratch.order.subarray(0, count) };
}

/**
 * The points grouped by block of the grid (BLOCK_CELLS × BLOCK_CELLS cells), by a counting sort that moves the
 * coordinates themselves: every pass reads or writes memory in order (one stream per block, a few thousand
 * blocks), and the query then visits one block's cells, whose tables fit in the processor's cache, at a time.
 * @param index - the coverage index
 * @param lon - longitudes
 * @param lat - latitudes
 * @returns the coordinates in block order and, for each, its index in the input (views of shared arrays, valid
 *   until the next call)
 */
function sortPointsByBlock(index: CoverageIndex, lon: ArrayLike<number>, lat: ArrayLike<number>): { lon: Float64Array; lat: Float64Array; order: Uint32Array } {
  const count = lon.length;
  const grid = index.grid;
  let cellsPerBlock = BLOCK_CELLS;
  // At most about 65k blocks, so the counts stay in cache.
  while (Math.ceil(grid.columns / cellsPerBlock) * Math.ceil(grid.rows / cellsPerBlock) > 65_536) cellsPerBlock *= 2;
  const columns = Math.ceil(grid.columns / cellsPerBlock);
  const rows = Math.ceil(grid.rows / cellsPerBlock);
  const scale = grid.inverseCellSize / cellsPerBlock;
  const { minX, minY } = grid;
  const outside = columns * rows;
  const starts = new Uint32Array(outside + 2);
  for (let i = 0; i < count; i++) {
    const column = Math.floor((lon[i] - minX) * scale);
    const row = Math.floor((lat[i] - minY) * scale);
    starts[(column >= 0 && column < columns && row >= 0 && row < rows ? row * columns + column : outside) + 1]++;
  }
  for (let k = 0; k <= outside; k++) starts[k + 1] += starts[k];
  const { lon: sortedLon, lat: sortedLat, order } = sortScratch(count);
  for (let i = 0; i < count; i++) {
    const x = lon[i];
    const y = lat[i];
    const column = Math.floor((x - minX) * scale);
    const row = Math.floor((y - minY) * scale);
    const position = starts[column >= 0 && column < columns && row >= 0 && row < rows ? row * columns + column : outside]++;
    sortedLon[position] = x;
    sortedLat[position] = y;
    order[position] = i;
  }
  return { lon: sortedLon, lat: sortedLat, order };
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
  if (index.gridLayerOwners !== null) return foldGridMasks(index, queryGridMasks(index, lon, lat, options), lon.length);
  return queryGridMasks(index, lon, lat, options);
}

/** Masks of the grid's edge sets folded into masks of the layers (when some features are standalone). */
function foldGridMasks(index: CoverageIndex, gridMasks: Uint32Array, count: number): Uint32Array {
  const owners = index.gridLayerOwners as Int32Array;
  const gridWords = index.grid.words;
  const words = index.words;
  const masks = new Uint32Array(count * words);
  for (let i = 0; i < count; i++) {
    for (let g = 0; g < owners.length; g++) {
      if ((gridMasks[i * gridWords + (g >> 5)] >>> (g & 31)) & 1) {
        const l = owners[g];
        masks[i * words + (l >> 5)] |= 1 << (l & 31);
      }
    }
  }
  return masks;
}

function queryGridMasks(index: CoverageIndex, lon: ArrayLike<number>, lat: ArrayLike<number>, options: { sortByCell?: boolean }): Uint32Array {
  const count = lon.length;
  const words = index.grid.words;
  const masks = new Uint32Array(count * words);
  if (index.grid.layerCount === 0) return masks;
  const sort = options.sortByCell ?? count >= SORT_THRESHOLD;
  // Typed arrays keep the hot loop monomorphic.
  const lonArray = lon instanceof Float64Array ? lon : Float64Array.from(lon);
  const latArray = lat instanceof Float64Array ? lat : Float64Array.from(lat);
  if (!sort) {
    queryLayerGridSet(index.grid, lonArray, latArray, masks, null);
    return masks;
  }
  // Block by block, consecutive points read neighbouring cells of the grid.
  const sorted = sortPointsByBlock(index, lonArray, latArray);
  queryLayerGridSet(index.grid, sorted.lon, sorted.lat, masks, sorted.order);
  return masks;
}
