/**
 * Mobile technology names as carriers write them: generations (2G…5G) or standards (GSM, UMTS,
 * WCDMA, HSPA, LTE, NR).
 */
import type { Technology } from "../types.ts";
import { foldKey } from "./fold_for_search.ts";

const TECHNOLOGY_VALUES: ReadonlyMap<string, Technology> = new Map<string, Technology>([
  ["2g", "2G"],
  ["gsm", "2G"],
  ["gprs", "2G"],
  ["edge", "2G"],
  ["3g", "3G"],
  ["umts", "3G"],
  ["wcdma", "3G"],
  ["hspa", "3G"],
  ["hspa+", "3G"],
  ["hsdpa", "3G"],
  ["4g", "4G"],
  ["lte", "4G"],
  ["4g lte", "4G"],
  ["lte a", "4G"],
  ["5g", "5G"],
  ["nr", "5G"],
  ["5g nr", "5G"],
]);

/**
 * Reads a technology, case-insensitively.
 * @param text - e.g. "4G", "lte", "WCDMA", "5G NR"
 * @returns the technology, or undefined when it is not recognised
 * @example
 * ```ts
 * parseTechnology("LTE"); // "4G"
 * ```
 */
export function parseTechnology(text: string): Technology | undefined {
  return TECHNOLOGY_VALUES.get(foldKey(text).replace(/\s*\/\s*/g, " "));
}
