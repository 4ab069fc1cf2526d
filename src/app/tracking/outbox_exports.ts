/**
 * When a carrier last exported its update file, and which of its recorded changes that file held, so the
 * carrier's status line can say "exported on …, waiting for the department to import it" rather than
 * "not sent". Kept in localStorage per carrier (a small mark, never the changes themselves); a change
 * recorded after the export is again "not exported yet".
 * When the changes carry photos, the export is one evidence packet (.zip) holding the update file and them.
 */
import { buildEvidencePacket } from "../../domain/tracking/evidence_packet.ts";
import type { PhotoRef, StatusEvent } from "../../domain/tracking/events.ts";
import { getPhotos } from "../storage/photo_store.ts";

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

/**
 * The distinct photos the pending changes carry (one per hash).
 * @param pending - the carrier's changes not yet imported
 * @returns their photo references
 */
export function outboxPhotos(pending: readonly StatusEvent[]): PhotoRef[] {
  const byHash = new Map<string, PhotoRef>();
  for (const event of pending) for (const ref of event.evidence?.photos ?? []) if (!byHash.has(ref.hash)) byHash.set(ref.hash, ref);
  return [...byHash.values()];
}

/**
 * The name of the packet for an update file: the same name, ending .zip.
 * @param updateFile - e.g. cap-nhat-viettel-2026-12-02.csv
 * @returns e.g. cap-nhat-viettel-2026-12-02.zip
 */
export function packetFileName(updateFile: string): string {
  return updateFile.replace(/\.[^.]+$/, "") + ".zip";
}

/**
 * Builds the evidence packet of the carrier's pending changes: the update file as exported alone, and the
 * photos the changes name, read from this browser's photo store.
 * @param pending - the changes in the update file
 * @param updateFile - the update file's name and content
 * @param createdAt - the export's time (dates the zip entries)
 * @returns the .zip bytes and how many named photos were not in the store (the packet goes without them)
 */
export async function buildOutboxPacket(
  pending: readonly StatusEvent[],
  updateFile: { name: string; content: string },
  createdAt: string,
): Promise<{ bytes: Uint8Array<ArrayBuffer>; missing: number }> {
  const refs = outboxPhotos(pending);
  const stored = await getPhotos(refs.map((ref) => ref.hash));
  const photos = refs.flatMap((ref) => {
    const photo = stored.get(ref.hash);
    return photo ? [{ ref, bytes: photo.bytes }] : [];
  });
  const zip = buildEvidencePacket({ updateFile, photos, createdAt });
  return { bytes: new Uint8Array(zip), missing: refs.length - photos.length };
}
