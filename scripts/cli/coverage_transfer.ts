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

/**
 * A packed coverage with its features' properties as columns too (a table of the distinct strings, and per feature
 * indexes into it), so that postMessage transfers everything: 60,000 feature objects were 0.5 s of cloning across
 * the threads, on the critical path, against a few milliseconds for these arrays.
 */
export interface TransferredCoverage extends Omit<PackedCoverage, "features"> {
  strings: string[];
  /** Per feature: index of its carrier, technology, source file and as-of date (-1 for null) in `strings`. */
  carrier: Int32Array;
  technology: Int32Array;
  asOf: Int32Array;
  file: Int32Array;
  featureIndex: Int32Array;
  /** Per feature: 1 multi, 2 estimated, 4 standalone. */
  flags: Uint8Array;
}

/**
 * The packed coverage as columns only, for postMessage (see transferredBuffers).
 * @param packed - from packColumns or packCoverage
 * @returns the same coverage, every feature property in a typed array
 */
export function toTransferred(packed: PackedCoverage): TransferredCoverage {
  const { features, ...geometry } = packed;
  const strings: string[] = [];
  const numbers = new Map<string, number>();
  const number = (text: string | null): number => {
    if (text === null) return -1;
    let index = numbers.get(text);
    if (index === undefined) {
      index = strings.push(text) - 1;
      numbers.set(text, index);
    }
    return index;
  };
  const count = features.length;
  const table: TransferredCoverage = {
    ...geometry,
    strings,
    carrier: new Int32Array(count),
    technology: new Int32Array(count),
    asOf: new Int32Array(count),
    file: new Int32Array(count),
    featureIndex: new Int32Array(count),
    flags: new Uint8Array(count),
  };
  features.forEach((feature, k) => {
    table.carrier[k] = number(feature.carrier);
    table.technology[k] = number(feature.technology);
    table.asOf[k] = number(feature.asOf);
    table.file[k] = number(feature.source.file);
    table.featureIndex[k] = feature.source.featureIndex;
    table.flags[k] = (feature.multi ? 1 : 0) | (feature.estimated ? 2 : 0) | (feature.standalone ? 4 : 0);
  });
  return table;
}

/**
 * The packed coverage again, from its transferred form.
 * @param table - from toTransferred (after postMessage)
 * @returns a packed coverage equal to the one given to toTransferred
 */
export function fromTransferred(table: TransferredCoverage): PackedCoverage {
  const { strings, carrier, technology, asOf, file, featureIndex, flags, ...geometry } = table;
  const features: PackedCoverage["features"] = new Array(carrier.length);
  for (let k = 0; k < carrier.length; k++) {
    const feature: PackedCoverage["features"][number] = {
      carrier: strings[carrier[k]],
      technology: strings[technology[k]] as CoverageFeature["technology"],
      asOf: asOf[k] < 0 ? null : strings[asOf[k]],
      source: { file: strings[file[k]], featureIndex: featureIndex[k] },
      multi: (flags[k] & 1) !== 0,
    };
    if (flags[k] & 2) feature.estimated = true;
    if (flags[k] & 4) feature.standalone = true;
    features[k] = feature;
  }
  return { features, ...geometry };
}

/** The buffers of a transferred coverage, for postMessage's transfer list. */
export function transferredBuffers(table: TransferredCoverage): ArrayBuffer[] {
  const { carrier, technology, asOf, file, featureIndex, flags } = table;
  return [...packedBuffers({ ...table, features: [] }), ...[carrier, technology, asOf, file, featureIndex, flags].map((array) => array.buffer as ArrayBuffer)];
}
