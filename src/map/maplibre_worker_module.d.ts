/** MapLibre's worker bundle: its default export is the class that serves one worker scope. */
declare module "maplibre-gl/dist/maplibre-gl-worker.mjs" {
  export default class MapLibreWorker {
    constructor(scope: unknown);
  }
}
