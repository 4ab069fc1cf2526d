/**
 * The sample registry and events replayed by the domain in Node, as the app loads them on first start: what the
 * tracking specs compare the dashboard with.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  parseRegistryCsv,
  replay,
  trackingSummary,
  type ListedPoint,
  type StatusEvent,
  type TrackingStates,
  type TrackingSummary,
} from "../../src/domain/index.ts";
import { readSampleEvents } from "../../src/app/tracking/sample_events.ts";
import { todayInVietnam } from "./assert.ts";

export interface SampleTracking {
  registry: ListedPoint[];
  events: StatusEvent[];
  states: TrackingStates;
  summary: TrackingSummary;
}

/**
 * Reads data/sample's registry and events and replays them to today (in Viet Nam).
 * @param root - the project folder
 * @returns the registry, the events, the states and the dashboard's figures
 */
export function sampleTracking(root: string): SampleTracking {
  const registry = parseRegistryCsv(readFileSync(join(root, "data/sample/dead_zones.csv")), { file: "dead_zones.csv" }).items;
  const { events } = readSampleEvents(JSON.parse(readFileSync(join(root, "data/sample/events.json"), "utf8")));
  const today = todayInVietnam();
  const { states } = replay(registry, events, today);
  return { registry, events, states, summary: trackingSummary(registry, states, today) };
}
