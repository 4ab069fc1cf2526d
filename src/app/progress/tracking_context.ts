/**
 * The one tracking controller of the page, created on first use, and a hook to read its state.
 * The view can be left and entered again without reloading the data.
 */
import { todayStamp } from "../components/download.ts";
import { useStore } from "../state/store.ts";
import { createTrackingController, type TrackingController, type TrackingState } from "./tracking_controller.ts";

let controller: TrackingController | null = null;

/**
 * The page's tracking controller.
 * @returns the controller (created on the first call)
 */
export function getTrackingController(): TrackingController {
  controller ??= createTrackingController({ today: todayStamp, now: () => new Date().toISOString() });
  return controller;
}

/**
 * Reads a slice of the tracking state and re-renders when it changes.
 * @param selector - picks the slice; return stable references
 * @returns the slice
 */
export function useTracking<S>(selector: (state: TrackingState) => S): S {
  return useStore(getTrackingController().store, selector);
}
