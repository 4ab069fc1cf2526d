/**
 * Reading the point files of a command (`--points`, repeatable): CSV, GeoJSON, Excel .xlsx, and legacy .xls (its
 * reader, SheetJS, loaded on demand), each through the domain's parser, each report kept, an unusable file stopping
 * the run with its name and reason. One function for `suggest` and `compare`, so that a format read by one is read by
 * both.
 */
import {
  isSpreadsheetFile,
  parsePointsCsv,
  parsePointsGeojson,
  parsePointsXlsx,
  type ImportReport,
  type Language,
  type Point,
} from "../../src/domain/index.ts";
import { displayName, readHead, readInput } from "./io.ts";
import { looksLikeJson } from "./options.ts";
import { failOnFileError } from "./print.ts";
import { loadXlsReaderFor } from "./xls_reader.ts";

/**
 * Reads every point file, in order.
 * @param paths - the files
 * @param options - the sheet of a workbook (`--sheet`), and the language of the messages
 * @returns the points of all files, and one import report per file
 */
export async function readPointFiles(
  paths: readonly string[],
  options: { sheet?: string; language: Language },
): Promise<{ points: Point[]; reports: ImportReport[] }> {
  const points: Point[] = [];
  const reports: ImportReport[] = [];
  for (const path of paths) {
    const file = displayName(path);
    const bytes = await readInput(path);
    const head = await readHead(path);
    await loadXlsReaderFor(head);
    const result = isSpreadsheetFile(path, head)
      ? parsePointsXlsx(bytes, { file, sheet: options.sheet })
      : looksLikeJson(path, head)
        ? parsePointsGeojson(bytes, { file })
        : parsePointsCsv(bytes, { file });
    reports.push(result.report);
    failOnFileError(path, result.report, options.language);
    for (const point of result.items) points.push(point);
  }
  return { points, reports };
}
