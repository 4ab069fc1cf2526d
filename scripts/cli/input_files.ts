/**
 * Reading the input files of a command: each file through the domain's parser, each report kept, an unusable file
 * stopping the run with its name and reason. The point files (`--points`, repeatable: CSV, GeoJSON, Excel .xlsx, and
 * legacy .xls, its reader, SheetJS, loaded on demand) are read by one function for `suggest`, `compare` and
 * `progress`, so that a format read by one is read by all; `analyze` reads its own, in batches.
 */
import {
  isSpreadsheetFile,
  parseAdminGeojson,
  parseCoverageGeojson,
  parsePointsCsv,
  parsePointsGeojson,
  parsePointsXlsx,
  type AdminArea,
  type CoverageFeature,
  type ImportReport,
  type ImportResult,
  type Language,
  type Point,
} from "../../src/domain/index.ts";
import { displayName, readHead, readInput } from "./io.ts";
import { looksLikeJson } from "./options.ts";
import { failOnFileError } from "./print.ts";
import { loadXlsReaderFor } from "./xls_reader.ts";

/** Throws when a file's report says the file is unusable. */
type FileCheck = (path: string, report: ImportReport, language: Language) => void;

/**
 * Reads files one after the other through a parser; the items of all files, in order.
 * @param paths - the files
 * @param reports - where each file's import report is added
 * @param language - the language of the message when a file is unusable
 * @param parse - the parser of one file's bytes
 * @param fail - what stops the run on an unusable file (by default print.ts's failOnFileError)
 * @returns the items
 */
async function readFiles<T>(
  paths: readonly string[],
  reports: ImportReport[],
  language: Language,
  parse: (bytes: Uint8Array, path: string) => ImportResult<T> | Promise<ImportResult<T>>,
  fail: FileCheck = failOnFileError,
): Promise<T[]> {
  const items: T[] = [];
  for (const path of paths) {
    const result = await parse(await readInput(path), path);
    reports.push(result.report);
    fail(path, result.report, language);
    for (const item of result.items) items.push(item);
  }
  return items;
}

/**
 * Reads every point file, in order.
 * @param paths - the files
 * @param options - the sheet of a workbook (`--sheet`), the language of the messages, and what stops the run on an
 *   unusable file (`progress` says it its own way)
 * @returns the points of all files, and one import report per file
 */
export async function readPointFiles(
  paths: readonly string[],
  options: { sheet?: string; language: Language; fail?: FileCheck },
): Promise<{ points: Point[]; reports: ImportReport[] }> {
  const reports: ImportReport[] = [];
  const points = await readFiles(
    paths,
    reports,
    options.language,
    async (bytes, path) => {
      const file = displayName(path);
      const head = await readHead(path);
      await loadXlsReaderFor(head);
      return isSpreadsheetFile(path, head)
        ? parsePointsXlsx(bytes, { file, sheet: options.sheet })
        : looksLikeJson(path, head)
          ? parsePointsGeojson(bytes, { file })
          : parsePointsCsv(bytes, { file });
    },
    options.fail,
  );
  return { points, reports };
}

/**
 * Reads coverage GeoJSON (or KML) files, in order, with the default property names.
 * @param paths - the files
 * @param reports - where each file's import report is added
 * @param language - the language of the messages
 * @returns the features of all files
 */
export function readCoverageGeojsonFiles(paths: readonly string[], reports: ImportReport[], language: Language): Promise<CoverageFeature[]> {
  return readFiles(paths, reports, language, (bytes, path) => parseCoverageGeojson(bytes, { file: displayName(path) }));
}

/**
 * Reads admin boundary files, in order.
 * @param paths - the files
 * @param reports - where each file's import report is added
 * @param language - the language of the messages
 * @returns the areas of all files
 */
export function readAdminFiles(paths: readonly string[], reports: ImportReport[], language: Language): Promise<AdminArea[]> {
  return readFiles(paths, reports, language, (bytes, path) => parseAdminGeojson(bytes, { file: displayName(path) }));
}
