import { describe, expect, it } from "vitest";
import { metresPerPixel, scaleBar } from "./map_scale.ts";

describe("metresPerPixel", () => {
  it("matches the hand-worked value at the equator, zoom 10", () => {
    // 2π × 6 378 137 m / (512 × 2^10 px) = 40 075 016.686 / 524 288 = 76.437 m per pixel
    // (the classic 156 543.03 m/px of 256-px tiles at zoom 0, halved for 512-px tiles, over 2^10).
    expect(metresPerPixel(10, 0)).toBeCloseTo(76.437, 3);
  });

  it("matches the hand-worked value at Lào Cai's latitude (22.5°), zoom 12, on a 2× canvas", () => {
    // cos 22.5° = 0.9238795; sin² 22.5° = 0.1464466; N factor 1/√(1 − 0.00669438 × 0.1464466) = 1.00049055.
    // 76.4370 / 4 (zoom 12) = 19.10925 m; × 0.9238795 × 1.00049055 = 17.66280 m per CSS px; / 2 = 8.83140.
    expect(metresPerPixel(12, 22.5, 2)).toBeCloseTo(8.8314, 3);
  });

  it("agrees with a brute-force ground distance: the ellipsoid's parallel arc between two pixels' longitudes", () => {
    // Independent reference: the parallel's circumference from the ellipsoid's geocentric point, a chord sum.
    const a = 6_378_137;
    const f = 1 / 298.257223563;
    const e2 = f * (2 - f);
    for (const [zoom, latitude] of [
      [5, 8.6],
      [9, 16],
      [14, 21.03],
      [3, -45],
    ] as const) {
      const phi = (latitude * Math.PI) / 180;
      const radius = (a / Math.sqrt(1 - e2 * Math.sin(phi) ** 2)) * Math.cos(phi);
      const degreesPerPixel = 360 / (512 * 2 ** zoom);
      const steps = 1000;
      let length = 0;
      for (let k = 0; k < steps; k++) {
        const l0 = ((k * degreesPerPixel) / steps) * (Math.PI / 180);
        const l1 = (((k + 1) * degreesPerPixel) / steps) * (Math.PI / 180);
        length += Math.hypot(radius * (Math.cos(l1) - Math.cos(l0)), radius * (Math.sin(l1) - Math.sin(l0)));
      }
      expect(metresPerPixel(zoom, latitude)).toBeCloseTo(length, 6);
    }
  });
});

describe("scaleBar", () => {
  it("picks the longest 1-2-5 length that fits", () => {
    // 76.437 m/px × 150 px = 11 465 m: 10 km fits, 20 km does not; 10 000 / 76.437 = 130.83 px.
    const bar = scaleBar(76.437, 150)!;
    expect(bar.metres).toBe(10_000);
    expect(bar.label).toBe("10 km");
    expect(bar.pixels).toBeCloseTo(130.826, 2);
    expect(scaleBar(8.8314, 120)).toMatchObject({ metres: 1000, label: "1 km" });
    expect(scaleBar(2, 120)).toMatchObject({ metres: 200, label: "200 m" });
    expect(scaleBar(30, 120)).toMatchObject({ metres: 2000, label: "2 km" });
  });

  it("never returns a bar longer than the room, for any scale", () => {
    for (let exponent = -1; exponent < 5; exponent += 0.013) {
      const metres = 10 ** exponent;
      const bar = scaleBar(metres, 140)!;
      expect(bar.pixels).toBeLessThanOrEqual(140 + 1e-9);
      expect(bar.pixels).toBeGreaterThan(140 / 5 - 1e-9);
    }
  });

  it("refuses a scale that is not a positive number", () => {
    expect(scaleBar(Number.NaN, 100)).toBeNull();
    expect(scaleBar(0, 100)).toBeNull();
    expect(scaleBar(5, 0)).toBeNull();
  });
});
