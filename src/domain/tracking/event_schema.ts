/**
 * zod schemas for events and listed points as they appear in files (update JSON, backup).
 */
import { z } from "zod";
import { POINT_KINDS, TECHNOLOGIES } from "../types.ts";
import { PROGRESS_STATUSES } from "./status.ts";
import { PHOTO_TYPES } from "./events.ts";

const zIsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD");

export const zActor = z.discriminatedUnion("role", [
  z.object({ role: z.literal("department") }),
  z.object({ role: z.literal("carrier"), carrier: z.string().min(1) }),
]);

/** A photo attached to a claim (events.ts PhotoRef). */
export const zPhotoRef = z.object({
  hash: z.string().regex(/^[0-9a-f]{64}$/, "SHA-256 (64 hex)"),
  name: z.string().min(1),
  size: z.number().int().nonnegative(),
  type: z.enum(PHOTO_TYPES),
});

export const zEvidence = z.object({
  text: z.string().optional(),
  downloadMbps: z.number().finite().optional(),
  uploadMbps: z.number().finite().optional(),
  signalDbm: z.number().finite().optional(),
  photo: z.string().optional(),
  photos: z.array(zPhotoRef).optional(),
});

/** A status event in a file; the id is optional because it is recomputed from the content. */
export const zStatusEventInput = z.object({
  id: z.string().optional(),
  pointId: z.string().min(1),
  status: z.enum(PROGRESS_STATUSES),
  date: zIsoDate,
  actor: zActor,
  technology: z.enum(TECHNOLOGIES).optional(),
  evidence: zEvidence.optional(),
  note: z.string().optional(),
  source: z.object({ file: z.string(), row: z.number().int() }).optional(),
  recordedAt: z.string().optional(),
});
export type StatusEventInput = z.infer<typeof zStatusEventInput>;

export const zListedPoint = z.object({
  id: z.string().min(1),
  name: z.string(),
  kind: z.enum(POINT_KINDS),
  lon: z.number().finite(),
  lat: z.number().finite(),
  pointId: z.string().optional(),
  provinceCode: z.string().optional(),
  province: z.string().optional(),
  district: z.string().optional(),
  communeCode: z.string().optional(),
  commune: z.string().optional(),
  stt: z.string().optional(),
  locatedBy: z.enum(["name", "choice"]).optional(),
  carrier: z.string().min(1),
  deadline: zIsoDate.nullable(),
  priority: z.number().optional(),
  note: z.string().optional(),
  source: z.object({ file: z.string(), row: z.number().int() }),
  extra: z.record(z.string(), z.string()),
});

/**
 * Formats the first problems zod found as one readable line.
 * @param error - a zod error
 * @returns e.g. "events.3.date: YYYY-MM-DD"
 */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join(".") : "(root)"}: ${issue.message}`)
    .join("; ");
}
