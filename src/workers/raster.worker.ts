/**
 * The coverage raster's own worker, started by the analysis worker: while that one builds the coverage index and
 * answers the count, this one projects the coverage's rings and indexes them (`rasterFromRings`, about 0.6 s for the
 * national file), on the other core; then it draws the map's tiles, which the analysis worker forwards to it. A thin
 * shell on the workers' own protocol (worker_server.ts; the analysis worker talks to it through an AnalysisClient):
 * the raster and the tiles are coverage_raster.ts's.
 */
import { rasterFromRings, type CoverageRaster } from "./coverage_raster.ts";
import { tileBitmap } from "./tile_bitmap.ts";
import { serveRequests, type Handlers, type ServerScope } from "./worker_server.ts";

let current: { version: number; raster: CoverageRaster } | null = null;

const handlers: Pick<Handlers, "raster" | "tile"> = {
  raster: async (params) => {
    current = { version: params.version, raster: rasterFromRings(params.rings, params.layers, params.bounds) };
    return { version: params.version };
  },
  tile: async (params) => {
    // Another analysis than the one held (a newer one came, or this worker was restarted): the analysis worker draws it.
    if (!current || current.version !== params.version) throw new Error(`no raster of analysis ${params.version}`);
    return { image: await tileBitmap(current.raster, params) };
  },
};

serveRequests(self as unknown as ServerScope, handlers);
