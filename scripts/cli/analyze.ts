/**
 * `analyze`: which points are uncovered, by which carrier and technology.
 * Reads files, calls the domain core, prints and writes. No analysis logic lives here.
 */
import {
  COMPUTED_COLUMNS,
  NEAREST_COLUMNS,
  PROVINCE_LISTED_COLUMN,
  buildExportRows,
  buildNearestCoverageIndex,
  countedLayers,
  coverageAsOfText,
  createCoverageAnalyzer,
  createPeopleCsvWriter,
  createPointsCsvStream,
  createPointsWriter,
  exportColumns,
  isSpreadsheetFile,
  createSchoolWeightAccumulator,
  mergeCoverageSummaries,
  parseAdminGeojson,
  parseFlexibleDate,
  peopleColumns,
  selectCoverageReleases,
  parsePointsGeojson,
  pointsCsvExtraColumnNames,
  selectPoints,
  summarizeCoverage,
  type AdminArea,
  type CoverageAnalyzer,
  type CoverageFeature,
  type CoverageSummary,
  type CsvSeparator,
  type ExportAudience,
  type NearestCoverageIndex,
  type ExportRow,
  type ImportReport,
  type ImportResult,
  type Language,
  type PeopleColumn,
  type Point,
  type PointFilter,
  type PointStatus,
  type Technology,
} from "../../src/domain/index.ts";
import { addIssues } from "../../src/domain/parse/import_issue.ts";
import { ANALYZE_OPTIONS, coverageOptions, type AnalyzeOptions } from "./analyze_start.ts";
import { readCoverageFiles, type CoverageReading } from "./coverage_files.ts";
import { UserError, checkOutputs, csvSeparatorOption, displayName, openAtomicFile, readChunks, readHead, readInput, writeOutput } from "./io.ts";
import {
  isZipPath,
  languageOption,
  looksLikeJson,
  outputFormat,
  parseCommandLine,
  POINT_LIST,
  printHelp,
  requireOption,
  type PointsOutputFormat,
  technologyOption,
} from "./options.ts";
import { failOnFileError, printImportReports, printSummary, printTimings, printWrote } from "./print.ts";
import { attachIssues, printSchoolsAndWeights } from "./print_schools.ts";
import { readPointsWorkbook } from "./xlsx_input.ts";
import { openXlsxOutput } from "./xlsx_output.ts";

export const ANALYZE_HELP = `analyze — which schools and villages have no signal, from which carrier

  npm run cli -- analyze --points FILE [--points FILE…] --coverage FILE [--coverage FILE…] [options]

Inputs
  --points FILE        point list: CSV (UTF-8 or windows-1258; , ; or tab; decimal commas; Vietnamese headers),
                       Excel .xlsx (same columns and rules; dates and numbers read as Excel shows them)
                       or GeoJSON / KML / KMZ Point features. Repeatable.
                       Also a zipped shapefile (.zip: .shp .shx .dbf .prj, optional .cpg), an old Excel .xls,
                       or an OpenStreetMap export (GeoJSON from Overpass / osmtogeojson: school grounds and
                       village areas become a point inside them).
  --sheet NAME         the sheet of an .xlsx or .xls workbook to read (default: the first with coordinate columns)
  --crs SYSTEM         coordinate system of the point lists when they are not WGS 84 degrees: VN2000 (EPSG:4756),
                       VN2000-UTM48 (EPSG:3405), VN2000-UTM49 (EPSG:3406), VN2000-TM3-<meridian> (e.g.
                       VN2000-TM3-105.75, VN2000-TM3-105:45, VN2000-TM3-"Lào Cai"; EPSG:5896–5899, 9205–9218).
                       A CSV's X/Y columns in metres are then easting/northing (X = northing is recognised).
                       A shapefile's .prj is read without it.
  --coverage-crs SYSTEM, --admin-crs SYSTEM
                       the same for the coverage and the admin boundary files
  --coverage also reads a zipped shapefile, and a public tower list (OpenCelliD CSV: radio,mcc,net,area,cell,…)
                       as ESTIMATED coverage: a disc per cell of MCC 452 (MNC 01 MobiFone, 02 VNPT, 04 Viettel,
                       05 Vietnamobile, 07 Gmobile), in layers named "Viettel (ước tính)" etc., never mixed with a
                       carrier's own map
  --tower-radius R     disc radius per technology in km (default 2G=12,3G=4,4G=4,5G=0.5)
  --tower-range        use each cell's own "range" instead, clamped to 0.1–35 km
  --coverage also reads a GeoTIFF grid in EPSG:4326 (a predicted signal or a 0/1 grid): a cell is covered when its
                       value is at least --raster-threshold (default 1; for dBm write --raster-threshold=-100), exactly per cell
  --raster-threshold N, --raster-carrier NAME, --raster-technology T, --raster-as-of YYYY-MM-DD
                       the threshold, carrier, technology and date of a GeoTIFF grid
  --coverage FILE      coverage GeoJSON, KML or KMZ: Polygon/MultiPolygon features with carrier, technology
                       (2G/3G/4G/5G) and as_of properties. Repeatable.
  --admin FILE         admin boundaries GeoJSON (provinces and/or communes) to fill each point's area. Repeatable.
  --lon-column NAME    longitude column when it is not recognised (default: lon, lng, longitude, x, kinh độ…)
  --lat-column NAME    latitude column when it is not recognised (default: lat, latitude, y, vĩ độ…)
  --delimiter C        CSV delimiter: "," ";" or "tab" (default: detected from the header row)
  --carrier-property P, --technology-property P, --as-of-property P
                       coverage property names when they are not carrier / technology (or tech) / as_of
  --as-of YYYY-MM-DD   coverage as of that date: per carrier × technology the latest release (as_of) on or
                       before it counts (default: the latest release; earlier releases never add coverage)
  --repair             (accepted, no longer needed: every coverage polygon is made valid on import, each change reported)

Question
  --min-tech T         only coverage at or above this technology counts (2G, 3G, 4G, 5G; default: any)
  --carrier NAME       only these carriers count ("uncovered by Viettel"). Repeatable.
  --status S           which points to write: uncovered (default), single_carrier, covered, all
  --nearest            add nearest_carrier and nearest_km to the written points: the carrier whose coverage
                       (at or above --min-tech, among --carrier) is nearest to the point without covering it,
                       and the distance to it in km (up to 100 km): who is best placed to close the gap

Outputs
  --out FILE           the selected points, as .csv (UTF-8 with BOM, formula-safe), .xlsx (codes kept as text:
                       02647 keeps its zero), .geojson or .kml
  --audience A         machine (default) or people, for a .csv or .xlsx --out. machine: English snake_case
                       headers and codes (id, kind=village, status=uncovered), the file this tool and others
                       re-import. people: the list for reading, printing and forwarding, in the --lang language:
                       Tên, Loại (Thôn/bản, Trường, Điểm trường), Trạng thái (Chưa có sóng 4G…), Nhà mạng có
                       sóng, Công nghệ tốt nhất, Sĩ số, Số hộ, Xã beside Tỉnh, dates as dd/mm/yyyy
  --csv-separator S    comma (default) or semicolon: ";" between cells and decimal commas, the CSV that
                       Excel opens in columns on a computer set to the Vietnamese region
  --summary FILE       the summary as JSON (counts per carrier/technology, province, commune, kind)
  --report FILE        the import report as JSON (read, accepted, rejected, every issue with its row)
  --lang vi|en         language of the printed text (default: vi)
  --quiet              print only the summary line
  --timings            print the time spent in each stage and the peak memory
  -h, --help           this help

Exit codes: 0 done; 2 bad input or options (one line on stderr names the file and the reason).

Examples
  npm run cli -- analyze --points data/sample/points.csv --coverage data/sample/coverage.geojson \\
      --admin data/boundaries/communes.geojson --min-tech 4G --out uncovered.csv --summary summary.json
  npm run cli -- analyze --points truong.csv --coverage viettel.geojson --carrier Viettel --out lom-song.kml
  npm run cli -- analyze --points data/sample/points.csv --coverage data/sample/coverage.geojson \\
      --admin data/boundaries/communes.geojson --min-tech 4G --audience people --out danh-sach.xlsx`;

const STATUSES = ["uncovered", "single_carrier", "covered", "all"] as const;

const COVERAGE_STAGE = "coverage: parse and check";
/** Points read ahead of the indexes at most (about 0.4 GB of points); past it, reading waits for the coverage. */
const MAX_WAITING_POINTS = 1_500_000;

/**
 * Runs `analyze` with the given arguments.
 * @returns the exit code
 */
export async function runAnalyze(argv: string[], early?: CoverageReading): Promise<number> {
  const options = parseCommandLine("analyze", argv, ANALYZE_OPTIONS);
  if (options.help) return printHelp(ANALYZE_HELP);
  const language = languageOption(options.lang);
  requireOption(options.points, "analyze", "--points FILE", POINT_LIST);
  requireOption(options.coverage, "analyze", "--coverage FILE", { vi: "vùng phủ GeoJSON hoặc KML", en: "a coverage GeoJSON or KML" });
  const minTechnology = technologyOption("--min-tech", options["min-tech"]);
  const status = (options.status ?? "uncovered") as PointStatus | "all";
  if (!STATUSES.includes(status))
    throw new UserError({
      vi: `--status phải là một trong ${STATUSES.join(", ")}, không phải "${options.status}"`,
      en: `--status must be one of ${STATUSES.join(", ")}, not "${options.status}"`,
    });
  const delimiter = parseDelimiter(options.delimiter);
  const separator = csvSeparatorOption(options["csv-separator"]);
  if (options["as-of"] !== undefined && parseFlexibleDate(options["as-of"]) !== options["as-of"]) {
    throw new UserError({
      vi: `--as-of cần một ngày YYYY-MM-DD, không phải "${options["as-of"]}"`,
      en: `--as-of needs a date YYYY-MM-DD, not "${options["as-of"]}"`,
    });
  }
  if (options.nearest && !options.out)
    throw new UserError({
      vi: "--nearest thêm cột vào các điểm được ghi ra: hãy cho thêm --out FILE",
      en: "--nearest adds columns to the written points: give --out FILE too",
    });
  await checkOutputs(
    { "--out": options.out, "--summary": options.summary, "--report": options.report },
    { "--points": options.points, "--coverage": options.coverage, "--admin": options.admin },
  );
  // After checkOutputs: a directory given to --out is called a directory, not an unknown format.
  const outFormat = options.out ? outputFormat(options.out) : null;
  const audience = audienceOption(options.audience, options.out, outFormat);
  return analyze(options, { language, minTechnology, status, delimiter, outFormat, separator, audience }, early);
}

async function analyze(
  options: AnalyzeOptions,
  settings: {
    language: Language;
    minTechnology: Technology | undefined;
    status: PointStatus | "all";
    delimiter: "," | ";" | "\t" | undefined;
    outFormat: PointsOutputFormat | null;
    separator: CsvSeparator;
    audience: ExportAudience;
  },
  early: CoverageReading | undefined,
): Promise<number> {
  const { language, minTechnology, status, delimiter, outFormat, separator, audience } = settings;
  const pointPaths = options.points ?? [];
  const coveragePaths = options.coverage ?? [];
  const started = performance.now();
  const timings = new Map<string, number>();
  const timed = <T>(label: string, work: () => T): T => {
    const start = performance.now();
    try {
      return work();
    } finally {
      timings.set(label, (timings.get(label) ?? 0) + performance.now() - start);
    }
  };
  const reports: ImportReport[] = [];
  // With two cores or more, the coverage files are read in a worker thread while this thread reads the points (the two
  // largest inputs); the point batches then wait, in memory, until the coverage is in and its indexes are built.
  // Otherwise the coverage is read first, on this thread (see coverage_files.ts).
  timings.set(COVERAGE_STAGE, 0);
  const coverageReading = early ?? readCoverageFiles(coveragePaths, coverageOptions(options));
  const adminResults: { path: string; result: ImportResult<AdminArea> }[] = [];
  try {
    for (const path of options.admin ?? []) {
      const bytes = await readInput(path);
      adminResults.push({
        path,
        result: timed("admin areas: parse and check", () => parseAdminGeojson(bytes, { file: displayName(path), crs: options["admin-crs"] })),
      });
    }
  } catch (error) {
    // A coverage error is reported first, as when the files were read one after the other.
    await coverageReading.done;
    if (coverageReading.error) throw coverageReading.error;
    for (const file of coverageReading.files) failOnFileError(file.path, file.report, language);
    throw error;
  }

  const filter: PointFilter = { minTechnology, carriers: options.carrier };
  const csvOptions = { delimiter, lonColumn: options["lon-column"], latColumn: options["lat-column"], sheet: options.sheet, crs: options.crs };
  let analyzer: CoverageAnalyzer | null = null;
  let nearest: NearestCoverageIndex | undefined;
  let output: Awaited<ReturnType<typeof openOutput>> | null = null;
  /** Waits for the coverage, checks the coverage and admin files in order, builds the indexes and opens the output. */
  const ready = async (): Promise<CoverageAnalyzer> => {
    if (analyzer) return analyzer;
    const waitStart = performance.now();
    await coverageReading.done;
    if (coverageReading.inWorker) timings.set("coverage: waiting for the worker", performance.now() - waitStart);
    if (coverageReading.error) throw coverageReading.error;
    const coverage: CoverageFeature[] = [];
    for (const file of coverageReading.files) {
      timings.set(COVERAGE_STAGE, (timings.get(COVERAGE_STAGE) ?? 0) + file.milliseconds);
      reports.push(file.report);
      failOnFileError(file.path, file.report, language);
      for (const feature of file.items) coverage.push(feature);
      // The index holds what the queries need; dropping the parsed polygons (hundreds of MB at national scale)
      // keeps every later garbage collection small.
      file.items = [];
    }
    // The latest release per carrier × technology is in force (or the latest on or before --as-of).
    const releases = selectCoverageReleases(coverage, { asOf: options["as-of"] });
    for (const issue of releases.issues) {
      const report = reports.find((candidate) => candidate.kind === "coverage" && candidate.file === issue.file);
      if (report) addIssues(report, [issue]);
    }
    coverage.length = 0;
    for (const feature of releases.inForce) coverage.push(feature);
    const admin: AdminArea[] = [];
    for (const { path, result } of adminResults) {
      reports.push(result.report);
      failOnFileError(path, result.report, language);
      for (const area of result.items) admin.push(area);
    }
    const built = timed("indexes: build", () => createCoverageAnalyzer(coverage, admin));
    if (options.nearest && outFormat) nearest = timed("indexes: nearest coverage", () => buildNearestCoverageIndex(coverage, filter));
    coverage.length = 0;
    if (options.out && outFormat) {
      const columns = await probeColumns(pointPaths ?? [], csvOptions, nearest !== undefined);
      // For people: the machine columns translated, the status naming --min-tech, the date of the coverage that counts.
      const coverageAsOf = coverageAsOfText(built.layers, countedLayers(built, filter).counted);
      const people = audience === "people" ? peopleColumns(columns, { language, minTechnology, ...(coverageAsOf ? { coverageAsOf } : {}) }) : undefined;
      output = await openOutput(options.out, outFormat, columns, language, separator, people);
    }
    analyzer = built;
    return built;
  };

  const summaries: CoverageSummary[] = [];
  // Schools as schools and pupils/households: accumulated over the batches (a site may come before its school).
  const schoolWeights = createSchoolWeightAccumulator(filter);
  let selectedCount = 0;
  let pointCount = 0;
  // Batches read before the indexes are ready.
  const waiting: Point[][] = [];
  let waitingPoints = 0;
  const analyzeBatch = async (points: Point[]): Promise<void> => {
    const analysis = timed("points: query coverage and areas", () => (analyzer as CoverageAnalyzer).analyze(points));
    const selected = timed("points: summarise and select", () => {
      summaries.push(summarizeCoverage(analysis, points, filter));
      schoolWeights.add(analysis, points);
      return selectPoints(analysis, points, { ...filter, status });
    });
    selectedCount += selected.length;
    if (output) {
      const writer = output;
      const text = timed("output: format", () => writer.writer.rows(buildExportRows(analysis, points, selected, filter, { nearest })));
      await writer.write(text);
    }
  };
  const flush = async (): Promise<void> => {
    await ready();
    for (const points of waiting.splice(0)) await analyzeBatch(points);
    waitingPoints = 0;
  };
  const handleBatch = async (points: Point[]): Promise<void> => {
    if (points.length === 0) return;
    pointCount += points.length;
    if (analyzer === null && !coverageReading.settled && waitingPoints < MAX_WAITING_POINTS) {
      waiting.push(points);
      waitingPoints += points.length;
      return;
    }
    if (analyzer === null || waiting.length > 0) await flush();
    await analyzeBatch(points);
  };
  // Point reports follow the coverage and admin reports, which are known once the indexes are ready.
  const pointReports: { path: string; report: ImportReport }[] = [];
  // Without a worker the coverage is read first, as before: no point waits in memory beside the parsed coverage.
  if (!coverageReading.inWorker) await ready();
  const checkPoints = async (path: string, report: ImportReport): Promise<void> => {
    pointReports.push({ path, report });
    // A file that stops the run does so after the coverage and admin files are checked, as before.
    if (failsFile(report)) await ready();
    if (analyzer === null) return;
    for (const entry of pointReports.splice(0)) {
      reports.push(entry.report);
      failOnFileError(entry.path, entry.report, language);
    }
  };
  try {
    for (const path of pointPaths) {
      const file = displayName(path);
      if (isZipPath(path)) {
        // A zipped shapefile: read whole, then the GeoJSON rules (its .prj, or --crs).
        const result = parsePointsGeojson(await readInput(path), { file, crs: options.crs });
        await checkPoints(path, result.report);
        await handleBatch(result.items);
        continue;
      }
      if (isSpreadsheetFile(path, await readHead(path))) {
        // A workbook is read whole (it is a zip), then goes through the CSV rules: see parsePointsXlsx.
        const result = await readPointsWorkbook(path, { file, ...csvOptions });
        timings.set("points: parse", (timings.get("points: parse") ?? 0) + result.parseMilliseconds);
        await checkPoints(path, result.report);
        await handleBatch(result.items);
        continue;
      }
      if (looksLikeJson(path, await readHead(path))) {
        const result = parsePointsGeojson(await readInput(path), { file, crs: options.crs });
        await checkPoints(path, result.report);
        await handleBatch(result.items);
        continue;
      }
      const stream = createPointsCsvStream({ file, ...csvOptions });
      for await (const chunk of readChunks(path)) for (const batch of timed("points: parse", () => stream.push(chunk))) await handleBatch(batch.items);
      for (const batch of timed("points: parse", () => stream.end())) await handleBatch(batch.items);
      await checkPoints(path, stream.report());
    }
    await flush();
    for (const { path, report } of pointReports.splice(0)) {
      reports.push(report);
      failOnFileError(path, report, language);
    }
    if (pointCount === 0) {
      // Every file was read and none had a row (failOnFileError has stopped on files whose rows were all rejected).
      const tabular = reports.slice(-pointPaths.length).every((report) => report.detected?.delimiter !== undefined);
      throw new UserError(
        tabular
          ? {
              vi: `${pointPaths.join(", ")}: tệp có dòng tiêu đề nhưng không có dòng dữ liệu nào`,
              en: `${pointPaths.join(", ")}: the file has a header but no data rows`,
            }
          : {
              vi: `${pointPaths.join(", ")}: tệp không có điểm nào (không có dòng dữ liệu hay đối tượng nào)`,
              en: `${pointPaths.join(", ")}: the file holds no points (no data rows or features)`,
            },
      );
    }
  } catch (error) {
    // The coverage and admin files are checked first, as when the files were read one after the other.
    if (analyzer === null) {
      await coverageReading.done;
      await ready();
    }
    const opened = output as Awaited<ReturnType<typeof openOutput>> | null;
    await opened?.abandon();
    throw error;
  }
  await (output as Awaited<ReturnType<typeof openOutput>> | null)?.finish();

  const summary = mergeCoverageSummaries(summaries);
  const schoolsAndWeights = schoolWeights.finish();
  attachIssues(reports, schoolsAndWeights.issues);
  if (!options.quiet) printImportReports(reports, language);
  printSummary(summary, { language, filter, quiet: options.quiet === true });
  printSchoolsAndWeights(schoolsAndWeights, language, options.quiet === true);
  if (options.out) {
    printWrote(selectedCount, { vi: "điểm", en: "points" }, options.out, language);
  }
  if (options.timings) printTimings(timings, performance.now() - started, language);
  if (options.summary)
    await writeOutput(
      options.summary,
      JSON.stringify({ filter: { ...filter, status }, ...summary, schools: schoolsAndWeights.schools, weights: schoolsAndWeights.weights }, null, 2) + "\n",
    );
  if (options.report) await writeOutput(options.report, JSON.stringify(reports, null, 2) + "\n");
  return 0;
}

/**
 * The output columns, fixed before streaming: the point columns, the extra columns of each file (for a CSV, from
 * its header: every column that is not one of the point's own), plus the computed ones.
 */
async function probeColumns(
  paths: readonly string[],
  csvOptions: { delimiter?: "," | ";" | "\t"; lonColumn?: string; latColumn?: string; sheet?: string; crs?: string },
  withNearest: boolean,
): Promise<string[]> {
  const rows: ExportRow[] = [];
  const computedFor = (point: Point) =>
    Object.fromEntries(
      [
        ...COMPUTED_COLUMNS,
        ...(point.provinceName !== undefined || point.provinceCode !== undefined ? [PROVINCE_LISTED_COLUMN] : []),
        ...(withNearest ? NEAREST_COLUMNS : []),
      ].map((column) => [column, ""]),
    );
  const computed = computedFor({ id: "", name: "", kind: "other", lon: 0, lat: 0, source: { file: "", row: 0 }, extra: {} });
  const blank = (extra: Record<string, string>, computedColumns = computed): ExportRow => ({
    point: { id: "", name: "", kind: "other", lon: 0, lat: 0, source: { file: "", row: 0 }, extra },
    computed: computedColumns,
  });
  for (const path of paths) {
    const head = await readHead(path, 256 * 1024);
    if (isZipPath(path)) {
      for (const point of parsePointsGeojson(await readInput(path), { file: displayName(path), crs: csvOptions.crs }).items)
        rows.push({ point, computed: computedFor(point) });
      continue;
    }
    if (isSpreadsheetFile(path, head)) {
      for (const point of (await readPointsWorkbook(path, { file: displayName(path), ...csvOptions }, true)).items)
        rows.push({ point, computed: computedFor(point) });
      continue;
    }
    if (looksLikeJson(path, head)) {
      for (const point of parsePointsGeojson(await readInput(path), { file: displayName(path), crs: csvOptions.crs }).items)
        rows.push({ point, computed: computedFor(point) });
      continue;
    }
    // The extra columns come from the header; whether the list names provinces (province_listed), from its first readable point.
    const columns = await pointsCsvExtraColumns(path, csvOptions);
    const stream = createPointsCsvStream({ file: displayName(path), ...csvOptions, batchBytes: 1 });
    const first = [...stream.push(head), ...stream.end()].flatMap((batch) => batch.items)[0];
    rows.push(blank(Object.fromEntries(columns.map((column) => [column, ""])), first ? computedFor(first) : computed));
  }
  if (rows.length === 0) rows.push(blank({}));
  return exportColumns(rows);
}

/** The extra columns of a point CSV, from its header (read from the first chunks until the header is complete). */
async function pointsCsvExtraColumns(path: string, csvOptions: { delimiter?: "," | ";" | "\t"; lonColumn?: string; latColumn?: string }): Promise<string[]> {
  const stream = createPointsCsvStream({ file: displayName(path), ...csvOptions, batchBytes: 1 });
  for await (const chunk of readChunks(path)) {
    stream.push(chunk);
    const header = stream.header();
    if (header !== null) return pointsCsvExtraColumnNames(header, csvOptions);
  }
  stream.end();
  const header = stream.header();
  return header === null ? [] : pointsCsvExtraColumnNames(header, csvOptions);
}

/** The output file, written under a temporary name and renamed on success (openAtomicFile), so a failed run leaves no partial file. */
async function openOutput(path: string, format: PointsOutputFormat, columns: string[], language: Language, separator: CsvSeparator, people?: PeopleColumn[]) {
  const name = language === "vi" ? "Điểm chưa có sóng" : "Uncovered points";
  if (format === "xlsx") {
    const workbook = openXlsxOutput(path, columns, name, people);
    return {
      writer: { rows: (rows: readonly ExportRow[]) => (workbook.add(rows), "") },
      write: async (_text: string) => {},
      finish: () => workbook.finish(),
      abandon: () => workbook.abandon(),
    };
  }
  const writer = people ? createPeopleCsvWriter(people, separator) : createPointsWriter(format, columns, { name, separator });
  const file = await openAtomicFile(path);
  await file.write(writer.head());
  return {
    writer,
    write: (text: string) => file.write(text),
    finish: async () => {
      await file.write(writer.tail());
      await file.commit();
    },
    abandon: () => file.abandon(),
  };
}

/**
 * Reads `--audience`: machine (default) or people; people needs a .csv or .xlsx --out (GeoJSON and KML are for
 * software, whose readers expect the machine columns).
 */
function audienceOption(value: string | undefined, out: string | undefined, format: PointsOutputFormat | null): ExportAudience {
  if (value === undefined || value === "machine") return "machine";
  if (value !== "people")
    throw new UserError({ vi: `--audience phải là machine hoặc people, không phải "${value}"`, en: `--audience must be machine or people, not "${value}"` });
  if (!out)
    throw new UserError({
      vi: "--audience people chọn cách ghi các điểm ra tệp: hãy cho thêm --out FILE.csv hoặc .xlsx",
      en: "--audience people chooses how the points are written: give --out FILE.csv or .xlsx too",
    });
  if (format !== "csv" && format !== "xlsx") {
    throw new UserError({
      vi: `--audience people ghi tệp .csv hoặc .xlsx, không ghi ${out}; GeoJSON và KML giữ cột máy đọc`,
      en: `--audience people writes a .csv or .xlsx, not ${out}; GeoJSON and KML keep the machine columns`,
    });
  }
  return "people";
}

function parseDelimiter(value: string | undefined): "," | ";" | "\t" | undefined {
  if (value === undefined) return undefined;
  if (value === "," || value === ";") return value;
  if (value === "tab" || value === "\t" || value === "\\t") return "\t";
  throw new UserError({ vi: `--delimiter phải là "," ";" hoặc "tab", không phải "${value}"`, en: `--delimiter must be "," ";" or "tab", not "${value}"` });
}

/** Whether failOnFileError stops the run on this report. */
function failsFile(report: ImportReport): boolean {
  const fileError = report.issues.some((issue) => issue.severity === "error" && issue.row === undefined && issue.featureIndex === undefined);
  return fileError || (report.read > 0 && report.accepted === 0);
}
