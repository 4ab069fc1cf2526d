import { describe, expect, it } from "vitest";
import { SYMBOL_SHAPES, SYMBOL_SIZE, createSymbolImage, signedDistance } from "./symbols.ts";

const EDGE = 191; // 255 × 0.75: where MapLibre draws the edge of an SDF image

function alphaAt(image: { data: Uint8Array; width: number }, x: number, y: number): number {
  return image.data[(y * image.width + x) * 4 + 3];
}

describe("createSymbolImage", () => {
  it("fills the centre of every shape and leaves the corners empty", () => {
    for (const shape of SYMBOL_SHAPES) {
      const image = createSymbolImage(shape);
      expect(alphaAt(image, SYMBOL_SIZE / 2, SYMBOL_SIZE / 2), shape).toBeGreaterThan(EDGE);
      expect(alphaAt(image, 0, 0), shape).toBeLessThan(EDGE);
    }
  });

  it("tells a square from a circle and a diamond at the corner of the square", () => {
    const corner = SYMBOL_SIZE / 2 + 8;
    expect(alphaAt(createSymbolImage("square"), corner, corner)).toBeGreaterThan(EDGE);
    expect(alphaAt(createSymbolImage("circle"), corner, corner)).toBeLessThan(EDGE);
    expect(alphaAt(createSymbolImage("diamond"), corner, corner)).toBeLessThan(EDGE);
  });

  it("draws the triangle point-up: wide at the bottom, narrow at the top", () => {
    const image = createSymbolImage("triangle");
    const row = (y: number) => Array.from({ length: SYMBOL_SIZE }, (_, x) => alphaAt(image, x, y)).filter((alpha) => alpha > EDGE).length;
    expect(row(22)).toBeGreaterThan(row(10) + 4);
  });
});

describe("signedDistance", () => {
  it("is negative inside and positive outside", () => {
    expect(signedDistance("circle", 16, 16)).toBeLessThan(0);
    expect(signedDistance("circle", 0, 0)).toBeGreaterThan(0);
  });
});
