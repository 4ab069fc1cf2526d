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
import { buildEdgeGrid, cellColumn, cellRow, flattenRings, gridColumnX, gridRowY, listRowCrossings, type EdgeGrid } from "./edge_grid.ts";

/** Upper bound on the admin grid's cells (1M cells: 8 MB). */
const MAX_ADMIN_CELLS = 1_048_576;

/** The admin index: a grid over the areas' edges; each cell's reference value is the area holding its lower-left corner (-1: none). */
export interface AdminIndex {
  grid: EdgeGrid;
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
  const rings = flattenRings(areas.map((area, index) => ({ geometry: area.geometry, owner: index })));
  // Finer than the coverage grid (half an edge length): most cells then lie inside one area and need no edge test.
  const grid = buildEdgeGrid(rings, { maxCells: MAX_ADMIN_CELLS, edgeLengths: 0.5, cellsPerEdge: 16, withOwners: true });
  const { columns, rows, cellData } = grid;
  for (let c = 0; c < columns * rows; c++) cellData[2 * c + 1] = -1;
  // Per (area, row), the crossings sorted from the right; a sweep gives the area's winding number at each corner.
  const crossings = listRowCrossings(grid, rings);
  const entries = crossings.count;
  const { owners, rows: entryRows, lastColumns, directions } = crossings;
  const order = new Uint32Array(entries);
  for (let k = 0; k < entries; k++) order[k] = k;
  order.sort((a, b) => owners[a] - owners[b] || entryRows[a] - entryRows[b] || lastColumns[b] - lastColumns[a]);
  let k = 0;
  while (k < entries) {
    const owner = owners[order[k]];
    const row = entryRows[order[k]];
    let sum = 0;
    while (k < entries && owners[order[k]] === owner && entryRows[order[k]] === row) {
      const entry = order[k];
      sum += directions[entry];
      k++;
      const sameGroup = k < entries && owners[order[k]] === owner && entryRows[order[k]] === row;
      const next = sameGroup ? lastColumns[order[k]] : -1;
      if (sum > 0) {
        for (let column = lastColumns[entry]; column > next; column--) {
          const cell = row * columns + column;
          if (cellData[2 * cell + 1] < 0) cellData[2 * cell + 1] = owner;
        }
      }
    }
  }
  return { grid, areaCount: areas.length };
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
  const cellData = grid.cellData;
  const cornerOwner = cellData[2 * cell + 1];
  const start = cellData[2 * cell];
  const end = cellData[2 * cell + 2];
  if (start === end) return cornerOwner;
  const cornerX = gridColumnX(grid, column);
  const cornerY = gridRowY(grid, row);
  const vertices = grid.entryVertices;
  const xy = grid.xy;
  // Per area met in this cell: its winding number at the point (starting from the corner's), in scratch arrays.
  if (scratchOwners.length < end - start + 1) {
    scratchOwners = new Int32Array(2 * (end - start + 1));
    scratchWindings = new Int32Array(2 * (end - start + 1));
  }
  const owners = scratchOwners;
  const windings = scratchWindings;
  let found = 0;
  if (cornerOwner >= 0) {
    owners[0] = cornerOwner;
    windings[0] = 1;
    found = 1;
  }
  let onEdgeOwner = -1;
  for (let k = start; k < end; k++) {
    const owner = grid.entryOwners[k];
    const v = 2 * vertices[k];
    const ax = xy[v];
    const ay = xy[v + 1];
    const bx = xy[v + 2];
    const by = xy[v + 3];
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
    let slot = 0;
    while (slot < found && owners[slot] !== owner) slot++;
    if (slot < found) windings[slot] += change;
    else {
      owners[found] = owner;
      windings[found] = change;
      found++;
    }
  }
  let area = -1;
  for (let s = 0; s < found; s++) if (windings[s] > 0 && (area < 0 || owners[s] < area)) area = owners[s];
  return area >= 0 ? area : onEdgeOwner;
}

/** Scratch space for locateAdmin (one query at a time: JavaScript is single-threaded per realm). */
let scratchOwners = new Int32Array(64);
let scratchWindings = new Int32Array(64);
