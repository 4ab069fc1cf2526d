/** Readable terminal output for the CLI commands, in Vietnamese or English. */
import { UserError, type CliMessage } from "./io.ts";
import { out } from "./terminal.ts";
import { UNKNOWN_AREA, formatIssue, type CoverageSummary, type ImportReport, type Language, type PointFilter } from "../../src/domain/index.ts";

const MAX_ISSUES_PRINTED = 50;

const KIND_LABELS: Record<string, { vi: string; en: string }> = {
  school: { vi: "trường", en: "school" },
  school_site: { vi: "điểm trường", en: "school site" },
  village: { vi: "thôn, bản", en: "village" },
  village_centre: { vi: "trung tâm thôn", en: "village centre" },
  other: { vi: "khác", en: "other" },
};

function formatNumber(value: number, language: Language, digits = 0): string {
  return new Intl.NumberFormat(language === "vi" ? "vi-VN" : "en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value);
}

/**
 * The question a filter asks, as the headline lines write it: "từ 4G trở lên, Viettel" / "4G or better, Viettel".
 * @param filter - the technology and carriers that count
 * @param language - vi or en
 * @returns the text
 */
export function filterScope(filter: PointFilter, language: Language): string {
  const vi = language === "vi";
  return [
    filter.minTechnology ? (vi ? `từ ${filter.minTechnology} trở lên` : `${filter.minTechnology} or better`) : vi ? "mọi công nghệ" : "any technology",
    filter.carriers?.length ? filter.carriers.join(", ") : vi ? "mọi nhà mạng" : "any carrier",
  ].join(", ");
}

/**
 * Prints the line that ends a written output: "Đã ghi 12 điểm vào FILE" / "Wrote 12 points to FILE".
 * @param count - how many were written
 * @param what - what they are, in both languages ("điểm" / "points")
 * @param path - the file
 * @param language - vi or en
 */
export function printWrote(count: number, what: CliMessage, path: string, language: Language): void {
  out(language === "vi" ? `Đã ghi ${count} ${what.vi} vào ${path}\n` : `Wrote ${count} ${what.en} to ${path}\n`);
}

/** Prints each import report: counts, then its issues (the first 50 of each file; the JSON report has them all). */
export function printImportReports(reports: readonly ImportReport[], language: Language): void {
  const vi = language === "vi";
  for (const report of reports) {
    out(
      `${report.file}${report.sheet !== undefined ? ` [${vi ? "trang tính" : "sheet"} ${report.sheet}]` : ""}: ${vi ? "đọc" : "read"} ${report.read}, ${vi ? "nhận" : "accepted"} ${report.accepted}, ` +
        `${vi ? "loại" : "rejected"} ${report.rejected}, ${vi ? "cảnh báo" : "warnings"} ${report.warnings}\n`,
    );
    for (const issue of report.issues.slice(0, MAX_ISSUES_PRINTED)) out(`  ${formatIssue(issue, language)}\n`);
    if (report.issues.length > MAX_ISSUES_PRINTED) {
      const more = report.issues.length - MAX_ISSUES_PRINTED;
      out(vi ? `  … và ${more} vấn đề khác (xem --report)\n` : `  … and ${more} more issues (see --report)\n`);
    }
  }
}

/** Prints the coverage summary: totals, per carrier and technology, per province and the worst communes. */
export function printSummary(summary: CoverageSummary, options: { language: Language; filter: PointFilter; quiet: boolean }): void {
  const { language, filter } = options;
  const vi = language === "vi";
  const n = (value: number) => formatNumber(value, language);
  const percent = (part: number, whole: number) => (whole === 0 ? "–" : `${formatNumber((100 * part) / whole, language, 1)}%`);
  const scope = filterScope(filter, language);
  out(
    `\n${vi ? "Điểm" : "Points"}: ${n(summary.total)}; ${vi ? "chưa có sóng" : "uncovered"} (${scope}): ${n(summary.uncovered)} ` +
      `(${percent(summary.uncovered, summary.total)}); ${vi ? "chỉ một nhà mạng" : "one carrier only"}: ${n(summary.singleCarrier)}\n`,
  );
  if (options.quiet) return;
  out(`\n${vi ? "Theo nhà mạng và công nghệ (số điểm được phủ sóng)" : "By carrier and technology (points covered)"}\n`);
  for (const layer of summary.byLayer) {
    out(
      `  ${layer.carrier.padEnd(14)} ${layer.technology}  ${n(layer.covered).padStart(9)} / ${n(layer.total)}  ${percent(layer.covered, layer.total).padStart(7)}` +
        `${layer.asOf ? `  (${vi ? "số liệu ngày" : "as of"} ${layer.asOf})` : ""}\n`,
    );
  }
  out(`\n${vi ? "Theo nhà mạng (điểm chưa có sóng của nhà mạng đó)" : "By carrier (points that carrier does not cover)"}\n`);
  for (const carrier of summary.byCarrier) {
    out(`  ${carrier.carrier.padEnd(14)} ${n(carrier.uncovered).padStart(9)} / ${n(carrier.total)}\n`);
  }
  if (summary.byKind.length > 0) {
    out(`\n${vi ? "Theo loại điểm (chưa có sóng / tổng)" : "By kind (uncovered / total)"}\n`);
    for (const kind of summary.byKind)
      out(`  ${(KIND_LABELS[kind.kind]?.[language] ?? kind.kind).padEnd(16)} ${n(kind.uncovered).padStart(9)} / ${n(kind.total)}\n`);
  }
  if (summary.byProvince.length > 0) {
    out(`\n${vi ? "Theo tỉnh (chưa có sóng / tổng, % được phủ)" : "By province (uncovered / total, % covered)"}\n`);
    for (const area of summary.byProvince) {
      out(
        `  ${areaName(area, language).padEnd(24)} ${n(area.uncovered).padStart(7)} / ${n(area.total).padEnd(7)} ${percent(area.covered, area.total).padStart(7)}\n`,
      );
    }
  }
  printUnlocated(summary, language);
  const worst = [...summary.byCommune]
    .filter((area) => area.uncovered > 0)
    .sort((a, b) => b.uncovered - a.uncovered)
    .slice(0, 15);
  if (worst.length > 0) {
    out(`\n${vi ? "Xã có nhiều điểm chưa có sóng nhất" : "Communes with the most uncovered points"}\n`);
    for (const area of worst) {
      out(
        `  ${areaName(area, language).padEnd(24)} ${n(area.uncovered).padStart(7)} / ${n(area.total).padEnd(7)} ${percent(area.covered, area.total).padStart(7)}\n`,
      );
    }
  }
}

function areaName(area: { name: string; unknown?: true }, language: Language): string {
  return area.unknown ? (language === "vi" ? UNKNOWN_AREA.name : UNKNOWN_AREA.nameEn) : area.name;
}

/** Prints the points in no loaded area (count and the first ids), per level, when some admin area is loaded. */
function printUnlocated(summary: CoverageSummary, language: Language): void {
  const vi = language === "vi";
  const levels = [
    ["province", vi ? "tỉnh" : "province"],
    ["commune", vi ? "xã, phường" : "commune"],
  ] as const;
  for (const [level, label] of levels) {
    const { count, ids } = summary.unlocated[level];
    const rows = level === "province" ? summary.byProvince : summary.byCommune;
    if (count === 0 || rows.every((row) => row.unknown)) continue;
    const shown = ids.slice(0, 20).join(", ") + (count > 20 ? ", …" : "");
    out(
      vi
        ? `\n${formatNumber(count, language)} điểm không thuộc ${label} nào đã nạp (dòng "Không xác định"): ${shown}\n`
        : `\n${formatNumber(count, language)} point(s) in no loaded ${label} (the "Unknown" row): ${shown}\n`,
    );
  }
}

/** Prints the time spent per stage (CPU-bound stages only; reading files is the rest) and the peak memory. */
export function printTimings(timings: ReadonlyMap<string, number>, totalMilliseconds: number, language: Language): void {
  const vi = language === "vi";
  out(`\n${vi ? "Thời gian theo bước" : "Time per stage"}\n`);
  for (const [label, milliseconds] of timings) out(`  ${label.padEnd(36)} ${formatNumber(milliseconds / 1000, language, 2).padStart(8)} s\n`);
  out(
    `  ${(vi ? "tổng (kể cả đọc và ghi tệp)" : "total (with file reading and writing)").padEnd(36)} ${formatNumber(totalMilliseconds / 1000, language, 2).padStart(8)} s\n`,
  );
  const peak = process.resourceUsage().maxRSS / 1024;
  out(`  ${(vi ? "bộ nhớ đỉnh" : "peak memory").padEnd(36)} ${formatNumber(peak, language, 0).padStart(8)} MB\n`);
}

/** A file-level error (no row, no feature) means the file as a whole is unusable: exit 2 naming it. */
export function failOnFileError(path: string, report: ImportReport, language: Language): void {
  const fileError = report.issues.find((issue) => issue.severity === "error" && issue.row === undefined && issue.featureIndex === undefined);
  if (fileError) throw new UserError(`${path}: ${fileError.message[language]}`);
  if (report.read > 0 && report.accepted === 0) {
    printImportReports([report], language);
    if (report.issues.some((issue) => issue.code === "coordinates_projected") && report.detected?.crs === undefined) {
      throw new UserError({
        vi: `${path}: toạ độ có vẻ là mét của một hệ chiếu (VN-2000?); hãy cho --crs … (ví dụ --crs VN2000-TM3-105.75, --crs EPSG:3405; xem analyze --help)`,
        en: `${path}: coordinates look like projected metres (VN-2000?); pass --crs … (e.g. --crs VN2000-TM3-105.75, --crs EPSG:3405; see analyze --help)`,
      });
    }
    throw new UserError(`${path}: ${language === "vi" ? `không dòng nào hợp lệ (${report.rejected} bị loại)` : `no valid row (${report.rejected} rejected)`}`);
  }
}
