import { describe, expect, it } from "vitest";
import { decodeCoveragePlanes, encodeCoveragePlanes, quantiseCoverage } from "./coverage_tiles.ts";

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

function randomPlane(size: number, seed: number): Uint8Array {
  const plane = new Uint8Array(size * size);
  let state = seed;
  for (let i = 0; i < plane.length; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    plane[i] = state >>> 24;
  }
  return plane;
}

describe("coverage tile payload", () => {
  it("decodes what it encodes, for 0 to 5 layers at two tile sizes", () => {
    for (const size of [256, 16]) {
      for (let count = 0; count <= 5; count++) {
        const layers = Array.from({ length: count }, (_, k) => k * 3 + 1);
        const planes = layers.map((layer) => randomPlane(size, layer + size));
        const bytes = encodeCoveragePlanes({ size, layers, planes });
        const decoded = decodeCoveragePlanes(bytes, size);
        expect(decoded.ok).toBe(true);
        if (!decoded.ok) continue;
        expect(decoded.value.layers).toEqual(layers);
        decoded.value.planes.forEach((plane, k) => expect(sameBytes(plane, planes[k])).toBe(true));
      }
    }
  });

  it("refuses another version, another size, a cut or padded tile and unordered layers", () => {
    const bytes = encodeCoveragePlanes({ size: 16, layers: [0, 2], planes: [randomPlane(16, 1), randomPlane(16, 2)] });
    expect(decodeCoveragePlanes(bytes, 256)).toMatchObject({ ok: false, error: expect.stringContaining("size 16") });
    expect(decodeCoveragePlanes(bytes.subarray(0, bytes.length - 1), 16)).toMatchObject({ ok: false });
    const padded = new Uint8Array(bytes.length + 1);
    padded.set(bytes);
    expect(decodeCoveragePlanes(padded, 16)).toMatchObject({ ok: false });
    const otherVersion = bytes.slice();
    otherVersion[0] = 2;
    expect(decodeCoveragePlanes(otherVersion, 16)).toMatchObject({ ok: false, error: expect.stringContaining("version 2") });
    const swapped = bytes.slice();
    swapped[6] = 2;
    swapped[8] = 0;
    expect(decodeCoveragePlanes(swapped, 16)).toMatchObject({ ok: false, error: expect.stringContaining("ascending") });
    expect(decodeCoveragePlanes(new Uint8Array(3), 16)).toMatchObject({ ok: false });
    expect(() => encodeCoveragePlanes({ size: 16, layers: [1, 1], planes: [randomPlane(16, 1), randomPlane(16, 2)] })).toThrow(RangeError);
  });

  it("quantises the covered fraction as the worker's tiles round their alpha, and drops an all-zero plane", () => {
    const fraction = new Float32Array([0, 0.001, 0.002, 0.5, 0.999, 1, 1.25, -0.1]);
    expect(Array.from(quantiseCoverage(fraction)!)).toEqual([0, 0, 1, 128, 255, 255, 255, 0]);
    expect(quantiseCoverage(new Float32Array([0, 0.0015, 0]))).toBeNull();
  });
});
