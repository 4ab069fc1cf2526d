/**
 * The coverage grid: one uniform grid shared by every (carrier, technology) layer, so that a point's cell is
 * computed once and all its layers are answered from neighbouring memory.
 *
 * Same method and boundary rules as edge_grid.ts (winding numbers with half-open crossing rules, the reference
 * value at each cell's lower-left corner, the walk from the corner up the cell's left side and across to the
 * point, an explicit on-edge test), laid out for the query:
 *
 * - per cell, one Int32: the cell's slot when some edge meets it, otherwise ~p where p is its mask in a small
 *   table of distinct masks (which layers cover the whole cell). About a third of the lookups end there.
 * - per slot: the first entry of the cell's run, the mask of the layers with no edge in the cell that cover it
 *   whole, and each layer's winding number at the cell's corner.
 * - per entry: the first vertex of the edge in the vertex buffer shared by all layers. A run lists the cell's
 *   edges layer by layer (layer l's vertices lie below layerVertexEnd[l]), so one walk answers every layer.
 *
 * The build makes two passes over the edges: one counts the edges meeting each cell, the other writes the
 * entries and adds each edge's crossings of the grid's row lines to the winding numbers of the cells whose
 * bottom side it crosses (such a cell always has the edge, hence a slot); one sweep per row then turns the
 * crossings into corner winding numbers. Cell coordinates are computed once per vertex, from a first guess
 * that is exact unless the value lies within a millionth of a cell of a grid line (then edge_grid.ts's exact
 * searches decide). Besides the result, the build allocates nothing large.
 */
import { allocateLargeBuffer } from "./large_buffer.ts";
import { chooseCellSize, countsFor, firstCellFrom, lastCellTo, locateInAxis, MAX_GRID_CELLS, type RingSet } from "./edge_grid.ts";

/**
 * Left x of column i (bottom y of row i): the same expression as edge_grid.ts's lineAt, so both agree to the bit.
 * A local copy because the hot loops call it, and an imported function is reached through a getter when the
 * modules are compiled to CommonJS (tsx, in the CLI): measured at about 0.1 s per build and 0.1 s per query.
 */
function lineAt(origin: number, cellSize: number, index: number): number {
  return origin + index * cellSize;
}

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
  /** Per cell: its slot (0 or more) when some edge meets it, otherwise ~p for the mask p of emptyMasks. */
  cells: Int32Array;
  /** The masks of the cells without edges (which layers cover them whole), `words` values each; few distinct ones. */
  emptyMasks: Int32Array;
  /** Values per slot: 1 + words + layerCount. */
  slotStride: number;
  /**
   * Per slot s, from s × slotStride: the cell's first entry (its run ends at the next slot's), the mask of the
   * layers with no edge in the cell that cover it whole, then each layer's winding number at the cell's
   * lower-left corner. The array ends with the entry total.
   */
  slots: Int32Array;
  /**
   * Per entry: the first vertex v of its edge, from (xy[2v], xy[2v + 1]) to (xy[2v + 2], xy[2v + 3]). A cell's
   * run lists its edges layer by layer; layer l's vertices are those below layerVertexEnd[l].
   */
  entries: Uint32Array;
  layerVertexEnd: Uint32Array;
  /** Every layer's vertices. */
  xy: Float64Array;
}

/** The cell of a value when it lies well inside one (see firstCellFrom), else -1: the exact search decides. */
function fastCell(origin: number, inverse: number, count: number, value: number): number {
  const t = (value - origin) * inverse;
  const i = Math.floor(t);
  const f = t - i;
  return inverse <= 1e5 && f > 1e-6 && f < 1 - 1e-6 && i >= 0 && i < count ? i : -1;
}

interface Plan {
  minX: number;
  minY: number;
  size: number;
  inverse: number;
  columns: number;
  rows: number;
  layerCount: number;
  words: number;
  slotStride: number;
}

/**
 * Builds the shared grid over the layers' ring sets, which must come from one flattenRingSets call (one vertex
 * buffer, layers in order). Besides the result it allocates nothing large: every large allocation can cost a
 * full garbage collection of the caller's heap (see large_buffer.ts).
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
  const layerVertexEnd = new Uint32Array(layerCount);
  ringSets.forEach((rings, l) => {
    layerVertexEnd[l] = (rings.xy.byteOffset + rings.xy.byteLength) / 16;
    if (l > 0 && layerVertexEnd[l] < layerVertexEnd[l - 1]) throw new Error("buildLayerGridSet: ring sets out of order");
    if (rings.edgeCount === 0) return;
    minX = Math.min(minX, rings.minX);
    minY = Math.min(minY, rings.minY);
    maxX = Math.max(maxX, rings.maxX);
    maxY = Math.max(maxY, rings.maxY);
    edgeCount += rings.edgeCount;
    lengthSum += rings.meanEdgeLength * rings.edgeCount;
  });
  const xy = layerCount > 0 ? new Float64Array(ringSets[0].xy.buffer, 0, 2 * layerVertexEnd[layerCount - 1]) : new Float64Array(0);
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
  const slotStride = 1 + words + layerCount;
  const plan: Plan = { minX, minY, size, inverse, columns, rows, layerCount, words, slotStride };

  // Pass 1 counts the edges meeting each cell.
  const cells = new Int32Array(allocateLargeBuffer(4 * cellCount), 0, cellCount);
  const crossingsOutside = new Map<number, number>();
  let slots = new Int32Array(0);
  let entries = new Uint32Array(0);
  for (let l = 0; l < layerCount; l++) visitEdges(ringSets[l], l, plan, false, cells, slots, entries, crossingsOutside);
  let slotCount = 0;
  for (let c = 0; c < cellCount; c++) if (cells[c] !== 0) slotCount++;
  const slotLength = slotCount * slotStride + 1;
  slots = new Int32Array(allocateLargeBuffer(4 * slotLength), 0, slotLength);
  let total = 0;
  for (let c = 0, s = 0; c < cellCount; c++) {
    const count = cells[c];
    if (count === 0) {
      cells[c] = -1;
      continue;
    }
    slots[s * slotStride] = total;
    total += count;
    cells[c] = s++;
  }
  slots[slotCount * slotStride] = total;

  // Pass 2 writes the entries, each slot's first-entry field serving as its cursor (afterwards it holds where the
  // next run begins, so shifting by one slot restores the first entries), and adds the crossings of the row
  // lines in the winding fields; the mask fields meanwhile record which layers have edges in the cell.
  entries = new Uint32Array(allocateLargeBuffer(4 * total), 0, total);
  for (let l = 0; l < layerCount; l++) visitEdges(ringSets[l], l, plan, true, cells, slots, entries, crossingsOutside);
  for (let s = slotCount - 1; s >= 0; s--) slots[s * slotStride] = s > 0 ? slots[(s - 1) * slotStride] : 0;

  // Corner winding numbers: each row's crossings summed from the right, per layer; masks of the cells without edges.
  const sums = new Int32Array(layerCount);
  const mask = new Int32Array(words);
  const maskIds = new Map<string, number>();
  const maskList: number[] = [];
  let lastValue = 0;
  let lastId = -1;
  const maskId = (key: string): number => {
    let id = maskIds.get(key);
    if (id === undefined) {
      id = maskList.length / words;
      maskIds.set(key, id);
      for (let w = 0; w < words; w++) maskList.push(mask[w]);
    }
    return id;
  };
  for (let row = 0; row < rows; row++) {
    sums.fill(0);
    for (let column = columns - 1; column >= 0; column--) {
      const c = row * columns + column;
      const s = cells[c];
      if (crossingsOutside.size > 0) {
        for (let l = 0; l < layerCount; l++) sums[l] += crossingsOutside.get(c * layerCount + l) ?? 0;
      }
      if (s >= 0) {
        const base = s * slotStride;
        for (let w = 0; w < words; w++) {
          mask[w] = slots[base + 1 + w];
          slots[base + 1 + w] = 0;
        }
        for (let l = 0; l < layerCount; l++) {
          const k = base + 1 + words + l;
          const sum = sums[l] + slots[k];
          sums[l] = sum;
          slots[k] = sum;
          const hasEdges = (mask[l >> 5] >>> (l & 31)) & 1;
          if (hasEdges === 0 && sum > 0) slots[base + 1 + (l >> 5)] |= 1 << (l & 31);
        }
        continue;
      }
      if (words === 1) {
        let value = 0;
        for (let l = 0; l < layerCount; l++) if (sums[l] > 0) value |= 1 << l;
        if (value !== lastValue || lastId < 0) {
          lastValue = value;
          mask[0] = value;
          lastId = maskId(String(value));
        }
      } else {
        mask.fill(0);
        for (let l = 0; l < layerCount; l++) if (sums[l] > 0) mask[l >> 5] |= 1 << (l & 31);
        lastId = maskId(mask.join(","));
      }
      cells[c] = ~lastId;
    }
  }
  return {
    minX,
    minY,
    cellSize: size,
    inverseCellSize: inverse,
    columns,
    rows,
    layerCount,
    words,
    cells,
    emptyMasks: Int32Array.from(maskList),
    slotStride,
    slots,
    entries,
    layerVertexEnd,
    xy,
  };
}

/**
 * Visits every (cell, edge) pair where the edge's bounding box (per grid row, for long edges) meets the closed
 * cell: counting the edge in the cell, or (`fill`) writing the entry at the cell's cursor, marking the layer in
 * the cell's mask fields and adding each crossing of a row line to the corner winding numbers.
 */
function visitEdges(rings: RingSet, layer: number, plan: Plan, fill: boolean, cells: Int32Array, slots: Int32Array, entries: Uint32Array, crossingsOutside: Map<number, number>): void {
  const { minX, minY, size, inverse, columns, rows, layerCount, words, slotStride } = plan;
  const { xy, ringStart } = rings;
  const vertexOffset = rings.xy.byteOffset / 16;
  const layerWord = 1 + (layer >> 5);
  const layerBit = 1 << (layer & 31);
  const windingField = 1 + words + layer;
  const tolerance = 1e-9;
  for (let r = 0; r < ringStart.length - 1; r++) {
    const end = ringStart[r + 1] - 1;
    let ax = xy[2 * ringStart[r]];
    let ay = xy[2 * ringStart[r] + 1];
    let aColumn = fastCell(minX, inverse, columns, ax);
    let aRow = fastCell(minY, inverse, rows, ay);
    for (let v = ringStart[r]; v < end; v++) {
      const bx = xy[2 * v + 2];
      const by = xy[2 * v + 3];
      const bColumn = fastCell(minX, inverse, columns, bx);
      const bRow = fastCell(minY, inverse, rows, by);
      if (ax === bx && ay === by) {
        aColumn = bColumn;
        aRow = bRow;
        continue;
      }
      const vertex = vertexOffset + v;
      const x0 = ax < bx ? ax : bx;
      const x1 = ax < bx ? bx : ax;
      const y0 = ay < by ? ay : by;
      const y1 = ay < by ? by : ay;
      let column0: number;
      let column1: number;
      let row0: number;
      let row1: number;
      if (aColumn >= 0 && bColumn >= 0) {
        column0 = aColumn < bColumn ? aColumn : bColumn;
        column1 = aColumn < bColumn ? bColumn : aColumn;
      } else {
        column0 = firstCellFrom(minX, size, inverse, columns, x0);
        column1 = lastCellTo(minX, size, inverse, columns, x1);
      }
      if (aRow >= 0 && bRow >= 0) {
        row0 = aRow < bRow ? aRow : bRow;
        row1 = aRow < bRow ? bRow : aRow;
      } else {
        row0 = firstCellFrom(minY, size, inverse, rows, y0);
        row1 = lastCellTo(minY, size, inverse, rows, y1);
      }
      const long = column1 - column0 > 1 && row1 - row0 > 1;
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
          for (let column = from; column <= to; column++) cells[base + column]++;
        } else {
          for (let column = from; column <= to; column++) {
            const k = cells[base + column] * slotStride;
            entries[slots[k]++] = vertex;
            slots[k + layerWord] |= layerBit;
          }
        }
      }
      if (fill && ay !== by) {
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
          // The edge counts for the corners strictly left of its crossing. Well inside a cell (a millionth of a cell
          // is ~1e-9 degrees, the rounding errors ~1e-13) the first guess is what the exact orientation tests give.
          const t = (crossingX - minX) * inverse;
          let column = Math.floor(t);
          if (!(inverse <= 1e5 && t - column > 1e-6 && t - column < 1 - 1e-6 && column >= 0 && column < columns)) {
            if (column > columns - 1) column = columns - 1;
            if (column < -1) column = -1;
            while (column + 1 <= columns - 1 && countsFor(ax, ay, dx, dy, up, lineAt(minX, size, column + 1), rowY)) column++;
            while (column >= 0 && !countsFor(ax, ay, dx, dy, up, lineAt(minX, size, column), rowY)) column--;
            if (column < 0) continue;
          }
          // The edge meets the cell whose bottom side it crosses, so that cell has a slot; the map is a safety net.
          const c = row * columns + column;
          const s = cells[c];
          if (s >= 0) slots[s * slotStride + windingField] += up ? 1 : -1;
          else crossingsOutside.set(c * layerCount + layer, (crossingsOutside.get(c * layerCount + layer) ?? 0) + (up ? 1 : -1));
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
 * Writes the mask of the layers covering point (px, py) at masks[offset .. offset + words - 1] (left as it was
 * when the point lies outside the grid).
 */
function maskAt(grid: LayerGridSet, px: number, py: number, masks: Uint32Array, offset: number): void {
  const { minX, minY, inverseCellSize: inverse, columns, rows, cellSize: size, words, cells } = grid;
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
  const value = cells[row * columns + column];
  if (value < 0) {
    const p = ~value * words;
    for (let w = 0; w < words; w++) masks[offset + w] = grid.emptyMasks[p + w];
    return;
  }
  const { slots, entries, layerVertexEnd } = grid;
  const base = value * grid.slotStride;
  for (let w = 0; w < words; w++) masks[offset + w] = slots[base + 1 + w];
  const cornerX = lineAt(minX, size, column);
  const cornerY = lineAt(minY, size, row);
  const end = slots[base + grid.slotStride];
  const xy = grid.xy;
  let k = slots[base];
  let layer = 0;
  while (k < end) {
    // The run lists the cell's edges layer by layer: the next layer, where its edges end, its corner's winding number.
    const first = entries[k];
    while (first >= layerVertexEnd[layer]) layer++;
    const limit = layerVertexEnd[layer];
    let winding = slots[base + 1 + words + layer];
    let onEdge = false;
    for (; k < end; k++) {
      const vertex = entries[k];
      if (vertex >= limit) break;
      const v = 2 * vertex;
      const ax = xy[v];
      const ay = xy[v + 1];
      const bx = xy[v + 2];
      const by = xy[v + 3];
      const spansY = ay <= py !== by <= py;
      const spansX = ax <= cornerX !== bx <= cornerX;
      // An edge that spans neither leg changes nothing; P can only be on it when P.y is one of its ends' y.
      if (!spansY && !spansX && py !== ay && py !== by) continue;
      const dx = bx - ax;
      const dy = by - ay;
      const orientation = dx * (py - ay) - dy * (px - ax);
      if (orientation === 0 && (ax <= bx ? ax <= px && px <= bx : bx <= px && px <= ax) && (ay <= by ? ay <= py && py <= by : by <= py && py <= ay)) onEdge = true;
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
    if (onEdge || winding > 0) masks[offset + (layer >> 5)] |= 1 << (layer & 31);
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
  if (order === null) {
    for (let i = 0; i < count; i++) maskAt(grid, lon[i], lat[i], masks, i * words);
  } else {
    for (let n = 0; n < count; n++) maskAt(grid, lon[n], lat[n], masks, order[n] * words);
  }
}
