/**
 * Dashboard figures: listed, covered (on_air + verified), verified, overdue, due in the next 30 days,
 * overall, per carrier, per province and per commune, as counts and as percentages of the list.
 *
 * The figure objects use snake_case keys because they are written as they are to the summary JSON
 * (`npm run cli -- progress --summary`), which departments read in scripts and spreadsheets.
 */
import { addDays, daysBetween } from "./dates.ts";
import type { ListedPoint } from "./registry.ts";
import { initialPointTracking, type TrackingStates } from "./replay.ts";
import { PROGRESS_STATUSES, isCoveredStatus, type TrackingStatus } from "./status.ts";

/** How many days ahead "due soon" looks. */
export const DUE_SOON_DAYS = 30;

export interface TrackingFigures {
  listed: number;
  /** on_air + verified. */
  covered: number;
  verified: number;
  /** Deadline before today, not covered, not accepted as infeasible. */
  overdue: number;
  /** Deadline from today to today + 30 days, not covered, not accepted as infeasible. */
  due_30_days: number;
  /** Accepted as infeasible by the department: out of the overdue count, counted here. */
  infeasible_accepted: number;
  /** Count per status (every status present, zero included). */
  by_status: Record<TrackingStatus, number>;
  /** Percentages of `listed`, one decimal; 0 when nothing is listed. */
  percent_covered: number;
  percent_verified: number;
  percent_overdue: number;
  percent_due_30_days: number;
}

export interface CarrierFigures extends TrackingFigures {
  carrier: string;
}

export interface AreaFigures extends TrackingFigures {
  /** The area's code, or its name when the list gives no code; "" for points with no area. */
  code: string;
  name: string;
  /** For a commune: its province's name, when known. */
  province?: string;
}

export interface TrackingSummary extends TrackingFigures {
  /** The day the figures are computed for (overdue and due soon are relative to it). */
  today: string;
  by_carrier: CarrierFigures[];
  by_province: AreaFigures[];
  by_commune: AreaFigures[];
}

interface Tally {
  listed: number;
  covered: number;
  verified: number;
  overdue: number;
  due: number;
  accepted: number;
  byStatus: Record<TrackingStatus, number>;
}

function emptyTally(): Tally {
  const byStatus = {} as Record<TrackingStatus, number>;
  for (const status of PROGRESS_STATUSES) byStatus[status] = 0;
  return { listed: 0, covered: 0, verified: 0, overdue: 0, due: 0, accepted: 0, byStatus };
}

function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((1000 * part) / whole) / 10;
}

function toFigures(tally: Tally): TrackingFigures {
  return {
    listed: tally.listed,
    covered: tally.covered,
    verified: tally.verified,
    overdue: tally.overdue,
    due_30_days: tally.due,
    infeasible_accepted: tally.accepted,
    by_status: tally.byStatus,
    percent_covered: percent(tally.covered, tally.listed),
    percent_verified: percent(tally.verified, tally.listed),
    percent_overdue: percent(tally.overdue, tally.listed),
    percent_due_30_days: percent(tally.due, tally.listed),
  };
}

/**
 * Tells whether a point is overdue on a day: its deadline has passed and it is neither covered nor
 * accepted as infeasible.
 * @param point - the listed point
 * @param status - its current status
 * @param today - YYYY-MM-DD
 * @returns true when overdue
 */
export function isOverdue(point: ListedPoint, status: TrackingStatus, today: string): boolean {
  return point.deadline !== null && point.deadline < today && !isCoveredStatus(status) && status !== "infeasible_accepted";
}

/**
 * Tells whether a point is due within the next 30 days (deadline today included) and still open.
 * @param point - the listed point
 * @param status - its current status
 * @param today - YYYY-MM-DD
 * @returns true when due soon
 */
export function isDueSoon(point: ListedPoint, status: TrackingStatus, today: string): boolean {
  return (
    point.deadline !== null &&
    point.deadline >= today &&
    point.deadline <= addDays(today, DUE_SOON_DAYS) &&
    !isCoveredStatus(status) &&
    status !== "infeasible_accepted"
  );
}

/**
 * Computes the dashboard figures overall, per carrier, per province and per commune.
 * @param registry - the listed points
 * @param states - their states (from replay, possibly as of a date)
 * @param today - the day overdue and due soon are counted from (the as-of date when looking back)
 * @returns the summary; areas and carriers sorted by name
 * @example
 * ```ts
 * const summary = trackingSummary(registry, replay(registry, events).states, "2026-11-22");
 * summary.percent_covered; // e.g. 62.5
 * ```
 */
export function trackingSummary(registry: readonly ListedPoint[], states: TrackingStates, today: string): TrackingSummary {
  const total = emptyTally();
  const carriers = new Map<string, Tally>();
  const provinces = new Map<string, { name: string; tally: Tally }>();
  const communes = new Map<string, { code: string; name: string; province?: string; tally: Tally }>();
  for (const point of registry) {
    const status = (states[point.id] ?? initialPointTracking(point.id)).status;
    const tallies = [total];
    let carrier = carriers.get(point.carrier);
    if (!carrier) carriers.set(point.carrier, (carrier = emptyTally()));
    tallies.push(carrier);
    const provinceKey = point.provinceCode || point.province || "";
    let province = provinces.get(provinceKey);
    if (!province) provinces.set(provinceKey, (province = { name: point.province ?? point.provinceCode ?? "", tally: emptyTally() }));
    tallies.push(province.tally);
    const communeCode = point.communeCode || point.commune || "";
    const communeKey = point.communeCode ? point.communeCode : `${provinceKey}\u0000${point.commune ?? ""}`;
    let commune = communes.get(communeKey);
    if (!commune)
      communes.set(
        communeKey,
        (commune = { code: communeCode, name: point.commune ?? point.communeCode ?? "", province: point.province, tally: emptyTally() }),
      );
    tallies.push(commune.tally);
    const covered = isCoveredStatus(status);
    const overdue = isOverdue(point, status, today);
    const due = isDueSoon(point, status, today);
    for (const tally of tallies) {
      tally.listed++;
      tally.byStatus[status]++;
      if (covered) tally.covered++;
      if (status === "verified") tally.verified++;
      if (status === "infeasible_accepted") tally.accepted++;
      if (overdue) tally.overdue++;
      if (due) tally.due++;
    }
  }
  const byName = <T extends { name: string; code: string }>(a: T, b: T) => a.name.localeCompare(b.name, "vi") || a.code.localeCompare(b.code);
  return {
    today,
    ...toFigures(total),
    by_carrier: [...carriers].map(([carrier, tally]) => ({ carrier, ...toFigures(tally) })).sort((a, b) => a.carrier.localeCompare(b.carrier, "vi")),
    by_province: [...provinces].map(([code, entry]) => ({ code, name: entry.name, ...toFigures(entry.tally) })).sort(byName),
    by_commune: [...communes.values()]
      .map((entry) => {
        const figures: AreaFigures = { code: entry.code, name: entry.name, ...toFigures(entry.tally) };
        if (entry.province) figures.province = entry.province;
        return figures;
      })
      .sort(byName),
  };
}

/** One overdue point, for the overdue list. */
export interface OverdueItem {
  pointId: string;
  name: string;
  carrier: string;
  province?: string;
  commune?: string;
  deadline: string;
  status: TrackingStatus;
  daysOverdue: number;
}

/**
 * Lists the overdue points, most overdue first (then by carrier and id).
 * @param registry - the listed points
 * @param states - their states
 * @param today - YYYY-MM-DD
 * @returns the overdue points with their days overdue
 */
export function listOverdue(registry: readonly ListedPoint[], states: TrackingStates, today: string): OverdueItem[] {
  const items: OverdueItem[] = [];
  for (const point of registry) {
    const status = (states[point.id] ?? initialPointTracking(point.id)).status;
    if (!isOverdue(point, status, today)) continue;
    const item: OverdueItem = {
      pointId: point.id,
      name: point.name,
      carrier: point.carrier,
      deadline: point.deadline as string,
      status,
      daysOverdue: daysBetween(point.deadline as string, today),
    };
    if (point.province) item.province = point.province;
    if (point.commune) item.commune = point.commune;
    items.push(item);
  }
  return sortOverdue(items, "days");
}

/**
 * Sorts an overdue list by days overdue (most first) or by carrier (then most overdue first).
 * @param items - the list (not modified)
 * @param by - "days" or "carrier"
 * @returns a new sorted array; ties broken by point id
 */
export function sortOverdue(items: readonly OverdueItem[], by: "days" | "carrier"): OverdueItem[] {
  return [...items].sort((a, b) =>
    by === "carrier"
      ? a.carrier.localeCompare(b.carrier, "vi") || b.daysOverdue - a.daysOverdue || a.pointId.localeCompare(b.pointId)
      : b.daysOverdue - a.daysOverdue || a.carrier.localeCompare(b.carrier, "vi") || a.pointId.localeCompare(b.pointId),
  );
}
