/**
 * Adds up coverage summaries of disjoint point batches (the CLI's streaming mode), so that the
 * merged summary equals the summary of all the points at once.
 */
import { UNKNOWN_IDS_LISTED, type AreaStat, type CoverageSummary, type UnlocatedPoints } from "./summarize_coverage.ts";

/**
 * Merges summaries of disjoint batches analysed with the same analyzer and filter.
 * @param summaries - one summary per batch, in batch order
 * @returns the summary of all the batches' points; areas, kinds and carriers in first-seen order
 * @example
 * ```ts
 * const total = mergeCoverageSummaries(batches.map((batch) => summarizeCoverage(analyzer.analyze(batch), batch, filter)));
 * ```
 */
export function mergeCoverageSummaries(summaries: readonly CoverageSummary[]): CoverageSummary {
  const merged: CoverageSummary = {
    total: 0,
    uncovered: 0,
    singleCarrier: 0,
    covered: 0,
    byProvince: [],
    byCommune: [],
    byKind: [],
    byLayer: [],
    byCarrier: [],
    unlocated: { province: { count: 0, ids: [] }, commune: { count: 0, ids: [] } },
  };
  const provinces = new Map<string, AreaStat>();
  const communes = new Map<string, AreaStat>();
  const kinds = new Map<string, CoverageSummary["byKind"][number]>();
  const layers = new Map<string, CoverageSummary["byLayer"][number]>();
  const carriers = new Map<string, CoverageSummary["byCarrier"][number]>();
  for (const summary of summaries) {
    merged.total += summary.total;
    merged.uncovered += summary.uncovered;
    merged.singleCarrier += summary.singleCarrier;
    merged.covered += summary.covered;
    for (const area of summary.byProvince) addArea(provinces, merged.byProvince, area);
    for (const area of summary.byCommune) addArea(communes, merged.byCommune, area);
    addUnlocated(merged.unlocated.province, summary.unlocated.province);
    addUnlocated(merged.unlocated.commune, summary.unlocated.commune);
    for (const kind of summary.byKind) {
      const entry = kinds.get(kind.kind);
      if (entry) {
        entry.total += kind.total;
        entry.uncovered += kind.uncovered;
      } else {
        const copy = { ...kind };
        kinds.set(kind.kind, copy);
        merged.byKind.push(copy);
      }
    }
    for (const layer of summary.byLayer) {
      const key = `${layer.carrier}\u0000${layer.technology}`;
      const entry = layers.get(key);
      if (entry) {
        entry.covered += layer.covered;
        entry.total += layer.total;
      } else {
        const copy = { ...layer };
        layers.set(key, copy);
        merged.byLayer.push(copy);
      }
    }
    for (const carrier of summary.byCarrier) {
      const entry = carriers.get(carrier.carrier);
      if (entry) {
        entry.covered += carrier.covered;
        entry.uncovered += carrier.uncovered;
        entry.total += carrier.total;
      } else {
        const copy = { ...carrier };
        carriers.set(carrier.carrier, copy);
        merged.byCarrier.push(copy);
      }
    }
  }
  // The Unknown rows stay last, as in one summary.
  for (const list of [merged.byProvince, merged.byCommune]) {
    const at = list.findIndex((area) => area.unknown === true);
    if (at >= 0) list.push(...list.splice(at, 1));
  }
  for (const area of [...merged.byProvince, ...merged.byCommune]) {
    area.percentCovered = area.total === 0 ? 0 : Math.round((1000 * area.covered) / area.total) / 10;
  }
  return merged;
}

function addUnlocated(into: UnlocatedPoints, from: UnlocatedPoints): void {
  into.count += from.count;
  for (const id of from.ids) {
    if (into.ids.length >= UNKNOWN_IDS_LISTED) break;
    into.ids.push(id);
  }
}

function addArea(seen: Map<string, AreaStat>, list: AreaStat[], area: AreaStat): void {
  const key = `${area.code}\u0000${area.name}`;
  const entry = seen.get(key);
  if (entry) {
    entry.total += area.total;
    entry.uncovered += area.uncovered;
    entry.covered += area.covered;
  } else {
    const copy = { ...area };
    seen.set(key, copy);
    list.push(copy);
  }
}
