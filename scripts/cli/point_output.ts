/**
 * `--out FILE` of `compare` and `suggest`: their rows written whole, as CSV, GeoJSON, KML or an Excel workbook, by the
 * file's extension (outputFormat). `analyze` streams its own rows (createPointsWriter), batch by batch.
 */
import { exportColumns, pointsToCsv, pointsToGeojson, pointsToKml, type CsvSeparator, type ExportRow } from "../../src/domain/index.ts";
import { writeOutput } from "./io.ts";
import type { PointsOutputFormat } from "./options.ts";
import { openXlsxOutput } from "./xlsx_output.ts";

/**
 * Writes rows to one file, atomically.
 * @param path - the file
 * @param format - its format
 * @param rows - the rows
 * @param options - the CSV separator, and the name of the KML document or of the workbook's sheet
 */
export async function writePointRows(
  path: string,
  format: PointsOutputFormat,
  rows: readonly ExportRow[],
  options: { separator: CsvSeparator; name: string },
): Promise<void> {
  if (format === "xlsx") {
    const workbook = openXlsxOutput(path, exportColumns(rows), options.name);
    workbook.add(rows);
    await workbook.finish();
    return;
  }
  const { separator, name } = options;
  await writeOutput(
    path,
    format === "csv" ? pointsToCsv(rows, { separator }) : format === "geojson" ? JSON.stringify(pointsToGeojson(rows)) : pointsToKml(rows, { name }),
  );
}
