/**
 * Pupils and households of a point. A point list has one count column that the importer reads as `weight` (the
 * first of "weight", "pupils", "households", "Số học sinh", "Số hộ", "Sĩ số"…); a second count column stays in the
 * point's `extra` columns. So:
 * - pupils: a pupils column among the extra columns ("pupils", "Sĩ số", "Số học sinh", "Số HS") when there is one,
 *   else the weight of a school or school site;
 * - households: a households column among the extra columns ("households", "Số hộ") when there is one, else the
 *   weight of a village or village centre.
 */
import { foldKey } from "../parse/fold_for_search.ts";
import { parseCount } from "../parse/parse_number.ts";
import type { Point, PointKind } from "../types.ts";

/** What a weight counts. */
export const SITE_WEIGHT_MODES = ["points", "pupils", "households"] as const;
export type SiteWeightMode = (typeof SITE_WEIGHT_MODES)[number];

const PUPIL_KINDS: ReadonlySet<PointKind> = new Set(["school", "school_site"]);
const HOUSEHOLD_KINDS: ReadonlySet<PointKind> = new Set(["village", "village_centre"]);
const PUPIL_HEADERS = new Set(["pupils", "sĩ số", "số học sinh", "số hs"].map(foldKey));
const HOUSEHOLD_HEADERS = new Set(["households", "số hộ"].map(foldKey));

/** Header → role, folded once per distinct header. */
const headerRoles = new Map<string, "pupils" | "households" | null>();

function headerRole(header: string): "pupils" | "households" | null {
  let role = headerRoles.get(header);
  if (role === undefined) {
    const key = foldKey(header);
    role = PUPIL_HEADERS.has(key) ? "pupils" : HOUSEHOLD_HEADERS.has(key) ? "households" : null;
    if (headerRoles.size < 10_000) headerRoles.set(header, role);
  }
  return role;
}

function countOf(text: string): number {
  const value = parseCount(text);
  return value !== null && Number.isFinite(value) && value > 0 ? value : 0;
}

/**
 * A point's weight in a mode (see the module).
 * @param point - the point
 * @param mode - points (1 each), pupils, or households
 * @returns the weight, 0 when the point has none in this mode
 * @example
 * ```ts
 * pointWeight({ kind: "school", weight: 120, extra: {} }, "pupils"); // 120
 * pointWeight({ kind: "village", extra: { "Số hộ": "85" } }, "households"); // 85
 * ```
 */
export function pointWeight(point: Pick<Point, "kind" | "weight" | "extra">, mode: SiteWeightMode): number {
  if (mode === "points") return 1;
  for (const header in point.extra) {
    if (headerRole(header) === mode) return countOf(point.extra[header]);
  }
  const kinds = mode === "pupils" ? PUPIL_KINDS : HOUSEHOLD_KINDS;
  if (!kinds.has(point.kind)) return 0;
  return point.weight !== undefined && Number.isFinite(point.weight) && point.weight > 0 ? point.weight : 0;
}

/**
 * Whether a column of a point list holds pupils or households (the headers pointWeight reads), or neither.
 * @param header - a column name, as in Point.extra
 * @returns "pupils", "households" or null
 */
export function countColumnRole(header: string): "pupils" | "households" | null {
  return headerRole(header);
}

/**
 * A point's pupils or households as the list gives them, for showing: the same source as pointWeight, but null when
 * the list has no such count for the point (an empty cell, or a village's pupils), where pointWeight says 0.
 * @param point - the point
 * @param mode - pupils or households
 * @returns the count, or null
 * @example
 * ```ts
 * pointCount({ kind: "village", extra: { "Số hộ": "85" } }, "households"); // 85
 * pointCount({ kind: "village", weight: 40, extra: {} }, "pupils"); // null
 * ```
 */
export function pointCount(point: Pick<Point, "kind" | "weight" | "extra">, mode: "pupils" | "households"): number | null {
  for (const header in point.extra) {
    if (headerRole(header) !== mode) continue;
    const value = parseCount(point.extra[header]);
    return value !== null && Number.isFinite(value) && value >= 0 ? value : null;
  }
  const kinds = mode === "pupils" ? PUPIL_KINDS : HOUSEHOLD_KINDS;
  if (!kinds.has(point.kind)) return null;
  return point.weight !== undefined && Number.isFinite(point.weight) && point.weight >= 0 ? point.weight : null;
}
