/**
 * The Vietnamese sentences people read in the import report and the dead-zone panels: days as dd/mm/yyyy, a column
 * named in words, never an ISO day or a bracketed field name in a sentence.
 */
import { describe, expect, it } from "vitest";
import { formatIssue } from "../issues.ts";
import { createStatusEvent, type Actor } from "../tracking/events.ts";
import { verifyPoints, type TrackingContext } from "../tracking/record.ts";
import { makeListedPoint } from "../../testing/listed_points.ts";

const viettel: Actor = { role: "carrier", carrier: "Viettel" };
const registry = [makeListedPoint("A")];
const log = [createStatusEvent({ pointId: "A", status: "on_air", date: "2026-02-01", actor: viettel })];
const context: TrackingContext = { registry, events: log, today: "2026-03-31", listPublishedOn: "2026-01-01" };

describe("readable refusals", () => {
  it("write the days of a refused date as dd/mm/yyyy in Vietnamese", () => {
    expect(verifyPoints(context, ["A"], "2026-04-01").rejected[0].message.vi).toBe("ngày 01/04/2026 ở tương lai (hôm nay là 31/03/2026)");
    expect(verifyPoints({ ...context, listPublishedOn: "2026-02-05" }, ["A"], "2026-02-04").rejected[0].message.vi).toBe(
      "ngày 04/02/2026 trước ngày công bố danh sách (05/02/2026)",
    );
    expect(verifyPoints(context, ["A"], "2026-01-31").rejected[0].message.vi).toBe("ngày 31/01/2026 sớm hơn thay đổi gần nhất của điểm A (ngày 01/02/2026)");
  });
});

describe("formatIssue", () => {
  const issue = {
    file: "vung-phu.csv",
    row: 1,
    column: "carrier",
    severity: "error" as const,
    code: "missing_carrier",
    message: { vi: "thiếu nhà mạng", en: "no carrier" },
  };

  it("names the column in words: dòng 1, cột “carrier”", () => {
    expect(formatIssue(issue, "vi")).toBe("vung-phu.csv, dòng 1, cột “carrier”: lỗi missing_carrier: thiếu nhà mạng");
    expect(formatIssue(issue, "en")).toBe("vung-phu.csv, row 1, column “carrier”: error missing_carrier: no carrier");
    expect(formatIssue({ ...issue, column: undefined }, "vi")).toBe("vung-phu.csv, dòng 1: lỗi missing_carrier: thiếu nhà mạng");
  });
});
