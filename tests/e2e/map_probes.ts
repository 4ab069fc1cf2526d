/**
 * Comparing the map's pixels with the engine's answer, for the specs that check a raster coverage (the worker's
 * tiles, a pre-built .pmtiles): which screen pixels the engine says are covered, and the canvas's colours there.
 */
import type { Page } from "playwright-core";
import { analyzeCoverage, type CoverageFeature, type Point } from "../../src/domain/index.ts";

const mercatorX = (lon: number) => (lon + 180) / 360;
const mercatorY = (lat: number) => (1 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / Math.PI) / 2;
const inverseY = (y: number) => (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;

/**
 * Candidate pixels on a 23 × 15 grid over the canvas, each classified by the engine on its neighbourhood (5 × 5
 * probes `step` pixels apart); only pixels whose whole neighbourhood agrees are kept (no boundary pixels).
 * @param coverage - the coverage drawn
 * @param view - the map's zoom and centre (as in `?map=`) and the canvas's size in CSS pixels
 * @param step - pixels between probes (1; 2 where a tile pixel is 2 × 2 screen pixels)
 * @returns the pixels covered and uncovered by the engine's answer
 */
export function pixelsByEngine(
  coverage: readonly CoverageFeature[],
  view: { zoom: number; lon: number; lat: number; width: number; height: number },
  step = 1,
): { covered: [number, number][]; uncovered: [number, number][] } {
  const { width, height } = view;
  const worldSize = 512 * 2 ** view.zoom;
  const centreX = mercatorX(view.lon);
  const centreY = mercatorY(view.lat);
  const candidates: [number, number][] = [];
  for (let gx = 1; gx < 24; gx++) for (let gy = 1; gy < 16; gy++) candidates.push([Math.round((gx * width) / 24), Math.round((gy * height) / 16)]);
  const probes: Point[] = [];
  for (const [x, y] of candidates) {
    for (let dx = -2 * step; dx <= 2 * step; dx += step) {
      for (let dy = -2 * step; dy <= 2 * step; dy += step) {
        const lon = (centreX + (x + 0.5 + dx - width / 2) / worldSize) * 360 - 180;
        const lat = inverseY(centreY + (y + 0.5 + dy - height / 2) / worldSize);
        probes.push({ id: `${x},${y},${dx},${dy}`, name: "", kind: "other", lon, lat, source: { file: "probe", row: 1 }, extra: {} });
      }
    }
  }
  const analysis = analyzeCoverage(probes, [...coverage], []);
  const covered: [number, number][] = [];
  const uncovered: [number, number][] = [];
  candidates.forEach((pixel, k) => {
    let count = 0;
    for (let j = 0; j < 25; j++) {
      const i = k * 25 + j;
      let any = false;
      for (let w = 0; w < analysis.words; w++) if (analysis.masks[i * analysis.words + w] !== 0) any = true;
      if (any) count++;
    }
    if (count === 25) covered.push(pixel);
    else if (count === 0) uncovered.push(pixel);
  });
  return { covered, uncovered };
}

/**
 * Reads the map canvas back in the page: the colours at some pixels, or how many pixels have one colour.
 * @param query - the pixels (CSS pixels of the canvas), or the colour to count
 * @returns [r, g, b] per pixel, or the count
 */
function readCanvas(query: { pixels: [number, number][] } | { count: [number, number, number] }): [number, number, number][] | number {
  const canvas = document.querySelector('[data-testid="map"] canvas') as HTMLCanvasElement;
  const copy = document.createElement("canvas");
  copy.width = canvas.width;
  copy.height = canvas.height;
  const context = copy.getContext("2d")!;
  context.drawImage(canvas, 0, 0);
  if ("pixels" in query)
    return query.pixels.map(([x, y]) => {
      const data = context.getImageData(x, y, 1, 1).data;
      return [data[0], data[1], data[2]] as [number, number, number];
    });
  const [r, g, b] = query.count;
  const data = context.getImageData(0, 0, copy.width, copy.height).data;
  let count = 0;
  for (let i = 0; i < data.length; i += 4) if (data[i] === r && data[i + 1] === g && data[i + 2] === b) count++;
  return count;
}

/**
 * The canvas's colours at some pixels.
 * @param page - the page
 * @param pixels - CSS pixels of the map canvas
 * @returns [r, g, b] per pixel
 */
export async function canvasColours(page: Page, pixels: [number, number][]): Promise<[number, number, number][]> {
  return (await page.evaluate(readCanvas, { pixels })) as [number, number, number][];
}

/**
 * How many pixels of the map canvas have exactly one colour (what the map draws, without what floats over it).
 * @param page - the page
 * @param rgb - the colour
 * @returns the number of pixels
 */
export async function countCanvasColour(page: Page, rgb: readonly [number, number, number]): Promise<number> {
  const count: [number, number, number] = [rgb[0], rgb[1], rgb[2]];
  return (await page.evaluate(readCanvas, { count })) as number;
}
