/**
 * What both maps (the coverage-gap map, MapView, and the tracking map) set up the same way: a MapLibre map on the
 * offline basemap of layers.ts, flat (no rotation, no pitch), its drawing kept for the printed reports and the PNG
 * export, and the hook-up that lets those reports read it and the map tell a lost drawing context.
 */
import { Map as MapLibreMap, NavigationControl, type MapOptions } from "maplibre-gl";
import { VIETNAM_VIEW_BOUNDS, buildBaseStyle } from "./layers.ts";
import { mapSnapshotSource, registerMapSnapshot, type MapName } from "./map_snapshot.ts";

export interface BoundaryUrls {
  provinces: string;
  communes: string;
  archipelagos: string;
}

/**
 * Creates the map, with the zoom buttons. MapLibre throws when it cannot get a WebGL 2 context: the caller
 * catches that and says so (no separate probe, which would cost as much as the map's own context).
 * @param container - the element the map fills
 * @param boundaryUrls - the offline boundary files of the basemap
 * @param camera - where it opens; the whole of Viet Nam when absent
 * @param options - what the one map sets beyond these (resizing, locale)
 * @returns the map
 */
export function createBaseMap(
  container: HTMLElement,
  boundaryUrls: BoundaryUrls,
  camera: { lon: number; lat: number; zoom: number } | undefined,
  options: Partial<MapOptions> = {},
): MapLibreMap {
  const map = new MapLibreMap({
    container,
    style: buildBaseStyle({ provincesUrl: boundaryUrls.provinces, communesUrl: boundaryUrls.communes, archipelagosUrl: boundaryUrls.archipelagos }),
    ...(camera ? { center: [camera.lon, camera.lat] as [number, number], zoom: camera.zoom } : { bounds: VIETNAM_VIEW_BOUNDS }),
    canvasContextAttributes: { preserveDrawingBuffer: true, antialias: true },
    attributionControl: { compact: true },
    dragRotate: false,
    pitchWithRotate: false,
    maxPitch: 0,
    ...options,
  });
  map.addControl(new NavigationControl({ showCompass: false }), "top-right");
  return map;
}

/**
 * Registers the map for the reports' snapshots and reports a lost drawing context.
 * @param map - the map
 * @param name - which of the two maps it is
 * @param onContextLost - called when the WebGL context is lost while the map is shown
 * @returns the undo, to call before map.remove() (which loses the context on purpose: not a failure to report)
 */
export function watchMap(map: MapLibreMap, name: MapName, onContextLost: () => void): () => void {
  const canvas = map.getCanvas();
  canvas.addEventListener("webglcontextlost", onContextLost);
  registerMapSnapshot(name, mapSnapshotSource(map));
  return () => {
    canvas.removeEventListener("webglcontextlost", onContextLost);
    registerMapSnapshot(name, null);
  };
}
