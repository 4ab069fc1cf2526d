/**
 * "Where to build": new-site suggestions by greedy maximum coverage.
 *
 * The uncovered points (targets) each carry a weight (pupils, households, or 1 per point). A candidate site at a
 * position covers every target within `radiusKm` (a disc). Up to K sites are chosen one at a time, each the
 * candidate whose disc covers the most weight not yet covered (its marginal gain). Greedy maximum coverage is
 * within (1 − 1/e) ≈ 63 % of the best choice of K candidates (Nemhauser, Wolsey and Fisher 1978), because
 * covered weight is monotone and submodular; the tests check this bound against an exhaustive search.
 *
 * Speed: disc membership is found through a Flatbush index over the targets (one box query per candidate, then
 * the exact distance), stored once as compressed rows; the greedy is "lazy" (Minoux 1978): a max-heap holds each
 * candidate's last computed gain, which can only shrink, so only the top of the heap is recomputed. Ties are
 * broken by the lower candidate index, so the lazy greedy picks exactly what the naive greedy (recompute every
 * candidate every round) picks.
 */
import Flatbush from "flatbush";
// Kilometres per degree: the same scale as the distances to coverage.
import { KM_PER_DEGREE_LAT, KM_PER_DEGREE_LON } from "../spatial/nearest_coverage.ts";

/** A point to cover. */
export interface SiteTarget {
  lon: number;
  lat: number;
  weight: number;
}

/** A candidate site position: a target's own position, or a node of the fine grid around a cluster. */
export interface SiteCandidate {
  lon: number;
  lat: number;
  /** "point": at target `target`; "grid": a grid node. */
  origin: "point" | "grid";
  target?: number;
}

/** Options of suggestSites. */
export interface SiteSuggestionOptions {
  /** Disc radius of a site, km (default 3). */
  radiusKm?: number;
  /** At most this many sites (default 10). */
  sites?: number;
  /** Spacing of the grid nodes added around clusters, km (default radius / 2); 0 = no grid, only the points. */
  gridStepKm?: number;
}

/** One suggested site. */
export interface SuggestedSite {
  /** 1-based order of choice. */
  rank: number;
  lon: number;
  lat: number;
  origin: "point" | "grid";
  /** For origin "point": the target index it stands on. */
  target?: number;
  /** Weight newly covered by this site (its marginal gain). */
  gain: number;
  /** Targets newly covered by this site, ascending. */
  covered: number[];
  /** Weight covered by this site and the earlier ones. */
  cumulative: number;
}

/** The result of suggestSites. */
export interface SiteSuggestion {
  radiusKm: number;
  /** Sum of the targets' weights. */
  totalWeight: number;
  /** Targets with a positive weight. */
  targets: number;
  candidates: number;
  sites: SuggestedSite[];
  /** Weight covered by all the sites. */
  coveredWeight: number;
}

/**
 * Distance in km between two positions, in the local equirectangular projection at their mean latitude (the
 * error is far below a metre at a few km).
 * @param lonA - longitude of A
 * @param latA - latitude of A
 * @param lonB - longitude of B
 * @param latB - latitude of B
 * @returns the distance in km
 */
export function distanceKm(lonA: number, latA: number, lonB: number, latB: number): number {
  const cos = Math.cos((((latA + latB) / 2) * Math.PI) / 180);
  const dx = (lonA - lonB) * KM_PER_DEGREE_LON * cos;
  const dy = (latA - latB) * KM_PER_DEGREE_LAT;
  return Math.sqrt(dx * dx + dy * dy);
}

/**
 * The candidate positions: every target with a positive weight, then the nodes of a grid of step `gridStepKm`
 * around each cluster, without repeating a node. Clusters are found on cells of side `radiusKm`: a cell gets
 * nodes when it and its eight neighbours hold two or more targets, which includes every grid node whose disc can
 * hold two targets (a node covering one target only is never better than that target's own position).
 * @param targets - the targets
 * @param radiusKm - the site radius
 * @param gridStepKm - the grid spacing (0: none)
 * @returns the candidates, targets first in target order, then grid nodes in cell order
 */
export function siteCandidates(targets: readonly SiteTarget[], radiusKm: number, gridStepKm: number): SiteCandidate[] {
  const candidates: SiteCandidate[] = [];
  let latSum = 0;
  let count = 0;
  targets.forEach((target, index) => {
    if (!(target.weight > 0)) return;
    candidates.push({ lon: target.lon, lat: target.lat, origin: "point", target: index });
    latSum += target.lat;
    count++;
  });
  if (count < 2 || !(gridStepKm > 0)) return candidates;
  const cos = Math.cos(((latSum / count) * Math.PI) / 180);
  const cellLat = radiusKm / KM_PER_DEGREE_LAT;
  const cellLon = radiusKm / (KM_PER_DEGREE_LON * cos);
  const cells = new Map<string, { x: number; y: number; n: number }>();
  for (const target of targets) {
    if (!(target.weight > 0)) continue;
    const x = Math.floor(target.lon / cellLon);
    const y = Math.floor(target.lat / cellLat);
    const key = `${x},${y}`;
    const cell = cells.get(key);
    if (cell) cell.n++;
    else cells.set(key, { x, y, n: 1 });
  }
  const stepLat = gridStepKm / KM_PER_DEGREE_LAT;
  const stepLon = gridStepKm / (KM_PER_DEGREE_LON * cos);
  // A grid node covering two or more targets lies within radius (one cell side) of both, so both lie in the 3 × 3
  // cells around the node's cell: every cell whose neighbourhood holds two or more targets gets nodes.
  const dense: { x: number; y: number }[] = [];
  const seen = new Set<string>();
  for (const cell of cells.values()) {
    for (let dy = -1; dy <= 1; dy++) {
      for (let dx = -1; dx <= 1; dx++) {
        const x = cell.x + dx;
        const y = cell.y + dy;
        const key = `${x},${y}`;
        if (seen.has(key)) continue;
        seen.add(key);
        let around = 0;
        for (let ny = -1; ny <= 1 && around < 2; ny++) for (let nx = -1; nx <= 1; nx++) around += cells.get(`${x + nx},${y + ny}`)?.n ?? 0;
        if (around >= 2) dense.push({ x, y });
      }
    }
  }
  dense.sort((a, b) => a.y - b.y || a.x - b.x);
  const nodes = new Set<string>();
  for (const cell of dense) {
    const i0 = Math.ceil((cell.x * cellLon) / stepLon);
    const i1 = Math.floor(((cell.x + 1) * cellLon) / stepLon);
    const j0 = Math.ceil((cell.y * cellLat) / stepLat);
    const j1 = Math.floor(((cell.y + 1) * cellLat) / stepLat);
    for (let j = j0; j <= j1; j++) {
      for (let i = i0; i <= i1; i++) {
        const key = `${i},${j}`;
        if (nodes.has(key)) continue;
        nodes.add(key);
        candidates.push({ lon: i * stepLon, lat: j * stepLat, origin: "grid" });
      }
    }
  }
  return candidates;
}

/** Which targets each candidate covers, as compressed rows: members of c are indices[offsets[c]…offsets[c+1]). */
export interface CoverageSets {
  offsets: Uint32Array;
  indices: Uint32Array;
}

/**
 * For each candidate, the targets (with a positive weight) within `radiusKm`, ascending; candidates covering
 * nothing keep an empty row.
 * @param targets - the targets
 * @param candidates - the candidate positions
 * @param radiusKm - the site radius
 * @returns the coverage sets
 */
export function candidateCoverage(targets: readonly SiteTarget[], candidates: readonly SiteCandidate[], radiusKm: number): CoverageSets {
  const weighted: number[] = [];
  targets.forEach((target, index) => {
    if (target.weight > 0) weighted.push(index);
  });
  const offsets = new Uint32Array(candidates.length + 1);
  if (weighted.length === 0) return { offsets, indices: new Uint32Array(0) };
  const index = new Flatbush(weighted.length);
  for (const t of weighted) index.add(targets[t].lon, targets[t].lat, targets[t].lon, targets[t].lat);
  index.finish();
  let indices = new Uint32Array(Math.max(16, weighted.length * 4));
  let size = 0;
  const dLat = (radiusKm / KM_PER_DEGREE_LAT) * 1.001;
  const found: number[] = [];
  for (let c = 0; c < candidates.length; c++) {
    const candidate = candidates[c];
    // The box must hold the disc at every latitude it spans: use the cosine at the edge nearer a pole.
    const edgeLat = Math.min(89, Math.abs(candidate.lat) + dLat);
    const dLon = (radiusKm / (KM_PER_DEGREE_LON * Math.cos((edgeLat * Math.PI) / 180))) * 1.001;
    found.length = 0;
    for (const k of index.search(candidate.lon - dLon, candidate.lat - dLat, candidate.lon + dLon, candidate.lat + dLat)) {
      const t = weighted[k];
      if (distanceKm(candidate.lon, candidate.lat, targets[t].lon, targets[t].lat) <= radiusKm) found.push(t);
    }
    found.sort((a, b) => a - b);
    if (size + found.length > indices.length) {
      const grown = new Uint32Array(Math.max(indices.length * 2, size + found.length));
      grown.set(indices.subarray(0, size));
      indices = grown;
    }
    for (const t of found) indices[size++] = t;
    offsets[c + 1] = size;
  }
  return { offsets, indices: indices.slice(0, size) };
}

/** Marginal gain of candidate c: the weight of its members not yet covered, summed in member order. */
function marginalGain(sets: CoverageSets, weights: Float64Array, covered: Uint8Array, c: number): number {
  let gain = 0;
  for (let k = sets.offsets[c]; k < sets.offsets[c + 1]; k++) {
    const t = sets.indices[k];
    if (covered[t] === 0) gain += weights[t];
  }
  return gain;
}

/**
 * The lazy greedy over precomputed coverage sets: at most `k` picks, each the candidate with the largest marginal
 * gain (the lower index on a tie), stopping when nothing more can be gained.
 * @param sets - members per candidate
 * @param weights - weight per target
 * @param k - the number of picks
 * @returns the picked candidates, in order, with their gains
 */
export function lazyGreedy(sets: CoverageSets, weights: Float64Array, k: number): { candidate: number; gain: number }[] {
  const candidates = sets.offsets.length - 1;
  const covered = new Uint8Array(weights.length);
  const heap = new GainHeap(candidates);
  for (let c = 0; c < candidates; c++) {
    const gain = marginalGain(sets, weights, covered, c);
    if (gain > 0) heap.push(c, gain);
  }
  const picks: { candidate: number; gain: number }[] = [];
  while (picks.length < k && heap.size > 0) {
    const c = heap.popTop();
    const gain = marginalGain(sets, weights, covered, c);
    if (!(gain > 0)) continue;
    if (heap.size > 0 && !heap.beats(gain, c, heap.topGain(), heap.topIndex())) {
      heap.push(c, gain);
      continue;
    }
    picks.push({ candidate: c, gain });
    for (let m = sets.offsets[c]; m < sets.offsets[c + 1]; m++) covered[sets.indices[m]] = 1;
  }
  return picks;
}

/**
 * The naive greedy (every candidate recomputed every round), the reference the lazy greedy is tested and timed
 * against. Same tie rule.
 * @param sets - members per candidate
 * @param weights - weight per target
 * @param k - the number of picks
 * @returns the picked candidates, in order, with their gains
 */
export function naiveGreedy(sets: CoverageSets, weights: Float64Array, k: number): { candidate: number; gain: number }[] {
  const candidates = sets.offsets.length - 1;
  const covered = new Uint8Array(weights.length);
  const picks: { candidate: number; gain: number }[] = [];
  while (picks.length < k) {
    let best = -1;
    let bestGain = 0;
    for (let c = 0; c < candidates; c++) {
      const gain = marginalGain(sets, weights, covered, c);
      if (gain > bestGain) {
        best = c;
        bestGain = gain;
      }
    }
    if (best < 0) break;
    picks.push({ candidate: best, gain: bestGain });
    for (let m = sets.offsets[best]; m < sets.offsets[best + 1]; m++) covered[sets.indices[m]] = 1;
  }
  return picks;
}

/**
 * Suggests up to `sites` new sites covering the most target weight (greedy maximum coverage, see the module).
 * @param targets - the uncovered points with their weights (weight 0: not a target)
 * @param options - radius (km), number of sites, grid step
 * @returns the sites in order of choice, each with its marginal gain and the targets it newly covers
 * @example
 * ```ts
 * const targets = uncovered.map((i) => ({ lon: points[i].lon, lat: points[i].lat, weight: pointWeight(points[i], "pupils") }));
 * const { sites } = suggestSites(targets, { radiusKm: 3, sites: 20 });
 * ```
 */
export function suggestSites(targets: readonly SiteTarget[], options: SiteSuggestionOptions = {}): SiteSuggestion {
  const radiusKm = options.radiusKm ?? 3;
  const k = Math.max(0, Math.floor(options.sites ?? 10));
  const gridStepKm = options.gridStepKm ?? radiusKm / 2;
  const weights = new Float64Array(targets.length);
  let totalWeight = 0;
  let weighted = 0;
  targets.forEach((target, t) => {
    const weight = target.weight > 0 && Number.isFinite(target.weight) ? target.weight : 0;
    weights[t] = weight;
    totalWeight += weight;
    if (weight > 0) weighted++;
  });
  const candidates = siteCandidates(targets, radiusKm, gridStepKm);
  const sets = candidateCoverage(targets, candidates, radiusKm);
  const picks = lazyGreedy(sets, weights, k);
  const covered = new Uint8Array(targets.length);
  let cumulative = 0;
  const sites: SuggestedSite[] = picks.map((pick, p) => {
    const candidate = candidates[pick.candidate];
    const newly: number[] = [];
    for (let m = sets.offsets[pick.candidate]; m < sets.offsets[pick.candidate + 1]; m++) {
      const t = sets.indices[m];
      if (covered[t] === 0) {
        covered[t] = 1;
        newly.push(t);
      }
    }
    cumulative += pick.gain;
    const site: SuggestedSite = { rank: p + 1, lon: candidate.lon, lat: candidate.lat, origin: candidate.origin, gain: pick.gain, covered: newly, cumulative };
    if (candidate.target !== undefined) site.target = candidate.target;
    return site;
  });
  return { radiusKm, totalWeight, targets: weighted, candidates: candidates.length, sites, coveredWeight: cumulative };
}

/**
 * A site's disc as a GeoJSON ring (counter-clockwise, closed), for drawing: in the local equirectangular metric the
 * planner measures distances in (formats/towers.ts' discRing draws a disc on the sphere).
 * @param lon - centre longitude
 * @param lat - centre latitude
 * @param radiusKm - radius
 * @param segments - number of edges (default 48)
 * @returns the ring's positions
 */
export function siteDiscRing(lon: number, lat: number, radiusKm: number, segments = 48): [number, number][] {
  const ring: [number, number][] = [];
  const cos = Math.cos((lat * Math.PI) / 180);
  for (let s = 0; s < segments; s++) {
    const angle = (2 * Math.PI * s) / segments;
    ring.push([lon + (radiusKm * Math.cos(angle)) / (KM_PER_DEGREE_LON * cos), lat + (radiusKm * Math.sin(angle)) / KM_PER_DEGREE_LAT]);
  }
  ring.push(ring[0]);
  return ring;
}

/** A binary max-heap of (gain, candidate), ordered by gain descending then candidate ascending. */
class GainHeap {
  private readonly gains: Float64Array;
  private readonly items: Uint32Array;
  size = 0;

  constructor(capacity: number) {
    this.gains = new Float64Array(Math.max(1, capacity));
    this.items = new Uint32Array(Math.max(1, capacity));
  }

  /** Whether (gainA, a) comes before (gainB, b). */
  beats(gainA: number, a: number, gainB: number, b: number): boolean {
    return gainA > gainB || (gainA === gainB && a < b);
  }

  topGain(): number {
    return this.gains[0];
  }

  topIndex(): number {
    return this.items[0];
  }

  push(item: number, gain: number): void {
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.beats(gain, item, this.gains[parent], this.items[parent])) break;
      this.gains[i] = this.gains[parent];
      this.items[i] = this.items[parent];
      i = parent;
    }
    this.gains[i] = gain;
    this.items[i] = item;
  }

  popTop(): number {
    const top = this.items[0];
    const last = --this.size;
    if (last > 0) {
      const gain = this.gains[last];
      const item = this.items[last];
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= last) break;
        const right = left + 1;
        const child = right < last && this.beats(this.gains[right], this.items[right], this.gains[left], this.items[left]) ? right : left;
        if (!this.beats(this.gains[child], this.items[child], gain, item)) break;
        this.gains[i] = this.gains[child];
        this.items[i] = this.items[child];
        i = child;
      }
      this.gains[i] = gain;
      this.items[i] = item;
    }
    return top;
  }
}
