/**
 * The columns written for a list of points, shared by the CSV, GeoJSON and KML writers so the
 * three files carry the same fields. Headers are English snake_case, stable for re-import.
 */
import type { Point } from "../types.ts";

/** One point to write, with the columns computed for it (status, covered_by…). */
export interface ExportRow {
  point: Point;
  computed: Record<string, string | number>;
}

/** The fixed leading columns, in order. */
export const POINT_EXPORT_COLUMNS = [
  "id",
  "name",
  "kind",
  "lon",
  "lat",
  "parent_id",
  "weight",
  "province_code",
  "province",
  "commune_code",
  "commune",
] as const;

export type ExportValue = string | number | null;

/**
 * Lists the columns for a set of rows: the fixed ones, then every `extra` column in first-seen order,
 * then every computed column. An extra column with the name of a fixed or computed one is left out
 * (the computed value wins: re-exporting an exported file does not double `status`).
 * @param rows - the rows to write
 * @returns the header
 */
export function exportColumns(rows: readonly ExportRow[]): string[] {
  const computed: string[] = [];
  const computedSet = new Set<string>();
  for (const row of rows) {
    for (const name of Object.keys(row.computed)) {
      if (!computedSet.has(name)) {
        computedSet.add(name);
        computed.push(name);
      }
    }
  }
  const taken = new Set<string>([...POINT_EXPORT_COLUMNS, ...computed]);
  const extra: string[] = [];
  for (const row of rows) {
    for (const name of Object.keys(row.point.extra)) {
      if (!taken.has(name)) {
        taken.add(name);
        extra.push(name);
      }
    }
  }
  return [...POINT_EXPORT_COLUMNS, ...extra, ...computed];
}

/**
 * The value of one column for one row; null when the point has no such value.
 * @param row - the row
 * @param column - a column from exportColumns
 * @returns the value
 */
export function exportValue(row: ExportRow, column: string): ExportValue {
  const point = row.point;
  switch (column) {
    case "id":
      return point.id;
    case "name":
      return point.name;
    case "kind":
      return point.kind;
    case "lon":
      return point.lon;
    case "lat":
      return point.lat;
    case "parent_id":
      return point.parentId ?? null;
    case "weight":
      return point.weight ?? null;
    case "province_code":
      return point.provinceCode ?? null;
    case "province":
      return point.provinceName ?? null;
    case "commune_code":
      return point.communeCode ?? null;
    case "commune":
      return point.communeName ?? null;
    default:
      if (Object.hasOwn(row.computed, column)) return row.computed[column];
      return Object.hasOwn(point.extra, column) ? point.extra[column] : null;
  }
}

/**
 * The function that gives one column's value for a row: the same value as exportValue(row, column), with the
 * choice of field made once per column instead of once per cell.
 * @param column - a column from exportColumns
 * @returns (row) =\> exportValue(row, column)
 */
export function exportAccessor(column: string): (row: ExportRow) => ExportValue {
  switch (column) {
    case "id":
      return (row) => row.point.id;
    case "name":
      return (row) => row.point.name;
    case "kind":
      return (row) => row.point.kind;
    case "lon":
      return (row) => row.point.lon;
    case "lat":
      return (row) => row.point.lat;
    case "parent_id":
      return (row) => row.point.parentId ?? null;
    case "weight":
      return (row) => row.point.weight ?? null;
    case "province_code":
      return (row) => row.point.provinceCode ?? null;
    case "province":
      return (row) => row.point.provinceName ?? null;
    case "commune_code":
      return (row) => row.point.communeCode ?? null;
    case "commune":
      return (row) => row.point.communeName ?? null;
    default:
      return (row) => exportValue(row, column);
  }
}
