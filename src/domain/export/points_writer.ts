/**
 * Incremental writers for point lists: the same CSV, GeoJSON and KML as pointsToCsv,
 * pointsToGeojson and pointsToKml, written in pieces (head, then rows batch by batch, then tail)
 * so that the CLI can stream millions of points without holding them all.
 */
import type { Feature, Point as PointGeometry } from "geojson";
import { exportAccessor, exportValue, type ExportRow } from "./export_columns.ts";
import { escapeXml } from "./points_to_kml.ts";
import type { ExportProperties } from "./points_to_geojson.ts";
import { csvDelimiter, formatCsvCell, type CsvSeparator } from "./to_csv.ts";

export type PointsFormat = "csv" | "geojson" | "kml";

/** A writer for one output file; concatenating head(), every rows(…) and tail() gives the file. */
export interface PointsWriter {
  head(): string;
  rows(rows: readonly ExportRow[]): string;
  tail(): string;
}

/**
 * Creates a writer for a fixed list of columns (e.g. `exportColumns(rows)` of a sample of rows that has every column).
 * @param format - "csv" (UTF-8 BOM, CRLF, formula-safe), "geojson" or "kml"
 * @param columns - the columns, as exportColumns gives them
 * @param options - `name`: the KML document name; `separator`: the CSV flavour (`comma` by default, or `semicolon`)
 * @returns the writer
 * @example
 * ```ts
 * const writer = createPointsWriter("csv", exportColumns(rows));
 * const text = writer.head() + writer.rows(rows) + writer.tail(); // === pointsToCsv(rows)
 * ```
 */
export function createPointsWriter(format: PointsFormat, columns: readonly string[], options: { name?: string; separator?: CsvSeparator } = {}): PointsWriter {
  switch (format) {
    case "csv": {
      const separator = options.separator ?? "comma";
      const delimiter = csvDelimiter(separator);
      return {
        head: () => `\uFEFF${columns.map((column) => formatCsvCell(column, separator)).join(delimiter)}\r\n`,
        rows: (rows) => {
          // One accessor per column, chosen once, and one string built per call: this writes a million rows.
          const accessors = columns.map(exportAccessor);
          let text = "";
          for (const row of rows) {
            let line = formatCsvCell(accessors[0](row), separator);
            for (let c = 1; c < accessors.length; c++) line += delimiter + formatCsvCell(accessors[c](row), separator);
            text += line + "\r\n";
          }
          return text;
        },
        tail: () => "",
      };
    }
    case "geojson": {
      let first = true;
      return {
        head: () => '{"type":"FeatureCollection","features":[',
        rows: (rows) =>
          rows
            .map((row) => {
              const properties: ExportProperties = {};
              for (const column of columns) properties[column] = exportValue(row, column);
              const feature: Feature<PointGeometry, ExportProperties> = {
                type: "Feature",
                geometry: { type: "Point", coordinates: [row.point.lon, row.point.lat] },
                properties,
              };
              const text = (first ? "" : ",") + JSON.stringify(feature);
              first = false;
              return text;
            })
            .join(""),
        tail: () => "]}",
      };
    }
    case "kml": {
      const dataColumns = columns.filter((column) => column !== "lon" && column !== "lat");
      return {
        head: () =>
          [
            '<?xml version="1.0" encoding="UTF-8"?>',
            '<kml xmlns="http://www.opengis.net/kml/2.2">',
            "<Document>",
            `<name>${escapeXml(options.name ?? "Points")}</name>`,
            "",
          ].join("\n"),
        rows: (rows) => {
          const lines: string[] = [];
          for (const row of rows) {
            lines.push("<Placemark>", `<name>${escapeXml(row.point.name || row.point.id)}</name>`, "<ExtendedData>");
            for (const column of dataColumns) {
              const value = exportValue(row, column);
              lines.push(`<Data name="${escapeXml(column)}"><value>${value === null ? "" : escapeXml(String(value))}</value></Data>`);
            }
            lines.push("</ExtendedData>", `<Point><coordinates>${row.point.lon},${row.point.lat}</coordinates></Point>`, "</Placemark>");
          }
          return lines.map((line) => `${line}\n`).join("");
        },
        tail: () => "</Document>\n</kml>\n",
      };
    }
  }
}
