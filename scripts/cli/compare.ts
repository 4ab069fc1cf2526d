/**
 * `compare`: what a new coverage release changed for a list of points. The same points are analysed
 * against the earlier coverage (--before) and the later one (--after); the command prints the gaps closed
 * and opened, overall, per carrier and per province, and writes the points whose carriers changed.
 */
import { analyzeCoverage, comparisonExportRows, compareCoverage, type CoverageComparison, type Language, type PointFilter } from "../../src/domain/index.ts";
import { checkOutputs, csvSeparatorOption, writeOutput } from "./io.ts";
import { parseCommandLine, languageOption, outputFormat, POINT_LIST, printHelp, requireOption, technologyOption } from "./options.ts";
import { filterScope, printImportReports, printWrote } from "./print.ts";
import { POINTS_QUESTION_OPTIONS, ROWS_OUTPUT_OPTIONS } from "./option_groups.ts";
import { writePointRows } from "./point_output.ts";
import { readAdminFiles, readCoverageGeojsonFiles, readPointFiles } from "./input_files.ts";
import { out } from "./terminal.ts";

export const COMPARE_HELP = `compare — what a new coverage release changed for the schools and villages

  npm run cli -- compare --points FILE --before FILE [--before FILE…] --after FILE [--after FILE…] [options]

Inputs
  --points FILE        point list, CSV, Excel .xlsx or .xls, GeoJSON or KML (as for analyze). Repeatable.
  --sheet NAME         the sheet of an .xlsx point list (default: the first with coordinate columns)
  --before FILE        coverage GeoJSON of the earlier release(s). Repeatable.
  --after FILE         coverage GeoJSON of the later release(s). Repeatable.
  --admin FILE         admin boundaries GeoJSON, for the counts per province. Repeatable.

Question
  --min-tech T         only coverage at or above this technology counts (2G, 3G, 4G, 5G; default: any)
  --carrier NAME       only these carriers count. Repeatable.

Outputs
  --out FILE           the points whose covering carriers changed, as .csv, .geojson or .kml, with
                       status_before, status (after), carriers_gained and carriers_lost
  --csv-separator S    comma (default) or semicolon (with decimal commas, for Excel in Vietnamese)
  --summary FILE       the comparison as JSON: gaps closed and opened, per carrier, per province
  --lang vi|en         language of the printed text (default: vi)
  --quiet              print only the headline line
  -h, --help           this help

Exit codes: 0 done; 2 bad input or options (one line on stderr names the file and the reason).

Example (the sample's new sites):
  npm run cli -- compare --points data/sample/points.csv --before data/sample/coverage.geojson \\
      --after data/sample/coverage.geojson --after data/sample/coverage-new-sites.geojson --min-tech 4G`;

/**
 * Runs `compare`.
 * @param argv - the arguments after the command name
 * @returns the exit code
 */
export async function runCompare(argv: string[]): Promise<number> {
  const options = parseCommandLine("compare", argv, {
    ...POINTS_QUESTION_OPTIONS,
    ...ROWS_OUTPUT_OPTIONS,
    before: { type: "string", multiple: true },
    after: { type: "string", multiple: true },
  });
  if (options.help) return printHelp(COMPARE_HELP);
  const language = languageOption(options.lang);
  requireOption(options.points, "compare", "--points FILE", POINT_LIST);
  requireOption(options.before, "compare", "--before FILE", { vi: "vùng phủ bản trước, GeoJSON hoặc KML", en: "the earlier coverage, GeoJSON or KML" });
  requireOption(options.after, "compare", "--after FILE", { vi: "vùng phủ bản sau, GeoJSON hoặc KML", en: "the later coverage, GeoJSON or KML" });
  const filter: PointFilter = { minTechnology: technologyOption("--min-tech", options["min-tech"]), carriers: options.carrier };
  const separator = csvSeparatorOption(options["csv-separator"]);
  await checkOutputs(
    { "--out": options.out, "--summary": options.summary },
    { "--points": options.points, "--before": options.before, "--after": options.after, "--admin": options.admin },
  );
  // After checkOutputs: a directory given to --out is called a directory, not an unknown format.
  const format = options.out ? outputFormat(options.out) : null;

  const { points, reports } = await readPointFiles(options.points, { sheet: options.sheet, language });
  const before = await readCoverageGeojsonFiles(options.before, reports, language);
  const after = await readCoverageGeojsonFiles(options.after, reports, language);
  const admin = await readAdminFiles(options.admin ?? [], reports, language);

  const analysisAfter = analyzeCoverage(points, after, admin);
  const comparison = compareCoverage(analyzeCoverage(points, before, admin), analysisAfter, points, filter);
  if (!options.quiet) printImportReports(reports, language);
  printComparison(comparison, filter, language, options.quiet === true);

  if (options.out && format) {
    const rows = comparisonExportRows(analysisAfter, points, comparison, filter);
    await writePointRows(options.out, format, rows, { separator, name: language === "vi" ? "Điểm thay đổi vùng phủ" : "Points whose coverage changed" });
    printWrote(rows.length, { vi: "điểm", en: "points" }, options.out, language);
  }
  if (options.summary) {
    const { changes, ...totals } = comparison;
    const document = {
      filter,
      ...totals,
      changes: changes.map((change) => ({ id: points[change.index].id, before: change.before, after: change.after, gained: change.gained, lost: change.lost })),
    };
    await writeOutput(options.summary, JSON.stringify(document, null, 2) + "\n");
  }
  return 0;
}

function printComparison(comparison: CoverageComparison, filter: PointFilter, language: Language, quiet: boolean): void {
  const vi = language === "vi";
  const n = (value: number) => new Intl.NumberFormat(vi ? "vi-VN" : "en-US").format(value);
  const signed = (value: number, sign: "+" | "−") => (value === 0 ? "0" : `${sign}${n(value)}`);
  const scope = filterScope(filter, language);
  const line = (text: string) => out(text + "\n");
  line(
    vi
      ? `\nĐiểm: ${n(comparison.points)}; chưa có sóng (${scope}): ${n(comparison.uncoveredBefore)} → ${n(comparison.uncoveredAfter)}; hết lõm: ${n(comparison.gapsClosed)}; lõm mới: ${n(comparison.gapsOpened)}; điểm thay đổi nhà mạng: ${n(comparison.changes.length)}`
      : `\nPoints: ${n(comparison.points)}; uncovered (${scope}): ${n(comparison.uncoveredBefore)} → ${n(comparison.uncoveredAfter)}; gaps closed: ${n(comparison.gapsClosed)}; gaps opened: ${n(comparison.gapsOpened)}; points whose carriers changed: ${n(comparison.changes.length)}`,
  );
  if (quiet) return;
  line(`\n${vi ? "Theo nhà mạng (điểm được phủ: trước → sau; thêm / mất)" : "By carrier (points covered: before → after; gained / lost)"}`);
  for (const entry of comparison.byCarrier) {
    line(
      `  ${entry.carrier.padEnd(14)} ${n(entry.coveredBefore).padStart(9)} → ${n(entry.coveredAfter).padEnd(9)} ${signed(entry.gained, "+").padStart(8)} / ${signed(entry.lost, "−")}`,
    );
  }
  if (comparison.byProvince.length > 0) {
    line(`\n${vi ? "Theo tỉnh (chưa có sóng: trước → sau; hết lõm / lõm mới)" : "By province (uncovered: before → after; closed / opened)"}`);
    for (const area of comparison.byProvince) {
      line(
        `  ${area.name.padEnd(24)} ${n(area.uncoveredBefore).padStart(7)} → ${n(area.uncoveredAfter).padEnd(7)} ${n(area.gapsClosed).padStart(6)} / ${n(area.gapsOpened)}`,
      );
    }
  }
}
