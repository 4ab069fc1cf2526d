import { describe, expect, it } from "vitest";
import { parseDeadline, type DeadlineForm } from "./deadline.ts";

/** Every form the provinces write, with the day it means and how it is read. */
const TABLE: readonly (readonly [string, string, DeadlineForm])[] = [
  ["2021-12-31", "2021-12-31", "iso"],
  ["2021-12-31 00:00:00", "2021-12-31", "iso"],
  ["31/12/2021", "2021-12-31", "date"],
  ["5/9/2021", "2021-09-05", "date"],
  ["31-12-2021", "2021-12-31", "date"],
  ["31.12.2021", "2021-12-31", "date"],
  ["2021/12/31", "2021-12-31", "date"],
  ["31/12/21", "2021-12-31", "short_year"],
  ["29/02/24", "2024-02-29", "short_year"],
  ["12/2021", "2021-12-31", "month"],
  ["02/2024", "2024-02-29", "month"],
  ["2/2023", "2023-02-28", "month"],
  ["tháng 12/2021", "2021-12-31", "month"],
  ["Tháng 12 năm 2021", "2021-12-31", "month"],
  ["THÁNG 6/2022", "2022-06-30", "month"],
  ["T11/2021", "2021-11-30", "month"],
  ["12-2021", "2021-12-31", "month"],
  ["Quý IV/2021", "2021-12-31", "quarter"],
  ["Quý 1/2022", "2022-03-31", "quarter"],
  ["Quý I năm 2022", "2022-03-31", "quarter"],
  ["quý II/2022", "2022-06-30", "quarter"],
  ["Quý III - 2022", "2022-09-30", "quarter"],
  ["Q4/2021", "2021-12-31", "quarter"],
  ["quy iv 2021", "2021-12-31", "quarter"],
  ["Hết quý IV/2021", "2021-12-31", "quarter"],
  ["Trước ngày 30/11/2021", "2021-11-30", "date"],
  ["6 tháng đầu năm 2022", "2022-06-30", "half_year"],
  ["6 tháng cuối năm 2022", "2022-12-31", "half_year"],
  ["2022", "2022-12-31", "year"],
  ["Năm 2022", "2022-12-31", "year"],
  ["Trong năm 2021", "2021-12-31", "year"],
  ["44561", "2021-12-31", "excel_serial"],
  ["44561.5", "2021-12-31", "excel_serial"],
  ["45657", "2024-12-31", "excel_serial"],
];

const UNREADABLE = [
  "cuối năm",
  "Quý V/2021",
  "Quý 0/2022",
  "13/2021",
  "tháng 13 năm 2021",
  "31/02/2021",
  "32/12/2021",
  "2021-02-30",
  "1850",
  "Năm 3000",
  "12345",
  "99999",
  "sớm nhất",
  "31/12",
  "Quý IV",
];

describe("parseDeadline", () => {
  it.each(TABLE)("reads %s as %s (%s)", (text, date, form) => {
    const reading = parseDeadline(text);
    expect(reading).toMatchObject({ ok: true, date, form });
    if (!reading.ok) return;
    if (form === "iso") expect(reading.explanation).toBeNull();
    else {
      // The sentence quotes the cell and gives the day in both languages.
      expect(reading.explanation?.vi).toContain(`"${text}" được hiểu là ${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`);
      expect(reading.explanation?.en).toContain(`"${text}" read as ${date}`);
    }
  });

  it.each(UNREADABLE)("refuses %s with a sentence naming it", (text) => {
    const reading = parseDeadline(text);
    expect(reading.ok).toBe(false);
    if (!reading.ok) {
      expect(reading.message.vi).toContain(text);
      expect(reading.message.en).toContain(text);
    }
  });

  it("says an empty cell is empty", () => {
    expect(parseDeadline("  ")).toEqual({ ok: false, message: { vi: "hạn trống", en: "the deadline is empty" } });
  });

  it("explains a quarter the way the report shows it", () => {
    const reading = parseDeadline("Quý IV/2021");
    expect(reading.ok && reading.explanation).toEqual({
      vi: '"Quý IV/2021" được hiểu là 31/12/2021 (ngày cuối quý IV năm 2021)',
      en: '"Quý IV/2021" read as 2021-12-31 (the last day of Q4 2021)',
    });
  });

  it("reads every month of every quarter to its last day, leap years included", () => {
    for (const year of [2023, 2024]) {
      for (let month = 1; month <= 12; month++) {
        const reading = parseDeadline(`tháng ${month}/${year}`);
        // The day after the last day of a month is the first of the next.
        const next = new Date(Date.UTC(year, month, 1) - 86_400_000).toISOString().slice(0, 10);
        expect(reading.ok && reading.date).toBe(next);
        if (month % 3 === 0) expect(parseDeadline(`Quý ${month / 3}/${year}`)).toMatchObject({ date: next });
      }
    }
  });

  it("reads Excel serials in the 1900 date system, as Excel shows them", () => {
    // 25569 is 1970-01-01 in Excel; 44197 is 2021-01-01.
    expect(parseDeadline("25569")).toMatchObject({ ok: true, date: "1970-01-01" });
    expect(parseDeadline("44197")).toMatchObject({ ok: true, date: "2021-01-01" });
    expect(parseDeadline("19999").ok).toBe(false);
    expect(parseDeadline("80001").ok).toBe(false);
  });
});
