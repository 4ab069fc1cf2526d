import { readFileSync } from "node:fs";
import booleanPointInPolygon from "@turf/boolean-point-in-polygon";
import { describe, expect, it } from "vitest";
import { parsePointsGeojson } from "../../src/domain/parse/parse_points_geojson.ts";
import { poleOfInaccessibility } from "../../src/domain/formats/osm.ts";

const overpass = readFileSync(new URL("../fixtures/formats/osm_overpass.geojson", import.meta.url), "utf8");

describe("OpenStreetMap exports as point lists", () => {
  it("turns areas into points inside them and reads kind, id and name from the tags", () => {
    const result = parsePointsGeojson(overpass, { file: "osm.geojson" });
    expect(result.report).toMatchObject({ read: 5, accepted: 5, rejected: 0 });
    expect(result.report.detected).toMatchObject({ format: "osm", areasToPoints: 2 });
    expect(result.report.issues.map((issue) => issue.code)).toEqual(["osm_areas_to_points"]);
    expect(result.items.map((point) => [point.id, point.kind, point.name])).toEqual([
      ["node/1001", "school", "Trường Tiểu học Bản Xèo"],
      ["way/2002", "school", "Trường THCS Nậm Cang"],
      ["relation/3003", "village", "Thôn Sàng Ma Sáo"],
      ["node/4004", "village", "Bản Lầu"],
      ["node/5005", "school", "Trường Mầm non Ý Tý"],
    ]);
    const source = JSON.parse(overpass);
    // The U-shaped school grounds: the point is inside, though the centroid of the outline is in the notch.
    const u = source.features[1].geometry;
    expect(booleanPointInPolygon([result.items[1].lon, result.items[1].lat], u)).toBe(true);
    // The village: inside the larger part, not in its hole.
    const village = source.features[2].geometry;
    expect(booleanPointInPolygon([result.items[2].lon, result.items[2].lat], { type: "Polygon", coordinates: village.coordinates[0] })).toBe(true);
  });
  it("the centroid of the U falls outside it (why the pole of inaccessibility is used)", () => {
    const u = JSON.parse(overpass).features[1].geometry;
    const ring: number[][] = u.coordinates[0].slice(0, -1);
    const centroid = [ring.reduce((sum, p) => sum + p[0], 0) / ring.length, ring.reduce((sum, p) => sum + p[1], 0) / ring.length];
    expect(booleanPointInPolygon(centroid, u)).toBe(false);
    const pole = poleOfInaccessibility(u.coordinates);
    expect(booleanPointInPolygon(pole, u)).toBe(true);
  });
  it("a polygon in a list that is not from OSM is still refused as not a point", () => {
    const plain = { type: "FeatureCollection", features: [{ type: "Feature", properties: { id: "A" }, geometry: JSON.parse(overpass).features[1].geometry }] };
    const result = parsePointsGeojson(plain, { file: "plain.geojson" });
    expect(result.report.issues.map((issue) => issue.code)).toEqual(["geometry_not_point"]);
  });
});
