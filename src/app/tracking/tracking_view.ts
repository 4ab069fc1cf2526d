/**
 * What the tracking view shows, computed from the data with the domain's functions: the log seen by the
 * chosen role, the replayed states (as of a day), the dashboard figures, the overdue list and the timeline.
 * Pure functions, no React: unit-tested in Node.
 */
import { foldForSearch } from "../../domain/parse/fold_for_search.ts";
import { isSameCarrier } from "../../domain/tracking/carriers.ts";
import { listOverdue, trackingSummary, type OverdueItem, type TrackingSummary } from "../../domain/tracking/dashboard.ts";
import type { Actor, StatusEvent } from "../../domain/tracking/events.ts";
import type { ListedPoint } from "../../domain/tracking/registry.ts";
import { replay, type InvalidEvent, type TrackingStates } from "../../domain/tracking/replay.ts";
import { trackingTimeline, type TrackingTimeline } from "../../domain/tracking/timeline.ts";
import type { RegistryCoverage } from "../../domain/tracking/cross_check.ts";
import type { CoverageLayerInfo, Point } from "../../domain/types.ts";

/** Who is using the view: the department (the Sở KH&CN, formerly Sở TT&TT) or one carrier. */
export type TrackingRole = { role: "department" } | { role: "carrier"; carrier: string };

/**
 * The actor a role records changes as.
 * @param role - the role
 * @returns the domain actor
 */
export function roleActor(role: TrackingRole): Actor {
  return role.role === "carrier" ? { role: "carrier", carrier: role.carrier } : { role: "department" };
}

/**
 * Encodes a role for a select box value.
 * @param role - the role
 * @returns "department" or "carrier:<name>"
 */
export function roleToValue(role: TrackingRole): string {
  return role.role === "carrier" ? `carrier:${role.carrier}` : "department";
}

/**
 * Decodes a select box value.
 * @param value - "department" or "carrier:<name>"
 * @returns the role
 */
export function roleFromValue(value: string): TrackingRole {
  return value.startsWith("carrier:") ? { role: "carrier", carrier: value.slice("carrier:".length) } : { role: "department" };
}

/**
 * A carrier's recorded changes that the department's log does not have yet.
 * @param events - the department's log
 * @param outbox - every carrier's recorded changes
 * @param carrier - the carrier
 * @returns its pending changes, in the order recorded
 */
export function pendingChanges(events: readonly StatusEvent[], outbox: readonly StatusEvent[], carrier: string): StatusEvent[] {
  const known = new Set(events.map((event) => event.id));
  return outbox.filter((event) => event.actor.role === "carrier" && isSameCarrier(event.actor.carrier, carrier) && !known.has(event.id));
}

/**
 * The name of a carrier's update file, e.g. cap-nhat-viettel-2026-11-21.csv.
 * @param carrier - the carrier
 * @param date - YYYY-MM-DD
 * @param extension - "csv" or "json"
 * @returns the file name (lower case, no accents, no spaces)
 */
export function updateFileName(carrier: string, date: string, extension: "csv" | "json"): string {
  const slug =
    foldForSearch(carrier)
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "") || "nha-mang";
  return `cap-nhat-${slug}-${date}.${extension}`;
}

export interface TrackingViewInput {
  registry: readonly ListedPoint[];
  events: readonly StatusEvent[];
  outbox: readonly StatusEvent[];
  role: TrackingRole;
  /** YYYY-MM-DD, or null for today. */
  asOf: string | null;
  today: string;
  listPublishedOn?: string;
}

export interface TrackingView {
  /** The day shown: the as-of date, or today. */
  date: string;
  /** The department's log, plus the carrier's own pending changes in the carrier role. */
  log: StatusEvent[];
  /** How many of the carrier's pending changes are included in `log`. */
  pendingCount: number;
  /** The points the role sees: all, or the carrier's own. */
  points: ListedPoint[];
  states: TrackingStates;
  invalid: InvalidEvent[];
  summary: TrackingSummary;
  overdue: OverdueItem[];
  timeline: TrackingTimeline;
}

/**
 * Computes everything the view shows for a role and a day.
 * @param input - data, role, as-of date and today
 * @returns the view
 */
export function computeTrackingView(input: TrackingViewInput): TrackingView {
  const date = input.asOf && input.asOf < input.today ? input.asOf : input.today;
  const pending = input.role.role === "carrier" ? pendingChanges(input.events, input.outbox, input.role.carrier) : [];
  const log = [...input.events, ...pending];
  const points =
    input.role.role === "carrier"
      ? input.registry.filter((point) => isSameCarrier(point.carrier, (input.role as { carrier: string }).carrier))
      : [...input.registry];
  const replayed = replay(input.registry, log, date);
  const summary = trackingSummary(points, replayed.states, date);
  const overdue = listOverdue(points, replayed.states, date);
  const timeline = trackingTimeline(points, log, { today: date, interval: "week", from: input.listPublishedOn });
  return { date, log, pendingCount: pending.length, points, states: replayed.states, invalid: replayed.invalid, summary, overdue, timeline };
}

/**
 * Days from a day to a deadline.
 * @param deadline - YYYY-MM-DD or null
 * @param date - YYYY-MM-DD
 * @returns deadline − date in days (negative = overdue), or null with no deadline
 */
export function daysLeft(deadline: string | null, date: string): number | null {
  if (!deadline) return null;
  return Math.round((Date.parse(`${deadline}T00:00:00Z`) - Date.parse(`${date}T00:00:00Z`)) / 86_400_000);
}

/**
 * How many events of the log are in no backup yet: those after the last backup and after the events the
 * data came with (the sample, or a restored backup).
 * @param state - the log, the backup mark and the registry's baseline count
 * @returns the count (0 when everything is backed up)
 */
export function countUnbackedEvents(state: {
  events: readonly unknown[];
  backup: { eventCount: number } | null;
  registry: { baselineEventCount?: number };
}): number {
  const safe = Math.max(state.backup?.eventCount ?? 0, state.registry.baselineEventCount ?? 0);
  return Math.max(0, state.events.length - safe);
}

/**
 * Reuses the app's analysis for the cross-check when every listed point links to a loaded point (its
 * `point_id`, or the same id): the coverage masks of those points, so no index is built on the main thread.
 * @param registry - the listed points
 * @param points - the app's loaded points
 * @param analysis - the app's analysis of those points (layers, words, masks)
 * @returns one mask row per listed point, or null when some listed point has no loaded counterpart
 */
export function registryCoverageFromAnalysis(
  registry: readonly ListedPoint[],
  points: readonly Point[],
  analysis: { layers: readonly CoverageLayerInfo[]; words: number; masks: Uint32Array },
): RegistryCoverage | null {
  const indexById = new Map<string, number>();
  points.forEach((point, index) => indexById.set(point.id, index));
  const words = analysis.words;
  const masks = new Uint32Array(registry.length * words);
  for (let i = 0; i < registry.length; i++) {
    const index = indexById.get(registry[i].pointId ?? registry[i].id);
    if (index === undefined) return null;
    masks.set(analysis.masks.subarray(index * words, (index + 1) * words), i * words);
  }
  return { layers: analysis.layers, words, masks };
}

/** How far an overdue point is from its assigned carrier's coverage: inside it, a distance in km, or beyond the search. */
export type AssignedReach = { kind: "inside" } | { kind: "distance"; km: number } | { kind: "beyond" };

/**
 * For each overdue point, how far its assigned carrier's coverage is: "inside" when the carrier's loaded coverage
 * already contains it (then the claim is due), else the distance measured by the worker, or "beyond" the search.
 * @param registry - the listed points
 * @param overdue - the overdue items shown
 * @param coverage - which loaded layers contain each listed point (parallel to `registry`)
 * @param distances - per overdue item (same order), each carrier's distance in km, nearest first
 * @returns the reach per point id
 */
export function assignedCarrierReach(
  registry: readonly ListedPoint[],
  overdue: readonly OverdueItem[],
  coverage: RegistryCoverage,
  distances: readonly (readonly { carrier: string; km: number }[])[],
): Map<string, AssignedReach> {
  const indexOf = new Map(registry.map((point, index) => [point.id, index]));
  const reach = new Map<string, AssignedReach>();
  overdue.forEach((item, k) => {
    const index = indexOf.get(item.pointId);
    if (index === undefined) return;
    const base = index * coverage.words;
    const inside = coverage.layers.some((layer, l) => isSameCarrier(layer.carrier, item.carrier) && ((coverage.masks[base + (l >> 5)] >>> (l & 31)) & 1) === 1);
    if (inside) {
      reach.set(item.pointId, { kind: "inside" });
      return;
    }
    const found = (distances[k] ?? []).find((entry) => isSameCarrier(entry.carrier, item.carrier));
    reach.set(item.pointId, found ? { kind: "distance", km: found.km } : { kind: "beyond" });
  });
  return reach;
}
