/**
 * Calendar dates as ISO strings (YYYY-MM-DD), compared as strings and computed in UTC days.
 * Progress data only needs days, so no time zone ever enters the computation.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const YEAR_FIRST_SLASH = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/;
const MILLISECONDS_PER_DAY = 86_400_000;

function formatParts(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const time = Date.UTC(year, month - 1, day);
  const check = new Date(time);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * Checks a strict ISO calendar date.
 * @param text - the candidate, e.g. "2026-02-28"
 * @returns the same string when it is a real YYYY-MM-DD date, otherwise null ("2026-02-30" → null)
 */
export function parseIsoDate(text: string): string | null {
  const match = ISO_DATE.exec(text.trim());
  if (!match) return null;
  return formatParts(Number(match[1]), Number(match[2]), Number(match[3]));
}

/**
 * Reads a date as people type it in Vietnam: YYYY-MM-DD, YYYY/MM/DD, or day first (DD/MM/YYYY, D/M/YYYY,
 * DD-MM-YYYY, DD.MM.YYYY). Day first is never read as month first.
 * @param text - the cell
 * @returns the ISO date, or null when it is empty or not a real date
 * @example
 * ```ts
 * parseFlexibleDate("05/09/2021"); // "2021-09-05"
 * ```
 */
export function parseFlexibleDate(text: string): string | null {
  const trimmed = text.trim();
  const iso = parseIsoDate(trimmed);
  if (iso) return iso;
  const dayFirst = DAY_FIRST.exec(trimmed);
  if (dayFirst) return formatParts(Number(dayFirst[3]), Number(dayFirst[2]), Number(dayFirst[1]));
  const yearFirst = YEAR_FIRST_SLASH.exec(trimmed);
  if (yearFirst) return formatParts(Number(yearFirst[1]), Number(yearFirst[2]), Number(yearFirst[3]));
  return null;
}

function toDays(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / MILLISECONDS_PER_DAY);
}

function fromDays(days: number): string {
  return new Date(days * MILLISECONDS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * Adds whole days to an ISO date.
 * @param date - YYYY-MM-DD
 * @param days - may be negative
 * @returns the shifted date
 */
export function addDays(date: string, days: number): string {
  return fromDays(toDays(date) + days);
}

/**
 * Counts the days from one ISO date to another.
 * @param from - YYYY-MM-DD
 * @param to - YYYY-MM-DD
 * @returns to − from in days (negative when `to` is earlier)
 */
export function daysBetween(from: string, to: string): number {
  return toDays(to) - toDays(from);
}

/**
 * The Monday that starts the ISO week of a date.
 * @param date - YYYY-MM-DD
 * @returns the Monday, YYYY-MM-DD
 */
export function startOfWeek(date: string): string {
  const days = toDays(date);
  // 1970-01-01 was a Thursday: day 0 has weekday index 3 counted from Monday.
  const weekday = (((days + 3) % 7) + 7) % 7;
  return fromDays(days - weekday);
}

/** Vietnam's offset from UTC: seven hours, all year (no daylight saving time since 1975). */
const VIETNAM_OFFSET_MILLISECONDS = 7 * 3_600_000;

/**
 * The calendar date in Vietnam (Asia/Ho_Chi_Minh, UTC+7) at an instant: "today" for the app and the CLI alike, so
 * that an update made on the morning of the 21st in Hà Nội (still the 20th in UTC) is not refused as in the future.
 * @param instant - milliseconds since 1970 (Date.now()) or a Date
 * @returns YYYY-MM-DD
 * @example
 * ```ts
 * vietnamDate(Date.parse("2026-11-20T18:30:00Z")); // "2026-11-21"
 * ```
 */
export function vietnamDate(instant: number | Date): string {
  const milliseconds = typeof instant === "number" ? instant : instant.getTime();
  return fromDays(Math.floor((milliseconds + VIETNAM_OFFSET_MILLISECONDS) / MILLISECONDS_PER_DAY));
}
