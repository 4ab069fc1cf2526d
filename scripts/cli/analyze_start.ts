/**
 * The options of `analyze`, and the start of its coverage reading: a light module (no domain code), loaded first so
 * that the worker thread reading the coverage starts while the rest of the CLI loads.
 */
import { parseArgs } from "node:util";
import { readCoverageFiles, type CoverageReading } from "./coverage_files.ts";
import { UserError } from "./io.ts";
import { COVERAGE_READING_OPTIONS, POINTS_QUESTION_OPTIONS, ROWS_OUTPUT_OPTIONS } from "./option_groups.ts";

/** The command-line options of `analyze` (node:util parseArgs). */
export const ANALYZE_OPTIONS = {
  ...POINTS_QUESTION_OPTIONS,
  ...COVERAGE_READING_OPTIONS,
  ...ROWS_OUTPUT_OPTIONS,
  "lon-column": { type: "string" },
  "lat-column": { type: "string" },
  delimiter: { type: "string" },
  crs: { type: "string" },
  "admin-crs": { type: "string" },
  status: { type: "string" },
  nearest: { type: "boolean" },
  audience: { type: "string" },
  report: { type: "string" },
  lang: { type: "string" },
  quiet: { type: "boolean" },
  timings: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

/** The parsed options of `analyze`. */
export type AnalyzeOptions = ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: false; options: typeof ANALYZE_OPTIONS }>>["values"];

/** The coverage parse options given on the command line. */
export function coverageOptions(
  options: Pick<
    AnalyzeOptions,
    | "carrier-property"
    | "technology-property"
    | "as-of-property"
    | "repair"
    | "coverage-crs"
    | "tower-radius"
    | "tower-range"
    | "raster-threshold"
    | "raster-carrier"
    | "raster-technology"
    | "raster-as-of"
  >,
) {
  const threshold = options["raster-threshold"] === undefined ? undefined : Number(options["raster-threshold"].replace(",", "."));
  if (threshold !== undefined && !Number.isFinite(threshold))
    throw new UserError({
      vi: `--raster-threshold phải là một số (ví dụ -100), không phải "${options["raster-threshold"]}"`,
      en: `--raster-threshold must be a number (e.g. -100), not "${options["raster-threshold"]}"`,
    });
  const technology = options["raster-technology"]?.trim().toUpperCase();
  if (technology !== undefined && !["2G", "3G", "4G", "5G"].includes(technology))
    throw new UserError({
      vi: `--raster-technology phải là 2G, 3G, 4G hoặc 5G, không phải "${options["raster-technology"]}"`,
      en: `--raster-technology must be 2G, 3G, 4G or 5G, not "${options["raster-technology"]}"`,
    });
  return {
    threshold,
    // For a grid (a GeoTIFF holds no carrier or technology); also the default of GeoJSON features that lack them.
    carrier: options["raster-carrier"],
    technology: technology as "2G" | "3G" | "4G" | "5G" | undefined,
    asOf: options["raster-as-of"],
    crs: options["coverage-crs"],
    // The radii are read by the domain (an unreadable value is a file-level error naming the option).
    towers: { radiusText: options["tower-radius"], useRange: options["tower-range"] === true },
    carrierProperty: options["carrier-property"],
    technologyProperty: options["technology-property"],
    asOfProperty: options["as-of-property"],
    repair: options.repair === true,
  };
}

/**
 * Starts reading the coverage files of an `analyze` command line in a worker thread, before the rest of the CLI
 * is loaded (the two then load at the same time). Returns null when the command line has no coverage file or does
 * not parse; runAnalyze then reports the problem.
 * @param argv - the arguments after "analyze"
 * @returns the reading, to hand to runAnalyze
 */
export function startCoverageReading(argv: string[]): CoverageReading | null {
  let values: AnalyzeOptions;
  try {
    values = parseArgs({ args: argv, allowPositionals: false, options: ANALYZE_OPTIONS }).values;
  } catch {
    return null;
  }
  if (values.help || !values.coverage?.length || !values.points?.length) return null;
  return readCoverageFiles(values.coverage, coverageOptions(values));
}
