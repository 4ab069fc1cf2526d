import { describe, expect, it } from "vitest";
import { parsePointsGeojson } from "./parse_points_geojson.ts";

const file = "points.geojson";

function collection(...features: { properties?: Record<string, unknown>; coordinates?: unknown; geometry?: unknown; id?: unknown }[]): object {
  return {
    type: "FeatureCollection",
    features: features.map((feature) => ({
      type: "Feature",
      ...(feature.id !== undefined ? { id: feature.id } : {}),
      properties: feature.properties ?? {},
      geometry: feature.geometry !== undefined ? feature.geometry : { type: "Point", coordinates: feature.coordinates ?? [104, 22] },
    })),
  };
}

describe("parsePointsGeojson", () => {
  it("reads Point features with Vietnamese properties and keeps the others in extra", () => {
    const result = parsePointsGeojson(
      collection({
        properties: { mã: "LC-1", tên: "Trường Bản Xèo", loại: "trường", "số học sinh": 312, tỉnh: "Lào Cai", ghi_chú: "xa", cao: 1200 },
        coordinates: [103.9712, 22.4856],
      }),
      { file },
    );
    expect(result.items).toEqual([
      {
        id: "LC-1",
        name: "Trường Bản Xèo",
        kind: "school",
        lon: 103.9712,
        lat: 22.4856,
        weight: 312,
        provinceName: "Lào Cai",
        source: { file, row: 0 },
        extra: { ghi_chú: "xa", cao: "1200" },
      },
    ]);
    expect(result.report).toMatchObject({ read: 1, accepted: 1, rejected: 0, warnings: 0 });
  });

  it("corrects swapped coordinates with a warning and rejects points outside Vietnam", () => {
    const result = parsePointsGeojson(
      collection({ properties: { id: "A" }, coordinates: [22, 104] }, { properties: { id: "B" }, coordinates: [2.35, 48.85] }),
      { file },
    );
    expect(result.items.map((point) => [point.id, point.lon, point.lat])).toEqual([["A", 104, 22]]);
    expect(result.report.issues.map((issue) => [issue.code, issue.severity, issue.featureIndex])).toEqual([
      ["lat_lon_swapped", "warning", 0],
      ["coordinates_out_of_area", "error", 1],
    ]);
  });

  it("uses the feature id, or generates one with a warning", () => {
    const result = parsePointsGeojson(collection({ id: 7, coordinates: [104, 22] }, { coordinates: [104.1, 22] }), { file });
    expect(result.items.map((point) => point.id)).toEqual(["7", "points-1"]);
    expect(result.report.issues.map((issue) => [issue.code, issue.featureIndex])).toEqual([["id_generated", 1]]);
  });

  it("warns on repeated ids and identical coordinates, naming the first feature", () => {
    const result = parsePointsGeojson(collection({ properties: { id: "A" } }, { properties: { id: "A" } }), { file });
    expect(result.report.issues.map((issue) => [issue.code, issue.featureIndex])).toEqual([
      ["duplicate_id", 1],
      ["duplicate_coordinates", 1],
    ]);
    expect(result.report.issues[0].message.en).toContain("feature 0");
  });

  it("rejects non-point and missing geometries and projected metres", () => {
    const result = parsePointsGeojson(
      collection(
        {
          geometry: {
            type: "LineString",
            coordinates: [
              [104, 22],
              [105, 22],
            ],
          },
        },
        { geometry: null },
        { coordinates: [583000, 2380000] },
        { coordinates: ["104", 22] },
      ),
      { file },
    );
    expect(result.report.issues.map((issue) => issue.code)).toEqual(["geometry_not_point", "geometry_missing", "coordinates_projected", "coordinates_invalid"]);
    expect(result.report).toMatchObject({ read: 4, accepted: 0, rejected: 4 });
  });

  it("returns one error and read 0 for invalid JSON", () => {
    const result = parsePointsGeojson("nope", { file });
    expect(result.report).toMatchObject({ read: 0, accepted: 0, rejected: 0 });
    expect(result.report.issues.map((issue) => issue.code)).toEqual(["json_invalid"]);
  });
});
