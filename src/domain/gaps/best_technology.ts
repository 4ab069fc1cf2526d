/**
 * The best technology each point has among the chosen carriers, from the engine's masks (not from the map's pixels):
 * what the map's "best technology" view colours the points by. Every technology counts here, whatever the minimum
 * technology filter: the view shows what a place has (a 3G-only school is "3G", not "none"), where the status view
 * shows what counts.
 */
import { TECHNOLOGIES } from "../types.ts";
import type { CoverageAnalysis } from "./analyze_coverage.ts";

/** 0 when no chosen carrier covers the point, else 1 + the index of its best technology in TECHNOLOGIES (1 = 2G … 4 = 5G). */
export type BestTechnologyCode = number;

/**
 * The best technology of every point.
 * @param analysis - the analysis (its layers and masks; one entry of provinceOf per point)
 * @param carriers - only these carriers' layers count (empty or absent: every carrier)
 * @returns one code per point (see BestTechnologyCode)
 * @example
 * ```ts
 * const codes = bestTechnologyCodes(analysis, ["Viettel"]);
 * TECHNOLOGIES[codes[0] - 1]; // "4G", or undefined when Viettel does not cover point 0
 * ```
 */
export function bestTechnologyCodes(analysis: Pick<CoverageAnalysis, "layers" | "masks" | "words" | "provinceOf">, carriers?: readonly string[]): Uint8Array {
  const allowed = carriers && carriers.length > 0 ? new Set(carriers) : null;
  const code = analysis.layers.map((layer) => (allowed === null || allowed.has(layer.carrier) ? TECHNOLOGIES.indexOf(layer.technology) + 1 : 0));
  // Layers by descending code: the first one covering a point is its best.
  const order = code
    .map((_, layer) => layer)
    .filter((layer) => code[layer] > 0)
    .sort((a, b) => code[b] - code[a]);
  const { words, masks } = analysis;
  const count = analysis.provinceOf.length;
  const codes = new Uint8Array(count);
  for (let point = 0; point < count; point++) {
    const base = point * words;
    for (const layer of order) {
      if (((masks[base + (layer >> 5)] >>> (layer & 31)) & 1) === 1) {
        codes[point] = code[layer];
        break;
      }
    }
  }
  return codes;
}
