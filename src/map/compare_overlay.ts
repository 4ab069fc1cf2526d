/**
 * The points a new coverage release changed, on the main map: green where carriers were gained (a gap closed or a
 * second carrier arrived), red where carriers were lost, green ringed in red where one carrier replaced another.
 * Larger than the points' own dots and ringed in black, so a gained point reads apart from the green "covered" dots.
 * Layer specs are plain data (tested in Node); useCompareOverlay adds them once and replaces the data.
 */
import { useEffect } from "react";
import type { FeatureCollection, Point as PointGeometry } from "geojson";
import type { GeoJSONSource, LayerSpecification, Map as MapLibreMap } from "maplibre-gl";

export const COMPARE_SOURCE = "compare-changes";
export const COMPARE_LAYER = "compare-changes-circle";

/** The three kinds of change, and their colours (fill, outline). */
export const CHANGE_COLORS = {
  gained: { fill: "#1a9641", stroke: "#111111" },
  lost: { fill: "#d7191c", stroke: "#111111" },
  both: { fill: "#1a9641", stroke: "#d7191c" },
} as const;

export type ChangeKind = keyof typeof CHANGE_COLORS;

/** A changed point to draw. */
export interface ChangeOverlayPoint {
  index: number;
  lon: number;
  lat: number;
  gained: number;
  lost: number;
}

/**
 * The kind of a change.
 * @param point - carriers gained and lost
 * @returns gained, lost or both
 */
export function changeKind(point: { gained: number; lost: number }): ChangeKind {
  return point.gained > 0 && point.lost > 0 ? "both" : point.gained > 0 ? "gained" : "lost";
}

/**
 * The overlay's collection.
 * @param points - the changed points
 * @returns one feature per point, with its kind
 */
export function compareOverlayData(points: readonly ChangeOverlayPoint[]): FeatureCollection<PointGeometry, { index: number; change: ChangeKind }> {
  return {
    type: "FeatureCollection",
    features: points.map((point) => ({
      type: "Feature",
      id: point.index,
      properties: { index: point.index, change: changeKind(point) },
      geometry: { type: "Point", coordinates: [point.lon, point.lat] },
    })),
  };
}

const byKind = (part: "fill" | "stroke") => [
  "match",
  ["get", "change"],
  "gained",
  CHANGE_COLORS.gained[part],
  "lost",
  CHANGE_COLORS.lost[part],
  CHANGE_COLORS.both[part],
];

/**
 * The overlay's layer: a circle per changed point, larger than the points' own dots, so it reads above them.
 * @returns the layer spec
 */
export function compareOverlayLayer(): LayerSpecification {
  return {
    id: COMPARE_LAYER,
    type: "circle",
    source: COMPARE_SOURCE,
    paint: {
      "circle-radius": ["interpolate", ["linear"], ["zoom"], 5, 6, 10, 9, 14, 12],
      "circle-color": byKind("fill") as never,
      "circle-stroke-color": byKind("stroke") as never,
      "circle-stroke-width": 2.5,
    },
  };
}

/**
 * Keeps the overlay on a map in step with the changed points (none: an empty source, the layer stays).
 * @param map - the map, when created
 * @param loaded - whether its style has loaded
 * @param points - the changed points to draw
 */
export function useCompareOverlay(map: MapLibreMap | null, loaded: boolean, points: readonly ChangeOverlayPoint[]): void {
  useEffect(() => {
    if (!map || !loaded) return;
    const data = compareOverlayData(points);
    const source = map.getSource(COMPARE_SOURCE) as GeoJSONSource | undefined;
    if (source) source.setData(data);
    else {
      map.addSource(COMPARE_SOURCE, { type: "geojson", data });
      map.addLayer(compareOverlayLayer());
    }
    map.getContainer().dataset.changes = String(points.length);
  }, [map, loaded, points]);
}
