/**
 * The coverage index: one edge grid per (carrier, technology) layer, queried for many points at once.
 * See edge_grid.ts for the method and its boundary rules.
 */
import { TECHNOLOGIES, type CoverageFeature, type CoverageLayerInfo } from "../types.ts";
import { RingSetBuilder, buildEdgeGrid, cellColumn, cellRow, gridColumnX, gridRowY, scanRowCrossings, type EdgeGrid } from "./edge_grid.ts";

/** One layer's grid plus the winding number at each cell's lower-left corner. */
export interface LayerGrid {
  grid: EdgeGrid;
  /** Winding number (summed over the layer's polygons) at the lower-left corner of each cell. */
  cornerWinding: Int32Array;
}

/** The index built once per coverage upload. Plain data and typed arrays: it can cross postMessage. */
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
  const grids = members.map((indices) => {
    const builder = new RingSetBuilder();
    for (const index of indices) builder.addGeometry(features[index].geometry, 0);
    return buildLayerGrid(builder, options.cellSize);
  });
  return { layers, words: Math.ceil(layers.length / 32), grids };
}

function buildLayerGrid(builder: RingSetBuilder, cellSize: number | undefined): LayerGrid {
  const grid = buildEdgeGrid(builder.finish(), cellSize);
  const { columns, rows } = grid;
  const cornerWinding = new Int32Array(columns * rows);
  // Difference array per row, then a suffix sum: corner (row, column) gets every edge with lastColumn >= column.
  scanRowCrossings(grid, (row, lastColumn, direction) => {
    if (lastColumn >= 0) cornerWinding[row * columns + lastColumn] += direction;
  });
  for (let row = 0; row < rows; row++) {
    let sum = 0;
    for (let column = columns - 1; column >= 0; column--) {
      const c = row * columns + column;
      sum += cornerWinding[c];
      cornerWinding[c] = sum;
    }
  }
  return { grid, cornerWinding };
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
  return cellCovers(layer, cell, column, row, px, py);
}

function cellCovers(layer: LayerGrid, cell: number, column: number, row: number, px: number, py: number): boolean {
  const grid = layer.grid;
  let winding = layer.cornerWinding[cell];
  const start = grid.cellStart[cell];
  const end = grid.cellStart[cell + 1];
  if (start === end) return winding > 0;
  const cornerX = gridColumnX(grid, column);
  const cornerY = gridRowY(grid, row);
  const x = grid.rings.x;
  const y = grid.rings.y;
  const cellEdges = grid.cellEdges;
  for (let k = start; k < end; k++) {
    const e = cellEdges[k];
    const ax = x[e];
    const ay = y[e];
    const bx = x[e + 1];
    const by = y[e + 1];
    const dx = bx - ax;
    const dy = by - ay;
    const orientation = dx * (py - ay) - dy * (px - ax);
    if (orientation === 0 && (ax <= bx ? ax <= px && px <= bx : bx <= px && px <= ax) && (ay <= by ? ay <= py && py <= by : by <= py && py <= ay)) {
      return true;
    }
    // Horizontal leg Q = (cornerX, py) → P: the ray counts at P minus the ray counts at Q.
    if (ay <= py !== by <= py) {
      const orientationQ = dx * (py - ay) - dy * (cornerX - ax);
      if (ay < by) winding += (orientation > 0 ? 1 : 0) - (orientationQ > 0 ? 1 : 0);
      else winding -= (orientation < 0 ? 1 : 0) - (orientationQ < 0 ? 1 : 0);
    }
    // Vertical leg R = (cornerX, cornerY) → Q, shifted right by ε: edges whose x-range [min, max) holds cornerX.
    if (ax <= cornerX !== bx <= cornerX) {
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

/**
 * Computes, for every point, which layers cover it.
 * @param index - the coverage index
 * @param lon - longitudes
 * @param lat - latitudes (same length)
 * @returns masks: bit l of word i * words + floor(l / 32) is set when layer l covers point i; a point on an edge or a
 *   vertex is covered, a point inside a hole is not; a point with a non-finite coordinate is covered by nothing
 * @example
 * ```ts
 * const masks = queryCoverageMasks(index, Float64Array.of(105.85), Float64Array.of(21.03));
 * ```
 */
export function queryCoverageMasks(index: CoverageIndex, lon: ArrayLike<number>, lat: ArrayLike<number>): Uint32Array {
  const count = lon.length;
  const words = index.words;
  const masks = new Uint32Array(count * words);
  for (let l = 0; l < index.grids.length; l++) {
    const layer = index.grids[l];
    const grid = layer.grid;
    const word = l >> 5;
    const bit = (1 << (l & 31)) >>> 0;
    const columns = grid.columns;
    for (let i = 0; i < count; i++) {
      const px = lon[i];
      const py = lat[i];
      const column = cellColumn(grid, px);
      if (column < 0) continue;
      const row = cellRow(grid, py);
      if (row < 0) continue;
      if (cellCovers(layer, row * columns + column, column, row, px, py)) masks[i * words + word] |= bit;
    }
  }
  return masks;
}
