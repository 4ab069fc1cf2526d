import { describe, expect, it } from "vitest";
import type { CoverageSummary } from "../../domain/index.ts";
import { statisticsToCsv } from "./statistics_csv.ts";

const SUMMARY: CoverageSummary = {
  total: 10,
  uncovered: 4,
  singleCarrier: 2,
  covered: 6,
  unlocated: { province: { count: 0, ids: [] }, commune: { count: 0, ids: [] } },
  byProvince: [{ code: "15", name: "Lào Cai", total: 10, uncovered: 4, covered: 6, percentCovered: 60 }],
  byCommune: [
    { code: "15002", name: "Điện Biên Xã", provinceCode: "15", total: 4, uncovered: 1, covered: 3, percentCovered: 75 },
    { code: "15001", name: "Đà Xã", provinceCode: "15", total: 6, uncovered: 3, covered: 3, percentCovered: 50 },
  ],
  byKind: [],
  byLayer: [{ carrier: "Viettel", technology: "4G", asOf: "2025-06-30", covered: 5, total: 10 }],
  byCarrier: [],
};

function lines(csv: string): string[] {
  return csv
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\r\n");
}

describe("statisticsToCsv", () => {
  it("starts with a BOM and writes Vietnamese headers in Vietnamese", () => {
    const csv = statisticsToCsv(SUMMARY, "vi");
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(lines(csv)[0]).toBe("Cấp,Mã,Địa bàn,Tỉnh,Số điểm,Chưa có sóng,Có sóng,% có sóng,Số liệu ngày");
  });

  it("writes English headers in English", () => {
    expect(lines(statisticsToCsv(SUMMARY, "en"))[0]).toBe("Level,Code,Area,Province,Points,Uncovered,Covered,% covered,As of");
  });

  it("names the province of each commune, from the catalogue when the summary lacks it", () => {
    const communes = [
      { code: "04714", name: "Yên Bình", provinceCode: "15", total: 2, uncovered: 1, covered: 1, percentCovered: 50 },
      { code: "06391", name: "Yên Bình", provinceCode: "20", total: 1, uncovered: 1, covered: 0, percentCovered: 0 },
    ];
    const rows = lines(
      statisticsToCsv(
        { ...SUMMARY, byCommune: communes },
        "vi",
        "comma",
        new Map([
          ["15", "Lào Cai"],
          ["20", "Lạng Sơn"],
        ]),
      ),
    ).slice(2, 4);
    expect(rows).toEqual(["xã,04714,Yên Bình,Lào Cai,2,1,1,50,", "xã,06391,Yên Bình,Lạng Sơn,1,1,0,0,"]);
  });

  it("lists provinces, then communes in Vietnamese order (Đà before Điện), then layers", () => {
    const rows = lines(statisticsToCsv(SUMMARY, "en")).slice(1);
    expect(rows).toEqual([
      "province,15,Lào Cai,,10,4,6,60,",
      "commune,15001,Đà Xã,Lào Cai,6,3,3,50,",
      "commune,15002,Điện Biên Xã,Lào Cai,4,1,3,75,",
      "carrier,,Viettel 4G,,10,5,5,50,30/06/2025",
    ]);
  });
});
