/**
 * Points as a GeoJSON FeatureCollection, with the CSV export's columns as properties.
 */
import type { Feature, FeatureCollection, Point as PointGeometry } from "geojson";
import { exportColumns, exportValue, type ExportRow, type ExportValue } from "./export_columns.ts";

/** The properties of an exported point feature. */
export type ExportProperties = Record<string, ExportValue>;

/**
 * Writes points as a FeatureCollection of Point features; properties are the CSV columns (null when empty).
 * @param rows - the points and their computed columns
 * @returns the collection, ready for JSON.stringify
 * @example
 * ```ts
 * const text = JSON.stringify(pointsToGeojson(rows));
 * ```
 */
export function pointsToGeojson(rows: readonly ExportRow[]): FeatureCollection<PointGeometry, ExportProperties> {
  const columns = exportColumns(rows);
  const features: Feature<PointGeometry, ExportProperties>[] = rows.map((row) => {
    const properties: ExportProperties = {};
    for (const column of columns) properties[column] = exportValue(row, column);
    return { type: "Feature", geometry: { type: "Point", coordinates: [row.point.lon, row.point.lat] }, properties };
  });
  return { type: "FeatureCollection", features };
}
