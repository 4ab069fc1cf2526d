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

/**
 * Colour by point code, as the shape layers draw them (layers.ts): 0–2 the statuses (uncovered, one carrier,
 * covered, STATUS_COLORS), 3–7 the best-technology view (none, 2G … 5G, BEST_TECHNOLOGY_COLORS at BEST_CODE_OFFSET).
 */
export const DOT_PALETTE: readonly Rgb[] = [STATUS_COLORS.uncovered, STATUS_COLORS.single_carrier, STATUS_COLORS.covered, ...BEST_TECHNOLOGY_COLORS].map(
  parseHex,
);
/** The ring of a listed dead zone. */
export const LISTED_RING_RGB: Rgb = parseHex("#111111");
/** A code outside the palette is drawn as covered. */
const FALLBACK_CODE = 2;
/** Drawing order of the codes, last on top: the best covered first, "no signal" (0, and 3: no technology) on top. */
const DRAW_ORDER = [2, 7, 6, 5, 4, 1, 3, 0];
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

/** What one style of the dots uploads: a code per point, and the order the visible ones are drawn in. */
export interface DotStyle {
  /** Palette index per point (a code outside the palette replaced by covered's). */
  codes: Uint8Array;
  /** The visible points, drawn in this order (later on top): by DRAW_ORDER, in point order within a code. */
  dots: Uint32Array;
  /** The visible listed points, whose rings are drawn under every dot. */
  rings: Uint32Array;
}

/**
 * The dots' style for one filter: a counting sort of the visible points by drawing rank (linear, stable).
 * @param codes - the code per point (status, or BEST_CODE_OFFSET + best technology)
 * @param visible - 1 where the point is drawn
 * @param listed - 1 where the point's listed ring is drawn (null: none)
 * @returns the codes and drawing order to upload
 */
export function dotStyle(codes: ArrayLike<number>, visible: ArrayLike<number>, listed: ArrayLike<number> | null): DotStyle {
  const count = codes.length;
  const rankOf = new Uint8Array(DOT_PALETTE.length);
  DRAW_ORDER.forEach((code, rank) => (rankOf[code] = rank));
  const palette = new Uint8Array(count);
  const perRank = new Uint32Array(DRAW_ORDER.length + 1);
  let ringCount = 0;
  for (let i = 0; i < count; i++) {
    const code = codes[i] >= 0 && codes[i] < DOT_PALETTE.length ? codes[i] : FALLBACK_CODE;
    palette[i] = code;
    if (visible[i] !== 1) continue;
    perRank[rankOf[code] + 1]++;
    if (listed && listed[i] === 1) ringCount++;
  }
  for (let rank = 0; rank < DRAW_ORDER.length; rank++) perRank[rank + 1] += perRank[rank];
  const dots = new Uint32Array(perRank[DRAW_ORDER.length]);
  const rings = new Uint32Array(ringCount);
  let ring = 0;
  for (let i = 0; i < count; i++) {
    if (visible[i] !== 1) continue;
    dots[perRank[rankOf[palette[i]]]++] = i;
    if (listed && listed[i] === 1) rings[ring++] = i;
  }
  return { codes: palette, dots, rings };
}
