/**
 * Who is behind: the open listed points ranked by deadline risk, and a completion forecast per carrier and per
 * province at each one's own pace (not one linear pace for the whole list).
 *
 * A point is open when it is neither covered (on air, verified) nor accepted as infeasible. Its risk is ranked,
 * most at risk first, by:
 * 1. the tier: 3 past its deadline; 2 will not make its deadline at its carrier's pace ("không kịp hạn": the
 *    carrier's forecast completion date is after the deadline, or the carrier has no pace); 1 due within 30 days;
 *    0 otherwise (or no deadline);
 * 2. the status: not started or disputed (3), infeasible awaiting a decision or planned (2), under construction (1);
 * 3. the days to the deadline (fewer, or more days past it, first);
 * 4. the distance from the assigned carrier's nearest coverage (farther first; unknown last), then the id.
 */
import { foldLabel } from "./fold.ts";
import { DUE_SOON_DAYS } from "./dashboard.ts";
import { daysBetween } from "./dates.ts";
import type { StatusEvent } from "./events.ts";
import type { ListedPoint } from "./registry.ts";
import type { TrackingStates } from "./replay.ts";
import { isCoveredStatus, type TrackingStatus } from "./status.ts";
import { trackingTimeline, type Forecast } from "./timeline.ts";
import { domainMessage } from "../messages/message.ts";

/** One group's forecast (a carrier or a province). */
export interface GroupForecast extends Forecast {
  /** The carrier, or the province code (its name when it has no code). */
  key: string;
  name: string;
  listed: number;
  covered: number;
  /** Open points whose deadline the group's completion date misses (or with no pace): "không kịp hạn". */
  wontMakeDeadline: number;
  /** Open points already past their deadline. */
  overdue: number;
}

/** Options of the forecasts and the risk table. */
export interface RiskOptions {
  /** The day (today or the as-of date). */
  today: string;
  /** Weeks of history for each pace (default 8, as the overall forecast). */
  forecastWeeks?: number;
  /** First day of the timelines (the list's publication date). */
  from?: string;
}

/** How far an open point is from its assigned carrier's coverage. */
export type AssignedReach = { kind: "inside" } | { kind: "distance"; km: number } | { kind: "beyond" };

/** Why a point is at risk. */
export type RiskReason = "overdue" | "wont_make_deadline" | "due_soon" | "not_started" | "disputed" | "far_from_coverage";

/** One row of the risk table. */
export interface RiskRow {
  pointId: string;
  name: string;
  carrier: string;
  provinceCode?: string;
  province?: string;
  status: TrackingStatus;
  deadline: string | null;
  /** Days from today to the deadline (negative: past it); null without a deadline. */
  daysToDeadline: number | null;
  tier: 0 | 1 | 2 | 3;
  /** The carrier's forecast completion date at its pace (null: no pace). */
  carrierCompletion: string | null;
  /** The province's forecast completion date at its pace. */
  provinceCompletion: string | null;
  /** Open and its deadline comes before its carrier's completion date (or its carrier has no pace). */
  wontMakeDeadline: boolean;
  reach: AssignedReach | null;
  reasons: RiskReason[];
  /** 1-based position in the ranking. */
  rank: number;
}

/** Distances above this count as "far from coverage" among the reasons. */
export const FAR_FROM_COVERAGE_KM = 5;

const STATUS_RISK: Readonly<Record<TrackingStatus, number>> = {
  not_started: 3,
  disputed: 3,
  infeasible: 2,
  planned: 2,
  under_construction: 1,
  on_air: 0,
  verified: 0,
  infeasible_accepted: 0,
};

/**
 * Whether a point still has to be done.
 * @param status - its status
 * @returns true unless covered or accepted as infeasible
 */
export function isOpenStatus(status: TrackingStatus): boolean {
  return !isCoveredStatus(status) && status !== "infeasible_accepted";
}

function provinceKey(point: ListedPoint): string | null {
  if (point.provinceCode) return point.provinceCode;
  if (point.province) return foldLabel(point.province);
  return null;
}

/**
 * The forecast of each carrier or each province at its own pace: trackingTimeline's forecast on that group's points
 * and events only.
 * @param registry - the listed points
 * @param events - the log
 * @param states - the replayed states (for the open and overdue counts)
 * @param by - "carrier" or "province"
 * @param options - today, weeks of history, first day
 * @returns one forecast per group, sorted by name
 */
export function groupForecasts(
  registry: readonly ListedPoint[],
  events: readonly StatusEvent[],
  states: TrackingStates,
  by: "carrier" | "province",
  options: RiskOptions,
): GroupForecast[] {
  const groups = new Map<string, { name: string; points: ListedPoint[] }>();
  for (const point of registry) {
    const key = by === "carrier" ? point.carrier : provinceKey(point);
    if (key === null) continue;
    let group = groups.get(key);
    if (!group) {
      group = { name: by === "carrier" ? point.carrier : (point.province ?? point.provinceCode ?? key), points: [] };
      groups.set(key, group);
    }
    group.points.push(point);
  }
  const eventsByPoint = new Map<string, StatusEvent[]>();
  for (const event of events) {
    const list = eventsByPoint.get(event.pointId);
    if (list) list.push(event);
    else eventsByPoint.set(event.pointId, [event]);
  }
  const result: GroupForecast[] = [];
  for (const [key, group] of groups) {
    const groupEvents = group.points.flatMap((point) => eventsByPoint.get(point.id) ?? []);
    const { forecast } = trackingTimeline(group.points, groupEvents, {
      today: options.today,
      forecastWeeks: options.forecastWeeks,
      from: options.from,
      interval: "week",
    });
    let covered = 0;
    let wontMakeDeadline = 0;
    let overdue = 0;
    for (const point of group.points) {
      const status = states[point.id]?.status ?? "not_started";
      if (isCoveredStatus(status)) covered++;
      if (!isOpenStatus(status) || point.deadline === null) continue;
      if (point.deadline < options.today) overdue++;
      else if (forecast.completionDate === null || forecast.completionDate > point.deadline) wontMakeDeadline++;
    }
    result.push({ ...forecast, key, name: group.name, listed: group.points.length, covered, wontMakeDeadline, overdue });
  }
  return result.sort((a, b) => a.name.localeCompare(b.name, "vi"));
}

/**
 * Compares two risk rows: negative when a is more at risk (see the module for the order).
 * @param a - a row
 * @param b - another row
 * @returns the comparison
 */
export function compareRisk(a: Omit<RiskRow, "rank">, b: Omit<RiskRow, "rank">): number {
  if (a.tier !== b.tier) return b.tier - a.tier;
  const statusA = STATUS_RISK[a.status];
  const statusB = STATUS_RISK[b.status];
  if (statusA !== statusB) return statusB - statusA;
  const daysA = a.daysToDeadline ?? Number.POSITIVE_INFINITY;
  const daysB = b.daysToDeadline ?? Number.POSITIVE_INFINITY;
  if (daysA !== daysB) return daysA < daysB ? -1 : 1;
  const reachA = reachKm(a.reach);
  const reachB = reachKm(b.reach);
  if (reachA !== reachB) return reachA > reachB ? -1 : 1;
  return a.pointId < b.pointId ? -1 : a.pointId > b.pointId ? 1 : 0;
}

/** Inside: 0; a distance: itself; beyond the search (100 km): 1000; unknown: −1 (last). */
function reachKm(reach: AssignedReach | null): number {
  if (reach === null) return -1;
  if (reach.kind === "inside") return 0;
  if (reach.kind === "beyond") return 1000;
  return reach.km;
}

/**
 * Ranks the open points by risk.
 * @param registry - the listed points
 * @param events - the log (for the carriers' and provinces' paces)
 * @param states - the replayed states
 * @param options - today, weeks of history, first day
 * @param reach - per point id, how far it is from its assigned carrier's coverage (when coverage is loaded)
 * @returns the rows, most at risk first, and the forecasts they used
 * @example
 * ```ts
 * const { rows, byCarrier } = rankDeadlineRisk(registry, events, replay(registry, events).states, { today: "2026-11-22" });
 * rows[0].reasons; // e.g. ["overdue", "not_started"]
 * ```
 */
export function rankDeadlineRisk(
  registry: readonly ListedPoint[],
  events: readonly StatusEvent[],
  states: TrackingStates,
  options: RiskOptions,
  reach: ReadonlyMap<string, AssignedReach> = new Map(),
): { rows: RiskRow[]; byCarrier: GroupForecast[]; byProvince: GroupForecast[] } {
  const byCarrier = groupForecasts(registry, events, states, "carrier", options);
  const byProvince = groupForecasts(registry, events, states, "province", options);
  const carrierCompletion = new Map(byCarrier.map((forecast) => [forecast.key, forecast.completionDate]));
  const provinceCompletion = new Map(byProvince.map((forecast) => [forecast.key, forecast.completionDate]));
  const rows: Omit<RiskRow, "rank">[] = [];
  for (const point of registry) {
    const status = states[point.id]?.status ?? "not_started";
    if (!isOpenStatus(status)) continue;
    const days = point.deadline === null ? null : daysBetween(options.today, point.deadline);
    const completion = carrierCompletion.get(point.carrier) ?? null;
    const province = provinceKey(point);
    const wontMake = point.deadline !== null && days !== null && days >= 0 && (completion === null || completion > point.deadline);
    const tier: RiskRow["tier"] = days === null ? 0 : days < 0 ? 3 : wontMake ? 2 : days <= DUE_SOON_DAYS ? 1 : 0;
    const pointReach = reach.get(point.id) ?? null;
    const reasons: RiskReason[] = [];
    if (tier === 3) reasons.push("overdue");
    if (wontMake) reasons.push("wont_make_deadline");
    if (days !== null && days >= 0 && days <= DUE_SOON_DAYS) reasons.push("due_soon");
    if (status === "not_started") reasons.push("not_started");
    if (status === "disputed") reasons.push("disputed");
    if (pointReach !== null && (pointReach.kind === "beyond" || (pointReach.kind === "distance" && pointReach.km > FAR_FROM_COVERAGE_KM)))
      reasons.push("far_from_coverage");
    const row: Omit<RiskRow, "rank"> = {
      pointId: point.id,
      name: point.name,
      carrier: point.carrier,
      status,
      deadline: point.deadline,
      daysToDeadline: days,
      tier,
      carrierCompletion: completion,
      provinceCompletion: province === null ? null : (provinceCompletion.get(province) ?? null),
      wontMakeDeadline: wontMake,
      reach: pointReach,
      reasons,
    };
    if (point.provinceCode !== undefined) row.provinceCode = point.provinceCode;
    if (point.province !== undefined) row.province = point.province;
    rows.push(row);
  }
  rows.sort(compareRisk);
  return { rows: rows.map((row, k) => ({ ...row, rank: k + 1 })), byCarrier, byProvince };
}

/** The reasons' labels, Vietnamese first. */
export const RISK_REASON_LABELS: Readonly<Record<RiskReason, { vi: string; en: string }>> = {
  overdue: domainMessage("risk.overdue"),
  wont_make_deadline: domainMessage("risk.wont_make_deadline"),
  due_soon: domainMessage("risk.due_soon"),
  not_started: domainMessage("risk.not_started"),
  disputed: domainMessage("risk.disputed"),
  far_from_coverage: domainMessage("risk.far_from_coverage", { farFromCoverageKm: FAR_FROM_COVERAGE_KM }),
};

/**
 * The risk table as rows of cells for toCsv (formula-safe there), with a header.
 * @param rows - the ranked rows
 * @param language - the language of the labels
 * @returns header and rows
 */
export function riskTable(rows: readonly RiskRow[], language: "vi" | "en"): { header: string[]; rows: (string | number | null)[][] } {
  const header = [
    "rank",
    "point_id",
    "name",
    "carrier",
    "province",
    "status",
    "deadline",
    "days_to_deadline",
    "carrier_completion",
    "province_completion",
    "wont_make_deadline",
    "assigned_carrier_km",
    "reasons",
  ];
  return {
    header,
    rows: rows.map((row) => [
      row.rank,
      row.pointId,
      row.name,
      row.carrier,
      row.province ?? row.provinceCode ?? "",
      row.status,
      row.deadline ?? "",
      row.daysToDeadline,
      row.carrierCompletion ?? "",
      row.provinceCompletion ?? "",
      row.wontMakeDeadline ? 1 : 0,
      row.reach === null ? "" : row.reach.kind === "inside" ? 0 : row.reach.kind === "beyond" ? ">100" : Math.round(row.reach.km * 100) / 100,
      row.reasons.map((reason) => RISK_REASON_LABELS[reason][language]).join("; "),
    ]),
  };
}
