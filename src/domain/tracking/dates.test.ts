import { describe, expect, it } from "vitest";
import { addDays, daysBetween, parseFlexibleDate, parseIsoDate, startOfWeek } from "./dates.ts";

describe("parseFlexibleDate", () => {
  it("reads ISO dates and day-first Vietnamese dates", () => {
    expect(parseFlexibleDate("2021-09-30")).toBe("2021-09-30");
    expect(parseFlexibleDate("05/09/2021")).toBe("2021-09-05");
    expect(parseFlexibleDate("5/9/2021")).toBe("2021-09-05");
    expect(parseFlexibleDate("31.12.2021")).toBe("2021-12-31");
    expect(parseFlexibleDate("2021/9/5")).toBe("2021-09-05");
  });

  it("rejects impossible and empty dates", () => {
    expect(parseFlexibleDate("31/02/2021")).toBeNull();
    expect(parseFlexibleDate("2021-13-01")).toBeNull();
    expect(parseFlexibleDate("")).toBeNull();
    expect(parseFlexibleDate("tháng 9")).toBeNull();
    expect(parseIsoDate("05/09/2021")).toBeNull();
  });
});

describe("date arithmetic", () => {
  it("adds and counts days across month and year ends", () => {
    expect(addDays("2021-12-30", 3)).toBe("2022-01-02");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
    expect(daysBetween("2021-09-12", "2021-09-30")).toBe(18);
    expect(daysBetween("2022-01-02", "2021-12-30")).toBe(-3);
  });

  it("finds the Monday of the week", () => {
    expect(startOfWeek("2026-11-22")).toBe("2026-11-16"); // a Sunday
    expect(startOfWeek("2026-11-16")).toBe("2026-11-16"); // a Monday
    expect(startOfWeek("1970-01-01")).toBe("1969-12-29");
  });
});
