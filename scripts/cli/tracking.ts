/**
 * `progress`: the listed dead zones. Applies carriers' update files (and the department's decisions) to the
 * registry, prints the dashboard, writes the per-point status table, the summary and the import report.
 * Reads files, calls the domain core, prints and writes; no progress logic lives here.
 */
import {
  STATUS_LABELS,
  buildCoverageIndex,
  buildTrackingExportRows,
  computeRegistryCoverage,
  crossCheckCoverage,
  formatIssue,
  isSpreadsheetFile,
  parseRegistryXlsx,
  parseUpdatesXlsx,
  listOverdue,
  findContradictions,
  challengePacketCsv,
  challengePacketGeojson,
  parseMeasurementsCsv,
  measureAssignedReach,
  rankDeadlineRisk,
  riskTable,
  toCsv,
  parseCoverageGeojson,
  parseIsoDate,
  vietnamDate,
  parseRegistryCsv,
  parseRegistryGeojson,
  parseUpdatesCsv,
  parseUpdatesJson,
  parseCommuneCrosswalk,
  pointsToGeojson,
  pointsToKml,
  trackingSummary,
  progressTableToCsv,
  trackingTimeline,
  replay,
  restoreBackup,
  writeUpdatesJson,
  type Actor,
  type CoverageFeature,
  type CrossCheckResult,
  type ImportReport,
  type Language,
  type ListedPoint,
  type OverdueItem,
  type Point,
  type TrackingSummary,
  type TrackingTimeline,
  type StatusEvent,
  type UnlocatedRow,
  type UpdateConflict,
  type CommuneCrosswalk,
} from "../../src/domain/index.ts";
import { mkdir, readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { loadXlsReaderFor } from "./xls_reader.ts";
import { readCsvTable, writeXlsx } from "../../src/domain/index.ts";
import { isEvidencePacket, photoPath, type PacketPhoto } from "../../src/domain/tracking/evidence_packet.ts";
import { parseEvidencePacketFile } from "../../src/domain/tracking/tracking_file.ts";
import { readPointFiles } from "./input_files.ts";
import { ROWS_OUTPUT_OPTIONS } from "./option_groups.ts";
import { parseCommandLine, languageOption, looksLikeJson, outputFormat, printHelp, requireOption, technologyOption } from "./options.ts";
import { UserError, checkOutputs, csvSeparatorOption, displayName, readInput, writeOutput } from "./io.ts";
import { reportError } from "./errors.ts";
import { printImportReports, printWrote } from "./print.ts";
import { err, out } from "./terminal.ts";
import { printRisk } from "./print_risk.ts";

export const PROGRESS_HELP = `progress — how far the carriers are in covering the listed dead zones

  npm run cli -- progress --registry FILE [--updates FILE…] [options]

Inputs
  --registry FILE      the list of dead zones: CSV (id, name, kind, lon, lat or point_id, province, commune,
                       carrier, deadline, priority, note; Vietnamese headers such as mã, tên, nhà mạng,
                       hạn hoàn thành accepted; deadlines YYYY-MM-DD, DD/MM/YYYY, 12/2021, tháng 12/2021,
                       Quý IV/2021, Năm 2022 — a period ends on its last day) or GeoJSON points.
                       Excel .xlsx with the same columns works too (dates may be Excel dates).
                       A lom-song backup (.json) also works: its registry and events are loaded.
  --points FILE        point list (CSV, .xlsx or GeoJSON) for registry rows that give point_id instead of coordinates,
                       or neither: a province's own list (STT; Tên thôn/bản; Xã; Huyện; Tỉnh; Doanh nghiệp thực
                       hiện; Thời gian hoàn thành) is located by name + commune (+ province) among these points;
                       a row that fits one point is linked to it, the others are listed with the closest points.
                       Commune names are checked against the 2025 list (data/crosswalks/communes-2025.json);
                       pre-2025 communes are mapped when the merger list leaves one answer. Repeatable.
  --events FILE        the event log so far (JSON "lom-song-updates", e.g. data/sample/events.json or an earlier
                       --events-out; or the CSV form), taken as written (carriers' and department's events) and
                       applied first. Repeatable.
  --updates FILE       a carrier's update file: CSV with point_id, carrier, status, date, technology, evidence,
                       note (or mã điểm, nhà mạng, trạng thái, ngày, công nghệ, minh chứng, ghi chú; statuses as
                       codes or Vietnamese labels), the same as an Excel .xlsx, or the JSON form (format
                       "lom-song-updates"), or the carrier's evidence packet (.zip: that file and its photos;
                       see --photos-out).
                       Repeatable; applied in the order given. Re-applying a file changes nothing.
  --decisions FILE     the department's own file, in the same CSV or JSON shape, applied after all --updates:
                       rows with no carrier (or "department") are its decisions (verified, disputed,
                       infeasible_accepted); rows naming a carrier are kept as that carrier's. Repeatable.
  --sheet NAME         the sheet to read in every .xlsx given (default: the first sheet whose header fits:
                       carrier and deadline for the registry, point_id and status for updates, coordinates
                       for points)
  --coverage FILE      coverage GeoJSON: cross-check claims against each carrier's coverage. Repeatable.
  --technology T       for the cross-check, only coverage at or above T counts (2G, 3G, 4G, 5G; default: any)
  --published DATE     the day the list was published: changes dated before it are refused (YYYY-MM-DD)

Dates
  --today DATE         the day changes may not be later than, and overdue is counted from (default: today in
                       Vietnam, UTC+7, as in the app)
  --as-of DATE         show the state on that day: only events dated on or before it are replayed,
                       and overdue / due soon are counted as of that day

Outputs
  --out FILE           the per-point status table: .csv (UTF-8 with BOM, Excel-ready), .geojson or .kml
  --csv-separator S    comma (default) or semicolon: ";" between cells and decimal commas, the CSV that
                       Excel opens in columns on a computer set to the Vietnamese region
  --summary FILE       the dashboard as JSON: listed, covered, verified, overdue, due_30_days, percentages,
                       by_carrier, by_province, by_commune, the overdue list, the timeline and forecast,
                       conflicts and the cross-check; for a list located by name, "located" (counts) and
                       "unlocated" (the rows not placed, each with its candidates)
  --report FILE        the import report as JSON (read, accepted, rejected, every issue with its row)
  --events-out FILE    the resulting event log (JSON, format "lom-song-updates"), to keep for next time
  --photos-out DIR     the photos of carriers' evidence packets (--updates cap-nhat-viettel.zip: the update file
                       and its photos), each checked against the SHA-256 its change names, written as
                       DIR/<sha256>.<jpg|png|webp>; a missing or damaged photo is an issue on its change's row
  --measurements FILE  field or crowd measurements (CSV: time, lat, lon, carrier, technology, download_mbps,
                       upload_mbps, signal_dbm; Vietnamese headers; G-NetTrack Pro logs), checked against the
                       claims: on-air points measured without service nearby, no signal inside --coverage,
                       service outside it. Repeatable.
  --measure-radius KM  measurements within this distance of a listed point count for it (default 0.5)
  --min-download MBPS  a measured download below this counts as no service (default: only "no service")
  --challenge-out FILE the challenge packet ("hồ sơ phản biện"): each finding with the point, the claim, the
                       measurements and the coverage release, as .csv or .geojson
  --risk-out FILE      the open points ranked by deadline risk (CSV): past the deadline, won't make it at the
                       carrier's own pace ("không kịp hạn"), status, days to the deadline, distance from the
                       assigned carrier's coverage (with --coverage); with each carrier's and province's
                       forecast completion date. The forecasts are also printed and in --summary (risk).
  --lang vi|en         language of the printed text and of the status labels (default: vi)
  --quiet              print only the headline figures
  -h, --help           this help

Exit codes: 0 done (rows may still have been rejected: see the report); 2 bad input or options
(one line on stderr names the file and the reason).

Examples
  npm run cli -- progress --registry data/sample/dead_zones.csv --events data/sample/events.json \\
      --updates data/sample/updates-viettel.csv --summary progress.json --out progress.csv
  npm run cli -- progress --registry danh-sach.csv --updates viettel.csv --updates vnpt.csv \\
      --as-of 2026-09-30 --report import-report.json`;

/**
 * Runs `progress` with the given arguments.
 * @param argv - the arguments after "progress"
 * @returns the exit code: 0 done, 2 bad input or options
 */
export async function runTracking(argv: string[]): Promise<number> {
  try {
    return await run(argv);
  } catch (error) {
    return reportError(error, argv);
  }
}

async function run(argv: string[]): Promise<number> {
  const options = parseCommandLine("progress", argv, {
    registry: { type: "string" },
    sheet: { type: "string" },
    points: { type: "string", multiple: true },
    events: { type: "string", multiple: true },
    updates: { type: "string", multiple: true },
    decisions: { type: "string", multiple: true },
    coverage: { type: "string", multiple: true },
    technology: { type: "string" },
    published: { type: "string" },
    today: { type: "string" },
    "as-of": { type: "string" },
    ...ROWS_OUTPUT_OPTIONS,
    report: { type: "string" },
    "events-out": { type: "string" },
    "photos-out": { type: "string" },
    "risk-out": { type: "string" },
    measurements: { type: "string", multiple: true },
    "challenge-out": { type: "string" },
    "measure-radius": { type: "string" },
    "min-download": { type: "string" },
  });
  if (options.help) return printHelp(PROGRESS_HELP);
  const language = languageOption(options.lang);
  requireOption(options.registry, "progress", "--registry FILE", {
    vi: "danh sách điểm lõm sóng: CSV, Excel, GeoJSON hoặc KML",
    en: "the list of dead zones: CSV, Excel, GeoJSON or KML",
  });
  const today = options.today !== undefined ? dateOption("--today", options.today) : vietnamDate(Date.now());
  const asOf = options["as-of"] !== undefined ? dateOption("--as-of", options["as-of"]) : undefined;
  const published = options.published !== undefined ? dateOption("--published", options.published) : undefined;
  const technology = technologyOption("--technology", options.technology);
  const separator = csvSeparatorOption(options["csv-separator"]);
  await checkOutputs(
    { "--out": options.out, "--summary": options.summary, "--report": options.report, "--events-out": options["events-out"] },
    {
      "--registry": options.registry,
      "--points": options.points,
      "--events": options.events,
      "--updates": options.updates,
      "--decisions": options.decisions,
      "--coverage": options.coverage,
    },
    [{ output: "--events-out", input: "--events" }],
  );
  // After checkOutputs: a directory given to --out is called a directory, not an unknown format.
  const tableFormat = options.out ? outputFormat(options.out) : null;

  const { points, reports } = await readPointFiles(options.points ?? [], { sheet: options.sheet, language, fail: failOnFileError });

  const loaded = await loadRegistry(options.registry, points, language, reports, options.sheet, await loadCommunes());
  const registry = loaded.registry;
  const listPublishedOn = published ?? loaded.listPublishedOn;
  let events: StatusEvent[] = loaded.events;
  const conflicts: UpdateConflict[] = [];
  const photos = new Map<string, PacketPhoto>();
  const applyFile = async (path: string, actor: Actor | undefined) => {
    const bytes = await readInput(path);
    await loadXlsReaderFor(bytes);
    const file = displayName(path);
    const importOptions = { file, registry, events, actor, today, listPublishedOn };
    if (isEvidencePacket(path, bytes)) {
      // A carrier's evidence packet: its update file, and the photos checked against the hashes the changes name.
      const packet = parseEvidencePacketFile(file, bytes, importOptions);
      reports.push(packet.result.report);
      failOnFileError(path, packet.result.report, language);
      events = [...events, ...packet.result.events];
      conflicts.push(...packet.result.conflicts);
      for (const photo of packet.photos) photos.set(photo.ref.hash, photo);
      return;
    }
    const result = isSpreadsheetFile(path, bytes)
      ? parseUpdatesXlsx(bytes, { ...importOptions, sheet: options.sheet })
      : looksLikeJson(path, bytes)
        ? parseUpdatesJson(bytes, importOptions)
        : parseUpdatesCsv(bytes, importOptions);
    reports.push(result.report);
    failOnFileError(path, result.report, language);
    events = [...events, ...result.events];
    conflicts.push(...result.conflicts);
  };
  for (const path of options.events ?? []) await applyFile(path, { role: "department" });
  for (const path of options.updates ?? []) await applyFile(path, undefined);
  for (const path of options.decisions ?? []) await applyFile(path, { role: "department" });
  if (options["photos-out"] && photos.size > 0) {
    await mkdir(options["photos-out"], { recursive: true });
    for (const photo of photos.values()) await writeOutput(join(options["photos-out"], basename(photoPath(photo.ref))), photo.bytes);
  }

  const coverage: CoverageFeature[] = [];
  for (const path of options.coverage ?? []) {
    const result = parseCoverageGeojson(await readInput(path), { file: displayName(path) });
    reports.push(result.report);
    failOnFileError(path, result.report, language);
    coverage.push(...result.items);
  }

  const day = asOf ?? today;
  const replayed = replay(registry, events, asOf);
  const summary = trackingSummary(registry, replayed.states, day);
  const overdue = listOverdue(registry, replayed.states, day);
  const timeline = trackingTimeline(registry, events, { today: day, from: listPublishedOn });
  const crossCheck =
    coverage.length > 0 ? crossCheckCoverage(registry, replayed.states, computeRegistryCoverage(registry, buildCoverageIndex(coverage)), { technology }) : null;

  if (!options.quiet) printImportReports(reports, language);
  printLocated(reports, loaded.unlocated, language, options.quiet === true);
  if (replayed.invalid.length > 0) {
    out(
      language === "vi"
        ? `\nSự kiện không áp dụng được trong nhật ký: ${replayed.invalid.length}\n`
        : `\nEvents of the log that could not be applied: ${replayed.invalid.length}\n`,
    );
    for (const item of replayed.invalid.slice(0, 20)) out(`  ${item.event.pointId} ${item.event.date} ${item.event.status}: ${item.message[language]}\n`);
  }
  printDashboard({ summary, overdue, timeline, conflicts, crossCheck, language, asOf, quiet: options.quiet === true });
  // Who is behind: forecasts per carrier and province at their own pace, and the open points ranked by risk.
  const openPoints = registry.filter((point) => {
    const status = replayed.states[point.id]?.status ?? "not_started";
    return status !== "on_air" && status !== "verified" && status !== "infeasible_accepted";
  });
  const reach = coverage.length > 0 ? measureAssignedReach(openPoints, coverage, { technology }) : undefined;
  const risk = rankDeadlineRisk(registry, events, replayed.states, { today: day, from: listPublishedOn }, reach);
  printRisk(risk, language, options.quiet === true);
  if (options.measurements?.length) {
    const measured = [];
    for (const path of options.measurements) {
      const result = parseMeasurementsCsv(await readInput(path), { file: displayName(path) });
      if (!options.quiet) printImportReports([result.report], language);
      reports.push(result.report);
      measured.push(...result.items);
    }
    const positive = (name: string, value: string | undefined): number | undefined => {
      if (value === undefined) return undefined;
      const number = Number(value.replace(",", "."));
      if (!(number > 0))
        throw new UserError({ vi: `${name} phải là số dương, không phải "${value}"`, en: `${name} must be a positive number, not "${value}"` });
      return number;
    };
    const findings = findContradictions(measured, coverage, registry, replayed.states, {
      radiusKm: positive("--measure-radius", options["measure-radius"]),
      minDownloadMbps: positive("--min-download", options["min-download"]),
      minTechnology: technology,
    });
    const count = (kind: string) => findings.filter((finding) => finding.kind === kind).length;
    out(
      language === "vi"
        ? `\nĐo kiểm: ${measured.length} phép đo; báo đã phát sóng nhưng đo không có sóng: ${count("claim_contradicted")}; trong vùng phủ nhưng đo không có sóng: ${count("coverage_no_signal")}; đo có sóng ngoài vùng phủ: ${count("service_outside_coverage")}\n`
        : `\nMeasurements: ${measured.length}; reported on air, measured without service: ${count("claim_contradicted")}; inside coverage, measured without service: ${count("coverage_no_signal")}; service outside coverage: ${count("service_outside_coverage")}\n`,
    );
    if (options["challenge-out"]) {
      const geojson = /\.(geo)?json$/i.test(options["challenge-out"]);
      await writeOutput(
        options["challenge-out"],
        geojson ? JSON.stringify(challengePacketGeojson(findings, measured, language)) : challengePacketCsv(findings, measured, language, separator),
      );
      out(`${language === "vi" ? "Đã ghi hồ sơ phản biện" : "Wrote the challenge packet"} (${findings.length}) ${options["challenge-out"]}\n`);
    }
  }
  if (options["risk-out"]) {
    const table = riskTable(risk.rows, language);
    await writeOutput(options["risk-out"], toCsv(table.header, table.rows, { separator }));
    printWrote(risk.rows.length, { vi: "điểm theo mức rủi ro", en: "points ranked by risk" }, options["risk-out"], language);
  }

  if (options.out && tableFormat === "xlsx") {
    // The same table as the CSV, as a workbook: every cell text (codes keep their zeros).
    const table = readCsvTable(progressTableToCsv(registry, replayed.states, { today: day, language, separator: "comma" }), {
      file: options.out,
      delimiter: ",",
    });
    await writeOutput(options.out, writeXlsx([{ name: language === "vi" ? "Điểm lõm sóng" : "Listed dead zones", rows: [table.header, ...table.rows] }]));
    printWrote(registry.length, { vi: "điểm", en: "points" }, options.out, language);
  } else if (options.out && tableFormat) {
    const content =
      tableFormat === "csv"
        ? progressTableToCsv(registry, replayed.states, { today: day, language, separator })
        : tableFormat === "geojson"
          ? JSON.stringify(pointsToGeojson(buildTrackingExportRows(registry, replayed.states, { today: day, language })))
          : pointsToKml(buildTrackingExportRows(registry, replayed.states, { today: day, language }), {
              name: language === "vi" ? "Điểm lõm sóng" : "Listed dead zones",
            });
    await writeOutput(options.out, content);
    printWrote(registry.length, { vi: "điểm", en: "points" }, options.out, language);
  }
  if (options.summary) {
    const document = {
      ...summary,
      as_of: asOf ?? null,
      overdue_points: overdue,
      timeline,
      conflicts,
      cross_check: crossCheck,
      located: reports.find((report) => report.kind === "registry")?.located ?? null,
      unlocated: loaded.unlocated.map(({ draft: _draft, ...row }) => row),
      risk: { by_carrier: risk.byCarrier, by_province: risk.byProvince, points: risk.rows },
      invalid_events: replayed.invalid.map((item) => ({ event: item.event, code: item.code, message: item.message })),
    };
    await writeOutput(options.summary, JSON.stringify(document, null, 2) + "\n");
  }
  if (options.report) await writeOutput(options.report, JSON.stringify(reports, null, 2) + "\n");
  if (options["events-out"]) await writeOutput(options["events-out"], writeUpdatesJson(events));
  return 0;
}

/** Loads the registry from CSV, GeoJSON or a backup; a backup brings its events and publication date too. */
async function loadRegistry(
  path: string,
  points: readonly Point[],
  language: Language,
  reports: ImportReport[],
  sheet?: string,
  communes?: CommuneCrosswalk,
): Promise<{ registry: ListedPoint[]; events: StatusEvent[]; listPublishedOn?: string; unlocated: UnlocatedRow[] }> {
  const bytes = await readInput(path);
  await loadXlsReaderFor(bytes);
  const file = displayName(path);
  if (isSpreadsheetFile(path, bytes)) {
    const result = parseRegistryXlsx(bytes, { file, points, sheet, communes });
    reports.push(result.report);
    failOnFileError(path, result.report, language);
    return { registry: result.items, events: [], unlocated: result.unlocated };
  }
  if (looksLikeJson(path, bytes)) {
    let data: unknown;
    try {
      data = JSON.parse(new TextDecoder().decode(bytes));
    } catch (error) {
      throw new UserError({ vi: `${path}: không phải JSON hợp lệ (${(error as Error).message})`, en: `${path}: not valid JSON (${(error as Error).message})` });
    }
    if (typeof data === "object" && data !== null && (data as { format?: unknown }).format === "lom-song-backup") {
      const restored = restoreBackup(data);
      if (!restored.ok) throw new UserError(`${path}: ${restored.error[language]}`);
      return { registry: restored.value.registry, events: restored.value.events, listPublishedOn: restored.value.listPublishedOn, unlocated: [] };
    }
    const result = parseRegistryGeojson(data as object, { file, points, communes });
    reports.push(result.report);
    failOnFileError(path, result.report, language);
    return { registry: result.items, events: [], unlocated: result.unlocated };
  }
  const result = parseRegistryCsv(bytes, { file, points, communes });
  reports.push(result.report);
  failOnFileError(path, result.report, language);
  return { registry: result.items, events: [], unlocated: result.unlocated };
}

/** The 2025 commune list shipped in data/crosswalks; without it commune names are taken as written. */
async function loadCommunes(): Promise<CommuneCrosswalk | undefined> {
  let text: string;
  try {
    text = await readFile(new URL("../../data/crosswalks/communes-2025.json", import.meta.url), "utf8");
  } catch {
    return undefined;
  }
  const parsed = parseCommuneCrosswalk(JSON.parse(text));
  return parsed.ok ? parsed.value : undefined;
}

/** How the rows without coordinates were placed, and the rows left for a person to place, with their candidates. */
function printLocated(reports: readonly ImportReport[], unlocated: readonly UnlocatedRow[], language: Language, quiet: boolean): void {
  const located = reports.find((report) => report.kind === "registry")?.located;
  if (!located) return;
  const vi = language === "vi";
  const line = (text = "") => out(`${text}\n`);
  line();
  line(
    vi
      ? `Định vị theo tên: ${located.byName} dòng tìm thấy đúng một điểm${located.chosen ? `, ${located.chosen} theo lựa chọn đã lưu` : ""}; ${located.notLocated} dòng chưa định vị`
      : `Located by name: ${located.byName} rows matched one point${located.chosen ? `, ${located.chosen} by a remembered choice` : ""}; ${located.notLocated} rows not located`,
  );
  if (quiet) return;
  const shown = 30;
  for (const row of unlocated.slice(0, shown)) {
    const place = [row.name, row.commune, row.province].filter(Boolean).join(", ");
    const why =
      row.reason === "ambiguous" ? (vi ? "nhiều điểm cùng tên" : "several points of that name") : vi ? "không có điểm cùng tên" : "no point of that name";
    line(`  ${vi ? "dòng" : "row"} ${row.row} ${place} (${why})`);
    for (const candidate of row.candidates) {
      const score = new Intl.NumberFormat(vi ? "vi-VN" : "en-US", { maximumFractionDigits: 2 }).format(candidate.score);
      line(`      ${candidate.pointId.padEnd(14)} ${candidate.name}${candidate.commune ? `, ${candidate.commune}` : ""}  (${score})`);
    }
  }
  if (unlocated.length > shown)
    line(
      vi
        ? `  … và ${unlocated.length - shown} dòng khác (xem --summary, mục unlocated)`
        : `  … and ${unlocated.length - shown} more rows (see --summary, "unlocated")`,
    );
}

function printDashboard(input: {
  summary: TrackingSummary;
  overdue: readonly OverdueItem[];
  timeline: TrackingTimeline;
  conflicts: readonly UpdateConflict[];
  crossCheck: CrossCheckResult | null;
  language: Language;
  asOf?: string;
  quiet: boolean;
}): void {
  const { summary, language } = input;
  const vi = language === "vi";
  const line = (text = "") => out(text + "\n");
  const n = (value: number) => new Intl.NumberFormat(vi ? "vi-VN" : "en-US").format(value);
  const percent = (value: number) => `${new Intl.NumberFormat(vi ? "vi-VN" : "en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value)}%`;
  line();
  line(
    vi
      ? `Tiến độ xoá điểm lõm sóng ${input.asOf ? `tính đến ngày ${input.asOf}` : `ngày ${summary.today}`}`
      : `Progress on the listed dead zones ${input.asOf ? `as of ${input.asOf}` : `on ${summary.today}`}`,
  );
  line(`  ${(vi ? "Trong danh sách" : "Listed").padEnd(25)} ${n(summary.listed).padStart(7)}`);
  line(
    `  ${(vi ? "Đã có sóng" : "Covered").padEnd(25)} ${n(summary.covered).padStart(7)}  ${percent(summary.percent_covered).padStart(7)}   ${vi ? "(đã phát sóng + đã xác minh)" : "(on air + verified)"}`,
  );
  line(`  ${(vi ? "Đã xác minh" : "Verified").padEnd(25)} ${n(summary.verified).padStart(7)}  ${percent(summary.percent_verified).padStart(7)}`);
  line(`  ${(vi ? "Quá hạn" : "Overdue").padEnd(25)} ${n(summary.overdue).padStart(7)}  ${percent(summary.percent_overdue).padStart(7)}`);
  line(
    `  ${(vi ? "Đến hạn trong 30 ngày" : "Due in 30 days").padEnd(25)} ${n(summary.due_30_days).padStart(7)}  ${percent(summary.percent_due_30_days).padStart(7)}`,
  );
  line(`  ${(vi ? "Không khả thi (chấp nhận)" : "Infeasible (accepted)").padEnd(25)} ${n(summary.infeasible_accepted).padStart(7)}`);
  const forecast = input.timeline.forecast;
  const pace = new Intl.NumberFormat(vi ? "vi-VN" : "en-US", { maximumFractionDigits: 2 }).format(forecast.pacePerWeek);
  line(
    vi
      ? `  Dự báo hoàn thành: ${forecast.completionDate ?? "không xác định (chưa có tiến triển)"} (tốc độ ${pace} điểm/tuần trong ${forecast.basedOnWeeks} tuần qua; còn ${forecast.remaining})`
      : `  Forecast completion: ${forecast.completionDate ?? "none (no progress)"} (pace ${pace} points/week over the last ${forecast.basedOnWeeks} weeks; ${forecast.remaining} remaining)`,
  );
  if (input.quiet) return;
  line();
  line(
    vi
      ? "Theo nhà mạng          trong DS   có sóng         xác minh   quá hạn  đến hạn 30 ngày"
      : "By carrier               listed   covered         verified   overdue  due in 30 days",
  );
  for (const row of summary.by_carrier) {
    line(
      `  ${row.carrier.padEnd(20)} ${n(row.listed).padStart(8)} ${n(row.covered).padStart(9)} ${percent(row.percent_covered).padStart(7)} ${n(row.verified).padStart(8)} ${n(row.overdue).padStart(9)} ${n(row.due_30_days).padStart(9)}`,
    );
  }
  if (summary.by_province.length > 1 || (summary.by_province.length === 1 && summary.by_province[0].name !== "")) {
    line();
    line(vi ? "Theo tỉnh              trong DS   có sóng         quá hạn" : "By province              listed   covered         overdue");
    for (const row of summary.by_province) {
      line(
        `  ${(row.name || (vi ? "(không rõ)" : "(unknown)")).padEnd(20)} ${n(row.listed).padStart(8)} ${n(row.covered).padStart(9)} ${percent(row.percent_covered).padStart(7)} ${n(row.overdue).padStart(8)}`,
      );
    }
  }
  if (input.overdue.length > 0) {
    line();
    line(vi ? `Quá hạn (${input.overdue.length}, quá hạn lâu nhất trước)` : `Overdue (${input.overdue.length}, most overdue first)`);
    for (const item of input.overdue.slice(0, 15)) {
      line(
        `  ${item.pointId.padEnd(14)} ${item.carrier.padEnd(14)} ${item.deadline}  ${String(item.daysOverdue).padStart(5)} ${vi ? "ngày" : "days"}  ${STATUS_LABELS[item.status][language]}  ${item.name}`,
      );
    }
    if (input.overdue.length > 15)
      line(
        vi ? `  … và ${input.overdue.length - 15} điểm khác (xem --out hoặc --summary)` : `  … and ${input.overdue.length - 15} more (see --out or --summary)`,
      );
  }
  if (input.conflicts.length > 0) {
    line();
    line(
      vi
        ? `Mâu thuẫn chờ Sở quyết định (${input.conflicts.length}; không áp dụng)`
        : `Conflicts for the department to resolve (${input.conflicts.length}; not applied)`,
    );
    for (const conflict of input.conflicts)
      line(
        `  ${conflict.incoming.source?.file ?? ""} ${conflict.incoming.source ? `${vi ? "dòng" : "row"} ${conflict.incoming.source.row}` : ""}: ${conflict.message[language]}`,
      );
  }
  if (input.crossCheck) {
    const check = input.crossCheck;
    line();
    line(
      vi
        ? `Đối chiếu vùng phủ sóng: ${check.proposals.length} đề xuất "đã phát sóng", ${check.flags.length} báo cáo cần kiểm tra, ${check.unchecked.length} điểm chưa có vùng phủ của nhà mạng`
        : `Coverage cross-check: ${check.proposals.length} proposed "on air", ${check.flags.length} claims flagged, ${check.unchecked.length} points without their carrier's coverage`,
    );
    for (const proposal of check.proposals.slice(0, 15)) line(`  + ${proposal.message[language]}`);
    for (const flag of check.flags.slice(0, 15)) line(`  ! ${flag.message[language]}`);
  }
}

function dateOption(name: string, value: string): string {
  const date = parseIsoDate(value);
  if (!date)
    throw new UserError({ vi: `${name} phải là ngày dạng YYYY-MM-DD, không phải "${value}"`, en: `${name} must be a date YYYY-MM-DD, not "${value}"` });
  return date;
}

/** A file-level error (no row, no feature) or a file with no valid row is unusable: exit 2 naming it. */
function failOnFileError(path: string, report: ImportReport, language: Language): void {
  const fileError = report.issues.find((issue) => issue.severity === "error" && issue.row === undefined && issue.featureIndex === undefined);
  if (fileError) throw new UserError(`${path}: ${fileError.message[language]}`);
  if (report.read > 0 && report.accepted === 0 && report.kind !== "updates") {
    for (const issue of report.issues.slice(0, 10)) err(`  ${formatIssue(issue, language)}\n`);
    throw new UserError(`${path}: ${language === "vi" ? `không dòng nào hợp lệ (${report.rejected} bị loại)` : `no valid row (${report.rejected} rejected)`}`);
  }
  if (report.kind === "registry" && report.read === 0)
    throw new UserError(`${path}: ${language === "vi" ? "danh sách không có dòng nào" : "the list has no rows"}`);
}
