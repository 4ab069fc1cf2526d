/**
 * The entries of a zip archive (an .xlsx workbook, a .kmz), from its central directory only (nothing inflated):
 * the size each declares once inflated, and a refusal of archives that name one entry twice. fflate inflates
 * every entry whose name passes its filter, so an entry repeated 20 times would be inflated 20 times past a limit
 * counted per name (3 GB out of 3 MB).
 */
import { unzipSync } from "fflate";

/** An archive's listing, or why it cannot be used. */
export type ZipListing = { ok: true; sizes: Map<string, number> } | { ok: false; reason: "invalid" } | { ok: false; reason: "duplicate"; name: string };

/**
 * Lists a zip archive's entries and their declared inflated sizes.
 * @param bytes - the archive
 * @returns the sizes by name; or "invalid" (not a readable zip) or "duplicate" (a name given to two entries)
 */
export function listZipEntries(bytes: Uint8Array): ZipListing {
  const sizes = new Map<string, number>();
  let duplicate: string | null = null;
  try {
    unzipSync(bytes, {
      filter(file) {
        if (sizes.has(file.name)) duplicate ??= file.name;
        sizes.set(file.name, file.originalSize);
        return false;
      },
    });
  } catch {
    return { ok: false, reason: "invalid" };
  }
  if (duplicate !== null) return { ok: false, reason: "duplicate", name: duplicate };
  return { ok: true, sizes };
}
