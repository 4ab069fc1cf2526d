/**
 * Status events: every change of a listed point's status is one event, and the log is append-only.
 * An event's id is a hash of its content, so the same change imported twice has the same id and is
 * recorded once (idempotent import).
 */
import type { Technology } from "../types.ts";
import type { TrackingStatus } from "./status.ts";

/** Who made a change: the department (the Sở KH&CN, formerly Sở TT&TT) or a carrier. */
export type Actor = { role: "department" } | { role: "carrier"; carrier: string };

/** The image types a carrier may attach (what every browser shows in an <img>; HEIC is not among them). */
export const PHOTO_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;
export type PhotoType = (typeof PHOTO_TYPES)[number];

/**
 * A photo attached to a claim, by reference: the bytes live in the browser's photo store and travel in the
 * evidence packet (.zip) under `photos/<hash>.<ext>`; the hash names them, so one photo is stored once.
 */
export interface PhotoRef {
  /** SHA-256 of the bytes, 64 lowercase hex digits. */
  hash: string;
  /** The file name as the carrier chose it (for display only). */
  name: string;
  /** Bytes. */
  size: number;
  type: PhotoType;
}

/** What backs a claim. */
export interface Evidence {
  text?: string;
  downloadMbps?: number;
  uploadMbps?: number;
  signalDbm?: number;
  /** A photo reference typed by hand (file name or URL). */
  photo?: string;
  /** Photos attached in the app, by hash (the bytes are not in the event). */
  photos?: PhotoRef[];
}

export interface StatusEvent {
  /** "ev-" + 16 hex digits, a hash of pointId, status, date, actor, technology, evidence and note. */
  id: string;
  pointId: string;
  status: TrackingStatus;
  /** The day the change happened, YYYY-MM-DD (not the day it was typed in). */
  date: string;
  actor: Actor;
  technology?: Technology;
  evidence?: Evidence;
  /** Free text; the reason when the status is infeasible or disputed. */
  note?: string;
  /** The update file and 1-based data row it came from, when imported. Not part of the id. */
  source?: { file: string; row: number };
  /** When it was recorded (ISO timestamp), for the record only. Not part of the id. */
  recordedAt?: string;
}

/** An event before it has an id. */
export type StatusEventDraft = Omit<StatusEvent, "id">;

/** The content that identifies an event, in a fixed key order. */
function canonicalContent(event: StatusEventDraft): string {
  const evidence: unknown[] | null = event.evidence
    ? [
        event.evidence.text ?? null,
        event.evidence.downloadMbps ?? null,
        event.evidence.uploadMbps ?? null,
        event.evidence.signalDbm ?? null,
        event.evidence.photo ?? null,
      ]
    : null;
  // Attached photos join the content only when there are some, so every earlier event keeps its id.
  if (evidence && event.evidence?.photos && event.evidence.photos.length > 0)
    evidence.push(event.evidence.photos.map((photo) => [photo.hash, photo.name, photo.size, photo.type]));
  const actor = event.actor.role === "carrier" ? ["carrier", event.actor.carrier] : ["department"];
  return JSON.stringify([event.pointId, event.status, event.date, actor, event.technology ?? null, evidence, event.note ?? null]);
}

/**
 * 64-bit hash as 16 hex digits, from two independent 32-bit FNV-1a style passes over UTF-16 code units
 * (after "cyrb53" by bryc, public domain, extended to the full 2 × 32 bits).
 */
function hashText(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h1 >>> 0).toString(16).padStart(8, "0") + (h2 >>> 0).toString(16).padStart(8, "0");
}

/**
 * Computes the deterministic id of an event from its content (source and recordedAt excluded).
 * @param event - the event, with or without an id
 * @returns "ev-" followed by 16 hex digits
 */
export function computeEventId(event: StatusEventDraft): string {
  return `ev-${hashText(canonicalContent(event))}`;
}

/**
 * Creates an event with its id. Empty optional fields are dropped, so equal content gives equal ids.
 * @param draft - the event without id
 * @returns the event
 * @example
 * ```ts
 * createStatusEvent({ pointId: "LS-001", status: "on_air", date: "2026-03-02", actor: { role: "carrier", carrier: "Viettel" }, technology: "4G" });
 * ```
 */
export function createStatusEvent(draft: StatusEventDraft): StatusEvent {
  const clean: StatusEventDraft = { pointId: draft.pointId, status: draft.status, date: draft.date, actor: draft.actor };
  if (draft.technology) clean.technology = draft.technology;
  const evidence = cleanEvidence(draft.evidence);
  if (evidence) clean.evidence = evidence;
  const note = draft.note?.trim();
  if (note) clean.note = note;
  if (draft.source) clean.source = draft.source;
  if (draft.recordedAt) clean.recordedAt = draft.recordedAt;
  return { id: computeEventId(clean), ...clean };
}

function cleanEvidence(evidence: Evidence | undefined): Evidence | undefined {
  if (!evidence) return undefined;
  const clean: Evidence = {};
  const text = evidence.text?.trim();
  if (text) clean.text = text;
  if (evidence.downloadMbps !== undefined && Number.isFinite(evidence.downloadMbps)) clean.downloadMbps = evidence.downloadMbps;
  if (evidence.uploadMbps !== undefined && Number.isFinite(evidence.uploadMbps)) clean.uploadMbps = evidence.uploadMbps;
  if (evidence.signalDbm !== undefined && Number.isFinite(evidence.signalDbm)) clean.signalDbm = evidence.signalDbm;
  const photo = evidence.photo?.trim();
  if (photo) clean.photo = photo;
  if (evidence.photos && evidence.photos.length > 0)
    clean.photos = evidence.photos.map((ref) => ({ hash: ref.hash, name: ref.name.normalize("NFC"), size: ref.size, type: ref.type }));
  return Object.keys(clean).length > 0 ? clean : undefined;
}

/**
 * Describes an actor for display and for the `carrier` column of exports.
 * @param actor - the actor
 * @returns the carrier name, or "department"
 */
export function actorName(actor: Actor): string {
  return actor.role === "carrier" ? actor.carrier : "department";
}
