/**
 * A pre-built coverage map on the map: `?coverage=coverage.pmtiles` opens the archive the CLI's `tiles` wrote, with the
 * `pmtiles` reader (HTTP Range requests: the header and root directory in one 16 KiB read, then only the tiles in
 * view), and adds one raster source per (carrier, technology) layer. Its tiles are `lomsong-prebuilt://<layer>/{z}/{x}/{y}`:
 * the handler below reads the archive's tile once for all its layers (a small cache), takes the layer's plane (less its
 * carrier's better technologies, as the worker draws bands) and colours it with the analysis worker's colour function,
 * so it looks as the coverage the app computes itself. Decoding
 * a tile is a gunzip (the browser's DecompressionStream) and one pass over 65,536 bytes: no worker is needed.
 *
 * What is drawn is only a picture: the per-point answers (counts, lists, exports) need the coverage files, loaded in
 * the import tab. The state (loading, ready with the layers, or the failure's message) is a tiny external store that
 * the legend's PrebuiltCoveragePanel reads.
 */
import { useEffect, useSyncExternalStore } from "react";
import { addProtocol, type Map as MapLibreMap } from "maplibre-gl";
import { PMTiles } from "pmtiles";
import type { CoverageTilesMetadata } from "../domain/formats/coverage_tiles.ts";
import type { Message } from "../domain/types.ts";
import type { PointFilter } from "../domain/gaps/analyze_coverage.ts";
import { COVERAGE_OPACITY, LAYER, carrierColors } from "./layers.ts";
import { betterLayers, prebuiltCoverageUrl, prebuiltLayersDrawn, prebuiltOpenError, prebuiltTileRgba, readPrebuiltMetadata } from "./prebuilt_coverage.ts";

export const PREBUILT_SCHEME = "lomsong-prebuilt";
const SOURCE_PREFIX = "prebuilt-coverage-tiles-";
const LAYER_PREFIX = "prebuilt-coverage-";
/** Archive tiles kept decoded-ready (each is every layer of one z/x/y). */
const CACHED_TILES = 96;

export type PrebuiltCoverageState =
  | { status: "none" }
  | { status: "loading"; file: string }
  | { status: "ready"; file: string; metadata: CoverageTilesMetadata; colors: string[]; better: number[][]; visible: boolean[] }
  | { status: "error"; file: string; error: Message };

let state: PrebuiltCoverageState = { status: "none" };
const listeners = new Set<() => void>();
let archive: PMTiles | null = null;
const tileCache = new Map<string, Promise<Uint8Array | null>>();

function setState(next: PrebuiltCoverageState): void {
  state = next;
  for (const listener of listeners) listener();
}

/** The pre-built map's state, for React. */
export function usePrebuiltCoverage(): PrebuiltCoverageState {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => state,
  );
}

/**
 * Shows or hides one layer of the pre-built map (the legend's switch).
 * @param layer - the layer index
 * @param visible - on or off
 */
export function setPrebuiltLayerVisible(layer: number, visible: boolean): void {
  if (state.status !== "ready") return;
  setState({ ...state, visible: state.visible.map((on, index) => (index === layer ? visible : on)) });
}

function fileName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.split("/").pop() || url);
}

/** The archive's bytes of one tile (every layer), read once and kept for the other layers. */
function archiveTile(z: number, x: number, y: number): Promise<Uint8Array | null> {
  const key = `${z}/${x}/${y}`;
  const cached = tileCache.get(key);
  if (cached) {
    tileCache.delete(key);
    tileCache.set(key, cached);
    return cached;
  }
  const current = archive;
  const read = current ? current.getZxy(z, x, y).then((found) => (found ? new Uint8Array(found.data) : null)) : Promise.resolve(null);
  tileCache.set(key, read);
  read.catch(() => tileCache.delete(key));
  while (tileCache.size > CACHED_TILES) tileCache.delete(tileCache.keys().next().value as string);
  return read;
}

let registered = false;
function registerProtocol(): void {
  if (registered) return;
  registered = true;
  addProtocol(PREBUILT_SCHEME, async (parameters) => {
    const [layer, z, x, y] = parameters.url
      .slice(PREBUILT_SCHEME.length + 3)
      .split("/")
      .map(Number);
    const current = state;
    const empty = { data: new ArrayBuffer(0) };
    if (current.status !== "ready") return empty;
    const payload = await archiveTile(z, x, y);
    if (!payload) return empty;
    const size = current.metadata.tileSize;
    const image = prebuiltTileRgba(payload, layer, current.better[layer] ?? [], size, current.colors[layer]);
    if ("error" in image) {
      setState({
        status: "error",
        file: current.file,
        error: { vi: `${current.file}: một ô của bản đồ bị hỏng (${image.error}).`, en: `${current.file}: a tile of the map is damaged (${image.error}).` },
      });
      return empty;
    }
    if (!image.rgba) return empty;
    return { data: await createImageBitmap(new ImageData(image.rgba, size, size)) };
  });
}

/**
 * Opens the archive named by `?coverage=` (once per page): its header, then its metadata, checked.
 * @param search - location.search
 * @param base - location.href
 */
export async function openPrebuiltCoverage(search: string, base: string): Promise<void> {
  if (state.status !== "none") return;
  const target = prebuiltCoverageUrl(search, base);
  if (!target) return;
  if ("error" in target) {
    setState({ status: "error", file: new URLSearchParams(search).get("coverage") ?? "", error: target.error });
    return;
  }
  const file = fileName(target.url);
  setState({ status: "loading", file });
  try {
    const reader = new PMTiles(target.url);
    await reader.getHeader();
    const checked = readPrebuiltMetadata(await reader.getMetadata(), file);
    if (!checked.ok) {
      setState({ status: "error", file, error: checked.error });
      return;
    }
    archive = reader;
    registerProtocol();
    // The colours the app gives the same carriers when it computes the coverage itself.
    const colours = carrierColors(checked.metadata.layers.map((layer) => layer.carrier));
    setState({
      status: "ready",
      file,
      metadata: checked.metadata,
      colors: checked.metadata.layers.map((layer) => colours.get(layer.carrier) ?? "#4d4d4d"),
      better: betterLayers(checked.metadata.layers),
      visible: checked.metadata.layers.map(() => true),
    });
  } catch (error) {
    setState({ status: "error", file, error: prebuiltOpenError(file, error) });
  }
}

/**
 * For tests: the map's data-prebuilt-drawn is cleared now and set once the map is idle with every pre-built source's
 * tiles in view loaded.
 * @returns a function that stops waiting
 */
function armDrawn(map: MapLibreMap, layerCount: number): () => void {
  const container = map.getContainer();
  delete container.dataset.prebuiltDrawn;
  const onIdle = () => {
    for (let index = 0; index < layerCount; index++) if (map.getSource(`${SOURCE_PREFIX}${index}`) && !map.isSourceLoaded(`${SOURCE_PREFIX}${index}`)) return;
    container.dataset.prebuiltDrawn = "true";
    map.off("idle", onIdle);
  };
  map.on("idle", onIdle);
  map.triggerRepaint();
  return () => map.off("idle", onIdle);
}

/**
 * Keeps the map's pre-built coverage layers in step with the state: added (under the boundaries, as the analysis's
 * coverage) once the archive is open, shown or hidden by the legend.
 * @param map - the map, once loaded (null before)
 */
export function usePrebuiltCoverageLayers(map: MapLibreMap | null, filter: Pick<PointFilter, "carriers" | "minTechnology"> = {}): void {
  const current = usePrebuiltCoverage();
  const metadata = current.status === "ready" ? current.metadata : null;
  useEffect(() => {
    if (!map || !metadata) return;
    metadata.layers.forEach((layer, index) => {
      map.addSource(`${SOURCE_PREFIX}${index}`, {
        type: "raster",
        tiles: [`${PREBUILT_SCHEME}://${index}/{z}/{x}/{y}`],
        tileSize: metadata.tileSize,
        minzoom: metadata.minzoom,
        // Beyond the archive's last zoom MapLibre enlarges its tiles.
        maxzoom: metadata.maxzoom,
        bounds: layer.bounds,
        attribution: metadata.attribution,
      });
      map.addLayer(
        {
          id: `${LAYER_PREFIX}${index}`,
          type: "raster",
          source: `${SOURCE_PREFIX}${index}`,
          paint: { "raster-opacity": COVERAGE_OPACITY[layer.technology as keyof typeof COVERAGE_OPACITY], "raster-fade-duration": 0 },
        },
        map.getLayer(LAYER.communeLine) ? LAYER.communeLine : undefined,
      );
    });
    const disarm = armDrawn(map, metadata.layers.length);
    return () => {
      disarm();
      if (!map.getStyle()) return;
      metadata.layers.forEach((_, index) => {
        if (map.getLayer(`${LAYER_PREFIX}${index}`)) map.removeLayer(`${LAYER_PREFIX}${index}`);
        if (map.getSource(`${SOURCE_PREFIX}${index}`)) map.removeSource(`${SOURCE_PREFIX}${index}`);
      });
    };
  }, [map, metadata]);
  // The legend's switches and the filter's carriers and minimum technology, as for the loaded coverage.
  const visible = current.status === "ready" ? prebuiltLayersDrawn(current.metadata.layers, current.visible, filter).join(",") : "";
  useEffect(() => {
    if (!map || !metadata) return;
    visible.split(",").forEach((on, index) => {
      if (map.getLayer(`${LAYER_PREFIX}${index}`)) map.setLayoutProperty(`${LAYER_PREFIX}${index}`, "visibility", on === "true" ? "visible" : "none");
    });
    return armDrawn(map, metadata.layers.length);
  }, [map, metadata, visible]);
}
