import { describe, expect, it } from "vitest";
import type { ImportReport } from "../../domain/issues.ts";
import { importReportToCsv } from "./import_report_csv.ts";

const REPORT: ImportReport = {
  file: "truong.csv",
  kind: "points",
  read: 3,
  accepted: 2,
  rejected: 1,
  warnings: 1,
  issues: [
    { file: "truong.csv", row: 2, column: "lat", code: "coordinates_missing", severity: "error", message: { vi: "Thiếu vĩ độ", en: "Latitude missing" } },
    { file: "truong.csv", row: 3, code: "=cmd", severity: "warning", message: { vi: "Tên trùng", en: "Duplicate name" } },
  ],
};

describe("importReportToCsv", () => {
  it("writes one row per issue with its row and reason in the language", () => {
    const rows = importReportToCsv(REPORT, "vi")
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(rows[0]).toBe("Vị trí,Cột,Mức,Mã lỗi,Lý do");
    expect(rows[2]).toBe("dòng 2,lat,lỗi,coordinates_missing,Thiếu vĩ độ");
    expect(rows).toHaveLength(4);
  });

  it("keeps cells formula-safe", () => {
    expect(importReportToCsv(REPORT, "en")).toContain("'=cmd");
  });
});
