/**
 * The statuses of a listed dead zone, with their labels in both languages.
 *
 * Lifecycle: not_started → planned → under_construction → on_air (claimed by the carrier) → verified
 * (by the department). Besides: disputed (the department rejects a claim; back to the carrier),
 * infeasible (the carrier says it cannot be done, awaiting the department) and infeasible_accepted
 * (the department accepted that). Acceptance is a status, not a separate event kind, so that every
 * event has the same shape and the current state is always "the status of the last valid event".
 */
import type { Message } from "../types.ts";
import { foldLabel } from "./fold.ts";
import { domainMessage } from "../messages/message.ts";

export const PROGRESS_STATUSES = [
  "not_started",
  "planned",
  "under_construction",
  "on_air",
  "verified",
  "disputed",
  "infeasible",
  "infeasible_accepted",
] as const;
export type TrackingStatus = (typeof PROGRESS_STATUSES)[number];

/** Labels shown to users and written in exports, Vietnamese first. */
export const STATUS_LABELS: Readonly<Record<TrackingStatus, Message>> = {
  not_started: domainMessage("status.not_started"),
  planned: domainMessage("status.planned"),
  under_construction: domainMessage("status.under_construction"),
  on_air: domainMessage("status.on_air"),
  verified: domainMessage("status.verified"),
  disputed: domainMessage("status.disputed"),
  infeasible: domainMessage("status.infeasible"),
  infeasible_accepted: domainMessage("status.infeasible_accepted"),
};

/** Other spellings accepted on import, beyond the codes and the two labels above. */
const STATUS_ALIASES: Readonly<Record<TrackingStatus, readonly string[]>> = {
  not_started: ["chưa bắt đầu", "chưa thực hiện", "chưa làm"],
  planned: ["có kế hoạch", "kế hoạch", "lên kế hoạch", "plan"],
  under_construction: ["đang thi công", "đang triển khai", "đang lắp đặt", "xây dựng", "construction", "building"],
  on_air: ["phát sóng", "đã có sóng", "có sóng", "hoàn thành", "đã hoàn thành", "onair", "covered", "done"],
  verified: ["đã nghiệm thu", "nghiệm thu", "xác minh", "đã kiểm tra", "accepted"],
  disputed: ["tranh chấp", "từ chối", "không đạt", "rejected"],
  infeasible: ["không thể triển khai", "not feasible"],
  infeasible_accepted: ["chấp nhận không khả thi", "không khả thi đã chấp nhận", "infeasible accepted"],
};

const STATUS_LOOKUP: ReadonlyMap<string, TrackingStatus> = (() => {
  const lookup = new Map<string, TrackingStatus>();
  for (const status of PROGRESS_STATUSES) {
    for (const text of [status, STATUS_LABELS[status].vi, STATUS_LABELS[status].en, ...STATUS_ALIASES[status]]) {
      lookup.set(foldLabel(text), status);
    }
  }
  return lookup;
})();

/**
 * Reads a status as typed in an update file: a code, or a Vietnamese or English label, with or without accents.
 * @param text - e.g. "on_air", "Đã phát sóng", "da phat song", "đã nghiệm thu"
 * @returns the status code, or null when it is not recognised
 * @example
 * ```ts
 * parseStatus("Đang xây dựng"); // "under_construction"
 * ```
 */
export function parseStatus(text: string): TrackingStatus | null {
  return STATUS_LOOKUP.get(foldLabel(text.normalize("NFC"))) ?? null;
}

/**
 * Tells whether a status counts as covered on the dashboard (claimed on air or verified).
 * @param status - a status
 * @returns true for on_air and verified
 */
export function isCoveredStatus(status: TrackingStatus): boolean {
  return status === "on_air" || status === "verified";
}
