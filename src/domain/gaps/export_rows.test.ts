import { describe, expect, it } from "vitest";
import type { Point, Technology } from "../types.ts";
import { analyzeCoverage, pointStatus, coverageOf } from "./analyze_coverage.ts";
import { buildExportRows } from "./export_rows.ts";
import { buildNearestCoverageIndex } from "../spatial/nearest_coverage.ts";
import { coverageFeature, makePoint, squarePolygon } from "../../testing/features.ts";

/** A square of coverage from lon `x`, lat 22, with side `size`. */
const square = (carrier: string, technology: Technology, x: number, size: number) => coverageFeature(carrier, technology, squarePolygon(x, 22, size));
const point = (id: string, lon: number) => makePoint(id, lon, 22.05);

describe("buildExportRows", () => {
  const coverage = [square("Viettel", "4G", 104, 0.1), square("Viettel", "2G", 104, 0.3), square("VNPT", "3G", 104.05, 0.1)];
  const points = [point("A", 104.02), point("B", 104.07), point("C", 104.2), point("D", 105)];
  const analysis = analyzeCoverage(points, coverage);

  it("lists every covering layer and the carriers that count, in layer order, and the best technology", () => {
    const rows = buildExportRows(analysis, points, [0, 1, 2, 3], { minTechnology: "3G" });
    expect(rows.map((row) => row.computed)).toEqual([
      { status: "single_carrier", covered_by: "Viettel 2G; Viettel 4G", carriers: "Viettel", best_technology: "4G" },
      { status: "covered", covered_by: "VNPT 3G; Viettel 2G; Viettel 4G", carriers: "VNPT; Viettel", best_technology: "4G" },
      { status: "uncovered", covered_by: "Viettel 2G", carriers: "", best_technology: "2G" },
      { status: "uncovered", covered_by: "", carriers: "", best_technology: "" },
    ]);
  });

  it("agrees with pointStatus and coverageOf for every point and filter", () => {
    for (const filter of [{}, { minTechnology: "4G" as const }, { carriers: ["VNPT"] }, { carriers: ["Viettel"], minTechnology: "3G" as const }]) {
      const rows = buildExportRows(analysis, points, [0, 1, 2, 3], filter);
      rows.forEach((row, i) => {
        expect(row.computed.status).toBe(pointStatus(analysis, i, filter));
        expect(row.computed.covered_by).toBe(
          coverageOf(analysis, i)
            .map((layer) => `${layer.carrier} ${layer.technology}`)
            .join("; "),
        );
      });
    }
  });

  it("fills the admin area from the analysis without changing the imported point", () => {
    const communes = [{ level: "commune" as const, code: "02647", name: "Bản Xèo", parentCode: "15", geometry: square("x", "2G", 103.9, 1).geometry }];
    const withAreas = analyzeCoverage(points, coverage, communes);
    const [row] = buildExportRows(withAreas, points, [0]);
    expect(row.point.communeName).toBe("Bản Xèo");
    expect(points[0].communeName).toBeUndefined();
  });

  it("adds the nearest carrier that does not cover the point and its distance, under the same filter", () => {
    const filter = { minTechnology: "3G" as const };
    const nearest = buildNearestCoverageIndex(coverage, filter);
    const rows = buildExportRows(analysis, points, [0, 1, 2, 3], filter, { nearest });
    const km = (degrees: number) => Math.round(degrees * 111.32 * Math.cos((22.05 * Math.PI) / 180) * 100) / 100;
    // A: Viettel covers it; VNPT's square starts 0.03° east. B: both cover it. C: VNPT's east edge (104.15) is 0.05° west;
    // Viettel 4G's (104.1) is farther and Viettel 2G does not count under 3G. D: VNPT is 0.85° (about 88 km) west.
    expect(rows.map((row) => [row.computed.nearest_carrier, row.computed.nearest_km])).toEqual([
      ["VNPT", km(0.03)],
      ["", ""],
      ["VNPT", km(0.05)],
      ["VNPT", km(0.85)],
    ]);
    expect(buildExportRows(analysis, points, [0], filter)[0].computed).not.toHaveProperty("nearest_km");
  });
});

describe("a points list naming a pre-2025 province", () => {
  const tuyenQuang = {
    level: "province" as const,
    code: "08",
    name: "Tuyên Quang",
    geometry: {
      type: "Polygon" as const,
      coordinates: [
        [
          [104, 22],
          [106, 22],
          [106, 23],
          [104, 23],
          [104, 22],
        ],
      ],
    },
  };
  const listed = (id: string, provinceName: string): Point => ({ ...point(id, 104.5), provinceName });
  const points = [listed("old", "Hà Giang"), listed("new", "tuyen quang"), point("none", 104.6), listed("sea", "Hà Giang")];
  points[3] = { ...points[3], lon: 110 };
  const analysis = analyzeCoverage(points, [], [tuyenQuang]);

  it("gets the boundaries' 2025 province, with the list's old name in province_listed", () => {
    const rows = buildExportRows(analysis, points, [0, 1, 2, 3]);
    expect(rows.map((row) => [row.point.provinceName, row.point.provinceCode, row.computed.province_listed])).toEqual([
      ["Tuyên Quang", "08", "Hà Giang"],
      // A listed name that is the loaded area's is kept as written.
      ["tuyen quang", undefined, ""],
      // No province in the row: filled in, and no province_listed column for it.
      ["Tuyên Quang", "08", undefined],
      // Outside every loaded province: no province, the old name kept aside.
      [undefined, undefined, "Hà Giang"],
    ]);
    // The input points are not changed.
    expect(points[0].provinceName).toBe("Hà Giang");
  });
});
