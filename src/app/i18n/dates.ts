/**
 * Dates as people read them, one format per language everywhere (messages, tables, chart axes, date boxes):
 * day/month/year with four-digit years, 15/08/2026, in Vietnamese and in English alike (day first, as written
 * in Viet Nam and in Britain; never the browser's own order, which an English browser would make 08/15/2026).
 * Days are calendar days (YYYY-MM-DD, the data's format); times are shown in Viet Nam time.
 */
import type { Language } from "../../domain/types.ts";

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function pad(value: number): string {
  return String(value).padStart(2, "0");
}

/**
 * A calendar day for people: 15/08/2026.
 * @param _language - the interface language (the same order in both)
 * @param day - YYYY-MM-DD (a longer ISO timestamp is cut to its day)
 * @returns dd/mm/yyyy, or the input when it is not a day
 */
export function formatDay(_language: Language, day: string): string {
  const match = ISO_DAY.exec(day.slice(0, 10));
  return match ? `${match[3]}/${match[2]}/${match[1]}` : day;
}

/** The parts of an instant in Viet Nam time (UTC+7, no daylight saving). */
function vietnamParts(instant: Date): { year: number; month: number; day: number; hour: number; minute: number } {
  const shifted = new Date(instant.getTime() + 7 * 3_600_000);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
  };
}

/**
 * The day of an instant in Viet Nam: 02/12/2026.
 * @param _language - the interface language
 * @param instant - a Date or an ISO timestamp
 * @returns dd/mm/yyyy
 */
export function formatDate(_language: Language, instant: Date | string): string {
  const parts = vietnamParts(typeof instant === "string" ? new Date(instant) : instant);
  return `${pad(parts.day)}/${pad(parts.month)}/${parts.year}`;
}

/**
 * An instant in Viet Nam time: "02/12/2026 14:05".
 * @param language - the interface language
 * @param instant - a Date or an ISO timestamp
 * @returns dd/mm/yyyy hh:mm
 */
export function formatDateTime(language: Language, instant: Date | string): string {
  const date = typeof instant === "string" ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) return String(instant);
  const parts = vietnamParts(date);
  return `${formatDate(language, date)} ${pad(parts.hour)}:${pad(parts.minute)}`;
}

/**
 * A month on a chart axis: 06/2026.
 * @param _language - the interface language
 * @param day - YYYY-MM-DD (any day of the month)
 * @returns mm/yyyy
 */
export function formatMonth(_language: Language, day: string): string {
  const match = ISO_DAY.exec(day.slice(0, 10));
  return match ? `${match[2]}/${match[1]}` : day;
}

/** What a date box shows as a hint: the order to type a day in. */
export const DAY_PLACEHOLDER: Record<Language, string> = { vi: "nn/tt/nnnn", en: "dd/mm/yyyy" };

/**
 * Reads a day typed by a person: 15/08/2026, 15-8-2026, 15.08.2026 (day first), or 2026-08-15.
 * @param text - what was typed
 * @returns YYYY-MM-DD, or null when it is not a real calendar day
 */
export function parseDayInput(text: string): string | null {
  const trimmed = text.trim();
  let year: number, month: number, day: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  const dayFirst = /^(\d{1,2})[/.\-\s](\d{1,2})[/.\-\s](\d{4})$/.exec(trimmed);
  if (iso) [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (dayFirst) [day, month, year] = [Number(dayFirst[1]), Number(dayFirst[2]), Number(dayFirst[3])];
  else return null;
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}
