import { describe, expect, it } from "vitest";
import { validateStyleMin } from "@maplibre/maplibre-gl-style-spec";
import { PROGRESS_STATUSES } from "../domain/tracking/status.ts";
import { PROGRESS_SOURCE, PROGRESS_STATUS_COLORS, trackingPointLayer } from "./tracking_layers.ts";

describe("trackingPointLayer", () => {
  it("gives every status its own colour", () => {
    expect(Object.keys(PROGRESS_STATUS_COLORS).sort()).toEqual([...PROGRESS_STATUSES].sort());
    expect(new Set(Object.values(PROGRESS_STATUS_COLORS)).size).toBe(PROGRESS_STATUSES.length);
  });

  it("is a valid style layer reading the status property", () => {
    const layer = trackingPointLayer();
    const errors = validateStyleMin({
      version: 8,
      sources: { [PROGRESS_SOURCE]: { type: "geojson", data: { type: "FeatureCollection", features: [] } } },
      layers: [layer],
    });
    expect(errors).toEqual([]);
    expect(JSON.stringify(layer)).toContain('["get","status"]');
  });
});
