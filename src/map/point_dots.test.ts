import { describe, expect, it } from "vitest";
import { BEST_CODE_OFFSET, STATUS_COLORS } from "./layers.ts";
import { BEST_TECHNOLOGY_COLORS } from "./coverage_colors.ts";
import { parseHex } from "./colour_math.ts";
import { DOT_CODES, DOT_PALETTE, dotRadius, dotStyle } from "./point_dots.ts";

describe("the dense points' dots", () => {
  it("use the map's colours: the statuses, then the best-technology view's", () => {
    [STATUS_COLORS.uncovered, STATUS_COLORS.single_carrier, STATUS_COLORS.covered].forEach((hex, code) => expect(DOT_PALETTE[code]).toEqual(parseHex(hex)));
    BEST_TECHNOLOGY_COLORS.forEach((hex, code) => expect(DOT_PALETTE[BEST_CODE_OFFSET + code]).toEqual(parseHex(hex)));
    expect(DOT_PALETTE).toHaveLength(BEST_CODE_OFFSET + BEST_TECHNOLOGY_COLORS.length);
    // The worker sorts the dots by the same codes (workers/dot_order.ts).
    expect(DOT_PALETTE).toHaveLength(DOT_CODES);
  });

  it("draw the visible points only, covered first and no signal on top, in point order within a code", () => {
    // Codes: covered, uncovered, one carrier, covered (hidden), uncovered, best-view 5G, best-view none.
    const codes = [2, 0, 1, 2, 0, BEST_CODE_OFFSET + 4, BEST_CODE_OFFSET];
    const visible = [1, 1, 1, 0, 1, 1, 1];
    const style = dotStyle(codes, visible, null);
    expect([...style.dots]).toEqual([0, 5, 2, 6, 1, 4]);
    expect([...style.codes]).toEqual(codes);
    expect(style.rings).toHaveLength(0);
  });

  it("ring the visible listed points, and draw an unknown code as covered", () => {
    const style = dotStyle([9, 0, 1], [1, 1, 0], [1, 0, 1]);
    expect([...style.codes]).toEqual([2, 0, 1]);
    expect([...style.dots]).toEqual([0, 1]);
    expect([...style.rings]).toEqual([0]);
  });

  it("grow from 2.2 pixels at zoom 5 to 4 at zoom 9", () => {
    expect(dotRadius(3)).toBe(2.2);
    expect(dotRadius(7)).toBeCloseTo(3.1);
    expect(dotRadius(12)).toBe(4);
  });
});
