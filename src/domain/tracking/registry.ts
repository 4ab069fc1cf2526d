/**
 * The registry: the published list of dead zones, each assigned to one carrier with a deadline.
 */
import type { PointKind } from "../types.ts";

/** One listed dead zone (điểm lõm sóng trong danh sách). */
export interface ListedPoint {
  id: string;
  name: string;
  kind: PointKind;
  /** WGS 84 degrees; copied from the loaded point when the row gave only `point_id`. */
  lon: number;
  lat: number;
  /** The id of a loaded point (school, village…) this entry refers to, when the row gave one. */
  pointId?: string;
  provinceCode?: string;
  province?: string;
  /** The district as the list wrote it (districts were abolished in 2025; kept for reference). */
  district?: string;
  communeCode?: string;
  commune?: string;
  /** The list's own row number ("STT"), kept as written. */
  stt?: string;
  /** How a row without coordinates or point id was placed: matched by name, or a point chosen by a person. */
  locatedBy?: "name" | "choice";
  /** The assigned carrier, canonicalised (see canonicalCarrier). */
  carrier: string;
  /** YYYY-MM-DD; null when the row had none or an unreadable one (a warning on import): never overdue. */
  deadline: string | null;
  /** 1 = highest, when given. */
  priority?: number;
  note?: string;
  /** Where it came from: file and 1-based data row (CSV) or 0-based feature index (GeoJSON). */
  source: { file: string; row: number };
  /** Every other input column, kept verbatim. */
  extra: Record<string, string>;
}

/**
 * Indexes a registry by id, for the validations that look points up.
 * @param registry - the listed points (ids are unique after import)
 * @returns a map from id to listed point
 */
export function indexRegistry(registry: readonly ListedPoint[]): Map<string, ListedPoint> {
  const byId = new Map<string, ListedPoint>();
  for (const point of registry) byId.set(point.id, point);
  return byId;
}
