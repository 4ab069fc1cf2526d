/**
 * The admin-area index: which province or commune holds a point. One grid of the kernel (grid_kernel.ts) over
 * every area's edges; each cell records the area holding its lower-left corner, and a query in a cell with edges
 * computes the winding number of each area met in the cell (see grid_kernel.ts for the rules). On the kernel's
 * layout an area is coded area + 1 (0: none), as an edgeless cell's answer and in a slot's one field.
 *
 * Areas are expected not to overlap. On a boundary shared by two areas, the point goes to the area just
 * above and to the right of it (the same infinitesimal shift that decides every half-open rule), so the
 * choice is consistent; a point on the outer boundary of the area set goes to the area whose edge it is on.
 */
import type { AdminArea } from "../types.ts";
import { buildCellRuns, cellGridBuffers, lineAt, locateColumn, locateRow, ON_EDGE, planGrid, walkEdge, type CellGrid } from "./grid_kernel.ts";
import { flattenRings } from "./ring_set.ts";

/** Upper bound on the admin grid's cells (1M cells: 8 MB). */
const MAX_ADMIN_CELLS = 1_048_576;

/** The admin index: a grid over the areas' edges, recording in each cell the area holding its lower-left corner. */
export interface AdminIndex {
  grid: CellGrid;
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
  const frame = planGrid([rings], { maxCells: MAX_ADMIN_CELLS, edgeLengths: 0.5, cellsPerEdge: 16 });
  // Every row crossing listed (no winding field): the corner areas are settled per area below.
  const { grid, crossings } = buildCellRuns(frame, [rings], 2, { windingField: -1, markField: -1, withOwners: true });
  setCornerAreas(grid, crossings.cells.subarray(0, crossings.count), crossings.directions, crossings.owners);
  return { grid, areaCount: areas.length };
}

/**
 * Records the area holding each cell's corner: per (area, row), the crossings from the right (sorted by area,
 * then cell descending, which within a row is column descending); where the area's running winding number is
 * positive, the corners get the area unless a lower-numbered one already holds them.
 */
function setCornerAreas(grid: CellGrid, crossingCells: Int32Array, directions: Int8Array, owners: Int32Array): void {
  const { columns, cells, slots } = grid;
  const count = crossingCells.length;
  const order = new Uint32Array(count);
  for (let k = 0; k < count; k++) order[k] = k;
  order.sort((a, b) => owners[a] - owners[b] || crossingCells[b] - crossingCells[a]);
  let k = 0;
  while (k < count) {
    const owner = owners[order[k]];
    const row = Math.floor(crossingCells[order[k]] / columns);
    let sum = 0;
    while (k < count && owners[order[k]] === owner && Math.floor(crossingCells[order[k]] / columns) === row) {
      const crossing = crossingCells[order[k]];
      sum += directions[order[k]];
      k++;
      const sameGroup = k < count && owners[order[k]] === owner && Math.floor(crossingCells[order[k]] / columns) === row;
      const next = sameGroup ? crossingCells[order[k]] : row * columns - 1;
      if (sum <= 0) continue;
      for (let cell = crossing; cell > next; cell--) {
        const value = cells[cell];
        if (value >= 0) {
          if (slots[2 * value + 1] === 0) slots[2 * value + 1] = owner + 1;
        } else if (value === -1) cells[cell] = ~(owner + 1);
      }
    }
  }
}

/**
 * The distinct buffers of an index, to transfer it through postMessage; the sender's copy is then unusable.
 * @param index - the admin index
 * @returns its buffers, each once
 */
export function adminIndexBuffers(index: AdminIndex): ArrayBuffer[] {
  return cellGridBuffers(index.grid);
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
  const column = locateColumn(grid, lon);
  if (column < 0) return -1;
  const row = locateRow(grid, lat);
  if (row < 0) return -1;
  const value = grid.cells[row * grid.columns + column];
  if (value < 0) return ~value - 1;
  const { slots, entries, entryOwners, xy } = grid;
  const cornerOwner = slots[2 * value + 1] - 1;
  const start = slots[2 * value];
  const end = slots[2 * value + 2];
  const cornerX = lineAt(grid.minX, grid.cellSize, column);
  const cornerY = lineAt(grid.minY, grid.cellSize, row);
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
    let change = walkEdge(xy, 2 * entries[k], cornerX, cornerY, lon, lat);
    if (change === 0) continue;
    const owner = entryOwners[k];
    if (change >= ON_EDGE / 2) {
      change -= ON_EDGE;
      if (onEdgeOwner < 0 || owner < onEdgeOwner) onEdgeOwner = owner;
      if (change === 0) continue;
    }
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
