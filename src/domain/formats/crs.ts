/**
 * Coordinate reference systems used in Vietnam, and their transformation to WGS 84 longitude and latitude
 * with proj4: WGS 84; VN-2000 geographic (EPSG:4756); VN-2000 / UTM 48N and 49N (EPSG:3405, 3406); VN-2000 /
 * TM-3 with a province's central meridian (Thông tư 973/2001/TT-TCĐC; EPSG:5896–5899, 9205–9218).
 *
 * The datum shift is the official 7-parameter one of Quyết định 05/2007/QĐ-BTNMT (EPSG:6960, "VN-2000 to WGS 84
 * (2)"): dX −191.90441429 m, dY −39.30318279 m, dZ −111.45032835 m, rotations −0.00928836″, 0.01975479″,
 * −0.00427372″ in the coordinate-frame convention, scale 0.252906278 ppm. proj4's `+towgs84` takes rotations in
 * the position-vector convention, so their signs are flipped there (as PROJ's own `projinfo EPSG:3405` writes).
 */
import proj4 from "proj4";
import type { Message } from "../types.ts";
import { foldForSearch } from "../parse/fold_for_search.ts";
import { PROVINCE_CENTRAL_MERIDIANS, meridianText, parseMeridian } from "./crs_table.ts";
import { domainMessage } from "../messages/message.ts";

export { PROVINCE_CENTRAL_MERIDIANS, COMMON_CRS_CHOICES, meridianText, parseMeridian } from "./crs_table.ts";

/** `+towgs84` for VN-2000 (position-vector rotations: the signs of QĐ 05/2007's coordinate-frame rotations flipped). */
export const VN2000_TOWGS84 = "-191.90441429,-39.30318279,-111.45032835,0.00928836,-0.01975479,0.00427372,0.252906278";

/** A coordinate reference system the tool can transform from. */
export interface CrsDefinition {
  /** Stable id, e.g. "WGS84", "VN2000", "VN2000-UTM48", "VN2000-TM3-105.75". */
  id: string;
  /** Name shown to the user. */
  label: Message;
  /** The proj4 definition. */
  proj: string;
  /** Whether coordinates are metres (easting, northing) rather than degrees. */
  projected: boolean;
  /** The EPSG code when there is one. */
  epsg?: number;
}

/** EPSG codes of the VN-2000 TM-3 systems, by central meridian. */
const TM3_EPSG: ReadonlyMap<number, number> = new Map([
  [102, 5896],
  [105, 5897],
  [108, 5898],
  [107.75, 5899],
  [103, 9205],
  [104, 9206],
  [104.5, 9207],
  [104.75, 9208],
  [105.5, 9209],
  [105.75, 9210],
  [106, 9211],
  [106.25, 9212],
  [106.5, 9213],
  [107, 9214],
  [107.25, 9215],
  [107.5, 9216],
  [108.25, 9217],
  [108.5, 9218],
]);

const WGS84_PROJ = "+proj=longlat +datum=WGS84 +no_defs";

/** WGS 84 longitude and latitude (EPSG:4326): no transformation. */
export const WGS84: CrsDefinition = {
  id: "WGS84",
  label: { vi: "WGS 84 (kinh độ, vĩ độ)", en: "WGS 84 (longitude, latitude)" },
  proj: WGS84_PROJ,
  projected: false,
  epsg: 4326,
};

/** VN-2000 geographic (EPSG:4756). */
export const VN2000_GEOGRAPHIC: CrsDefinition = {
  id: "VN2000",
  label: { vi: "VN-2000 địa lý (kinh độ, vĩ độ)", en: "VN-2000 geographic (longitude, latitude)" },
  proj: `+proj=longlat +ellps=WGS84 +towgs84=${VN2000_TOWGS84} +no_defs`,
  projected: false,
  epsg: 4756,
};

/**
 * VN-2000 / UTM zone 48N or 49N (EPSG:3405, 3406).
 * @param zone - 48 or 49
 * @returns the definition
 */
export function vn2000Utm(zone: 48 | 49): CrsDefinition {
  return {
    id: `VN2000-UTM${zone}`,
    label: { vi: `VN-2000 / UTM múi ${zone}N`, en: `VN-2000 / UTM zone ${zone}N` },
    proj: `+proj=utm +zone=${zone} +ellps=WGS84 +towgs84=${VN2000_TOWGS84} +units=m +no_defs`,
    projected: true,
    epsg: zone === 48 ? 3405 : 3406,
  };
}

/**
 * VN-2000 / TM-3 with a central meridian (k = 0.9999, false easting 500 000 m), as for a province's cadastral maps.
 * @param meridian - the central meridian in degrees east
 * @param scale - the scale factor (0.9999 for TM-3; 0.9996 would be UTM-like)
 * @returns the definition
 */
export function vn2000Tm3(meridian: number, scale = 0.9999): CrsDefinition {
  const epsg = scale === 0.9999 ? TM3_EPSG.get(meridian) : undefined;
  const definition: CrsDefinition = {
    id: `VN2000-TM3-${meridian}`,
    label: { vi: `VN-2000 / TM-3 kinh tuyến trục ${meridianText(meridian)}`, en: `VN-2000 / TM-3 central meridian ${meridianText(meridian)}` },
    proj: `+proj=tmerc +lat_0=0 +lon_0=${meridian} +k=${scale} +x_0=500000 +y_0=0 +ellps=WGS84 +towgs84=${VN2000_TOWGS84} +units=m +no_defs`,
    projected: true,
  };
  if (epsg !== undefined) definition.epsg = epsg;
  return definition;
}

/**
 * The central meridian of a province's TM-3 system.
 * @param name - the province's name, with or without tones ("Lao Cai", "TP Hồ Chí Minh")
 * @returns degrees east, or undefined when the province is not in the table
 */
export function provinceMeridian(name: string): number | undefined {
  const folded = foldForSearch(name)
    .replace(/^(tinh|thanh pho|tp\.?)\s+/, "")
    .replace(/[-–]/g, " ")
    .replace(/\s+/g, " ");
  const found = PROVINCE_CENTRAL_MERIDIANS.find((entry) => foldForSearch(entry.province).replace(/[-–]/g, " ").replace(/\s+/g, " ") === folded);
  return found?.meridian;
}

/**
 * Reads a system as the user writes it: `WGS84`, `VN2000`, `VN2000-UTM48`, `VN2000-UTM49`, `VN2000-TM3-105.75`,
 * `VN2000-TM3-105:45`, `VN2000-TM3-Lào Cai`, or an EPSG code (4326, 4756, 3405, 3406, 5896–5899, 9205–9218).
 * @param text - the text
 * @returns the definition, or null when it is not one of these
 */
export function parseCrs(text: string): CrsDefinition | null {
  const compact = text.trim();
  const upper = compact.toUpperCase().replace(/\s+/g, "");
  const epsgMatch = /^(?:EPSG:)?(\d{4})$/.exec(upper);
  if (epsgMatch) {
    const code = Number(epsgMatch[1]);
    if (code === 4326) return WGS84;
    if (code === 4756) return VN2000_GEOGRAPHIC;
    if (code === 3405) return vn2000Utm(48);
    if (code === 3406) return vn2000Utm(49);
    for (const [meridian, epsg] of TM3_EPSG) if (epsg === code) return vn2000Tm3(meridian);
    return null;
  }
  if (upper === "WGS84" || upper === "WGS-84") return WGS84;
  const normalized = upper.replace(/^VN-?2000/, "VN2000");
  if (normalized === "VN2000" || normalized === "VN2000-GEO" || normalized === "VN2000-GEOGRAPHIC") return VN2000_GEOGRAPHIC;
  if (normalized === "VN2000-UTM48" || normalized === "VN2000-UTM48N") return vn2000Utm(48);
  if (normalized === "VN2000-UTM49" || normalized === "VN2000-UTM49N") return vn2000Utm(49);
  const tm3 = /^VN-?2000[-_ ]?TM-?3[-_ ]?(.+)$/i.exec(compact.replace(/\s*-\s*/g, "-"));
  if (tm3) {
    const rest = tm3[1].trim();
    const meridian = parseMeridian(rest) ?? provinceMeridian(rest);
    return meridian === null || meridian === undefined ? null : vn2000Tm3(meridian);
  }
  return null;
}

/** Turns (x, y) in a system into WGS 84 [longitude, latitude]. */
export type ToWgs84 = (x: number, y: number) => [number, number];

const converters = new Map<string, ToWgs84>();

/**
 * The transformation of a system to WGS 84 (cached per definition).
 * @param crs - the system
 * @returns a function of (x, y) — easting, northing in metres, or longitude, latitude in degrees — to [lon, lat]
 */
export function toWgs84(crs: CrsDefinition): ToWgs84 {
  if (crs.proj === WGS84_PROJ) return (x, y) => [x, y];
  const cached = converters.get(crs.proj);
  if (cached) return cached;
  const converter = proj4(crs.proj, WGS84_PROJ);
  const convert: ToWgs84 = (x, y) => {
    const result = converter.forward([x, y]) as number[];
    return [result[0], result[1]];
  };
  converters.set(crs.proj, convert);
  return convert;
}

/**
 * Transforms every position of a GeoJSON geometry in place.
 * @param geometry - a GeoJSON geometry (unchecked: anything that is not an array of numbers is left alone)
 * @param convert - the transformation
 */
export function transformGeometry(geometry: unknown, convert: ToWgs84): void {
  if (typeof geometry !== "object" || geometry === null) return;
  const record = geometry as { type?: unknown; coordinates?: unknown; geometries?: unknown };
  if (Array.isArray(record.geometries)) for (const inner of record.geometries) transformGeometry(inner, convert);
  const walk = (value: unknown): void => {
    if (!Array.isArray(value)) return;
    if (typeof value[0] === "number" && typeof value[1] === "number") {
      const [lon, lat] = convert(value[0], value[1]);
      value[0] = lon;
      value[1] = lat;
      return;
    }
    for (const inner of value) walk(inner);
  };
  walk(record.coordinates);
}

/** What a `.prj` file says, read into a definition, or why it cannot be used. */
export type PrjReading = { ok: true; crs: CrsDefinition } | { ok: false; message: Message };

function wktParameter(wkt: string, name: string): number | undefined {
  const match = new RegExp(`PARAMETER\\[\\s*"${name}"\\s*,\\s*(-?[\\d.eE+-]+)\\s*\\]`, "i").exec(wkt);
  return match ? Number(match[1]) : undefined;
}

/**
 * Reads the system of a shapefile's `.prj` (ESRI WKT as GDAL, ArcGIS, QGIS and MapInfo write it): WGS 84 geographic,
 * VN-2000 geographic, or a VN-2000 Transverse Mercator (UTM or TM-3, any meridian). A VN-2000 datum is recognised by
 * its name (`D_Vietnam_2000`, `VN-2000`, `VN_2000`) or by the official shift written into it; it is always shifted with
 * the official parameters.
 * @param wkt - the `.prj` text
 * @returns the definition or the reason it is not understood
 */
export function crsFromPrj(wkt: string): PrjReading {
  const text = wkt.trim();
  const isVn2000 = /vietnam[_ ]?2000|vn[-_ ]?2000|towgs84_-191_9044/i.test(text) || /TOWGS84\[\s*-191\.90/i.test(text);
  const isWgs84 = !isVn2000 && /WGS[_ ]?(19)?84/i.test(text) && !/towgs84/i.test(text);
  const projected = /^PROJCS\[/i.test(text) || /^PROJCRS\[/i.test(text);
  const unknown: Message = domainMessage("crs.prj_unknown", { text: text.slice(0, 80) });
  if (!projected) {
    if (isVn2000) return { ok: true, crs: VN2000_GEOGRAPHIC };
    if (isWgs84) return { ok: true, crs: WGS84 };
    return { ok: false, message: unknown };
  }
  if (!/Transverse_Mercator/i.test(text) || !(isVn2000 || isWgs84)) return { ok: false, message: unknown };
  const meridian = wktParameter(text, "Central_Meridian");
  const scale = wktParameter(text, "Scale_Factor") ?? 1;
  const falseEasting = wktParameter(text, "False_Easting") ?? 0;
  const falseNorthing = wktParameter(text, "False_Northing") ?? 0;
  const origin = wktParameter(text, "Latitude_Of_Origin") ?? 0;
  const unit =
    /UNIT\[\s*"(?:Meter|metre)"\s*,\s*1(?:\.0+)?\s*\]\s*\]?\s*$/i.test(text) || /UNIT\[\s*"(?:Meter|metre)"/i.test(text.slice(text.lastIndexOf("UNIT[")));
  if (meridian === undefined || !unit || origin !== 0 || falseNorthing !== 0 || falseEasting !== 500000) return { ok: false, message: unknown };
  if (!isVn2000) {
    return {
      ok: true,
      crs: {
        id: `WGS84-TM-${meridian}-${scale}`,
        label: { vi: `WGS 84 / TM kinh tuyến ${meridianText(meridian)}`, en: `WGS 84 / TM meridian ${meridianText(meridian)}` },
        proj: `+proj=tmerc +lat_0=0 +lon_0=${meridian} +k=${scale} +x_0=500000 +y_0=0 +datum=WGS84 +units=m +no_defs`,
        projected: true,
      },
    };
  }
  if (scale === 0.9996 && (meridian === 105 || meridian === 111)) return { ok: true, crs: vn2000Utm(meridian === 105 ? 48 : 49) };
  return { ok: true, crs: vn2000Tm3(meridian, scale) };
}

/**
 * Whether coordinates look like projected metres rather than degrees (Vietnam's eastings are 100 000–900 000 m in a
 * UTM or TM-3 zone and its northings 800 000–2 600 000 m).
 * @param x - the first coordinate (easting, or the value read as longitude)
 * @param y - the second coordinate
 * @returns true for metres
 */
export function looksProjected(x: number, y: number): boolean {
  return Math.abs(x) > 1000 || Math.abs(y) > 1000;
}
