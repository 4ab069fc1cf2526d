/**
 * One place that points MapLibre at its worker: our wrapper (maplibre_worker.ts) around MapLibre's
 * own, self-hosted, so the app runs under a strict CSP. Imported by every module that creates a map.
 */
import { setWorkerUrl } from "maplibre-gl";
import workerUrl from "./maplibre_worker.ts?worker&url";

setWorkerUrl(workerUrl);
