/**
 * What the map draws, prepared in the analysis worker as GeoJSON text encoded to UTF-8 bytes, so
 * that the main thread only passes ArrayBuffers along (transferred, never parsed nor copied object
 * by object): MapLibre's own worker parses them (see src/map/map_data.ts). The coverage is not among
 * them: it is drawn as raster tiles the worker rasterises on demand (coverage_raster.ts); the payload
 * only carries each layer's bounds.
 *
 * Each point carries, besides its kind, the status and visibility it has under the filter the app
 * showed when the analysis was asked for (`s` and `v`); the map reads feature state first and falls
 * back to them, so a fresh analysis needs no feature state at all and a filter change sets feature
 * state only on the points whose status or visibility changed.
 */
import type { FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { dotStyle, mercatorPositions } from "./point_raster.ts";
import { countCoveringCarriers, selectPoints, type AdminArea, type CoverageAnalysis, type PointFilter, type ViewFigures } from "../domain/index.ts";
import type { Point } from "../domain/types.ts";
import { computeLabelPoint } from "../domain/spatial/label_point.ts";
import type { AdminLabelProperties, MapPayload, MapViewState } from "./messages.ts";

const encoder = new TextEncoder();

function bytes(text: string): ArrayBuffer {
  return encoder.encode(text).buffer as ArrayBuffer;
}

/**
 * The points' GeoJSON as UTF-8 bytes (MapPayload.points): made with the payload, or on request for dense points.
 * @param points - the analysed points
 * @param status - status code per point
 * @param visible - visibility per point
 * @returns the bytes
 */
export function pointsGeojsonBytes(points: readonly Point[], status: Uint8Array, visible: Uint8Array): ArrayBuffer {
  return bytes(pointsGeojsonText(points, status, visible));
}

/**
 * Status code (0 uncovered, 1 one carrier, 2 two or more) and visibility (0/1) of every point under a view.
 * @param analysis - the analysis
 * @param points - the analysed points
 * @param view - the filter and which statuses the legend shows
 * @returns one status code and one visibility flag per point
 */
export function pointStyleCodes(
  analysis: CoverageAnalysis,
  points: readonly Point[],
  view: MapViewState,
  figures?: Pick<ViewFigures, "shown" | "statuses">,
): { status: Uint8Array; visible: Uint8Array } {
  // A copy of the figures' statuses: the map's array is its own (it is handed to the map's layer).
  const status = figures
    ? figures.statuses.slice()
    : countCoveringCarriers(analysis, { carriers: view.filter.carriers, minTechnology: view.filter.minTechnology });
  const visible = new Uint8Array(points.length);
  const shown = figures ? figures.shown : selectPoints(analysis, points, { ...view.filter, status: "all" });
  for (let k = 0; k < shown.length; k++) visible[shown[k]] = view.statusOn[status[shown[k]]] ? 1 : 0;
  return { status, visible };
}

/**
 * The points as GeoJSON text: feature id = index in the analysed list; properties `kind`, `s`, `v`.
 * @param points - the analysed points
 * @param status - status code per point
 * @param visible - visibility per point
 * @returns the GeoJSON text
 */
export function pointsGeojsonText(points: readonly Point[], status: Uint8Array, visible: Uint8Array): string {
  const parts: string[] = [];
  for (let index = 0; index < points.length; index++) {
    const point = points[index];
    // Coordinates and kinds are numbers and fixed identifiers; JSON.stringify keeps the kind safe all the same.
    parts.push(
      `{"type":"Feature","id":${index},"geometry":{"type":"Point","coordinates":[${point.lon},${point.lat}]},"properties":{"kind":${JSON.stringify(point.kind)},"s":${status[index]},"v":${visible[index]}}}`,
    );
  }
  return `{"type":"FeatureCollection","features":[${parts.join(",")}]}`;
}

/**
 * Everything the map draws for one analysis, as bytes.
 * @param input - the analysis and what it was made from
 * @returns the payload with its transferable buffers
 */
export function buildMapPayload(input: {
  version: number;
  points: readonly Point[];
  analysis: CoverageAnalysis;
  /** [west, south, east, north] of each coverage layer (null when empty), in the analysis's layer order. */
  coverageBounds: ([number, number, number, number] | null)[];
  importedAdmin: readonly AdminArea[];
  admin: readonly AdminArea[];
  view: MapViewState;
  /** The figures of `view.filter`, when the caller has them (the worker does): not computed again. */
  figures?: ViewFigures;
  /** Leave the points' GeoJSON out (null): the caller makes it when asked (pointsGeojsonText, MapPayload.points). */
  deferPoints?: boolean;
}): { payload: MapPayload; transfer: ArrayBuffer[] } {
  const { points, analysis } = input;
  const { status, visible } = pointStyleCodes(analysis, points, input.view, input.figures);
  const importedAdmin: FeatureCollection<Polygon | MultiPolygon, AdminLabelProperties> = {
    type: "FeatureCollection",
    features: input.importedAdmin.map((area) => ({
      type: "Feature",
      geometry: area.geometry,
      properties: { name: area.name, level: area.level, code: area.code },
    })),
  };
  const adminLabels = {
    type: "FeatureCollection",
    features: input.admin.flatMap((area) => {
      const position = computeLabelPoint(area.geometry);
      return position
        ? [{ type: "Feature", geometry: { type: "Point", coordinates: position }, properties: { name: area.name, level: area.level, code: area.code } }]
        : [];
    }),
  };
  let minLon = Infinity,
    minLat = Infinity,
    maxLon = -Infinity,
    maxLat = -Infinity;
  for (const point of points) {
    if (point.lon < minLon) minLon = point.lon;
    if (point.lat < minLat) minLat = point.lat;
    if (point.lon > maxLon) maxLon = point.lon;
    if (point.lat > maxLat) maxLat = point.lat;
  }
  const payload: MapPayload = {
    version: input.version,
    points: input.deferPoints ? null : pointsGeojsonBytes(points, status, visible),
    coverageBounds: input.coverageBounds,
    importedAdmin: bytes(JSON.stringify(importedAdmin)),
    adminLabels: bytes(JSON.stringify(adminLabels)),
    status,
    visible,
    positions: mercatorPositions(points),
    dots: dotStyle(status, visible, null),
    bounds: points.length > 0 ? [minLon, minLat, maxLon, maxLat] : null,
  };
  return {
    payload,
    transfer: [
      ...(payload.points ? [payload.points] : []),
      payload.importedAdmin,
      payload.adminLabels,
      status.buffer as ArrayBuffer,
      visible.buffer as ArrayBuffer,
      payload.positions.buffer as ArrayBuffer,
      payload.dots.codes.buffer as ArrayBuffer,
      payload.dots.dots.buffer as ArrayBuffer,
    ],
  };
}

export type { PointFilter };
