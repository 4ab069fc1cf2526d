/**
 * RFC 7946 checks for Polygon and MultiPolygon geometries, shared by the coverage and admin
 * importers: positions and ranges, closed rings, at least four positions, winding (outer
 * counter-clockwise, holes clockwise) and self-intersecting ("bow-tie") rings with a proposed repair.
 */
import type { MultiPolygon, Polygon, Position } from "geojson";
import { booleanPointInPolygon } from "@turf/boolean-point-in-polygon";
import { kinks } from "@turf/kinks";
import { unkinkPolygon } from "@turf/unkink-polygon";
import type { Severity } from "../issues.ts";
import type { Message } from "../types.ts";
import { isStrictlyConvexRing, makeValidPolygons } from "./make_valid.ts";

export { isStrictlyConvexRing };
import { VIETNAM_BOUNDS } from "./vietnam_bounds.ts";
import { domainMessage } from "../messages/message.ts";

/** An issue about a geometry, before the file and feature are attached. */
export interface GeometryIssue {
  severity: Severity;
  code: string;
  message: Message;
}

/** The outcome of checking one polygon geometry. */
export interface PolygonCheck {
  /** The checked geometry (closed, rewound, 2D), or null when the feature must be rejected. */
  geometry: Polygon | MultiPolygon | null;
  issues: GeometryIssue[];
  /** Where rings cross themselves or each other, one position per crossing. */
  crossings: Position[];
  /** The proposed repair of the crossings (the rings split into simple ones), or null when none is needed or possible. */
  repair: Polygon | MultiPolygon | null;
}

type Ring = Position[];

/** Above this many segments in one polygon, crossings are found with a sweep instead of `@turf/kinks` (which is quadratic). */
export const KINKS_SEGMENT_LIMIT = 2000;

function rejected(code: string, message: Message): PolygonCheck {
  return { geometry: null, issues: [{ severity: "error", code, message }], crossings: [], repair: null };
}

/**
 * Signed area of a closed ring by the shoelace formula, in square degrees; positive when counter-clockwise.
 * @param ring - a closed ring
 * @returns the signed area
 */
export function signedRingArea(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) sum += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return sum / 2;
}

/**
 * Checks a Polygon or MultiPolygon geometry and returns it cleaned, with issues.
 * @param geometry - the geometry as read from the file
 * @returns the geometry to use (or null), issues, crossings and a proposed repair
 */
export function checkPolygonGeometry(geometry: unknown): PolygonCheck {
  const read = readPolygons(geometry, false);
  if ("error" in read) return read.error;
  const { type, polygons, unclosed } = read;
  const issues: GeometryIssue[] = [];
  if (unclosed > 0) {
    issues.push({
      severity: "warning",
      code: "ring_unclosed",
      message: domainMessage("geometry.ring_unclosed", { unclosed }),
    });
  }
  const crossings: Position[] = [];
  const crossedParts = new Set<number>();
  polygons.forEach((rings, partIndex) => {
    const found = findRingCrossings(rings);
    if (found.length > 0) {
      crossedParts.add(partIndex);
      crossings.push(...found);
    }
  });
  let rewound = 0;
  for (let partIndex = 0; partIndex < polygons.length; partIndex++) {
    // The winding of a self-intersecting ring means nothing; its repair is rewound instead.
    if (crossedParts.has(partIndex)) continue;
    const rings = polygons[partIndex];
    for (let ringIndex = 0; ringIndex < rings.length; ringIndex++) {
      const area = signedRingArea(rings[ringIndex]);
      if (area === 0) {
        return rejected("ring_degenerate", domainMessage("geometry.ring_degenerate"));
      }
      const wantCounterClockwise = ringIndex === 0;
      if (area > 0 !== wantCounterClockwise) {
        rings[ringIndex] = [...rings[ringIndex]].reverse();
        rewound++;
      }
    }
  }
  if (rewound > 0) {
    issues.push({
      severity: "warning",
      code: "ring_winding",
      message: domainMessage("geometry.ring_winding", { rewound }),
    });
  }
  const outside = outsideAreaIssue(polygons);
  if (outside) issues.push(outside);
  const checked: Polygon | MultiPolygon = type === "Polygon" ? { type: "Polygon", coordinates: polygons[0] } : { type: "MultiPolygon", coordinates: polygons };
  const repair = crossedParts.size > 0 ? proposeRepair(polygons, crossedParts) : null;
  return { geometry: checked, issues, crossings: uniquePositions(crossings), repair };
}

interface ReadPolygons {
  type: "Polygon" | "MultiPolygon";
  polygons: Ring[][];
  /** Rings that were not closed. */
  unclosed: number;
  /** Repeated consecutive positions dropped. */
  repeats: number;
  /** Rings with fewer than four positions (closing one included), kept only when asked. */
  short: number;
}

function readPolygons(geometry: unknown, keepShort: boolean): ReadPolygons | { error: PolygonCheck } {
  if (geometry === null || geometry === undefined) {
    return { error: rejected("geometry_missing", domainMessage("geometry.geometry_missing")) };
  }
  const type = typeof geometry === "object" && "type" in geometry ? String(geometry.type) : "?";
  if (type !== "Polygon" && type !== "MultiPolygon") {
    return {
      error: rejected("geometry_not_polygon", domainMessage("geometry.geometry_not_polygon", { type })),
    };
  }
  const coordinates = (geometry as { coordinates?: unknown }).coordinates;
  const parts: unknown[] = type === "Polygon" ? [coordinates] : Array.isArray(coordinates) ? coordinates : [];
  if (!Array.isArray(coordinates) || parts.length === 0) {
    return { error: rejected("geometry_empty", domainMessage("geometry.geometry_empty")) };
  }
  const polygons: Ring[][] = [];
  let unclosed = 0;
  let repeats = 0;
  let short = 0;
  for (const part of parts) {
    if (!Array.isArray(part) || part.length === 0) {
      return { error: rejected("geometry_empty", domainMessage("geometry.polygon_without_ring")) };
    }
    const rings: Ring[] = [];
    for (const rawRing of part) {
      const read = readRing(rawRing, keepShort);
      if ("error" in read) return read;
      if (read.closed) unclosed++;
      repeats += read.repeats;
      if (read.ring.length < 4) short++;
      rings.push(read.ring);
    }
    polygons.push(rings);
  }
  return { type, polygons, unclosed, repeats, short };
}

/** The outcome of making one coverage geometry valid. */
export interface CoverageGeometryCheck {
  /** The valid geometry, or null when the feature must be rejected. */
  geometry: Polygon | MultiPolygon | null;
  issues: GeometryIssue[];
  /** Places where rings crossed or touched (for the report). */
  crossings: number;
  firstCrossing: Position | null;
  /**
   * True when some polygon was too expensive to repair and is kept as it was: the index then counts this feature
   * on its own (covered where its own winding number is positive), so it never subtracts from other features.
   */
  standalone: boolean;
}

/**
 * Checks a coverage geometry and makes it valid (see make_valid.ts for the rules, as GEOS ST_MakeValid's
 * linework method, with the differences documented there): bow-ties split into their lobes, holes outside their
 * shell turned into shells, duplicate and degenerate rings dropped, every ring rewound. Each change is one
 * warning; nothing is subtracted silently.
 * @param geometry - the geometry as read from the file
 * @param workLimit - the repair's work budget per polygon (default REPAIR_WORK_LIMIT plus WORK_PER_VERTEX per vertex)
 * @returns the valid geometry (or null) and the issues
 */
export function checkCoverageGeometry(geometry: unknown, workLimit?: number): CoverageGeometryCheck {
  const read = readPolygons(geometry, true);
  if ("error" in read) return { geometry: null, issues: read.error.issues, crossings: 0, firstCrossing: null, standalone: false };
  const { polygons, unclosed, repeats, short } = read;
  const { polygons: valid, tally } = makeValidPolygons(polygons, workLimit);
  const issues: GeometryIssue[] = [];
  const warn = (code: string, message: Message): void => {
    issues.push({ severity: "warning", code, message });
  };
  if (unclosed > 0) warn("ring_unclosed", domainMessage("geometry.ring_unclosed", { unclosed }));
  if (valid.length === 0) {
    const code = short > 0 ? "ring_too_short" : "ring_degenerate";
    const message: Message = short > 0 ? domainMessage("geometry.rings_too_short") : domainMessage("geometry.zero_area");
    return {
      geometry: null,
      issues: [...issues, { severity: "error", code, message }],
      crossings: tally.crossings,
      firstCrossing: tally.firstCrossing,
      standalone: false,
    };
  }
  if (repeats > 0) warn("repeated_positions", domainMessage("geometry.repeated_positions", { count: repeats }));
  if (tally.rewound > 0) warn("ring_winding", domainMessage("geometry.ring_winding", { rewound: tally.rewound }));
  if (tally.crossings > 0) {
    const at = tally.firstCrossing ?? [0, 0];
    const place = `(${at[0].toFixed(5)}; ${at[1].toFixed(5)})`;
    warn("self_intersection", domainMessage("geometry.self_intersection", { count: tally.crossings, place }));
  }
  // What the repair changed, each counted, in the order a person reads them.
  const repairs = [
    ["hole_outside_shell", tally.holesOutside],
    ["ring_duplicate", tally.duplicateRings],
    ["ring_degenerate", tally.degenerateRings],
    ["hole_nested", tally.nestedHoles],
    ["parts_overlap", tally.overlappingParts],
    ["repair_too_complex", tally.fallback],
  ] as const;
  for (const [code, count] of repairs) if (count > 0) warn(code, domainMessage(`geometry.repaired_${code}`, { count }));
  const outside = outsideAreaIssue(valid);
  if (outside) issues.push(outside);
  const checked: Polygon | MultiPolygon =
    valid.length === 1 && read.type === "Polygon" ? { type: "Polygon", coordinates: valid[0] } : { type: "MultiPolygon", coordinates: valid };
  return { geometry: checked, issues, crossings: tally.crossings, firstCrossing: tally.firstCrossing, standalone: tally.fallback > 0 };
}

function outsideAreaIssue(polygons: readonly Ring[][]): GeometryIssue | undefined {
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  for (const rings of polygons) {
    for (const [lon, lat] of rings[0]) {
      minLon = Math.min(minLon, lon);
      maxLon = Math.max(maxLon, lon);
      minLat = Math.min(minLat, lat);
      maxLat = Math.max(maxLat, lat);
    }
  }
  const bounds = VIETNAM_BOUNDS;
  if (maxLon >= bounds.minLon && minLon <= bounds.maxLon && maxLat >= bounds.minLat && minLat <= bounds.maxLat) return undefined;
  return {
    severity: "warning",
    code: "feature_outside_area",
    message: domainMessage("geometry.feature_outside_area"),
  };
}

function readRing(rawRing: unknown, keepShort = false): { ring: Ring; closed: boolean; repeats: number } | { error: PolygonCheck } {
  if (!Array.isArray(rawRing)) {
    return { error: rejected("coordinates_invalid", domainMessage("geometry.coordinates_invalid")) };
  }
  const ring: Ring = [];
  let repeats = 0;
  for (const position of rawRing) {
    if (
      !Array.isArray(position) ||
      position.length < 2 ||
      typeof position[0] !== "number" ||
      typeof position[1] !== "number" ||
      !Number.isFinite(position[0]) ||
      !Number.isFinite(position[1])
    ) {
      return {
        error: rejected("coordinates_invalid", domainMessage("geometry.position_not_pair")),
      };
    }
    const lon = position[0];
    const lat = position[1];
    if (Math.abs(lon) > 1000 || Math.abs(lat) > 1000) {
      return {
        error: rejected("coordinates_projected", domainMessage("geometry.coordinates_projected", { lon, lat })),
      };
    }
    if (Math.abs(lon) > 180 || Math.abs(lat) > 90) {
      const swapped = Math.abs(lat) <= 180 && Math.abs(lon) <= 90;
      return {
        error: rejected(
          "coordinates_out_of_range",
          domainMessage("geometry.coordinates_out_of_range", { lon, lat, hint: swapped ? domainMessage("geometry.probably_swapped") : "" }),
        ),
      };
    }
    const previous = ring[ring.length - 1];
    // Repeated consecutive positions add nothing and would look like crossings to a segment test.
    // A plain [lon, lat] pair is kept as it is (millions of positions in a national coverage file: no copies).
    if (previous === undefined || previous[0] !== lon || previous[1] !== lat) ring.push(position.length === 2 ? (position as Position) : [lon, lat]);
    else repeats++;
  }
  let closed = false;
  if (ring.length > 0) {
    const first = ring[0];
    const last = ring[ring.length - 1];
    if (ring.length === 1 || first[0] !== last[0] || first[1] !== last[1]) {
      ring.push([first[0], first[1]]);
      closed = true;
    }
  }
  if (ring.length < 4 && !keepShort) {
    return {
      error: rejected("ring_too_short", domainMessage("geometry.ring_too_short", { length: ring.length })),
    };
  }
  return { ring, closed, repeats };
}

/**
 * Finds where the rings of one polygon cross or touch each other or themselves (adjacent segments excepted).
 * Small polygons use `@turf/kinks`; large ones a sweep over segments sorted by x that applies the same test.
 * @param rings - closed rings of one polygon
 * @returns crossing positions (possibly repeated)
 */
export function findRingCrossings(rings: readonly Position[][]): Position[] {
  // A single strictly convex ring cannot cross itself: the common case of tower discs, checked in linear time.
  if (rings.length === 1 && isStrictlyConvexRing(rings[0])) return [];
  const segments = rings.reduce((total, ring) => total + ring.length - 1, 0);
  if (segments <= KINKS_SEGMENT_LIMIT) {
    return kinks({ type: "Polygon", coordinates: rings as Position[][] }).features.map((feature) => feature.geometry.coordinates);
  }
  return sweepRingCrossings(rings);
}

interface Segment {
  ring: number;
  index: number;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

/**
 * The sweep used for large polygons: segments sorted by their smallest x, each tested only against those whose x-range overlaps.
 * @param rings - closed rings of one polygon
 * @returns crossing positions
 */
export function sweepRingCrossings(rings: readonly Position[][]): Position[] {
  const segments: Segment[] = [];
  rings.forEach((ring, ringIndex) => {
    for (let i = 0; i + 1 < ring.length; i++) {
      const [x1, y1] = ring[i];
      const [x2, y2] = ring[i + 1];
      segments.push({
        ring: ringIndex,
        index: i,
        x1,
        y1,
        x2,
        y2,
        minX: Math.min(x1, x2),
        maxX: Math.max(x1, x2),
        minY: Math.min(y1, y2),
        maxY: Math.max(y1, y2),
      });
    }
  });
  segments.sort((a, b) => a.minX - b.minX);
  const found: Position[] = [];
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i];
    for (let j = i + 1; j < segments.length && segments[j].minX <= s.maxX; j++) {
      const t = segments[j];
      if (t.minY > s.maxY || t.maxY < s.minY) continue;
      if (s.ring === t.ring) {
        const last = rings[s.ring].length - 2;
        const gap = Math.abs(s.index - t.index);
        if (gap === 1 || gap === last) continue;
      }
      const crossing = intersectSegments(s, t);
      if (crossing) found.push(crossing);
    }
  }
  return found;
}

// The same test as @turf/kinks: parallel segments never cross; end points count.
function intersectSegments(s: Segment, t: Segment): Position | null {
  const denominator = (t.y2 - t.y1) * (s.x2 - s.x1) - (t.x2 - t.x1) * (s.y2 - s.y1);
  if (denominator === 0) return null;
  const dy = s.y1 - t.y1;
  const dx = s.x1 - t.x1;
  const a = ((t.x2 - t.x1) * dy - (t.y2 - t.y1) * dx) / denominator;
  const b = ((s.x2 - s.x1) * dy - (s.y2 - s.y1) * dx) / denominator;
  if (a < 0 || a > 1 || b < 0 || b > 1) return null;
  return [s.x1 + a * (s.x2 - s.x1), s.y1 + a * (s.y2 - s.y1)];
}

function uniquePositions(positions: readonly Position[]): Position[] {
  const seen = new Set<string>();
  const result: Position[] = [];
  for (const position of positions) {
    const key = `${position[0].toFixed(9)},${position[1].toFixed(9)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(position);
  }
  return result;
}

// Splits a ring into simple rings with @turf/unkink-polygon, oriented as asked, dropping zero-area slivers.
function splitRing(ring: Ring, counterClockwise: boolean): Ring[] {
  const pieces = unkinkPolygon({ type: "Feature", properties: {}, geometry: { type: "Polygon", coordinates: [ring] } });
  const result: Ring[] = [];
  for (const piece of pieces.features) {
    const outer = piece.geometry.coordinates[0];
    const area = signedRingArea(outer);
    if (Math.abs(area) < 1e-18) continue;
    result.push(area > 0 === counterClockwise ? outer : [...outer].reverse());
  }
  return result;
}

function proposeRepair(polygons: readonly Ring[][], crossedParts: ReadonlySet<number>): Polygon | MultiPolygon | null {
  const repaired: Ring[][] = [];
  try {
    polygons.forEach((rings, partIndex) => {
      if (!crossedParts.has(partIndex)) {
        repaired.push(rings.map((ring, ringIndex) => (signedRingArea(ring) > 0 === (ringIndex === 0) ? ring : [...ring].reverse())));
        return;
      }
      const outers = splitRing(rings[0], true).map((outer) => [outer]);
      const holes = rings.slice(1).flatMap((hole) => splitRing(hole, false));
      for (const hole of holes) {
        // A hole belongs to the piece that holds all of its positions (edges included).
        const owner = outers.find((candidate) => hole.every((position) => booleanPointInPolygon(position, { type: "Polygon", coordinates: [candidate[0]] })));
        if (owner) owner.push(hole);
      }
      repaired.push(...outers);
    });
  } catch {
    // unkink-polygon throws on some degenerate rings; then there is no automatic repair to propose.
    return null;
  }
  if (repaired.length === 0) return null;
  return repaired.length === 1 ? { type: "Polygon", coordinates: repaired[0] } : { type: "MultiPolygon", coordinates: repaired };
}
