/**
 * Administrative boundaries (tỉnh / xã, phường) from GeoJSON, at province or commune level.
 */
import { emptyReport, type ImportReport, type ImportResult } from "../issues.ts";
import type { AdminArea, AdminLevel } from "../types.ts";
import { findProperty, noFeaturesIssue, propertyText, readGeojsonInput } from "./geojson_input.ts";
import { addIssues, makeIssue, placeIssues } from "./import_issue.ts";
import { checkPolygonGeometry } from "./polygon_checks.ts";
import { domainMessage } from "../messages/message.ts";

/** Options of parseAdminGeojson. */
export interface AdminOptions {
  file: string;
  /** The coordinate system of the positions when it is not WGS 84 (see readGeojsonInput). */
  crs?: string;
  /** The level of every feature; guessed per feature when absent. */
  level?: AdminLevel;
  codeProperty?: string;
  nameProperty?: string;
  parentCodeProperty?: string;
}

/** Default property names, most specific first. */
export const ADMIN_PROPERTY_ALIASES = {
  code: ["code", "ma", "mã", "id"],
  name: ["name", "ten", "tên", "ten_tinh", "ten_xa", "fullName"],
  parentCode: ["province_code", "parent_code", "ma_tinh", "mã tỉnh"],
  parentName: ["province_name", "parent_name", "ten_tinh", "tên tỉnh"],
} as const;

/**
 * Guesses the level of an area: a parent code or a 5-digit code means a commune, a 1–2 digit code a province;
 * otherwise the name's prefix decides ("Tỉnh", "Thành phố" → province; "Xã", "Phường", "Thị trấn", "Đặc khu" → commune).
 * @param code - the area's code
 * @param name - the area's name
 * @param hasParent - whether it names a parent code
 * @returns the level, or undefined when nothing tells
 */
export function guessAdminLevel(code: string, name: string, hasParent: boolean): AdminLevel | undefined {
  if (hasParent) return "commune";
  if (/^\d{5}$/.test(code)) return "commune";
  if (/^\d{1,2}$/.test(code)) return "province";
  const lower = name.trim().toLowerCase();
  if (/^(tỉnh|thành phố)\s/.test(lower)) return "province";
  if (/^(xã|phường|thị trấn|đặc khu)\s/.test(lower)) return "commune";
  return undefined;
}

/**
 * Reads admin areas from GeoJSON.
 * @param input - text, bytes or a parsed FeatureCollection
 * @param options - the file name, the level and property names
 * @returns the accepted areas and the report (read = accepted + rejected)
 * @example
 * ```ts
 * const { items } = parseAdminGeojson(text, { file: "provinces.geojson", level: "province" });
 * ```
 */
export function parseAdminGeojson(input: string | Uint8Array | object, options: AdminOptions): ImportResult<AdminArea> {
  const file = options.file;
  const report: ImportReport = emptyReport(file, "admin");
  const items: AdminArea[] = [];
  const { features, issues, detected } = readGeojsonInput(input, file, { crs: options.crs });
  if (detected) report.detected = { ...report.detected, ...detected };
  addIssues(report, issues);
  report.read = features.length;
  if (issues.length === 0 && features.length === 0) addIssues(report, [noFeaturesIssue(file)]);
  const codeNames = options.codeProperty ? [options.codeProperty] : ADMIN_PROPERTY_ALIASES.code;
  const nameNames = options.nameProperty ? [options.nameProperty] : ADMIN_PROPERTY_ALIASES.name;
  const parentNames = options.parentCodeProperty ? [options.parentCodeProperty] : ADMIN_PROPERTY_ALIASES.parentCode;
  features.forEach((feature, featureIndex) => {
    const where = { featureIndex };
    const nameKey = findProperty(feature.properties, nameNames);
    const codeKey = findProperty(feature.properties, codeNames);
    const name = nameKey !== undefined ? propertyText(feature.properties[nameKey]).trim() : "";
    let code = codeKey !== undefined ? propertyText(feature.properties[codeKey]).trim() : "";
    if (code === "" && !options.codeProperty && (typeof feature.id === "string" || typeof feature.id === "number")) code = String(feature.id).trim();
    if (code === "" && name === "") {
      report.rejected++;
      addIssues(report, [
        makeIssue(file, "error", "admin_name_missing", domainMessage("admin.admin_name_missing", { codeNames: codeNames[0], nameNames: nameNames[0] }), where),
      ]);
      return;
    }
    const check = checkPolygonGeometry(feature.geometry);
    const warnings = placeIssues(file, check.issues, where);
    if (check.geometry === null) {
      report.rejected++;
      addIssues(report, warnings);
      return;
    }
    if (check.crossings.length > 0) {
      const at = check.crossings[0];
      warnings.push(
        makeIssue(
          file,
          "warning",
          "self_intersection",
          domainMessage("admin.self_intersection", { count: check.crossings.length, lon: at[0].toFixed(5), lat: at[1].toFixed(5) }),
          where,
        ),
      );
    }
    if (code === "") {
      code = name;
      warnings.push(makeIssue(file, "warning", "admin_code_missing", domainMessage("admin.admin_code_missing", { name }), where));
    }
    const parentKey = findProperty(feature.properties, parentNames);
    const parentCode = parentKey !== undefined ? propertyText(feature.properties[parentKey]).trim() : "";
    let level = options.level ?? guessAdminLevel(code, name, parentCode !== "");
    if (level === undefined) {
      level = "province";
      warnings.push(makeIssue(file, "warning", "admin_level_unknown", domainMessage("admin.admin_level_unknown", { name: name || code }), where));
    }
    const area: AdminArea = { level, code, name: name === "" ? code : name, geometry: check.geometry };
    if (parentCode !== "" && level === "commune") area.parentCode = parentCode;
    const parentNameKey = findProperty(feature.properties, ADMIN_PROPERTY_ALIASES.parentName);
    const parentName = parentNameKey !== undefined ? propertyText(feature.properties[parentNameKey]).trim() : "";
    if (parentName !== "" && level === "commune") area.parentName = parentName;
    items.push(area);
    report.accepted++;
    addIssues(report, warnings);
  });
  return { items, report };
}
