import { describe, expect, it } from "vitest";
import type { Polygon } from "geojson";
import type { AdminArea, Point, PointKind, Technology } from "../types.ts";
import { coverageFeature, makePoint, rectangle } from "../../testing/features.ts";
import { analyzeCoverage, coverageOf, pointStatus, selectPoints } from "./analyze_coverage.ts";
import { summarizeCoverage } from "./summarize_coverage.ts";

const coverage = (carrier: string, technology: Technology, geometry: Polygon, asOf: string | null = null) =>
  coverageFeature(carrier, technology, geometry, { asOf, source: { file: `${carrier}.geojson`, featureIndex: 0 } });

const point = (id: string, lon: number, lat: number, extra: Partial<Point> = {}, kind: PointKind = "school") =>
  makePoint(id, lon, lat, { kind, source: { file: "points.csv", row: 1 }, ...extra });

// Viettel 4G over x 0–2, VNPT 2G over x 1–3, VNPT 4G over x 1–1.5; everything in y 0–1.
const COVERAGE = Object.freeze([
  coverage("Viettel", "4G", rectangle(0, 0, 2, 1), "2024-05-01"),
  coverage("VNPT", "2G", rectangle(1, 0, 3, 1)),
  coverage("VNPT", "4G", rectangle(1, 0, 1.5, 1), "2024-01-01"),
]);
// p0: Viettel 4G only; p1: Viettel 4G + VNPT 2G + VNPT 4G; p2: VNPT 2G only; p3: nothing.
const POINTS = Object.freeze([point("p0", 0.5, 0.5), point("p1", 1.25, 0.5), point("p2", 2.5, 0.5, {}, "village"), point("p3", 5, 5, {}, "village")]);

describe("analyzeCoverage and its queries", () => {
  const analysis = analyzeCoverage(POINTS, COVERAGE);

  it("lists the covering layers of each point", () => {
    expect(analysis.layers.map((layer) => `${layer.carrier} ${layer.technology}`)).toEqual(["VNPT 2G", "VNPT 4G", "Viettel 4G"]);
    expect(coverageOf(analysis, 1).map((layer) => `${layer.carrier} ${layer.technology}`)).toEqual(["VNPT 2G", "VNPT 4G", "Viettel 4G"]);
    expect(coverageOf(analysis, 2).map((layer) => layer.technology)).toEqual(["2G"]);
    expect(coverageOf(analysis, 3)).toEqual([]);
  });

  it("counts distinct carriers for the status, with the filter's technology floor and carriers", () => {
    expect([0, 1, 2, 3].map((i) => pointStatus(analysis, i))).toEqual(["single_carrier", "covered", "single_carrier", "uncovered"]);
    expect([0, 1, 2, 3].map((i) => pointStatus(analysis, i, { minTechnology: "4G" }))).toEqual(["single_carrier", "covered", "uncovered", "uncovered"]);
    expect([0, 1, 2, 3].map((i) => pointStatus(analysis, i, { carriers: ["VNPT"] }))).toEqual(["uncovered", "single_carrier", "single_carrier", "uncovered"]);
  });

  it("selects points by status, kind and carrier", () => {
    expect(Array.from(selectPoints(analysis, POINTS, { status: "uncovered", minTechnology: "4G" }))).toEqual([2, 3]);
    expect(Array.from(selectPoints(analysis, POINTS, { status: "uncovered", carriers: ["Viettel"] }))).toEqual([2, 3]);
    expect(Array.from(selectPoints(analysis, POINTS, { status: "all", kinds: ["village"] }))).toEqual([2, 3]);
    expect(Array.from(selectPoints(analysis, POINTS, { status: "covered" }))).toEqual([1]);
  });

  it("summarises per kind, layer and carrier", () => {
    const summary = summarizeCoverage(analysis, POINTS, { minTechnology: "4G" });
    expect(summary.total).toBe(4);
    expect(summary.uncovered).toBe(2);
    expect(summary.singleCarrier).toBe(1);
    expect(summary.covered).toBe(2);
    expect(summary.byKind).toEqual([
      { kind: "school", total: 2, uncovered: 0 },
      { kind: "village", total: 2, uncovered: 2 },
    ]);
    expect(summary.byLayer).toEqual([
      { carrier: "VNPT", technology: "2G", asOf: null, covered: 2, total: 4 },
      { carrier: "VNPT", technology: "4G", asOf: "2024-01-01", covered: 1, total: 4 },
      { carrier: "Viettel", technology: "4G", asOf: "2024-05-01", covered: 2, total: 4 },
    ]);
    expect(summary.byCarrier).toEqual([
      { carrier: "VNPT", covered: 1, uncovered: 3, total: 4 },
      { carrier: "Viettel", covered: 2, uncovered: 2, total: 4 },
    ]);
  });

  it("lists only the filter's carriers per carrier", () => {
    const summary = summarizeCoverage(analysis, POINTS, { carriers: ["VNPT"] });
    expect(summary.byCarrier.map((entry) => entry.carrier)).toEqual(["VNPT"]);
    expect(summary.uncovered).toBe(2);
  });
});

describe("analyzeCoverage admin areas", () => {
  const admin: AdminArea[] = [
    { level: "province", code: "10", name: "Lào Cai", geometry: rectangle(0, 0, 10, 10) },
    { level: "province", code: "20", name: "Yên Bái", geometry: rectangle(10, 0, 20, 10) },
    { level: "commune", code: "10001", name: "Xã Bản Phiệt", parentCode: "10", geometry: rectangle(0, 0, 5, 10) },
    { level: "commune", code: "10002", name: "Tân Lập", parentCode: "10", geometry: rectangle(5, 0, 10, 10) },
    { level: "commune", code: "20001", name: "Tân Lập", parentCode: "20", geometry: rectangle(10, 0, 20, 10) },
  ];

  it("locates points without areas in their row by point-in-polygon", () => {
    const analysis = analyzeCoverage([point("a", 2, 2), point("b", 12, 2), point("c", 30, 30)], [], admin);
    expect(Array.from(analysis.provinceOf)).toEqual([0, 1, -1]);
    expect(Array.from(analysis.communeOf)).toEqual([0, 2, -1]);
  });

  it("keeps the row's areas, matched by code or by name without accents, even against the geometry", () => {
    const points = [
      point("a", 2, 2, { provinceName: "lao cai", communeName: "tan lap" }),
      point("b", 2, 2, { provinceCode: "20", communeName: "Tân Lập" }),
      point("c", 2, 2, { provinceName: "Tỉnh Lào Cai", communeCode: "10001" }),
    ];
    const analysis = analyzeCoverage(points, [], admin);
    expect(Array.from(analysis.provinceOf)).toEqual([0, 1, 0]);
    expect(Array.from(analysis.communeOf)).toEqual([1, 2, 0]);
  });

  it("matches numeric codes that lost their leading zeros in Excel (08 → 8, 02686 → 2686)", () => {
    const zeroPadded: AdminArea[] = [
      { level: "province", code: "08", name: "Tuyên Quang", geometry: rectangle(0, 0, 10, 10) },
      { level: "commune", code: "02686", name: "A Mú Sung", parentCode: "08", geometry: rectangle(0, 0, 10, 10) },
      { level: "commune", code: "26860", name: "Bản Xèo", parentCode: "08", geometry: rectangle(20, 20, 30, 30) },
    ];
    const points = [point("a", 25, 25, { provinceCode: "8", communeCode: "2686" }), point("b", 25, 25, { communeCode: "0026860" })];
    const analysis = analyzeCoverage(points, [], zeroPadded);
    expect(Array.from(analysis.provinceOf)).toEqual([0, 0]);
    expect(Array.from(analysis.communeOf)).toEqual([0, 1]);
    expect(analysis.communes).toHaveLength(2);
  });

  it("lets the boundaries win over a row's province that no loaded area has (pre-2025 'Hà Giang')", () => {
    const points = [point("a", 2, 2, { provinceName: "Hà Giang" }), point("b", 3, 3, { provinceName: "Ha Giang" })];
    const analysis = analyzeCoverage(points, [], admin);
    expect(analysis.provinces.map((area) => area.name)).not.toContain("Hà Giang");
    expect(Array.from(analysis.provinceOf, (k) => analysis.provinces[k].name)).toEqual(["Lào Cai", "Lào Cai"]);
    // One province row, not one for the listed name beside the one the boundaries found.
    expect(summarizeCoverage(analysis, points).byProvince.map((area) => [area.name, area.total])).toEqual([["Lào Cai", 2]]);
  });

  it("keeps an unmatched row area as its own entry, once, when no boundary of its level is loaded", () => {
    const points = [point("a", 2, 2, { provinceName: "Hà Giang" }), point("b", 3, 3, { provinceName: "Ha Giang" })];
    const analysis = analyzeCoverage(points, []);
    expect(analysis.provinces).toEqual([{ code: "Hà Giang", name: "Hà Giang" }]);
    expect(Array.from(analysis.provinceOf)).toEqual([0, 0]);
  });

  it("derives the province from the commune's parent code when no province is known", () => {
    const communesOnly = admin.filter((area) => area.level === "commune");
    const analysis = analyzeCoverage([point("a", 12, 2), point("b", 30, 30)], [], communesOnly);
    // The name comes from the 2025 province list (no province_name in these communes), not the bare code.
    expect(analysis.provinces).toEqual([{ code: "20", name: "Lạng Sơn" }]);
    expect(Array.from(analysis.provinceOf)).toEqual([0, -1]);
    // A commune file's province_name wins over the list.
    const named = communesOnly.map((area) => ({ ...area, parentName: "Tỉnh Lạng Sơn" }));
    expect(analyzeCoverage([point("a", 12, 2)], [], named).provinces).toEqual([{ code: "20", name: "Tỉnh Lạng Sơn" }]);
  });

  it("counts per province and commune, only for areas with points", () => {
    const coverageA = [coverage("Viettel", "4G", rectangle(0, 0, 5, 10))];
    const points = [point("a", 2, 2), point("b", 7, 2), point("c", 8, 2), point("d", 4, 4)];
    const analysis = analyzeCoverage(points, coverageA, admin);
    const summary = summarizeCoverage(analysis, points);
    expect(summary.byProvince).toEqual([{ code: "10", name: "Lào Cai", total: 4, uncovered: 2, covered: 2, percentCovered: 50 }]);
    expect(summary.byCommune).toEqual([
      { code: "10001", name: "Xã Bản Phiệt", provinceCode: "10", total: 2, uncovered: 0, covered: 2, percentCovered: 100 },
      { code: "10002", name: "Tân Lập", provinceCode: "10", total: 2, uncovered: 2, covered: 0, percentCovered: 0 },
    ]);
    expect(summarizeCoverage(analysis, points, { communeCode: "10002" }).total).toBe(2);
    expect(summarizeCoverage(analysis, points, { provinceCode: "20" }).total).toBe(0);
  });
});
