/**
 * Raster coverage (a GeoTIFF of a carrier's predicted signal, or a 0/1 grid) as a coverage layer: the cells at or above
 * a threshold (e.g. −100 dBm) become rectangles — each row's runs of covered cells merged into one — so that the
 * existing engine answers exactly for the grid: a point is covered when its cell is covered (a point exactly on the
 * border of a covered cell counts as covered, as on any coverage edge).
 *
 * The TIFF decoding is done by the `geotiff` package (MIT), which the shell loads (a dynamic import in the worker and
 * the CLI) and hands over as a `RasterGrid`; this module only turns the grid into GeoJSON, so the domain stays pure
 * and synchronous. Grids in EPSG:4326 only (north-up, no rotation).
 */
import type { Message, Technology } from "../types.ts";
import { emptyReport } from "../issues.ts";
import { addIssues, makeIssue } from "../parse/import_issue.ts";
import { parseCoverageGeojson, type CoverageOptions } from "../parse/parse_coverage_geojson.ts";
import { domainMessage } from "../messages/message.ts";

/** A decoded single-band raster, north-up. */
export interface RasterGrid {
  width: number;
  height: number;
  /** Longitude and latitude of the top-left corner of the top-left cell. */
  origin: [number, number];
  /** Cell width (positive) and height (negative for north-up), in degrees. */
  resolution: [number, number];
  /** The EPSG code of the grid's system, when the file says. */
  epsg: number | null;
  /** The no-data value, if any. */
  noData: number | null;
  /** Row-major values of the first band (row 0 is the north edge). */
  values: ArrayLike<number>;
}

/** What the grid stands for. */
export interface RasterOptions {
  /** A cell is covered when its value is at least this (default 1: a 0/1 grid; e.g. −100 for dBm). */
  threshold?: number;
  carrier?: string;
  technology?: Technology;
  asOf?: string;
}

/** The layer made from a grid, or why the grid cannot be used. */
export type RasterReading =
  | {
      ok: true;
      collection: {
        type: "FeatureCollection";
        features: { type: "Feature"; properties: Record<string, unknown>; geometry: { type: "MultiPolygon"; coordinates: number[][][][] } | null }[];
      };
      coveredCells: number;
      cells: number;
    }
  | { ok: false; code: "raster_crs_unsupported" | "raster_invalid"; message: Message };

/**
 * Whether bytes are a TIFF (little- or big-endian, classic or BigTIFF).
 * @param bytes - the file
 * @returns true for a TIFF
 */
export function isTiffBytes(bytes: Uint8Array): boolean {
  if (bytes.length < 4) return false;
  const little = bytes[0] === 0x49 && bytes[1] === 0x49 && (bytes[2] === 42 || bytes[2] === 43) && bytes[3] === 0;
  const big = bytes[0] === 0x4d && bytes[1] === 0x4d && bytes[2] === 0 && (bytes[3] === 42 || bytes[3] === 43);
  return little || big;
}

/**
 * Turns a grid into one coverage feature (a MultiPolygon of the covered runs of each row).
 * @param grid - the decoded grid
 * @param options - threshold, carrier, technology, date
 * @returns the feature collection (for parseCoverageGeojson's checks) and the counts
 */
export function rasterToCoverage(grid: RasterGrid, options: RasterOptions = {}): RasterReading {
  if (grid.epsg !== null && grid.epsg !== 4326) {
    return {
      ok: false,
      code: "raster_crs_unsupported",
      message: domainMessage("raster.crs_unsupported", { epsg: grid.epsg }),
    };
  }
  const [dx, dy] = grid.resolution;
  if (!(dx > 0) || !(dy < 0) || grid.width <= 0 || grid.height <= 0 || grid.values.length < grid.width * grid.height) {
    return {
      ok: false,
      code: "raster_invalid",
      message: domainMessage("raster.invalid"),
    };
  }
  const threshold = options.threshold ?? 1;
  const [left, top] = grid.origin;
  const polygons: number[][][][] = [];
  let covered = 0;
  // Corners computed from the cell indices (not accumulated), rounded to 1e-9°, so neighbouring runs share exact edges.
  const x = (column: number): number => Math.round((left + column * dx) * 1e9) / 1e9;
  const y = (row: number): number => Math.round((top + row * dy) * 1e9) / 1e9;
  for (let row = 0; row < grid.height; row++) {
    let start = -1;
    for (let column = 0; column <= grid.width; column++) {
      const value = column < grid.width ? grid.values[row * grid.width + column] : NaN;
      const isCovered = Number.isFinite(value) && value !== grid.noData && value >= threshold;
      if (isCovered) covered++;
      if (isCovered && start < 0) start = column;
      if (!isCovered && start >= 0) {
        const [west, east, north, south] = [x(start), x(column), y(row), y(row + 1)];
        polygons.push([
          [
            [west, south],
            [east, south],
            [east, north],
            [west, north],
            [west, south],
          ],
        ]);
        start = -1;
      }
    }
  }
  const properties: Record<string, unknown> = { threshold };
  if (options.carrier !== undefined) properties.carrier = options.carrier;
  if (options.technology !== undefined) properties.technology = options.technology;
  if (options.asOf !== undefined) properties.as_of = options.asOf;
  return {
    ok: true,
    collection: {
      type: "FeatureCollection",
      features: [{ type: "Feature", properties, geometry: polygons.length === 0 ? null : { type: "MultiPolygon", coordinates: polygons } }],
    },
    coveredCells: covered,
    cells: grid.width * grid.height,
  };
}

/** The part of the geotiff package's API used by decodeGeotiff. */
export interface GeotiffModule {
  fromArrayBuffer(buffer: ArrayBuffer): Promise<{
    getImage(index?: number): Promise<{
      getWidth(): number;
      getHeight(): number;
      getOrigin(): number[];
      getResolution(): number[];
      getGDALNoData(): number | null;
      getGeoKeys(): Record<string, unknown> | null;
      readRasters(options: { samples: number[]; interleave: true }): Promise<ArrayLike<number>>;
    }>;
  }>;
}

/**
 * Decodes the first band of a GeoTIFF with the geotiff package (given by the shell).
 * @param bytes - the file
 * @param geotiff - the module (`await import("geotiff")`)
 * @returns the grid
 */
export async function decodeGeotiff(bytes: Uint8Array, geotiff: GeotiffModule): Promise<RasterGrid> {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const tiff = await geotiff.fromArrayBuffer(buffer);
  const image = await tiff.getImage(0);
  const keys = image.getGeoKeys() ?? {};
  const code = (keys.ProjectedCSTypeGeoKey ?? keys.GeographicTypeGeoKey) as number | undefined;
  const [originX, originY] = image.getOrigin();
  const [resolutionX, resolutionY] = image.getResolution();
  return {
    width: image.getWidth(),
    height: image.getHeight(),
    origin: [originX, originY],
    resolution: [resolutionX, resolutionY],
    epsg: typeof code === "number" && code !== 32767 ? code : null,
    noData: image.getGDALNoData(),
    values: await image.readRasters({ samples: [0], interleave: true }),
  };
}

/**
 * Reads a decoded grid as a coverage file, with the checks and report of parseCoverageGeojson.
 * @param grid - the grid
 * @param options - the coverage options (file, carrier, technology, as-of) and the threshold
 * @returns the coverage and its report (`detected.format` "geotiff")
 */
export function parseRasterCoverage(grid: RasterGrid, options: CoverageOptions & { threshold?: number }): ReturnType<typeof parseCoverageGeojson> {
  const reading = rasterToCoverage(grid, { threshold: options.threshold, carrier: options.carrier, technology: options.technology, asOf: options.asOf });
  if (!reading.ok) {
    const report = emptyReport(options.file, "coverage");
    addIssues(report, [makeIssue(options.file, "error", reading.code, reading.message)]);
    report.detected = { format: "geotiff" };
    return { items: [], report, repairs: [] };
  }
  const result = parseCoverageGeojson(reading.collection, options);
  result.report.detected = { ...result.report.detected, format: "geotiff" };
  return result;
}
