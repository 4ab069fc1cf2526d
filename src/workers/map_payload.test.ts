import { describe, expect, it } from "vitest";
import { analyzeCoverage, countCoveringCarriers, viewFigures } from "../domain/index.ts";
import type { PointKind, Technology } from "../domain/types.ts";
import { coverageFeature, makePoint, rectangle } from "../testing/features.ts";
import { buildMapPayload, pointsGeojsonBytes, pointsGeojsonText } from "./map_payload.ts";
import { dotStyle, mercatorPositions } from "./point_raster.ts";

const point = (id: string, kind: PointKind, lon: number) => makePoint(id, lon, 21, { kind, name: `<b>${id}</b> "quoted"` });
/** A square of coverage centred on (lon, 21), `half` degrees each way. */
const square = (carrier: string, technology: Technology, lon: number, half: number) =>
  coverageFeature(carrier, technology, rectangle(lon - half, 21 - half, lon + half, 21 + half));

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
  /** The payload of POINTS and COVERAGE with no admin areas, under `view`. */
  const build = (version: number, view: Parameters<typeof buildMapPayload>[0]["view"], coverageBounds: [number, number, number, number][] = []) =>
    buildMapPayload({ version, points: POINTS, analysis, coverageBounds, importedAdmin: [], admin: [], view });

  it("bakes the status and visibility under the requested filter and legend", () => {
    const { payload } = build(7, { filter: { minTechnology: "3G" }, statusOn: [true, false, true] });
    expect([...payload.status]).toEqual([...countCoveringCarriers(analysis, { minTechnology: "3G" })]);
    expect([...payload.status]).toEqual([1, 0, 0]);
    // Status 1 (one carrier) is switched off in the legend.
    expect([...payload.visible]).toEqual([0, 1, 1]);
    expect(decode(payload.points!).features.map((feature) => [feature.properties.s, feature.properties.v])).toEqual([
      [1, 0],
      [0, 1],
      [0, 1],
    ]);
  });

  it("projects the points and sorts their dots for the baked view, and takes the figures it is given as they are", () => {
    const view = { filter: { minTechnology: "3G" as const }, statusOn: [true, false, true] as [boolean, boolean, boolean] };
    const { payload } = build(2, view);
    expect([...payload.positions]).toEqual([...mercatorPositions(POINTS)]);
    const sorted = dotStyle(payload.status, payload.visible, null);
    expect([...payload.dots.dots]).toEqual([...sorted.dots]);
    expect([...payload.dots.codes]).toEqual([...sorted.codes]);
    // Given the figures of the view's filter: the same status and visibility, the status a copy of its own.
    const figures = viewFigures(analysis, POINTS, view.filter);
    const given = buildMapPayload({ version: 2, points: POINTS, analysis, coverageBounds: [], importedAdmin: [], admin: [], view, figures }).payload;
    expect([...given.status]).toEqual([...payload.status]);
    expect([...given.visible]).toEqual([...payload.visible]);
    expect(given.status).not.toBe(figures.statuses);
  });

  it("leaves the points' GeoJSON out when asked to, and makes the same bytes on request", () => {
    const view = { filter: { minTechnology: "3G" as const }, statusOn: [true, false, true] as [boolean, boolean, boolean] };
    const eager = build(4, view).payload;
    const deferred = buildMapPayload({ version: 4, points: POINTS, analysis, coverageBounds: [], importedAdmin: [], admin: [], view, deferPoints: true });
    expect(deferred.payload.points).toBeNull();
    expect(deferred.transfer).not.toContain(null);
    expect(new Uint8Array(pointsGeojsonBytes(POINTS, deferred.payload.status, deferred.payload.visible))).toEqual(new Uint8Array(eager.points!));
  });

  it("hides points outside the kind filter", () => {
    const { payload } = build(1, { filter: { kinds: ["village"] }, statusOn: [true, true, true] });
    expect([...payload.visible]).toEqual([0, 1, 0]);
  });

  it("numbers coverage features by analysis layer, frames the points and lists every buffer to transfer", () => {
    const bounds: [number, number, number, number][] = [
      [104.9, 20.9, 105.1, 21.1],
      [104.95, 20.95, 106.35, 21.1],
    ];
    const { payload, transfer } = build(3, { filter: {}, statusOn: [true, true, true] }, bounds);
    expect(payload.coverageBounds).toEqual(bounds);
    expect(payload.bounds).toEqual([105, 21, 107.5, 21]);
    expect(payload.version).toBe(3);
    expect(transfer).toEqual(
      expect.arrayContaining([payload.points, payload.adminLabels, payload.importedAdmin, payload.status.buffer, payload.visible.buffer]),
    );
    expect(decode(payload.adminLabels).features).toEqual([]);
  });
});
