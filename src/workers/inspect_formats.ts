/**
 * The import preview of the GIS formats (formats/*: shapefiles, public tower lists, OSM exports, old .xls) in the
 * worker, and the lazy loading of SheetJS for .xls (a dynamic import: its ~1 MB stays out of the first load).
 */
import {
  detectFileKind,
  hasXlsReader,
  isOleBytes,
  isShapefileZip,
  isTiffBytes,
  isTowerCsv,
  parseCoordinate,
  parseCrs,
  readGeojsonInput,
  registerXlsReader,
  decodeGeotiff,
  parseRasterCoverage,
  type GeotiffModule,
  type SheetJsModule,
} from "../domain/index.ts";
import type { CsvPreviewData, FileOptions, FormatInspect, InspectResult } from "./messages.ts";

/**
 * Loads SheetJS when the bytes are an OLE workbook (.xls), once.
 * @param bytes - the file
 */
export async function ensureXlsReader(bytes: Uint8Array): Promise<void> {
  if (hasXlsReader() || !isOleBytes(bytes)) return;
  const module = (await import("@e965/xlsx")) as unknown as SheetJsModule;
  registerXlsReader(module);
}

/**
 * The preview of a zipped shapefile or an OpenCelliD tower list, or null for any other file.
 * @param name - the file name
 * @param bytes - the file
 * @param options - the choices so far (the coordinate system)
 * @returns the preview, or null
 */
export function inspectGisFormat(name: string, bytes: Uint8Array, options: FileOptions): InspectResult | null {
  if (isShapefileZip(bytes)) {
    const read = readGeojsonInput(bytes, name, { crs: options.crs });
    const error = read.issues.find((issue) => issue.severity === "error");
    const format: FormatInspect = { name: "shapefile" };
    const crs = read.detected?.crs ? parseCrs(read.detected.crs.id) : null;
    if (read.detected?.crs) format.crs = { id: read.detected.crs.id, label: crs?.label ?? { vi: read.detected.crs.name, en: read.detected.crs.name } };
    if (error) {
      format.error = error.message;
      format.projected = error.code === "shapefile_crs_needed";
    }
    return { detectedKind: error ? "points" : detectFileKind(bytes, name), csv: null, featureCount: error ? null : read.features.length, format };
  }
  if (isTiffBytes(bytes)) return { detectedKind: "coverage", csv: null, featureCount: 1, format: { name: "geotiff" } };
  if (isTowerCsv(bytes)) {
    const read = readGeojsonInput(bytes, name, { towers: { radiusText: options.towerRadius, useRange: options.towerRange === true } });
    const error = read.issues.find((issue) => issue.severity === "error");
    return {
      detectedKind: "coverage",
      csv: null,
      featureCount: read.features.length,
      format: { name: "opencellid", estimated: true, ...(error ? { error: error.message } : {}) },
    };
  }
  return null;
}

/**
 * Whether a CSV preview's coordinates look like projected metres (VN-2000 X/Y): the first rows' values above 1000.
 * @param csv - the preview
 * @returns true when the user should choose a coordinate system
 */
export function csvLooksProjected(csv: CsvPreviewData): boolean {
  const lon = csv.lonColumn === undefined ? -1 : csv.columns.indexOf(csv.lonColumn);
  const lat = csv.latColumn === undefined ? -1 : csv.columns.indexOf(csv.latColumn);
  if (lon < 0 || lat < 0) return false;
  return csv.rows.slice(0, 10).some((row) => {
    const x = parseCoordinate(row[lon] ?? "");
    const y = parseCoordinate(row[lat] ?? "");
    return x !== null && y !== null && (Math.abs(x) > 1000 || Math.abs(y) > 1000);
  });
}

/**
 * Reads a GeoTIFF coverage grid (geotiff loaded on demand), or returns null for any other file.
 * @param bytes - the file
 * @param options - the coverage options and the threshold
 * @returns the coverage and its report, or null
 */
export async function parseRasterIfTiff(
  bytes: Uint8Array,
  options: Parameters<typeof parseRasterCoverage>[1],
): Promise<ReturnType<typeof parseRasterCoverage> | null> {
  if (!isTiffBytes(bytes)) return null;
  const geotiff = (await import("geotiff")) as unknown as GeotiffModule;
  return parseRasterCoverage(await decodeGeotiff(bytes, geotiff), options);
}
