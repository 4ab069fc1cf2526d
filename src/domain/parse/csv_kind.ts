/**
 * What a CSV table holds, guessed from its header: a point list, a registry of listed dead zones,
 * or carriers' status updates.
 */
import { LATITUDE_ALIASES, LONGITUDE_ALIASES, findColumn } from "./find_column.ts";

export type CsvKind = "points" | "registry" | "updates" | "unknown";

/** Headers of the registry's carrier column. */
export const CARRIER_COLUMN_ALIASES = [
  "carrier",
  "nhà mạng",
  "nha mang",
  "doanh nghiệp",
  "doanh nghiệp thực hiện",
  "đơn vị thực hiện",
  "doanh nghiệp được giao",
  "đơn vị được giao",
] as const;
/** Headers of the registry's deadline column. */
export const DEADLINE_COLUMN_ALIASES = ["deadline", "hạn hoàn thành", "hạn", "han", "thời hạn", "thời gian hoàn thành", "thời hạn hoàn thành"] as const;
/** Headers of the point reference in update files. */
export const POINT_ID_COLUMN_ALIASES = ["point_id", "mã điểm"] as const;
/** Headers of the status in update files. */
export const STATUS_COLUMN_ALIASES = ["status", "trạng thái"] as const;

/**
 * Guesses the kind of a CSV file from its header row.
 * @param header - the header cells
 * @returns "updates" (point_id + status), "registry" (carrier + deadline), "points" (coordinates) or "unknown"
 */
export function guessCsvKind(header: readonly string[]): CsvKind {
  if (findColumn(header, POINT_ID_COLUMN_ALIASES) && findColumn(header, STATUS_COLUMN_ALIASES)) return "updates";
  if (findColumn(header, CARRIER_COLUMN_ALIASES) && findColumn(header, DEADLINE_COLUMN_ALIASES)) return "registry";
  if (findColumn(header, LATITUDE_ALIASES) && findColumn(header, LONGITUDE_ALIASES)) return "points";
  return "unknown";
}
