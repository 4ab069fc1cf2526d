/**
 * The coverage grid: one grid of the kernel (grid_kernel.ts) shared by every (carrier, technology) layer, so that
 * a point's cell is computed once and all its layers are answered from neighbouring memory.
 *
 * On the kernel's layout: an edgeless cell's answer is its mask in a small table of distinct masks (which layers
 * cover the whole cell); a slot holds, after the first entry, the mask of the layers with no edge in the cell that
 * cover it whole, then each layer's winding number at the cell's lower-left corner. A run lists the cell's edges
 * in vertex order, hence layer by layer (layer l's vertices lie below layerVertexEnd[l]), so one walk answers every
 * layer. The corner winding numbers come from the kernel's row crossings, added to the slot of the cell whose
 * bottom side each crosses, then summed from the right along each row.
 */
import { buildCellRuns, lineAt, locateColumn, locateRow, planGrid, walkEdge, type CellGrid } from "./grid_kernel.ts";
import type { RingSet } from "./ring_set.ts";

export interface LayerGridSet extends CellGrid {
  layerCount: number;
  /** 32-bit words per mask: Math.ceil(layerCount / 32). */
  words: number;
  /** The masks of the cells without edges (which layers cover them whole), `words` values each; few distinct ones. */
  emptyMasks: Int32Array;
  /** Layer l's edges are the entries below layerVertexEnd[l] (and at or above layer l - 1's end). */
  layerVertexEnd: Uint32Array;
}

/**
 * Builds the shared grid over the layers' ring sets, which must come from one flattenRingSets call (one vertex
 * buffer, layers in order).
 * @param ringSets - one ring set per layer
 * @param cellSize - a forced cell size in degrees (default: chosen from all the layers' edges)
 * @returns the grid
 */
export function buildLayerGridSet(ringSets: readonly RingSet[], cellSize?: number): LayerGridSet {
  const layerCount = ringSets.length;
  const words = Math.ceil(layerCount / 32);
  const layerVertexEnd = new Uint32Array(layerCount);
  ringSets.forEach((rings, l) => {
    layerVertexEnd[l] = (rings.xy.byteOffset + rings.xy.byteLength) / 16;
    if (l > 0 && layerVertexEnd[l] < layerVertexEnd[l - 1]) throw new Error("buildLayerGridSet: ring sets out of order");
  });
  // Row crossings into the winding fields, as the build reports them; the map is a safety net for a crossing outside
  // every slot (none is, see buildCellRuns).
  const crossingsOutside = new Map<number, number>();
  const slotStride = 1 + words + layerCount;
  const grid = buildCellRuns(planGrid(ringSets, { cellSize }), ringSets, slotStride, false, (cell, slot, direction, _owner, layer, slots) => {
    if (slot >= 0) slots[slot * slotStride + 1 + words + layer] += direction;
    else crossingsOutside.set(cell * layerCount + layer, (crossingsOutside.get(cell * layerCount + layer) ?? 0) + direction);
  });
  const emptyMasks = sumCornerWindings(grid, layerCount, words, layerVertexEnd, crossingsOutside);
  return { ...grid, layerCount, words, emptyMasks, layerVertexEnd };
}

/**
 * Turns each row's crossings into corner winding numbers (sums from the right, per layer), sets each slot's mask
 * of the layers without edges there that cover it, and gives each edgeless cell its mask's index (~index).
 * @returns the table of distinct masks of edgeless cells (index 0: no layer)
 */
function sumCornerWindings(grid: CellGrid, layerCount: number, words: number, layerVertexEnd: Uint32Array, crossingsOutside: Map<number, number>): Int32Array {
  const { columns, rows, cells, slots, slotStride, entries } = grid;
  const sums = new Int32Array(layerCount);
  const withEdges = new Int32Array(words);
  const mask = new Int32Array(words);
  const lastMask = new Int32Array(words);
  const anyOutside = crossingsOutside.size > 0;
  const maskIds = new Map<string, number>([[mask.join(","), 0]]);
  const maskList: number[] = Array.from(mask);
  let lastId = 0;
  for (let row = 0; row < rows; row++) {
    sums.fill(0);
    for (let column = columns - 1; column >= 0; column--) {
      const c = row * columns + column;
      const s = cells[c];
      if (anyOutside) for (let l = 0; l < layerCount; l++) sums[l] += crossingsOutside.get(c * layerCount + l) ?? 0;
      if (s >= 0) {
        const base = s * slotStride;
        for (let w = 0; w < words; w++) withEdges[w] = 0;
        for (let k = slots[base], end = slots[base + slotStride], layer = 0; k < end; k++) {
          while (entries[k] >= layerVertexEnd[layer]) layer++;
          withEdges[layer >> 5] |= 1 << (layer & 31);
        }
        for (let l = 0; l < layerCount; l++) {
          const sum = sums[l] + slots[base + 1 + words + l];
          sums[l] = sum;
          slots[base + 1 + words + l] = sum;
          if (((withEdges[l >> 5] >>> (l & 31)) & 1) === 0 && sum > 0) slots[base + 1 + (l >> 5)] |= 1 << (l & 31);
        }
        continue;
      }
      let changed = false;
      for (let w = 0, l = 0; w < words; w++) {
        let bits = 0;
        for (const stop = Math.min(layerCount, 32 * w + 32); l < stop; l++) if (sums[l] > 0) bits |= 1 << (l & 31);
        if (bits !== lastMask[w]) changed = true;
        mask[w] = bits;
      }
      // Along a row the mask rarely changes: a key is built only when it does.
      if (changed) {
        const key = mask.join(",");
        let id = maskIds.get(key);
        if (id === undefined) {
          id = maskList.length / words;
          maskIds.set(key, id);
          maskList.push(...mask);
        }
        lastMask.set(mask);
        lastId = id;
      }
      cells[c] = ~lastId;
    }
  }
  return Int32Array.from(maskList);
}

/**
 * Writes the mask of the layers covering point (px, py), in cell (column, row), at masks[offset .. offset + words - 1].
 * The callers locate the cell: with the lookup outside, the compiler's inlining budget for this function goes to
 * the winding walk, the hot loop.
 */
function maskAt(grid: LayerGridSet, column: number, row: number, px: number, py: number, masks: Uint32Array, offset: number): void {
  const { words, cells, columns } = grid;
  const value = cells[row * columns + column];
  if (value < 0) {
    const p = ~value * words;
    for (let w = 0; w < words; w++) masks[offset + w] = grid.emptyMasks[p + w];
    return;
  }
  const { slots, entries, layerVertexEnd, slotStride, xy } = grid;
  const base = value * slotStride;
  for (let w = 0; w < words; w++) masks[offset + w] = slots[base + 1 + w];
  const cornerX = lineAt(grid.minX, grid.cellSize, column);
  const cornerY = lineAt(grid.minY, grid.cellSize, row);
  const end = slots[base + slotStride];
  let k = slots[base];
  let layer = 0;
  while (k < end) {
    // The run lists the cell's edges layer by layer: the next layer, where its edges end, its corner's winding number.
    while (entries[k] >= layerVertexEnd[layer]) layer++;
    const limit = layerVertexEnd[layer];
    let winding = slots[base + 1 + words + layer];
    for (; k < end && entries[k] < limit; k++) winding += walkEdge(xy, 2 * entries[k], cornerX, cornerY, px, py);
    if (winding > 0) masks[offset + (layer >> 5)] |= 1 << (layer & 31);
  }
}

/**
 * Tells whether one layer covers a point.
 * @param grid - the grid
 * @param layer - the layer
 * @param px - longitude
 * @param py - latitude
 * @returns true in or on a polygon of the layer
 */
export function layerGridCovers(grid: LayerGridSet, layer: number, px: number, py: number): boolean {
  const mask = new Uint32Array(grid.words);
  const column = locateColumn(grid, px);
  const row = locateRow(grid, py);
  if (column >= 0 && row >= 0) maskAt(grid, column, row, px, py, mask, 0);
  return ((mask[layer >> 5] >>> (layer & 31)) & 1) === 1;
}

/**
 * Computes every point's mask.
 * @param grid - the grid
 * @param lon - longitudes
 * @param lat - latitudes
 * @param masks - zeroed, `words` per point
 * @param order - where each point's mask goes (point n's at order[n] × words), or null for n × words
 */
export function queryLayerGridSet(grid: LayerGridSet, lon: Float64Array, lat: Float64Array, masks: Uint32Array, order: Uint32Array | null): void {
  const count = lon.length;
  const words = grid.words;
  for (let i = 0; i < count; i++) {
    const column = locateColumn(grid, lon[i]);
    const row = locateRow(grid, lat[i]);
    // Outside the grid a mask stays as it was (zero).
    if (column >= 0 && row >= 0) maskAt(grid, column, row, lon[i], lat[i], masks, (order === null ? i : order[i]) * words);
  }
}
