/**
 * What the measurements panel asks the tracking map to draw (measurements, findings) and where to fly: a tiny
 * external store, so the panel and the map beside it share it without the tracking view holding it.
 */
import type { FlyTarget, MeasurementOverlay } from "../../map/measurement_layers.ts";
import { createSharedValue } from "../state/shared_value.ts";

/** The overlay (null: hidden) and the last fly request. */
export interface MeasurementMapState {
  overlay: MeasurementOverlay | null;
  fly: FlyTarget | null;
}

const shared = createSharedValue<MeasurementMapState>({ overlay: null, fly: null });

/**
 * Updates the state.
 * @param next - the fields to change
 */
export function setMeasurementMap(next: Partial<MeasurementMapState>): void {
  shared.set({ ...shared.get(), ...next });
}

/**
 * Asks the map to fly to a position.
 * @param lon - longitude
 * @param lat - latitude
 * @param radiusKm - the distance around it to show
 */
export function flyMeasurementMap(lon: number, lat: number, radiusKm: number): void {
  setMeasurementMap({ fly: { lon, lat, radiusKm, seq: (shared.get().fly?.seq ?? 0) + 1 } });
}

/** The overlay and the fly target, re-rendering when they change. */
export const useMeasurementMap = shared.use;
