/**
 * The box around a chosen province or commune, for the map to zoom to: the bounding box of the area's
 * points (the areas the analysis knows are those of the points; their boundaries are drawn by the map).
 */
import type { AnalyzeResult } from "../../workers/messages.ts";

/**
 * The bounding box of the points of an area.
 * @param data - the analysis and its points
 * @param level - province or commune
 * @param code - the area's code
 * @returns [west, south, east, north], or null when no point lies in it
 */
export function areaBounds(data: AnalyzeResult, level: "province" | "commune", code: string): [number, number, number, number] | null {
  const { analysis, points } = data;
  const areas = level === "province" ? analysis.provinces : analysis.communes;
  const of = level === "province" ? analysis.provinceOf : analysis.communeOf;
  const target = areas.findIndex((area) => area.code === code);
  if (target < 0) return null;
  let west = Infinity,
    south = Infinity,
    east = -Infinity,
    north = -Infinity;
  for (let index = 0; index < points.length; index++) {
    if (of[index] !== target) continue;
    const { lon, lat } = points[index];
    west = Math.min(west, lon);
    east = Math.max(east, lon);
    south = Math.min(south, lat);
    north = Math.max(north, lat);
  }
  return west === Infinity ? null : [west, south, east, north];
}
