import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatDay, formatMonth, parseDayInput } from "./dates.ts";

describe("dates", () => {
  it("writes day/month/year with four-digit years in both languages", () => {
    expect(formatDay("vi", "2026-08-15")).toBe("15/08/2026");
    expect(formatDay("en", "2026-08-15")).toBe("15/08/2026");
    expect(formatDay("vi", "not a day")).toBe("not a day");
    expect(formatMonth("vi", "2026-06-01")).toBe("06/2026");
  });

  it("shows instants in Viet Nam time", () => {
    expect(formatDate("vi", new Date("2026-12-01T18:30:00Z"))).toBe("02/12/2026");
    expect(formatDateTime("en", "2026-12-01T18:30:00Z")).toBe("02/12/2026 01:30");
  });

  it("reads a typed day, day first, and refuses days that do not exist", () => {
    expect(parseDayInput("15/08/2026")).toBe("2026-08-15");
    expect(parseDayInput(" 5-8-2026 ")).toBe("2026-08-05");
    expect(parseDayInput("15.08.2026")).toBe("2026-08-15");
    expect(parseDayInput("2026-08-15")).toBe("2026-08-15");
    expect(parseDayInput("31/02/2026")).toBeNull();
    expect(parseDayInput("08/15/2026")).toBeNull();
    expect(parseDayInput("")).toBeNull();
  });
});
