/**
 * Coverage features whose positions stay in the byte scanner's coordinate columns (parseCoverageGeojsonColumns)
 * until something asks for them. The national coverage has 3.84M positions: as GeoJSON position arrays they are
 * millions of small objects that the index build only copies back into one Float64Array, and whose garbage
 * collection was the largest item of the CLI's profile (docs/performance-log.md). The index build reads a packed
 * feature's columns directly (ring_set.ts); any other reader of `geometry` gets the GeoJSON, made from the same
 * columns on first access and kept, so every other consumer (nearest coverage, the map's raster, exports) sees
 * exactly the feature parseCoverageGeojson gives.
 */
import type { MultiPolygon, Polygon, Position } from "geojson";
import type { CoverageColumns } from "../parse/parse_coverage_geojson.ts";
import type { CoverageFeature } from "../types.ts";

/** The columns shared by the features of one file, with the prefix sums that locate a feature's rings. */
interface ColumnSource {
  coordinates: Float64Array;
  /** Per polygon p: its first ring; one more entry, the ring total. */
  polygonRingStart: Int32Array;
  /** Per ring r: its first value in `coordinates`; one more entry, the value total. */
  ringValueStart: Int32Array;
}

/** One feature's geometry in its file's columns: polygons polygonStart to polygonEnd - 1. */
export interface PackedGeometry {
  type: "Packed";
  source: ColumnSource;
  polygonStart: number;
  polygonEnd: number;
  multi: boolean;
}

/** Keyed by the feature object, so that a feature stays plain data (a structured clone reads `geometry`). */
const packedOf = new WeakMap<CoverageFeature, PackedGeometry>();

/**
 * The columns of a feature made by coverageFeaturesFromColumns, or undefined (any other feature, or one whose
 * geometry was replaced since).
 * @param feature - a coverage feature
 * @returns its packed geometry
 */
export function packedGeometryOf(feature: CoverageFeature): PackedGeometry | undefined {
  return packedOf.get(feature);
}

/**
 * The features of parseCoverageGeojsonColumns' output, their positions left in the columns: equal (deep, key
 * order included) to what parseCoverageGeojson gives for the same file, and read by the index build without an
 * array per position.
 * @param columns - accepted features as columns
 * @returns the features
 */
export function coverageFeaturesFromColumns(
  columns: Pick<CoverageColumns, "features" | "polygonCounts" | "ringCounts" | "positionCounts" | "coordinates">,
): CoverageFeature[] {
  const { polygonCounts, ringCounts, positionCounts } = columns;
  const polygonRingStart = new Int32Array(ringCounts.length + 1);
  for (let p = 0; p < ringCounts.length; p++) polygonRingStart[p + 1] = polygonRingStart[p] + ringCounts[p];
  const ringValueStart = new Int32Array(positionCounts.length + 1);
  for (let r = 0; r < positionCounts.length; r++) ringValueStart[r + 1] = ringValueStart[r] + 2 * positionCounts[r];
  const source: ColumnSource = { coordinates: columns.coordinates, polygonRingStart, ringValueStart };
  let polygon = 0;
  return columns.features.map((entry, index) => {
    const packed: PackedGeometry = { type: "Packed", source, polygonStart: polygon, polygonEnd: polygon + polygonCounts[index], multi: entry.multi };
    polygon = packed.polygonEnd;
    // The keys in parseCoverageGeojson's order; one shared accessor pair for every feature (no closures per
    // feature, and the features keep one shape: 60,000 features were 0.3–0.5 s with a getter made per feature).
    const feature = { carrier: entry.carrier, technology: entry.technology, asOf: entry.asOf } as CoverageFeature;
    packedOf.set(feature, packed);
    Object.defineProperty(feature, "geometry", LAZY_GEOMETRY);
    feature.source = entry.source;
    if (entry.estimated) feature.estimated = true;
    if (entry.standalone) feature.standalone = true;
    return feature;
  });
}

/** The `geometry` of a packed feature: its GeoJSON, made from the columns on first access and then kept. */
const LAZY_GEOMETRY: PropertyDescriptor & ThisType<CoverageFeature> = {
  enumerable: true,
  configurable: true,
  get(): Polygon | MultiPolygon {
    const packed = packedOf.get(this);
    const geometry = packed ? unpackGeometry(packed) : (null as unknown as Polygon);
    Object.defineProperty(this, "geometry", { value: geometry, enumerable: true, configurable: true, writable: true });
    return geometry;
  },
  set(geometry: Polygon | MultiPolygon) {
    // A replaced geometry is the one to index.
    packedOf.delete(this);
    Object.defineProperty(this, "geometry", { value: geometry, enumerable: true, configurable: true, writable: true });
  },
};

/** The GeoJSON of a packed geometry, as parseCoverageGeojson builds it (one [lon, lat] array per position). */
function unpackGeometry(packed: PackedGeometry): Polygon | MultiPolygon {
  const { coordinates, polygonRingStart, ringValueStart } = packed.source;
  const parts: Position[][][] = [];
  for (let p = packed.polygonStart; p < packed.polygonEnd; p++) {
    const part: Position[][] = [];
    for (let r = polygonRingStart[p]; r < polygonRingStart[p + 1]; r++) {
      const positions: Position[] = [];
      for (let v = ringValueStart[r]; v < ringValueStart[r + 1]; v += 2) positions.push([coordinates[v], coordinates[v + 1]]);
      part.push(positions);
    }
    parts.push(part);
  }
  return packed.multi ? { type: "MultiPolygon", coordinates: parts } : { type: "Polygon", coordinates: parts[0] };
}

/** Scratch for the rings of features that are not packed (grown as needed, reused from ring to ring). */
let ringScratch = new Float64Array(1024);

/**
 * Visits every ring of a coverage feature as a run of longitude, latitude values, without making the GeoJSON of a
 * packed feature (3.84M position arrays for the national coverage). The values are the positions as the feature's
 * GeoJSON has them, in order: a packed feature's come straight from its columns, any other's are copied into a
 * scratch array that the next ring reuses (read them inside `visit`).
 * @param feature - a coverage feature
 * @param visit - called per ring with values[start … end): lon, lat, lon, lat, …
 */
export function visitRingValues(feature: CoverageFeature, visit: (values: Float64Array, start: number, end: number) => void): void {
  const packed = packedOf.get(feature);
  if (packed) {
    const { coordinates, polygonRingStart, ringValueStart } = packed.source;
    const first = polygonRingStart[packed.polygonStart];
    const end = polygonRingStart[packed.polygonEnd];
    for (let r = first; r < end; r++) visit(coordinates, ringValueStart[r], ringValueStart[r + 1]);
    return;
  }
  const polygons = feature.geometry.type === "Polygon" ? [feature.geometry.coordinates] : feature.geometry.coordinates;
  for (const rings of polygons) {
    for (const ring of rings) {
      if (ringScratch.length < ring.length * 2) ringScratch = new Float64Array(ring.length * 4);
      for (let i = 0; i < ring.length; i++) {
        ringScratch[2 * i] = ring[i][0];
        ringScratch[2 * i + 1] = ring[i][1];
      }
      visit(ringScratch, 0, ring.length * 2);
    }
  }
}
