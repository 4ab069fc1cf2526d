/**
 * `tiles`: the national coverage map, pre-built into one PMTiles file that the static app opens with no upload
 * (`?coverage=coverage.pmtiles`). The coverage files are read and checked as `analyze` reads them (same options, same
 * releases in force, `--as-of`); every tile from --min-zoom to --max-zoom is rasterised by the app's own rasteriser
 * (coverage_tiles_build.ts) and the archive is written atomically.
 */
import { groupCoverageLayers, parseFlexibleDate, selectCoverageReleases, type CoverageFeature, type ImportReport } from "../../src/domain/index.ts";
import { addIssues } from "../../src/domain/parse/import_issue.ts";
import { coverageOptions } from "./analyze_start.ts";
import { COVERAGE_READING_OPTIONS } from "./option_groups.ts";
import { readCoverageFiles } from "./coverage_files.ts";
import { buildCoverageArchive } from "./coverage_tiles_build.ts";
import { UserError, checkOutputs, openAtomicFile, writeOutput } from "./io.ts";
import { languageOption, parseCommandLine, printHelp, requireOption } from "./options.ts";
import { failOnFileError, printImportReports } from "./print.ts";
import { out } from "./terminal.ts";

export const TILES_HELP = `tiles — pre-build the coverage map into one .pmtiles file for a public page (no upload, any static host)

  npm run cli -- tiles --coverage FILE [--coverage FILE…] --out coverage.pmtiles [options]

Inputs (read and checked as analyze reads them; see analyze --help)
  --coverage FILE      coverage GeoJSON, KML/KMZ, zipped shapefile, GeoTIFF grid or OpenCelliD tower list. Repeatable.
  --as-of YYYY-MM-DD   per carrier × technology the latest release on or before that date (default: the latest)
  --coverage-crs, --tower-radius, --tower-range, --raster-threshold, --raster-carrier, --raster-technology,
  --raster-as-of, --carrier-property, --technology-property, --as-of-property
                       as for analyze

Tiles
  --min-zoom Z         first zoom written (default 0)
  --max-zoom Z         last zoom written (default 10: about 150 m a pixel in Viet Nam; the map enlarges these tiles
                       beyond it). Each zoom has four times the tiles of the one before; at most 14.
  --name TEXT          the map's name in the file (default "Lõm sóng — vùng phủ sóng")
  --attribution TEXT   who the coverage data comes from, shown with the map (default: the carriers' names)

Output
  --out FILE           the archive, a .pmtiles file (PMTiles v3: one plane of covered fraction per carrier ×
                       technology in each tile); publish it next to the app and open ?coverage=FILE
  --report FILE        the import report as JSON (read, accepted, rejected, every issue with its feature)
  --lang vi|en         language of the printed text (default: vi)
  --quiet              print only the result line
  -h, --help           this help

Example
  npm run cli -- tiles --coverage viettel.geojson --coverage vnpt.geojson --out dist/coverage.pmtiles
  then open https://your.host/?coverage=coverage.pmtiles`;

/** The highest --max-zoom: zoom 14 is about 9 m a pixel; beyond, the archive would grow for nothing the data holds. */
const MAX_ZOOM_LIMIT = 14;

function zoomOption(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const zoom = Number(value);
  if (!Number.isInteger(zoom) || zoom < 0 || zoom > MAX_ZOOM_LIMIT) {
    throw new UserError({
      vi: `${name} phải là số nguyên từ 0 đến ${MAX_ZOOM_LIMIT}, không phải "${value}"`,
      en: `${name} must be a whole number from 0 to ${MAX_ZOOM_LIMIT}, not "${value}"`,
    });
  }
  return zoom;
}

function megabytes(bytes: number): string {
  return (bytes / 1e6).toFixed(bytes < 1e6 ? 3 : 1);
}

/**
 * Runs `tiles`.
 * @param argv - the arguments after the command name
 * @returns the exit code
 */
export async function runTiles(argv: string[]): Promise<number> {
  const options = parseCommandLine("tiles", argv, {
    ...COVERAGE_READING_OPTIONS,
    "min-zoom": { type: "string" },
    "max-zoom": { type: "string" },
    name: { type: "string" },
    attribution: { type: "string" },
    out: { type: "string" },
    report: { type: "string" },
  });
  if (options.help) return printHelp(TILES_HELP);
  const language = languageOption(options.lang);
  const vi = language === "vi";
  requireOption(options.coverage, "tiles", "--coverage FILE", { vi: "vùng phủ GeoJSON, KML…", en: "coverage GeoJSON, KML…" });
  requireOption(options.out, "tiles", "--out FILE.pmtiles", { vi: "tệp bản đồ dựng sẵn", en: "the pre-built map" });
  if (!options.out.toLowerCase().endsWith(".pmtiles")) {
    throw new UserError({ vi: `--out ${options.out}: tệp phải có đuôi .pmtiles`, en: `--out ${options.out}: the file must end in .pmtiles` });
  }
  const minZoom = zoomOption("--min-zoom", options["min-zoom"], 0);
  const maxZoom = zoomOption("--max-zoom", options["max-zoom"], 10);
  if (minZoom > maxZoom)
    throw new UserError({ vi: `--min-zoom ${minZoom} lớn hơn --max-zoom ${maxZoom}`, en: `--min-zoom ${minZoom} is above --max-zoom ${maxZoom}` });
  const asOf = options["as-of"];
  if (asOf !== undefined && parseFlexibleDate(asOf) !== asOf) {
    throw new UserError({ vi: `--as-of cần một ngày YYYY-MM-DD, không phải "${asOf}"`, en: `--as-of needs a date YYYY-MM-DD, not "${asOf}"` });
  }
  await checkOutputs({ "--out": options.out, "--report": options.report }, { "--coverage": options.coverage });
  const started = performance.now();

  const reading = readCoverageFiles(options.coverage, coverageOptions(options));
  await reading.done;
  if (reading.error) throw reading.error;
  const reports: ImportReport[] = [];
  const coverage: CoverageFeature[] = [];
  for (const file of reading.files) {
    reports.push(file.report);
    failOnFileError(file.path, file.report, language);
    for (const feature of file.items) coverage.push(feature);
  }
  const releases = selectCoverageReleases(coverage, { asOf });
  for (const issue of releases.issues) {
    const report = reports.find((candidate) => candidate.file === issue.file);
    if (report) addIssues(report, [issue]);
  }
  if (!options.quiet) printImportReports(reports, language);
  if (options.report) await writeOutput(options.report, JSON.stringify(reports, null, 2) + "\n");
  const { layers } = groupCoverageLayers(releases.inForce);
  if (layers.length === 0) {
    throw new UserError({
      vi: `không có vùng phủ nào${asOf ? ` có hiệu lực vào ${asOf}` : ""} trong ${options.coverage.join(", ")}: không có gì để dựng bản đồ`,
      en: `no coverage${asOf ? ` in force on ${asOf}` : ""} in ${options.coverage.join(", ")}: nothing to build a map from`,
    });
  }
  const carriers = [...new Set(layers.map((layer) => layer.carrier))];
  const { archive } = buildCoverageArchive(releases.inForce, layers, {
    minZoom,
    maxZoom,
    asOf: asOf ?? null,
    name: options.name ?? "Lõm sóng — vùng phủ sóng",
    attribution: options.attribution ?? carriers.join(", "),
    generated: new Date().toISOString(),
    onZoom: options.quiet ? undefined : (zoom, tiles) => out(vi ? `  mức thu phóng ${zoom}: ${tiles} ô\n` : `  zoom ${zoom}: ${tiles} tiles\n`),
  });
  const file = await openAtomicFile(options.out);
  try {
    for (const part of archive.parts) await file.write(part);
  } catch (error) {
    await file.abandon();
    throw error;
  }
  await file.commit();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  out(
    vi
      ? `Đã ghi ${archive.addressedTiles} ô (${archive.tileContents} nội dung khác nhau), ${layers.length} lớp, mức thu phóng ${minZoom}–${maxZoom}, ${megabytes(archive.byteLength)} MB vào ${options.out} trong ${seconds} s\n`
      : `Wrote ${archive.addressedTiles} tiles (${archive.tileContents} distinct), ${layers.length} layers, zoom ${minZoom}–${maxZoom}, ${megabytes(archive.byteLength)} MB to ${options.out} in ${seconds} s\n`,
  );
  return 0;
}
