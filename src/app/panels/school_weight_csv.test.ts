import { describe, expect, it } from "vitest";
import { readCsvTable, type SchoolWeightResult } from "../../domain/index.ts";
import { schoolWeightCsv } from "./school_weight_csv.ts";

const counts = { schools: 3, mainUncovered: 1, withUncoveredSite: 1, notFullyCovered: 2, fullyCovered: 1, sites: 2, sitesUncovered: 1 };
const totals = { pupils: 500, pupilsUncovered: 120, households: 90, householdsUncovered: 40 };
const result: SchoolWeightResult = {
  weights: { ...totals, byCarrier: [{ carrier: "Viettel", pupilsUncovered: 200, householdsUncovered: 50 }], byProvince: [], byCommune: [{ code: "01", name: "=Xã độc", ...totals }] },
  schools: { ...counts, byProvince: [], byCommune: [{ code: "01", name: "=Xã độc", ...counts }], orphanSites: 0 },
  issues: [],
};

describe("schoolWeightCsv", () => {
  it("writes the totals, each carrier and each commune; a name starting with = is neutralised", () => {
    const text = schoolWeightCsv(result, "en");
    // Formula-safe on disk ('=Xã độc), and read back unchanged by the project's own reader.
    expect(text).toContain("'=Xã độc");
    const table = readCsvTable(text, { file: "s.csv" });
    expect(table.header.slice(0, 4)).toEqual(["section", "code", "name", "schools"]);
    expect(table.rows.map((row) => [row[0], row[2], row[3], row[6], row[8], row[10]])).toEqual([
      ["total", "", "3", "2", "120", "40"],
      ["carrier", "Viettel", "", "", "200", "50"],
      ["commune", "=Xã độc", "3", "2", "120", "40"],
    ]);
  });
});
