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
 * The coverage is raster tiles the analysis worker draws on request (`lomsong-coverage://`, below), handed to
 * MapLibre as ImageBitmaps; dense points below zoom 9 are drawn by the GPU (point_dots_layer.ts).
 */
import { addProtocol } from "maplibre-gl";
import { MAP_POINTS_MARK } from "../workers/work_limits.ts";

/** The scheme MapLibre's worker parses (registered there). */
export const MAP_DATA_SCHEME = "lomsong";
/** The scheme of the raw bytes, served from the main thread. */
export const MAP_BYTES_SCHEME = "lomsong-bytes";

/** The bytes of each source, or where to get them (asked for once, then kept). */
const registry = new Map<string, ArrayBuffer | (() => Promise<ArrayBuffer>)>();
let registered = false;

/**
 * Registers the bytes of one source for one analysis and returns the URL to give setData.
 * @param version - the analysis version
 * @param name - the source name
 * @param bytes - UTF-8 GeoJSON; null: the points', asked of the analysis worker when MapLibre first needs them
 * @returns the `lomsong://` URL
 */
export function mapDataUrl(version: number, name: string, bytes: ArrayBuffer | null): string {
  if (!registered) {
    registered = true;
    addProtocol(MAP_BYTES_SCHEME, async (parameters) => {
      const key = parameters.url.slice(MAP_BYTES_SCHEME.length + 3);
      let found = registry.get(key);
      if (!found) throw new Error(`no map data for ${key}`);
      if (typeof found === "function") {
        found = await found();
        // Kept unless a newer analysis replaced it meanwhile.
        if (registry.has(key)) registry.set(key, found);
      }
      // A copy is transferred, so that the same URL can be asked for again (a worker restart).
      return { data: found.slice(0) };
    });
  }
  const key = `${version}/${name}`;
  // Only the latest analysis is kept: older URLs are never asked for again.
  for (const old of [...registry.keys()]) if (old.endsWith(`/${name}`) && old !== key) registry.delete(old);
  registry.set(key, bytes ?? (() => deferredPoints(version)));
  return `${MAP_DATA_SCHEME}://${key}`;
}

/** The scheme of the coverage raster tiles: `lomsong-coverage://<version>/<layer>/<z>/<x>/<y>`. */
export const COVERAGE_TILE_SCHEME = "lomsong-coverage";
/** What renders the map's raster tiles: the analysis worker, which holds the coverage. */
export interface MapTileWorker {
  /** One tile (null when empty). */
  tile(tile: { version: number; layer: number; z: number; x: number; y: number; color: string }): Promise<ImageBitmap | null>;
  /** The dense points' GeoJSON of an analysis (MapPayload.points null), null when the worker no longer holds it. */
  points(version: number): Promise<ArrayBuffer | null>;
}

let tileWorker: MapTileWorker | null = null;

async function deferredPoints(version: number): Promise<ArrayBuffer> {
  const bytes = tileWorker ? await tileWorker.points(version) : null;
  if (!bytes) throw new Error(`no points of analysis ${version}`);
  performance.mark(MAP_POINTS_MARK, { detail: { version, bytes: bytes.byteLength } });
  return bytes;
}
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
    const image = color && tileWorker ? await tileWorker.tile({ version, layer, z, x, y, color }) : null;
    // An empty body is drawn as a transparent tile.
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
