/**
 * The uniform edge grid behind the coverage and admin indexes.
 *
 * Rings are flattened into two Float64Arrays of vertices, each ring stored closed (last vertex = first);
 * edge `e` runs from vertex `e` to vertex `e + 1`. Outer rings are oriented counter-clockwise and holes
 * clockwise, so the winding number summed over a set of polygons is positive exactly when a point lies in at
 * least one of them (overlaps add, holes subtract).
 *
 * Each grid cell holds (CSR layout) the edges whose bounding box meets the closed cell, and a reference
 * value at the cell's lower-left corner R. Winding numbers follow the half-open crossing rules of the
 * classic winding-number test (D. Sunday, "Inclusion of a point in a polygon", 2001): an edge counts for
 * the rightward ray from P when its y-range [min, max) holds P.y and P lies strictly on its inner side.
 * That is the exact winding number at P shifted by an infinitesimal (ε, δ), δ ≪ ε, so it is the true
 * winding number whenever P is not on the boundary; the boundary itself is decided by an explicit
 * on-edge test (orientation 0 and inside the edge's bounding box), which counts as inside.
 *
 * A query in a cell with edges walks from R* up the cell's left side to (X_L, P.y)* and then right to
 * P*, adding the signed crossings of the cell's edges; an empty cell returns the stored value.
 */
import type { MultiPolygon, Polygon, Position } from "geojson";

/** Vertices of many rings, flattened; edge e runs from vertex e to vertex e + 1 (only for listed edges). */
export interface RingSet {
  x: Float64Array;
  y: Float64Array;
  /** Start vertex of every edge that is not degenerate (zero length). */
  edges: Uint32Array;
  /** Owner (polygon set id, e.g. an admin area index) of each listed edge, parallel to `edges`. */
  owners: Int32Array;
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  /** Mean edge length, in degrees. */
  meanEdgeLength: number;
}

/** The grid: geometry in cells (CSR), plus the per-cell reference values computed by the caller's scanline. */
export interface EdgeGrid {
  rings: RingSet;
  minX: number;
  minY: number;
  cellSize: number;
  columns: number;
  rows: number;
  /** cellStart[c]..cellStart[c + 1] index into cellEdges for cell c = row * columns + column. */
  cellStart: Uint32Array;
  /** Start vertex of each edge in each cell. */
  cellEdges: Uint32Array;
  /** The owner of each entry of cellEdges (parallel array), so queries need no indirection. */
  cellOwners: Int32Array;
}

/** Upper bound on the number of cells of one grid: 4M cells is 32 MB of offsets and reference values. */
export const MAX_GRID_CELLS = 4_194_304;

/** Fewest cells worth building: below this a grid is no better than a list. */
const MIN_GRID_CELLS = 1;

/** A growable Float64Array pair for ring vertices. */
class VertexBuffer {
  x = new Float64Array(1024);
  y = new Float64Array(1024);
  length = 0;
  reserve(extra: number): void {
    const needed = this.length + extra;
    if (needed <= this.x.length) return;
    let size = this.x.length * 2;
    while (size < needed) size *= 2;
    const x = new Float64Array(size);
    const y = new Float64Array(size);
    x.set(this.x.subarray(0, this.length));
    y.set(this.y.subarray(0, this.length));
    this.x = x;
    this.y = y;
  }
}

/** A growable Uint32Array / Int32Array pair for edges and their owners. */
class EdgeBuffer {
  edges = new Uint32Array(1024);
  owners = new Int32Array(1024);
  length = 0;
  push(edge: number, owner: number): void {
    if (this.length === this.edges.length) {
      const edges = new Uint32Array(this.length * 2);
      const owners = new Int32Array(this.length * 2);
      edges.set(this.edges);
      owners.set(this.owners);
      this.edges = edges;
      this.owners = owners;
    }
    this.edges[this.length] = edge;
    this.owners[this.length] = owner;
    this.length++;
  }
}

/** Accumulates the rings of many polygons into one RingSet. */
export class RingSetBuilder {
  private vertices = new VertexBuffer();
  private edgeList = new EdgeBuffer();
  private minX = Infinity;
  private minY = Infinity;
  private maxX = -Infinity;
  private maxY = -Infinity;
  private lengthSum = 0;

  /**
   * Adds a Polygon or MultiPolygon; outer rings become counter-clockwise, holes clockwise.
   * @param geometry - the geometry (rings may be open or closed)
   * @param owner - the id recorded for each of its edges
   */
  addGeometry(geometry: Polygon | MultiPolygon, owner: number): void {
    if (geometry.type === "Polygon") this.addPolygon(geometry.coordinates, owner);
    else for (const polygon of geometry.coordinates) this.addPolygon(polygon, owner);
  }

  private addPolygon(rings: Position[][], owner: number): void {
    for (let r = 0; r < rings.length; r++) this.addRing(rings[r], r === 0, owner);
  }

  private addRing(ring: Position[], outer: boolean, owner: number): void {
    let count = ring.length;
    if (count < 3) return;
    // Drop the closing vertex if present; it is written back below.
    if (ring[0][0] === ring[count - 1][0] && ring[0][1] === ring[count - 1][1]) count--;
    if (count < 3) return;
    let twiceArea = 0;
    for (let i = 0; i < count; i++) {
      const a = ring[i];
      const b = ring[i + 1 < count ? i + 1 : 0];
      twiceArea += (a[0] - b[0]) * (a[1] + b[1]);
    }
    // twiceArea > 0 for a counter-clockwise ring with this (trapezoid) formula.
    if (twiceArea === 0 || !Number.isFinite(twiceArea)) return;
    const reverse = outer ? twiceArea < 0 : twiceArea > 0;
    const vertices = this.vertices;
    vertices.reserve(count + 1);
    const start = vertices.length;
    for (let k = 0; k <= count; k++) {
      const source = reverse ? (count - k) % count : k % count;
      const x = ring[source][0];
      const y = ring[source][1];
      vertices.x[start + k] = x;
      vertices.y[start + k] = y;
      if (x < this.minX) this.minX = x;
      if (x > this.maxX) this.maxX = x;
      if (y < this.minY) this.minY = y;
      if (y > this.maxY) this.maxY = y;
    }
    vertices.length = start + count + 1;
    for (let k = 0; k < count; k++) {
      const dx = vertices.x[start + k + 1] - vertices.x[start + k];
      const dy = vertices.y[start + k + 1] - vertices.y[start + k];
      if (dx === 0 && dy === 0) continue;
      this.lengthSum += Math.sqrt(dx * dx + dy * dy);
      this.edgeList.push(start + k, owner);
    }
  }

  /** @returns the accumulated rings */
  finish(): RingSet {
    const edgeCount = this.edgeList.length;
    return {
      x: this.vertices.x.slice(0, this.vertices.length),
      y: this.vertices.y.slice(0, this.vertices.length),
      edges: this.edgeList.edges.slice(0, edgeCount),
      owners: this.edgeList.owners.slice(0, edgeCount),
      minX: this.minX,
      minY: this.minY,
      maxX: this.maxX,
      maxY: this.maxY,
      meanEdgeLength: edgeCount > 0 ? this.lengthSum / edgeCount : 0,
    };
  }
}

/**
 * Chooses a cell size from the extent and the edges: about twice the mean edge length, which puts
 * 2–4 edges in a typical non-empty cell, but never more than `maxCells` cells.
 * @param rings - the rings to index
 * @param maxCells - the cap on the cell count
 * @returns the cell size in degrees (positive)
 */
export function chooseCellSize(rings: RingSet, maxCells: number = MAX_GRID_CELLS): number {
  const width = Math.max(rings.maxX - rings.minX, 0);
  const height = Math.max(rings.maxY - rings.minY, 0);
  const extent = Math.max(width, height, 1e-9);
  let size = rings.meanEdgeLength > 0 ? 2 * rings.meanEdgeLength : extent;
  // Cap the cell count: columns * rows <= maxCells.
  while ((Math.floor(width / size) + 1) * (Math.floor(height / size) + 1) > Math.max(maxCells, MIN_GRID_CELLS)) size *= 1.25;
  return size;
}

/** Left x of column i (the one expression used everywhere, so build and query agree to the bit). */
function columnX(minX: number, cellSize: number, column: number): number {
  return minX + column * cellSize;
}

/**
 * Builds the cell → edges table (CSR) over a ring set.
 * @param rings - the rings
 * @param cellSize - the cell size in degrees, or undefined to choose one
 * @param maxCells - the cap used when choosing the cell size
 * @returns the grid
 */
export function buildEdgeGrid(rings: RingSet, cellSize?: number, maxCells: number = MAX_GRID_CELLS): EdgeGrid {
  const size = cellSize !== undefined && cellSize > 0 ? cellSize : chooseCellSize(rings, maxCells);
  const empty = rings.edges.length === 0;
  const minX = empty ? 0 : rings.minX;
  const minY = empty ? 0 : rings.minY;
  let columns = empty ? 1 : Math.floor((rings.maxX - minX) / size) + 1;
  while (!empty && columnX(minX, size, columns) <= rings.maxX) columns++;
  let rows = empty ? 1 : Math.floor((rings.maxY - minY) / size) + 1;
  while (!empty && columnX(minY, size, rows) <= rings.maxY) rows++;
  const cellCount = columns * rows;
  const cellStart = new Uint32Array(cellCount + 1);
  const grid: EdgeGrid = {
    rings,
    minX,
    minY,
    cellSize: size,
    columns,
    rows,
    cellStart,
    cellEdges: new Uint32Array(0),
    cellOwners: new Int32Array(0),
  };
  // Pass 1 counts the entries per cell, pass 2 writes them.
  visitEdgeCells(grid, null, null);
  let total = 0;
  for (let c = 0; c < cellCount; c++) {
    const count = cellStart[c];
    cellStart[c] = total;
    total += count;
  }
  cellStart[cellCount] = total;
  const cellEdges = new Uint32Array(total);
  const cellOwners = new Int32Array(total);
  const cursor = cellStart.slice(0, cellCount);
  visitEdgeCells(grid, cellEdges, cellOwners, cursor);
  grid.cellEdges = cellEdges;
  grid.cellOwners = cellOwners;
  return grid;
}

/** First column whose closed x-interval meets [x, …): the smallest i with X(i + 1) at or right of x. */
function firstColumnFrom(minX: number, size: number, count: number, x: number): number {
  let i = Math.floor((x - minX) / size);
  if (i > count - 1) i = count - 1;
  if (i < 0) i = 0;
  while (i > 0 && columnX(minX, size, i) >= x) i--;
  while (i < count - 1 && columnX(minX, size, i + 1) < x) i++;
  return i;
}

/** Last column whose closed x-interval meets (…, x]: the largest i with X(i) at or left of x. */
function lastColumnTo(minX: number, size: number, count: number, x: number): number {
  let i = Math.floor((x - minX) / size);
  if (i > count - 1) i = count - 1;
  if (i < 0) i = 0;
  while (i < count - 1 && columnX(minX, size, i + 1) <= x) i++;
  while (i > 0 && columnX(minX, size, i) > x) i--;
  return i;
}

/**
 * Calls back for every (cell, edge) pair where the edge's bounding box (per grid row, for long edges)
 * meets the closed cell. Counting mode when `cellEdges` is null.
 */
function visitEdgeCells(grid: EdgeGrid, cellEdges: Uint32Array | null, cellOwners: Int32Array | null, cursor?: Uint32Array): void {
  const { rings, minX, minY, cellSize: size, columns, rows, cellStart } = grid;
  const { x, y, edges, owners } = rings;
  // Interpolation error guard for the per-row x-range of long edges (coordinates are degrees, |x| <= 360).
  const tolerance = 1e-9;
  for (let k = 0; k < edges.length; k++) {
    const e = edges[k];
    const owner = owners[k];
    const ax = x[e];
    const ay = y[e];
    const bx = x[e + 1];
    const by = y[e + 1];
    const x0 = ax < bx ? ax : bx;
    const x1 = ax < bx ? bx : ax;
    const y0 = ay < by ? ay : by;
    const y1 = ay < by ? by : ay;
    const column0 = firstColumnFrom(minX, size, columns, x0);
    const column1 = lastColumnTo(minX, size, columns, x1);
    const row0 = firstColumnFrom(minY, size, rows, y0);
    const row1 = lastColumnTo(minY, size, rows, y1);
    const long = column1 - column0 > 1 && row1 - row0 > 1;
    for (let row = row0; row <= row1; row++) {
      let from = column0;
      let to = column1;
      if (long) {
        // Only the part of the edge inside this row's closed y-band.
        const bandLow = Math.max(y0, columnX(minY, size, row));
        const bandHigh = Math.min(y1, columnX(minY, size, row + 1));
        const slope = (bx - ax) / (by - ay);
        const xa = ax + (bandLow - ay) * slope;
        const xb = ax + (bandHigh - ay) * slope;
        from = firstColumnFrom(minX, size, columns, Math.max(x0, Math.min(xa, xb) - tolerance));
        to = lastColumnTo(minX, size, columns, Math.min(x1, Math.max(xa, xb) + tolerance));
      }
      const base = row * columns;
      if (cellEdges === null) {
        for (let column = from; column <= to; column++) cellStart[base + column]++;
      } else {
        for (let column = from; column <= to; column++) {
          const slot = cursor![base + column]++;
          cellEdges[slot] = e;
          cellOwners![slot] = owner;
        }
      }
    }
  }
}

/** Column of x: X(i) at or left of x, X(i + 1) right of it; or -1 when x is outside the grid. */
export function cellColumn(grid: EdgeGrid, x: number): number {
  return locateInAxis(grid.minX, grid.cellSize, grid.columns, x);
}

/** Row of y: Y(j) at or below y, Y(j + 1) above it; or -1 when y is outside the grid. */
export function cellRow(grid: EdgeGrid, y: number): number {
  return locateInAxis(grid.minY, grid.cellSize, grid.rows, y);
}

function locateInAxis(origin: number, size: number, count: number, value: number): number {
  if (!(value >= origin) || !(value < columnX(origin, size, count))) return -1;
  let i = Math.floor((value - origin) / size);
  if (i > count - 1) i = count - 1;
  if (i < 0) i = 0;
  while (i > 0 && columnX(origin, size, i) > value) i--;
  while (i < count - 1 && columnX(origin, size, i + 1) <= value) i++;
  return i;
}

/** Left x of a column. */
export function gridColumnX(grid: EdgeGrid, column: number): number {
  return columnX(grid.minX, grid.cellSize, column);
}

/** Bottom y of a row. */
export function gridRowY(grid: EdgeGrid, row: number): number {
  return columnX(grid.minY, grid.cellSize, row);
}

/**
 * Calls `visit(row, lastColumn, direction, edgeIndex)` for every grid row whose bottom line y = Y(row)
 * the edge spans (half-open: from min included to max excluded), where lastColumn is the largest column whose corner
 * (X(column), Y(row)) has the edge on its ray (the edge counts for it), or -1 when none does;
 * direction is +1 for an upward edge and -1 for a downward one. The reference winding number of the
 * corner of cell (row, column) is then the sum of the directions of the calls with lastColumn at or after column.
 * @param grid - the grid
 * @param visit - the callback
 */
export function scanRowCrossings(grid: EdgeGrid, visit: (row: number, lastColumn: number, direction: number, edgeIndex: number) => void): void {
  const { rings, minX, minY, cellSize: size, columns, rows } = grid;
  const { x, y, edges } = rings;
  for (let k = 0; k < edges.length; k++) {
    const e = edges[k];
    const ax = x[e];
    const ay = y[e];
    const bx = x[e + 1];
    const by = y[e + 1];
    if (ay === by) continue;
    const up = ay < by;
    const low = up ? ay : by;
    const high = up ? by : ay;
    // Rows with low <= Y(row) < high.
    let row = Math.floor((low - minY) / size);
    if (row < 0) row = 0;
    while (row > 0 && columnX(minY, size, row - 1) >= low) row--;
    while (row < rows && columnX(minY, size, row) < low) row++;
    const dx = bx - ax;
    const dy = by - ay;
    for (; row < rows; row++) {
      const rowY = columnX(minY, size, row);
      if (!(rowY < high)) break;
      // The edge counts for corner X when X is strictly on its inner side: orientation > 0 (upward) or < 0 (downward).
      const crossingX = ax + ((rowY - ay) * dx) / dy;
      let column = Math.floor((crossingX - minX) / size);
      if (column > columns - 1) column = columns - 1;
      if (column < -1) column = -1;
      while (column + 1 <= columns - 1 && countsFor(ax, ay, dx, dy, up, columnX(minX, size, column + 1), rowY)) column++;
      while (column >= 0 && !countsFor(ax, ay, dx, dy, up, columnX(minX, size, column), rowY)) column--;
      visit(row, column, up ? 1 : -1, k);
    }
  }
}

function countsFor(ax: number, ay: number, dx: number, dy: number, up: boolean, px: number, py: number): boolean {
  const orientation = dx * (py - ay) - dy * (px - ax);
  return up ? orientation > 0 : orientation < 0;
}
