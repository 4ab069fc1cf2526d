/**
 * How far each listed point is from its assigned carrier's coverage: inside it, a distance in km, or beyond the
 * search radius. The CLI measures it here; the app measures the distances in its worker (`nearest` request) and
 * combines them the same way (tracking_view.ts).
 */
import { buildCoverageIndex } from "../spatial/coverage_index.ts";
import { buildNearestCoverageIndex, nearestCoverage } from "../spatial/nearest_coverage.ts";
import { TECHNOLOGIES, type CoverageFeature, type Technology } from "../types.ts";
import { isSameCarrier } from "./carriers.ts";
import { computeRegistryCoverage } from "./cross_check.ts";
import type { ListedPoint } from "./registry.ts";
import type { AssignedReach } from "./risk.ts";

/**
 * Measures, for the given listed points, the reach of their assigned carrier's coverage.
 * @param registry - the listed points to measure
 * @param coverage - the coverage features
 * @param options - only coverage at or above this technology counts; maxKm: search radius (default 100)
 * @returns per point id, inside / distance / beyond
 */
export function measureAssignedReach(
  registry: readonly ListedPoint[],
  coverage: readonly CoverageFeature[],
  options: { technology?: Technology; maxKm?: number } = {},
): Map<string, AssignedReach> {
  const minimum = options.technology ? TECHNOLOGIES.indexOf(options.technology) : 0;
  const counted = coverage.filter((feature) => TECHNOLOGIES.indexOf(feature.technology) >= minimum);
  const masks = computeRegistryCoverage(registry, buildCoverageIndex(counted));
  const nearest = buildNearestCoverageIndex(counted);
  const reach = new Map<string, AssignedReach>();
  registry.forEach((point, i) => {
    const base = i * masks.words;
    const inside = masks.layers.some((layer, l) => isSameCarrier(layer.carrier, point.carrier) && ((masks.masks[base + (l >> 5)] >>> (l & 31)) & 1) === 1);
    if (inside) {
      reach.set(point.id, { kind: "inside" });
      return;
    }
    const found = nearestCoverage(nearest, point.lon, point.lat, { maxKm: options.maxKm }).find((entry) => isSameCarrier(entry.carrier, point.carrier));
    reach.set(point.id, found ? { kind: "distance", km: found.km } : { kind: "beyond" });
  });
  return reach;
}
