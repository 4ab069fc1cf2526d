import { describe, expect, it } from "vitest";
import { readCsvTable, type SchoolWeightResult } from "../../domain/index.ts";
import { schoolWeightCsv } from "./school_weight_csv.ts";

const counts = { schools: 3, mainUncovered: 1, withUncoveredSite: 1, notFullyCovered: 2, fullyCovered: 1, sites: 2, sitesUncovered: 1 };
const totals = { pupils: 500, pupilsUncovered: 120, households: 90, householdsUncovered: 40 };
const result: SchoolWeightResult = {
  weights: {
    ...totals,
    byCarrier: [{ carrier: "Viettel", pupilsUncovered: 200, householdsUncovered: 50 }],
    byProvince: [{ code: "15", name: "Lào Cai", ...totals }],
    byCommune: [{ code: "01", name: "=Xã độc", provinceCode: "15", ...totals }],
  },
  schools: { ...counts, byProvince: [], byCommune: [{ code: "01", name: "=Xã độc", ...counts }], orphanSites: 0 },
  issues: [],
};

describe("schoolWeightCsv", () => {
  it("writes the totals, each carrier and each commune with its province; a name starting with = is neutralised", () => {
    const text = schoolWeightCsv(result, "en");
    // Formula-safe on disk ('=Xã độc), and read back unchanged by the project's own reader.
    expect(text).toContain("'=Xã độc");
    const table = readCsvTable(text, { file: "s.csv" });
    expect(table.header.slice(0, 5)).toEqual(["Section", "Code", "Name", "Province", "Schools"]);
    expect(table.rows.map((row) => [row[0], row[2], row[3], row[4], row[7], row[9], row[11]])).toEqual([
      ["Total", "", "", "3", "2", "120", "40"],
      ["Carrier", "Viettel", "", "", "", "200", "50"],
      ["Commune", "=Xã độc", "Lào Cai", "3", "2", "120", "40"],
    ]);
  });

  it("writes Vietnamese headers as the statistics tab words them", () => {
    const table = readCsvTable(schoolWeightCsv(result, "vi"), { file: "s.csv" });
    expect(table.header).toEqual([
      "Mục",
      "Mã",
      "Tên",
      "Tỉnh",
      "Số trường",
      "Trường chưa có sóng ở điểm chính",
      "Trường có điểm trường chưa có sóng",
      "Trường chưa có sóng ở điểm chính hoặc một điểm trường",
      "Học sinh",
      "Học sinh chưa có sóng",
      "Số hộ",
      "Số hộ chưa có sóng",
    ]);
    expect(table.rows[2].slice(0, 4)).toEqual(["Xã", "01", "=Xã độc", "Lào Cai"]);
  });
});
