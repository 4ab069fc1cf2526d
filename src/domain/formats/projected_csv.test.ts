import { describe, expect, it } from "vitest";
import reference from "../../../tests/fixtures/formats/crs_reference.json" with { type: "json" };
import { parsePointsCsv } from "../parse/parse_points_csv.ts";

function metres(a: readonly number[], b: readonly number[]): number {
  const lat = ((a[1] + b[1]) / 2) * (Math.PI / 180);
  return Math.hypot((a[0] - b[0]) * 111_320 * Math.cos(lat), (a[1] - b[1]) * 110_574);
}

describe("a CSV in projected metres", () => {
  const tm3 = reference.points.filter((point) => point.crs === "EPSG:9210");
  // X = northing, Y = easting, as Vietnamese surveyors write them; decimal commas as Excel writes them in Vietnam.
  const csv =
    "ma;X;Y\n" + tm3.map((point, index) => `P${index};${String(point.xy[1]).replace(".", ",")};${String(point.xy[0]).replace(".", ",")}`).join("\n") + "\n";
  it("without a system: every row is refused with the hint to choose one (--crs), not 'out of area'", () => {
    const result = parsePointsCsv(csv, { file: "tm3.csv" });
    expect(result.report.accepted).toBe(0);
    expect(result.report.issues.every((issue) => issue.code === "coordinates_projected" || issue.code === "id_column_missing")).toBe(true);
    expect(result.report.issues[0].message.en).toContain("look like projected metres (VN-2000?)");
    expect(result.report.issues[0].message.en).toContain("--crs");
  });
  it("with the system: read within 1 m of PROJ, X/Y in either order", () => {
    const result = parsePointsCsv(csv, { file: "tm3.csv", crs: "VN2000-TM3-105.75" });
    expect(result.report).toMatchObject({ read: tm3.length, accepted: tm3.length, rejected: 0 });
    expect(result.report.detected?.crs?.id).toBe("VN2000-TM3-105.75");
    result.items.forEach((point, index) => expect(metres([point.lon, point.lat], tm3[index].wgs84)).toBeLessThan(0.01));
    const eastingFirst = "id,x,y\nA," + tm3[0].xy[0] + "," + tm3[0].xy[1] + "\n";
    const other = parsePointsCsv(eastingFirst, { file: "e.csv", crs: "EPSG:9210" });
    expect(metres([other.items[0].lon, other.items[0].lat], tm3[0].wgs84)).toBeLessThan(0.01);
  });
  it("VN-2000 geographic degrees are shifted to WGS 84; an unknown system is one error", () => {
    const geo = reference.points.find((point) => point.crs === "EPSG:4756")!;
    const result = parsePointsCsv(`id,lon,lat\nA,${geo.xy[0]},${geo.xy[1]}\n`, { file: "g.csv", crs: "VN2000" });
    expect(metres([result.items[0].lon, result.items[0].lat], geo.wgs84)).toBeLessThan(0.01);
    const unknown = parsePointsCsv("id,lon,lat\nA,1,2\n", { file: "g.csv", crs: "Hanoi72" });
    expect(unknown.report).toMatchObject({ read: 1, accepted: 0, rejected: 1 });
    expect(unknown.report.issues.map((issue) => issue.code)).toEqual(["crs_unknown"]);
  });
});
