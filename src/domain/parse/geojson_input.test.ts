import { describe, expect, it } from "vitest";
import { parseAdminGeojson } from "./parse_admin_geojson.ts";
import { parsePointsGeojson } from "./parse_points_geojson.ts";
import { findProperty, propertyText, readGeojsonInput } from "./geojson_input.ts";
import { createRandom } from "../../testing/seeded_random.ts";

describe("readGeojsonInput", () => {
  it("reads a FeatureCollection, a Feature, a bare geometry and an array of features", () => {
    const point = { type: "Point", coordinates: [104, 22] };
    expect(readGeojsonInput({ type: "FeatureCollection", features: [{ type: "Feature", properties: { a: 1 }, geometry: point }] }, "f").features).toEqual([
      { geometry: point, properties: { a: 1 } },
    ]);
    expect(readGeojsonInput({ type: "Feature", id: 3, properties: null, geometry: point }, "f").features).toEqual([{ id: 3, geometry: point, properties: {} }]);
    expect(readGeojsonInput(point, "f").features).toEqual([{ geometry: point, properties: {} }]);
    expect(readGeojsonInput([{ type: "Feature", properties: {}, geometry: point }], "f").features).toHaveLength(1);
  });

  it("reads an ArrayBuffer and normalises the text to NFC before parsing", () => {
    const text = JSON.stringify({ type: "Feature", properties: { "ghi chú": "Lào Cai" }, geometry: null }).normalize("NFD");
    const buffer = new TextEncoder().encode(text).buffer;
    expect(readGeojsonInput(buffer, "f").features[0].properties).toEqual({ "ghi chú": "Lào Cai" });
  });

  it("turns JSON that is not GeoJSON into one file-level error", () => {
    for (const text of ["42", "null", '"x"', '{"type":"Topology"}']) {
      const { features, issues } = readGeojsonInput(text, "f");
      expect(features).toEqual([]);
      expect(issues.map((issue) => issue.code)).toEqual(["geojson_invalid"]);
    }
  });
});

describe("findProperty", () => {
  it("matches names without accents or case and skips blank values unless asked", () => {
    const properties = { "Công nghệ": "4G", carrier: "", Carrier: "VNPT" };
    expect(findProperty(properties, ["cong nghe"])).toBe("Công nghệ");
    expect(findProperty(properties, ["carrier"])).toBe("Carrier");
    expect(findProperty(properties, ["carrier"], true)).toBe("carrier");
  });
});

describe("propertyText", () => {
  it("writes numbers, booleans and objects as text and null as empty", () => {
    expect([propertyText(12.5), propertyText(true), propertyText({ a: 1 }), propertyText(null)]).toEqual(["12.5", "true", '{"a":1}', ""]);
  });
});

describe("GeoJSON importers on garbage", () => {
  it("never throw and always balance read = accepted + rejected", () => {
    const random = createRandom(2024);
    const junk = [
      null,
      0,
      "x",
      [],
      {},
      [104, 22],
      [22, 104],
      [[104, 22]],
      { type: "Point" },
      { type: "Point", coordinates: [104.5, 21.5] },
      {
        type: "Polygon",
        coordinates: [
          [
            [104, 22],
            [105, 22],
            [105, 23],
            [104, 22],
          ],
        ],
      },
    ];
    const pick = (): unknown => junk[Math.floor(random() * junk.length)];
    for (let trial = 0; trial < 100; trial++) {
      const features = Array.from({ length: Math.floor(random() * 6) }, () =>
        random() < 0.2
          ? pick()
          : {
              type: "Feature",
              id: pick(),
              properties: random() < 0.2 ? pick() : { id: pick(), name: pick(), code: pick(), kind: pick(), weight: pick() },
              geometry: pick(),
            },
      );
      const input = { type: "FeatureCollection", features };
      for (const result of [parsePointsGeojson(input, { file: "p" }), parseAdminGeojson(input, { file: "a" })]) {
        expect(result.report.read).toBe(features.length);
        expect(result.report.read).toBe(result.report.accepted + result.report.rejected);
        expect(result.items).toHaveLength(result.report.accepted);
      }
    }
  });
});
