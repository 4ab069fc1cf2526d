import { describe, expect, it } from "vitest";
import { analyzeCoverage, type CoverageFeature, type Point } from "../../domain/index.ts";
import { communeLabel, coverageByCarrier, lookupPlaces, lookupPoints, repeatedCommuneNames, pointCounts } from "./lookup.ts";
import { squarePolygon } from "../../testing/features.ts";

function model() {
  const points: Point[] = [
    {
      id: "A",
      name: "Trường Tiểu học Bản Xèo",
      kind: "school",
      lon: 0.5,
      lat: 0.5,
      weight: 120,
      communeName: "Bản Xèo",
      provinceName: "Lào Cai",
      source: { file: "p.csv", row: 1 },
      extra: {},
    },
    {
      id: "B",
      name: "Thôn Nà Lầu",
      kind: "village",
      lon: 5.5,
      lat: 5.5,
      weight: 40,
      communeName: "Yên Bình",
      provinceName: "Tuyên Quang",
      source: { file: "p.csv", row: 2 },
      extra: {},
    },
  ];
  const coverage: CoverageFeature[] = [
    { carrier: "Viettel", technology: "4G", asOf: null, geometry: squarePolygon(0, 0, 1), source: { file: "c", row: 0 } },
    { carrier: "Viettel", technology: "2G", asOf: null, geometry: squarePolygon(0, 0, 1), source: { file: "c", row: 1 } },
    { carrier: "VNPT", technology: "3G", asOf: null, geometry: squarePolygon(0, 0, 1), source: { file: "c", row: 2 } },
  ] as unknown as CoverageFeature[];
  return { points, analysis: analyzeCoverage(points, coverage, []) };
}

describe("lookup", () => {
  it("finds covered and uncovered points by name without diacritics, and by their commune", () => {
    const source = model();
    expect(lookupPoints(source, "ban xeo", 10)).toEqual([0]);
    expect(lookupPoints(source, "na lau", 10)).toEqual([1]);
    expect(lookupPoints(source, "tuyen quang", 10)).toEqual([1]);
    expect(lookupPoints(source, "", 10)).toEqual([]);
  });

  it("says which carriers cover a point, with their technologies", () => {
    const { analysis } = model();
    const answer = coverageByCarrier(analysis, 0);
    expect(answer.map((entry) => entry.carrier).sort()).toEqual(["VNPT", "Viettel"]);
    expect(answer.find((entry) => entry.carrier === "Viettel")!.technologies.sort()).toEqual(["2G", "4G"]);
    expect(coverageByCarrier(analysis, 1)).toEqual([]);
  });

  it("finds places and names a repeated commune with its province", () => {
    const analysis = {
      provinces: [
        { code: "08", name: "Tuyên Quang" },
        { code: "15", name: "Lào Cai" },
      ],
      communes: [
        { code: "1", name: "Yên Bình", provinceCode: "08" },
        { code: "2", name: "Yên Bình", provinceCode: "15" },
        { code: "3", name: "Bản Xèo", provinceCode: "15" },
      ],
    } as never;
    expect(lookupPlaces(analysis, "yen binh", 10).map((hit) => `${hit.name}/${hit.provinceName}`)).toEqual(["Yên Bình/Tuyên Quang", "Yên Bình/Lào Cai"]);
    expect(lookupPlaces(analysis, "lao cai", 10).map((hit) => hit.level)).toEqual(["province", "commune", "commune"]);
    const repeated = repeatedCommuneNames([{ name: "Yên Bình" }, { name: "Yên Bình" }, { name: "Bản Xèo" }]);
    expect(communeLabel("Yên Bình", "Tuyên Quang", repeated)).toBe("Yên Bình (Tuyên Quang)");
    expect(communeLabel("Bản Xèo", "Lào Cai", repeated)).toBe("Bản Xèo");
  });

  it("reads a school's weight as pupils and a village's as households", () => {
    const { points } = model();
    expect(pointCounts(points[0])).toEqual([{ kind: "pupils", value: points[0].weight }]);
    expect(pointCounts(points[1])).toEqual([{ kind: "households", value: points[1].weight }]);
  });

  it("reads a second count column, as the sample list has (pupils the weight, households a column of its own)", () => {
    const base = { lon: 0, lat: 0, source: { file: "p.csv", row: 1 } };
    expect(pointCounts({ ...base, kind: "village", extra: { households: "169" } })).toEqual([{ kind: "households", value: 169 }]);
    expect(pointCounts({ ...base, kind: "school", weight: 256, extra: { households: "" } })).toEqual([{ kind: "pupils", value: 256 }]);
    expect(pointCounts({ ...base, kind: "other", weight: 5, extra: {} })).toEqual([]);
  });
});
