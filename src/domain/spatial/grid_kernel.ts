/**
 * The grid kernel under both spatial indexes (the coverage layers, layer_grid.ts, and the admin areas,
 * admin_index.ts): one uniform grid over the edges of oriented rings (ring_set.ts), and the four operations both
 * need: the cell of a point, the cells an edge meets (banding), the crossings of the grid's row lines (from which
 * each index derives winding numbers at cell corners) and the winding walk from a corner to a point.
 *
 * Winding numbers follow the half-open crossing rules of the classic winding-number test (D. Sunday, "Inclusion
 * of a point in a polygon", 2001): an edge counts for the rightward ray from P when its y-range [min, max) holds
 * P.y and P lies strictly on its inner side. That is the exact winding number at P shifted by an infinitesimal
 * (ε, δ), δ ≪ ε, so it is the true winding number whenever P is not on the boundary; the boundary itself is
 * decided by an explicit on-edge test (in walkEdge), which both indexes count as inside.
 *
 * Layout (built by buildCellRuns), chosen for the query: per cell one Int32, the cell's slot (0 or more) when some
 * edge meets it, otherwise ~answer, a code of the owning index for what the whole cell answers (0 until the index
 * sets it: "nothing"). About a third of the coverage lookups end there. Per slot `slotStride` Int32 values: the
 * first entry of the cell's run, then fields of the owning index (corner winding numbers, masks, areas); after
 * the last slot, the entry total, so slot s's run ends where slot s + 1's begins. Per entry, the first vertex v of
 * one edge, from (xy[2v], xy[2v + 1]) to (xy[2v + 2], xy[2v + 3]). Every array is a plain typed array with a buffer
 * of its own (the vertex buffer is shared by the ring sets of one flattening), so an index can be transferred.
 *
 * Cell boundaries are decided by one expression, lineAt, at build and query alike. The first guess of a cell,
 * (value - origin) / cellSize rounded down, is exact unless the value lies within a millionth of a cell of a grid
 * line (a millionth of a cell is ~1e-9 degrees, the rounding errors ~1e-13); there exact searches on lineAt
 * decide. The research figures behind the design are in docs/performance.md.
 */
import type { RingSet } from "./ring_set.ts";

/** Upper bound on the number of cells of one grid: 4M cells is 16 MB of cell values. */
export const MAX_GRID_CELLS = 4_194_304;

/** Where the grid lies and how it is cut. */
export interface GridFrame {
  minX: number;
  minY: number;
  cellSize: number;
  /** 1 / cellSize: only for the first guess of a cell, which exact comparisons then correct. */
  inverseCellSize: number;
  columns: number;
  rows: number;
}

/** A grid with its cells' runs of edges (see the file comment for the layout). */
export interface CellGrid extends GridFrame {
  /** Per cell: its slot when some edge meets it, otherwise ~answer (see the file comment). */
  cells: Int32Array;
  /** Int32 values per slot: the first entry, then the owning index's fields. */
  slotStride: number;
  /** slotStride values per slot, then the entry total. */
  slots: Int32Array;
  /** Per entry: the first vertex of its edge in `xy`. A run lists its edges in vertex order. */
  entries: Uint32Array;
  /** Per entry: the owner of its ring (only when built with owners; empty otherwise). */
  entryOwners: Int32Array;
  /** The vertex buffer shared by the ring sets the grid was built from. */
  xy: Float64Array;
}

/** How a grid is sized: a forced cell size, or the automatic choice's parameters (see chooseCellSize). */
export interface GridOptions {
  cellSize?: number;
  maxCells?: number;
  /** Cell size in mean edge lengths (default 4). */
  edgeLengths?: number;
  /** Cap on cells per edge (default 4). */
  cellsPerEdge?: number;
}

/** The extent and edge statistics chooseCellSize reads. */
export type EdgeExtent = Pick<RingSet, "minX" | "minY" | "maxX" | "maxY" | "edgeCount" | "meanEdgeLength">;

/**
 * Chooses a cell size: about four mean edge lengths, which puts 4–8 edges in a typical non-empty cell (measured on
 * the national coverage: the build 1.78 → 1.25 s against twice the edge length, the query of 300,000 points
 * 0.40 → 0.47 s; six lengths built in 1.08 s but queried in 0.74 s),
 * but never more than `maxCells` cells, nor more than `cellsPerEdge` cells per edge (at least 1,024).
 * @param rings - the extent and edges to index
 * @param maxCells - the cap on the cell count
 * @param edgeLengths - the cell size in mean edge lengths
 * @param cellsPerEdge - the cap on cells per edge
 * @returns the cell size in degrees (positive)
 */
export function chooseCellSize(rings: EdgeExtent, maxCells: number = MAX_GRID_CELLS, edgeLengths = 4, cellsPerEdge = 4): number {
  const width = Math.max(rings.maxX - rings.minX, 0);
  const height = Math.max(rings.maxY - rings.minY, 0);
  const extent = Math.max(width, height, 1e-9);
  let size = rings.meanEdgeLength > 0 ? edgeLengths * rings.meanEdgeLength : extent;
  // Sparse layers (a few polygons over a whole country) would otherwise get millions of empty cells.
  const cap = Math.max(1, Math.min(maxCells, Math.max(1024, cellsPerEdge * rings.edgeCount)));
  while ((Math.floor(width / size) + 1) * (Math.floor(height / size) + 1) > cap) size *= 1.25;
  return size;
}

/**
 * Plans one grid over several ring sets: their joint extent, cut into cells of the forced or chosen size. Without
 * edges, one cell at the origin.
 * @param ringSets - the ring sets the grid will hold
 * @param options - see GridOptions
 * @returns the frame
 */
export function planGrid(ringSets: readonly RingSet[], options: GridOptions = {}): GridFrame {
  const extent: EdgeExtent = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity, edgeCount: 0, meanEdgeLength: 0 };
  let lengthSum = 0;
  for (const rings of ringSets) {
    if (rings.edgeCount === 0) continue;
    extent.minX = Math.min(extent.minX, rings.minX);
    extent.minY = Math.min(extent.minY, rings.minY);
    extent.maxX = Math.max(extent.maxX, rings.maxX);
    extent.maxY = Math.max(extent.maxY, rings.maxY);
    extent.edgeCount += rings.edgeCount;
    lengthSum += rings.meanEdgeLength * rings.edgeCount;
  }
  const empty = extent.edgeCount === 0;
  if (empty) Object.assign(extent, { minX: 0, minY: 0, maxX: 0, maxY: 0 });
  else extent.meanEdgeLength = lengthSum / extent.edgeCount;
  const forced = options.cellSize;
  const size =
    forced !== undefined && forced > 0 ? forced : chooseCellSize(extent, options.maxCells ?? MAX_GRID_CELLS, options.edgeLengths, options.cellsPerEdge);
  const { minX, minY } = extent;
  let columns = empty ? 1 : Math.floor((extent.maxX - minX) / size) + 1;
  while (!empty && lineAt(minX, size, columns) <= extent.maxX) columns++;
  let rows = empty ? 1 : Math.floor((extent.maxY - minY) / size) + 1;
  while (!empty && lineAt(minY, size, rows) <= extent.maxY) rows++;
  return { minX, minY, cellSize: size, inverseCellSize: 1 / size, columns, rows };
}

/** Left x of column i (or bottom y of row i): the one expression used everywhere, so build and query agree to the bit. */
export function lineAt(origin: number, cellSize: number, index: number): number {
  return origin + index * cellSize;
}

/** The cell of a value when it lies well inside one (the first guess is then exact), else -1: an exact search decides. */
function fastCell(origin: number, inverse: number, count: number, value: number): number {
  const t = (value - origin) * inverse;
  const i = Math.floor(t);
  const f = t - i;
  return inverse <= 1e5 && f > 1e-6 && f < 1 - 1e-6 && i >= 0 && i < count ? i : -1;
}

/**
 * First cell whose closed interval meets [value, …): the smallest i with line(i + 1) at or after value. An exact
 * search from the first guess; the hot loops try fastCell first, and this stays small so that they can inline it
 * (a call that is not inlined boxes its double arguments: millions of short-lived objects per build).
 */
function firstCellFrom(origin: number, size: number, inverse: number, count: number, value: number): number {
  let i = Math.min(Math.max(Math.floor((value - origin) * inverse), 0), count - 1);
  while (i > 0 && lineAt(origin, size, i) >= value) i--;
  while (i < count - 1 && lineAt(origin, size, i + 1) < value) i++;
  return i;
}

/** Last cell whose closed interval meets (…, value]: the largest i with line(i) at or before value (like firstCellFrom). */
function lastCellTo(origin: number, size: number, inverse: number, count: number, value: number): number {
  let i = Math.min(Math.max(Math.floor((value - origin) * inverse), 0), count - 1);
  while (i < count - 1 && lineAt(origin, size, i + 1) <= value) i++;
  while (i > 0 && lineAt(origin, size, i) > value) i--;
  return i;
}

/** The half-open cell holding a value: line(i) at or before it, line(i + 1) after it; -1 outside the grid or for NaN. */
function cellHolding(origin: number, size: number, inverse: number, count: number, value: number): number {
  const fast = fastCell(origin, inverse, count, value);
  return fast >= 0 ? fast : exactCellHolding(origin, size, inverse, count, value);
}

/** cellHolding near a grid line or outside the grid: kept out of line, so the query loops inline only the fast path. */
function exactCellHolding(origin: number, size: number, inverse: number, count: number, value: number): number {
  if (!(value >= origin) || !(value < lineAt(origin, size, count))) return -1;
  let i = Math.min(Math.floor((value - origin) * inverse), count - 1);
  while (i > 0 && lineAt(origin, size, i) > value) i--;
  while (i < count - 1 && lineAt(origin, size, i + 1) <= value) i++;
  return i;
}

/**
 * The column holding a longitude (cells are half-open: left and bottom sides in, right and top out).
 * @returns the column, or -1 outside the grid or for a non-finite value
 */
export function locateColumn(grid: GridFrame, px: number): number {
  return cellHolding(grid.minX, grid.cellSize, grid.inverseCellSize, grid.columns, px);
}

/**
 * The row holding a latitude, like locateColumn.
 * @returns the row, or -1 outside the grid or for a non-finite value
 */
export function locateRow(grid: GridFrame, py: number): number {
  return cellHolding(grid.minY, grid.cellSize, grid.inverseCellSize, grid.rows, py);
}

/**
 * Where the writing pass puts what it finds besides the entries (see buildCellRuns). Plain numbers, not callbacks:
 * the banding loop stays one function the compiler can optimise whole, for both indexes.
 */
export interface CellRunFields {
  /** Ring set s's row crossings are summed into slot field windingField + s; -1: every crossing goes to the list instead. */
  windingField: number;
  /** When ring set s has an edge in a cell, bit (s mod 32) of slot field markField + floor(s / 32) is set; -1: no marks. */
  markField: number;
  /** Record each entry's ring owner (entryOwners). */
  withOwners: boolean;
}

/**
 * Row crossings as a list: cell (row × columns + column), direction (+1 for an upward edge, -1 for a downward one),
 * the owner of the edge's ring and its ring set. With windingField -1, every crossing; otherwise only those whose
 * cell has no slot (none has: the edge meets the cell of each of its crossings; kept as a safety net).
 */
export interface CrossingList {
  count: number;
  cells: Int32Array;
  directions: Int8Array;
  owners: Int32Array;
  sets: Int32Array;
}

/** The cell runs, and the crossings not summed into slot fields. */
export interface CellRuns {
  grid: CellGrid;
  crossings: CrossingList;
}

/**
 * Builds the cell runs over ring sets of one flattening (one vertex buffer): two banding passes, one counting the
 * edges that meet each cell, one writing them; the slots' own fields are left 0 and edgeless cells ~0, except for
 * what `fields` asks the writing pass to add.
 *
 * The writing pass also finds each edge's crossings of the row lines: for every row whose bottom line y = Y(row)
 * the edge spans half-open (its lowest y included, its highest excluded), the last column whose corner
 * (X(column), Y(row)) has the edge on its rightward ray, i.e. lies strictly on its inner side (crossings with no
 * such corner are left out). The winding number at the corner of cell (row, column) is the sum of the directions
 * of that row's crossings at or right of the column: an index accumulates them from the right. The edge meets the
 * cell of each crossing (it crosses the cell's bottom side), so that cell has a slot, and it was just written:
 * adding the crossing there, not in a pass of its own, finds the slot in the processor's cache.
 * @param frame - from planGrid over the same ring sets
 * @param ringSets - the ring sets, in the order of their vertices in the shared buffer
 * @param slotStride - Int32 values per slot (1 + the owning index's fields)
 * @param fields - where the crossings and the marks of ring sets go
 * @returns the grid and the listed crossings
 */
export function buildCellRuns(frame: GridFrame, ringSets: readonly RingSet[], slotStride: number, fields: CellRunFields): CellRuns {
  const cellCount = frame.columns * frame.rows;
  const cells = new Int32Array(cellCount);
  let slots = new Int32Array(1);
  let entries = new Uint32Array(0);
  // An empty array of the grid's own: a shared one would be detached by the first transfer.
  let entryOwners = new Int32Array(0);
  const crossings: CrossingList = { count: 0, cells: new Int32Array(0), directions: new Int8Array(0), owners: new Int32Array(0), sets: new Int32Array(0) };
  const counting: CellRunFields = { windingField: -1, markField: -1, withOwners: false };
  ringSets.forEach((rings, set) => bandEdges(frame, rings, set, false, counting, cells, slots, slotStride, entries, entryOwners, crossings));
  let slotCount = 0;
  for (let c = 0; c < cellCount; c++) if (cells[c] !== 0) slotCount++;
  slots = new Int32Array(slotCount * slotStride + 1);
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
  // Each slot's first-entry field serves as its cursor; afterwards it holds where the next run begins, so shifting
  // by one slot restores the first entries.
  entries = new Uint32Array(total);
  if (fields.withOwners) entryOwners = new Int32Array(total);
  ringSets.forEach((rings, set) => bandEdges(frame, rings, set, true, fields, cells, slots, slotStride, entries, entryOwners, crossings));
  for (let s = slotCount - 1; s >= 0; s--) slots[s * slotStride] = s > 0 ? slots[(s - 1) * slotStride] : 0;
  const xy = ringSets.length > 0 ? new Float64Array(ringSets[0].xy.buffer) : new Float64Array(0);
  return { grid: { ...frame, cells, slotStride, slots, entries, entryOwners, xy }, crossings };
}

/** Appends a crossing to the list (small: the admin index lists every crossing from inside the banding loop). */
function listCrossing(list: CrossingList, cell: number, direction: number, owner: number, set: number): void {
  if (list.count === list.cells.length) growCrossings(list);
  const k = list.count++;
  list.cells[k] = cell;
  list.directions[k] = direction;
  list.owners[k] = owner;
  list.sets[k] = set;
}

/** Doubles the list's arrays. */
function growCrossings(list: CrossingList): void {
  const size = Math.max(1024, 2 * list.count);
  const grown = { cells: new Int32Array(size), directions: new Int8Array(size), owners: new Int32Array(size), sets: new Int32Array(size) };
  grown.cells.set(list.cells);
  grown.directions.set(list.directions);
  grown.owners.set(list.owners);
  grown.sets.set(list.sets);
  Object.assign(list, grown);
}

/**
 * The columns (box[0], box[1]) and rows (box[2], box[3]) an edge's bounding box meets, by the exact searches, for
 * the axes whose ends are not both well inside a cell (the others are left as they are). Out of bandEdges' loop on
 * purpose: the compiler's inlining budget for that loop then goes to its hot path (four searches inlined there
 * used it up, and every call that was not inlined boxed its double arguments, once per edge).
 */
function exactBox(frame: GridFrame, x0: number, x1: number, y0: number, y1: number, columnsKnown: boolean, rowsKnown: boolean, box: Int32Array): void {
  const { minX, minY, cellSize: size, inverseCellSize: inverse, columns, rows } = frame;
  if (!columnsKnown) {
    box[0] = firstCellFrom(minX, size, inverse, columns, x0);
    box[1] = lastCellTo(minX, size, inverse, columns, x1);
  }
  if (!rowsKnown) {
    box[2] = firstCellFrom(minY, size, inverse, rows, y0);
    box[3] = lastCellTo(minY, size, inverse, rows, y1);
  }
}

/**
 * Visits every (cell, edge) pair where the edge's bounding box (per grid row, for long edges) meets the closed
 * cell: counting the edge in the cell or (fill) writing its entry at the cell's cursor and reporting its
 * row crossings into the slot fields or the list (see buildCellRuns). Cell coordinates are computed once per vertex,
 * and exactly only near a grid line. One function for both, so the compiler inlines the small helpers into one loop.
 */
function bandEdges(
  frame: GridFrame,
  rings: RingSet,
  set: number,
  fill: boolean,
  fields: CellRunFields,
  cells: Int32Array,
  slots: Int32Array,
  slotStride: number,
  entries: Uint32Array,
  owners: Int32Array,
  crossings: CrossingList,
): void {
  const { minX, minY, cellSize: size, inverseCellSize: inverse, columns, rows } = frame;
  const { xy, ringStart, ringOwner } = rings;
  const vertexOffset = xy.byteOffset / 16;
  const withOwners = fill && fields.withOwners;
  const windingField = fields.windingField >= 0 ? fields.windingField + set : -1;
  const markField = fields.markField >= 0 ? fields.markField + (set >> 5) : -1;
  const markBit = 1 << (set & 31);
  const box = new Int32Array(4);
  // Interpolation guard for the per-row x-range of long edges (coordinates are degrees, |x| at most 360).
  const tolerance = 1e-9;
  for (let r = 0; r < ringStart.length - 1; r++) {
    const end = ringStart[r + 1] - 1;
    const owner = ringOwner[r];
    let ax = xy[2 * ringStart[r]];
    let ay = xy[2 * ringStart[r] + 1];
    let aColumn = fastCell(minX, inverse, columns, ax);
    let aRow = fastCell(minY, inverse, rows, ay);
    for (let v = ringStart[r]; v < end; v++) {
      const bx = xy[2 * v + 2];
      const by = xy[2 * v + 3];
      const bColumn = fastCell(minX, inverse, columns, bx);
      const bRow = fastCell(minY, inverse, rows, by);
      if (ax !== bx || ay !== by) {
        const x0 = ax < bx ? ax : bx;
        const x1 = ax < bx ? bx : ax;
        const y0 = ay < by ? ay : by;
        const y1 = ay < by ? by : ay;
        const bothRows = aRow >= 0 && bRow >= 0;
        let column0 = aColumn < bColumn ? aColumn : bColumn;
        let column1 = aColumn < bColumn ? bColumn : aColumn;
        let row0 = aRow < bRow ? aRow : bRow;
        let row1 = aRow < bRow ? bRow : aRow;
        if (column0 < 0 || !bothRows) {
          // An end near a grid line: the exact searches, out of this loop (see exactBox).
          exactBox(frame, x0, x1, y0, y1, column0 >= 0, bothRows, box);
          if (column0 < 0) {
            column0 = box[0];
            column1 = box[1];
          }
          if (!bothRows) {
            row0 = box[2];
            row1 = box[3];
          }
        }
        const long = column1 - column0 > 1 && row1 - row0 > 1;
        const vertex = vertexOffset + v;
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
            continue;
          }
          for (let column = from; column <= to; column++) {
            const slot = cells[base + column] * slotStride;
            const entry = slots[slot]++;
            entries[entry] = vertex;
            if (withOwners) owners[entry] = owner;
            if (markField >= 0) slots[slot + markField] |= markBit;
          }
        }
        if (fill && ay !== by) {
          // The row lines y = Y(row) with the edge's lowest y at or below them and its highest y above them:
          // strictly between the ends' rows when both are well inside one.
          const up = ay < by;
          const high = up ? by : ay;
          let row = (up ? aRow : bRow) + 1;
          let last = up ? bRow : aRow;
          if (!bothRows) {
            const low = up ? ay : by;
            row = Math.max(Math.floor((low - minY) * inverse), 0);
            while (row > 0 && lineAt(minY, size, row - 1) >= low) row--;
            while (row < rows && lineAt(minY, size, row) < low) row++;
            last = rows - 1;
          }
          const dx = bx - ax;
          const dy = by - ay;
          for (; row <= last; row++) {
            const rowY = lineAt(minY, size, row);
            if (!(rowY < high)) break;
            // The edge counts for the corners strictly left of its crossing (well inside a cell, the first guess).
            const crossingX = ax + ((rowY - ay) * dx) / dy;
            let column = fastCell(minX, inverse, columns, crossingX);
            if (column < 0) {
              column = Math.min(Math.max(Math.floor((crossingX - minX) * inverse), -1), columns - 1);
              while (column + 1 <= columns - 1 && countsFor(ax, ay, dx, dy, up, lineAt(minX, size, column + 1), rowY)) column++;
              while (column >= 0 && !countsFor(ax, ay, dx, dy, up, lineAt(minX, size, column), rowY)) column--;
              if (column < 0) continue;
            }
            const cell = row * columns + column;
            const slot = cells[cell];
            if (windingField >= 0 && slot >= 0) slots[slot * slotStride + windingField] += up ? 1 : -1;
            else listCrossing(crossings, cell, up ? 1 : -1, owner, set);
          }
        }
      }
      ax = bx;
      ay = by;
      aColumn = bColumn;
      aRow = bRow;
    }
  }
}

/** Whether an edge from (ax, ay) with direction (dx, dy) counts for the rightward ray from (px, py). */
function countsFor(ax: number, ay: number, dx: number, dy: number, up: boolean, px: number, py: number): boolean {
  const orientation = dx * (py - ay) - dy * (px - ax);
  return up ? orientation > 0 : orientation < 0;
}

/** What walkEdge adds when P lies on one of the run's edges: more than any winding number, so P counts as inside. */
export const ON_EDGE = 1 << 24;

/**
 * The change one edge of a cell's run makes to the winding number along the walk from the cell's corner
 * R = (cornerX, cornerY) up the cell's left side to Q = (cornerX, py), then right to P = (px, py), plus ON_EDGE
 * when P lies on the closed edge (both indexes count the boundary as inside; the admin index also needs the change
 * itself, to settle a point on a boundary shared by two areas). The corner's winding number plus the sum over the
 * cell's edges is the winding number at P: edges outside the cell cross neither leg.
 *
 * The query's hot path, so one function with no calls, small enough for the compiler to inline into the query
 * loops with their cell lookups (a call that is not inlined boxes its four double arguments, per edge): most edges
 * span neither leg and return after four comparisons; P can only be on an edge that spans the horizontal leg or
 * has an end at P's height.
 * @param xy - the vertex buffer
 * @param v - twice the edge's first vertex (the index of its x in xy)
 * @returns the change (-2 to 2), plus ON_EDGE when P is on the edge
 */
export function walkEdge(xy: Float64Array, v: number, cornerX: number, cornerY: number, px: number, py: number): number {
  const ax = xy[v];
  const ay = xy[v + 1];
  const bx = xy[v + 2];
  const by = xy[v + 3];
  const spansY = ay <= py !== by <= py;
  const spansX = ax <= cornerX !== bx <= cornerX;
  if (!spansY && !spansX && py !== ay && py !== by) return 0;
  const dx = bx - ax;
  const dy = by - ay;
  const orientationP = dx * (py - ay) - dy * (px - ax);
  let change = 0;
  // Horizontal leg Q to P: the ray counts at P minus the ray counts at Q.
  if (spansY) {
    const orientationQ = dx * (py - ay) - dy * (cornerX - ax);
    if (dy > 0) change += (orientationP > 0 ? 1 : 0) - (orientationQ > 0 ? 1 : 0);
    else change -= (orientationP < 0 ? 1 : 0) - (orientationQ < 0 ? 1 : 0);
  }
  // Vertical leg R to Q, shifted right by ε: edges whose x-range [min, max) holds cornerX.
  if (spansX) {
    const sign = dx > 0 ? 1 : -1;
    const orientationR = dx * (cornerY - ay) - dy * (cornerX - ax);
    const orientationQ = dx * (py - ay) - dy * (cornerX - ax);
    const slopeUp = sign * dy > 0;
    const aboveR = sign * orientationR < 0 || (orientationR === 0 && slopeUp);
    const belowQ = sign * orientationQ > 0 || (orientationQ === 0 && !slopeUp);
    if (aboveR && belowQ) change += sign;
  }
  // On the closed segment: orientation exactly 0 and inside its bounding box.
  const onEdge = orientationP === 0 && (ax <= bx ? ax <= px && px <= bx : bx <= px && px <= ax) && (ay <= by ? ay <= py && py <= by : by <= py && py <= ay);
  return onEdge ? change + ON_EDGE : change;
}

/**
 * The distinct buffers of a grid's arrays: the transfer list for postMessage (transferring empties the sender's
 * copy, so only a worker that hands the index over for good may use it).
 * @param grid - the grid
 * @returns its buffers, each once
 */
export function cellGridBuffers(grid: CellGrid): ArrayBuffer[] {
  return [...new Set([grid.cells.buffer, grid.slots.buffer, grid.entries.buffer, grid.entryOwners.buffer, grid.xy.buffer])] as ArrayBuffer[];
}
