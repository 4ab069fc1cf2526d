import { describe, expect, it } from "vitest";
import { mercatorX, mercatorY } from "./coverage_raster.ts";
import { buildPointRaster, mercatorPositions, nearestVisiblePoint } from "./point_raster.ts";

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

describe("mercatorPositions", () => {
  it("projects the points as the hit test and the coverage tiles do, x and y interleaved", () => {
    const positions = mercatorPositions([
      { lon: 105.5, lat: 21 },
      { lon: 108, lat: 11.5 },
    ]);
    expect(positions).toHaveLength(4);
    expect(positions[0]).toBeCloseTo(mercatorX(105.5), 7);
    expect(positions[1]).toBeCloseTo(mercatorY(21), 7);
    expect(positions[3]).toBeCloseTo(mercatorY(11.5), 7);
  });
});
