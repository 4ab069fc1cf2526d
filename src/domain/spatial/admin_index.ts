/**
 * The admin-area index: which province or commune holds a point. One edge grid over every area's edges; each
 * cell stores the area holding its lower-left corner, and a query in a cell with edges computes the winding
 * number of each area met in the cell (see edge_grid.ts for the rules).
 *
 * Areas are expected not to overlap. On a boundary shared by two areas, the point goes to the area just
 * above and to the right of it (the same infinitesimal shift that decides every half-open rule), so the
 * choice is consistent; a point on the outer boundary of the area set goes to the area whose edge it is on.
 */
import type { AdminArea } from "../types.ts";
import { RingSetBuilder, buildEdgeGrid, cellColumn, cellRow, gridColumnX, gridRowY, scanRowCrossings, type EdgeGrid } from "./edge_grid.ts";

/** Upper bound on the admin grid's cells (1M cells: 8 MB). */
const MAX_ADMIN_CELLS = 1_048_576;

/** The admin index: a grid over the areas' edges and, per cell, the area holding its lower-left corner (-1: none). */
export interface AdminIndex {
  grid: EdgeGrid;
  cornerArea: Int32Array;
  areaCount: number;
}

/**
 * Builds the index over a list of areas (normally one level: provinces, or communes).
 * @param areas - the areas; their positions in this array are the indices locateAdmin returns
 * @returns the index
 * @example
 * ```ts
 * const index = buildAdminIndex(communes);
 * const area = locateAdmin(index, 105.85, 21.03); // an index into communes, or -1
 * ```
 */
export function buildAdminIndex(areas: readonly AdminArea[]): AdminIndex {
  const builder = new RingSetBuilder();
  areas.forEach((area, index) => builder.addGeometry(area.geometry, index));
  const grid = buildEdgeGrid(builder.finish(), undefined, MAX_ADMIN_CELLS);
  const { columns, rows } = grid;
  const cornerArea = new Int32Array(columns * rows).fill(-1);
  // Every crossing of a row's bottom line, tagged with its area; then per (area, row), a sweep from the right
  // gives the area's winding number at each corner.
  let entries = 0;
  let entryOwner: Int32Array = new Int32Array(1024);
  let entryRow: Int32Array = new Int32Array(1024);
  let entryColumn: Int32Array = new Int32Array(1024);
  let entryDirection: Int8Array = new Int8Array(1024);
  scanRowCrossings(grid, (row, lastColumn, direction, edgeIndex) => {
    if (lastColumn < 0) return;
    if (entries === entryOwner.length) {
      entryOwner = grow(entryOwner);
      entryRow = grow(entryRow);
      entryColumn = grow(entryColumn);
      const directions = new Int8Array(entries * 2);
      directions.set(entryDirection);
      entryDirection = directions;
    }
    entryOwner[entries] = grid.rings.owners[edgeIndex];
    entryRow[entries] = row;
    entryColumn[entries] = lastColumn;
    entryDirection[entries] = direction;
    entries++;
  });
  const order = new Uint32Array(entries);
  for (let k = 0; k < entries; k++) order[k] = k;
  order.sort((a, b) => entryOwner[a] - entryOwner[b] || entryRow[a] - entryRow[b] || entryColumn[b] - entryColumn[a]);
  let k = 0;
  while (k < entries) {
    const owner = entryOwner[order[k]];
    const row = entryRow[order[k]];
    let sum = 0;
    while (k < entries && entryOwner[order[k]] === owner && entryRow[order[k]] === row) {
      const entry = order[k];
      sum += entryDirection[entry];
      k++;
      const sameGroup = k < entries && entryOwner[order[k]] === owner && entryRow[order[k]] === row;
      const next = sameGroup ? entryColumn[order[k]] : -1;
      if (sum > 0) {
        for (let column = entryColumn[entry]; column > next; column--) {
          const cell = row * columns + column;
          if (cornerArea[cell] < 0) cornerArea[cell] = owner;
        }
      }
    }
  }
  return { grid, cornerArea, areaCount: areas.length };
}

function grow(array: Int32Array): Int32Array {
  const larger = new Int32Array(array.length * 2);
  larger.set(array);
  return larger;
}

/**
 * Finds the area holding a point.
 * @param index - the admin index
 * @param lon - longitude
 * @param lat - latitude
 * @returns the area's index in the array given to buildAdminIndex, or -1 when no area holds the point
 */
export function locateAdmin(index: AdminIndex, lon: number, lat: number): number {
  const grid = index.grid;
  if (index.areaCount === 0) return -1;
  const column = cellColumn(grid, lon);
  if (column < 0) return -1;
  const row = cellRow(grid, lat);
  if (row < 0) return -1;
  const cell = row * grid.columns + column;
  const cornerOwner = index.cornerArea[cell];
  const start = grid.cellStart[cell];
  const end = grid.cellStart[cell + 1];
  if (start === end) return cornerOwner;
  const cornerX = gridColumnX(grid, column);
  const cornerY = gridRowY(grid, row);
  const x = grid.rings.x;
  const y = grid.rings.y;
  // Per area met in this cell: its winding number at the point (starting from the corner's).
  const owners: number[] = [];
  const windings: number[] = [];
  if (cornerOwner >= 0) {
    owners.push(cornerOwner);
    windings.push(1);
  }
  let onEdgeOwner = -1;
  for (let k = start; k < end; k++) {
    const e = grid.cellEdges[k];
    const owner = grid.cellOwners[k];
    const ax = x[e];
    const ay = y[e];
    const bx = x[e + 1];
    const by = y[e + 1];
    const dx = bx - ax;
    const dy = by - ay;
    const orientation = dx * (lat - ay) - dy * (lon - ax);
    if (orientation === 0 && (ax <= bx ? ax <= lon && lon <= bx : bx <= lon && lon <= ax) && (ay <= by ? ay <= lat && lat <= by : by <= lat && lat <= ay)) {
      if (onEdgeOwner < 0 || owner < onEdgeOwner) onEdgeOwner = owner;
    }
    let change = 0;
    if (ay <= lat !== by <= lat) {
      const orientationQ = dx * (lat - ay) - dy * (cornerX - ax);
      if (ay < by) change += (orientation > 0 ? 1 : 0) - (orientationQ > 0 ? 1 : 0);
      else change -= (orientation < 0 ? 1 : 0) - (orientationQ < 0 ? 1 : 0);
    }
    if (ax <= cornerX !== bx <= cornerX) {
      const sign = dx > 0 ? 1 : -1;
      const orientationR = dx * (cornerY - ay) - dy * (cornerX - ax);
      const orientationQ = dx * (lat - ay) - dy * (cornerX - ax);
      const slopeUp = sign * dy > 0;
      const aboveR = sign * orientationR < 0 || (orientationR === 0 && slopeUp);
      const belowQ = sign * orientationQ > 0 || (orientationQ === 0 && !slopeUp);
      if (aboveR && belowQ) change += sign;
    }
    if (change === 0) continue;
    const slot = owners.indexOf(owner);
    if (slot >= 0) windings[slot] += change;
    else {
      owners.push(owner);
      windings.push(change);
    }
  }
  let found = -1;
  for (let s = 0; s < owners.length; s++) if (windings[s] > 0 && (found < 0 || owners[s] < found)) found = owners[s];
  return found >= 0 ? found : onEdgeOwner;
}
