/**
 * Accent-, case- and spacing-insensitive form of a label, for matching what people type
 * ("Đã phát sóng", "da phat song", "ĐÃ  PHÁT SÓNG") against known labels. Internal to progress/.
 */
export function foldLabel(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[\s_\-/().]+/g, " ")
    .trim();
}
