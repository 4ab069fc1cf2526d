import { describe, expect, it } from "vitest";
import { computeLabelPoint } from "./label_point.ts";

describe("computeLabelPoint", () => {
  it("puts the label at the middle of a rectangle", () => {
    expect(
      computeLabelPoint({
        type: "Polygon",
        coordinates: [
          [
            [0, 0],
            [4, 0],
            [4, 2],
            [0, 2],
            [0, 0],
          ],
        ],
      }),
    ).toEqual([2, 1]);
  });

  it("keeps the label inside a U-shaped ring whose centroid falls in the gap", () => {
    // A U: two arms joined at the bottom; the centroid's x is in the empty middle at mid height.
    const ring = [
      [0, 0],
      [6, 0],
      [6, 6],
      [5, 6],
      [5, 1],
      [1, 1],
      [1, 6],
      [0, 6],
      [0, 0],
    ];
    const [lon, lat] = computeLabelPoint({ type: "Polygon", coordinates: [ring] })!;
    const insideLeftArm = lon > 0 && lon < 1;
    const insideRightArm = lon > 5 && lon < 6;
    const insideBase = lat < 1;
    expect(insideLeftArm || insideRightArm || insideBase).toBe(true);
  });

  it("chooses the largest part of a multipolygon", () => {
    const small = [
      [
        [100, 0],
        [101, 0],
        [101, 1],
        [100, 1],
        [100, 0],
      ],
    ];
    const large = [
      [
        [0, 0],
        [10, 0],
        [10, 10],
        [0, 10],
        [0, 0],
      ],
    ];
    expect(computeLabelPoint({ type: "MultiPolygon", coordinates: [small, large] })).toEqual([5, 5]);
  });

  it("returns null for an empty geometry", () => {
    expect(computeLabelPoint({ type: "MultiPolygon", coordinates: [] })).toBeNull();
  });
});
