/**
 * Text folding for matching Vietnamese words typed with or without tones: headers, column values,
 * place names in a search box.
 */

/**
 * Folds text for search: NFC, lower case, diacritics removed, đ → d, whitespace collapsed and trimmed.
 * @param text - any text
 * @returns the folded text
 * @example
 * ```ts
 * foldForSearch("Lào Cai"); // "lao cai"
 * foldForSearch("Đồng"); // "dong"
 * ```
 */
export function foldForSearch(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/gu, " ")
    .trim()
    .normalize("NFC");
}

/**
 * Folds a column header or a coded value for matching: like foldForSearch, and `_`, `-`, `.` count as spaces.
 * @param text - a header or a value such as "Mã_điểm"
 * @returns the folded key, e.g. "ma diem"
 */
export function foldKey(text: string): string {
  // Headers and coded values repeat (a kind or a technology on each of 300,000 rows): folded once each.
  const known = foldedKeys.get(text);
  if (known !== undefined) return known;
  // "Thôn / bản" and "Thôn/bản", "Thôn ,bản" and "Thôn, bản" are one header.
  const folded = foldForSearch(text.replace(/[_\-.]+/g, " "))
    .replace(/\s*([/,])\s*/g, "$1 ")
    .replace(/\/ /g, "/")
    .trim();
  // Bounded: a column of distinct values (names passed by mistake) cannot grow it without end.
  if (foldedKeys.size >= FOLDED_KEYS_KEPT) foldedKeys.clear();
  foldedKeys.set(text, folded);
  return folded;
}

/** The keys foldKey folded last, by their text. */
const foldedKeys = new Map<string, string>();
const FOLDED_KEYS_KEPT = 4096;
