/**
 * Option and file-type helpers shared by the CLI commands: each turns a user's string into a value or
 * throws a UserError naming the option and what it accepts.
 */
import { parseArgs, type ParseArgsOptionsConfig } from "node:util";
import { extname } from "node:path";
import { TECHNOLOGIES, type Language, type Technology } from "../../src/domain/index.ts";
import { UserError, type CliMessage } from "./io.ts";
import { out } from "./terminal.ts";

/** What `--points FILE` names, for the message when it is missing. */
export const POINT_LIST: CliMessage = { vi: "danh sách điểm CSV, Excel, GeoJSON hoặc KML", en: "a CSV, Excel, GeoJSON or KML point list" };

/** The formats a point list can be written in. */
export type PointsOutputFormat = "csv" | "geojson" | "kml" | "xlsx";

/**
 * Reads a technology option (`--min-tech 4G`, `--technology lte` is not accepted: only 2G–5G).
 * @param name - the option, for the message
 * @param value - its value, if given
 * @returns the technology, or undefined when the option was not given
 */
export function technologyOption(name: string, value: string | undefined): Technology | undefined {
  if (value === undefined) return undefined;
  const upper = value.trim().toUpperCase();
  const found = TECHNOLOGIES.find((technology) => technology === upper);
  if (!found)
    throw new UserError({
      vi: `${name} phải là một trong ${TECHNOLOGIES.join(", ")}, không phải "${value}"`,
      en: `${name} must be one of ${TECHNOLOGIES.join(", ")}, not "${value}"`,
    });
  return found;
}

/**
 * The output format from `--out`'s extension.
 * @param path - the output path
 * @returns csv, geojson, kml or xlsx
 */
export function outputFormat(path: string): PointsOutputFormat {
  const extension = extname(path).toLowerCase();
  if (extension === ".csv") return "csv";
  if (extension === ".geojson" || extension === ".json") return "geojson";
  if (extension === ".kml") return "kml";
  if (extension === ".xlsx") return "xlsx";
  throw new UserError({
    vi: `--out ${path}: không rõ định dạng "${extension || "(không có)"}"; hãy dùng .csv, .xlsx, .geojson hoặc .kml`,
    en: `--out ${path}: unknown format "${extension || "(none)"}"; use .csv, .xlsx, .geojson or .kml`,
  });
}

/**
 * Whether an input file goes to the GeoJSON importers (GeoJSON, or KML/KMZ which they read too) rather than CSV:
 * by extension, else by its first non-blank byte.
 * @param path - the file path
 * @param bytes - the file's first bytes
 * @returns true for JSON
 */
export function looksLikeJson(path: string, bytes: Uint8Array): boolean {
  const extension = extname(path).toLowerCase();
  if (extension === ".geojson" || extension === ".json" || extension === ".kml" || extension === ".kmz") return true;
  if (extension === ".csv" || extension === ".txt" || extension === ".tsv") return false;
  for (const byte of bytes.subarray(0, 64)) {
    if (byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09 || byte === 0xef || byte === 0xbb || byte === 0xbf) continue;
    return byte === 0x7b;
  }
  return false;
}

/**
 * Whether an input is a `.zip` (a zipped shapefile: read by the GeoJSON importers, never as a workbook).
 * @param path - the file path
 * @returns true for a .zip
 */
export function isZipPath(path: string): boolean {
  return extname(path).toLowerCase() === ".zip";
}

/** The options every command takes besides its own. */
const COMMON_OPTIONS = {
  lang: { type: "string" },
  quiet: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const satisfies ParseArgsOptionsConfig;

/**
 * Reads a command's options (node:util parseArgs, no positionals) plus `--lang`, `--quiet` and `--help`; a refused
 * command line becomes commandLineError.
 * @param command - the command's name, for the message
 * @param argv - the arguments after the command's name
 * @param options - the command's own options
 * @returns the values
 */
export function parseCommandLine<T extends ParseArgsOptionsConfig>(command: string, argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, allowPositionals: false, options: { ...options, ...COMMON_OPTIONS } }).values;
  } catch (error) {
    throw commandLineError(command, error);
  }
}

/**
 * The error for a command line that node:util parseArgs refused (an unknown option, a missing value).
 * @param command - the command, for the pointer to its help
 * @param error - what parseArgs threw
 * @returns the UserError to throw
 */
export function commandLineError(command: string, error: unknown): UserError {
  const detail = error instanceof Error ? error.message : String(error);
  return new UserError({ vi: `${detail}; xem ${command} --help`, en: `${detail}; see ${command} --help` });
}

/**
 * Reads `--lang`: vi (default) or en.
 * @param value - the option's value, if given
 * @returns the language of the printed text
 */
export function languageOption(value: string | undefined): Language {
  if (value === undefined || value === "vi") return "vi";
  if (value === "en") return "en";
  throw new UserError({ vi: `--lang phải là vi hoặc en, không phải "${value}"`, en: `--lang must be vi or en, not "${value}"` });
}

/**
 * Prints a command's help (`--help`).
 * @param help - the command's help text
 * @returns the exit code, 0
 */
export function printHelp(help: string): 0 {
  out(help + "\n");
  return 0;
}

/**
 * Stops the command when a required option is missing or names no file, pointing to the command's help.
 * @param value - the option's value, if given
 * @param command - the command, for the pointer to its help
 * @param option - the option as the help writes it ("--points FILE")
 * @param what - what the option names, in both languages
 */
export function requireOption<T extends string | readonly string[]>(
  value: T | undefined,
  command: string,
  option: string,
  what: CliMessage,
): asserts value is T {
  if (value === undefined || value.length === 0)
    throw new UserError({ vi: `cần ${option} (${what.vi}); xem ${command} --help`, en: `${option} is required (${what.en}); see ${command} --help` });
}
