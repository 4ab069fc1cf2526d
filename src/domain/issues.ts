/**
 * Import issues and reports. Every import returns a report in which
 * read = accepted + rejected, always; warnings do not reject a row.
 */
import type { Message } from "./types.ts";
import { domainMessage } from "./messages/message.ts";

export type Severity = "error" | "warning";

export type ImportKind = "points" | "coverage" | "admin" | "registry" | "updates" | "backup";

/** One problem with one row or feature (or with the whole file when neither is set). */
export interface ImportIssue {
  file: string;
  /** 1-based data row for CSV (header excluded); for GeoJSON use featureIndex. */
  row?: number;
  /** 0-based feature index in a FeatureCollection. */
  featureIndex?: number;
  column?: string;
  /** Stable machine code, e.g. "coordinates_missing", "lat_lon_swapped". */
  code: string;
  severity: Severity;
  message: Message;
}

export interface ImportReport {
  file: string;
  kind: ImportKind;
  read: number;
  accepted: number;
  rejected: number;
  warnings: number;
  issues: ImportIssue[];
  /**
   * Registry rows and how they were placed, when some had to be found by name:
   * coordinates + pointId + byName + chosen = accepted; notLocated (left for a person to choose) ≤ rejected.
   */
  located?: { coordinates: number; pointId: number; byName: number; chosen: number; notLocated: number };
  /** The sheet read, for an Excel .xlsx workbook. */
  sheet?: string;
  /** What was detected, for the preview and the CLI. */
  detected?: {
    encoding?: "utf-8" | "utf-8-bom" | "windows-1258" | "utf-16le" | "utf-16be" | "tcvn3" | "vni-windows";
    /** The file format when it is not plain CSV / GeoJSON: "shapefile", "xls", "osm", "opencellid", "geotiff"… */
    format?: string;
    /** The coordinate system the positions were transformed from (id and name), when it is not WGS 84. */
    crs?: { id: string; name: string };
    /** OpenStreetMap areas (school grounds, village polygons) turned into a point inside them. */
    areasToPoints?: number;
    /** Estimated coverage (a public tower list), never a carrier's own map. */
    estimated?: boolean;
    delimiter?: string;
    decimalComma?: boolean;
    columns?: string[];
    lonColumn?: string;
    latColumn?: string;
  };
}

/** The shape every import function returns. */
export interface ImportResult<T> {
  items: T[];
  report: ImportReport;
}

/** Creates an empty report for a file. */
export function emptyReport(file: string, kind: ImportKind): ImportReport {
  return { file, kind, read: 0, accepted: 0, rejected: 0, warnings: 0, issues: [] };
}

/** Formats an issue as one line for a terminal or a log, in the given language. */
export function formatIssue(issue: ImportIssue, language: "vi" | "en" = "en"): string {
  const where =
    issue.row !== undefined
      ? domainMessage("issue.where_row", { row: issue.row })[language]
      : issue.featureIndex !== undefined
        ? domainMessage("issue.where_feature", { row: issue.featureIndex })[language]
        : "";
  // "dòng 12, cột “carrier”": a sentence, not a log line with brackets.
  const column = issue.column ? domainMessage("issue.column", { column: issue.column })[language] : "";
  const severity = domainMessage(issue.severity === "error" ? "issue.error" : "issue.warning")[language];
  return `${issue.file}${where ? `, ${where}` : ""}${column}: ${severity} ${issue.code}: ${issue.message[language]}`;
}
