/**
 * Point lists from Excel workbooks in the CLI. A workbook is a zip and cannot be streamed, so it is read
 * whole; `analyze` needs its first point before streaming (to fix the output columns) and then all of it, so
 * the parsed result is kept between the two calls instead of reading the workbook twice.
 */
import { parsePointsXlsx, type ImportResult, type Point, type PointsXlsxOptions } from "../../src/domain/index.ts";
import { readInput } from "./io.ts";
import { loadXlsReaderFor } from "./xls_reader.ts";

/** The points and report of a workbook, and the time its reading took (counted once, even when kept for a second call). */
export type WorkbookPoints = ImportResult<Point> & { parseMilliseconds: number };

const parsed = new Map<string, WorkbookPoints>();

/**
 * Reads the point list of a workbook.
 * @param path - the file
 * @param options - file name, sheet and columns (as parsePointsXlsx)
 * @param keep - keep the result for the next call with the same path (the probe before streaming); otherwise it is handed over and forgotten
 * @returns the points, the report and the parse time
 */
export async function readPointsWorkbook(path: string, options: PointsXlsxOptions, keep = false): Promise<WorkbookPoints> {
  let result = parsed.get(path);
  if (result === undefined) {
    const bytes = await readInput(path);
    await loadXlsReaderFor(bytes);
    const started = performance.now();
    result = { ...parsePointsXlsx(bytes, options), parseMilliseconds: 0 };
    result.parseMilliseconds = performance.now() - started;
  }
  if (keep) parsed.set(path, result);
  else parsed.delete(path);
  return result;
}
