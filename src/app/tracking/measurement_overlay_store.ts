/**
 * What the measurements panel asks the tracking map to draw (measurements, findings) and where to fly: a tiny
 * external store, so the panel and the map beside it share it without the tracking view holding it.
 */
import { useSyncExternalStore } from "react";
import type { FlyTarget, MeasurementOverlay } from "../../map/measurement_layers.ts";

/** The overlay (null: hidden) and the last fly request. */
export interface MeasurementMapState {
  overlay: MeasurementOverlay | null;
  fly: FlyTarget | null;
}

let current: MeasurementMapState = { overlay: null, fly: null };
const listeners = new Set<() => void>();

/**
 * Updates the state.
 * @param next - the fields to change
 */
export function setMeasurementMap(next: Partial<MeasurementMapState>): void {
  current = { ...current, ...next };
  for (const listener of listeners) listener();
}

/**
 * Asks the map to fly to a position.
 * @param lon - longitude
 * @param lat - latitude
 * @param radiusKm - the distance around it to show
 */
export function flyMeasurementMap(lon: number, lat: number, radiusKm: number): void {
  setMeasurementMap({ fly: { lon, lat, radiusKm, seq: (current.fly?.seq ?? 0) + 1 } });
}

function getState(): MeasurementMapState {
  return current;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * The state, re-rendering when it changes.
 * @returns overlay and fly target
 */
export function useMeasurementMap(): MeasurementMapState {
  return useSyncExternalStore(subscribe, getState, getState);
}
