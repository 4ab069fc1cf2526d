/**
 * Point symbols as signed-distance-field images, computed without a canvas so they are plain data
 * (and testable). SDF icons take their colour from the paint property `icon-color`, which can read
 * feature state: one image per shape serves every status colour.
 */

export type SymbolShape = "circle" | "square" | "triangle" | "diamond";

export const SYMBOL_SHAPES: readonly SymbolShape[] = ["circle", "square", "triangle", "diamond"];

/** Image size in pixels (at pixel ratio 1) and the SDF spread, as MapLibre's glyph SDFs use. */
export const SYMBOL_SIZE = 32;
const SDF_RADIUS = 8;
const SDF_CUTOFF = 0.25;

type Vertex = [number, number];

function polygonFor(shape: Exclude<SymbolShape, "circle">, center: number, half: number): Vertex[] {
  if (shape === "square") {
    const side = half * 0.85;
    return [
      [center - side, center - side],
      [center + side, center - side],
      [center + side, center + side],
      [center - side, center + side],
    ];
  }
  if (shape === "triangle")
    return [
      [center, center - half],
      [center + half, center + half * 0.75],
      [center - half, center + half * 0.75],
    ];
  return [
    [center, center - half],
    [center + half, center],
    [center, center + half],
    [center - half, center],
  ];
}

function distanceToSegment(x: number, y: number, [ax, ay]: Vertex, [bx, by]: Vertex): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

function insidePolygon(x: number, y: number, polygon: readonly Vertex[]): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i];
    const [xj, yj] = polygon[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * Signed distance from a pixel centre to the shape's edge (negative inside).
 * @param shape - the shape
 * @param x - pixel x
 * @param y - pixel y
 * @param size - image size
 * @returns the distance in pixels
 */
export function signedDistance(shape: SymbolShape, x: number, y: number, size = SYMBOL_SIZE): number {
  const center = size / 2;
  const half = size / 2 - SDF_RADIUS / 2 - 1;
  if (shape === "circle") return Math.hypot(x - center, y - center) - half * 0.9;
  const polygon = polygonFor(shape, center, half);
  let distance = Infinity;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) distance = Math.min(distance, distanceToSegment(x, y, polygon[j], polygon[i]));
  return insidePolygon(x, y, polygon) ? -distance : distance;
}

/**
 * Draws a shape as an RGBA SDF image for `map.addImage(…, { sdf: true })`: the alpha channel holds
 * 255 × (1 − cutoff − distance / radius), so the edge sits at 191 as in MapLibre's glyphs.
 * @param shape - the shape
 * @param size - width and height in pixels
 * @returns the image
 * @example
 * ```ts
 * map.addImage("point-circle", createSymbolImage("circle"), { sdf: true });
 * ```
 */
export function createSymbolImage(shape: SymbolShape, size = SYMBOL_SIZE): { width: number; height: number; data: Uint8Array } {
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const distance = signedDistance(shape, x + 0.5, y + 0.5, size);
      const value = Math.round(255 * (1 - SDF_CUTOFF - distance / SDF_RADIUS));
      const offset = (y * size + x) * 4;
      data[offset] = 0;
      data[offset + 1] = 0;
      data[offset + 2] = 0;
      data[offset + 3] = Math.max(0, Math.min(255, value));
    }
  }
  return { width: size, height: size, data };
}
