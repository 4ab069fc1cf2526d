/**
 * The coverage index: one edge grid per (carrier, technology) layer, queried for many points at once.
 * See edge_grid.ts for the method and its boundary rules.
 */
import { TECHNOLOGIES, type CoverageFeature, type CoverageLayerInfo } from "../types.ts";
import { buildEdgeGrids, cellColumn, cellRow, flattenRingSets, gridColumnX, gridRowY, setCornerWindings, type EdgeGrid } from "./edge_grid.ts";

/** One layer's grid; each cell's reference value is the winding number (summed over the layer's polygons) at its lower-left corner. */
export interface LayerGrid {
  grid: EdgeGrid;
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
  /** One grid per layer, parallel to `layers`. */
  grids: LayerGrid[];
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
  const edgeGrids = buildEdgeGrids(ringSets, { cellSize: options.cellSize });
  const grids = edgeGrids.map((grid, l) => {
    setCornerWindings(grid, ringSets[l]);
    return { grid };
  });
  return { layers, words: Math.ceil(layers.length / 32), grids };
}

/**
 * Tells whether one layer covers a point: on an edge or vertex counts as covered, inside a hole does not.
 * @param layer - the layer's grid
 * @param px - longitude
 * @param py - latitude
 * @returns true when the point lies in or on at least one polygon of the layer
 */
export function layerCoversPoint(layer: LayerGrid, px: number, py: number): boolean {
  const grid = layer.grid;
  const column = cellColumn(grid, px);
  if (column < 0) return false;
  const row = cellRow(grid, py);
  if (row < 0) return false;
  const cell = row * grid.columns + column;
  return cellCovers(grid, cell, column, row, px, py);
}

function cellCovers(grid: EdgeGrid, cell: number, column: number, row: number, px: number, py: number): boolean {
  const cellData = grid.cellData;
  let winding = cellData[2 * cell + 1];
  const start = cellData[2 * cell];
  const end = cellData[2 * cell + 2];
  if (start === end) return winding > 0;
  const cornerX = gridColumnX(grid, column);
  const cornerY = gridRowY(grid, row);
  const vertices = grid.entryVertices;
  const xy = grid.xy;
  for (let k = start; k < end; k++) {
    const v = 2 * vertices[k];
    const ax = xy[v];
    const ay = xy[v + 1];
    const bx = xy[v + 2];
    const by = xy[v + 3];
    const dx = bx - ax;
    const dy = by - ay;
    const spansY = ay <= py !== by <= py;
    const spansX = ax <= cornerX !== bx <= cornerX;
    const insideBox = (ax <= bx ? ax <= px && px <= bx : bx <= px && px <= ax) && (ay <= by ? ay <= py && py <= by : by <= py && py <= ay);
    if (!spansY && !spansX && !insideBox) continue;
    const orientation = dx * (py - ay) - dy * (px - ax);
    if (orientation === 0 && insideBox) return true;
    // Horizontal leg Q = (cornerX, py) to P: the ray counts at P minus the ray counts at Q.
    if (spansY) {
      const orientationQ = dx * (py - ay) - dy * (cornerX - ax);
      if (ay < by) winding += (orientation > 0 ? 1 : 0) - (orientationQ > 0 ? 1 : 0);
      else winding -= (orientation < 0 ? 1 : 0) - (orientationQ < 0 ? 1 : 0);
    }
    // Vertical leg R = (cornerX, cornerY) to Q, shifted right by ε: edges whose x-range [min, max) holds cornerX.
    if (spansX) {
      const sign = dx > 0 ? 1 : -1;
      const orientationR = dx * (cornerY - ay) - dy * (cornerX - ax);
      const orientationQ = dx * (py - ay) - dy * (cornerX - ax);
      const slopeUp = sign * dy > 0;
      const aboveR = sign * orientationR < 0 || (orientationR === 0 && slopeUp);
      const belowQ = sign * orientationQ > 0 || (orientationQ === 0 && !slopeUp);
      if (aboveR && belowQ) winding += sign;
    }
  }
  return winding > 0;
}

/** Sets bit `layer` of each point's mask when the layer covers it. */
function queryLayer(grid: EdgeGrid, lon: Float64Array, lat: Float64Array, masks: Uint32Array, words: number, layer: number): void {
  const word = layer >> 5;
  const bit = (1 << (layer & 31)) >>> 0;
  const { columns, rows, minX, minY, cellSize, inverseCellSize, cellData } = grid;
  const maxX = gridColumnX(grid, columns);
  const maxY = gridRowY(grid, rows);
  // The first guess of a cell is exact when the point is not within a millionth of a cell of a grid line
  // (rounding errors are ~1e-13 degrees); otherwise cellColumn/cellRow decide with the exact comparisons.
  const fast = cellSize >= 1e-5;
  const margin = 1e-6;
  const count = lon.length;
  for (let i = 0; i < count; i++) {
    const px = lon[i];
    const py = lat[i];
    if (!(px >= minX && px < maxX && py >= minY && py < maxY)) continue;
    const tx = (px - minX) * inverseCellSize;
    let column = Math.floor(tx);
    if (!fast || !(tx - column > margin && tx - column < 1 - margin)) column = cellColumn(grid, px);
    const ty = (py - minY) * inverseCellSize;
    let row = Math.floor(ty);
    if (!fast || !(ty - row > margin && ty - row < 1 - margin)) row = cellRow(grid, py);
    const cell = row * columns + column;
    if (cellData[2 * cell] === cellData[2 * cell + 2]) {
      if (cellData[2 * cell + 1] > 0) masks[i * words + word] |= bit;
    } else if (cellCovers(grid, cell, column, row, px, py)) masks[i * words + word] |= bit;
  }
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
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  let finest = Infinity;
  for (const { grid } of index.grids) {
    minX = Math.min(minX, grid.minX);
    minY = Math.min(minY, grid.minY);
    maxX = Math.max(maxX, gridColumnX(grid, grid.columns));
    maxY = Math.max(maxY, gridRowY(grid, grid.rows));
    finest = Math.min(finest, grid.cellSize);
  }
  const order = new Uint32Array(count);
  if (!Number.isFinite(finest) || count === 0) {
    for (let i = 0; i < count; i++) order[i] = i;
    return order;
  }
  // Buckets of a few grid cells, at most about one per point (and 4M), so the count array stays small.
  let bucketSize = finest * 4;
  const limit = Math.min(4_194_304, Math.max(1024, count));
  while (Math.ceil((maxX - minX) / bucketSize) * Math.ceil((maxY - minY) / bucketSize) > limit) bucketSize *= 1.5;
  const columns = Math.max(1, Math.ceil((maxX - minX) / bucketSize));
  const rows = Math.max(1, Math.ceil((maxY - minY) / bucketSize));
  const outside = columns * rows;
  const keys = new Uint32Array(count);
  const starts = new Uint32Array(outside + 2);
  for (let i = 0; i < count; i++) {
    const column = Math.floor((lon[i] - minX) / bucketSize);
    const row = Math.floor((lat[i] - minY) / bucketSize);
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
  const sort = options.sortByCell ?? count >= SORT_THRESHOLD;
  if (!sort) {
    // Typed arrays keep the hot loop monomorphic.
    const lonArray = lon instanceof Float64Array ? lon : Float64Array.from(lon);
    const latArray = lat instanceof Float64Array ? lat : Float64Array.from(lat);
    for (let l = 0; l < index.grids.length; l++) queryLayer(index.grids[l].grid, lonArray, latArray, masks, words, l);
    return masks;
  }
  // Visit the points in cell order on gathered copies, so both the grid and the point arrays are read in order.
  const order = orderPointsByCell(index, lon, lat);
  const sortedLon = new Float64Array(count);
  const sortedLat = new Float64Array(count);
  for (let n = 0; n < count; n++) {
    sortedLon[n] = lon[order[n]];
    sortedLat[n] = lat[order[n]];
  }
  const sortedMasks = new Uint32Array(count * words);
  for (let l = 0; l < index.grids.length; l++) queryLayer(index.grids[l].grid, sortedLon, sortedLat, sortedMasks, words, l);
  for (let n = 0; n < count; n++) {
    const i = order[n];
    for (let w = 0; w < words; w++) masks[i * words + w] = sortedMasks[n * words + w];
  }
  return masks;
}
