/**
 * The popup's "nearest coverage" line: up to three carriers not covering the point, nearest first, with
 * the distance to their coverage in km formatted for the language ("Viettel 2,6 km · VNPT 4,1 km").
 */
import type { Language } from "../domain/types.ts";
import { formatNumber, translate } from "./i18n/i18n.ts";

/** Carriers farther than this are not listed (the domain's default reach). */
export const NEAREST_MAX_KM = 100;
/** At most this many carriers in the popup. */
export const NEAREST_POPUP_CARRIERS = 3;

/**
 * Formats the line.
 * @param language - the interface language
 * @param distances - carriers nearest first (from the worker's nearest request); null when unavailable
 * @returns the text of the line
 * @example
 * ```ts
 * formatNearestLine("vi", [{ carrier: "Viettel", km: 2.56 }, { carrier: "VNPT", km: 4.1 }]); // "Viettel 2,6 km · VNPT 4,1 km"
 * ```
 */
export function formatNearestLine(language: Language, distances: readonly { carrier: string; km: number }[] | null): string {
  if (distances === null) return translate(language, "popup.nearestUnavailable");
  if (distances.length === 0) return translate(language, "popup.nearestNone", { km: NEAREST_MAX_KM });
  return distances
    .slice(0, NEAREST_POPUP_CARRIERS)
    .map((entry) => `${entry.carrier} ${formatNumber(language, entry.km, 1)} km`)
    .join(" · ");
}
