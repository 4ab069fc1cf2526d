/**
 * When a carrier last exported its update file, and which of its recorded changes that file held, so the
 * carrier's status line can say "exported on …, waiting for the department to import it" rather than
 * "not sent". Kept in localStorage per carrier (a small mark, never the changes themselves); a change
 * recorded after the export is again "not exported yet".
 */

export interface OutboxExport {
  /** ISO timestamp of the export. */
  at: string;
  /** Ids of the changes the file held. */
  eventIds: string[];
}

const KEY = "lom-song:outbox-exports";

function readAll(): Record<string, OutboxExport> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? "{}");
    return parsed && typeof parsed === "object" ? (parsed as Record<string, OutboxExport>) : {};
  } catch {
    return {};
  }
}

/**
 * The last export of a carrier's update file in this browser.
 * @param carrier - the carrier
 * @returns the mark, or null when it never exported here
 */
export function readOutboxExport(carrier: string): OutboxExport | null {
  const mark = readAll()[carrier];
  return mark && typeof mark.at === "string" && Array.isArray(mark.eventIds) ? mark : null;
}

/**
 * Remembers an export of the carrier's update file.
 * @param carrier - the carrier
 * @param mark - when, and which changes
 */
export function writeOutboxExport(carrier: string, mark: OutboxExport): void {
  try {
    localStorage.setItem(KEY, JSON.stringify({ ...readAll(), [carrier]: mark }));
  } catch {
    // No localStorage (private mode, quota): the status line then only knows this session's export.
  }
}

/**
 * Splits the carrier's pending changes into those already in an exported file and those not yet.
 * @param pendingIds - ids of the changes not yet imported by the department
 * @param mark - the last export, if any
 * @returns how many were exported and how many were not
 */
export function outboxStatus(pendingIds: readonly string[], mark: OutboxExport | null): { exported: number; notExported: number } {
  const inFile = new Set(mark?.eventIds ?? []);
  const exported = pendingIds.filter((id) => inFile.has(id)).length;
  return { exported, notExported: pendingIds.length - exported };
}
