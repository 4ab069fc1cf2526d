/**
 * The coverage grid: one uniform grid shared by every (carrier, technology) layer, so that a point's cell is
 * computed once and all its layers are answered from neighbouring memory.
 *
 * Same method and boundary rules as edge_grid.ts (winding numbers with half-open crossing rules, the reference
 * value at each cell's lower-left corner, the walk from the corner up the cell's left side and across to the
 * point, an explicit on-edge test), laid out for the query:
 *
 * - per cell, `words + 1` Int32 values: the mask of the layers that cover the whole cell (no edge of the layer
 *   meets the closed cell, and the winding number there is positive), then the cell's slot, or -1 when no
 *   layer has an edge in the cell. About half the lookups end here, reading 8 bytes.
 * - per slot and layer (k = slot × layers + layer): `slots[2k]` the layer's first entry in the cell,
 *   `slots[2k + 1]` the layer's winding number at the cell's corner; the run ends at `slots[2k + 2]`.
 * - per entry: the first vertex of the edge in the shared vertex buffer.
 *
 * The build makes one pass over the edges computing both the cells each edge meets (counted, and remembered
 * for short edges) and the grid-row lines it crosses (for the corner winding numbers), then one pass writing the
 * entries. Cell coordinates are computed once per vertex, not four times per edge.
 */
import { allocateLargeBuffer } from "./large_buffer.ts";
import { chooseCellSize, countsFor, firstCellFrom, lastCellTo, lineAt, locateInAxis, MAX_GRID_CELLS, type RingSet } from "./edge_grid.ts";

export interface LayerGridSet {
  minX: number;
  minY: number;
  cellSize: number;
  inverseCellSize: number;
  columns: number;
  rows: number;
  layerCount: number;
  /** 32-bit words per mask: Math.ceil(layerCount / 32). */
  words: number;
  /** Per cell c, at c × (words + 1): the mask words of layers covering the whole cell, then the slot (-1: no edges). */
  cells: Int32Array;
  /** Per (slot, layer) k: [2k] first entry, [2k + 1] winding number at the cell's lower-left corner; [2k + 2] ends the run. */
  slots: Int32Array;
  /** Per entry: the first vertex v of its edge, from (xy[2v], xy[2v + 1]) to (xy[2v + 2], xy[2v + 3]). */
  entries: Uint32Array;
  /** Every layer's vertices. */
  xy: Float64Array;
}

/** "Recompute this edge's cells" in the packed ranges. */
const PACKED_NONE = 0xffffffff;

/** The cell of a value when it lies well inside one (see firstCellFrom), else -1: the exact search decides. */
function fastCell(origin: number, inverse: number, count: number, value: number): number {
  const t = (value - origin) * inverse;
  const i = Math.floor(t);
  const f = t - i;
  return inverse <= 1e5 && f > 1e-6 && f < 1 - 1e-6 && i >= 0 && i < count ? i : -1;
}

/**
 * Builds the shared grid over the layers' ring sets, which must come from one flattenRingSets call (one vertex
 * buffer).
 * @param ringSets - one ring set per layer
 * @param cellSize - a forced cell size in degrees (default: chosen from all the layers' edges)
 * @returns the grid
 */
export function buildLayerGridSet(ringSets: readonly RingSet[], cellSize?: number): LayerGridSet {
  const layerCount = ringSets.length;
  const words = Math.ceil(layerCount / 32);
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  let edgeCount = 0;
  let lengthSum = 0;
  let vertexEnd = 0;
  for (const rings of ringSets) {
    vertexEnd = Math.max(vertexEnd, rings.xy.byteOffset / 8 + rings.xy.length);
    if (rings.edgeCount === 0) continue;
    minX = Math.min(minX, rings.minX);
    minY = Math.min(minY, rings.minY);
    maxX = Math.max(maxX, rings.maxX);
    maxY = Math.max(maxY, rings.maxY);
    edgeCount += rings.edgeCount;
    lengthSum += rings.meanEdgeLength * rings.edgeCount;
  }
  const xy = layerCount > 0 ? new Float64Array(ringSets[0].xy.buffer, 0, vertexEnd) : new Float64Array(0);
  const empty = edgeCount === 0;
  if (empty) {
    minX = 0;
    minY = 0;
    maxX = 0;
    maxY = 0;
  }
  const size =
    cellSize !== undefined && cellSize > 0 ? cellSize : chooseCellSize({ minX, minY, maxX, maxY, edgeCount, meanEdgeLength: empty ? 0 : lengthSum / edgeCount }, MAX_GRID_CELLS);
  const inverse = 1 / size;
  let columns = empty ? 1 : Math.floor((maxX - minX) / size) + 1;
  while (!empty && lineAt(minX, size, columns) <= maxX) columns++;
  let rows = empty ? 1 : Math.floor((maxY - minY) / size) + 1;
  while (!empty && lineAt(minY, size, rows) <= maxY) rows++;
  const cellCount = columns * rows;
  const plan: Plan = { minX, minY, size, inverse, columns, rows, layerCount };

  // Pass 1: per (cell, layer), the number of edges meeting the cell, and the corner winding numbers' row crossings.
  const counts = new Int32Array(allocateLargeBuffer(4 * cellCount * layerCount), 0, cellCount * layerCount);
  const windings = new Int32Array(allocateLargeBuffer(4 * cellCount * layerCount), 0, cellCount * layerCount);
  const packed = new Uint32Array(allocateLargeBuffer(4 * edgeCount), 0, edgeCount);
  const entryHolder: { entries: Uint32Array } = { entries: new Uint32Array(0) };
  let edgeOffset = 0;
  ringSets.forEach((rings, layer) => {
    visitEdges(rings, layer, plan, counts, windings, packed, edgeOffset, entryHolder.entries, false);
    edgeOffset += rings.edgeCount;
  });

  // Slots: the cells where some layer has an edge; entry runs in (slot, layer) order; counts become cursors.
  const stride = words + 1;
  const cells = new Int32Array(allocateLargeBuffer(4 * cellCount * stride), 0, cellCount * stride);
  let slotCount = 0;
  for (let c = 0; c < cellCount; c++) {
    let any = 0;
    for (let l = 0; l < layerCount; l++) any |= counts[c * layerCount + l];
    cells[c * stride + words] = any !== 0 ? slotCount++ : -1;
  }
  const slotLength = 2 * slotCount * layerCount + 1;
  const slots = new Int32Array(allocateLargeBuffer(4 * slotLength), 0, slotLength);
  let total = 0;
  for (let c = 0; c < cellCount; c++) {
    const slot = cells[c * stride + words];
    if (slot < 0) continue;
    for (let l = 0; l < layerCount; l++) {
      const k = slot * layerCount + l;
      slots[2 * k] = total;
      const count = counts[c * layerCount + l];
      counts[c * layerCount + l] = total;
      total += count;
    }
  }
  slots[2 * slotCount * layerCount] = total;
  const entries = new Uint32Array(allocateLargeBuffer(4 * total), 0, total);

  // Pass 2: each edge into its cells.
  edgeOffset = 0;
  ringSets.forEach((rings, layer) => {
    visitEdges(rings, layer, plan, counts, windings, packed, edgeOffset, entries, true);
    edgeOffset += rings.edgeCount;
  });

  // Corner winding numbers: each row's crossings summed from the right, per layer.
  const sums = new Int32Array(layerCount);
  for (let row = 0; row < rows; row++) {
    sums.fill(0);
    for (let column = columns - 1; column >= 0; column--) {
      const c = row * columns + column;
      const slot = cells[c * stride + words];
      for (let l = 0; l < layerCount; l++) {
        const sum = sums[l] + windings[c * layerCount + l];
        sums[l] = sum;
        if (slot >= 0) {
          const k = slot * layerCount + l;
          if (slots[2 * k] !== slots[2 * k + 2]) {
            slots[2 * k + 1] = sum;
            continue;
          }
        }
        if (sum > 0) cells[c * stride + (l >> 5)] |= 1 << (l & 31);
      }
    }
  }
  return { minX, minY, cellSize: size, inverseCellSize: inverse, columns, rows, layerCount, words, cells, slots, entries, xy };
}

interface Plan {
  minX: number;
  minY: number;
  size: number;
  inverse: number;
  columns: number;
  rows: number;
  layerCount: number;
}

/**
 * Visits every (cell, edge) pair where the edge's bounding box (per grid row, for long edges) meets the closed
 * cell: counting (and recording each row-line crossing for the corner winding numbers), or (`fill`) writing the
 * entry at the cursor held in `counts`.
 */
function visitEdges(
  rings: RingSet,
  layer: number,
  plan: Plan,
  counts: Int32Array,
  windings: Int32Array,
  packed: Uint32Array,
  edgeOffset: number,
  entries: Uint32Array,
  fill: boolean,
): void {
  const { minX, minY, size, inverse, columns, rows, layerCount } = plan;
  const { xy, ringStart } = rings;
  const vertexOffset = rings.xy.byteOffset / 16;
  const tolerance = 1e-9;
  let edge = edgeOffset;
  for (let r = 0; r < ringStart.length - 1; r++) {
    const end = ringStart[r + 1] - 1;
    let ax = xy[2 * ringStart[r]];
    let ay = xy[2 * ringStart[r] + 1];
    let aColumn = fill ? 0 : fastCell(minX, inverse, columns, ax);
    let aRow = fill ? 0 : fastCell(minY, inverse, rows, ay);
    for (let v = ringStart[r]; v < end; v++) {
      const bx = xy[2 * v + 2];
      const by = xy[2 * v + 3];
      const bColumn = fill ? 0 : fastCell(minX, inverse, columns, bx);
      const bRow = fill ? 0 : fastCell(minY, inverse, rows, by);
      if (ax === bx && ay === by) {
        aColumn = bColumn;
        aRow = bRow;
        continue;
      }
      const e = edge++;
      const vertex = vertexOffset + v;
      const range = fill ? packed[e] : PACKED_NONE;
      if (range !== PACKED_NONE) {
        const first = range >>> 4;
        const extraColumns = (range >>> 2) & 3;
        const extraRows = range & 3;
        for (let row = 0; row <= extraRows; row++) {
          const base = first + row * columns;
          for (let column = 0; column <= extraColumns; column++) entries[counts[(base + column) * layerCount + layer]++] = vertex;
        }
      } else {
        const x0 = ax < bx ? ax : bx;
        const x1 = ax < bx ? bx : ax;
        const y0 = ay < by ? ay : by;
        const y1 = ay < by ? by : ay;
        let column0: number;
        let column1: number;
        let row0: number;
        let row1: number;
        if (aColumn >= 0 && bColumn >= 0 && !fill) {
          column0 = aColumn < bColumn ? aColumn : bColumn;
          column1 = aColumn < bColumn ? bColumn : aColumn;
        } else {
          column0 = firstCellFrom(minX, size, inverse, columns, x0);
          column1 = lastCellTo(minX, size, inverse, columns, x1);
        }
        if (aRow >= 0 && bRow >= 0 && !fill) {
          row0 = aRow < bRow ? aRow : bRow;
          row1 = aRow < bRow ? bRow : aRow;
        } else {
          row0 = firstCellFrom(minY, size, inverse, rows, y0);
          row1 = lastCellTo(minY, size, inverse, rows, y1);
        }
        const long = column1 - column0 > 1 && row1 - row0 > 1;
        if (!fill) {
          const first = row0 * columns + column0;
          packed[e] = !long && column1 - column0 <= 3 && row1 - row0 <= 3 && first < 0x10000000 ? first * 16 + (column1 - column0) * 4 + (row1 - row0) : PACKED_NONE;
        }
        for (let row = row0; row <= row1; row++) {
          let from = column0;
          let to = column1;
          if (long) {
            // Only the part of the edge inside this row's closed y-band.
            const bandLow = Math.max(y0, lineAt(minY, size, row));
            const bandHigh = Math.min(y1, lineAt(minY, size, row + 1));
            const slope = (bx - ax) / (by - ay);
            const xa = ax + (bandLow - ay) * slope;
            const xb = ax + (bandHigh - ay) * slope;
            from = firstCellFrom(minX, size, inverse, columns, Math.max(x0, Math.min(xa, xb) - tolerance));
            to = lastCellTo(minX, size, inverse, columns, Math.min(x1, Math.max(xa, xb) + tolerance));
          }
          const base = row * columns;
          if (!fill) {
            for (let column = from; column <= to; column++) counts[(base + column) * layerCount + layer]++;
          } else {
            for (let column = from; column <= to; column++) entries[counts[(base + column) * layerCount + layer]++] = vertex;
          }
        }
      }
      if (!fill && ay !== by) {
        // The row lines y = Y(row) with the edge's lowest y at or below them and its highest y above them.
        const up = ay < by;
        const low = up ? ay : by;
        const high = up ? by : ay;
        let row: number;
        let last: number;
        if (aRow >= 0 && bRow >= 0) {
          row = (up ? aRow : bRow) + 1;
          last = up ? bRow : aRow;
        } else {
          row = Math.floor((low - minY) * inverse);
          if (row < 0) row = 0;
          while (row > 0 && lineAt(minY, size, row - 1) >= low) row--;
          while (row < rows && lineAt(minY, size, row) < low) row++;
          last = rows - 1;
        }
        const dx = bx - ax;
        const dy = by - ay;
        for (; row <= last; row++) {
          const rowY = lineAt(minY, size, row);
          if (!(rowY < high)) break;
          const crossingX = ax + ((rowY - ay) * dx) / dy;
          let column = Math.floor((crossingX - minX) * inverse);
          if (column > columns - 1) column = columns - 1;
          if (column < -1) column = -1;
          while (column + 1 <= columns - 1 && countsFor(ax, ay, dx, dy, up, lineAt(minX, size, column + 1), rowY)) column++;
          while (column >= 0 && !countsFor(ax, ay, dx, dy, up, lineAt(minX, size, column), rowY)) column--;
          if (column >= 0) windings[(row * columns + column) * layerCount + layer] += up ? 1 : -1;
        }
      }
      ax = bx;
      ay = by;
      aColumn = bColumn;
      aRow = bRow;
    }
  }
}

/**
 * Whether the edges of one layer in one cell, with the layer's winding number at the cell's corner, put the
 * point inside (or on an edge).
 */
function coversInCell(entries: Uint32Array, xy: Float64Array, start: number, end: number, corner: number, cornerX: number, cornerY: number, px: number, py: number): boolean {
  let winding = corner;
  for (let k = start; k < end; k++) {
    const v = 2 * entries[k];
    const ax = xy[v];
    const ay = xy[v + 1];
    const bx = xy[v + 2];
    const by = xy[v + 3];
    const dx = bx - ax;
    const dy = by - ay;
    const orientation = dx * (py - ay) - dy * (px - ax);
    if (orientation === 0 && (ax <= bx ? ax <= px && px <= bx : bx <= px && px <= ax) && (ay <= by ? ay <= py && py <= by : by <= py && py <= ay)) return true;
    // Horizontal leg Q = (cornerX, py) to P: the ray counts at P minus the ray counts at Q.
    if (ay <= py !== by <= py) {
      const orientationQ = dx * (py - ay) - dy * (cornerX - ax);
      if (ay < by) winding += (orientation > 0 ? 1 : 0) - (orientationQ > 0 ? 1 : 0);
      else winding -= (orientation < 0 ? 1 : 0) - (orientationQ < 0 ? 1 : 0);
    }
    // Vertical leg R = (cornerX, cornerY) to Q, shifted right by ε: edges whose x-range [min, max) holds cornerX.
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
 * Writes the mask of the layers covering point (px, py) at masks[offset .. offset + words - 1] (left as it was
 * when the point lies outside the grid).
 */
function maskAt(grid: LayerGridSet, px: number, py: number, masks: Uint32Array, offset: number): void {
  const { minX, minY, inverseCellSize: inverse, columns, rows, cellSize: size, layerCount, words, cells, slots } = grid;
  const tx = (px - minX) * inverse;
  let column = Math.floor(tx);
  // The first guess is exact when the point is not within a millionth of a cell of a grid line.
  if (!(inverse <= 1e5 && tx - column > 1e-6 && tx - column < 1 - 1e-6 && column < columns)) {
    column = locateInAxis(minX, size, inverse, columns, px);
    if (column < 0) return;
  }
  const ty = (py - minY) * inverse;
  let row = Math.floor(ty);
  if (!(inverse <= 1e5 && ty - row > 1e-6 && ty - row < 1 - 1e-6 && row < rows)) {
    row = locateInAxis(minY, size, inverse, rows, py);
    if (row < 0) return;
  }
  if (column < 0 || row < 0) return;
  const stride = words + 1;
  const c = (row * columns + column) * stride;
  for (let w = 0; w < words; w++) masks[offset + w] = cells[c + w];
  const slot = cells[c + words];
  if (slot < 0) return;
  const cornerX = lineAt(minX, size, column);
  const cornerY = lineAt(minY, size, row);
  let k = 2 * slot * layerCount;
  for (let l = 0; l < layerCount; l++, k += 2) {
    const start = slots[k];
    const end = slots[k + 2];
    if (start !== end && coversInCell(grid.entries, grid.xy, start, end, slots[k + 1], cornerX, cornerY, px, py)) masks[offset + (l >> 5)] |= 1 << (l & 31);
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
  maskAt(grid, px, py, mask, 0);
  return ((mask[layer >> 5] >>> (layer & 31)) & 1) === 1;
}

/**
 * Computes every point's mask, visiting the points in the given order (or input order).
 * @param grid - the grid
 * @param lon - longitudes
 * @param lat - latitudes
 * @param masks - zeroed, `words` per point
 * @param order - a permutation of the points, or null
 */
export function queryLayerGridSet(grid: LayerGridSet, lon: Float64Array, lat: Float64Array, masks: Uint32Array, order: Uint32Array | null): void {
  const count = lon.length;
  const words = grid.words;
  if (order === null) {
    for (let i = 0; i < count; i++) maskAt(grid, lon[i], lat[i], masks, i * words);
  } else {
    for (let n = 0; n < count; n++) {
      const i = order[n];
      maskAt(grid, lon[i], lat[i], masks, i * words);
    }
  }
}
