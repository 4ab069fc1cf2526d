/**
 * A hook-up point for the printed reports and the PNG export: each map registers how to read its drawing
 * and where it looks. The maps are created with preserveDrawingBuffer, so the last frame's pixels are still in
 * the WebGL canvas when a report asks for them (drawImage / toDataURL read them; a canvas cleared after
 * compositing would read back blank). Every source is the app's own origin (offline tiles, blob: URLs), so the
 * canvas is never tainted and can be exported under the CSP.
 */
import type { Map as MapLibreMap } from "maplibre-gl";

/** The two maps: the coverage-gap map, and the tracking view's map of listed dead zones. */
export type MapName = "gaps" | "tracking";

export interface MapSnapshot {
  /** The map's WebGL canvas (read it at once: the next frame replaces it). */
  canvas: HTMLCanvasElement;
  /** The camera, for the scale bar and the north arrow. */
  zoom: number;
  latitude: number;
  bearing: number;
  /** Canvas pixels per CSS pixel. */
  pixelRatio: number;
  /** The attribution the map shows (its sources' credits), as plain text. */
  attribution: string;
}

const sources = new Map<MapName, () => MapSnapshot>();

/**
 * Registers (or clears) the function that reads a map.
 * @param name - which map
 * @param next - returns the snapshot; null when the map goes away
 */
export function registerMapSnapshot(name: MapName, next: (() => MapSnapshot) | null): void {
  if (next) sources.set(name, next);
  else sources.delete(name);
}

/**
 * How to read a MapLibre map: its canvas, camera and attribution text.
 * @param map - the map
 * @returns the reader to register
 */
export function mapSnapshotSource(map: MapLibreMap): () => MapSnapshot {
  return () => {
    const canvas = map.getCanvas();
    const credits = map.getContainer().querySelector(".maplibregl-ctrl-attrib-inner")?.textContent ?? "";
    return {
      canvas,
      zoom: map.getZoom(),
      latitude: map.getCenter().lat,
      bearing: map.getBearing(),
      pixelRatio: canvas.clientWidth > 0 ? canvas.width / canvas.clientWidth : map.getPixelRatio(),
      attribution: credits.replace(/\s+/g, " ").trim(),
    };
  };
}

/**
 * Reads a map now.
 * @param name - which map
 * @returns the snapshot, or null when that map is not drawn (no WebGL, not shown, not loaded)
 */
export function captureMap(name: MapName): MapSnapshot | null {
  try {
    const snapshot = sources.get(name)?.() ?? null;
    return snapshot && snapshot.canvas.width > 0 && snapshot.canvas.height > 0 ? snapshot : null;
  } catch {
    return null;
  }
}
