/**
 * The baseline the engine is measured and cross-checked against: a Flatbush index over the bounding box of
 * every polygon PART of a layer, then an exact even-odd test per candidate part (on an edge = covered).
 * Same inputs and same output layout as buildCoverageIndex / queryCoverageMasks.
 */
import Flatbush from "flatbush";
import type { Position } from "geojson";
import type { CoverageFeature, CoverageLayerInfo } from "../domain/types.ts";
import { groupCoverageLayers } from "../domain/spatial/coverage_index.ts";

/** One layer: its parts (rings of one polygon: outer first, then holes) and a Flatbush over their boxes. */
export interface FlatbushLayer {
  parts: Position[][][];
  index: Flatbush | null;
}

/** The baseline index. */
export interface FlatbushBaseline {
  layers: CoverageLayerInfo[];
  words: number;
  flatbushLayers: FlatbushLayer[];
}

/**
 * Builds the baseline index: per layer, one Flatbush entry per polygon part.
 * @param features - coverage features
 * @returns the baseline index
 * @example
 * ```ts
 * const masks = queryFlatbushMasks(buildFlatbushBaseline(features), lon, lat);
 * ```
 */
export function buildFlatbushBaseline(features: readonly CoverageFeature[]): FlatbushBaseline {
  const { layers, members } = groupCoverageLayers(features);
  const flatbushLayers = members.map((indices) => {
    const parts: Position[][][] = [];
    for (const index of indices) {
      const geometry = features[index].geometry;
      if (geometry.type === "Polygon") parts.push(geometry.coordinates);
      else for (const polygon of geometry.coordinates) parts.push(polygon);
    }
    const usable = parts.filter((part) => part.length > 0 && part[0].length > 0);
    if (usable.length === 0) return { parts: usable, index: null };
    const index = new Flatbush(usable.length);
    for (const part of usable) {
      let minX = Infinity;
      let minY = Infinity;
      let maxX = -Infinity;
      let maxY = -Infinity;
      for (const [x, y] of part[0]) {
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
      index.add(minX, minY, maxX, maxY);
    }
    index.finish();
    return { parts: usable, index };
  });
  return { layers, words: Math.ceil(layers.length / 32), flatbushLayers };
}

/**
 * Tests a point against one polygon (outer ring then holes): inside or on any ring's edge.
 * @param rings - the polygon's rings
 * @param px - longitude
 * @param py - latitude
 * @returns true when the point is in the polygon or on its boundary
 */
export function polygonContainsPoint(rings: Position[][], px: number, py: number): boolean {
  for (let r = 0; r < rings.length; r++) {
    const state = ringState(rings[r], px, py);
    if (state === 0) return true;
    if (r === 0 && state < 0) return false;
    if (r > 0 && state > 0) return false;
  }
  return rings.length > 0;
}

/** 1 inside, -1 outside, 0 on the boundary (even-odd rule, PNPOLY-style crossing test). */
function ringState(ring: Position[], px: number, py: number): number {
  let inside = false;
  const count = ring.length;
  for (let i = 0, j = count - 1; i < count; j = i++) {
    const ax = ring[j][0];
    const ay = ring[j][1];
    const bx = ring[i][0];
    const by = ring[i][1];
    const orientation = (bx - ax) * (py - ay) - (by - ay) * (px - ax);
    if (orientation === 0 && Math.min(ax, bx) <= px && px <= Math.max(ax, bx) && Math.min(ay, by) <= py && py <= Math.max(ay, by)) return 0;
    if (ay > py !== by > py && px < ((bx - ax) * (py - ay)) / (by - ay) + ax) inside = !inside;
  }
  return inside ? 1 : -1;
}

/**
 * Computes the masks with the baseline (same layout as queryCoverageMasks).
 * @param baseline - the baseline index
 * @param lon - longitudes
 * @param lat - latitudes
 * @returns masks, `words` words per point
 */
export function queryFlatbushMasks(baseline: FlatbushBaseline, lon: ArrayLike<number>, lat: ArrayLike<number>): Uint32Array {
  const count = lon.length;
  const words = baseline.words;
  const masks = new Uint32Array(count * words);
  for (let l = 0; l < baseline.flatbushLayers.length; l++) {
    const { parts, index } = baseline.flatbushLayers[l];
    if (index === null) continue;
    const word = l >> 5;
    const bit = (1 << (l & 31)) >>> 0;
    for (let i = 0; i < count; i++) {
      const px = lon[i];
      const py = lat[i];
      if (!Number.isFinite(px) || !Number.isFinite(py)) continue;
      for (const candidate of index.search(px, py, px, py)) {
        if (polygonContainsPoint(parts[candidate], px, py)) {
          masks[i * words + word] |= bit;
          break;
        }
      }
    }
  }
  return masks;
}
