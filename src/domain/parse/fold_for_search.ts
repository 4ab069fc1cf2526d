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
  // "Thôn / bản" and "Thôn/bản", "Thôn ,bản" and "Thôn, bản" are one header.
  return foldForSearch(text.replace(/[_\-.]+/g, " "))
    .replace(/\s*([/,])\s*/g, "$1 ")
    .replace(/\/ /g, "/")
    .trim();
}
