import { describe, expect, it } from "vitest";
import { analyzeCoverage, countCoveringCarriers } from "../domain/index.ts";
import type { CoverageFeature, Point, PointKind, Technology } from "../domain/types.ts";
import { buildMapPayload, pointsGeojsonText } from "./map_payload.ts";

function point(id: string, kind: PointKind, lon: number): Point {
  return { id, name: `<b>${id}</b> "quoted"`, kind, lon, lat: 21, source: { file: "t.csv", row: 1 }, extra: {} };
}

function square(carrier: string, technology: Technology, lon: number, half: number): CoverageFeature {
  const ring = [
    [lon - half, 21 - half],
    [lon + half, 21 - half],
    [lon + half, 21 + half],
    [lon - half, 21 + half],
    [lon - half, 21 - half],
  ];
  return { carrier, technology, asOf: null, geometry: { type: "Polygon", coordinates: [ring] }, source: { file: "c.geojson", featureIndex: 0 } };
}

// A: Viettel 4G and VNPT 2G (two carriers); B: VNPT 2G only; C: nothing.
const POINTS = [point("A", "school", 105), point("B", "village", 106.25), point("C", "other", 107.5)];
const COVERAGE = [square("Viettel", "4G", 105, 0.1), square("VNPT", "2G", 105, 0.05), square("VNPT", "2G", 106.25, 0.1)];
const decode = (bytes: ArrayBuffer) =>
  JSON.parse(new TextDecoder().decode(bytes)) as {
    type: string;
    features: { id?: number; geometry: { coordinates: unknown }; properties: Record<string, unknown> }[];
  };

describe("pointsGeojsonText", () => {
  it("writes one feature per point, id = index, with kind, status and visibility only (no names)", () => {
    const text = pointsGeojsonText(POINTS, Uint8Array.of(2, 1, 0), Uint8Array.of(1, 0, 1));
    const parsed = JSON.parse(text) as ReturnType<typeof decode>;
    expect(parsed.type).toBe("FeatureCollection");
    expect(parsed.features.map((feature) => feature.id)).toEqual([0, 1, 2]);
    expect(parsed.features[1]).toEqual({
      type: "Feature",
      id: 1,
      geometry: { type: "Point", coordinates: [106.25, 21] },
      properties: { kind: "village", s: 1, v: 0 },
    });
    expect(text).not.toContain("<b>");
  });
});

describe("buildMapPayload", () => {
  const analysis = analyzeCoverage(POINTS, COVERAGE, []);

  it("bakes the status and visibility under the requested filter and legend", () => {
    const { payload } = buildMapPayload({
      version: 7,
      points: POINTS,
      analysis,
      coverageBounds: [],
      importedAdmin: [],
      admin: [],
      view: { filter: { minTechnology: "3G" }, statusOn: [true, false, true] },
    });
    expect([...payload.status]).toEqual([...countCoveringCarriers(analysis, { minTechnology: "3G" })]);
    expect([...payload.status]).toEqual([1, 0, 0]);
    // Status 1 (one carrier) is switched off in the legend.
    expect([...payload.visible]).toEqual([0, 1, 1]);
    expect(decode(payload.points).features.map((feature) => [feature.properties.s, feature.properties.v])).toEqual([
      [1, 0],
      [0, 1],
      [0, 1],
    ]);
  });

  it("hides points outside the kind filter", () => {
    const { payload } = buildMapPayload({
      version: 1,
      points: POINTS,
      analysis,
      coverageBounds: [],
      importedAdmin: [],
      admin: [],
      view: { filter: { kinds: ["village"] }, statusOn: [true, true, true] },
    });
    expect([...payload.visible]).toEqual([0, 1, 0]);
  });

  it("numbers coverage features by analysis layer, frames the points and lists every buffer to transfer", () => {
    const bounds: [number, number, number, number][] = [
      [104.9, 20.9, 105.1, 21.1],
      [104.95, 20.95, 106.35, 21.1],
    ];
    const { payload, transfer } = buildMapPayload({
      version: 3,
      points: POINTS,
      analysis,
      coverageBounds: bounds,
      importedAdmin: [],
      admin: [],
      view: { filter: {}, statusOn: [true, true, true] },
    });
    expect(payload.coverageBounds).toEqual(bounds);
    expect(payload.bounds).toEqual([105, 21, 107.5, 21]);
    expect(payload.version).toBe(3);
    expect(transfer).toEqual(
      expect.arrayContaining([payload.points, payload.adminLabels, payload.importedAdmin, payload.status.buffer, payload.visible.buffer]),
    );
    expect(decode(payload.adminLabels).features).toEqual([]);
  });
});
