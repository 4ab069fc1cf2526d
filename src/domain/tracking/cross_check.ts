/**
 * Cross-check of the registry against the carriers' coverage layers: a listed point that its carrier's
 * coverage contains but that is still not on air is proposed as on_air; a point claimed on air (or
 * verified) that lies outside its carrier's coverage is flagged. Both lists go to the department.
 */
import { TECHNOLOGIES, type CoverageLayerInfo, type Message, type Technology } from "../types.ts";
import { queryCoverageMasks, type CoverageIndex } from "../spatial/coverage_index.ts";
import { isSameCarrier } from "./carriers.ts";
import type { ListedPoint } from "./registry.ts";
import { initialPointTracking, type TrackingStates } from "./replay.ts";
import { isCoveredStatus, type TrackingStatus } from "./status.ts";
import { domainMessage } from "../messages/message.ts";

/**
 * Which coverage layers contain each listed point: the shape of a CoverageAnalysis (layers, words, masks),
 * with row i of the masks for registry[i]. Bit l % 32 of word (i × words + floor(l / 32)) is set when layer l covers point i.
 */
export interface RegistryCoverage {
  layers: readonly CoverageLayerInfo[];
  words: number;
  masks: Uint32Array;
}

/**
 * Queries the coverage index for every listed point.
 * @param registry - the listed points
 * @param index - from buildCoverageIndex
 * @returns the layers and one mask row per listed point, in registry order
 */
export function computeRegistryCoverage(registry: readonly ListedPoint[], index: CoverageIndex): RegistryCoverage {
  const lon = new Float64Array(registry.length);
  const lat = new Float64Array(registry.length);
  registry.forEach((point, i) => {
    lon[i] = point.lon;
    lat[i] = point.lat;
  });
  return { layers: index.layers, words: index.words, masks: queryCoverageMasks(index, lon, lat) };
}

/** A point its carrier's coverage contains, still marked not covered. */
export interface OnAirProposal {
  pointId: string;
  carrier: string;
  currentStatus: TrackingStatus;
  /** The carrier's layers that contain it (best technology last). */
  layers: CoverageLayerInfo[];
  message: Message;
}

/** A point claimed on air or verified that its carrier's coverage does not contain. */
export interface ClaimFlag {
  pointId: string;
  carrier: string;
  status: TrackingStatus;
  /** The technology claimed, when the claim named one. */
  technology?: Technology;
  message: Message;
}

export interface CrossCheckResult {
  proposals: OnAirProposal[];
  flags: ClaimFlag[];
  /** Listed points whose carrier has no coverage layer loaded (at the technology asked): not checked. */
  unchecked: string[];
}

export interface CrossCheckOptions {
  /** Only layers at or above this technology count (default: any technology). */
  technology?: Technology;
}

/**
 * Picks, for each carrier and technology, the layers with the latest as-of date (a layer without a date
 * counts as older than any dated one).
 */
function latestLayerIndices(layers: readonly CoverageLayerInfo[], minimumRank: number): number[] {
  const latest = new Map<string, string | null>();
  const key = (layer: CoverageLayerInfo) => `${layer.carrier.toLowerCase()}\u0000${layer.technology}`;
  for (const layer of layers) {
    const current = latest.get(key(layer));
    if (current === undefined || (layer.asOf !== null && (current === null || layer.asOf > current))) latest.set(key(layer), layer.asOf);
  }
  const indices: number[] = [];
  layers.forEach((layer, index) => {
    if (TECHNOLOGIES.indexOf(layer.technology) < minimumRank) return;
    if (latest.get(key(layer)) === layer.asOf) indices.push(index);
  });
  return indices;
}

/**
 * Compares the registry's statuses with the carriers' latest coverage layers.
 * @param registry - the listed points
 * @param states - their current states
 * @param coverage - which layers contain each listed point (computeRegistryCoverage, or a CoverageAnalysis of the registry)
 * @param options - minimum technology
 * @returns on_air proposals, flagged claims, and the points that could not be checked
 * @example
 * ```ts
 * const check = crossCheckCoverage(registry, states, computeRegistryCoverage(registry, buildCoverageIndex(features)));
 * check.proposals; // points to propose as on_air
 * ```
 */
export function crossCheckCoverage(
  registry: readonly ListedPoint[],
  states: TrackingStates,
  coverage: RegistryCoverage,
  options: CrossCheckOptions = {},
): CrossCheckResult {
  const minimumRank = options.technology ? TECHNOLOGIES.indexOf(options.technology) : 0;
  const usable = latestLayerIndices(coverage.layers, minimumRank);
  const proposals: OnAirProposal[] = [];
  const flags: ClaimFlag[] = [];
  const unchecked: string[] = [];
  const layersByCarrier = new Map<string, number[]>();
  registry.forEach((point, i) => {
    let own = layersByCarrier.get(point.carrier);
    if (!own) {
      own = usable.filter((l) => isSameCarrier(coverage.layers[l].carrier, point.carrier));
      layersByCarrier.set(point.carrier, own);
    }
    if (own.length === 0) {
      unchecked.push(point.id);
      return;
    }
    const containing = own.filter((l) => (coverage.masks[i * coverage.words + (l >> 5)] & (1 << (l & 31))) !== 0);
    const state = states[point.id] ?? initialPointTracking(point.id);
    const claimed = isCoveredStatus(state.status);
    if (containing.length > 0 && !claimed && state.status !== "infeasible_accepted") {
      const layers = containing.map((l) => coverage.layers[l]).sort((a, b) => TECHNOLOGIES.indexOf(a.technology) - TECHNOLOGIES.indexOf(b.technology));
      // For people: "4G", or "3G, 4G", and the day of the newest data as dd/mm/yyyy (never ISO in a sentence).
      const names = [...new Set(layers.map((layer) => layer.technology))].join(", ");
      const newest = layers.reduce<string | null>((latestDay, layer) => (layer.asOf && (!latestDay || layer.asOf > latestDay) ? layer.asOf : latestDay), null);
      const day = newest && /^\d{4}-\d{2}-\d{2}$/.test(newest) ? `${newest.slice(8, 10)}/${newest.slice(5, 7)}/${newest.slice(0, 4)}` : newest;
      proposals.push({
        pointId: point.id,
        carrier: point.carrier,
        currentStatus: state.status,
        layers,
        message: domainMessage("cross_check.coverage_contains", {
          names,
          carrier: point.carrier,
          day: day ? domainMessage("cross_check.data_of", { day }) : "",
          id: point.id,
        }),
      });
    } else if (claimed) {
      // A claim naming a technology needs a layer of at least that technology.
      const claimedRank = state.technology ? TECHNOLOGIES.indexOf(state.technology) : 0;
      const supporting = containing.filter((l) => TECHNOLOGIES.indexOf(coverage.layers[l].technology) >= claimedRank);
      if (supporting.length > 0) return;
      const flag: ClaimFlag = {
        pointId: point.id,
        carrier: point.carrier,
        status: state.status,
        message:
          containing.length === 0
            ? domainMessage("cross_check.claim_outside_coverage", { carrier: point.carrier, id: point.id })
            : domainMessage("cross_check.claim_outside_technology", { carrier: point.carrier, id: point.id, technology: String(state.technology) }),
      };
      if (state.technology) flag.technology = state.technology;
      flags.push(flag);
    }
  });
  return { proposals, flags, unchecked };
}
