import { vietnamDate } from "../../domain/tracking/dates.ts";
/**
 * Saves text as a file through a temporary link (works in every browser; labelled "download").
 * @param fileName - the suggested file name
 * @param text - the content
 * @param type - the MIME type
 */
export function downloadText(fileName: string, text: string | Uint8Array<ArrayBuffer>, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.rel = "noopener";
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Today's date as YYYY-MM-DD in Viet Nam: for file names, and the tracking view's "today" (the CLI's default
 * --today is the same function).
 * @returns the date
 */
export function todayStamp(): string {
  return vietnamDate(Date.now());
}
