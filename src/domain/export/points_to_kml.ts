/**
 * Points as KML 2.2 for Google Earth: one Placemark per point with its columns as ExtendedData.
 */
import { exportColumns, exportValue, type ExportRow } from "./export_columns.ts";

/** Options of pointsToKml. */
export interface PointsKmlOptions {
  /** The document name shown in Google Earth. */
  name?: string;
}

/**
 * Escapes text for XML content and attributes, and drops characters XML 1.0 does not allow.
 * @param text - any text
 * @returns the escaped text
 */
export function escapeXml(text: string): string {
  return removeInvalidXmlCharacters(text.normalize("NFC"))
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

function removeInvalidXmlCharacters(text: string): string {
  let result = "";
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    const allowed = code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code !== 0xfffe && code !== 0xffff);
    if (allowed) result += character;
  }
  return result;
}

/**
 * Writes points as a KML 2.2 document.
 * @param rows - the points and their computed columns
 * @param options - the document name
 * @returns the KML text
 * @example
 * ```ts
 * const kml = pointsToKml(rows, { name: "Điểm chưa có sóng" });
 * ```
 */
export function pointsToKml(rows: readonly ExportRow[], options: PointsKmlOptions = {}): string {
  const columns = exportColumns(rows).filter((column) => column !== "lon" && column !== "lat");
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<kml xmlns="http://www.opengis.net/kml/2.2">',
    "<Document>",
    `<name>${escapeXml(options.name ?? "Points")}</name>`,
  ];
  for (const row of rows) {
    lines.push("<Placemark>", `<name>${escapeXml(row.point.name || row.point.id)}</name>`, "<ExtendedData>");
    for (const column of columns) {
      const value = exportValue(row, column);
      lines.push(`<Data name="${escapeXml(column)}"><value>${value === null ? "" : escapeXml(String(value))}</value></Data>`);
    }
    lines.push("</ExtendedData>", `<Point><coordinates>${row.point.lon},${row.point.lat}</coordinates></Point>`, "</Placemark>");
  }
  lines.push("</Document>", "</kml>");
  return `${lines.join("\n")}\n`;
}
