/**
 * The coverage raster's own worker, started by the analysis worker: while that one builds the coverage index and
 * answers the count, this one projects the coverage's rings and indexes them (`rasterFromRings`, about 0.8 s for the
 * national file), on the other core; then it draws the map's tiles, which the analysis worker forwards to it. A thin
 * shell: the raster and the tiles are coverage_raster.ts's.
 */
import type { CoverageLayerInfo } from "../domain/index.ts";
import { rasterFromRings, type CoverageRaster, type LayerRings } from "./coverage_raster.ts";
import { tileBitmap, type TileRequest } from "./tile_bitmap.ts";

/** What the analysis worker posts: the rings of an analysis's layers (transferred), or a tile of it to draw. */
export type RasterWorkerRequest =
  | { kind: "raster"; version: number; rings: LayerRings[]; layers: CoverageLayerInfo[]; bounds: ([number, number, number, number] | null)[] }
  | ({ kind: "tile"; id: number; version: number } & TileRequest);

/**
 * The answer to a tile: its image (transferred), null when empty; `failed` when this worker could not draw it (an
 * analysis it no longer holds, an error): the analysis worker then draws it itself.
 */
export interface RasterWorkerResponse {
  id: number;
  image: ImageBitmap | null;
  failed?: true;
}

interface RasterScope {
  postMessage(message: RasterWorkerResponse, transfer: Transferable[]): void;
  addEventListener(type: "message", listener: (event: MessageEvent<RasterWorkerRequest>) => void): void;
}

const scope = self as unknown as RasterScope;
let current: { version: number; raster: CoverageRaster } | null = null;

scope.addEventListener("message", (event) => {
  const message = event.data;
  if (message.kind === "raster") {
    current = { version: message.version, raster: rasterFromRings(message.rings, message.layers, message.bounds) };
    return;
  }
  const held = current && current.version === message.version ? current.raster : null;
  if (!held) {
    scope.postMessage({ id: message.id, image: null, failed: true }, []);
    return;
  }
  void tileBitmap(held, message).then(
    (image) => scope.postMessage({ id: message.id, image }, image ? [image] : []),
    () => scope.postMessage({ id: message.id, image: null, failed: true }, []),
  );
});
