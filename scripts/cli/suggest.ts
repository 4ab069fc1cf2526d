/**
 * `suggest`: where to build. The points left uncovered (at a technology, by one carrier or by any) are covered by
 * up to K new sites, each a disc of the given radius, chosen by greedy maximum coverage of pupils, households or
 * points (src/domain/planning). Prints each site's marginal gain and writes the sites as CSV, GeoJSON or KML.
 */
import {
  SITE_WEIGHT_MODES,
  analyzeCoverage,
  planSites,
  siteExportRows,
  type Language,
  type PointFilter,
  type SitePlan,
  type SiteWeightMode,
} from "../../src/domain/index.ts";
import { UserError, checkOutputs, csvSeparatorOption, writeOutput } from "./io.ts";
import { out } from "./terminal.ts";
import { parseCommandLine, languageOption, outputFormat, printHelp, requireOption, technologyOption } from "./options.ts";
import { filterScope, printImportReports, printWrote } from "./print.ts";
import { POINTS_QUESTION_OPTIONS, ROWS_OUTPUT_OPTIONS } from "./option_groups.ts";
import { writePointRows } from "./point_output.ts";
import { readAdminFiles, readCoverageGeojsonFiles, readPointFiles } from "./input_files.ts";

export const SUGGEST_HELP = `suggest — where to build: new sites that would cover the most uncovered pupils, households or points

  npm run cli -- suggest --points FILE --coverage FILE [options]

Inputs
  --points FILE        point list, CSV, Excel .xlsx or .xls, GeoJSON or KML (as for analyze). Repeatable.
  --sheet NAME         the sheet of an .xlsx point list
  --coverage FILE      coverage GeoJSON or KML. Repeatable.
  --admin FILE         admin boundaries (to keep to one province with --province). Repeatable.

Question
  --min-tech T         a point counts as covered only at or above this technology (2G–5G; default: any)
  --carrier NAME       uncovered by these carriers (default: by every carrier). Repeatable.
  --province CODE      only the points of this province
  --radius KM          a new site covers a disc of this radius, km (default 3)
  --sites K            at most K sites (default 10)
  --weight W           what a site's gain counts: pupils (the count column of schools and school sites),
                       households (of villages and village centres) or points (default: points)
  --grid-step KM       spacing of the candidate grid around clusters, km (default radius / 2; 0: points only)

Outputs
  --out FILE           the sites as .csv, .geojson or .kml: rank, position, gain, points covered,
                       cumulative gain and share, ids of the points each site covers
  --csv-separator S    comma (default) or semicolon
  --summary FILE       the plan as JSON
  --lang vi|en         language of the printed text (default: vi)
  --quiet              print only the headline line
  -h, --help           this help

The greedy choice covers at least (1 − 1/e) ≈ 63% of what the best K candidate sites could cover.

Example:
  npm run cli -- suggest --points data/sample/points.csv --coverage data/sample/coverage.geojson \\
      --min-tech 4G --radius 3 --sites 20 --weight pupils --out de-xuat-tram.csv`;

/**
 * Reads a positive number option.
 * @param name - the option, for the message
 * @param value - its value
 * @param fallback - the default
 * @param options - whether 0 is allowed, whether it must be an integer
 * @returns the number
 */
function numberOption(name: string, value: string | undefined, fallback: number, options: { zero?: boolean; integer?: boolean } = {}): number {
  if (value === undefined) return fallback;
  const number = Number(value.replace(",", "."));
  const ok = Number.isFinite(number) && (options.zero ? number >= 0 : number > 0) && (!options.integer || Number.isInteger(number)) && number <= 10_000;
  if (!ok) {
    const what = options.integer ? { vi: "số nguyên dương", en: "a positive integer" } : { vi: "số dương (km)", en: "a positive number (km)" };
    throw new UserError({ vi: `${name} phải là ${what.vi}, không phải "${value}"`, en: `${name} must be ${what.en}, not "${value}"` });
  }
  return number;
}

function weightOption(value: string | undefined): SiteWeightMode {
  if (value === undefined) return "points";
  const found = SITE_WEIGHT_MODES.find((mode) => mode === value.trim().toLowerCase());
  if (!found)
    throw new UserError({
      vi: `--weight phải là pupils, households hoặc points, không phải "${value}"`,
      en: `--weight must be pupils, households or points, not "${value}"`,
    });
  return found;
}

/**
 * Runs `suggest`.
 * @param argv - the arguments after the command name
 * @returns the exit code
 */
export async function runSuggest(argv: string[]): Promise<number> {
  const options = parseCommandLine("suggest", argv, {
    ...POINTS_QUESTION_OPTIONS,
    ...ROWS_OUTPUT_OPTIONS,
    coverage: { type: "string", multiple: true },
    province: { type: "string" },
    radius: { type: "string" },
    sites: { type: "string" },
    weight: { type: "string" },
    "grid-step": { type: "string" },
  });
  if (options.help) return printHelp(SUGGEST_HELP);
  const language = languageOption(options.lang);
  requireOption(options.points, "suggest", "--points FILE", { vi: "danh sách điểm", en: "the point list" });
  requireOption(options.coverage, "suggest", "--coverage FILE", { vi: "vùng phủ GeoJSON hoặc KML", en: "coverage GeoJSON or KML" });
  const filter: PointFilter = { minTechnology: technologyOption("--min-tech", options["min-tech"]), carriers: options.carrier };
  if (options.province !== undefined) filter.provinceCode = options.province;
  const radiusKm = numberOption("--radius", options.radius, 3);
  const sites = numberOption("--sites", options.sites, 10, { integer: true });
  const gridStepKm = numberOption("--grid-step", options["grid-step"], radiusKm / 2, { zero: true });
  const weightMode = weightOption(options.weight);
  const format = options.out ? outputFormat(options.out) : null;
  const separator = csvSeparatorOption(options["csv-separator"]);
  await checkOutputs(
    { "--out": options.out, "--summary": options.summary },
    { "--points": options.points, "--coverage": options.coverage, "--admin": options.admin },
  );

  const { points, reports } = await readPointFiles(options.points, { sheet: options.sheet, language });
  const coverage = await readCoverageGeojsonFiles(options.coverage, reports, language);
  const admin = await readAdminFiles(options.admin ?? [], reports, language);

  const analysis = analyzeCoverage(points, coverage, admin);
  const plan = planSites(analysis, points, filter, weightMode, { radiusKm, sites, gridStepKm });
  if (!options.quiet) printImportReports(reports, language);
  printPlan(plan, filter, language, options.quiet === true);

  if (options.out && format) {
    const rows = siteExportRows(plan, points, language);
    await writePointRows(options.out, format, rows, { separator, name: language === "vi" ? "Đề xuất vị trí trạm" : "Suggested sites" });
    printWrote(rows.length, { vi: "vị trí", en: "sites" }, options.out, language);
  }
  if (options.summary) {
    const document = {
      filter,
      radiusKm: plan.radiusKm,
      weight: plan.weightMode,
      uncovered: plan.uncovered,
      targets: plan.targets,
      totalWeight: plan.totalWeight,
      coveredWeight: plan.coveredWeight,
      candidates: plan.candidates,
      sites: plan.sites.map((site) => ({
        rank: site.rank,
        lon: site.lon,
        lat: site.lat,
        gain: site.gain,
        cumulative: site.cumulative,
        covered: site.covered.map((t) => points[plan.pointOf[t]].id),
      })),
    };
    await writeOutput(options.summary, JSON.stringify(document, null, 2) + "\n");
  }
  return 0;
}

const WEIGHT_LABELS: Record<SiteWeightMode, { vi: string; en: string }> = {
  points: { vi: "điểm", en: "points" },
  pupils: { vi: "học sinh", en: "pupils" },
  households: { vi: "hộ", en: "households" },
};

function printPlan(plan: SitePlan, filter: PointFilter, language: Language, quiet: boolean): void {
  const vi = language === "vi";
  const n = (value: number, digits = 0) => new Intl.NumberFormat(vi ? "vi-VN" : "en-US", { maximumFractionDigits: digits }).format(value);
  const unit = WEIGHT_LABELS[plan.weightMode][language];
  const scope = filterScope(filter, language);
  const share = plan.totalWeight > 0 ? `${n((100 * plan.coveredWeight) / plan.totalWeight, 1)}%` : "–";
  const line = (text: string) => out(text + "\n");
  line(
    vi
      ? `\nĐiểm chưa có sóng (${scope}): ${n(plan.uncovered)}; tổng ${n(plan.totalWeight)} ${unit}. ${n(plan.sites.length)} trạm mới (bán kính ${n(plan.radiusKm, 2)} km) phủ ${n(plan.coveredWeight)} ${unit} (${share}).`
      : `\nUncovered points (${scope}): ${n(plan.uncovered)}; ${n(plan.totalWeight)} ${unit} in all. ${n(plan.sites.length)} new sites (radius ${n(plan.radiusKm, 2)} km) cover ${n(plan.coveredWeight)} ${unit} (${share}).`,
  );
  if (quiet) return;
  line(vi ? `\n  #   kinh độ     vĩ độ      thêm ${unit}   cộng dồn   số điểm` : `\n  #   lon         lat        gain (${unit})   cumulative   points`);
  for (const site of plan.sites) {
    line(
      `  ${String(site.rank).padStart(2)}  ${site.lon.toFixed(5).padEnd(10)}  ${site.lat.toFixed(5).padEnd(9)}  ${n(site.gain).padStart(10)}   ${n(site.cumulative).padStart(9)}   ${n(site.covered.length).padStart(6)}`,
    );
  }
}
