import { pointsToCsv } from "../../domain/export/points_to_csv.ts";
import { pointsToGeojson } from "../../domain/export/points_to_geojson.ts";
import { pointsToKml } from "../../domain/export/points_to_kml.ts";
import type { ExportRow } from "../../domain/export/export_columns.ts";
import type { CsvSeparator } from "../../domain/export/to_csv.ts";
import type { Language } from "../../domain/types.ts";

/** The point files that re-import (into this app, QGIS, Google Earth), in the order the export lists offer them. */
export const POINT_FILE_FORMATS = ["csv", "geojson", "kml"] as const;
export type PointFileFormat = (typeof POINT_FILE_FORMATS)[number];

/**
 * One point file, written by the domain's writers as the CLI writes it.
 * @param format - which file
 * @param rows - the rows to write
 * @param options - the language of the CSV's values, its separator, and the KML document's name
 * @returns the file's text and MIME type
 */
export function pointFile(
  format: PointFileFormat,
  rows: readonly ExportRow[],
  options: { language: Language; separator: CsvSeparator; title: string },
): { text: string; type: string } {
  if (format === "csv") return { text: pointsToCsv(rows, { language: options.language, separator: options.separator }), type: "text/csv;charset=utf-8" };
  if (format === "geojson") return { text: JSON.stringify(pointsToGeojson(rows)), type: "application/geo+json" };
  return { text: pointsToKml(rows, { name: options.title }), type: "application/vnd.google-earth.kml+xml" };
}
