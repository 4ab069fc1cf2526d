import type { MessageKey } from "../i18n/i18n.ts";

/**
 * The columns that the registry table on screen and the printed report both show for a listed point, in this
 * order, so that the printed list reads like the screen it was printed from.
 */
export const LISTED_POINT_COLUMNS = [
  "tracking.table.id",
  "tracking.table.name",
  "tracking.table.area",
  "tracking.table.carrier",
  "tracking.table.deadline",
  "tracking.table.daysLeft",
  "tracking.table.status",
] as const satisfies readonly MessageKey[];
