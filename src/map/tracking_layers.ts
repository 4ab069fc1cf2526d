/**
 * Style of the listed dead zones on the tracking map: one circle per point, coloured by its status
 * through a data-driven `status` property. Plain data, unit-tested without MapLibre.
 */
import type { ExpressionSpecification, LayerSpecification } from "maplibre-gl";
import type { TrackingStatus } from "../domain/tracking/status.ts";

export const PROGRESS_SOURCE = "listed-points";
export const PROGRESS_LAYER = "listed-points-circle";

/** Status colours, each at least 3:1 against the pale basemap; verified and on air differ in shade and ring. */
export const PROGRESS_STATUS_COLORS: Readonly<Record<TrackingStatus, string>> = {
  not_started: "#b3124d",
  planned: "#c25400",
  under_construction: "#8a6d00",
  on_air: "#1b7a3a",
  verified: "#0b5cab",
  disputed: "#6a1b9a",
  infeasible: "#4a4a4f",
  infeasible_accepted: "#77777c",
};

/**
 * The circle layer of the listed points.
 * @returns the layer spec (source PROGRESS_SOURCE, property `status`, feature-state `selected`)
 */
export function trackingPointLayer(): LayerSpecification {
  const color = ["match", ["get", "status"], ...Object.entries(PROGRESS_STATUS_COLORS).flat(), "#b3124d"] as unknown as ExpressionSpecification;
  return {
    id: PROGRESS_LAYER,
    type: "circle",
    source: PROGRESS_SOURCE,
    paint: {
      "circle-color": color,
      "circle-radius": ["interpolate", ["linear"], ["zoom"], 5, 5, 12, 9],
      "circle-stroke-color": ["case", ["boolean", ["feature-state", "selected"], false], "#ffbf00", "#ffffff"],
      "circle-stroke-width": ["case", ["boolean", ["feature-state", "selected"], false], 3, 1.5],
    },
  };
}
