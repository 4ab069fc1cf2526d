/**
 * Public tower lists (OpenCelliD's CSV, header
 * `radio,mcc,net,area,cell,unit,lon,lat,range,samples,changeable,created,updated,averageSignal`) as ESTIMATED coverage: one disc per cell around its estimated position, with a radius per
 * technology (or the file's `range`, clamped). The layers are labelled "(ước tính)" in their carrier name and carry
 * `estimated: true`, so they are never mixed with a carrier's own polygons: "Viettel (ước tính)" is its own layer in
 * the legend, the statistics and the exports.
 *
 * Only Vietnam's networks (MCC 452) are read: MNC 01 MobiFone, 02 VNPT (VinaPhone), 04 Viettel, 05 Vietnamobile,
 * 07 Gmobile. Radio GSM → 2G, UMTS (and CDMA) → 3G, LTE → 4G, NR → 5G.
 */
import type { Message, Technology } from "../types.ts";
import { readCsvTable } from "../parse/read_csv_table.ts";
import { domainMessage } from "../messages/message.ts";

/** The suffix of an estimated layer's carrier name. */
export const ESTIMATED_SUFFIX = " (ước tính)";

/** Default disc radius per technology, in km. */
export const DEFAULT_TOWER_RADIUS_KM: Readonly<Record<Technology, number>> = { "2G": 12, "3G": 4, "4G": 4, "5G": 0.5 };

/** The file's range is clamped to this (km) with useRange. */
export const TOWER_RANGE_LIMITS_KM = { min: 0.1, max: 35 } as const;

/** Vietnam's mobile networks by MNC. */
export const VIETNAM_MNC: Readonly<Record<number, string>> = { 1: "MobiFone", 2: "VNPT", 4: "Viettel", 5: "Vietnamobile", 7: "Gmobile" };

const RADIO: Readonly<Record<string, Technology>> = { GSM: "2G", UMTS: "3G", CDMA: "3G", LTE: "4G", NR: "5G" };

/** How towers become discs. */
export interface TowerOptions {
  /** Radius per technology in km (missing ones take DEFAULT_TOWER_RADIUS_KM). */
  radiusKm?: Partial<Record<Technology, number>>;
  /** The same as typed (`2G=12,3G=4,4G=4,5G=0.5`, read with parseTowerRadius), when radiusKm is not given. */
  radiusText?: string;
  /** Use each cell's `range` (metres), clamped to TOWER_RANGE_LIMITS_KM, instead of the radius per technology. */
  useRange?: boolean;
  /** Vertices of each disc (default 48). */
  vertices?: number;
}

/**
 * Whether a header is OpenCelliD's.
 * @param header - the CSV header
 * @returns true when it has radio, mcc, net, cell, lon and lat
 */
export function isTowerHeader(header: readonly string[]): boolean {
  const names = new Set(header.map((cell) => cell.trim().toLowerCase()));
  return ["radio", "mcc", "net", "cell", "lon", "lat"].every((name) => names.has(name));
}

/**
 * Whether text (or bytes) starts with OpenCelliD's header.
 * @param input - the file
 * @returns true for a tower list
 */
export function isTowerCsv(input: string | Uint8Array): boolean {
  const head = typeof input === "string" ? input.slice(0, 512) : String.fromCharCode(...input.subarray(0, 512));
  const first = head.replace(/^\uFEFF|^\xEF\xBB\xBF/, "").split(/\r?\n/)[0];
  return isTowerHeader(first.split(","));
}

/**
 * Reads `--tower-radius 2G=12,3G=4,4G=4,5G=0.5`.
 * @param text - the option's value
 * @returns the radii, or the message for a value that cannot be read
 */
export function parseTowerRadius(text: string): { ok: true; value: Partial<Record<Technology, number>> } | { ok: false; message: Message } {
  const value: Partial<Record<Technology, number>> = {};
  for (const part of text.split(",")) {
    const match = /^\s*([2-5]G)\s*=\s*(\d+(?:[.,]\d+)?)\s*(?:km)?\s*$/i.exec(part);
    const radius = match ? Number(match[2].replace(",", ".")) : NaN;
    if (!match || !(radius > 0 && radius <= 100)) {
      return {
        ok: false,
        message: domainMessage("towers.radius_unreadable", { part }),
      };
    }
    value[match[1].toUpperCase() as Technology] = radius;
  }
  return { ok: true, value };
}

const EARTH_RADIUS_KM = 6371.0088;

/**
 * A disc on the sphere as a closed GeoJSON ring, counter-clockwise.
 * @param lon - centre longitude
 * @param lat - centre latitude
 * @param radiusKm - radius in km
 * @param vertices - number of vertices
 * @returns the ring
 */
export function discRing(lon: number, lat: number, radiusKm: number, vertices = 48): number[][] {
  const φ = (lat * Math.PI) / 180;
  const λ = (lon * Math.PI) / 180;
  const δ = radiusKm / EARTH_RADIUS_KM;
  const ring: number[][] = [];
  for (let i = 0; i < vertices; i++) {
    // Bearings decreasing from north: counter-clockwise on the map.
    const θ = (-2 * Math.PI * i) / vertices;
    const φ2 = Math.asin(Math.sin(φ) * Math.cos(δ) + Math.cos(φ) * Math.sin(δ) * Math.cos(θ));
    const λ2 = λ + Math.atan2(Math.sin(θ) * Math.sin(δ) * Math.cos(φ), Math.cos(δ) - Math.sin(φ) * Math.sin(φ2));
    ring.push([Math.round(((λ2 * 180) / Math.PI) * 1e7) / 1e7, Math.round(((φ2 * 180) / Math.PI) * 1e7) / 1e7]);
  }
  ring.push([ring[0][0], ring[0][1]]);
  return ring;
}

/** The features made from a tower list, and what was left out. */
export interface TowerReading {
  collection: {
    type: "FeatureCollection";
    features: { type: "Feature"; properties: Record<string, unknown>; geometry: { type: "Polygon"; coordinates: number[][][] } | null }[];
  };
  /** Rows of other countries' networks (MCC ≠ 452), by MCC. */
  otherCountries: Map<string, number>;
  /** Rows of MCC 452 with an unknown MNC or radio. */
  unknownNetwork: number;
  /** Why the options cannot be used (an unreadable radiusText): nothing is read. */
  error?: Message;
}

/**
 * Turns an OpenCelliD CSV into estimated coverage features (GeoJSON, for parseCoverageGeojson's checks).
 * @param input - the CSV
 * @param file - the file name
 * @param options - radii
 * @returns the features and the rows left out
 */
export function readTowerCsv(input: string | Uint8Array, file: string, options: TowerOptions = {}): TowerReading {
  const table = readCsvTable(input, { file, delimiter: "," });
  const column = (name: string): number => table.header.findIndex((cell) => cell.trim().toLowerCase() === name);
  const at = {
    radio: column("radio"),
    mcc: column("mcc"),
    net: column("net"),
    area: column("area"),
    cell: column("cell"),
    lon: column("lon"),
    lat: column("lat"),
    range: column("range"),
    updated: column("updated"),
    samples: column("samples"),
  };
  let radiusKm = options.radiusKm;
  if (radiusKm === undefined && options.radiusText !== undefined) {
    const parsed = parseTowerRadius(options.radiusText);
    if (!parsed.ok) return { collection: { type: "FeatureCollection", features: [] }, otherCountries: new Map(), unknownNetwork: 0, error: parsed.message };
    radiusKm = parsed.value;
  }
  const radius = { ...DEFAULT_TOWER_RADIUS_KM, ...radiusKm };
  const features: TowerReading["collection"]["features"] = [];
  const otherCountries = new Map<string, number>();
  let unknownNetwork = 0;
  table.rows.forEach((cells, index) => {
    const row = table.rowNumbers[index] ?? index + 1;
    const mcc = (cells[at.mcc] ?? "").trim();
    if (mcc !== "452") {
      otherCountries.set(mcc, (otherCountries.get(mcc) ?? 0) + 1);
      return;
    }
    const carrier = VIETNAM_MNC[Number(cells[at.net])];
    const technology = RADIO[(cells[at.radio] ?? "").trim().toUpperCase()];
    if (carrier === undefined || technology === undefined) {
      unknownNetwork++;
      return;
    }
    const lon = Number(cells[at.lon]);
    const lat = Number(cells[at.lat]);
    const range = at.range >= 0 ? Number(cells[at.range]) : NaN;
    const km =
      options.useRange && Number.isFinite(range) && range > 0
        ? Math.min(TOWER_RANGE_LIMITS_KM.max, Math.max(TOWER_RANGE_LIMITS_KM.min, range / 1000))
        : radius[technology];
    const updated = at.updated >= 0 ? Number(cells[at.updated]) : NaN;
    const asOf = Number.isFinite(updated) && updated > 0 ? new Date(updated * 1000).toISOString().slice(0, 10) : null;
    features.push({
      type: "Feature",
      properties: {
        carrier: carrier + ESTIMATED_SUFFIX,
        technology,
        as_of: asOf,
        estimated: true,
        source: "OpenCelliD",
        row,
        cell: `${mcc}-${cells[at.net]}-${cells[at.area] ?? ""}-${cells[at.cell]}`,
        radius_km: km,
      },
      geometry: Number.isFinite(lon) && Number.isFinite(lat) ? { type: "Polygon", coordinates: [discRing(lon, lat, km, options.vertices ?? 48)] } : null,
    });
  });
  return { collection: { type: "FeatureCollection", features }, otherCountries, unknownNetwork };
}
