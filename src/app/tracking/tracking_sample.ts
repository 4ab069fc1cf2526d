/**
 * The bundled sample: the listed dead zones and a few months of status events, loaded on first start so
 * the dashboard and the chart show a real picture. Both are synthetic (see data/SOURCES.md).
 */
import sampleRegistryUrl from "../../../data/sample/dead_zones.csv?url";
import sampleEventsUrl from "../../../data/sample/events.json?url";
import { parseRegistryCsv } from "../../domain/tracking/parse_registry.ts";
import { readSampleEvents } from "./sample_events.ts";
import type { SavedRegistry } from "./tracking_storage.ts";
import type { StatusEvent } from "../../domain/tracking/events.ts";

export const SAMPLE_REGISTRY_FILE = "dead_zones.csv";

/**
 * Fetches and reads the bundled sample registry and events.
 * @returns the registry (with its origin) and the events
 */
export async function fetchSampleTracking(): Promise<{ registry: SavedRegistry; events: StatusEvent[] }> {
  const [registryResponse, eventsResponse] = await Promise.all([fetch(sampleRegistryUrl), fetch(sampleEventsUrl)]);
  if (!registryResponse.ok) throw new Error(`${SAMPLE_REGISTRY_FILE}: HTTP ${registryResponse.status}`);
  if (!eventsResponse.ok) throw new Error(`events.json: HTTP ${eventsResponse.status}`);
  const parsed = parseRegistryCsv(new Uint8Array(await registryResponse.arrayBuffer()), { file: SAMPLE_REGISTRY_FILE });
  const sample = readSampleEvents(await eventsResponse.json());
  const registry: SavedRegistry = { registry: parsed.items, file: SAMPLE_REGISTRY_FILE, isSample: true };
  if (sample.listPublishedOn) registry.listPublishedOn = sample.listPublishedOn;
  return { registry, events: sample.events };
}
