/**
 * The data model shared by the app, its worker and the CLI.
 * Plain data only (no classes), so everything here passes through postMessage and JSON.
 */
import type { MultiPolygon, Polygon } from "geojson";

/** Kinds of listed places. `school_site` is a satellite site (điểm trường) of a school. */
export const POINT_KINDS = ["school", "school_site", "village", "village_centre", "other"] as const;
export type PointKind = (typeof POINT_KINDS)[number];

/** Mobile technologies, in increasing order: index comparison means "at or above". */
export const TECHNOLOGIES = ["2G", "3G", "4G", "5G"] as const;
export type Technology = (typeof TECHNOLOGIES)[number];

/** Text in both interface languages. Vietnamese first. */
export interface Message {
  vi: string;
  en: string;
}
export type Language = "vi" | "en";

/** A school, school site, village… as imported. Coordinates are WGS 84 degrees. */
export interface Point {
  id: string;
  name: string;
  kind: PointKind;
  lon: number;
  lat: number;
  /** A school site's school. */
  parentId?: string;
  /** Pupils or households, when given. */
  weight?: number;
  /** Admin area as given in the row, or computed by point-in-polygon against loaded areas. */
  provinceCode?: string;
  provinceName?: string;
  communeCode?: string;
  communeName?: string;
  /** Where it came from: file name and 1-based data row (CSV, header excluded) or 0-based feature index (GeoJSON). */
  source: { file: string; row: number };
  /** Every other input column, kept verbatim (NFC) and written back out on export. */
  extra: Record<string, string>;
}

/** One coverage polygon of one carrier and technology. */
export interface CoverageFeature {
  carrier: string;
  technology: Technology;
  /** ISO date YYYY-MM-DD, or null when the file does not say. */
  asOf: string | null;
  geometry: Polygon | MultiPolygon;
  source: { file: string; featureIndex: number };
  /** Estimated coverage (discs around the towers of a public list), never a carrier's own map: its carrier name says "(ước tính)". */
  estimated?: true;
  /**
   * Set when the import could not afford to repair the geometry (too many crossings) and kept it as it was:
   * the index then counts the feature on its own (covered where its own winding number is positive), so it
   * never subtracts from the layer's other features.
   */
  standalone?: true;
}

export type AdminLevel = "province" | "commune";

/** An administrative area (tỉnh / xã, phường) with its boundary. */
export interface AdminArea {
  level: AdminLevel;
  code: string;
  name: string;
  /** For a commune: its province's code, when known. */
  parentCode?: string;
  /** For a commune: its province's name, when the file gives it (property province_name). */
  parentName?: string;
  geometry: Polygon | MultiPolygon;
}

/** A (carrier, technology) pair: one layer of the coverage index. */
export interface CoverageLayerInfo {
  carrier: string;
  technology: Technology;
  asOf: string | null;
}
