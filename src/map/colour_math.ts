/**
 * The little colour arithmetic the map's palettes are chosen and checked with: sRGB ↔ linear light, WCAG relative
 * luminance and contrast, CIE L*a*b* distance (ΔE 1976), alpha compositing, and colour-vision-deficiency simulation
 * (Machado, Oliveira & Fernandes 2009, severity 1.0, applied in linear RGB). Plain functions: the unit tests and the
 * e2e pixel checks use the same ones.
 */

export type Rgb = readonly [number, number, number];

/**
 * Parses "#rrggbb".
 * @param hex - the colour
 * @returns its channels, 0–255
 */
export function parseHex(hex: string): Rgb {
  return [parseInt(hex.slice(1, 3), 16), parseInt(hex.slice(3, 5), 16), parseInt(hex.slice(5, 7), 16)];
}

function toLinear(channel: number): number {
  const c = channel / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

function fromLinear(value: number): number {
  const v = Math.max(0, Math.min(1, value));
  return 255 * (v <= 0.0031308 ? 12.92 * v : 1.055 * v ** (1 / 2.4) - 0.055);
}

/**
 * WCAG 2 relative luminance.
 * @param rgb - the colour
 * @returns 0 (black) to 1 (white)
 */
export function luminance(rgb: Rgb): number {
  return 0.2126 * toLinear(rgb[0]) + 0.7152 * toLinear(rgb[1]) + 0.0722 * toLinear(rgb[2]);
}

/**
 * WCAG 2 contrast ratio.
 * @param a - a colour
 * @param b - another
 * @returns 1 to 21
 */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const x = luminance(a);
  const y = luminance(b);
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

/**
 * A colour drawn with an opacity over another, as the map composites a raster layer (in sRGB, as WebGL blends).
 * @param over - the drawn colour
 * @param alpha - its opacity
 * @param under - what it is drawn over
 * @returns the result
 */
export function composite(over: Rgb, alpha: number, under: Rgb): Rgb {
  return [under[0] + (over[0] - under[0]) * alpha, under[1] + (over[1] - under[1]) * alpha, under[2] + (over[2] - under[2]) * alpha];
}

function toLab(rgb: Rgb): [number, number, number] {
  const r = toLinear(rgb[0]);
  const g = toLinear(rgb[1]);
  const b = toLinear(rgb[2]);
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

/**
 * CIE 1976 colour difference (about 2.3 is just noticeable; 10 and more reads as another colour).
 * @param a - a colour
 * @param b - another
 * @returns ΔE*ab
 */
export function deltaE(a: Rgb, b: Rgb): number {
  const x = toLab(a);
  const y = toLab(b);
  return Math.hypot(x[0] - y[0], x[1] - y[1], x[2] - y[2]);
}

export type Vision = "normal" | "protanopia" | "deuteranopia" | "tritanopia";
export const VISIONS: readonly Vision[] = ["normal", "protanopia", "deuteranopia", "tritanopia"];

const CVD_MATRICES: Record<Exclude<Vision, "normal">, readonly (readonly number[])[]> = {
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

/**
 * How a colour looks to someone with a colour-vision deficiency.
 * @param rgb - the colour
 * @param vision - the vision
 * @returns the simulated colour
 */
export function simulateVision(rgb: Rgb, vision: Vision): Rgb {
  if (vision === "normal") return rgb;
  const m = CVD_MATRICES[vision];
  const l = [toLinear(rgb[0]), toLinear(rgb[1]), toLinear(rgb[2])];
  const channel = (row: readonly number[]) => fromLinear(row[0] * l[0] + row[1] * l[1] + row[2] * l[2]);
  return [channel(m[0]), channel(m[1]), channel(m[2])];
}
