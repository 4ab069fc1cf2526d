/**
 * Coverage features packed into a few typed arrays, so that a worker thread can hand them to the main thread by
 * transfer (no copy) instead of a structured clone of millions of small position arrays (seconds of
 * deserialisation on the main thread for the national workload). unpackCoverage(packCoverage(x)) deep-equals x,
 * key order included.
 */
import type { Position } from "geojson";
import type { CoverageFeature } from "../../src/domain/index.ts";
import type { CoverageColumns } from "../../src/domain/parse/parse_coverage_geojson.ts";
import { coverageFeaturesFromColumns } from "../../src/domain/spatial/packed_geometry.ts";

/** Packed coverage features: plain properties per feature, then the geometry as counts and coordinates. */
export interface PackedCoverage {
  features: {
    carrier: string;
    technology: CoverageFeature["technology"];
    asOf: string | null;
    source: CoverageFeature["source"];
    multi: boolean;
    estimated?: true;
    standalone?: true;
  }[];
  /** Per feature: its number of polygons (1 for a Polygon). */
  polygonCounts: Int32Array;
  /** Per polygon: its number of rings. */
  ringCounts: Int32Array;
  /** Per ring: its number of positions. */
  positionCounts: Int32Array;
  /** Per position: its number of coordinates; null when every position has two. */
  dimensions: Uint8Array | null;
  coordinates: Float64Array;
}

/**
 * Packs features for transfer.
 * @param features - checked coverage features (positions are arrays of numbers)
 * @returns the packed form; its typed arrays' buffers can be transferred
 */
export function packCoverage(features: readonly CoverageFeature[]): PackedCoverage {
  let polygons = 0;
  let rings = 0;
  let positions = 0;
  let values = 0;
  let twoDimensional = true;
  for (const feature of features) {
    const parts = feature.geometry.type === "Polygon" ? [feature.geometry.coordinates] : feature.geometry.coordinates;
    polygons += parts.length;
    for (const part of parts) {
      rings += part.length;
      for (const ring of part) {
        positions += ring.length;
        for (const position of ring) {
          values += position.length;
          if (position.length !== 2) twoDimensional = false;
        }
      }
    }
  }
  const packed: PackedCoverage = {
    features: [],
    polygonCounts: new Int32Array(features.length),
    ringCounts: new Int32Array(polygons),
    positionCounts: new Int32Array(rings),
    dimensions: twoDimensional ? null : new Uint8Array(positions),
    coordinates: new Float64Array(values),
  };
  let polygon = 0;
  let ring = 0;
  let position = 0;
  let value = 0;
  features.forEach((feature, index) => {
    const multi = feature.geometry.type === "MultiPolygon";
    packed.features.push({
      carrier: feature.carrier,
      technology: feature.technology,
      asOf: feature.asOf,
      source: feature.source,
      multi,
      ...(feature.estimated ? { estimated: true as const } : {}),
      ...(feature.standalone ? { standalone: true as const } : {}),
    });
    const parts = feature.geometry.type === "Polygon" ? [feature.geometry.coordinates] : feature.geometry.coordinates;
    packed.polygonCounts[index] = parts.length;
    for (const part of parts) {
      packed.ringCounts[polygon++] = part.length;
      for (const positionsOfRing of part) {
        packed.positionCounts[ring++] = positionsOfRing.length;
        for (const coordinates of positionsOfRing) {
          if (packed.dimensions) packed.dimensions[position] = coordinates.length;
          position++;
          for (const coordinate of coordinates) packed.coordinates[value++] = coordinate;
        }
      }
    }
  });
  return packed;
}

/**
 * The packed form of parseCoverageGeojsonColumns' output (the worker's path for GeoJSON: the byte scanner's
 * coordinates are copied into it without an array per position).
 * @param columns - accepted features as columns
 * @returns the packed coverage, equal to packCoverage of the same features
 */
export function packColumns(columns: CoverageColumns): PackedCoverage {
  return { ...columns, dimensions: null };
}

/** The buffers of a packed coverage, for postMessage's transfer list. */
export function packedBuffers(packed: PackedCoverage): ArrayBuffer[] {
  const arrays = [packed.polygonCounts, packed.ringCounts, packed.positionCounts, packed.coordinates, ...(packed.dimensions ? [packed.dimensions] : [])];
  return arrays.map((array) => array.buffer as ArrayBuffer);
}

/**
 * Rebuilds the features. Two-dimensional positions (every GeoJSON file) stay in the columns until a reader asks
 * for a geometry; the index build reads them there (packed_geometry.ts).
 * @param packed - from packCoverage
 * @returns features equal to those packed
 */
export function unpackCoverage(packed: PackedCoverage): CoverageFeature[] {
  const { coordinates, dimensions } = packed;
  if (dimensions === null) return coverageFeaturesFromColumns(packed);
  const result: CoverageFeature[] = [];
  let polygon = 0;
  let ring = 0;
  let position = 0;
  let value = 0;
  packed.features.forEach((feature, index) => {
    const parts: Position[][][] = [];
    for (let p = 0; p < packed.polygonCounts[index]; p++) {
      const part: Position[][] = [];
      const ringCount = packed.ringCounts[polygon++];
      for (let r = 0; r < ringCount; r++) {
        const count = packed.positionCounts[ring++];
        const positions: Position[] = new Array(count);
        for (let k = 0; k < count; k++) {
          const size = dimensions[position];
          position++;
          if (size === 2) {
            positions[k] = [coordinates[value], coordinates[value + 1]];
          } else {
            positions[k] = Array.from(coordinates.subarray(value, value + size));
          }
          value += size;
        }
        part.push(positions);
      }
      parts.push(part);
    }
    const unpacked: CoverageFeature = {
      carrier: feature.carrier,
      technology: feature.technology,
      asOf: feature.asOf,
      geometry: feature.multi ? { type: "MultiPolygon", coordinates: parts } : { type: "Polygon", coordinates: parts[0] },
      source: feature.source,
    };
    if (feature.estimated) unpacked.estimated = true;
    if (feature.standalone) unpacked.standalone = true;
    result.push(unpacked);
  });
  return result;
}
