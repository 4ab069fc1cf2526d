/**
 * The kind of a listed place from what users type in a "kind" / "loại" column.
 */
import type { PointKind } from "../types.ts";
import { foldKey } from "./fold_for_search.ts";

const KIND_VALUES: ReadonlyMap<string, PointKind> = new Map<string, PointKind>([
  ["school", "school"],
  ["truong", "school"],
  ["truong hoc", "school"],
  ["school site", "school_site"],
  ["diem truong", "school_site"],
  ["diem le", "school_site"],
  ["village", "village"],
  ["thon", "village"],
  ["ban", "village"],
  ["xom", "village"],
  ["ap", "village"],
  ["khu dan cu", "village"],
  ["lang", "village"],
  ["village centre", "village_centre"],
  ["village center", "village_centre"],
  ["trung tam thon", "village_centre"],
  ["other", "other"],
  ["khac", "other"],
]);

/**
 * Reads a point kind, in English or Vietnamese, with or without tones.
 * @param text - e.g. "trường", "Điểm trường", "school_site", "bản", "trung tâm thôn"
 * @returns the kind, or undefined when the value is not recognised
 * @example
 * ```ts
 * parsePointKind("Điểm lẻ"); // "school_site"
 * ```
 */
export function parsePointKind(text: string): PointKind | undefined {
  return KIND_VALUES.get(foldKey(text));
}
