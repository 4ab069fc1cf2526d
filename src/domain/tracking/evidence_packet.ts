/**
 * The evidence packet: one .zip a carrier sends when its changes carry photos, so the photos travel with the
 * claims. It holds the update file unchanged (CSV or JSON, the carrier's choice), every attached photo as
 * `photos/<sha256>.<ext>`, and `manifest.json` naming both. The department's import reads the update file as
 * usual and checks every photo against the hash its event names: a photo missing from the packet or whose
 * bytes do not match is reported on that event's row, and the event itself is still imported.
 *
 * Reading is bounded before anything is inflated (the central directory's declared sizes, via
 * listZipEntries), and fflate never inflates an entry past the size it declares, so a "zip bomb" that lies
 * about its sizes yields truncated bytes, which then fail their hash.
 */
import { zipSync, unzipSync, strToU8, strFromU8 } from "fflate";
import { z } from "zod";
import type { ImportIssue } from "../issues.ts";
import type { Message } from "../types.ts";
import { err, ok, type Result } from "../result.ts";
import { sha256Hex } from "../hash/sha256.ts";
import { makeIssue } from "../parse/import_issue.ts";
import { listZipEntries } from "../parse/zip_entries.ts";
import { describeZodError, zPhotoRef } from "./event_schema.ts";
import { PHOTO_TYPES, type PhotoRef, type PhotoType, type StatusEvent } from "./events.ts";
import { domainMessage } from "../messages/message.ts";

export const PACKET_FORMAT = "lom-song-evidence-packet";
export const PACKET_MANIFEST = "manifest.json";

/** What a carrier may attach to one change. */
export const PHOTO_LIMITS = {
  /** Bytes per photo: a phone's JPEG is 2–4 MB; larger is a RAW or an uncompressed export. */
  maxPhotoBytes: 5 * 1024 * 1024,
  /** Photos per change. */
  maxPhotosPerChange: 4,
} as const;

/** What the department's import accepts in one packet. */
export const PACKET_LIMITS = {
  /** Entries in the archive (manifest + update file + photos). */
  maxEntries: 1002,
  /** The update file, inflated. */
  maxUpdateFileBytes: 20 * 1024 * 1024,
  /** Everything, inflated. */
  maxTotalBytes: 300 * 1024 * 1024,
} as const;

const EXTENSIONS: Record<PhotoType, string> = { "image/jpeg": "jpg", "image/png": "png", "image/webp": "webp" };

/**
 * Where a photo is kept in a packet.
 * @param ref - the photo
 * @returns `photos/<hash>.<ext>`
 */
export function photoPath(ref: Pick<PhotoRef, "hash" | "type">): string {
  return `photos/${ref.hash}.${EXTENSIONS[ref.type]}`;
}

/**
 * Tells a photo's type from its first bytes (what the file is, whatever its name or the browser says).
 * @param bytes - the file
 * @returns the type, or null when it is none of JPEG, PNG, WebP
 */
export function sniffPhotoType(bytes: Uint8Array): PhotoType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "image/jpeg";
  if (bytes.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((byte, index) => bytes[index] === byte)) return "image/png";
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length >= 12 && ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP") return "image/webp";
  return null;
}

/** Why a chosen file cannot be attached. */
export type PhotoRefusal =
  | { code: "photo_type"; message: Message }
  | { code: "photo_too_large"; message: Message }
  | { code: "photo_empty"; message: Message }
  | { code: "photo_count"; message: Message };

/**
 * Checks a file a carrier chose before it is attached: its real type (from its bytes), its size, and how many
 * photos the change already has.
 * @param file - the file's name, bytes and the type the browser gave
 * @param alreadyAttached - photos already attached to the change
 * @returns the type to record, or why the file is refused (naming the file)
 */
export function checkPhoto(file: { name: string; bytes: Uint8Array; declaredType?: string }, alreadyAttached: number): Result<PhotoType, PhotoRefusal> {
  const name = file.name;
  const megabytes = (bytes: number) => (bytes / 1_048_576).toFixed(1);
  if (alreadyAttached >= PHOTO_LIMITS.maxPhotosPerChange) {
    return err({
      code: "photo_count",
      message: domainMessage("evidence_packet.photo_count", { name, maxPhotosPerChange: PHOTO_LIMITS.maxPhotosPerChange }),
    });
  }
  if (file.bytes.length === 0) return err({ code: "photo_empty", message: domainMessage("evidence_packet.photo_empty", { name }) });
  const type = sniffPhotoType(file.bytes);
  if (!type) {
    const heic = /\.(heic|heif)$/i.test(name) || /heic|heif/i.test(file.declaredType ?? "");
    return err({
      code: "photo_type",
      message: heic ? domainMessage("evidence_packet.photo_heic", { name }) : domainMessage("evidence_packet.photo_type_unsupported", { name }),
    });
  }
  if (file.bytes.length > PHOTO_LIMITS.maxPhotoBytes) {
    return err({
      code: "photo_too_large",
      message: domainMessage("evidence_packet.photo_too_large", {
        name,
        size: megabytes(file.bytes.length),
        limit: megabytes(PHOTO_LIMITS.maxPhotoBytes),
      }),
    });
  }
  return ok(type);
}

/** A photo's reference and its bytes. */
export interface PacketPhoto {
  ref: PhotoRef;
  bytes: Uint8Array;
}

const zManifest = z.object({
  format: z.literal(PACKET_FORMAT),
  version: z.literal(1),
  createdAt: z.string().optional(),
  /** The update file's entry name. */
  updates: z.string().min(1),
  photos: z.array(zPhotoRef.extend({ path: z.string().min(1) })),
});
export type PacketManifest = z.infer<typeof zManifest>;

/** Zip entries are dated; a fixed date (or the packet's own) keeps the same packet byte-identical. */
const FIXED_MTIME = new Date("2026-01-01T00:00:00Z");

/**
 * Builds an evidence packet.
 * @param input - the update file (its name and content, as exported without photos) and the photos (one per hash)
 * @returns the .zip bytes
 * @example
 * ```ts
 * const zip = buildEvidencePacket({ updateFile: { name: "cap-nhat-viettel.csv", content: writeUpdatesCsv(pending) }, photos });
 * ```
 */
export function buildEvidencePacket(input: {
  updateFile: { name: string; content: string | Uint8Array };
  photos: readonly PacketPhoto[];
  createdAt?: string;
}): Uint8Array {
  const mtime = input.createdAt ? new Date(input.createdAt) : FIXED_MTIME;
  const unique = new Map<string, PacketPhoto>();
  for (const photo of input.photos) if (!unique.has(photo.ref.hash)) unique.set(photo.ref.hash, photo);
  const manifest: PacketManifest = {
    format: PACKET_FORMAT,
    version: 1,
    ...(input.createdAt ? { createdAt: input.createdAt } : {}),
    updates: input.updateFile.name,
    photos: [...unique.values()].map(({ ref }) => ({ hash: ref.hash, name: ref.name, size: ref.size, type: ref.type, path: photoPath(ref) })),
  };
  const content = typeof input.updateFile.content === "string" ? strToU8(input.updateFile.content) : input.updateFile.content;
  const entries: Record<string, [Uint8Array, { level: 0 | 6; mtime: Date }]> = {
    [PACKET_MANIFEST]: [strToU8(JSON.stringify(manifest, null, 2) + "\n"), { level: 6, mtime }],
    [input.updateFile.name]: [content, { level: 6, mtime }],
  };
  // Photos are compressed already: stored as they are.
  for (const photo of unique.values()) entries[photoPath(photo.ref)] = [photo.bytes, { level: 0, mtime }];
  return zipSync(entries);
}

/**
 * True when bytes look like a zip archive (and the name does not say spreadsheet: an .xlsx is a zip too).
 * @param name - the file name
 * @param bytes - the file
 * @returns whether to read it as an evidence packet
 */
export function isEvidencePacket(name: string, bytes: Uint8Array): boolean {
  if (/\.(xlsx|xlsm|kmz)$/i.test(name)) return false;
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** A packet read: the update file, the photos whose bytes match their hash, and what was wrong with the others. */
export interface EvidencePacket {
  manifest: PacketManifest;
  updates: { name: string; bytes: Uint8Array };
  /** Photos whose bytes match their hash, by hash. */
  photos: Map<string, PacketPhoto>;
  /** Hashes the manifest lists whose entry is there but whose bytes do not match (or are over the limits). */
  damaged: Map<string, Message>;
  /** Problems of the packet as a whole (entries not in the manifest), as warnings; photos are reported per event by checkPacketPhotos. */
  issues: ImportIssue[];
}

/**
 * Reads an evidence packet: limits first (entry count, declared sizes, nothing inflated), then the manifest,
 * the update file and the photos, each photo checked against its hash.
 * @param file - the packet's name (for the messages)
 * @param bytes - the .zip
 * @param limits - the limits (PACKET_LIMITS by default)
 * @returns the packet, or why it cannot be read at all (in Vietnamese and English)
 */
export function readEvidencePacket(
  file: string,
  bytes: Uint8Array,
  limits: { maxEntries: number; maxUpdateFileBytes: number; maxTotalBytes: number } = PACKET_LIMITS,
): Result<EvidencePacket, Message> {
  const listing = listZipEntries(bytes);
  if (!listing.ok) {
    return err(
      listing.reason === "invalid"
        ? domainMessage("evidence_packet.zip_unreadable", { file })
        : domainMessage("evidence_packet.zip_entry_twice", { file, name: listing.name }),
    );
  }
  const sizes = listing.sizes;
  if (sizes.size > limits.maxEntries) {
    return err(domainMessage("evidence_packet.too_many_entries", { file, size: sizes.size, maxEntries: limits.maxEntries }));
  }
  let total = 0;
  for (const size of sizes.values()) total += size;
  if (total > limits.maxTotalBytes) {
    return err(
      domainMessage("evidence_packet.too_large_inflated", {
        file,
        total: Math.ceil(total / 1_048_576),
        maxTotalBytes: Math.floor(limits.maxTotalBytes / 1_048_576),
      }),
    );
  }
  const manifestSize = sizes.get(PACKET_MANIFEST);
  if (manifestSize === undefined) {
    return err(domainMessage("evidence_packet.manifest_missing", { file, manifest: PACKET_MANIFEST }));
  }
  if (manifestSize > 1_048_576) return err(domainMessage("evidence_packet.manifest_too_large", { file, manifest: PACKET_MANIFEST }));
  let manifest: PacketManifest;
  try {
    const entry = unzipSync(bytes, { filter: (candidate) => candidate.name === PACKET_MANIFEST })[PACKET_MANIFEST];
    const parsed = zManifest.safeParse(JSON.parse(strFromU8(entry)));
    if (!parsed.success)
      return err(domainMessage("evidence_packet.manifest_invalid", { file, manifest: PACKET_MANIFEST, reason: describeZodError(parsed.error) }));
    manifest = parsed.data;
  } catch (error) {
    return err(domainMessage("evidence_packet.manifest_unreadable", { file, manifest: PACKET_MANIFEST, message: (error as Error).message }));
  }
  const updateSize = sizes.get(manifest.updates);
  if (updateSize === undefined || manifest.updates === PACKET_MANIFEST || manifest.updates.startsWith("photos/")) {
    return err(domainMessage("evidence_packet.updates_missing_named", { file, updates: manifest.updates, manifest: PACKET_MANIFEST }));
  }
  if (updateSize > limits.maxUpdateFileBytes) {
    return err(
      domainMessage("evidence_packet.updates_too_large", {
        file,
        updateSize: Math.ceil(updateSize / 1_048_576),
        maxUpdateFileBytes: Math.floor(limits.maxUpdateFileBytes / 1_048_576),
      }),
    );
  }

  const issues: ImportIssue[] = [];
  const warn = (code: string, message: Message) => issues.push(makeIssue(file, "warning", code, message));
  const damaged = new Map<string, Message>();
  // Only entries of an acceptable declared size are inflated.
  const wanted = new Set<string>([manifest.updates]);
  const listed = new Set<string>([PACKET_MANIFEST, manifest.updates]);
  for (const photo of manifest.photos) {
    listed.add(photo.path);
    const size = sizes.get(photo.path);
    if (size === undefined) continue;
    if (photo.path !== photoPath(photo)) {
      damaged.set(photo.hash, domainMessage("evidence_packet.photo_misplaced", { name: photo.name, path: photo.path }));
    } else if (size > PHOTO_LIMITS.maxPhotoBytes) {
      damaged.set(photo.hash, domainMessage("evidence_packet.photo_over_limit", { name: photo.name, maxPhotoBytes: PHOTO_LIMITS.maxPhotoBytes / 1_048_576 }));
    } else {
      wanted.add(photo.path);
    }
  }
  const unexpected = [...sizes.keys()].filter((name) => !listed.has(name) && !name.endsWith("/"));
  if (unexpected.length > 0) {
    const names = unexpected.slice(0, 5).join(", ") + (unexpected.length > 5 ? "…" : "");
    warn("packet_unexpected_entries", domainMessage("evidence_packet.unexpected_entries", { count: unexpected.length, manifest: PACKET_MANIFEST, names }));
  }
  let inflated: Record<string, Uint8Array>;
  try {
    inflated = unzipSync(bytes, { filter: (candidate) => wanted.has(candidate.name) });
  } catch (error) {
    return err(domainMessage("evidence_packet.inflate_failed", { file, message: (error as Error).message }));
  }
  const own = (name: string) => (Object.prototype.hasOwnProperty.call(inflated, name) ? inflated[name] : undefined);
  const updates = own(manifest.updates);
  if (!updates) return err(domainMessage("evidence_packet.updates_missing", { file, updates: manifest.updates }));
  const photos = new Map<string, PacketPhoto>();
  for (const photo of manifest.photos) {
    const data = wanted.has(photo.path) ? own(photo.path) : undefined;
    if (!data) continue;
    const actual = sha256Hex(data);
    if (actual !== photo.hash) {
      damaged.set(
        photo.hash,
        domainMessage("evidence_packet.photo_hash_mismatch", { name: photo.name, actual: actual.slice(0, 12), hash: photo.hash.slice(0, 12) }),
      );
      continue;
    }
    const type = sniffPhotoType(data);
    if (!type || !PHOTO_TYPES.includes(type)) {
      damaged.set(photo.hash, domainMessage("evidence_packet.photo_not_image", { name: photo.name }));
      continue;
    }
    photos.set(photo.hash, { ref: { hash: photo.hash, name: photo.name, size: data.length, type }, bytes: data });
  }
  return ok({ manifest, updates: { name: manifest.updates, bytes: updates }, photos, damaged, issues });
}

/** The photos an import keeps and what is wrong with the others, event by event. */
export interface PacketPhotoCheck {
  /** Verified photos referenced by an event (imported now, set aside as a conflict, or already recorded). */
  keep: PacketPhoto[];
  /** One issue per photo an event names that is missing or damaged, on that event's row. */
  issues: ImportIssue[];
  /** How many photo references were checked, found, missing and damaged. */
  counts: { referenced: number; found: number; missing: number; damaged: number };
}

/**
 * Checks the photos each event names against those the packet holds.
 * @param file - the packet's name
 * @param packet - the packet read
 * @param events - the events the import took or set aside (their source row is the update file's row)
 * @param recorded - events already in the log (a re-import still stores their photos)
 * @returns the photos to store and one issue per missing or damaged photo
 */
export function checkPacketPhotos(
  file: string,
  packet: Pick<EvidencePacket, "photos" | "damaged">,
  events: readonly StatusEvent[],
  recorded: readonly StatusEvent[] = [],
): PacketPhotoCheck {
  const issues: ImportIssue[] = [];
  const keep = new Map<string, PacketPhoto>();
  const counts = { referenced: 0, found: 0, missing: 0, damaged: 0 };
  for (const event of events) {
    for (const ref of event.evidence?.photos ?? []) {
      counts.referenced++;
      const photo = packet.photos.get(ref.hash);
      const location = { row: event.source?.row, column: "photos" };
      if (photo) {
        counts.found++;
        keep.set(ref.hash, photo);
      } else if (packet.damaged.has(ref.hash)) {
        counts.damaged++;
        const reason = packet.damaged.get(ref.hash)!;
        issues.push(makeIssue(file, "warning", "photo_damaged", domainMessage("evidence_packet.photo_damaged", { pointId: event.pointId, reason }), location));
      } else {
        counts.missing++;
        issues.push(
          makeIssue(file, "warning", "photo_missing", domainMessage("evidence_packet.photo_missing", { pointId: event.pointId, name: ref.name }), location),
        );
      }
    }
  }
  for (const event of recorded) {
    for (const ref of event.evidence?.photos ?? []) {
      const photo = packet.photos.get(ref.hash);
      if (photo) keep.set(ref.hash, photo);
    }
  }
  const unreferenced = [...packet.photos.values()].filter((photo) => !keep.has(photo.ref.hash));
  if (unreferenced.length > 0) {
    const names =
      unreferenced
        .slice(0, 5)
        .map((photo) => photo.ref.name)
        .join(", ") + (unreferenced.length > 5 ? "…" : "");
    issues.push(makeIssue(file, "warning", "photo_unreferenced", domainMessage("evidence_packet.photo_unreferenced", { length: unreferenced.length, names })));
  }
  return { keep: [...keep.values()], issues, counts };
}
