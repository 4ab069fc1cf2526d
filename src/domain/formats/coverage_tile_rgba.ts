/**
 * The colouring of a coverage tile: the layer's colour everywhere, with alpha = the covered fraction of each pixel.
 * Shared by the analysis worker's tiles (src/workers/coverage_raster.ts) and the pre-built map's reader
 * (src/map/prebuilt_coverage.ts), so a pre-built map looks as the coverage the app computes itself. Pure.
 */
/**
 * A tile image: the colour everywhere, with alpha = covered fraction.
 * @param coverage - covered fraction per pixel
 * @param color - "#rrggbb"
 * @returns RGBA bytes (not premultiplied)
 */
export function coverageTileRgba(coverage: Float32Array, color: string): Uint8ClampedArray<ArrayBuffer> {
  const red = parseInt(color.slice(1, 3), 16);
  const green = parseInt(color.slice(3, 5), 16);
  const blue = parseInt(color.slice(5, 7), 16);
  const rgba = new Uint8ClampedArray(coverage.length * 4);
  for (let i = 0; i < coverage.length; i++) {
    const alpha = coverage[i];
    if (alpha <= 0) continue;
    const o = i * 4;
    rgba[o] = red;
    rgba[o + 1] = green;
    rgba[o + 2] = blue;
    rgba[o + 3] = alpha >= 1 ? 255 : Math.round(alpha * 255);
  }
  return rgba;
}
