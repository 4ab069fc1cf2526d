import { describe, expect, it } from "vitest";
import type { CoverageAnalysis } from "../../domain/index.ts";
import type { Point } from "../../domain/types.ts";
import { listRows, type ListSource } from "./list_rows.ts";

function point(id: string, name: string, provinceName: string): Point {
  return { id, name, kind: "school", lon: 105, lat: 21, provinceName, source: { file: "t.csv", row: 1 }, extra: {} };
}

function source(points: Point[]): ListSource {
  const analysis = {
    layers: [],
    words: 0,
    masks: new Uint32Array(0),
    provinces: [],
    communes: [],
    provinceOf: new Int32Array(points.length).fill(-1),
    communeOf: new Int32Array(points.length).fill(-1),
  } as CoverageAnalysis;
  return { points, analysis };
}

const POINTS = [
  point("P1", "Trường Tiểu học Đồng Văn", "Hà Giang"),
  point("P2", "Điểm trường Bản Phố", "Lào Cai"),
  point("P3", "Trường Mầm non Cao Sơn", "Lào Cai"),
  point("P4", "Thôn Đà Lạt", "Lâm Đồng"),
];
const ALL = [0, 1, 2, 3];
const options = { search: "", column: "name" as const, direction: "ascending" as const, kindLabel: (kind: string) => kind };

describe("listRows", () => {
  it("finds “Lào Cai” when “lao cai” is typed", () => {
    expect(listRows(source(POINTS), ALL, { ...options, search: "lao cai" })).toEqual([1, 2]);
  });

  it("finds “Đồng” when “dong” is typed, in any case", () => {
    expect(listRows(source(POINTS), ALL, { ...options, search: "DONG" }).map((index) => POINTS[index].id)).toEqual(["P4", "P1"]);
  });

  it("lists only the given indices", () => {
    expect(listRows(source(POINTS), [2, 3], options)).toEqual([3, 2]);
  });

  it("sorts names with Vietnamese collation (Đ after D, before E), both directions", () => {
    const mixed = [point("A", "Ea Tam", "Đắk Lắk"), point("B", "Đồng Tâm", "Hà Giang"), point("C", "Dền Thàng", "Lào Cai")];
    const names = listRows(source(mixed), [0, 1, 2], options).map((index) => mixed[index].name);
    expect(names).toEqual(["Dền Thàng", "Đồng Tâm", "Ea Tam"]);
    expect(listRows(source(mixed), [0, 1, 2], { ...options, direction: "descending" })).toEqual([0, 1, 2]);
  });

  it("sorts by province (a before â) and keeps the original order between equal keys", () => {
    expect(listRows(source(POINTS), [3, 2, 1, 0], { ...options, column: "province" })).toEqual([0, 1, 2, 3]);
  });
});
