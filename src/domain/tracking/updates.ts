/**
 * Carriers' update files: import (CSV or JSON), validated row by row, idempotent, with conflicts set
 * aside for the department; and export (CSV for spreadsheets, JSON that carries the events exactly).
 */
import { emptyReport, type ImportIssue, type ImportReport } from "../issues.ts";
import { TECHNOLOGIES, type Message, type Technology } from "../types.ts";
import { findColumn } from "../parse/find_column.ts";
import { inputToText } from "../parse/decode_text.ts";
import { makeIssue, addIssues } from "../parse/import_issue.ts";
import { parseNumber } from "../parse/parse_number.ts";
import { readCsvTable, type CsvDelimiter } from "../parse/read_csv_table.ts";
import { toCsv } from "../export/to_csv.ts";
import { canonicalCarrier, isSameCarrier } from "./carriers.ts";
import { parseFlexibleDate } from "./dates.ts";
import { describeZodError, zPhotoRef, zStatusEventInput } from "./event_schema.ts";
import { actorName, createStatusEvent, type Actor, type Evidence, type PhotoRef, type StatusEvent, type StatusEventDraft } from "./events.ts";
import { foldLabel } from "./fold.ts";
import { checkNewEvent } from "./record.ts";
import { indexRegistry, type ListedPoint } from "./registry.ts";
import { replay } from "./replay.ts";
import { peopleDate } from "../export/people_columns.ts";
import { STATUS_LABELS, parseStatus } from "./status.ts";
import type { UpdateConflict } from "./conflicts.ts";
import { z } from "zod";
import { domainMessage } from "../messages/message.ts";

/** Column names of the update file, with the Vietnamese headers accepted. */
export const UPDATE_COLUMN_ALIASES = {
  pointId: ["point_id", "mã điểm", "ma diem", "id", "mã"],
  carrier: ["carrier", "nhà mạng", "nha mang", "doanh nghiệp"],
  status: ["status", "trạng thái", "trang thai", "tình trạng"],
  date: ["date", "ngày", "ngay", "ngày cập nhật", "ngày thực hiện"],
  technology: ["technology", "công nghệ", "cong nghe", "tech"],
  evidence: ["evidence", "minh chứng", "minh chung", "bằng chứng"],
  note: ["note", "ghi chú", "ghi chu", "lý do"],
  downloadMbps: ["download_mbps", "tốc độ tải xuống", "download"],
  uploadMbps: ["upload_mbps", "tốc độ tải lên", "upload"],
  signalDbm: ["signal_dbm", "cường độ tín hiệu", "signal"],
  photo: ["photo", "ảnh", "hình ảnh"],
  photos: ["photos", "ảnh đính kèm", "anh dinh kem"],
} as const satisfies Record<string, readonly string[]>;

/** The columns writeUpdatesCsv writes, in order (then `photos`, only when a change has photos attached). */
export const UPDATE_COLUMNS = [
  "point_id",
  "carrier",
  "status",
  "date",
  "technology",
  "evidence",
  "note",
  "download_mbps",
  "upload_mbps",
  "signal_dbm",
  "photo",
] as const;

/** Words in the carrier column that mean the department itself (the Sở KH&CN; Sở TT&TT in files from before the 2025 merger). */
const DEPARTMENT_NAMES = new Set(
  ["department", "so", "so tt&tt", "so tttt", "so thong tin va truyen thong", "so khcn", "so kh&cn", "so khoa hoc va cong nghe"].map(foldLabel),
);

export interface UpdatesImportOptions {
  /** File name shown in the report. */
  file: string;
  registry: readonly ListedPoint[];
  /** The current log: rows already in it are skipped, and states are computed from it. */
  events: readonly StatusEvent[];
  /**
   * Who the file is from.
   * - Absent: a carrier's file; each row's carrier column says which carrier (rows naming the department are refused).
   * - A carrier: rows must name that carrier or none (rows naming the department are refused).
   * - The department: its own file, trusted: rows with no carrier (or "department", "Sở KH&CN", "Sở TT&TT") are the
   *   department's decisions; rows naming a carrier are kept as that carrier's (a whole exported log).
   */
  actor?: Actor;
  /** Changes dated before the list was published are refused. */
  listPublishedOn?: string;
  /** Changes dated after today are refused (YYYY-MM-DD). */
  today: string;
  /** Forces the CSV delimiter. */
  delimiter?: CsvDelimiter;
}

export interface UpdatesImportResult {
  /** New valid events, in file order, to append to the log. */
  events: StatusEvent[];
  /** Rows that disagree with what is recorded, for the department to resolve (not applied). */
  conflicts: UpdateConflict[];
  /** Rows already recorded (same content): accepted, nothing to add. */
  duplicates: number;
  /** Row by row: read = accepted + rejected; conflicts are rejected rows with code "conflict". */
  report: ImportReport;
}

/** One row or JSON item turned into an event, or the reasons it could not be. */
interface Candidate {
  row: number;
  event: StatusEvent | null;
  issues: ImportIssue[];
}

/**
 * Reads a carrier's update file (CSV): point_id, carrier, status, date, technology, evidence, note
 * (Vietnamese headers and labels accepted), and validates every row against the registry, the transition
 * table (given the state after the log and the earlier valid rows), the dates, and the recorded events.
 * @param input - CSV text or bytes (UTF-8, UTF-8 with BOM or windows-1258; `,` `;` or tab)
 * @param options - file name, registry, current log, actor, today and publication date
 * @returns the new events, the conflicts, how many rows were already recorded, and the row-by-row report
 * @example
 * ```ts
 * const result = parseUpdatesCsv(bytes, { file: "viettel.csv", registry, events: log, today: "2026-11-22" });
 * log = [...log, ...result.events];
 * ```
 */
export function parseUpdatesCsv(input: string | Uint8Array, options: UpdatesImportOptions): UpdatesImportResult {
  const table = readCsvTable(input, { file: options.file, delimiter: options.delimiter });
  const report = emptyReport(options.file, "updates");
  report.detected = { encoding: table.encoding, delimiter: table.delimiter, columns: table.header };
  addIssues(report, table.issues);
  if (table.issues.some((issue) => issue.severity === "error" && issue.row === undefined)) return { events: [], conflicts: [], duplicates: 0, report };
  const column = (aliases: readonly string[]) => {
    const name = findColumn(table.header, aliases);
    return name === undefined ? -1 : table.header.indexOf(name);
  };
  const columns = {
    pointId: column(UPDATE_COLUMN_ALIASES.pointId),
    carrier: column(UPDATE_COLUMN_ALIASES.carrier),
    status: column(UPDATE_COLUMN_ALIASES.status),
    date: column(UPDATE_COLUMN_ALIASES.date),
    technology: column(UPDATE_COLUMN_ALIASES.technology),
    evidence: column(UPDATE_COLUMN_ALIASES.evidence),
    note: column(UPDATE_COLUMN_ALIASES.note),
    downloadMbps: column(UPDATE_COLUMN_ALIASES.downloadMbps),
    uploadMbps: column(UPDATE_COLUMN_ALIASES.uploadMbps),
    signalDbm: column(UPDATE_COLUMN_ALIASES.signalDbm),
    photo: column(UPDATE_COLUMN_ALIASES.photo),
    photos: column(UPDATE_COLUMN_ALIASES.photos),
  };
  const missing = (["pointId", "status", "date"] as const).filter((key) => columns[key] < 0);
  if (missing.length > 0 || (columns.carrier < 0 && !options.actor)) {
    const names = [...missing.map((key) => UPDATE_COLUMN_ALIASES[key][0]), ...(columns.carrier < 0 && !options.actor ? ["carrier"] : [])];
    addIssues(report, [
      makeIssue(
        options.file,
        "error",
        "columns_missing",
        domainMessage("tracking.columns_missing", { columns: names.join(", "), headers: table.header.join(", ") || domainMessage("common.none") }),
      ),
    ]);
    return { events: [], conflicts: [], duplicates: 0, report };
  }
  const candidates: Candidate[] = table.rows.map((cells, index) => {
    const row = table.rowNumbers[index];
    const cell = (position: number) => (position >= 0 ? (cells[position] ?? "").trim() : "");
    return readCsvRow(options, row, {
      pointId: cell(columns.pointId),
      carrier: cell(columns.carrier),
      status: cell(columns.status),
      date: cell(columns.date),
      technology: cell(columns.technology),
      evidence: cell(columns.evidence),
      note: cell(columns.note),
      downloadMbps: cell(columns.downloadMbps),
      uploadMbps: cell(columns.uploadMbps),
      signalDbm: cell(columns.signalDbm),
      photo: cell(columns.photo),
      photos: cell(columns.photos),
    });
  });
  return validateCandidates(candidates, options, report);
}

type RowCells = Record<keyof typeof UPDATE_COLUMN_ALIASES, string>;

function readCsvRow(options: UpdatesImportOptions, row: number, cells: RowCells): Candidate {
  const issues: ImportIssue[] = [];
  const error = (code: string, column: string, message: Message) => issues.push(makeIssue(options.file, "error", code, message, { row, column }));
  const warning = (code: string, column: string, message: Message) => issues.push(makeIssue(options.file, "warning", code, message, { row, column }));
  if (!cells.pointId) error("point_id_missing", "point_id", domainMessage("updates.point_id_missing"));
  const status = parseStatus(cells.status);
  if (!status) {
    error(
      "status_unknown",
      "status",
      cells.status ? domainMessage("updates.status_unknown", { status: cells.status }) : domainMessage("updates.status_missing"),
    );
  }
  const date = parseFlexibleDate(cells.date);
  if (!date) {
    error("date_invalid", "date", cells.date ? domainMessage("updates.date_invalid", { date: cells.date }) : domainMessage("updates.date_missing"));
  }
  let technology: Technology | undefined;
  if (cells.technology) {
    technology = parseTechnology(cells.technology);
    if (!technology) error("technology_invalid", "technology", domainMessage("updates.technology_invalid", { technology: cells.technology }));
  }
  const actor = resolveActor(options, cells.carrier, (code, message) => error(code, "carrier", message));
  const evidence: Evidence = {};
  if (cells.evidence) evidence.text = cells.evidence;
  if (cells.photo) evidence.photo = cells.photo;
  if (cells.photos) {
    const photos = readPhotosCell(cells.photos);
    if (photos) evidence.photos = photos;
    else error("photos_invalid", "photos", domainMessage("updates.photos_invalid"));
  }
  for (const key of ["downloadMbps", "uploadMbps", "signalDbm"] as const) {
    if (!cells[key]) continue;
    const value = parseNumber(cells[key]);
    if (value === null) warning("number_invalid", key, domainMessage("updates.number_invalid", { cells: cells[key] }));
    else evidence[key] = value;
  }
  if (issues.some((issue) => issue.severity === "error") || !status || !date || !actor) return { row, event: null, issues };
  const draft: StatusEventDraft = { pointId: cells.pointId, status, date, actor, technology, evidence, note: cells.note, source: { file: options.file, row } };
  return { row, event: createStatusEvent(draft), issues };
}

const zPhotosCell = z.array(zPhotoRef).min(1);

/** The `photos` cell: the attached photos' references as a JSON array, as writeUpdatesCsv writes them. */
function readPhotosCell(text: string): PhotoRef[] | null {
  try {
    const parsed = zPhotosCell.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function parseTechnology(text: string): Technology | undefined {
  const upper = text.trim().toUpperCase().replace(/\s+/g, "");
  if (upper === "LTE") return "4G";
  if (upper === "NR") return "5G";
  return TECHNOLOGIES.find((technology) => technology === upper);
}

function resolveActor(options: UpdatesImportOptions, carrierCell: string, fail: (code: string, message: Message) => void): Actor | null {
  const namesDepartment = carrierCell !== "" && DEPARTMENT_NAMES.has(foldLabel(carrierCell));
  if (options.actor?.role === "department") {
    // The department's own file: its decisions, or a whole log whose rows name their carrier.
    return carrierCell === "" || namesDepartment ? { role: "department" } : { role: "carrier", carrier: canonicalCarrier(carrierCell) };
  }
  if (namesDepartment) {
    fail("department_row_not_allowed", domainMessage("updates.department_row_not_allowed"));
    return null;
  }
  if (options.actor?.role === "carrier") {
    if (carrierCell && !isSameCarrier(carrierCell, options.actor.carrier)) {
      fail("carrier_mismatch", domainMessage("updates.carrier_mismatch", { carrier: options.actor.carrier, carrierCell }));
      return null;
    }
    return { role: "carrier", carrier: canonicalCarrier(options.actor.carrier) };
  }
  if (!carrierCell) {
    fail("carrier_missing", domainMessage("updates.carrier_missing"));
    return null;
  }
  return { role: "carrier", carrier: canonicalCarrier(carrierCell) };
}

/** The checks that need the registry and the log, shared by the CSV and JSON forms. */
function validateCandidates(candidates: readonly Candidate[], options: UpdatesImportOptions, report: ImportReport): UpdatesImportResult {
  const byId = indexRegistry(options.registry);
  // A private copy, updated in place as rows are accepted.
  const states = replay(options.registry, options.events).states;
  const known = new Set(options.events.map((event) => event.id));
  const recordedByPoint = new Map<string, StatusEvent[]>();
  for (const event of options.events) {
    const list = recordedByPoint.get(event.pointId);
    if (list) list.push(event);
    else recordedByPoint.set(event.pointId, [event]);
  }
  const events: StatusEvent[] = [];
  const conflicts: UpdateConflict[] = [];
  let duplicates = 0;
  for (const candidate of candidates) {
    report.read++;
    const issues = [...candidate.issues];
    const reject = (code: string, message: Message, column?: string) => {
      issues.push(makeIssue(options.file, "error", code, message, { row: candidate.row, column }));
    };
    const event = candidate.event;
    if (event) {
      const point = byId.get(event.pointId);
      if (known.has(event.id)) {
        duplicates++;
        issues.push(makeIssue(options.file, "warning", "already_recorded", domainMessage("updates.already_recorded"), { row: candidate.row }));
      } else if (!point) {
        reject("unknown_point", domainMessage("tracking.unknown_point", { pointId: event.pointId }), "point_id");
      } else if (event.actor.role === "carrier" && !isSameCarrier(event.actor.carrier, point.carrier)) {
        reject("wrong_carrier", domainMessage("tracking.wrong_carrier", { id: point.id, assigned: point.carrier, actor: event.actor.carrier }), "carrier");
      } else {
        const conflict = findConflict(event, states[point.id]?.lastEvent ?? null, recordedByPoint.get(point.id) ?? []);
        const dateProblem = (options.today && event.date > options.today) || (options.listPublishedOn && event.date < options.listPublishedOn);
        if (conflict && !dateProblem) {
          conflicts.push(conflict);
          reject("conflict", conflict.message);
        } else {
          const result = checkNewEvent(states, byId, event, options);
          if (!result.ok) {
            reject(result.error.code, result.error.message, result.error.code.startsWith("date") ? "date" : "status");
          } else {
            states[event.pointId] = result.value;
            known.add(event.id);
            events.push(event);
          }
        }
      }
    }
    if (issues.some((issue) => issue.severity === "error")) report.rejected++;
    else report.accepted++;
    addIssues(report, issues);
  }
  return { events, conflicts, duplicates, report };
}

function findConflict(incoming: StatusEvent, latest: StatusEvent | null, recorded: readonly StatusEvent[]): UpdateConflict | null {
  const sameDay = [...recorded]
    .reverse()
    .find((existing) => existing.date === incoming.date && existing.status !== incoming.status && existing.actor.role === incoming.actor.role);
  if (sameDay) {
    return {
      pointId: incoming.pointId,
      existing: sameDay,
      incoming,
      reason: "same_date",
      message: domainMessage("updates.conflict_same_day", {
        pointId: incoming.pointId,
        day: peopleDate(incoming.date),
        recorded: STATUS_LABELS[sameDay.status],
        incoming: STATUS_LABELS[incoming.status],
        date: incoming.date,
      }),
    };
  }
  if (latest && incoming.date < latest.date) {
    return {
      pointId: incoming.pointId,
      existing: latest,
      incoming,
      reason: "older_than_latest",
      message: domainMessage("updates.conflict_older", {
        date: incoming.date,
        pointId: incoming.pointId,
        latest: STATUS_LABELS[latest.status],
        latestDate: latest.date,
      }),
    };
  }
  return null;
}

/** The JSON form of an update file. */
export const UPDATES_FORMAT = "lom-song-updates";

const zUpdatesFile = z.object({
  format: z.literal(UPDATES_FORMAT),
  version: z.literal(1),
  createdAt: z.string().optional(),
  events: z.array(z.unknown()),
});

/**
 * Reads the JSON form of an update file (\{ format: "lom-song-updates", version: 1, events \}), which carries
 * the events exactly (evidence included). Each event is validated as a CSV row would be; ids are recomputed
 * from the content.
 * @param input - JSON text, bytes or an already parsed object
 * @param options - as for parseUpdatesCsv
 * @returns the new events, conflicts, duplicates and report (row = 1-based position in `events`)
 */
export function parseUpdatesJson(input: string | Uint8Array | object, options: UpdatesImportOptions): UpdatesImportResult {
  const report = emptyReport(options.file, "updates");
  const fail = (message: Message): UpdatesImportResult => {
    addIssues(report, [makeIssue(options.file, "error", "file_invalid", message)]);
    return { events: [], conflicts: [], duplicates: 0, report };
  };
  let data: unknown = input;
  if (typeof input === "string" || input instanceof Uint8Array) {
    try {
      data = JSON.parse(inputToText(input).text);
    } catch (error) {
      return fail(domainMessage("tracking.json_invalid", { message: (error as Error).message }));
    }
  }
  const file = zUpdatesFile.safeParse(data);
  if (!file.success) {
    return fail(domainMessage("updates.format_invalid", { updatesFormat: UPDATES_FORMAT, reason: describeZodError(file.error) }));
  }
  const candidates = file.data.events.map((item, index): Candidate => {
    const row = index + 1;
    const parsed = zStatusEventInput.safeParse(item);
    if (!parsed.success) {
      return {
        row,
        event: null,
        issues: [
          makeIssue(options.file, "error", "event_invalid", domainMessage("updates.event_invalid", { reason: describeZodError(parsed.error) }), {
            row,
          }),
        ],
      };
    }
    const value = parsed.data;
    const issues: ImportIssue[] = [];
    const actor = resolveActor(options, value.actor.role === "carrier" ? value.actor.carrier : "department", (code, message) =>
      issues.push(makeIssue(options.file, "error", code, message, { row, column: "actor" })),
    );
    if (!actor) return { row, event: null, issues };
    const { id, ...content } = value;
    const event = createStatusEvent({ ...content, actor, source: { file: options.file, row } });
    if (id !== undefined && id !== event.id) {
      issues.push(makeIssue(options.file, "warning", "id_mismatch", domainMessage("updates.id_mismatch", { written: id, computed: event.id }), { row }));
    }
    return { row, event, issues };
  });
  return validateCandidates(candidates, options, report);
}

/**
 * Writes events as an update file in CSV (UTF-8 with BOM, CRLF, formula-safe), the shape parseUpdatesCsv reads.
 * @param events - the events, in the order to write
 * @param options - statusAs: "code" (default) writes on_air…, "vi" writes the Vietnamese labels
 * @returns the CSV text
 * @example
 * ```ts
 * const csv = writeUpdatesCsv(myEvents);
 * ```
 */
export function writeUpdatesCsv(events: readonly StatusEvent[], options: { statusAs?: "code" | "vi" } = {}): string {
  // Attached photos go in one more column, written only when there are some: files without stay as before.
  const withPhotos = events.some((event) => (event.evidence?.photos?.length ?? 0) > 0);
  const rows = events.map((event) => [
    event.pointId,
    actorName(event.actor),
    options.statusAs === "vi" ? STATUS_LABELS[event.status].vi : event.status,
    event.date,
    event.technology ?? "",
    event.evidence?.text ?? "",
    event.note ?? "",
    event.evidence?.downloadMbps ?? "",
    event.evidence?.uploadMbps ?? "",
    event.evidence?.signalDbm ?? "",
    event.evidence?.photo ?? "",
    ...(withPhotos ? [event.evidence?.photos?.length ? JSON.stringify(event.evidence.photos) : ""] : []),
  ]);
  return toCsv(withPhotos ? [...UPDATE_COLUMNS, "photos"] : UPDATE_COLUMNS, rows);
}

/**
 * Writes events as the JSON form of an update file, carrying them exactly (ids, evidence, sources).
 * @param events - the events
 * @param options - createdAt: an ISO timestamp to record (omitted when not given, so the output is reproducible)
 * @returns the JSON text, pretty-printed
 */
export function writeUpdatesJson(events: readonly StatusEvent[], options: { createdAt?: string } = {}): string {
  const file: Record<string, unknown> = { format: UPDATES_FORMAT, version: 1 };
  if (options.createdAt) file.createdAt = options.createdAt;
  file.events = events;
  return JSON.stringify(file, null, 2) + "\n";
}
