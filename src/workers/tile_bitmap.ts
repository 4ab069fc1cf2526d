/**
 * One coverage tile as the map receives it: the layer's band of the raster at (z, x, y), coloured, as an ImageBitmap
 * (MapLibre takes it as it is: no blob: or data: URL, so the Content-Security-Policy is unchanged). Shared by the
 * analysis worker and the raster worker, which draw the same tiles.
 */
import { coverageTileRgba, rasteriseBandTile, COVERAGE_TILE_SIZE, type CoverageRaster } from "./coverage_raster.ts";

/** What a tile is asked for with: its raster layer, its place and the layer's colour. */
export interface TileRequest {
  layer: number;
  z: number;
  x: number;
  y: number;
  color: string;
}

/**
 * The tile's image.
 * @param raster - the projected raster of the analysis
 * @param request - the layer, the tile and the colour
 * @returns the image, or null when the layer covers nothing of the tile
 */
export async function tileBitmap(raster: CoverageRaster, request: TileRequest): Promise<ImageBitmap | null> {
  const coverage = raster.layers[request.layer] ? rasteriseBandTile(raster, request.layer, request.z, request.x, request.y) : null;
  const rgba = coverage ? coverageTileRgba(coverage, request.color) : null;
  return rgba ? createImageBitmap(new ImageData(rgba, COVERAGE_TILE_SIZE, COVERAGE_TILE_SIZE)) : null;
}
