/**
 * The uniform edge grid behind the coverage and admin indexes.
 *
 * Rings are flattened into one interleaved Float64Array of vertices, each ring stored closed. Outer rings are
 * oriented counter-clockwise and holes clockwise, so the winding number summed over a set of polygons is
 * positive exactly when a point lies in at least one of them (overlaps add, holes subtract).
 *
 * Each grid cell holds (CSR layout: a run of first-vertex indices into the flat vertex buffer) the edges
 * whose bounding box meets the closed cell, and a reference value at the cell's lower-left corner R.
 * Winding numbers follow the half-open crossing rules of the classic winding-number test (D. Sunday,
 * "Inclusion of a point in a polygon", 2001): an edge counts for the rightward ray from P when its y-range
 * [min, max) holds P.y and P lies strictly on its inner side. That is the exact winding number at P shifted by
 * an infinitesimal (ε, δ), δ ≪ ε, so it is the true winding number whenever P is not on the boundary; the
 * boundary itself is decided by an explicit on-edge test (orientation 0 and inside the edge's bounding box),
 * which counts as inside.
 *
 * A query in a cell with edges walks from R* up the cell's left side to (X_L, P.y)* and then right to P*,
 * adding the signed crossings of the cell's edges (the horizontal leg as "ray count at P minus ray count at
 * Q"); an empty cell returns the stored value. The research figures behind this design are in
 * docs/performance.md.
 */
import type { MultiPolygon, Polygon, Position } from "geojson";
import { allocateLargeBuffer } from "./large_buffer.ts";

/** Rings flattened: vertex k of the set is (xy[2k], xy[2k + 1]); ring r spans vertices ringStart[r]..ringStart[r + 1] - 1, closed. */
export interface RingSet {
  xy: Float64Array;
  ringStart: Uint32Array;
  ringOwner: Int32Array;
  edgeCount: number;
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  /** Mean edge length, in degrees. */
  meanEdgeLength: number;
}

/** The grid: edges per cell (CSR, coordinates inline) and a reference value per cell, set by the index that owns it. */
export interface EdgeGrid {
  minX: number;
  minY: number;
  cellSize: number;
  /** 1 / cellSize: only for the first guess of a cell, which exact comparisons then correct. */
  inverseCellSize: number;
  columns: number;
  rows: number;
  /** For cell c: cellData[2c] = its first entry, cellData[2c + 1] = its reference value; cellData[2 × cells] = entry count. */
  cellData: Int32Array;
  /** For entry k: the first vertex v of its edge, which runs from (xy[2v], xy[2v + 1]) to (xy[2v + 2], xy[2v + 3]). */
  entryVertices: Uint32Array;
  /** The ring set's vertices (shared with the other grids built in the same call). */
  xy: Float64Array;
  /** For entry k: the owner of its edge (only when built with owners; empty otherwise). */
  entryOwners: Int32Array;
}

/** Upper bound on the number of cells of one grid: 4M cells is 32 MB of offsets and reference values. */
export const MAX_GRID_CELLS = 4_194_304;

/** A geometry and the owner id recorded for its edges. */
export interface OwnedGeometry {
  geometry: Polygon | MultiPolygon;
  owner: number;
}

function closedLength(ring: Position[]): number {
  const count = ring.length;
  if (count === 0) return 0;
  const closed = ring[0][0] === ring[count - 1][0] && ring[0][1] === ring[count - 1][1];
  return closed ? count : count + 1;
}

/**
 * Flattens groups of polygons into one RingSet per group, all sharing one vertex buffer (one large allocation;
 * see large_buffer.ts for why large allocations matter). Outer rings become counter-clockwise,
 * holes clockwise; rings with fewer than three distinct positions or zero area are dropped.
 * @param groups - per group, geometries with their owners
 * @returns one ring set per group
 */
export function flattenRingSets(groups: readonly (readonly OwnedGeometry[])[]): RingSet[] {
  let vertexTotal = 0;
  const ringTotals: number[] = [];
  for (const items of groups) {
    let ringTotal = 0;
    for (const { geometry } of items) {
      if (geometry.type === "Polygon") {
        for (const ring of geometry.coordinates) vertexTotal += closedLength(ring);
        ringTotal += geometry.coordinates.length;
      } else {
        for (const rings of geometry.coordinates) {
          for (const ring of rings) vertexTotal += closedLength(ring);
          ringTotal += rings.length;
        }
      }
    }
    ringTotals.push(ringTotal);
  }
  const buffer = new Float64Array(allocateLargeBuffer(16 * vertexTotal), 0, 2 * vertexTotal);
  let offset = 0;
  return groups.map((items, g) => {
    const set = flattenInto(items, buffer, offset, ringTotals[g]);
    offset += set.xy.length;
    return set;
  });
}

/**
 * Flattens one group of polygons into its own RingSet.
 * @param items - geometries with their owners
 * @returns the ring set
 */
export function flattenRings(items: readonly OwnedGeometry[]): RingSet {
  return flattenRingSets([items])[0];
}

/** Running totals of one flattening: counts and bounds in a typed array, so updating them allocates nothing. */
interface FlattenState {
  xy: Float64Array;
  ringStart: Uint32Array;
  ringOwner: Int32Array;
  /** vertices, rings, edgeCount, lengthSum, minX, minY, maxX, maxY */
  totals: Float64Array;
}

/**
 * The items in a spatially coherent order (row-major buckets of a 256 × 256 grid over their first vertices), so
 * that consecutive rings touch nearby grid cells: building and querying then read and write memory that is
 * already in cache, instead of jumping across a table of millions of cells with every new tower disc.
 */
function spatialOrder(items: readonly OwnedGeometry[]): OwnedGeometry[] {
  const firstX = new Float64Array(items.length);
  const firstY = new Float64Array(items.length);
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  items.forEach(({ geometry }, k) => {
    const ring = geometry.type === "Polygon" ? geometry.coordinates[0] : geometry.coordinates[0]?.[0];
    const first = ring?.[0];
    const x = first ? first[0] : 0;
    const y = first ? first[1] : 0;
    firstX[k] = x;
    firstY[k] = y;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  });
  const scaleX = maxX > minX ? 255.999 / (maxX - minX) : 0;
  const scaleY = maxY > minY ? 255.999 / (maxY - minY) : 0;
  const keys = new Float64Array(items.length);
  for (let k = 0; k < items.length; k++) {
    const key = Math.floor((firstY[k] - minY) * scaleY) * 256 + Math.floor((firstX[k] - minX) * scaleX);
    keys[k] = Number.isFinite(key) ? key : 65_536;
  }
  const order = Array.from(items.keys()).sort((a, b) => keys[a] - keys[b] || a - b);
  return order.map((k) => items[k]);
}

function flattenInto(unordered: readonly OwnedGeometry[], buffer: Float64Array, offset: number, ringTotal: number): RingSet {
  const items = spatialOrder(unordered);
  const state: FlattenState = {
    xy: buffer.subarray(offset),
    ringStart: new Uint32Array(ringTotal + 1),
    ringOwner: new Int32Array(ringTotal),
    totals: Float64Array.of(0, 0, 0, 0, Infinity, Infinity, -Infinity, -Infinity),
  };
  for (const { geometry, owner } of items) {
    if (geometry.type === "Polygon") {
      const rings = geometry.coordinates;
      for (let r = 0; r < rings.length; r++) addRing(state, rings[r], r === 0, owner);
    } else {
      for (const rings of geometry.coordinates) for (let r = 0; r < rings.length; r++) addRing(state, rings[r], r === 0, owner);
    }
  }
  const totals = state.totals;
  const vertices = totals[0];
  const rings = totals[1];
  const edgeCount = totals[2];
  return {
    xy: state.xy.subarray(0, 2 * vertices),
    ringStart: state.ringStart.subarray(0, rings + 1),
    ringOwner: state.ringOwner.subarray(0, rings),
    edgeCount,
    minX: totals[4],
    minY: totals[5],
    maxX: totals[6],
    maxY: totals[7],
    meanEdgeLength: edgeCount > 0 ? totals[3] / edgeCount : 0,
  };
}

function addRing(state: FlattenState, ring: Position[], outer: boolean, owner: number): void {
  const count = closedLength(ring) - 1;
  if (count < 3) return;
  // One pass over the positions (reading them is most of the cost): copy, bounds, lengths and the shoelace sum
  // (trapezoid form: positive for counter-clockwise); the copy is reversed in place when the orientation is wrong.
  const { xy, totals } = state;
  const start = totals[0];
  let minX = totals[4];
  let minY = totals[5];
  let maxX = totals[6];
  let maxY = totals[7];
  let edgeCount = 0;
  let lengthSum = 0;
  let twiceArea = 0;
  let previousX = 0;
  let previousY = 0;
  for (let k = 0; k <= count; k++) {
    const source = ring[k < count ? k : 0];
    const x = source[0];
    const y = source[1];
    xy[2 * (start + k)] = x;
    xy[2 * (start + k) + 1] = y;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
    if (k > 0) {
      twiceArea += (previousX - x) * (previousY + y);
      const dx = x - previousX;
      const dy = y - previousY;
      if (dx !== 0 || dy !== 0) {
        edgeCount++;
        lengthSum += Math.sqrt(dx * dx + dy * dy);
      }
    }
    previousX = x;
    previousY = y;
  }
  if (twiceArea === 0 || !Number.isFinite(twiceArea)) return;
  if (outer ? twiceArea < 0 : twiceArea > 0) {
    for (let i = start, j = start + count; i < j; i++, j--) {
      const x = xy[2 * i];
      const y = xy[2 * i + 1];
      xy[2 * i] = xy[2 * j];
      xy[2 * i + 1] = xy[2 * j + 1];
      xy[2 * j] = x;
      xy[2 * j + 1] = y;
    }
  }
  const rings = totals[1];
  state.ringOwner[rings] = owner;
  state.ringStart[rings + 1] = start + count + 1;
  totals[0] = start + count + 1;
  totals[1] = rings + 1;
  totals[2] += edgeCount;
  totals[3] += lengthSum;
  totals[4] = minX;
  totals[5] = minY;
  totals[6] = maxX;
  totals[7] = maxY;
}

/**
 * Chooses a cell size: about twice the mean edge length, which puts 2–4 edges in a typical non-empty cell,
 * but never more than `maxCells` cells, nor more than `cellsPerEdge` cells per edge (at least 1,024).
 * @param rings - the rings to index
 * @param maxCells - the cap on the cell count
 * @param edgeLengths - the cell size in mean edge lengths
 * @param cellsPerEdge - the cap on cells per edge
 * @returns the cell size in degrees (positive)
 */
export function chooseCellSize(rings: Pick<RingSet, "minX" | "minY" | "maxX" | "maxY" | "edgeCount" | "meanEdgeLength">, maxCells: number = MAX_GRID_CELLS, edgeLengths = 2, cellsPerEdge = 4): number {
  const width = Math.max(rings.maxX - rings.minX, 0);
  const height = Math.max(rings.maxY - rings.minY, 0);
  const extent = Math.max(width, height, 1e-9);
  let size = rings.meanEdgeLength > 0 ? edgeLengths * rings.meanEdgeLength : extent;
  // Sparse layers (a few polygons over a whole country) would otherwise get millions of empty cells.
  const cap = Math.max(1, Math.min(maxCells, Math.max(1024, cellsPerEdge * rings.edgeCount)));
  while ((Math.floor(width / size) + 1) * (Math.floor(height / size) + 1) > cap) size *= 1.25;
  return size;
}

/** Left x of column i (or bottom y of row i): the one expression used everywhere, so build and query agree to the bit. */
export function lineAt(origin: number, cellSize: number, index: number): number {
  return origin + index * cellSize;
}

/** First cell whose closed interval meets [value, …): the smallest i with line(i + 1) at or after value. */
export function firstCellFrom(origin: number, size: number, inverse: number, count: number, value: number): number {
  const t = (value - origin) * inverse;
  let i = Math.floor(t);
  // Well inside a cell (see queryLayer for the margin), the first guess is exact.
  if (inverse <= 1e5 && t - i > 1e-6 && t - i < 1 - 1e-6 && i >= 0 && i < count) return i;
  if (i > count - 1) i = count - 1;
  if (i < 0) i = 0;
  while (i > 0 && lineAt(origin, size, i) >= value) i--;
  while (i < count - 1 && lineAt(origin, size, i + 1) < value) i++;
  return i;
}

/** Last cell whose closed interval meets (…, value]: the largest i with line(i) at or before value. */
export function lastCellTo(origin: number, size: number, inverse: number, count: number, value: number): number {
  const t = (value - origin) * inverse;
  let i = Math.floor(t);
  if (inverse <= 1e5 && t - i > 1e-6 && t - i < 1 - 1e-6 && i >= 0 && i < count) return i;
  if (i > count - 1) i = count - 1;
  if (i < 0) i = 0;
  while (i < count - 1 && lineAt(origin, size, i + 1) <= value) i++;
  while (i > 0 && lineAt(origin, size, i) > value) i--;
  return i;
}

/** How a grid is sized: a forced cell size, or the automatic choice's parameters (see chooseCellSize). */
export interface GridOptions {
  cellSize?: number;
  maxCells?: number;
  /** Cell size in mean edge lengths (default 2). */
  edgeLengths?: number;
  /** Cap on cells per edge (default 4). */
  cellsPerEdge?: number;
  /** Record each entry's owner. */
  withOwners?: boolean;
}

interface GridPlan {
  minX: number;
  minY: number;
  size: number;
  inverse: number;
  columns: number;
  rows: number;
}

function planGrid(rings: RingSet, options: GridOptions): GridPlan {
  const cellSize = options.cellSize;
  const size = cellSize !== undefined && cellSize > 0 ? cellSize : chooseCellSize(rings, options.maxCells ?? MAX_GRID_CELLS, options.edgeLengths, options.cellsPerEdge);
  const empty = rings.edgeCount === 0;
  const minX = empty ? 0 : rings.minX;
  const minY = empty ? 0 : rings.minY;
  let columns = empty ? 1 : Math.floor((rings.maxX - minX) / size) + 1;
  while (!empty && lineAt(minX, size, columns) <= rings.maxX) columns++;
  let rows = empty ? 1 : Math.floor((rings.maxY - minY) / size) + 1;
  while (!empty && lineAt(minY, size, rows) <= rings.maxY) rows++;
  return { minX, minY, size, inverse: 1 / size, columns, rows };
}

/**
 * Builds the cell → edges table over one ring set.
 * @param rings - the rings
 * @param options - see GridOptions
 * @returns the grid, with every reference value 0
 */
export function buildEdgeGrid(rings: RingSet, options: GridOptions = {}): EdgeGrid {
  return buildEdgeGrids([rings], options)[0];
}

/**
 * Builds one grid per ring set; the grids share two large buffers (cell data, entry coordinates), for the
 * reason given in flattenRingSets.
 * @param ringSets - the ring sets
 * @param options - as for buildEdgeGrid, applied to each
 * @returns the grids, every reference value 0
 */
export function buildEdgeGrids(ringSets: readonly RingSet[], options: GridOptions = {}): EdgeGrid[] {
  const plans = ringSets.map((rings) => planGrid(rings, options));
  let cellDataTotal = 0;
  for (const plan of plans) cellDataTotal += 2 * plan.columns * plan.rows + 2;
  const allCellData = new Int32Array(allocateLargeBuffer(4 * cellDataTotal), 0, cellDataTotal);
  const cellDataViews: Int32Array[] = [];
  const packedRangeViews: Uint32Array[] = [];
  let offset = 0;
  // Pass 1 counts the entries per cell (in the even slots) and turns the counts into first entries.
  let entryTotal = 0;
  ringSets.forEach((rings, g) => {
    const plan = plans[g];
    const cellCount = plan.columns * plan.rows;
    const cellData = allCellData.subarray(offset, offset + 2 * cellCount + 2);
    offset += 2 * cellCount + 2;
    cellDataViews.push(cellData);
    const packedRanges = new Uint32Array(allocateLargeBuffer(4 * rings.edgeCount), 0, rings.edgeCount);
    packedRangeViews.push(packedRanges);
    visitEdgeCells(rings, plan, cellData, EMPTY_VERTICES, EMPTY_OWNERS, false, false, packedRanges);
    let total = 0;
    for (let c = 0; c < cellCount; c++) {
      const count = cellData[2 * c];
      cellData[2 * c] = total;
      total += count;
    }
    cellData[2 * cellCount] = total;
    entryTotal += total;
  });
  const allVertices = new Uint32Array(allocateLargeBuffer(4 * entryTotal), 0, entryTotal);
  const withOwners = options.withOwners === true;
  const allOwners = new Int32Array(withOwners ? entryTotal : 0);
  let entryOffset = 0;
  return ringSets.map((rings, g) => {
    const plan = plans[g];
    const cellData = cellDataViews[g];
    const cellCount = plan.columns * plan.rows;
    const total = cellData[2 * cellCount];
    const entryVertices = allVertices.subarray(entryOffset, entryOffset + total);
    const entryOwners = withOwners ? allOwners.subarray(entryOffset, entryOffset + total) : allOwners;
    entryOffset += total;
    // Pass 2 writes each edge into its cells; the odd slots serve as cursors and are reset to 0 afterwards.
    for (let c = 0; c < cellCount; c++) cellData[2 * c + 1] = cellData[2 * c];
    visitEdgeCells(rings, plan, cellData, entryVertices, entryOwners, true, withOwners, packedRangeViews[g]);
    for (let c = 0; c < cellCount; c++) cellData[2 * c + 1] = 0;
    return {
      minX: plan.minX,
      minY: plan.minY,
      cellSize: plan.size,
      inverseCellSize: plan.inverse,
      columns: plan.columns,
      rows: plan.rows,
      cellData,
      entryVertices,
      xy: rings.xy,
      entryOwners,
    };
  });
}

/**
 * Visits every (cell, edge) pair where the edge's bounding box (per grid row, for long edges) meets the closed
 * cell: counting into the even slots of the cell data, or (`fill`) writing at the cursors held in the odd slots.
 */
const EMPTY_VERTICES = new Uint32Array(0);
/** "Recompute this edge's cells" in the packed ranges. */
const PACKED_NONE = 0xffffffff;
const EMPTY_OWNERS = new Int32Array(0);

function visitEdgeCells(
  rings: RingSet,
  plan: GridPlan,
  cellData: Int32Array,
  entryVertices: Uint32Array,
  entryOwners: Int32Array,
  fill: boolean,
  withOwners: boolean,
  packedRanges: Uint32Array,
): void {
  const { minX, minY, size, inverse, columns, rows } = plan;
  const { xy, ringStart, ringOwner } = rings;
  // Interpolation guard for the per-row x-range of long edges (coordinates are degrees, |x| at most 360).
  const tolerance = 1e-9;
  let edge = 0;
  for (let r = 0; r < ringStart.length - 1; r++) {
    const owner = ringOwner[r];
    const end = ringStart[r + 1] - 1;
    for (let v = ringStart[r]; v < end; v++) {
      const ax = xy[2 * v];
      const ay = xy[2 * v + 1];
      const bx = xy[2 * v + 2];
      const by = xy[2 * v + 3];
      if (ax === bx && ay === by) continue;
      // The fill pass reuses the count pass's cell range of a short edge: first cell × 16 + 4 × extra columns + extra rows.
      const packed = fill ? packedRanges[edge] : PACKED_NONE;
      edge++;
      if (packed !== PACKED_NONE) {
        const first = packed >>> 4;
        const extraColumns = (packed >>> 2) & 3;
        const extraRows = packed & 3;
        for (let row = 0; row <= extraRows; row++) {
          const base = first + row * columns;
          for (let column = 0; column <= extraColumns; column++) {
            const slot = cellData[2 * (base + column) + 1]++;
            entryVertices[slot] = v;
            if (withOwners) entryOwners[slot] = owner;
          }
        }
        continue;
      }
      const x0 = ax < bx ? ax : bx;
      const x1 = ax < bx ? bx : ax;
      const y0 = ay < by ? ay : by;
      const y1 = ay < by ? by : ay;
      const column0 = firstCellFrom(minX, size, inverse, columns, x0);
      const column1 = lastCellTo(minX, size, inverse, columns, x1);
      const row0 = firstCellFrom(minY, size, inverse, rows, y0);
      const row1 = lastCellTo(minY, size, inverse, rows, y1);
      const long = column1 - column0 > 1 && row1 - row0 > 1;
      if (!fill) {
        const first = row0 * columns + column0;
        packedRanges[edge - 1] =
          !long && column1 - column0 <= 3 && row1 - row0 <= 3 && first < 0x10000000 ? first * 16 + (column1 - column0) * 4 + (row1 - row0) : PACKED_NONE;
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
          for (let column = from; column <= to; column++) cellData[2 * (base + column)]++;
        } else {
          for (let column = from; column <= to; column++) {
            const slot = cellData[2 * (base + column) + 1]++;
            entryVertices[slot] = v;
            if (withOwners) entryOwners[slot] = owner;
          }
        }
      }
    }
  }
}

/** Column of x: line(i) at or left of x and line(i + 1) right of it; -1 when x is outside the grid or not a number. */
export function cellColumn(grid: EdgeGrid, x: number): number {
  return locateInAxis(grid.minX, grid.cellSize, grid.inverseCellSize, grid.columns, x);
}

/** Row of y, like cellColumn. */
export function cellRow(grid: EdgeGrid, y: number): number {
  return locateInAxis(grid.minY, grid.cellSize, grid.inverseCellSize, grid.rows, y);
}

export function locateInAxis(origin: number, size: number, inverse: number, count: number, value: number): number {
  if (!(value >= origin) || !(value < lineAt(origin, size, count))) return -1;
  let i = Math.floor((value - origin) * inverse);
  if (i > count - 1) i = count - 1;
  while (i > 0 && lineAt(origin, size, i) > value) i--;
  while (i < count - 1 && lineAt(origin, size, i + 1) <= value) i++;
  return i;
}

/** Left x of a column. */
export function gridColumnX(grid: EdgeGrid, column: number): number {
  return lineAt(grid.minX, grid.cellSize, column);
}

/** Bottom y of a row. */
export function gridRowY(grid: EdgeGrid, row: number): number {
  return lineAt(grid.minY, grid.cellSize, row);
}

/**
 * Sets each cell's reference value to the winding number at its lower-left corner, summed over all rings: the
 * crossings of each row's bottom line (see listRowCrossings) accumulated as a difference array, then summed
 * from the right.
 * @param grid - the grid (its reference values are overwritten)
 * @param rings - the rings the grid was built from
 */
export function setCornerWindings(grid: EdgeGrid, rings: RingSet): void {
  const { minX, minY, cellSize: size, inverseCellSize: inverse, columns, rows, cellData } = grid;
  const { xy, ringStart } = rings;
  for (let c = 0; c < columns * rows; c++) cellData[2 * c + 1] = 0;
  for (let r = 0; r < ringStart.length - 1; r++) {
    const end = ringStart[r + 1] - 1;
    for (let v = ringStart[r]; v < end; v++) {
      const ax = xy[2 * v];
      const ay = xy[2 * v + 1];
      const bx = xy[2 * v + 2];
      const by = xy[2 * v + 3];
      if (ay === by) continue;
      const up = ay < by;
      const low = up ? ay : by;
      const high = up ? by : ay;
      let row = Math.floor((low - minY) * inverse);
      if (row < 0) row = 0;
      while (row > 0 && lineAt(minY, size, row - 1) >= low) row--;
      while (row < rows && lineAt(minY, size, row) < low) row++;
      const dx = bx - ax;
      const dy = by - ay;
      for (; row < rows; row++) {
        const rowY = lineAt(minY, size, row);
        if (!(rowY < high)) break;
        const crossingX = ax + ((rowY - ay) * dx) / dy;
        let column = Math.floor((crossingX - minX) * inverse);
        if (column > columns - 1) column = columns - 1;
        if (column < -1) column = -1;
        while (column + 1 <= columns - 1 && countsFor(ax, ay, dx, dy, up, lineAt(minX, size, column + 1), rowY)) column++;
        while (column >= 0 && !countsFor(ax, ay, dx, dy, up, lineAt(minX, size, column), rowY)) column--;
        if (column >= 0) cellData[2 * (row * columns + column) + 1] += up ? 1 : -1;
      }
    }
  }
  for (let row = 0; row < rows; row++) {
    let sum = 0;
    for (let column = columns - 1; column >= 0; column--) {
      const slot = 2 * (row * columns + column) + 1;
      sum += cellData[slot];
      cellData[slot] = sum;
    }
  }
}

/**
 * Lists, for every edge and every grid row whose bottom line y = Y(row) the edge spans (half-open: from its
 * lowest y included to its highest excluded), the last column whose corner (X(column), Y(row)) has the edge on
 * its rightward ray (the edge counts for it), or -1 when none does, with the edge's direction (+1 upward,
 * -1 downward) and its owner. The reference winding number of the corner of cell (row, column) is the sum of
 * the directions of the crossings of that row with lastColumn at or after column.
 * @param grid - the grid
 * @param rings - the rings the grid was built from
 * @returns parallel arrays, one entry per crossing with lastColumn at least 0
 */
export function listRowCrossings(grid: EdgeGrid, rings: RingSet): { count: number; rows: Int32Array; lastColumns: Int32Array; directions: Int8Array; owners: Int32Array } {
  const { minX, minY, cellSize: size, inverseCellSize: inverse, columns, rows } = grid;
  const { xy, ringStart, ringOwner } = rings;
  let capacity = Math.max(16, rings.edgeCount);
  let rowList: Int32Array = new Int32Array(capacity);
  let columnList: Int32Array = new Int32Array(capacity);
  let directionList: Int8Array = new Int8Array(capacity);
  let ownerList: Int32Array = new Int32Array(capacity);
  let count = 0;
  for (let r = 0; r < ringStart.length - 1; r++) {
    const owner = ringOwner[r];
    const end = ringStart[r + 1] - 1;
    for (let v = ringStart[r]; v < end; v++) {
      const ax = xy[2 * v];
      const ay = xy[2 * v + 1];
      const bx = xy[2 * v + 2];
      const by = xy[2 * v + 3];
      if (ay === by) continue;
      const up = ay < by;
      const low = up ? ay : by;
      const high = up ? by : ay;
      // The first row with low at or below Y(row).
      let row = Math.floor((low - minY) * inverse);
      if (row < 0) row = 0;
      while (row > 0 && lineAt(minY, size, row - 1) >= low) row--;
      while (row < rows && lineAt(minY, size, row) < low) row++;
      const dx = bx - ax;
      const dy = by - ay;
      for (; row < rows; row++) {
        const rowY = lineAt(minY, size, row);
        if (!(rowY < high)) break;
        // The edge counts for corner X when X is strictly on its inner side: orientation > 0 (upward) or < 0 (downward).
        const crossingX = ax + ((rowY - ay) * dx) / dy;
        let column = Math.floor((crossingX - minX) * inverse);
        if (column > columns - 1) column = columns - 1;
        if (column < -1) column = -1;
        while (column + 1 <= columns - 1 && countsFor(ax, ay, dx, dy, up, lineAt(minX, size, column + 1), rowY)) column++;
        while (column >= 0 && !countsFor(ax, ay, dx, dy, up, lineAt(minX, size, column), rowY)) column--;
        if (column < 0) continue;
        if (count === capacity) {
          capacity *= 2;
          rowList = growInt32(rowList, capacity);
          columnList = growInt32(columnList, capacity);
          ownerList = growInt32(ownerList, capacity);
          const directions = new Int8Array(capacity);
          directions.set(directionList);
          directionList = directions;
        }
        rowList[count] = row;
        columnList[count] = column;
        directionList[count] = up ? 1 : -1;
        ownerList[count] = owner;
        count++;
      }
    }
  }
  return { count, rows: rowList, lastColumns: columnList, directions: directionList, owners: ownerList };
}

function growInt32(array: Int32Array, capacity: number): Int32Array {
  const larger = new Int32Array(capacity);
  larger.set(array);
  return larger;
}

export function countsFor(ax: number, ay: number, dx: number, dy: number, up: boolean, px: number, py: number): boolean {
  const orientation = dx * (py - ay) - dy * (px - ax);
  return up ? orientation > 0 : orientation < 0;
}
