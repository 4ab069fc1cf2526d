/**
 * Polygons flattened for the grid kernel (grid_kernel.ts): rings copied into one interleaved Float64Array of
 * vertices, each ring stored closed, outer rings counter-clockwise and holes clockwise, so that the winding number
 * summed over a set of polygons is positive exactly when a point lies in at least one of them (overlaps add, holes
 * subtract). Groups flattened in one call share one vertex buffer, so a grid over several groups (the coverage
 * layers) reads every edge from one array, and the index built on it holds one buffer, not one per group.
 */
import type { MultiPolygon, Polygon, Position } from "geojson";
import type { PackedGeometry } from "./packed_geometry.ts";

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

/** A geometry (GeoJSON, or a coverage feature's columns: packed_geometry.ts) and the owner id recorded for its edges. */
export interface OwnedGeometry {
  geometry: Polygon | MultiPolygon | PackedGeometry;
  owner: number;
}

function closedLength(ring: Position[]): number {
  const count = ring.length;
  if (count === 0) return 0;
  const closed = ring[0][0] === ring[count - 1][0] && ring[0][1] === ring[count - 1][1];
  return closed ? count : count + 1;
}

/** closedLength of a packed ring: `count` positions from value `at` of `values`. */
function closedLengthPacked(values: Float64Array, at: number, count: number): number {
  if (count === 0) return 0;
  const last = at + 2 * (count - 1);
  return values[at] === values[last] && values[at + 1] === values[last + 1] ? count : count + 1;
}

/** Vertices (closed) and rings of one geometry, for sizing the shared buffer. */
function countInto(geometry: OwnedGeometry["geometry"], totals: { vertices: number; rings: number }): void {
  if (geometry.type === "Packed") {
    const { coordinates, polygonRingStart, ringValueStart } = geometry.source;
    const first = polygonRingStart[geometry.polygonStart];
    const end = polygonRingStart[geometry.polygonEnd];
    for (let r = first; r < end; r++) totals.vertices += closedLengthPacked(coordinates, ringValueStart[r], (ringValueStart[r + 1] - ringValueStart[r]) / 2);
    totals.rings += end - first;
    return;
  }
  const parts = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  for (const rings of parts) {
    for (const ring of rings) totals.vertices += closedLength(ring);
    totals.rings += rings.length;
  }
}

/**
 * Flattens groups of polygons into one RingSet per group, all sharing one vertex buffer (set g's vertex k is
 * vertex `xy.byteOffset / 16 + k` of the buffer, in group order). Outer rings become counter-clockwise,
 * holes clockwise; rings with fewer than three distinct positions or zero area are dropped.
 * @param groups - per group, geometries with their owners
 * @returns one ring set per group
 */
export function flattenRingSets(groups: readonly (readonly OwnedGeometry[])[]): RingSet[] {
  const totals = { vertices: 0, rings: 0 };
  const ringTotals: number[] = [];
  for (const items of groups) {
    totals.rings = 0;
    for (const { geometry } of items) countInto(geometry, totals);
    ringTotals.push(totals.rings);
  }
  const buffer = new Float64Array(2 * totals.vertices);
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
    let x = 0;
    let y = 0;
    if (geometry.type === "Packed") {
      const { coordinates, polygonRingStart, ringValueStart } = geometry.source;
      const ring = polygonRingStart[geometry.polygonStart];
      if (
        geometry.polygonEnd > geometry.polygonStart &&
        polygonRingStart[geometry.polygonStart + 1] > ring &&
        ringValueStart[ring + 1] > ringValueStart[ring]
      ) {
        x = coordinates[ringValueStart[ring]];
        y = coordinates[ringValueStart[ring] + 1];
      }
    } else {
      const ring = geometry.type === "Polygon" ? geometry.coordinates[0] : geometry.coordinates[0]?.[0];
      const first = ring?.[0];
      x = first ? first[0] : 0;
      y = first ? first[1] : 0;
    }
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
    if (geometry.type === "Packed") {
      const { coordinates, polygonRingStart, ringValueStart } = geometry.source;
      for (let p = geometry.polygonStart; p < geometry.polygonEnd; p++) {
        for (let r = polygonRingStart[p]; r < polygonRingStart[p + 1]; r++) {
          const at = ringValueStart[r];
          const count = (ringValueStart[r + 1] - at) / 2;
          const closed = closedLengthPacked(coordinates, at, count) - 1;
          // The same copy as addRing's, from the columns: the first position again when the ring is not closed.
          const start = 2 * state.totals[0];
          if (closed >= 3) {
            for (let k = 0; k < 2 * closed; k++) state.xy[start + k] = coordinates[at + k];
            state.xy[start + 2 * closed] = coordinates[at];
            state.xy[start + 2 * closed + 1] = coordinates[at + 1];
          }
          addCopiedRing(state, closed, r === polygonRingStart[p], owner);
        }
      }
      continue;
    }
    const parts = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
    for (const rings of parts) for (let r = 0; r < rings.length; r++) addRing(state, rings[r], r === 0, owner);
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

/** Copies a GeoJSON ring (closed: its first position again at the end when the file leaves it open), then addCopiedRing. */
function addRing(state: FlattenState, ring: Position[], outer: boolean, owner: number): void {
  const count = closedLength(ring) - 1;
  if (count < 3) return;
  const { xy } = state;
  const start = 2 * state.totals[0];
  for (let k = 0; k <= count; k++) {
    const source = ring[k < count ? k : 0];
    xy[start + 2 * k] = source[0];
    xy[start + 2 * k + 1] = source[1];
  }
  addCopiedRing(state, count, outer, owner);
}

/**
 * Adds the ring of `count` + 1 positions (closed) just copied after the set's last vertex: one pass for the bounds,
 * the lengths and the shoelace sum (trapezoid form: positive for counter-clockwise), then the copy is reversed in
 * place when the orientation is wrong. A ring under three positions, or of zero or non-finite area, is dropped
 * (its copy is overwritten by the next ring).
 */
function addCopiedRing(state: FlattenState, count: number, outer: boolean, owner: number): void {
  if (count < 3) return;
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
    const x = xy[2 * (start + k)];
    const y = xy[2 * (start + k) + 1];
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
