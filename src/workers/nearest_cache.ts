/**
 * The worker's side of the `nearest` request: it keeps the coverage (and the points and masks) of the last
 * analysis and one NearestCoverageIndex per filter (minimum technology + carriers), built on first use.
 * A new analysis replaces the kept coverage and drops every index. The coverage features stay in memory
 * while the analysis is current (every filter's index is built from them); of the points only the positions. Plain module (no worker scope), so it is
 * unit-tested in Node.
 */
import {
  countedLayers,
  buildNearestCoverageIndex,
  nearestCoverage,
  type CoverageAnalysis,
  type CoverageFeature,
  type NearestCoverageIndex,
  type Point,
} from "../domain/index.ts";
import type { NearestParams, NearestResult } from "./messages.ts";

interface Kept {
  version: number;
  coverage: readonly CoverageFeature[];
  /** The points' positions only (the Point objects, with their extra columns, are not kept). */
  lons: Float64Array;
  lats: Float64Array;
  layers: CoverageAnalysis["layers"];
  /** A copy: the analysis's own masks are transferred to the main thread. */
  masks: Uint32Array;
  words: number;
}

/** The kept coverage and its indexes. */
export interface NearestCache {
  /** Keeps the coverage of a finished analysis, dropping the previous one and its indexes. */
  keep(version: number, coverage: readonly CoverageFeature[], points: readonly Point[], analysis: CoverageAnalysis): void;
  /** Answers a request. */
  answer(request: NearestParams): NearestResult;
  /** The kept coverage and layers of the analysis `version`, or null when another (or none) is kept. */
  coverageOf(version: number): { coverage: readonly CoverageFeature[]; layers: CoverageAnalysis["layers"] } | null;
  /** How many indexes are cached (for tests). */
  readonly indexCount: number;
}

/**
 * Creates an empty cache.
 * @returns the cache
 */
export function createNearestCache(): NearestCache {
  let kept: Kept | null = null;
  const indexes = new Map<string, NearestCoverageIndex>();
  return {
    keep(version, coverage, points, analysis) {
      const lons = new Float64Array(points.length);
      const lats = new Float64Array(points.length);
      for (let i = 0; i < points.length; i++) {
        lons[i] = points[i].lon;
        lats[i] = points[i].lat;
      }
      kept = { version, coverage, lons, lats, layers: analysis.layers, masks: analysis.masks.slice(), words: analysis.words };
      indexes.clear();
    },
    answer(request) {
      if (!kept || kept.version !== request.version) return { available: false, distances: [] };
      const carriers = [...(request.carriers ?? [])].sort();
      const key = JSON.stringify([request.minTechnology ?? "", carriers]);
      let index = indexes.get(key);
      if (!index) {
        index = buildNearestCoverageIndex(kept.coverage, { minTechnology: request.minTechnology, carriers });
        indexes.set(key, index);
      }
      const { counted } = countedLayers({ layers: kept.layers }, { minTechnology: request.minTechnology, carriers });
      const { masks, words, layers, lons, lats } = kept;
      const distances = request.points.map((point) => {
        let lon: number;
        let lat: number;
        let exclude: string[];
        if (typeof point === "number") {
          if (!Number.isInteger(point) || point < 0 || point >= lons.length) return [];
          lon = lons[point];
          lat = lats[point];
          // The carriers that cover the point under the filter, as buildExportRows leaves them out.
          exclude = [];
          const base = point * words;
          for (let l = 0; l < layers.length; l++) {
            if (!counted[l] || ((masks[base + (l >> 5)] >>> (l & 31)) & 1) === 0) continue;
            if (!exclude.includes(layers[l].carrier)) exclude.push(layers[l].carrier);
          }
        } else {
          ({ lon, lat, exclude } = point);
        }
        const found = nearestCoverage(index, lon, lat, { exclude, maxKm: request.maxKm });
        return request.limit === undefined ? found : found.slice(0, request.limit);
      });
      return { available: true, distances };
    },
    coverageOf(version) {
      return kept && kept.version === version ? { coverage: kept.coverage, layers: kept.layers } : null;
    },
    get indexCount() {
      return indexes.size;
    },
  };
}
