/**
 * The page's tracking controller (created once in main.tsx and given to the components through the app context,
 * like the app's store), and the hooks to reach it and read its state.
 * The view can be left and entered again without reloading the data.
 * Tracking files are read in an analysis worker of their own (same script and protocol as the map's), so
 * that a long read, which a cancel stops only when its one domain call returns, never holds up the map's tiles.
 * While a change is not saved, closing the tab asks first (beforeunload).
 */
import { AnalysisClient } from "../../workers/analysis_client.ts";
import { todayStamp } from "../components/download.ts";
import { useApp } from "../app_context.ts";
import { useStore } from "../state/store.ts";
import { parseUrlState } from "../state/url_state.ts";
import { createTrackingController, type TrackingController, type TrackingFileParser, type TrackingState } from "./tracking_controller.ts";

let client: AnalysisClient | null = null;

const workerParser: TrackingFileParser = (input, { signal, onProgress }) => {
  client ??= new AnalysisClient(() => new Worker(new URL("../../workers/analysis.worker.ts", import.meta.url), { type: "module" }));
  return client.request(
    "tracking",
    { input },
    { signal, onProgress: (progress) => onProgress(progress.fraction > 0 && progress.fraction < 1 ? progress.fraction : null) },
  );
};

/**
 * Whether closing the page now would lose a change: a save failed or is still running.
 * @param state - the tracking state
 * @returns true when the browser should ask before closing
 */
export function hasUnsavedChanges(state: Pick<TrackingState, "unsavedCount" | "savesPending">): boolean {
  return state.unsavedCount > 0 || state.savesPending > 0;
}

/**
 * Creates the page's tracking controller: tracking files read in a worker of their own, and a question before the
 * tab is closed while a change is not saved.
 * @returns the controller
 */
export function createPageTrackingController(): TrackingController {
  const browser = typeof window !== "undefined";
  const created = createTrackingController({
    today: todayStamp,
    now: () => new Date().toISOString(),
    sampleNone: browser && parseUrlState(location.search).sampleNone,
    parse: typeof Worker !== "undefined" ? workerParser : undefined,
  });
  if (browser) {
    window.addEventListener("beforeunload", (event) => {
      if (!hasUnsavedChanges(created.store.getState())) return;
      event.preventDefault();
      // Older browsers show the dialog only when returnValue is set.
      event.returnValue = "";
    });
  }
  return created;
}

/**
 * The page's tracking controller, from the app context.
 * @returns the controller
 */
export function useTrackingController(): TrackingController {
  return useApp().tracking;
}

/**
 * Reads a slice of the tracking state and re-renders when it changes.
 * @param selector - picks the slice; return stable references
 * @returns the slice
 */
export function useTracking<S>(selector: (state: TrackingState) => S): S {
  return useStore(useTrackingController().store, selector);
}
