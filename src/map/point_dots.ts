/**
 * Dense point data drawn as dots below DOTS_BELOW_ZOOM (layers.ts): what the GPU layer (point_dots_layer.ts) draws,
 * as plain arrays. The positions are uploaded once per analysis; a filter change only uploads one code byte per point
 * and the drawing order (the visible points' indices, the best covered first and "no signal" on top), so the map is
 * recoloured in one frame: nothing is rasterised again and no tile is asked for.
 *
 * Plain module (no DOM, no WebGL), unit-tested in Node.
 */
import { parseHex, type Rgb } from "./colour_math.ts";
import { BEST_TECHNOLOGY_COLORS } from "./coverage_colors.ts";
import { STATUS_COLORS } from "./layers.ts";

// The drawing order is sorted with the analysis in the worker too (map_payload.ts), so it lives with the worker.
export { DOT_CODES, dotStyle, type DotStyle } from "../workers/point_raster.ts";

/**
 * Colour by point code, as the shape layers draw them (layers.ts): 0–2 the statuses (uncovered, one carrier,
 * covered, STATUS_COLORS), 3–7 the best-technology view (none, 2G … 5G, BEST_TECHNOLOGY_COLORS at BEST_CODE_OFFSET).
 */
export const DOT_PALETTE: readonly Rgb[] = [STATUS_COLORS.uncovered, STATUS_COLORS.single_carrier, STATUS_COLORS.covered, ...BEST_TECHNOLOGY_COLORS].map(
  parseHex,
);
/** The ring of a listed dead zone. */
export const LISTED_RING_RGB: Rgb = parseHex("#111111");
/** White outline around each dot, in CSS pixels. */
export const DOT_OUTLINE = 0.5;
/** Distance from a dot's edge to the outer edge of its listed ring, and the ring's width, in CSS pixels. */
export const RING_GAP = 2.5;
export const RING_WIDTH = 2;

/**
 * Dot radius in CSS pixels at a map zoom, as the circle layers drew them (2.2 px at zoom 5 to 4 px at zoom 9).
 * @param zoom - the map's zoom
 * @returns the radius
 */
export function dotRadius(zoom: number): number {
  if (zoom <= 5) return 2.2;
  if (zoom >= 9) return 4;
  return 2.2 + ((zoom - 5) / 4) * 1.8;
}
