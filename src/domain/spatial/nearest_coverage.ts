/**
 * How far an uncovered point is from each carrier's coverage: the distance, in kilometres, to the nearest
 * edge of the carrier's coverage polygons (at or above a minimum technology). It answers "which carrier is
 * best placed to close this gap" for the department, and ranks the gaps a short extension would close.
 *
 * Method: every ring of a carrier's polygons is cut into runs of at most RUN_EDGES consecutive edges; a
 * Flatbush index holds each run's bounding box. A query searches a square window around the point, growing
 * it (2 km, 8 km, 32 km, … up to `maxKm`) until the nearest edge found lies within the window, so every
 * closer edge was inside it. Distances use the local equirectangular projection at the point (x scaled by
 * cos(latitude)), accurate to well under 1% at the tens of kilometres that matter here.
 *
 * For a point inside a carrier's coverage the distance to the nearest edge is not a distance to coverage;
 * callers ask only for the carriers that do not cover the point (the coverage masks say which).
 */
import Flatbush from "flatbush";
import type { Position } from "geojson";
import { TECHNOLOGIES, type CoverageFeature, type Technology } from "../types.ts";

/** Kilometres per degree of latitude (mean), and of longitude at the equator (WGS 84). */
export const KM_PER_DEGREE_LAT = 110.574;
export const KM_PER_DEGREE_LON = 111.32;
const RUN_EDGES = 32;
const FIRST_WINDOW_KM = 2;
const WINDOW_GROWTH = 4;

/** One carrier's coverage edges: flat vertex arrays, runs of consecutive edges, a Flatbush over the runs. */
interface CarrierEdges {
  carrier: string;
  xs: Float64Array;
  ys: Float64Array;
  /** Run r covers the edges (v, v + 1) for v in [runStart[r], runEnd[r]). */
  runStart: Uint32Array;
  runEnd: Uint32Array;
  index: Flatbush | null;
}

/** The index built once per coverage and filter. */
export interface NearestCoverageIndex {
  /** Carriers in the order of `groups` (sorted). */
  carriers: string[];
  groups: CarrierEdges[];
}

/** A carrier and the distance from a point to its nearest coverage. */
export interface CarrierDistance {
  carrier: string;
  km: number;
}

/** Options of buildNearestCoverageIndex. */
export interface NearestCoverageOptions {
  /** Only coverage at or above this technology counts. */
  minTechnology?: Technology;
  /** Only these carriers; empty or absent means every carrier. */
  carriers?: readonly string[];
}

function ringsOf(feature: CoverageFeature): Position[][] {
  return feature.geometry.type === "Polygon" ? feature.geometry.coordinates : feature.geometry.coordinates.flat();
}

/**
 * Builds the per-carrier edge index.
 * @param features - coverage polygons of any carriers and technologies
 * @param options - minimum technology and carriers that count
 * @returns the index
 * @example
 * ```ts
 * const nearest = buildNearestCoverageIndex(coverage, { minTechnology: "4G" });
 * nearestCoverage(nearest, 104.1, 22.3, { exclude: ["Viettel"] }); // [{ carrier: "VNPT", km: 3.2 }, …]
 * ```
 */
export function buildNearestCoverageIndex(features: readonly CoverageFeature[], options: NearestCoverageOptions = {}): NearestCoverageIndex {
  const minimum = options.minTechnology ? TECHNOLOGIES.indexOf(options.minTechnology) : 0;
  const allowed = options.carriers && options.carriers.length > 0 ? new Set(options.carriers) : null;
  const byCarrier = new Map<string, Position[][]>();
  for (const feature of features) {
    if (TECHNOLOGIES.indexOf(feature.technology) < minimum) continue;
    if (allowed && !allowed.has(feature.carrier)) continue;
    let rings = byCarrier.get(feature.carrier);
    if (!rings) byCarrier.set(feature.carrier, (rings = []));
    for (const ring of ringsOf(feature)) if (ring.length > 0) rings.push(ring);
  }
  const carriers = [...byCarrier.keys()].sort();
  return { carriers, groups: carriers.map((carrier) => buildCarrierEdges(carrier, byCarrier.get(carrier)!)) };
}

function buildCarrierEdges(carrier: string, rings: Position[][]): CarrierEdges {
  let vertexCount = 0;
  let runCount = 0;
  for (const ring of rings) {
    const closed = samePosition(ring[0], ring[ring.length - 1]);
    const vertices = ring.length + (closed ? 0 : 1);
    vertexCount += vertices;
    runCount += Math.max(1, Math.ceil((vertices - 1) / RUN_EDGES));
  }
  const xs = new Float64Array(vertexCount);
  const ys = new Float64Array(vertexCount);
  const runStart = new Uint32Array(runCount);
  const runEnd = new Uint32Array(runCount);
  const index = runCount > 0 ? new Flatbush(runCount) : null;
  let v = 0;
  let r = 0;
  for (const ring of rings) {
    const first = v;
    for (const position of ring) {
      xs[v] = position[0];
      ys[v] = position[1];
      v++;
    }
    if (!samePosition(ring[0], ring[ring.length - 1])) {
      xs[v] = ring[0][0];
      ys[v] = ring[0][1];
      v++;
    }
    const last = v - 1;
    // A ring of one position is one degenerate run (start = end): its distance is to that position.
    for (let start = first; start === first || start < last; start += RUN_EDGES) {
      const end = Math.min(start + RUN_EDGES, last);
      let minX = Infinity;
      let minY = Infinity;
      let maxX = -Infinity;
      let maxY = -Infinity;
      for (let k = start; k <= end; k++) {
        if (xs[k] < minX) minX = xs[k];
        if (xs[k] > maxX) maxX = xs[k];
        if (ys[k] < minY) minY = ys[k];
        if (ys[k] > maxY) maxY = ys[k];
      }
      runStart[r] = start;
      runEnd[r] = end;
      index!.add(minX, minY, maxX, maxY);
      r++;
    }
  }
  index?.finish();
  return { carrier, xs, ys, runStart, runEnd, index };
}

function samePosition(a: Position | undefined, b: Position | undefined): boolean {
  return a !== undefined && b !== undefined && a[0] === b[0] && a[1] === b[1];
}

/**
 * Distance in km from (px, py) to the segment (ax, ay)–(bx, by), in the local projection at the point.
 * @param kx - km per degree of longitude at the point's latitude
 */
function segmentKm(px: number, py: number, ax: number, ay: number, bx: number, by: number, kx: number): number {
  const x1 = (ax - px) * kx;
  const y1 = (ay - py) * KM_PER_DEGREE_LAT;
  const dx = (bx - ax) * kx;
  const dy = (by - ay) * KM_PER_DEGREE_LAT;
  const length2 = dx * dx + dy * dy;
  let t = length2 > 0 ? -(x1 * dx + y1 * dy) / length2 : 0;
  if (t < 0) t = 0;
  else if (t > 1) t = 1;
  const x = x1 + t * dx;
  const y = y1 + t * dy;
  return Math.sqrt(x * x + y * y);
}

function nearestInGroup(group: CarrierEdges, px: number, py: number, maxKm: number): number {
  if (!group.index) return Infinity;
  const kx = Math.max(KM_PER_DEGREE_LON * Math.cos((py * Math.PI) / 180), 1e-9);
  const { xs, ys, runStart, runEnd } = group;
  let window = Math.min(FIRST_WINDOW_KM, maxKm);
  for (;;) {
    let best = Infinity;
    const runs = group.index.search(px - window / kx, py - window / KM_PER_DEGREE_LAT, px + window / kx, py + window / KM_PER_DEGREE_LAT);
    for (const run of runs) {
      const start = runStart[run];
      const end = runEnd[run];
      if (start === end) {
        best = Math.min(best, segmentKm(px, py, xs[start], ys[start], xs[start], ys[start], kx));
        continue;
      }
      for (let k = start; k < end; k++) {
        const d = segmentKm(px, py, xs[k], ys[k], xs[k + 1], ys[k + 1], kx);
        if (d < best) best = d;
      }
    }
    // Every edge closer than `window` meets the window, so a best within it is the nearest.
    if (best <= window) return best;
    if (window >= maxKm) return Infinity;
    window = Math.min(window * WINDOW_GROWTH, maxKm);
  }
}

/**
 * The distance from a point to each carrier's nearest coverage edge, nearest first.
 * @param index - from buildNearestCoverageIndex
 * @param lon - longitude
 * @param lat - latitude
 * @param options - `exclude`: carriers to skip (those that cover the point); `maxKm`: carriers farther than this
 * are left out (default 100 km)
 * @returns one entry per carrier within maxKm, sorted by distance then carrier
 */
export function nearestCoverage(
  index: NearestCoverageIndex,
  lon: number,
  lat: number,
  options: { exclude?: readonly string[]; maxKm?: number } = {},
): CarrierDistance[] {
  const maxKm = options.maxKm ?? 100;
  const exclude = options.exclude ?? [];
  const found: CarrierDistance[] = [];
  for (const group of index.groups) {
    if (exclude.includes(group.carrier)) continue;
    const km = nearestInGroup(group, lon, lat, maxKm);
    if (km <= maxKm) found.push({ carrier: group.carrier, km });
  }
  return found.sort((a, b) => a.km - b.km || (a.carrier < b.carrier ? -1 : a.carrier > b.carrier ? 1 : 0));
}

/**
 * The same distance by brute force over every edge: the reference the tests compare the index against.
 * @param features - coverage polygons
 * @param carrier - the carrier
 * @param lon - longitude
 * @param lat - latitude
 * @param options - minimum technology
 * @returns the distance in km, Infinity when the carrier has no coverage
 */
export function nearestCoverageBruteForce(
  features: readonly CoverageFeature[],
  carrier: string,
  lon: number,
  lat: number,
  options: { minTechnology?: Technology } = {},
): number {
  const minimum = options.minTechnology ? TECHNOLOGIES.indexOf(options.minTechnology) : 0;
  const kx = Math.max(KM_PER_DEGREE_LON * Math.cos((lat * Math.PI) / 180), 1e-9);
  let best = Infinity;
  for (const feature of features) {
    if (feature.carrier !== carrier || TECHNOLOGIES.indexOf(feature.technology) < minimum) continue;
    for (const ring of ringsOf(feature)) {
      for (let k = 0; k < ring.length; k++) {
        const a = ring[k];
        const b = ring[(k + 1) % ring.length];
        best = Math.min(best, segmentKm(lon, lat, a[0], a[1], b[0], b[1], kx));
      }
    }
  }
  return best;
}
