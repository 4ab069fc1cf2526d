import { describe, expect, it } from "vitest";
import { COVERAGE_TILE_SIZE, mercatorX, mercatorY } from "./coverage_raster.ts";
import { CODE_RGB, buildPointRaster, nearestVisiblePoint, renderPointTile } from "./point_raster.ts";
import { BEST_CODE_OFFSET, STATUS_COLORS } from "../map/layers.ts";
import { BEST_TECHNOLOGY_COLORS } from "../map/coverage_colors.ts";
import { parseHex } from "../map/colour_math.ts";

const Z = 7;
const tileOf = (lon: number, lat: number): [number, number] => [Math.floor(mercatorX(lon) * 2 ** Z), Math.floor(mercatorY(lat) * 2 ** Z)];
/** The pixel of a tile holding a position. */
function pixelOf(lon: number, lat: number, tx: number, ty: number): number {
  const scale = 2 ** Z * COVERAGE_TILE_SIZE;
  return Math.floor(mercatorY(lat) * scale - ty * COVERAGE_TILE_SIZE) * COVERAGE_TILE_SIZE + Math.floor(mercatorX(lon) * scale - tx * COVERAGE_TILE_SIZE);
}
const rgbaAt = (rgba: Uint8ClampedArray, p: number) => [...rgba.slice(p * 4, p * 4 + 4)];

describe("renderPointTile", () => {
  // A and B at the same place (A covered, B uncovered), C hidden by the filter, D listed and one carrier.
  const lons = [105.5, 105.5, 105.8, 105.2];
  const lats = [21.5, 21.5, 21.3, 21.7];
  const raster = buildPointRaster(lons, lats);
  const style = { status: Uint8Array.of(2, 0, 0, 1), visible: Uint8Array.of(1, 1, 0, 1), listed: Uint8Array.of(0, 0, 0, 1) };
  const [tx, ty] = tileOf(105.5, 21.5);

  it("draws visible points in their status colour, uncovered on top, hidden ones not at all", () => {
    const rgba = renderPointTile(raster, style, Z, tx, ty)!;
    expect(rgbaAt(rgba, pixelOf(105.5, 21.5, tx, ty))).toEqual([0xb3, 0x12, 0x4d, 255]);
    expect(rgbaAt(rgba, pixelOf(105.2, 21.7, tx, ty))).toEqual([0xc2, 0x54, 0x00, 255]);
    expect(rgbaAt(rgba, pixelOf(105.8, 21.3, tx, ty))[3]).toBe(0);
    // Covered on top when the uncovered point is hidden.
    const covered = renderPointTile(raster, { ...style, visible: Uint8Array.of(1, 0, 0, 1) }, Z, tx, ty)!;
    expect(rgbaAt(covered, pixelOf(105.5, 21.5, tx, ty))).toEqual([0x1b, 0x7a, 0x3a, 255]);
  });

  it("rings a listed point in a dark colour and leaves a tile without visible points empty", () => {
    const rgba = renderPointTile(raster, style, Z, tx, ty)!;
    const centre = pixelOf(105.2, 21.7, tx, ty);
    const ring = [-6, -5, 5, 6].map((dx) => rgbaAt(rgba, centre + dx));
    expect(ring.some(([r, g, b, a]) => r === 0x11 && g === 0x11 && b === 0x11 && a > 128)).toBe(true);
    expect(renderPointTile(raster, style, Z, tx + 3, ty)).toBeNull();
    expect(renderPointTile(raster, { ...style, visible: new Uint8Array(4) }, Z, tx, ty)).toBeNull();
  });

  it("uses the map's colours: the statuses, then the best-technology view's, with no technology on top", () => {
    const expected = [STATUS_COLORS.uncovered, STATUS_COLORS.single_carrier, STATUS_COLORS.covered];
    expected.forEach((hex, code) => expect(CODE_RGB[code]).toEqual(parseHex(hex)));
    BEST_TECHNOLOGY_COLORS.forEach((hex, code) => expect(CODE_RGB[BEST_CODE_OFFSET + code]).toEqual(parseHex(hex)));
    // A and B at one place: B with no technology is drawn over A's 5G; D (3G) in its own colour.
    const best = { ...style, status: Uint8Array.of(BEST_CODE_OFFSET + 4, BEST_CODE_OFFSET, 0, BEST_CODE_OFFSET + 2) };
    const rgba = renderPointTile(raster, best, Z, tx, ty)!;
    expect(rgbaAt(rgba, pixelOf(105.5, 21.5, tx, ty))).toEqual([...parseHex(BEST_TECHNOLOGY_COLORS[0]), 255]);
    expect(rgbaAt(rgba, pixelOf(105.2, 21.7, tx, ty))).toEqual([...parseHex(BEST_TECHNOLOGY_COLORS[2]), 255]);
    const without = renderPointTile(raster, { ...best, visible: Uint8Array.of(1, 0, 0, 1) }, Z, tx, ty)!;
    expect(rgbaAt(without, pixelOf(105.5, 21.5, tx, ty))).toEqual([...parseHex(BEST_TECHNOLOGY_COLORS[4]), 255]);
  });

  it("finds the visible point under the cursor", () => {
    expect(nearestVisiblePoint(raster, style.visible, 105.2005, 21.7, Z, 6)).toBe(3);
    expect(nearestVisiblePoint(raster, style.visible, 105.8, 21.3, Z, 6)).toBe(-1);
    expect(nearestVisiblePoint(raster, style.visible, 106.5, 22, Z, 6)).toBe(-1);
  });
});
