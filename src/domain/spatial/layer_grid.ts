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
import { buildCellRuns, lineAt, locateColumn, locateRow, planGrid, walkEdge, type CellGrid, type CrossingList } from "./grid_kernel.ts";
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
  // Row crossings are summed into the winding fields and each layer with edges in a cell is marked in the mask fields
  // (cleared by the sweep), as the build writes the cell's entries; the crossing list is a safety net for a crossing
  // outside every slot (none is, see buildCellRuns).
  const slotStride = 1 + words + layerCount;
  const { grid, crossings } = buildCellRuns(planGrid(ringSets, { cellSize }), ringSets, slotStride, {
    windingField: 1 + words,
    markField: 1,
    withOwners: false,
  });
  const emptyMasks = sumCornerWindings(grid, layerCount, words, crossingsOutside(crossings, layerCount));
  return { ...grid, layerCount, words, emptyMasks, layerVertexEnd };
}

/**
 * Turns each row's crossings into corner winding numbers (sums from the right, per layer), sets each slot's mask
 * of the layers without edges there that cover it, and gives each edgeless cell its mask's index (~index).
 * @returns the table of distinct masks of edgeless cells (index 0: no layer)
 */
function sumCornerWindings(grid: CellGrid, layerCount: number, words: number, crossingsOutside: Map<number, number>): Int32Array {
  const { columns, rows, cells, slots, slotStride } = grid;
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
        // The build's marks of the layers with edges here; the fields then take the mask of those without.
        for (let w = 0; w < words; w++) {
          withEdges[w] = slots[base + 1 + w];
          slots[base + 1 + w] = 0;
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

/** The listed crossings (see buildCellRuns), by cell × layerCount + layer. */
function crossingsOutside(list: CrossingList, layerCount: number): Map<number, number> {
  const outside = new Map<number, number>();
  for (let k = 0; k < list.count; k++) {
    const key = list.cells[k] * layerCount + list.sets[k];
    outside.set(key, (outside.get(key) ?? 0) + list.directions[k]);
  }
  return outside;
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
  queryLayerGridSet(grid, Float64Array.of(px), Float64Array.of(py), mask, null);
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
  const { words, cells, columns, emptyMasks, slots, entries, layerVertexEnd, slotStride, xy } = grid;
  // One function from the cell lookup to the winding walk: the compiler's inlining budget for it covers the lookups
  // and walkEdge, so no double is boxed per edge (a separate per-point function that inlined both did not fit).
  for (let i = 0; i < count; i++) {
    const px = lon[i];
    const py = lat[i];
    const column = locateColumn(grid, px);
    const row = locateRow(grid, py);
    // Outside the grid a mask stays as it was (zero).
    if (column < 0 || row < 0) continue;
    const offset = (order === null ? i : order[i]) * words;
    const value = cells[row * columns + column];
    if (value < 0) {
      const p = ~value * words;
      for (let w = 0; w < words; w++) masks[offset + w] = emptyMasks[p + w];
      continue;
    }
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
}
