/**
 * Field and crowd measurements (đo kiểm thực tế) from CSV: time, position, carrier, technology, download and upload
 * speed (Mbps), signal (dBm). Headers in English or Vietnamese, or as G-NetTrack Pro writes its logs (tab-separated:
 * Timestamp, Longitude, Latitude, Operatorname, NetworkTech, Level in dBm, DL_bitrate and UL_bitrate in kbit/s,
 * converted to Mbps here). Other apps' exports (NetMonster, Network Cell Info…) are read when their columns are
 * renamed to the headers below; their own headers are not guessed.
 *
 * A measurement shows no service when its technology cell says so ("no service", "none", "mất sóng", "không có
 * sóng", "-"/"0" in G-NetTrack's NetworkTech) — then it needs no technology. Every row is accepted or rejected with
 * a reason: read = accepted + rejected.
 */
import { emptyReport, type ImportIssue, type ImportReport, type ImportResult } from "../issues.ts";
import { findColumn } from "../parse/find_column.ts";
import { foldKey } from "../parse/fold_for_search.ts";
import { addIssues, makeIssue } from "../parse/import_issue.ts";
import { parseCoordinate, parseNumber } from "../parse/parse_number.ts";
import { checkPointPosition } from "../parse/point_checks.ts";
import { readCsvTable } from "../parse/read_csv_table.ts";
import { parseTechnology } from "../parse/technology.ts";
import { canonicalCarrier } from "../tracking/carriers.ts";
import type { Technology } from "../types.ts";
import { domainMessage } from "../messages/message.ts";

/** One measurement. */
export interface Measurement {
  /** As written (ISO or the app's own format); the day YYYY-MM-DD when it could be read. */
  time: string;
  date: string | null;
  lon: number;
  lat: number;
  carrier: string;
  /** Null when the measurement shows no service. */
  technology: Technology | null;
  noService: boolean;
  downloadMbps: number | null;
  uploadMbps: number | null;
  signalDbm: number | null;
  source: { file: string; row: number };
}

/** Header aliases, most specific first. */
export const MEASUREMENT_COLUMNS = {
  time: ["time", "timestamp", "date", "datetime", "thời gian", "thoi gian", "ngày đo", "ngày"],
  lat: ["lat", "latitude", "vĩ độ", "vi do"],
  lon: ["lon", "lng", "longitude", "kinh độ", "kinh do"],
  carrier: ["carrier", "operator", "operatorname", "network", "nhà mạng", "nha mang"],
  technology: ["technology", "tech", "networktech", "network type", "network_type", "công nghệ", "cong nghe"],
  downloadMbps: ["download_mbps", "download", "dl_mbps", "tải xuống", "tốc độ tải xuống", "tai xuong"],
  uploadMbps: ["upload_mbps", "upload", "ul_mbps", "tải lên", "tốc độ tải lên", "tai len"],
  downloadKbps: ["dl_bitrate"],
  uploadKbps: ["ul_bitrate"],
  signalDbm: ["signal_dbm", "signal", "rsrp", "level", "dbm", "tín hiệu", "mức tín hiệu", "tin hieu"],
} as const;

const NO_SERVICE = new Set(
  ["no service", "none", "no signal", "mất sóng", "không có sóng", "ko có sóng", "khong co song", "mat song", "-", "0", "không", "nosvc", "out of service"].map(
    foldKey,
  ),
);

type ColumnKey = keyof typeof MEASUREMENT_COLUMNS;

/**
 * Reads a measurement CSV.
 * @param input - the file as text or bytes
 * @param options - the file name
 * @returns the accepted measurements and the import report
 * @example
 * ```ts
 * const { items } = parseMeasurementsCsv("time,lat,lon,carrier,technology,download_mbps\n2026-11-02T09:00,22.1,104.2,Viettel,4G,12.5\n", { file: "do-kiem.csv" });
 * ```
 */
export function parseMeasurementsCsv(input: string | Uint8Array, options: { file: string }): ImportResult<Measurement> {
  const file = options.file;
  // Reported as a point list (measurements are points with readings): ImportKind stays as the app knows it.
  const report: ImportReport = emptyReport(file, "points");
  const table = readCsvTable(input, { file });
  addIssues(report, table.issues);
  report.read = table.rows.length;
  const used = new Set<string>();
  const columns: Partial<Record<ColumnKey, number>> = {};
  for (const key of Object.keys(MEASUREMENT_COLUMNS) as ColumnKey[]) {
    const found = findColumn(
      table.header.filter((cell) => !used.has(cell)),
      MEASUREMENT_COLUMNS[key],
    );
    if (found !== undefined) {
      used.add(found);
      columns[key] = table.header.indexOf(found);
    }
  }
  const missing = (["lat", "lon", "carrier"] as const).filter((key) => columns[key] === undefined);
  if (missing.length > 0) {
    addIssues(report, [
      makeIssue(file, "error", "measurement_columns_missing", domainMessage("measurements.measurement_columns_missing", { missing: missing.join(", ") })),
    ]);
    report.rejected = table.rows.length;
    return { items: [], report };
  }
  const items: Measurement[] = [];
  table.rows.forEach((cells, r) => {
    const row = table.rowNumbers[r];
    const cell = (key: ColumnKey) => (columns[key] === undefined ? "" : (cells[columns[key]!] ?? "").trim());
    const issues: ImportIssue[] = [];
    const reject = (code: string, message: { vi: string; en: string }) => {
      report.rejected++;
      addIssues(report, [makeIssue(file, "error", code, message, { row })]);
    };
    const lon = parseCoordinate(cell("lon"));
    const lat = parseCoordinate(cell("lat"));
    if (lon === null || lat === null) {
      reject("coordinate_unreadable", domainMessage("measurements.coordinate_unreadable"));
      return;
    }
    const check = checkPointPosition(lon, lat);
    if (!check.ok) {
      reject(check.code, check.message);
      return;
    }
    const carrierText = cell("carrier");
    if (carrierText === "") {
      reject("carrier_missing", domainMessage("measurements.carrier_missing"));
      return;
    }
    const technologyText = cell("technology");
    const noService = NO_SERVICE.has(foldKey(technologyText));
    const technology = noService ? null : technologyText === "" ? null : (parseTechnology(technologyText) ?? null);
    if (!noService && technology === null) {
      reject("technology_unreadable", domainMessage("measurements.technology_unreadable", { technologyText }));
      return;
    }
    const number = (key: ColumnKey, scale = 1): number | null => {
      const text = cell(key);
      if (text === "") return null;
      const value = parseNumber(text);
      if (value === null) {
        issues.push(
          makeIssue(file, "warning", "measurement_number_unreadable", domainMessage("measurements.measurement_number_unreadable", { text }), { row }),
        );
        return null;
      }
      return value * scale;
    };
    const downloadMbps = columns.downloadMbps !== undefined ? number("downloadMbps") : number("downloadKbps", 1 / 1000);
    const uploadMbps = columns.uploadMbps !== undefined ? number("uploadMbps") : number("uploadKbps", 1 / 1000);
    const time = cell("time");
    const day = /^(\d{4})[-.](\d{2})[-.](\d{2})/.exec(time);
    items.push({
      time,
      date: day ? `${day[1]}-${day[2]}-${day[3]}` : null,
      lon: check.lon,
      lat: check.lat,
      carrier: canonicalCarrier(carrierText),
      technology,
      noService,
      downloadMbps,
      uploadMbps,
      signalDbm: number("signalDbm"),
      source: { file, row },
    });
    report.accepted++;
    addIssues(report, issues);
  });
  return { items, report };
}
