/**
 * Progress over time, from the events: covered and verified counts per day or week, the deadlines,
 * and a forecast of the completion date at the current pace.
 */
import { addDays, daysBetween, startOfWeek } from "./dates.ts";
import type { StatusEvent } from "./events.ts";
import type { ListedPoint } from "./registry.ts";
import { replay } from "./replay.ts";
import { isCoveredStatus } from "./status.ts";

/** At most this many samples are produced (ten years of days); longer spans are cut at the start. */
const MAX_SAMPLES = 3660;

export interface TimelineSample {
  /** The day the counts are taken at (the last day of the bucket; today for the last one). */
  date: string;
  covered: number;
  verified: number;
}

export interface Forecast {
  /** Weeks of history the pace is measured over. */
  basedOnWeeks: number;
  /** Points newly covered per week over those weeks (net of disputes). */
  pacePerWeek: number;
  /** Listed points neither covered nor accepted as infeasible. */
  remaining: number;
  /** The day everything is covered at this pace; today when nothing remains; null when the pace is zero or negative. */
  completionDate: string | null;
  /** The latest deadline in the list, and whether the forecast makes it (false with no progress; null with no deadline). */
  latestDeadline: string | null;
  onTrack: boolean | null;
}

export interface TrackingTimeline {
  interval: "day" | "week";
  samples: TimelineSample[];
  /** How many listed points fall due on each deadline, by date. */
  deadlines: { date: string; count: number }[];
  forecast: Forecast;
}

export interface TimelineOptions {
  /** The last day (usually today, or the as-of date). Events after it are ignored. */
  today: string;
  /** Bucket size; default "week" (weeks start on Monday, the ISO convention used in Vietnam). */
  interval?: "day" | "week";
  /** First day of the chart; default the list's publication date, else the first event's date. */
  from?: string;
  /** Weeks of history for the pace; default 8. */
  forecastWeeks?: number;
}

/**
 * Builds the chart data: covered (on_air + verified) and verified counts over time, the deadlines, and a
 * linear forecast of the completion date from the pace over the last weeks.
 * @param registry - the listed points
 * @param events - the log
 * @param options - today, interval, first day, weeks for the pace
 * @returns samples, deadlines and the forecast
 * @example
 * ```ts
 * const timeline = trackingTimeline(registry, events, { today: "2026-11-22", interval: "week" });
 * timeline.forecast.completionDate; // e.g. "2027-02-14", or null with no progress
 * ```
 */
export function trackingTimeline(registry: readonly ListedPoint[], events: readonly StatusEvent[], options: TimelineOptions): TrackingTimeline {
  const interval = options.interval ?? "week";
  const { states } = replay(registry, events, options.today);
  // Net change in covered and verified counts per day, from each point's applied history.
  const coveredDelta = new Map<string, number>();
  const verifiedDelta = new Map<string, number>();
  const bump = (map: Map<string, number>, date: string, delta: number) => map.set(date, (map.get(date) ?? 0) + delta);
  let firstDate: string | null = null;
  let accepted = 0;
  let coveredNow = 0;
  for (const point of registry) {
    const state = states[point.id];
    if (!state) continue;
    let wasCovered = false;
    let wasVerified = false;
    for (const event of state.history) {
      if (firstDate === null || event.date < firstDate) firstDate = event.date;
      const covered = isCoveredStatus(event.status);
      const verified = event.status === "verified";
      if (covered !== wasCovered) bump(coveredDelta, event.date, covered ? 1 : -1);
      if (verified !== wasVerified) bump(verifiedDelta, event.date, verified ? 1 : -1);
      wasCovered = covered;
      wasVerified = verified;
    }
    if (isCoveredStatus(state.status)) coveredNow++;
    if (state.status === "infeasible_accepted") accepted++;
  }
  const countAt = (map: Map<string, number>, date: string) => {
    let sum = 0;
    for (const [day, delta] of map) if (day <= date) sum += delta;
    return sum;
  };
  let from = options.from ?? firstDate ?? options.today;
  if (from > options.today) from = options.today;
  const sampleDates = bucketEnds(from, options.today, interval);
  // Cumulative sums over sorted days, walked once for all samples.
  const days = [...new Set([...coveredDelta.keys(), ...verifiedDelta.keys()])].sort();
  const samples: TimelineSample[] = [];
  let dayIndex = 0;
  let covered = 0;
  let verified = 0;
  for (const date of sampleDates) {
    while (dayIndex < days.length && days[dayIndex] <= date) {
      covered += coveredDelta.get(days[dayIndex]) ?? 0;
      verified += verifiedDelta.get(days[dayIndex]) ?? 0;
      dayIndex++;
    }
    samples.push({ date, covered, verified });
  }
  const deadlineCounts = new Map<string, number>();
  for (const point of registry) if (point.deadline) deadlineCounts.set(point.deadline, (deadlineCounts.get(point.deadline) ?? 0) + 1);
  const deadlines = [...deadlineCounts].map(([date, count]) => ({ date, count })).sort((a, b) => (a.date < b.date ? -1 : 1));

  const weeks = Math.max(1, Math.floor(options.forecastWeeks ?? 8));
  const pastCovered = countAt(coveredDelta, addDays(options.today, -7 * weeks));
  const pacePerWeek = (coveredNow - pastCovered) / weeks;
  const remaining = registry.length - coveredNow - accepted;
  const completionDate = remaining <= 0 ? options.today : pacePerWeek > 0 ? addDays(options.today, Math.ceil((remaining / pacePerWeek) * 7)) : null;
  const latestDeadline = deadlines.length > 0 ? deadlines[deadlines.length - 1].date : null;
  return {
    interval,
    samples,
    deadlines,
    forecast: {
      basedOnWeeks: weeks,
      pacePerWeek: Math.round(pacePerWeek * 100) / 100,
      remaining: Math.max(0, remaining),
      completionDate,
      latestDeadline,
      onTrack: latestDeadline === null ? null : completionDate === null ? false : completionDate <= latestDeadline,
    },
  };
}

function bucketEnds(from: string, to: string, interval: "day" | "week"): string[] {
  const dates: string[] = [];
  if (interval === "day") {
    const start = daysBetween(from, to) >= MAX_SAMPLES ? addDays(to, -(MAX_SAMPLES - 1)) : from;
    for (let date = start; date <= to; date = addDays(date, 1)) dates.push(date);
    return dates;
  }
  let end = addDays(startOfWeek(from), 6);
  if (daysBetween(end, to) / 7 >= MAX_SAMPLES) end = addDays(startOfWeek(addDays(to, -7 * (MAX_SAMPLES - 1))), 6);
  for (; end < to; end = addDays(end, 7)) dates.push(end);
  dates.push(to);
  return dates;
}
