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

/** A prefix list as word arrays, toned and toneless. */
interface PrefixWords {
  toned: readonly (readonly string[])[];
  toneless: readonly (readonly string[])[];
}

function prefixWords(prefixes: readonly string[]): PrefixWords {
  return { toned: prefixes.map((prefix) => prefix.split(" ")), toneless: prefixes.map((prefix) => fold(prefix).split(" ")) };
}

const PLACE_WORDS = prefixWords(PLACE_PREFIXES);
const UNIT_WORDS = prefixWords(UNIT_PREFIXES);

/** Tones off a tidy key: Vietnamese marks are all in U+0300–U+036F once decomposed. */
function stripTones(key: string): string {
  return key
    .normalize("NFD")
    .replace(/[\u0300-\u036f]+/g, "")
    .replace(/đ/g, "d");
}

function stripPrefixes(text: string, prefixes: PrefixWords, repeat: boolean): string {
  const key = tidy(text);
  const folded = stripTones(key);
  const toneless = folded === key;
  const words = key.split(" ");
  const plain = folded.split(" ");
  // Folding keeps the words (it only drops tone marks); if it ever did not, keep the whole name.
  if (words.length !== plain.length) return folded;
  const candidates = toneless ? prefixes.toneless : prefixes.toned;
  let start = 0;
  for (;;) {
    const rest = words.length - start;
    // Without tones "xa luong" may be the commune Xá Lượng: a toneless unit word goes only when two words remain.
    const prefix = candidates.find(
      (prefix) => rest > prefix.length && prefix.every((word, index) => words[start + index] === word) && (repeat || !toneless || rest - prefix.length >= 2),
    );
    if (!prefix) break;
    start += prefix.length;
    if (!repeat) break;
  }
  return plain.slice(start).join(" ");
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
  return stripPrefixes(name, PLACE_WORDS, true);
}

/**
 * The key of a commune, district or province name: folded, "xã", "phường", "thị trấn", "huyện", "tỉnh"… dropped.
 * @param name - the name as written ("Xã A Mú Sung", "a mu sung")
 * @returns the key ("a mu sung")
 */
export function unitNameKey(name: string): string {
  return stripPrefixes(name, UNIT_WORDS, false);
}

/**
 * Levenshtein distance between two strings (code units), bounded: returns `limit + 1` as soon as it exceeds `limit`.
 * @param a - a string
 * @param b - another string
 * @param limit - the largest distance of interest
 * @returns the distance, or limit + 1
 */
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);

export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (rowA.length <= b.length) {
    rowA = new Int32Array(b.length * 2 + 1);
    rowB = new Int32Array(b.length * 2 + 1);
  }
  // Two rows reused across calls: the distance is computed for every candidate point.
  let previous = rowA;
  let current = rowB;
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
