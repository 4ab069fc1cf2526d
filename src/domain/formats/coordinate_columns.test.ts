import { describe, expect, it } from "vitest";
import { parseCoordinate } from "../parse/parse_number.ts";
import { parsePointsCsv } from "../parse/parse_points_csv.ts";

describe("coordinate headers and values as Vietnamese lists write them", () => {
  it("reads 'Kinh độ (X)' and 'Vĩ độ (Y)'", () => {
    const result = parsePointsCsv("Mã;Kinh độ (X);Vĩ độ (Y)\nA;104,5678;22,1234\n", { file: "a.csv" });
    expect(result.items.map((point) => [point.lon, point.lat])).toEqual([[104.5678, 22.1234]]);
  });
  it("reads one 'Toạ độ' column in either order, found from the values", () => {
    const result = parsePointsCsv('Mã,Tọa độ\nA,"22.1234, 104.5678"\nB,"104.5678, 22.1234"\nC,"22,1234; 104,5678"\nD,"22°07\'24""B 104°34\'04""Đ"\n', {
      file: "a.csv",
    });
    expect(result.report).toMatchObject({ read: 4, accepted: 4, rejected: 0 });
    expect(result.items.map((point) => [point.id, point.lon, point.lat])).toEqual([
      ["A", 104.5678, 22.1234],
      ["B", 104.5678, 22.1234],
      ["C", 104.5678, 22.1234],
      ["D", 104 + 34 / 60 + 4 / 3600, 22 + 7 / 60 + 24 / 3600],
    ]);
    const bad = parsePointsCsv("Mã,Toạ độ\nA,không rõ\n", { file: "a.csv" });
    expect(bad.report.issues.map((issue) => issue.code)).toEqual(["coordinate_unreadable"]);
  });
  it("reads hemisphere letters B, Đ (Vietnamese) and N, E, S, W", () => {
    expect(parseCoordinate("22.1234 B")).toBe(22.1234);
    expect(parseCoordinate("104.5678 Đ")).toBe(104.5678);
    expect(parseCoordinate("104.5678đ")).toBe(104.5678);
    expect(parseCoordinate("22.1234 N")).toBe(22.1234);
    expect(parseCoordinate("104.5678 E")).toBe(104.5678);
    expect(parseCoordinate("33.9 S")).toBe(-33.9);
    expect(parseCoordinate("70.1 W")).toBe(-70.1);
    expect(parseCoordinate("70.1 T")).toBe(-70.1);
  });
});
