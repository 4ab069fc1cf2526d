import { describe, expect, it } from "vitest";
import { buildPointRaster, nearestVisiblePoint } from "./point_raster.ts";

describe("nearestVisiblePoint", () => {
  // A and B at the same place (B hidden), C hidden by the filter, D visible.
  const lons = [105.5, 105.5, 105.8, 105.2];
  const lats = [21.5, 21.5, 21.3, 21.7];
  const raster = buildPointRaster(lons, lats);
  const visible = Uint8Array.of(1, 0, 0, 1);

  it("finds the visible point under the cursor, within the distance, never a hidden one", () => {
    expect(nearestVisiblePoint(raster, visible, 105.2005, 21.7, 7, 6)).toBe(3);
    expect(nearestVisiblePoint(raster, visible, 105.5, 21.5, 7, 6)).toBe(0);
    expect(nearestVisiblePoint(raster, Uint8Array.of(0, 1, 0, 1), 105.5, 21.5, 7, 6)).toBe(1);
    expect(nearestVisiblePoint(raster, visible, 105.8, 21.3, 7, 6)).toBe(-1);
    expect(nearestVisiblePoint(raster, visible, 106.5, 22, 7, 6)).toBe(-1);
  });

  it("finds nothing in an empty set", () => {
    expect(nearestVisiblePoint(buildPointRaster([], []), new Uint8Array(0), 105, 21, 7, 6)).toBe(-1);
  });
});
