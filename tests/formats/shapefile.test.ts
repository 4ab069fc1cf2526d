import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseAdminGeojson } from "../../src/domain/parse/parse_admin_geojson.ts";
import { parseCoverageGeojson } from "../../src/domain/parse/parse_coverage_geojson.ts";
import { parsePointsGeojson } from "../../src/domain/parse/parse_points_geojson.ts";
import { isShapefileZip, readShapefileZip } from "../../src/domain/formats/shapefile.ts";

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../fixtures/formats/${name}`, import.meta.url)));
const json = (name: string) => JSON.parse(new TextDecoder().decode(fixture(name)));

function metres(a: readonly number[], b: readonly number[]): number {
  const lat = ((a[1] + b[1]) / 2) * (Math.PI / 180);
  return Math.hypot((a[0] - b[0]) * 111_320 * Math.cos(lat), (a[1] - b[1]) * 110_574);
}

function positions(geometry: unknown): number[][] {
  const out: number[][] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value) && typeof value[0] === "number") out.push(value as number[]);
    else if (Array.isArray(value)) value.forEach(walk);
  };
  walk((geometry as { coordinates: unknown }).coordinates);
  return out;
}

describe("zipped shapefiles in VN-2000 / TM-3 (fixtures made with ogr2ogr: tests/fixtures/formats/make_shapefiles.sh)", () => {
  it("reads the points with their .prj, within 1 m of GDAL's own reading in WGS 84", () => {
    const bytes = fixture("diem_truong_tm3.zip");
    expect(isShapefileZip(bytes)).toBe(true);
    const result = parsePointsGeojson(bytes, { file: "diem_truong_tm3.zip" });
    expect(result.report).toMatchObject({ read: 3, accepted: 3, rejected: 0 });
    expect(result.report.detected).toMatchObject({ format: "shapefile", crs: { id: "VN2000-TM3-104.75" }, encoding: "utf-8" });
    const gdal = json("diem_truong_tm3.gdal_wgs84.geojson");
    expect(result.items.map((point) => [point.id, point.name, point.kind])).toEqual([
      ["LC-01", "Trường Tiểu học Bản Xèo", "school"],
      ["LC-02", "Thôn Nậm Cang", "village"],
      ["LC-03", "Điểm trường Sàng Ma Sáo", "school_site"],
    ]);
    result.items.forEach((point, index) => {
      expect(metres([point.lon, point.lat], gdal.features[index].geometry.coordinates)).toBeLessThan(0.01);
    });
  });
  it("reads the coverage polygons (a hole, a multipolygon) in the RFC 7946 orientation, within 1 m of GDAL", () => {
    const result = parseCoverageGeojson(fixture("vung_phu_tm3.zip"), { file: "vung_phu_tm3.zip" });
    expect(result.report).toMatchObject({ read: 2, accepted: 2, rejected: 0, warnings: 0 });
    expect(result.items.map((feature) => [feature.carrier, feature.technology, feature.geometry.type])).toEqual([
      ["Viettel", "4G", "Polygon"],
      ["VNPT", "3G", "MultiPolygon"],
    ]);
    expect((result.items[0].geometry.coordinates as number[][][]).length).toBe(2);
    const gdal = json("vung_phu_tm3.gdal_wgs84.geojson");
    result.items.forEach((feature, index) => {
      const ours = positions(feature.geometry);
      const theirs = positions(gdal.features[index].geometry);
      expect(ours.length).toBe(theirs.length);
      // GDAL keeps the shapefile's clockwise outer rings; ours are counter-clockwise: compare as sets of positions.
      for (const position of ours) expect(Math.min(...theirs.map((other) => metres(position, other)))).toBeLessThan(0.01);
    });
  });
  it("also reads admin areas from a shapefile", () => {
    const result = parseAdminGeojson(fixture("vung_phu_tm3.zip"), { file: "vung_phu_tm3.zip" });
    // The coverage layer has no name or code: each feature is refused with the admin reason, read = accepted + rejected.
    expect(result.report.read).toBe(2);
    expect(result.report.accepted + result.report.rejected).toBe(2);
  });
  it("without a .prj, projected metres ask for the system; with --crs they are read", () => {
    const bytes = fixture("diem_truong_no_prj.zip");
    const refused = parsePointsGeojson(bytes, { file: "x.zip" });
    expect(refused.report.read).toBe(0);
    expect(refused.report.issues[0]).toMatchObject({ code: "shapefile_crs_needed", severity: "error" });
    expect(refused.report.issues[0].message.en).toContain("--crs");
    const chosen = parsePointsGeojson(bytes, { file: "x.zip", crs: "VN2000-TM3-Lào Cai" });
    expect(chosen.report.accepted).toBe(3);
    expect(metres([chosen.items[0].lon, chosen.items[0].lat], [103.9712, 22.4856])).toBeLessThan(0.01);
    const wrong = readShapefileZip(bytes);
    expect(wrong.ok).toBe(false);
  });
  it("an unknown --crs is one file-level error", () => {
    const result = parsePointsGeojson(fixture("diem_truong_tm3.zip"), { file: "x.zip", crs: "EPSG:9999" });
    expect(result.report.issues.map((issue) => issue.code)).toEqual(["crs_unknown"]);
  });
});

describe("GeoJSON in a projected system", () => {
  it("is transformed when the user names the system, or when its crs member names a known EPSG code", () => {
    const gdalPoint = { type: "Feature", properties: { id: "A" }, geometry: { type: "Point", coordinates: [419666.833525, 2487639.246741] } };
    const named = parsePointsGeojson(JSON.stringify({ type: "FeatureCollection", features: [gdalPoint] }), { file: "a.geojson", crs: "EPSG:9208" });
    expect(metres([named.items[0].lon, named.items[0].lat], [103.9712, 22.4856])).toBeLessThan(0.01);
    const declared = parsePointsGeojson(
      JSON.stringify({ type: "FeatureCollection", crs: { type: "name", properties: { name: "urn:ogc:def:crs:EPSG::9208" } }, features: [gdalPoint] }),
      { file: "a.geojson" },
    );
    expect(declared.report.detected?.crs?.id).toBe("VN2000-TM3-104.75");
    expect(declared.report.accepted).toBe(1);
  });
});
