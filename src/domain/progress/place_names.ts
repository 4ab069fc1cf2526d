/**
 * Keys for comparing place names as lists write them: tones, case, spacing and punctuation ignored, and the
 * words that say what kind of place it is ("thôn", "bản", "điểm trường", "xã", "phường"…) dropped, so
 * "Thôn Nà Lốc", "ban na loc" and "Nà  Lốc" have one key. And a similarity between keys, for candidates.
 */
import { foldForSearch } from "../parse/fold_for_search.ts";

/**
 * Kind-of-place words at the start of a village or school name, longest first. They are matched with their
 * tones ("Tổ 5" drops "Tổ", "Tô Hiệu" keeps "Tô"); a name typed without any tone drops them without tones.
 */
const PLACE_PREFIXES = ["điểm trường", "trường", "thôn", "bản", "xóm", "làng", "tổ", "khu", "ấp", "điểm"];
/** Kind-of-unit words at the start of a commune, district or province name (one is dropped). */
const UNIT_PREFIXES = ["thị trấn", "thị xã", "đặc khu", "thành phố", "thủ đô", "phường", "huyện", "quận", "tỉnh", "xã", "tp"];

function fold(text: string): string {
  return foldForSearch(text)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Lower case, NFC, punctuation as spaces, spaces collapsed: the text before its tones are folded. */
function tidy(text: string): string {
  return text
    .normalize("NFC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

function stripPrefixes(text: string, prefixes: readonly string[], repeat: boolean): string {
  let key = tidy(text);
  const toneless = fold(key) === key;
  const words = toneless ? prefixes.map(fold) : prefixes;
  for (;;) {
    // Without tones "xa luong" may be the commune Xá Lượng: a toneless unit word goes only when two words remain.
    const prefix = words.find((word) => key.startsWith(word + " ") && key.length > word.length + 1 && (repeat || !toneless || key.slice(word.length + 1).includes(" ")));
    if (!prefix) return fold(key);
    key = key.slice(prefix.length + 1);
    if (!repeat) return fold(key);
  }
}

/**
 * The key of a village, hamlet or school name: folded, punctuation as spaces, the leading kind-of-place words
 * dropped (repeatedly: "Điểm trường thôn Nà Lốc" → "na loc"). A name that is only such a word keeps it.
 * @param name - the name as written
 * @returns the key
 * @example
 * ```ts
 * placeNameKey("Thôn  Nà Lốc"); // "na loc"
 * ```
 */
export function placeNameKey(name: string): string {
  return stripPrefixes(name, PLACE_PREFIXES, true);
}

/**
 * The key of a commune, district or province name: folded, "xã", "phường", "thị trấn", "huyện", "tỉnh"… dropped.
 * @param name - the name as written ("Xã A Mú Sung", "a mu sung")
 * @returns the key ("a mu sung")
 */
export function unitNameKey(name: string): string {
  return stripPrefixes(name, UNIT_PREFIXES, false);
}

/**
 * Levenshtein distance between two strings (code units), bounded: returns `limit + 1` as soon as it exceeds `limit`.
 * @param a - a string
 * @param b - another string
 * @param limit - the largest distance of interest
 * @returns the distance, or limit + 1
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = new Array<number>(b.length + 1);
  let current = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let best = current[0];
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (current[j] < best) best = current[j];
    }
    if (best > limit) return limit + 1;
    [previous, current] = [current, previous];
  }
  return previous[b.length];
}

/**
 * How alike two keys are: 1 − edit distance / the longer length (1 = the same, 0 = nothing in common).
 * @param a - a key
 * @param b - another key
 * @returns a number from 0 to 1
 */
export function keySimilarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return 1;
  return 1 - editDistance(a, b) / longest;
}
