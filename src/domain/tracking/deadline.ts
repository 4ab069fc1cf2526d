/**
 * Deadlines as provinces write them: "Quý IV/2021", "tháng 12/2021", "Năm 2022", "31/12/21", an Excel serial
 * number. A period means its last day (a quarter ends on its last day, a month on its last day, a year on
 * 31 December), which is when a point falls overdue.
 */
import type { Message } from "../types.ts";
import { parseIsoDate } from "./dates.ts";
import { foldLabel } from "./fold.ts";
import { domainMessage } from "../messages/message.ts";

/** How a deadline was written. */
export type DeadlineForm = "iso" | "date" | "short_year" | "month" | "quarter" | "half_year" | "year" | "excel_serial";

/** A deadline read: the ISO day and how it was read (a sentence for the import report when not ISO). */
export type DeadlineReading = { ok: true; date: string; form: DeadlineForm; explanation: Message | null } | { ok: false; message: Message };

const ROMAN: Readonly<Record<string, number>> = { i: 1, ii: 2, iii: 3, iv: 4 };
/** Excel serial numbers accepted as dates: 1954-10-03 (20000) to 2119-01-10 (80000); other numbers are not deadlines. */
const SERIAL_MIN = 20_000;
const SERIAL_MAX = 80_000;
const MILLISECONDS_PER_DAY = 86_400_000;

function lastDayOfMonth(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function dayText(date: string): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}

function plausibleYear(year: number): boolean {
  return year >= 1990 && year <= 2100;
}

function read(text: string, date: string, form: DeadlineForm, how: Message | null): DeadlineReading {
  return { ok: true, date, form, explanation: how === null ? null : domainMessage("deadline.explanation", { text, dayText: dayText(date), date, how }) };
}

/**
 * Reads a deadline as people write it in provincial lists.
 *
 * | written | read as |
 * |---|---|
 * | `2021-12-31`, `2021-12-31 00:00:00` | that day |
 * | `31/12/2021`, `31-12-2021`, `31.12.2021`, `31/12/21` | that day (day first; a two-digit year is 20yy) |
 * | `12/2021`, `tháng 12/2021`, `Tháng 12 năm 2021`, `T12/2021` | the last day of that month |
 * | `Quý IV/2021`, `Quý 1/2022`, `Quý I năm 2022`, `Q4/2021` | the last day of that quarter |
 * | `6 tháng đầu năm 2022`, `6 tháng cuối năm 2022` | 30 June, 31 December |
 * | `2022`, `Năm 2022` | 31 December of that year |
 * | `44561` (an Excel serial, 1900 date system) | that day (2021-12-31) |
 *
 * Leading words such as "trước", "trong", "hết", "cuối", "ngày" are ignored ("Hết quý IV/2021").
 * @param text - the cell
 * @returns the ISO day and how it was read, or why it could not be read (empty text is not a deadline)
 * @example
 * ```ts
 * parseDeadline("Quý IV/2021"); // { ok: true, date: "2021-12-31", form: "quarter", explanation: {…} }
 * ```
 */
export function parseDeadline(text: string): DeadlineReading {
  const original = text.normalize("NFC").trim().replace(/\s+/g, " ");
  const iso = parseIsoDate(original) ?? (/^\d{4}-\d{2}-\d{2}[ T]00:00(:00)?$/.test(original) ? parseIsoDate(original.slice(0, 10)) : null);
  if (iso) return read(original, iso, "iso", null);
  const unreadable: DeadlineReading = {
    ok: false,
    message: domainMessage("deadline.unreadable", { original }),
  };
  if (original === "") return { ok: false, message: domainMessage("deadline.empty") };
  // foldLabel turns "/", "-", "." and spaces into single spaces: "quy iv 2021", "31 12 2021", "thang 12 nam 2021".
  const folded = foldLabel(original)
    .replace(/,/g, " ")
    .replace(/^((truoc|trong|het|den|cuoi|hoan thanh|xong|thoi han)\s+)+/, "")
    .replace(/^ngay\s+/, "")
    .replace(/\s+/g, " ")
    .trim();

  const serial = /^(\d{5})(\.\d+)?$/.exec(original);
  if (serial) {
    const value = Number(serial[1]);
    if (value >= SERIAL_MIN && value <= SERIAL_MAX) {
      // 1900 date system: serial 25569 is 1970-01-01 (Excel's phantom 29 Feb 1900 lies before the accepted range).
      const date = new Date((value - 25_569) * MILLISECONDS_PER_DAY).toISOString().slice(0, 10);
      return read(original, date, "excel_serial", domainMessage("deadline.how_excel_serial"));
    }
    return unreadable;
  }

  const day = /^(\d{1,2}) (\d{1,2}) (\d{2}|\d{4})$/.exec(folded);
  if (day) {
    const shortYear = day[3].length === 2;
    const year = shortYear ? 2000 + Number(day[3]) : Number(day[3]);
    const date = parseIsoDate(`${String(year).padStart(4, "0")}-${day[2].padStart(2, "0")}-${day[1].padStart(2, "0")}`);
    if (!date) return unreadable;
    return shortYear
      ? read(original, date, "short_year", domainMessage("deadline.how_short_year", { written: day[3], year }))
      : read(original, date, "date", domainMessage("deadline.how_day_first"));
  }

  const yearFirst = /^(\d{4}) (\d{1,2}) (\d{1,2})$/.exec(folded);
  if (yearFirst) {
    const date = parseIsoDate(`${yearFirst[1]}-${yearFirst[2].padStart(2, "0")}-${yearFirst[3].padStart(2, "0")}`);
    return date ? read(original, date, "date", domainMessage("deadline.how_year_first")) : unreadable;
  }

  const month = /^(?:thang |t)?(\d{1,2}) (?:nam )?(\d{4})$/.exec(folded);
  if (month) {
    const value = Number(month[1]);
    const year = Number(month[2]);
    if (value < 1 || value > 12 || !plausibleYear(year)) return unreadable;
    const how = domainMessage("deadline.how_month", { month: value, monthPadded: String(value).padStart(2, "0"), year });
    return read(original, lastDayOfMonth(year, value), "month", how);
  }

  const quarter = /^(?:quy|q) ?(iv|iii|ii|i|[1-4]) (?:nam )?(\d{4})$/.exec(folded);
  if (quarter) {
    const value = ROMAN[quarter[1]] ?? Number(quarter[1]);
    const year = Number(quarter[2]);
    if (!plausibleYear(year)) return unreadable;
    const roman = ["I", "II", "III", "IV"][value - 1];
    return read(original, lastDayOfMonth(year, value * 3), "quarter", domainMessage("deadline.how_quarter", { roman, quarter: value, year }));
  }

  const half = /^6 thang (dau|cuoi) nam (\d{4})$/.exec(folded);
  if (half) {
    const year = Number(half[2]);
    if (!plausibleYear(year)) return unreadable;
    const first = half[1] === "dau";
    const how = first ? domainMessage("deadline.how_first_half", { year }) : domainMessage("deadline.how_second_half", { year });
    return read(original, lastDayOfMonth(year, first ? 6 : 12), "half_year", how);
  }

  const year = /^(?:nam )?(\d{4})$/.exec(folded);
  if (year) {
    const value = Number(year[1]);
    if (!plausibleYear(value)) return unreadable;
    return read(original, `${value}-12-31`, "year", domainMessage("deadline.how_year", { year: value }));
  }
  return unreadable;
}
