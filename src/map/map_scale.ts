/**
 * The scale of a Web Mercator map view, for the scale bar drawn on printed and exported maps (the live
 * map's own ScaleControl is a DOM element, absent from the canvas image).
 *
 * MapLibre's world is 512 × 2^zoom CSS pixels around (its tiles are 512 px), so one CSS pixel spans
 * 360° / (512 × 2^zoom) of longitude. On the WGS 84 ellipsoid a parallel at latitude φ has radius
 * N(φ)·cos φ, with N(φ) = a / √(1 − e² sin² φ) the prime-vertical radius: that is the ground length of a
 * pixel along the parallel. (Mercator is conformal, so the same length holds in every direction at that
 * point; it changes with latitude, so a bar is true at the latitude it is computed for.) The canvas holds
 * `pixelRatio` device pixels per CSS pixel.
 */

/** WGS 84 semi-major axis, metres. */
const WGS84_A = 6_378_137;
/** WGS 84 first eccentricity squared. */
const WGS84_E2 = 0.006_694_379_990_14;
/** MapLibre's tile size: the world at zoom 0 is this many CSS pixels wide. */
export const MAPLIBRE_TILE_SIZE = 512;

/**
 * Ground metres per image pixel.
 * @param zoom - the map's zoom (MapLibre's, 512-px tiles)
 * @param latitude - degrees, where the scale should hold (the view's centre)
 * @param pixelRatio - image pixels per CSS pixel (the canvas' devicePixelRatio)
 * @returns metres per image pixel
 */
export function metresPerPixel(zoom: number, latitude: number, pixelRatio = 1): number {
  const phi = (latitude * Math.PI) / 180;
  const sin = Math.sin(phi);
  const parallelRadius = (WGS84_A * Math.cos(phi)) / Math.sqrt(1 - WGS84_E2 * sin * sin);
  const radiansPerCssPixel = (2 * Math.PI) / (MAPLIBRE_TILE_SIZE * 2 ** zoom);
  return (parallelRadius * radiansPerCssPixel) / pixelRatio;
}

export interface ScaleBar {
  /** The ground length the bar stands for, a round number: 1, 2 or 5 × 10^n metres. */
  metres: number;
  /** Its length on the image. */
  pixels: number;
  /** "500 m", "2 km", "20 km". */
  label: string;
}

/**
 * The longest round-numbered bar that fits in `maxPixels`.
 * @param metresPerImagePixel - from metresPerPixel
 * @param maxPixels - the room for the bar
 * @returns the bar, or null when the scale is not a finite positive number
 */
export function scaleBar(metresPerImagePixel: number, maxPixels: number): ScaleBar | null {
  if (!(metresPerImagePixel > 0) || !Number.isFinite(metresPerImagePixel) || !(maxPixels > 0)) return null;
  const maxMetres = metresPerImagePixel * maxPixels;
  const power = 10 ** Math.floor(Math.log10(maxMetres));
  const step = [5, 2, 1].find((factor) => factor * power <= maxMetres) ?? 1;
  const metres = step * power;
  const label = metres >= 1000 ? `${metres / 1000} km` : `${metres} m`;
  return { metres, pixels: metres / metresPerImagePixel, label };
}
