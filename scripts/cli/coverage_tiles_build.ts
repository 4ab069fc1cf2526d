/**
 * Builds the tiles of a pre-built coverage map: every tile from minZoom to maxZoom over the layers' extent is
 * rasterised with the analysis worker's own rasteriser (src/workers/coverage_raster.ts: the same covered fraction per
 * pixel the app draws), each layer's plane quantised to bytes, the planes of a tile packed together
 * (src/domain/formats/coverage_tiles.ts) and gzipped. Tiles with no coverage in any layer are left out. Above maxZoom
 * the map scales the maxZoom tiles (overzoom).
 */
import { gzipSync } from "fflate";
import type { CoverageFeature, CoverageLayerInfo } from "../../src/domain/index.ts";
import {
  COVERAGE_TILES_FORMAT,
  COVERAGE_TILES_VERSION,
  encodeCoveragePlanes,
  quantiseCoverage,
  type CoverageTilesMetadata,
} from "../../src/domain/formats/coverage_tiles.ts";
import { PMTILES_COMPRESSION, PMTILES_TILE_TYPE, writePmtiles, type PmtilesArchive, type PmtilesTile } from "../../src/domain/formats/pmtiles_writer.ts";
import { COVERAGE_TILE_SIZE, buildCoverageRaster, mercatorX, mercatorY, rasteriseTile } from "../../src/workers/coverage_raster.ts";

export interface CoverageTilesOptions {
  minZoom: number;
  maxZoom: number;
  asOf: string | null;
  name: string;
  attribution: string;
  /** ISO date-time written as `generated`. */
  generated: string;
  /** Called after each zoom with the number of tiles kept at that zoom (for the progress line). */
  onZoom?: (zoom: number, tiles: number) => void;
}

/**
 * The tile range covering a box at one zoom.
 * @param bounds - [west, south, east, north]
 * @param z - zoom
 * @returns the first and last column and row
 */
export function tileRange(bounds: readonly [number, number, number, number], z: number): { x0: number; x1: number; y0: number; y1: number } {
  const n = 2 ** z;
  const clamp = (value: number) => Math.max(0, Math.min(n - 1, Math.floor(value * n)));
  return { x0: clamp(mercatorX(bounds[0])), x1: clamp(mercatorX(bounds[2])), y0: clamp(mercatorY(bounds[3])), y1: clamp(mercatorY(bounds[1])) };
}

/**
 * Rasterises and packs every non-empty tile, and writes the archive.
 * @param coverage - the checked coverage features in force (one release per carrier × technology)
 * @param layers - the layers (groupCoverageLayers), in the order the metadata lists them
 * @param options - zooms, names, dates
 * @returns the archive and the metadata written in it
 */
export function buildCoverageArchive(
  coverage: readonly CoverageFeature[],
  layers: readonly CoverageLayerInfo[],
  options: CoverageTilesOptions,
): { archive: PmtilesArchive; metadata: CoverageTilesMetadata } {
  const raster = buildCoverageRaster(coverage, layers);
  const present = raster.layers.map((layer, index) => ({ layer, index })).filter((entry) => entry.layer.bounds !== null);
  const boxes = present.map((entry) => entry.layer.bounds as [number, number, number, number]);
  const bounds: [number, number, number, number] = boxes.length
    ? [
        Math.min(...boxes.map((box) => box[0])),
        Math.min(...boxes.map((box) => box[1])),
        Math.max(...boxes.map((box) => box[2])),
        Math.max(...boxes.map((box) => box[3])),
      ]
    : [0, 0, 0, 0];
  const tiles: PmtilesTile[] = [];
  if (boxes.length > 0) {
    for (let z = options.minZoom; z <= options.maxZoom; z++) {
      const before = tiles.length;
      const range = tileRange(bounds, z);
      for (let x = range.x0; x <= range.x1; x++) {
        for (let y = range.y0; y <= range.y1; y++) {
          const tileLayers: number[] = [];
          const planes: Uint8Array[] = [];
          for (const { layer, index } of present) {
            const fraction = rasteriseTile(layer, z, x, y, COVERAGE_TILE_SIZE);
            const plane = fraction && quantiseCoverage(fraction);
            if (!plane) continue;
            tileLayers.push(index);
            planes.push(plane);
          }
          if (planes.length === 0) continue;
          tiles.push({ z, x, y, data: gzipSync(encodeCoveragePlanes({ size: COVERAGE_TILE_SIZE, layers: tileLayers, planes })) });
        }
      }
      options.onZoom?.(z, tiles.length - before);
    }
  }
  const metadata: CoverageTilesMetadata = {
    format: COVERAGE_TILES_FORMAT,
    formatVersion: COVERAGE_TILES_VERSION,
    tileSize: COVERAGE_TILE_SIZE,
    name: options.name,
    description: "Mobile coverage by carrier and technology, pre-built by lom-song (covered fraction per pixel, one plane per layer).",
    attribution: options.attribution,
    generated: options.generated,
    asOf: options.asOf,
    layers: layers.map((layer, index) => ({
      carrier: layer.carrier,
      technology: layer.technology,
      asOf: layer.asOf,
      bounds: raster.layers[index].bounds ?? [0, 0, 0, 0],
    })),
    bounds,
    minzoom: options.minZoom,
    maxzoom: options.maxZoom,
  };
  const center: [number, number, number] = [(bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2, Math.min(options.maxZoom, Math.max(options.minZoom, 5))];
  const archive = writePmtiles(tiles, {
    tileType: PMTILES_TILE_TYPE.unknown,
    tileCompression: PMTILES_COMPRESSION.gzip,
    minZoom: options.minZoom,
    maxZoom: options.maxZoom,
    bounds,
    center,
    metadata,
  });
  return { archive, metadata };
}
