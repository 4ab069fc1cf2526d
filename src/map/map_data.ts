/**
 * Hands the analysis worker's GeoJSON bytes to MapLibre without touching them on the main thread.
 *
 * `setData(object)` would copy every feature on the main thread (MapLibre serialises the object
 * for its worker property by property), which for 100,000 points or 60,000 coverage polygons is
 * a main-thread task of seconds. Instead the map's sources are set to `lomsong://<version>/<name>`
 * URLs. MapLibre's worker (src/map/maplibre_worker.ts) answers them: it asks the main thread for
 * `lomsong-bytes://…` (the handler below, which returns a copy of the bytes, transferred) and parses
 * the JSON itself. No network and no blob: URL are involved, so the Content-Security-Policy is unchanged.
 *
 * The coverage, and dense points below zoom 9, are raster tiles the analysis worker draws on request
 * (`lomsong-coverage://`, `lomsong-points://`, below), handed to MapLibre as ImageBitmaps.
 */
import { addProtocol } from "maplibre-gl";

/** The scheme MapLibre's worker parses (registered there). */
export const MAP_DATA_SCHEME = "lomsong";
/** The scheme of the raw bytes, served from the main thread. */
export const MAP_BYTES_SCHEME = "lomsong-bytes";

const registry = new Map<string, ArrayBuffer>();
let registered = false;

/**
 * Registers the bytes of one source for one analysis and returns the URL to give setData.
 * @param version - the analysis version
 * @param name - the source name
 * @param bytes - UTF-8 GeoJSON
 * @returns the `lomsong://` URL
 */
export function mapDataUrl(version: number, name: string, bytes: ArrayBuffer): string {
  if (!registered) {
    registered = true;
    addProtocol(MAP_BYTES_SCHEME, async (parameters) => {
      const key = parameters.url.slice(MAP_BYTES_SCHEME.length + 3);
      const found = registry.get(key);
      if (!found) throw new Error(`no map data for ${key}`);
      // A copy is transferred, so that the same URL can be asked for again (a worker restart).
      return { data: found.slice(0) };
    });
  }
  const key = `${version}/${name}`;
  // Only the latest analysis is kept: older URLs are never asked for again.
  for (const old of [...registry.keys()]) if (old.endsWith(`/${name}`) && old !== key) registry.delete(old);
  registry.set(key, bytes);
  return `${MAP_DATA_SCHEME}://${key}`;
}

/** The scheme of the coverage raster tiles: `lomsong-coverage://<version>/<layer>/<z>/<x>/<y>`. */
export const COVERAGE_TILE_SCHEME = "lomsong-coverage";
/** The scheme of the point dots' raster tiles: `lomsong-points://<version>/<style>/<z>/<x>/<y>`. */
export const POINT_TILE_SCHEME = "lomsong-points";

/** What renders the map's raster tiles: the analysis worker, which holds the coverage and the points. */
export interface MapTileWorker {
  /** One tile (null when empty). */
  tile(tile: { source: "coverage" | "points"; version: number; layer: number; z: number; x: number; y: number; color: string }): Promise<ImageBitmap | null>;
  /** The status, visibility and listed flag per point the dots are drawn with from now on. */
  pointStyle(style: { version: number; status: Uint8Array; visible: Uint8Array; listed: Uint8Array }): Promise<void>;
}

let tileWorker: MapTileWorker | null = null;
/** Colour of each layer of the analysis shown, by version (only the latest is kept). */
const coverageColors = new Map<number, string[]>();

/**
 * Sets who renders the raster tiles (the app: its analysis worker) and registers their schemes with MapLibre.
 * No network, no blob: or data: URL: MapLibre receives ImageBitmaps, so the Content-Security-Policy is unchanged.
 * @param worker - renders tiles, receives point styles
 */
export function setMapTileWorker(worker: MapTileWorker): void {
  tileWorker = worker;
  const empty = () => ({ data: new ArrayBuffer(0) });
  addProtocol(COVERAGE_TILE_SCHEME, async (parameters) => {
    const [version, layer, z, x, y] = parameters.url
      .slice(COVERAGE_TILE_SCHEME.length + 3)
      .split("/")
      .map(Number);
    const color = coverageColors.get(version)?.[layer];
    const image = color && tileWorker ? await tileWorker.tile({ source: "coverage", version, layer, z, x, y, color }) : null;
    // An empty body is drawn as a transparent tile.
    return image ? { data: image } : empty();
  });
  addProtocol(POINT_TILE_SCHEME, async (parameters) => {
    const [version, , z, x, y] = parameters.url
      .slice(POINT_TILE_SCHEME.length + 3)
      .split("/")
      .map(Number);
    const image = tileWorker ? await tileWorker.tile({ source: "points", version, layer: 0, z, x, y, color: "" }) : null;
    return image ? { data: image } : empty();
  });
}

/**
 * The tile URL template of each coverage layer of an analysis.
 * @param version - the analysis version
 * @param colors - the colour of each layer, in the analysis's layer order
 * @returns one `lomsong-coverage://…/{z}/{x}/{y}` template per layer
 */
export function coverageTileUrls(version: number, colors: readonly string[]): string[] {
  coverageColors.clear();
  coverageColors.set(version, [...colors]);
  return colors.map((_, layer) => `${COVERAGE_TILE_SCHEME}://${version}/${layer}/{z}/{x}/{y}`);
}

/**
 * Sends the point style to the worker, then gives the dots' tile URL for it (a new URL: MapLibre asks for the visible tiles again).
 * @param style - the analysis version and the codes per point
 * @param styleId - a number that changes with every style
 * @returns the `lomsong-points://…/{z}/{x}/{y}` template, once the worker has the style
 */
export async function pointTileUrl(style: { version: number; status: Uint8Array; visible: Uint8Array; listed: Uint8Array }, styleId: number): Promise<string> {
  await tileWorker?.pointStyle(style);
  return initialPointTileUrl(style.version, styleId);
}

/**
 * The dots' tile URL for the style the worker starts with (the codes baked into the analysis).
 * @param version - the analysis version
 * @param styleId - the style's number
 * @returns the URL template
 */
export function initialPointTileUrl(version: number, styleId: number): string {
  return `${POINT_TILE_SCHEME}://${version}/${styleId}/{z}/{x}/{y}`;
}
