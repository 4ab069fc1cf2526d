/**
 * The registry with its current status, as a table: the per-point progress report (CSV, Excel-ready) and
 * export rows for the GeoJSON and KML writers.
 */
import type { Language, Point } from "../types.ts";
import type { ExportRow } from "../export/export_columns.ts";
import { toCsv, type CsvSeparator } from "../export/to_csv.ts";
import { isOverdue } from "./dashboard.ts";
import { daysBetween } from "./dates.ts";
import { actorName } from "./events.ts";
import type { ListedPoint } from "./registry.ts";
import { initialPointTracking, type PointTracking, type TrackingStates } from "./replay.ts";
import { STATUS_LABELS, isCoveredStatus } from "./status.ts";

/** The columns of the progress report, in order. */
export const PROGRESS_TABLE_COLUMNS = [
  "id",
  "name",
  "kind",
  "lon",
  "lat",
  "carrier",
  "province_code",
  "province",
  "commune_code",
  "commune",
  "deadline",
  "priority",
  "status",
  "status_label",
  "since",
  "days_overdue",
  "days_left",
  "technology",
  "last_actor",
  "last_note",
  "evidence",
  // A province's own list: its row number, the district it named, the point it was linked to and how.
  "stt",
  "district",
  "point_id",
  "located_by",
] as const;

export type ProgressTableValue = string | number | null;

/** The columns a province's own list brings (empty for a list with ids and coordinates). */
function listColumns(point: ListedPoint): Record<"stt" | "district" | "point_id" | "located_by", string> {
  return { stt: point.stt ?? "", district: point.district ?? "", point_id: point.pointId ?? "", located_by: point.locatedBy ?? "" };
}

function statusColumns(point: ListedPoint, state: PointTracking, today: string, language: Language): Record<string, string | number> {
  const open = !isCoveredStatus(state.status) && state.status !== "infeasible_accepted";
  const last = state.lastEvent;
  const evidence = last?.evidence
    ? [
        last.evidence.text,
        last.evidence.downloadMbps !== undefined ? `↓${last.evidence.downloadMbps} Mbps` : undefined,
        last.evidence.uploadMbps !== undefined ? `↑${last.evidence.uploadMbps} Mbps` : undefined,
        last.evidence.signalDbm !== undefined ? `${last.evidence.signalDbm} dBm` : undefined,
        last.evidence.photo,
        last.evidence.photos?.length ? last.evidence.photos.map((photo) => photo.name).join(", ") : undefined,
      ]
        .filter((part) => part !== undefined && part !== "")
        .join("; ")
    : "";
  return {
    status: state.status,
    status_label: STATUS_LABELS[state.status][language],
    since: state.since ?? "",
    days_overdue: isOverdue(point, state.status, today) ? daysBetween(point.deadline as string, today) : "",
    days_left: open && point.deadline !== null && point.deadline >= today ? daysBetween(today, point.deadline) : "",
    technology: state.technology ?? "",
    last_actor: last ? actorName(last.actor) : "",
    last_note: last?.note ?? "",
    evidence,
  };
}

/**
 * Builds the progress report table: one row per listed point with its status, status label, since,
 * days overdue, days left, technology and the last change.
 * @param registry - the listed points
 * @param states - their states (from replay, possibly as of a date)
 * @param options - today (for days overdue and days left) and the language of the status label (default vi)
 * @returns the columns and rows
 */
export function buildProgressTable(
  registry: readonly ListedPoint[],
  states: TrackingStates,
  options: { today: string; language?: Language },
): { columns: string[]; rows: ProgressTableValue[][] } {
  const language = options.language ?? "vi";
  const rows = registry.map((point) => {
    const computed = statusColumns(point, states[point.id] ?? initialPointTracking(point.id), options.today, language);
    const base: Record<string, ProgressTableValue> = {
      id: point.id,
      name: point.name,
      kind: point.kind,
      lon: point.lon,
      lat: point.lat,
      carrier: point.carrier,
      province_code: point.provinceCode ?? "",
      province: point.province ?? "",
      commune_code: point.communeCode ?? "",
      commune: point.commune ?? "",
      deadline: point.deadline ?? "",
      priority: point.priority ?? "",
      ...computed,
      ...listColumns(point),
    };
    return PROGRESS_TABLE_COLUMNS.map((column) => base[column]);
  });
  return { columns: [...PROGRESS_TABLE_COLUMNS], rows };
}

/**
 * Writes the progress report as CSV (UTF-8 with BOM, CRLF, formula-safe), ready for Excel.
 * @param registry - the listed points
 * @param states - their states
 * @param options - today, the language of the status label, and the CSV flavour (`comma` by default, or `semicolon`)
 * @returns the CSV text
 * @example
 * ```ts
 * const csv = progressTableToCsv(registry, replay(registry, events).states, { today: "2026-11-22" });
 * ```
 */
export function progressTableToCsv(
  registry: readonly ListedPoint[],
  states: TrackingStates,
  options: { today: string; language?: Language; separator?: CsvSeparator },
): string {
  const table = buildProgressTable(registry, states, options);
  return toCsv(table.columns, table.rows, { separator: options.separator });
}

/**
 * Turns the registry with its current status into export rows, for pointsToGeojson and pointsToKml
 * (and pointsToCsv), so a map file of the listed points carries their status.
 * @param registry - the listed points
 * @param states - their states
 * @param options - today, the language of the status label, and the CSV flavour (`comma` by default, or `semicolon`)
 * @returns one ExportRow per listed point, with carrier, deadline and the status columns computed
 */
export function buildTrackingExportRows(
  registry: readonly ListedPoint[],
  states: TrackingStates,
  options: { today: string; language?: Language },
): ExportRow[] {
  const language = options.language ?? "vi";
  return registry.map((listed) => {
    const point: Point = { id: listed.id, name: listed.name, kind: listed.kind, lon: listed.lon, lat: listed.lat, source: listed.source, extra: listed.extra };
    if (listed.provinceCode) point.provinceCode = listed.provinceCode;
    if (listed.province) point.provinceName = listed.province;
    if (listed.communeCode) point.communeCode = listed.communeCode;
    if (listed.commune) point.communeName = listed.commune;
    const computed: Record<string, string | number> = {
      carrier: listed.carrier,
      deadline: listed.deadline ?? "",
      ...statusColumns(listed, states[listed.id] ?? initialPointTracking(listed.id), options.today, language),
    };
    for (const [key, value] of Object.entries(listColumns(listed))) if (value !== "") computed[key] = value;
    return { point, computed };
  });
}
