/**
 * Entry point: reads the URL, creates the store, the worker client and the controller, renders.
 */
import "../zod_config.ts";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { setMapTileWorker } from "../map/map_data.ts";
import { AnalysisClient } from "../workers/analysis_client.ts";
import { App } from "./App.tsx";
import { AppContext } from "./app_context.ts";
import { createController } from "./state/controller.ts";
import { createPageTrackingController } from "./tracking/tracking_context.ts";
import { createStore, type AppState } from "./state/store.ts";
import { initialAppState } from "./state/updaters.ts";
import { startUrlSync } from "./state/url_sync.ts";
import { browserPreferenceStorage, readPreferences, startPreferenceSync } from "./state/preferences.ts";
import { parseUrlState } from "./state/url_state.ts";
import "./styles.css";

const url = parseUrlState(location.search);
const store = createStore<AppState>(initialAppState(url, readPreferences(browserPreferenceStorage)));
const client = new AnalysisClient(() => new Worker(new URL("../workers/analysis.worker.ts", import.meta.url), { type: "module" }));
const controller = createController(store, client);
const tracking = createPageTrackingController();
// The map's coverage raster tiles are drawn by the analysis worker, which holds the coverage.
setMapTileWorker({
  tile: async (tile) => (await client.request("tile", tile)).image,
  points: async (version) => (await client.request("mapPoints", { version })).points,
});
startUrlSync(store);
startPreferenceSync(store, browserPreferenceStorage);

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <AppContext.Provider value={{ store, controller, tracking }}>
      <App />
    </AppContext.Provider>
  </StrictMode>,
);
void controller.start();
