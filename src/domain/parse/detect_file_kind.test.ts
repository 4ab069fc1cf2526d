import { describe, expect, it } from "vitest";
import { rectangleRing } from "../../testing/features.ts";
import { detectFileKind, inspectGeoFile } from "./detect_file_kind.ts";

const square = [rectangleRing(104, 22, 104.1, 22.1)];

function featureCollection(geometryType: "Point" | "Polygon", properties: Record<string, unknown>): string {
  const geometry = geometryType === "Point" ? { type: "Point", coordinates: [104, 22] } : { type: "Polygon", coordinates: square };
  return JSON.stringify({ type: "FeatureCollection", features: [{ type: "Feature", properties, geometry }] });
}

describe("detectFileKind", () => {
  it("recognises a CSV point list by its coordinate columns", () => {
    expect(detectFileKind("mã;vĩ độ;kinh độ\nA;21,5;105,8\n", "a.csv")).toBe("points");
  });

  it("recognises carriers' updates by point_id and status", () => {
    expect(detectFileKind("point_id,carrier,status,date\nA,Viettel,on_air,2026-01-01\n", "u.csv")).toBe("updates");
  });

  it("recognises a registry by carrier and deadline (or hạn hoàn thành)", () => {
    expect(detectFileKind("id,carrier,deadline,lat,lon\n", "r.csv")).toBe("registry");
    expect(detectFileKind("mã;nhà mạng;hạn hoàn thành\n", "r.csv")).toBe("registry");
  });

  it("recognises GeoJSON points, coverage and admin areas", () => {
    expect(detectFileKind(featureCollection("Point", { id: "A" }), "p.geojson")).toBe("points");
    expect(detectFileKind(featureCollection("Polygon", { carrier: "Viettel", technology: "4G" }), "c.geojson")).toBe("coverage");
    expect(detectFileKind(featureCollection("Polygon", { code: "10", name: "Lào Cai" }), "a.json")).toBe("admin");
  });

  it("recognises a backup by its format field, also as bytes", () => {
    expect(detectFileKind(new TextEncoder().encode('{"format":"lom-song-backup","version":1}'), "b.json")).toBe("backup");
  });

  it("returns unknown for empty, broken or unrelated content", () => {
    expect(detectFileKind("", "a.csv")).toBe("unknown");
    expect(detectFileKind("{broken", "a.geojson")).toBe("unknown");
    expect(detectFileKind("a,b\n1,2\n", "a.csv")).toBe("unknown");
    expect(detectFileKind(featureCollection("Polygon", {}), "a.geojson")).toBe("unknown");
  });
});

describe("detectFileKind on a large CSV", () => {
  it("decides from the header of a file larger than the part it reads", () => {
    const text = `id;carrier;deadline\n${"A;Viettel;2026-12-31\n".repeat(10_000)}`;
    expect(text.length).toBeGreaterThan(65_536);
    expect(detectFileKind(text, "big.csv")).toBe("registry");
  });
});

describe("inspectGeoFile", () => {
  it("gives detectFileKind's kind and the feature count from one reading", () => {
    const coverage = JSON.stringify({
      type: "FeatureCollection",
      features: [1, 2, 3].map(() => ({
        type: "Feature",
        properties: { carrier: "Viettel", technology: "4G" },
        geometry: { type: "Polygon", coordinates: square },
      })),
    });
    expect(inspectGeoFile(coverage, "c.geojson")).toEqual({ kind: detectFileKind(coverage, "c.geojson"), featureCount: 3 });
    expect(inspectGeoFile(coverage, "c.geojson").kind).toBe("coverage");
    const kml = `<kml><Placemark><name>A</name><Point><coordinates>104,22</coordinates></Point></Placemark></kml>`;
    expect(inspectGeoFile(kml, "a.kml")).toEqual({ kind: "points", featureCount: 1 });
    expect(inspectGeoFile("{not json", "x.geojson")).toMatchObject({ kind: "unknown", featureCount: null });
    // Not "unknown kind" alone: what is wrong with the file.
    expect(inspectGeoFile('{"type":"FeatureCollection","features":[{"type":"Fea', "cut.geojson").problem?.en).toContain("cut off");
  });
});
