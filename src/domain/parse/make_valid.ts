/**
 * Makes one polygon geometry valid, in the spirit of GEOS / PostGIS `ST_MakeValid` (the "linework" method):
 * every ring is noded against every other ring of its polygon, the faces of the noded linework are classified,
 * and the boundary between covered and uncovered faces is assembled into simple rings (outer counter-clockwise,
 * holes clockwise, each hole inside its shell).
 *
 * The rule for one polygon (a shell and its holes): a place is covered when it lies inside the shell ring or
 * inside the hole rings, but not both: `(W_shell ≠ 0) XOR (W_holes ≠ 0)`, where W is the winding number of the
 * shell ring, and the summed winding number of the hole rings (each hole first turned clockwise). So:
 * - a bow-tie ring splits into its lobes, all kept as positive area (the lobe that winds backwards too);
 * - a hole inside its shell subtracts; a hole (or the part of a hole) outside its shell becomes its own shell,
 *   as GEOS's linework method does;
 * - a hole equal to its shell, or to another hole, is a duplicate ring and is dropped (GEOS merges duplicate
 *   linework the same way), so the shell stands;
 * - where two holes overlap the overlap is a hole (GEOS's even-odd rule would cover it; here holes only subtract).
 * The polygons of a MultiPolygon are each made valid and kept side by side: where they overlap or nest, the
 * coverage is their union (GEOS would make a nested part a hole; a carrier's file lists covered areas, so a
 * part never takes coverage away). The coverage index adds winding numbers up, so overlapping valid polygons
 * are covered exactly where at least one of them is.
 *
 * Work is bounded: the noding and the classification count their steps, and a polygon whose repair would take
 * more than REPAIR_WORK_LIMIT steps (millions of crossings) is not repaired: the caller then falls back to a safe
 * interpretation (see `parseCoverageGeojson`). Every loop is iterative (no recursion), so a ring of any size
 * cannot overflow the stack.
 */
import type { Position } from "geojson";

type Ring = Position[];

/** Work units (segment registrations, pair tests, edge visits) one polygon's repair may use, plus WORK_PER_VERTEX per vertex. */
export const REPAIR_WORK_LIMIT = 20_000_000;
/** Extra work units per vertex of the polygon. */
export const WORK_PER_VERTEX = 200;

/** What the repair of one geometry did, counted. */
export interface RepairTally {
  /** Places where rings cross or touch each other or themselves (other than at their shared vertices). */
  crossings: number;
  /** The first such place. */
  firstCrossing: Position | null;
  /** Holes lying (wholly or partly) outside their shell; the outside part became coverage. */
  holesOutside: number;
  /** Rings equal to an earlier ring of their polygon (the shell or another hole), dropped. */
  duplicateRings: number;
  /** Rings with fewer than three distinct positions or zero area, dropped. */
  degenerateRings: number;
  /** Holes inside another hole of the same polygon, dropped (they change nothing). */
  nestedHoles: number;
  /** Simple rings that were rewound (outer counter-clockwise, holes clockwise). */
  rewound: number;
  /** Polygons lying inside or over another polygon of the same MultiPolygon (kept: their union counts). */
  overlappingParts: number;
  /** Polygons whose repair was too expensive: left as they are, to be counted on their own. */
  fallback: number;
}

/** The valid polygons of a geometry and what was done. */
export interface MakeValidResult {
  /** Valid polygons: [shell counter-clockwise, ...holes clockwise]; they may overlap one another. */
  polygons: Ring[][];
  tally: RepairTally;
}

export function emptyTally(): RepairTally {
  return {
    crossings: 0,
    firstCrossing: null,
    holesOutside: 0,
    duplicateRings: 0,
    degenerateRings: 0,
    nestedHoles: 0,
    rewound: 0,
    overlappingParts: 0,
    fallback: 0,
  };
}

/**
 * Signed area of a closed ring (shoelace), positive when counter-clockwise.
 * @param ring - a closed ring
 * @returns the signed area in square degrees
 */
export function ringArea(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) sum += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return sum / 2;
}

/**
 * Makes the polygons of one geometry valid.
 * @param parts - polygons as closed rings (first position repeated last, no repeated consecutive positions)
 * @param workLimit - the work budget per polygon (default REPAIR_WORK_LIMIT plus WORK_PER_VERTEX per vertex)
 * @returns the valid polygons (polygons too expensive to repair are returned as they are, counted in `fallback`)
 */
export function makeValidPolygons(parts: readonly (readonly Ring[])[], workLimit?: number): MakeValidResult {
  const tally = emptyTally();
  const polygons: Ring[][] = [];
  for (const part of parts) {
    const vertices = part.reduce((total, ring) => total + ring.length, 0);
    const budget = { used: 0, limit: workLimit ?? REPAIR_WORK_LIMIT + WORK_PER_VERTEX * vertices };
    const result = validPart(part, tally, budget);
    if (result === null) {
      tally.fallback++;
      polygons.push(part.map((ring) => ring.slice()));
    } else {
      polygons.push(...result);
    }
  }
  if (parts.length > 1) tally.overlappingParts = countOverlappingParts(polygons);
  return { polygons, tally };
}

interface Budget {
  used: number;
  limit: number;
}

function distinctCount(ring: Ring): number {
  // Consecutive repeats are already gone, so the closing position is the only repeat counted out.
  return ring.length - 1;
}

function sameRing(a: Ring, b: Ring): boolean {
  const n = a.length - 1;
  if (b.length - 1 !== n) return false;
  let start = -1;
  for (let j = 0; j < n; j++) {
    if (b[j][0] === a[0][0] && b[j][1] === a[0][1]) {
      start = j;
      break;
    }
  }
  if (start < 0) return false;
  let forward = true;
  for (let i = 0; i < n && forward; i++) {
    const p = b[(start + i) % n];
    if (p[0] !== a[i][0] || p[1] !== a[i][1]) forward = false;
  }
  if (forward) return true;
  for (let i = 0; i < n; i++) {
    const p = b[(start - i + n) % n];
    if (p[0] !== a[i][0] || p[1] !== a[i][1]) return false;
  }
  return true;
}

interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

function ringBox(ring: Ring): Box {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [x, y] of ring) {
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  return { minX, minY, maxX, maxY };
}

/** 1 inside, 0 on the boundary, -1 outside (non-zero winding of one ring). */
function pointInRing(x: number, y: number, ring: Ring): number {
  let winding = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [ax, ay] = ring[i];
    const [bx, by] = ring[i + 1];
    const cross = (bx - ax) * (y - ay) - (by - ay) * (x - ax);
    if (cross === 0 && x >= Math.min(ax, bx) && x <= Math.max(ax, bx) && y >= Math.min(ay, by) && y <= Math.max(ay, by)) return 0;
    if (ay <= y) {
      if (by > y && cross > 0) winding++;
    } else if (by <= y && cross < 0) winding--;
  }
  return winding !== 0 ? 1 : -1;
}

/** Where a ring lies relative to another: 1 inside, -1 outside, 0 when every tested position is on the boundary. */
function ringInRing(inner: Ring, outer: Ring): number {
  const limit = Math.min(inner.length - 1, 16);
  for (let i = 0; i < limit; i++) {
    const side = pointInRing(inner[i][0], inner[i][1], outer);
    if (side !== 0) return side;
  }
  return 0;
}

function validPart(input: readonly Ring[], tally: RepairTally, budget: Budget): Ring[][] | null {
  // Rings that cannot bound an area, and duplicate rings, are dropped first.
  const rings: { ring: Ring; hole: boolean }[] = [];
  input.forEach((ring, index) => {
    if (distinctCount(ring) < 3) {
      tally.degenerateRings++;
      return;
    }
    if (rings.some((kept) => sameRing(ring, kept.ring))) {
      tally.duplicateRings++;
      return;
    }
    rings.push({ ring, hole: index > 0 });
  });
  if (rings.length === 0) return [];
  // Simple rings get their RFC 7946 winding; the winding of a crossing ring is irrelevant to the rule.
  const oriented = rings.map(({ ring, hole }) => {
    const area = ringArea(ring);
    if (area !== 0 && area > 0 === hole) return { ring: [...ring].reverse(), hole, flipped: true, area: -area };
    return { ring, hole, flipped: false, area };
  });
  // A single convex ring (tower discs, the common case) is valid as it is.
  if (oriented.length === 1 && !oriented[0].hole && isStrictlyConvexRing(oriented[0].ring)) {
    if (oriented[0].flipped) tally.rewound++;
    return [[oriented[0].ring]];
  }
  const graph = nodeRings(
    oriented.map((entry) => entry.ring),
    oriented.map((entry) => entry.hole),
    budget,
  );
  if (graph === null) return null;
  tally.crossings += graph.crossings;
  if (graph.crossings > 0 && tally.firstCrossing === null) tally.firstCrossing = graph.firstCrossing;
  if (graph.crossings === 0 && graph.touches === 0) {
    const fast = simplePart(oriented, tally);
    if (fast !== null) {
      for (const entry of oriented) if (entry.flipped) tally.rewound++;
      return fast;
    }
  }
  for (const entry of oriented) if (entry.area === 0 && graph.crossings === 0) tally.degenerateRings++;
  const result = classifyAndAssemble(graph, budget);
  if (result === null) return null;
  const ringsOut = result.polygons.reduce((total, polygon) => total + polygon.length, 0);
  if (graph.crossings === 0 && graph.touches > 0 && ringsOut !== oriented.length) {
    // Rings that touch themselves or each other at a vertex (a figure eight through one vertex): reassembled.
    tally.crossings += 1;
    if (tally.firstCrossing === null) tally.firstCrossing = graph.firstTouch;
  }
  if (result.holesOutside) tally.holesOutside += countHolesOutside(oriented);
  return result.polygons;
}

/**
 * Rings that neither cross nor touch: the polygon is valid as it is when every hole is inside the shell and
 * no hole is inside another; returns null otherwise (the general path decides).
 */
function simplePart(oriented: readonly { ring: Ring; hole: boolean; area: number }[], tally: RepairTally): Ring[][] | null {
  if (oriented.some((entry) => entry.area === 0)) return null;
  if (!oriented[0] || oriented[0].hole) return null;
  const shell = oriented[0].ring;
  const holes = oriented.slice(1).map((entry) => entry.ring);
  for (const hole of holes) if (ringInRing(hole, shell) !== 1) return null;
  if (holes.length > 1) {
    const boxes = holes.map(ringBox);
    const order = holes.map((_, i) => i).sort((a, b) => boxes[a].minX - boxes[b].minX);
    let nested = false;
    for (let i = 0; i < order.length && !nested; i++) {
      const a = boxes[order[i]];
      for (let j = i + 1; j < order.length && boxes[order[j]].minX <= a.maxX; j++) {
        const b = boxes[order[j]];
        if (b.minY > a.maxY || b.maxY < a.minY) continue;
        if (ringInRing(holes[order[j]], holes[order[i]]) === 1 || ringInRing(holes[order[i]], holes[order[j]]) === 1) {
          nested = true;
          break;
        }
      }
    }
    if (nested) {
      tally.nestedHoles++;
      return null;
    }
  }
  return [[shell, ...holes]];
}

function countHolesOutside(oriented: readonly { ring: Ring; hole: boolean }[]): number {
  const shell = oriented.find((entry) => !entry.hole);
  let count = 0;
  for (const entry of oriented) {
    if (!entry.hole) continue;
    if (!shell) {
      count++;
      continue;
    }
    const ring = entry.ring;
    for (let i = 0; i + 1 < ring.length; i++) {
      if (pointInRing(ring[i][0], ring[i][1], shell.ring) < 0) {
        count++;
        break;
      }
    }
  }
  return count;
}

/** The noded linework of one polygon: merged edges with their net multiplicity per class (shell, holes). */
interface NodedGraph {
  /** Vertex coordinates. */
  xs: number[];
  ys: number[];
  /** Per merged edge: its vertices (the lower id first) and net multiplicities (+1 per ring edge from → to). */
  from: number[];
  to: number[];
  shell: number[];
  holes: number[];
  crossings: number;
  touches: number;
  firstCrossing: Position | null;
  firstTouch: Position | null;
}

/**
 * Nodes the rings: every intersection of two segments becomes a vertex of both, collinear overlaps are split at
 * each other's ends, and equal pieces are merged with their multiplicities.
 */
function nodeRings(rings: readonly Ring[], holes: readonly boolean[], budget: Budget): NodedGraph | null {
  const ax: number[] = [];
  const ay: number[] = [];
  const bx: number[] = [];
  const by: number[] = [];
  const ringOf: number[] = [];
  const indexInRing: number[] = [];
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  let lengthSum = 0;
  rings.forEach((ring, r) => {
    for (let i = 0; i + 1 < ring.length; i++) {
      const [x1, y1] = ring[i];
      const [x2, y2] = ring[i + 1];
      if (x1 === x2 && y1 === y2) continue;
      ax.push(x1);
      ay.push(y1);
      bx.push(x2);
      by.push(y2);
      ringOf.push(r);
      indexInRing.push(i);
      minX = Math.min(minX, x1, x2);
      maxX = Math.max(maxX, x1, x2);
      minY = Math.min(minY, y1, y2);
      maxY = Math.max(maxY, y1, y2);
      lengthSum += Math.abs(x2 - x1) + Math.abs(y2 - y1);
    }
  });
  const n = ax.length;
  // Split parameters per segment: [t, x, y] triples.
  const splits: number[][] = Array.from({ length: n }, () => []);
  let crossings = 0;
  let touches = 0;
  let firstCrossing: Position | null = null;
  let firstTouch: Position | null = null;
  if (n > 0) {
    const mean = lengthSum / n / 2;
    const width = Math.max(maxX - minX, 1e-12);
    const height = Math.max(maxY - minY, 1e-12);
    let size = Math.max(mean * 2, Math.sqrt((width * height) / Math.max(n, 1)), 1e-12);
    while ((width / size + 1) * (height / size + 1) > 4 * n + 1024) size *= 2;
    const columns = Math.floor(width / size) + 1;
    const rows = Math.floor(height / size) + 1;
    const cellOf = (x: number, y: number): [number, number] => [
      Math.min(columns - 1, Math.floor((x - minX) / size)),
      Math.min(rows - 1, Math.floor((y - minY) / size)),
    ];
    const buckets = new Map<number, number[]>();
    for (let s = 0; s < n; s++) {
      const [c0, r0] = cellOf(Math.min(ax[s], bx[s]), Math.min(ay[s], by[s]));
      const [c1, r1] = cellOf(Math.max(ax[s], bx[s]), Math.max(ay[s], by[s]));
      budget.used += (c1 - c0 + 1) * (r1 - r0 + 1);
      if (budget.used > budget.limit) return null;
      for (let r = r0; r <= r1; r++) {
        for (let c = c0; c <= c1; c++) {
          const key = r * columns + c;
          let bucket = buckets.get(key);
          if (!bucket) buckets.set(key, (bucket = []));
          bucket.push(s);
        }
      }
    }
    for (const [key, bucket] of buckets) {
      const cellColumn = key % columns;
      const cellRow = (key - cellColumn) / columns;
      budget.used += (bucket.length * (bucket.length - 1)) / 2;
      if (budget.used > budget.limit) return null;
      for (let i = 0; i < bucket.length; i++) {
        const s = bucket[i];
        for (let j = i + 1; j < bucket.length; j++) {
          const t = bucket[j];
          // Each pair is tested once: in the cell holding the lower-left corner of their boxes' overlap.
          const ox = Math.max(Math.min(ax[s], bx[s]), Math.min(ax[t], bx[t]));
          const oy = Math.max(Math.min(ay[s], by[s]), Math.min(ay[t], by[t]));
          if (ox > Math.min(Math.max(ax[s], bx[s]), Math.max(ax[t], bx[t])) || oy > Math.min(Math.max(ay[s], by[s]), Math.max(ay[t], by[t]))) continue;
          const [oc, or] = cellOf(ox, oy);
          if (oc !== cellColumn || or !== cellRow) continue;
          const found = intersect(s, t, ax, ay, bx, by, splits);
          if (found === 0) continue;
          const adjacent =
            ringOf[s] === ringOf[t] &&
            (Math.abs(indexInRing[s] - indexInRing[t]) === 1 || Math.abs(indexInRing[s] - indexInRing[t]) === rings[ringOf[s]].length - 2);
          if (found === 2) {
            crossings++;
            if (firstCrossing === null) {
              const last = splits[s][splits[s].length - 1];
              firstCrossing = last !== undefined ? [splits[s][splits[s].length - 2], last] : [ax[s], ay[s]];
            }
          } else if (!adjacent) {
            touches++;
            if (firstTouch === null) firstTouch = sharedEnd(s, t, ax, ay, bx, by);
          }
        }
      }
    }
  }
  // Pieces, merged by their end vertices.
  const vertexIds = new Map<string, number>();
  const xs: number[] = [];
  const ys: number[] = [];
  const vertex = (x: number, y: number): number => {
    const id = internId(vertexIds, `${x},${y}`, xs.length);
    if (id === xs.length) {
      xs.push(x);
      ys.push(y);
    }
    return id;
  };
  const edgeIds = new Map<number, number>();
  const from: number[] = [];
  const to: number[] = [];
  const shell: number[] = [];
  const holeCounts: number[] = [];
  const addPiece = (u: number, v: number, hole: boolean): void => {
    if (u === v) return;
    const lo = Math.min(u, v);
    const hi = Math.max(u, v);
    const id = internId(edgeIds, lo * 67_108_864 + hi, from.length);
    if (id === from.length) {
      from.push(lo);
      to.push(hi);
      shell.push(0);
      holeCounts.push(0);
    }
    const sign = u === lo ? 1 : -1;
    if (hole) holeCounts[id] += sign;
    else shell[id] += sign;
  };
  for (let s = 0; s < n; s++) {
    const list = splits[s];
    const hole = holes[ringOf[s]];
    let previous = vertex(ax[s], ay[s]);
    if (list.length > 0) {
      const order: number[] = [];
      for (let k = 0; k < list.length; k += 3) order.push(k);
      order.sort((p, q) => list[p] - list[q]);
      for (const k of order) {
        const next = vertex(list[k + 1], list[k + 2]);
        addPiece(previous, next, hole);
        previous = next;
      }
    }
    addPiece(previous, vertex(bx[s], by[s]), hole);
  }
  return { xs, ys, from, to, shell, holes: holeCounts, crossings, touches, firstCrossing, firstTouch };
}

/** The id of `key` in `ids`, or `next` (then recorded for it) when it has none: the caller adds the new entry's data. */
function internId<K>(ids: Map<K, number>, key: K, next: number): number {
  const id = ids.get(key);
  if (id !== undefined) return id;
  ids.set(key, next);
  return next;
}

function sharedEnd(s: number, t: number, ax: number[], ay: number[], bx: number[], by: number[]): Position {
  for (const [x, y] of [
    [ax[s], ay[s]],
    [bx[s], by[s]],
  ]) {
    if ((x === ax[t] && y === ay[t]) || (x === bx[t] && y === by[t])) return [x, y];
  }
  return [ax[s], ay[s]];
}

/**
 * Intersects segments s and t, recording split points strictly inside either.
 * @returns 0 when they do not meet, 1 when they meet only at shared or end positions, 2 when they cross or one
 *   ends on the other's inside (a split was recorded)
 */
function intersect(s: number, t: number, ax: number[], ay: number[], bx: number[], by: number[], splits: number[][]): number {
  const x1 = ax[s];
  const y1 = ay[s];
  const x2 = bx[s];
  const y2 = by[s];
  const x3 = ax[t];
  const y3 = ay[t];
  const x4 = bx[t];
  const y4 = by[t];
  const d1 = orient(x3, y3, x4, y4, x1, y1);
  const d2 = orient(x3, y3, x4, y4, x2, y2);
  const d3 = orient(x1, y1, x2, y2, x3, y3);
  const d4 = orient(x1, y1, x2, y2, x4, y4);
  if ((d1 > 0 && d2 > 0) || (d1 < 0 && d2 < 0) || (d3 > 0 && d4 > 0) || (d3 < 0 && d4 < 0)) return 0;
  if (d1 === 0 && d2 === 0 && d3 === 0 && d4 === 0) {
    // Collinear: each splits the other at its ends lying strictly inside.
    let split = false;
    const useX = Math.abs(x2 - x1) >= Math.abs(y2 - y1);
    const along = (px: number, py: number, qx: number, qy: number, rx: number, ry: number): number => (useX ? (rx - px) / (qx - px) : (ry - py) / (qy - py));
    for (const [px, py] of [
      [x3, y3],
      [x4, y4],
    ]) {
      const u = along(x1, y1, x2, y2, px, py);
      if (u > 0 && u < 1) {
        splits[s].push(u, px, py);
        split = true;
      }
    }
    const useXt = Math.abs(x4 - x3) >= Math.abs(y4 - y3);
    for (const [px, py] of [
      [x1, y1],
      [x2, y2],
    ]) {
      const u = useXt ? (px - x3) / (x4 - x3) : (py - y3) / (y4 - y3);
      if (u > 0 && u < 1) {
        splits[t].push(u, px, py);
        split = true;
      }
    }
    if (split) return 2;
    const sharesEnd = (x1 === x3 && y1 === y3) || (x1 === x4 && y1 === y4) || (x2 === x3 && y2 === y3) || (x2 === x4 && y2 === y4);
    return sharesEnd ? 1 : 0;
  }
  // An end of one on the other (exactly): that end is the meeting point.
  if (d1 === 0 || d2 === 0 || d3 === 0 || d4 === 0) {
    let px: number;
    let py: number;
    if (d1 === 0) [px, py] = [x1, y1];
    else if (d2 === 0) [px, py] = [x2, y2];
    else if (d3 === 0) [px, py] = [x3, y3];
    else [px, py] = [x4, y4];
    const us = param(x1, y1, x2, y2, px, py);
    const ut = param(x3, y3, x4, y4, px, py);
    let split = false;
    if (us > 0 && us < 1) {
      splits[s].push(us, px, py);
      split = true;
    }
    if (ut > 0 && ut < 1) {
      splits[t].push(ut, px, py);
      split = true;
    }
    return split ? 2 : 1;
  }
  // A proper crossing.
  const denominator = (x2 - x1) * (y4 - y3) - (y2 - y1) * (x4 - x3);
  const u = ((x3 - x1) * (y4 - y3) - (y3 - y1) * (x4 - x3)) / denominator;
  const v = ((x3 - x1) * (y2 - y1) - (y3 - y1) * (x2 - x1)) / denominator;
  const px = x1 + u * (x2 - x1);
  const py = y1 + u * (y2 - y1);
  splits[s].push(Math.min(Math.max(u, 0), 1), px, py);
  splits[t].push(Math.min(Math.max(v, 0), 1), px, py);
  return 2;
}

function param(x1: number, y1: number, x2: number, y2: number, px: number, py: number): number {
  return Math.abs(x2 - x1) >= Math.abs(y2 - y1) ? (px - x1) / (x2 - x1) : (py - y1) / (y2 - y1);
}

function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  const value = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
  return value > 0 ? 1 : value < 0 ? -1 : 0;
}

/**
 * Classifies both sides of every merged edge by the rule (a ray to the right of its midpoint, through a strip
 * index), keeps the edges between covered and uncovered faces (covered side on the left) and chains them into
 * rings; shells are the counter-clockwise rings, holes the clockwise ones, each given to the smallest shell
 * holding it.
 */
function classifyAndAssemble(graph: NodedGraph, budget: Budget): { polygons: Ring[][]; holesOutside: boolean } | null {
  const { xs, ys, from, to, shell, holes } = graph;
  const live: number[] = [];
  let minY = Infinity;
  let maxY = -Infinity;
  for (let e = 0; e < from.length; e++) {
    if (shell[e] === 0 && holes[e] === 0) continue;
    live.push(e);
    minY = Math.min(minY, ys[from[e]], ys[to[e]]);
    maxY = Math.max(maxY, ys[from[e]], ys[to[e]]);
  }
  if (live.length === 0) return { polygons: [], holesOutside: false };
  const stripCount = Math.max(1, Math.min(1 << 20, Math.ceil(live.length / 4)));
  const stripHeight = Math.max((maxY - minY) / stripCount, 1e-300);
  const stripOf = (y: number): number => Math.min(stripCount - 1, Math.max(0, Math.floor((y - minY) / stripHeight)));
  // Each edge that is not horizontal belongs to every strip its y-range meets: the strips of each edge once, then
  // counted and written as compressed rows (starts, members).
  const spans = live.map((e): [number, number] | null => {
    const y1 = ys[from[e]];
    const y2 = ys[to[e]];
    return y1 === y2 ? null : [stripOf(Math.min(y1, y2)), stripOf(Math.max(y1, y2))];
  });
  const starts = new Int32Array(stripCount + 1);
  for (const span of spans) {
    if (!span) continue;
    budget.used += span[1] - span[0] + 1;
    if (budget.used > budget.limit) return null;
    for (let s = span[0]; s <= span[1]; s++) starts[s + 1]++;
  }
  for (let s = 0; s < stripCount; s++) starts[s + 1] += starts[s];
  const fill = starts.slice(0, stripCount);
  const members = new Int32Array(starts[stripCount]);
  live.forEach((e, k) => {
    const span = spans[k];
    if (span) for (let s = span[0]; s <= span[1]; s++) members[fill[s]++] = e;
  });
  const covered = (windingShell: number, windingHoles: number): boolean => (windingShell !== 0) !== (windingHoles !== 0);
  // Boundary edges, directed with the covered side on the left.
  const outFrom: number[] = [];
  const outTo: number[] = [];
  let holesOutside = false;
  for (const e of live) {
    const ux = xs[from[e]];
    const uy = ys[from[e]];
    const vx = xs[to[e]];
    const vy = ys[to[e]];
    const mx = ux + (vx - ux) / 2;
    const my = uy + (vy - uy) / 2;
    let ws = 0;
    let wh = 0;
    const strip = stripOf(my);
    budget.used += starts[strip + 1] - starts[strip];
    if (budget.used > budget.limit) return null;
    for (let k = starts[strip]; k < starts[strip + 1]; k++) {
      const f = members[k];
      if (f === e) continue;
      const fy1 = ys[from[f]];
      const fy2 = ys[to[f]];
      const up = fy2 > fy1;
      const lowX = up ? xs[from[f]] : xs[to[f]];
      const lowY = up ? fy1 : fy2;
      const highX = up ? xs[to[f]] : xs[from[f]];
      const highY = up ? fy2 : fy1;
      if (!(lowY <= my && my < highY)) continue;
      // The edge lies to the right of the midpoint when the midpoint is to the left of the upward edge.
      if ((highX - lowX) * (my - lowY) - (highY - lowY) * (mx - lowX) <= 0) continue;
      const sign = up ? 1 : -1;
      ws += sign * shell[f];
      wh += sign * holes[f];
    }
    // (ws, wh) hold on the side the ray leaves into: right of an upward edge, left of a downward one, above a horizontal one.
    let leftS: number;
    let leftH: number;
    let rightS: number;
    let rightH: number;
    const rayOnRight = vy > uy || (vy === uy && vx < ux);
    if (rayOnRight) {
      rightS = ws;
      rightH = wh;
      leftS = ws + shell[e];
      leftH = wh + holes[e];
    } else {
      leftS = ws;
      leftH = wh;
      rightS = ws - shell[e];
      rightH = wh - holes[e];
    }
    if (holes[e] !== 0 && leftS === 0 && rightS === 0) holesOutside = true;
    const coveredLeft = covered(leftS, leftH);
    const coveredRight = covered(rightS, rightH);
    if (coveredLeft === coveredRight) continue;
    if (coveredLeft) {
      outFrom.push(from[e]);
      outTo.push(to[e]);
    } else {
      outFrom.push(to[e]);
      outTo.push(from[e]);
    }
  }
  const rings = chainRings(xs, ys, outFrom, outTo, budget);
  if (rings === null) return null;
  return { polygons: assemblePolygons(rings), holesOutside };
}

function chainRings(xs: number[], ys: number[], outFrom: number[], outTo: number[], budget: Budget): Ring[] | null {
  const m = outFrom.length;
  const outgoing = new Map<number, number[]>();
  for (let e = 0; e < m; e++) {
    let list = outgoing.get(outFrom[e]);
    if (!list) outgoing.set(outFrom[e], (list = []));
    list.push(e);
  }
  const used = new Uint8Array(m);
  const rings: Ring[] = [];
  const TWO_PI = 2 * Math.PI;
  for (let start = 0; start < m; start++) {
    if (used[start]) continue;
    used[start] = 1;
    const startVertex = outFrom[start];
    const ring: Ring = [[xs[startVertex], ys[startVertex]]];
    let previous = startVertex;
    let current = outTo[start];
    for (;;) {
      ring.push([xs[current], ys[current]]);
      if (current === startVertex && !(outgoing.get(current) ?? []).some((e) => !used[e])) break;
      const back = Math.atan2(ys[previous] - ys[current], xs[previous] - xs[current]);
      let best = -1;
      let bestAngle = Infinity;
      const candidates = outgoing.get(current) ?? [];
      budget.used += candidates.length;
      if (budget.used > budget.limit) return null;
      for (const e of candidates) {
        if (used[e]) continue;
        let angle = back - Math.atan2(ys[outTo[e]] - ys[current], xs[outTo[e]] - xs[current]);
        while (angle <= 0) angle += TWO_PI;
        while (angle > TWO_PI) angle -= TWO_PI;
        if (angle < bestAngle) {
          bestAngle = angle;
          best = e;
        }
      }
      if (current === startVertex) {
        // Back at the start: close here unless the way on (clockwise-first) is another unused edge before the start edge.
        let startAngle = back - Math.atan2(ys[outTo[start]] - ys[current], xs[outTo[start]] - xs[current]);
        while (startAngle <= 0) startAngle += TWO_PI;
        while (startAngle > TWO_PI) startAngle -= TWO_PI;
        if (best < 0 || startAngle <= bestAngle) break;
      }
      if (best < 0) {
        // The linework does not close (a numerical accident): close the ring where it stands.
        ring.push([xs[startVertex], ys[startVertex]]);
        break;
      }
      used[best] = 1;
      previous = current;
      current = outTo[best];
    }
    if (ring.length >= 4) rings.push(ring);
  }
  return rings;
}

function assemblePolygons(rings: Ring[]): Ring[][] {
  const shells: { ring: Ring; area: number; box: Box; holes: Ring[] }[] = [];
  const holeRings: { ring: Ring; box: Box }[] = [];
  for (const ring of rings) {
    const area = ringArea(ring);
    if (area > 0) shells.push({ ring, area, box: ringBox(ring), holes: [] });
    else if (area < 0) holeRings.push({ ring, box: ringBox(ring) });
  }
  shells.sort((a, b) => a.area - b.area);
  // Exact containment tests are bounded; past the bound a hole goes to the smallest shell whose box holds it.
  // (The index adds winding numbers up, so which polygon holds a hole changes no answer; only the drawn shape.)
  let tests = 0;
  const testLimit = 5_000_000;
  for (const hole of holeRings) {
    let owner: (typeof shells)[number] | undefined;
    let boxOwner: (typeof shells)[number] | undefined;
    for (const candidate of shells) {
      const box = candidate.box;
      if (hole.box.minX < box.minX || hole.box.maxX > box.maxX || hole.box.minY < box.minY || hole.box.maxY > box.maxY) continue;
      boxOwner ??= candidate;
      if (tests > testLimit) break;
      tests += candidate.ring.length;
      if (ringInRing(hole.ring, candidate.ring) === 1) {
        owner = candidate;
        break;
      }
    }
    owner ??= tests > testLimit ? boxOwner : undefined;
    // A hole always lies in a shell of the same linework; one that does not is a numerical sliver and is dropped.
    if (owner) owner.holes.push(hole.ring);
  }
  return shells.map((shell) => [shell.ring, ...shell.holes]);
}

function countOverlappingParts(polygons: readonly Ring[][]): number {
  const boxes = polygons.map((polygon) => ringBox(polygon[0]));
  const order = polygons.map((_, i) => i).sort((a, b) => boxes[a].minX - boxes[b].minX);
  const overlapping = new Set<number>();
  let tests = 0;
  for (let i = 0; i < order.length; i++) {
    const a = boxes[order[i]];
    for (let j = i + 1; j < order.length && boxes[order[j]].minX <= a.maxX; j++) {
      const b = boxes[order[j]];
      if (b.minY > a.maxY || b.maxY < a.minY) continue;
      if (++tests > 100_000) return overlapping.size;
      const p = polygons[order[i]][0];
      const q = polygons[order[j]][0];
      const qInP = ringInRing(q, p);
      const pInQ = ringInRing(p, q);
      // 0 both ways: every tested position on the other's boundary (equal rings).
      if (qInP === 1 || pInQ === 1 || (qInP === 0 && pInQ === 0)) {
        overlapping.add(order[i]);
        overlapping.add(order[j]);
      }
    }
  }
  return overlapping.size;
}

/**
 * Tells whether a closed ring is strictly convex: every turn has the same sign (no collinear or repeated
 * positions) and the edges' x-direction changes at most twice, which rules out star shapes that turn the same
 * way but wind more than once.
 * @param ring - a closed ring (first position repeated at the end)
 * @returns true when the ring is a strictly convex simple polygon
 */
export function isStrictlyConvexRing(ring: readonly Position[]): boolean {
  const count = ring.length - 1;
  if (count < 3) return false;
  let turnSign = 0;
  let directionChanges = 0;
  let previousDirection = 0;
  for (let i = 0; i < count; i++) {
    const a = ring[i];
    const b = ring[i + 1];
    const c = ring[i + 2 > count ? 1 : i + 2];
    const cross = (b[0] - a[0]) * (c[1] - b[1]) - (b[1] - a[1]) * (c[0] - b[0]);
    if (cross === 0 || Number.isNaN(cross)) return false;
    const sign = cross > 0 ? 1 : -1;
    if (turnSign === 0) turnSign = sign;
    else if (sign !== turnSign) return false;
    const dx = b[0] - a[0];
    const direction = dx > 0 ? 1 : dx < 0 ? -1 : 0;
    if (direction !== 0) {
      if (previousDirection !== 0 && direction !== previousDirection) directionChanges++;
      previousDirection = direction;
    }
  }
  // The change between the last edge and the first closes the loop.
  const firstDx = ring[1][0] - ring[0][0];
  const firstDirection = firstDx > 0 ? 1 : firstDx < 0 ? -1 : 0;
  if (firstDirection !== 0 && previousDirection !== 0 && firstDirection !== previousDirection) directionChanges++;
  return directionChanges <= 2;
}
