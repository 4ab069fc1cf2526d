/**
 * Coverage files in the CLI: GeoJSON, KML, shapefiles and tower lists go to parseCoverageGeojsonPacked (the
 * features of parseCoverageGeojson, positions kept as columns); a GeoTIFF grid is
 * decoded by the `geotiff` package (loaded on demand) and read by parseRasterCoverage with the threshold.
 */
import { decodeGeotiff, isTiffBytes, parseRasterCoverage, type GeotiffModule } from "../../src/domain/formats/raster.ts";
import {
  parseCoverageGeojson,
  parseCoverageGeojsonColumns,
  parseCoverageGeojsonPacked,
  type CoverageOptions,
} from "../../src/domain/parse/parse_coverage_geojson.ts";
import { packColumns, packCoverage, type PackedCoverage } from "./coverage_transfer.ts";

/** Coverage options, and the threshold of a raster grid. */
export type CoverageFileOptions = CoverageOptions & { threshold?: number };

/**
 * Reads one coverage file.
 * @param bytes - the file
 * @param options - the parse options
 * @returns the coverage and its report
 */
export async function parseCoverageFile(bytes: Uint8Array, options: CoverageFileOptions): Promise<ReturnType<typeof parseCoverageGeojson>> {
  // Positions left in the scanner's columns: the index build reads them there (packed_geometry.ts).
  if (!isTiffBytes(bytes)) return parseCoverageGeojsonPacked(bytes, options);
  const geotiff = (await import("geotiff")) as unknown as GeotiffModule;
  return parseRasterCoverage(await decodeGeotiff(bytes, geotiff), options);
}

/**
 * Reads one coverage file into the packed form the worker thread hands over: GeoJSON through
 * parseCoverageGeojsonColumns (no array per position), a raster through parseRasterCoverage and packCoverage.
 * @param bytes - the file
 * @param options - the parse options
 * @returns the packed coverage and its report
 */
export async function parseCoverageFilePacked(
  bytes: Uint8Array,
  options: CoverageFileOptions,
): Promise<{ packed: PackedCoverage; report: ReturnType<typeof parseCoverageGeojson>["report"] }> {
  if (!isTiffBytes(bytes)) {
    const { columns, report } = parseCoverageGeojsonColumns(bytes, options);
    return { packed: packColumns(columns), report };
  }
  const result = await parseCoverageFile(bytes, options);
  return { packed: packCoverage(result.items), report: result.report };
}
