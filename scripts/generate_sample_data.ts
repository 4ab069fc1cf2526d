/**
 * Generates the SYNTHETIC sample data in data/sample/: schools, school sites and villages placed at
 * random inside the real communes of Lào Cai and Lạng Sơn, coverage layers of three carriers built
 * from invented tower sites, and a registry of listed dead zones chosen among the uncovered points.
 * Nothing here describes real places, towers or coverage.
 *
 *   npm run sample-data              (writes data/sample/)
 *   npx tsx scripts/generate_sample_data.ts OUTPUT_FOLDER
 *
 * The only input is data/boundaries/communes.geojson. A fixed seed (mulberry32) makes every run
 * byte-identical; tests/sample_data.test.ts checks that.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import union from "@turf/union";
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from "geojson";
import {
  computeAreaKm2,
  computeBoundingBox,
  computeCentroid,
  distanceKm,
  isInsideArea,
  listPolygons,
  makeDisc,
  offsetPosition,
  roundToMultiPolygon,
  type AreaGeometry,
  type BoundingBox,
} from "./sample_data/geometry.ts";
import { chooseVillagePrefix, inventVillageName, NAME_STYLES, type NameStyle } from "./sample_data/names.ts";
import { createRandom, type Random } from "./sample_data/random.ts";

/** The seed of every run. Change it and every sample file changes. */
export const SAMPLE_SEED = 2026;
const SAMPLE_NOTE = "Dữ liệu mẫu (sample data)";
const REPOSITORY_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
/** Where the generator reads boundaries by default. */
export const DEFAULT_BOUNDARIES_FOLDER = join(REPOSITORY_ROOT, "data", "boundaries");
/** Where `npm run sample-data` writes. */
export const DEFAULT_SAMPLE_FOLDER = join(REPOSITORY_ROOT, "data", "sample");
/** The files the generator writes, in the order it writes them. */
export const SAMPLE_FILES = ["points.csv", "coverage.geojson", "dead_zones.csv"] as const;

const PROVINCE_PREFIXES: Record<string, string> = { "15": "LC", "20": "LS" };

/** The 2025 wards (phường) among the two provinces' communes: urban, so named "Khu …" and well covered. */
const WARD_CODES = new Set(["02647", "02671", "03006", "04252", "04273", "04279", "04288", "04543", "04663", "04681", "05977", "05983", "05986", "06187"]);

/**
 * Towns that anchor the synthetic tower network: the provincial cities (size 1), other wards (2) and
 * the former district centres (3). Towers cluster around them and along the corridors between them.
 */
const TOWN_SIZES: Record<string, 1 | 2 | 3> = {
  "02647": 1,
  "02671": 2,
  "03006": 2,
  "04252": 1,
  "04273": 2,
  "04279": 2,
  "04288": 2,
  "04543": 2,
  "04663": 2,
  "04681": 2,
  "02683": 3,
  "02761": 3,
  "02809": 3,
  "02839": 3,
  "02905": 3,
  "02947": 3,
  "03082": 3,
  "04303": 3,
  "04375": 3,
  "04456": 3,
  "04498": 3,
  "04606": 3,
  "04672": 3,
  "04714": 3,
  "05977": 1,
  "05983": 1,
  "05986": 2,
  "06187": 2,
  "06040": 3,
  "06112": 3,
  "06124": 3,
  "06184": 3,
  "06211": 3,
  "06253": 3,
  "06325": 3,
  "06385": 3,
  "06463": 3,
  "06529": 3,
  "06613": 3,
  "06526": 3,
};

/** High-mountain communes, made more remote than their distance to a town alone suggests. */
const HIGHLAND_CODES = new Set([
  "02686",
  "02701",
  "02707",
  "02752",
  "02824",
  "02842",
  "02848",
  "03037",
  "03046",
  "03076",
  "03085",
  "04462",
  "04465",
  "04474",
  "04489",
  "04492",
  "04603",
  "04609",
  "06541",
]);

const TECHNOLOGIES = ["2G", "3G", "4G"] as const;
type SampleTechnology = (typeof TECHNOLOGIES)[number];

interface CarrierProfile {
  carrier: string;
  asOf: string;
  /** Relative number of towers (Viettel = 1). */
  density: number;
  /** Share of tower sites carrying 3G and 4G, before the remoteness penalty. */
  share3G: number;
  share4G: number;
}

const CARRIERS: readonly CarrierProfile[] = [
  { carrier: "Viettel", asOf: "2026-09-30", density: 1, share3G: 0.92, share4G: 0.9 },
  { carrier: "VNPT", asOf: "2026-06-30", density: 0.62, share3G: 0.85, share4G: 0.8 },
  { carrier: "MobiFone", asOf: "2026-08-31", density: 0.45, share3G: 0.8, share4G: 0.75 },
];

/** Nominal cell radius in km on open ground; mountains shrink it. */
const RADIUS_KM: Record<SampleTechnology, number> = { "2G": 6.5, "3G": 6, "4G": 5.6 };
const DISC_SIDES = 32;

interface Commune {
  code: string;
  name: string;
  provinceCode: string;
  provinceName: string;
  geometry: AreaGeometry;
  box: BoundingBox;
  areaKm2: number;
  /** An interior point near the centroid: the commune centre, where the main school stands. */
  centre: Position;
  isWard: boolean;
  townSize?: 1 | 2 | 3;
  /** 0 (town) to 1 (most remote). */
  remoteness: number;
  styleWeights: number[];
}

type SampleKind = "school" | "school_site" | "village" | "village_centre";

interface SamplePoint {
  id: string;
  name: string;
  kind: SampleKind;
  position: Position;
  parentId: string;
  pupils: number | null;
  households: number | null;
  commune: Commune;
}

interface TowerSite {
  position: Position;
  carrierIndex: number;
  /** Radius per technology carried; absent technologies are not carried. */
  radiusKm: Partial<Record<SampleTechnology, number>>;
}

interface CoverageLayer {
  carrier: string;
  technology: SampleTechnology;
  asOf: string;
  geometry: MultiPolygon;
  box: BoundingBox[];
}

/** Inputs of the generator; the defaults make the committed files. */
export interface SampleDataOptions {
  /** Folder holding communes.geojson. */
  boundariesFolder?: string;
  /** Seed of the random source. */
  seed?: number;
}

/** Figures printed by the command and checked by the test. */
export interface SampleDataReport {
  points: { kind: SampleKind; provinceCode: string; count: number }[];
  towers: { carrier: string; sites: number }[];
  layers: { carrier: string; technology: string; discs: number; vertices: number; uncoveredPercent: number }[];
  /** Points outside every carrier's 4G, in percent of all points. */
  no4GPercent: number;
  /** Points outside every layer, in percent of all points. */
  noSignalPercent: number;
  deadZones: number;
  bytes: Record<string, number>;
  milliseconds: number;
}

/**
 * Reads the communes of data/boundaries/communes.geojson and derives what the generator needs.
 * @param boundariesFolder - folder holding communes.geojson
 * @param random - the seeded source
 * @returns communes sorted by code
 */
function readCommunes(boundariesFolder: string, random: Random): Commune[] {
  const collection = JSON.parse(readFileSync(join(boundariesFolder, "communes.geojson"), "utf8")) as FeatureCollection<AreaGeometry>;
  const communes = collection.features
    .map((feature) => {
      const properties = feature.properties as Record<string, string>;
      const geometry = feature.geometry;
      const box = computeBoundingBox(geometry);
      const commune: Commune = {
        code: properties.code,
        name: properties.name,
        provinceCode: properties.province_code,
        provinceName: properties.province_name,
        geometry,
        box,
        areaKm2: computeAreaKm2(geometry),
        centre: [0, 0],
        isWard: WARD_CODES.has(properties.code),
        townSize: TOWN_SIZES[properties.code],
        remoteness: 0,
        styleWeights: [],
      };
      return commune;
    })
    .sort((a, b) => a.code.localeCompare(b.code));
  for (const code of Object.keys(TOWN_SIZES)) {
    if (!communes.some((commune) => commune.code === code)) throw new Error(`communes.geojson has no commune ${code}`);
  }
  for (const commune of communes) commune.centre = findCommuneCentre(commune, random);
  const towns = communes.filter((commune) => commune.townSize !== undefined);
  for (const commune of communes) {
    const nearestTownKm = Math.min(...towns.map((town) => distanceKm(commune.centre, town.centre)));
    const noise = random.next();
    commune.remoteness =
      commune.townSize !== undefined
        ? 0
        : Math.min(1, Math.max(0, 0.65 * Math.min(1, nearestTownKm / 25) + 0.35 * noise + (HIGHLAND_CODES.has(commune.code) ? 0.25 : 0)));
    commune.styleWeights = chooseStyleWeights(commune);
  }
  return communes;
}

/**
 * Naming traditions of a commune's villages, as weights over NAME_STYLES: Lạng Sơn mostly Tày and Nùng;
 * Lào Cai with H'Mông and Dao names in the highlands and Kinh names in the valleys.
 */
function chooseStyleWeights(commune: Commune): number[] {
  const r = commune.remoteness;
  // Order: tay_nung, hmong, dao, kinh.
  if (commune.provinceCode === "20") return [0.7, 0.02, 0.1 + 0.1 * r, 0.18 * (1 - r)];
  if (r > 0.6) return [0.2, 0.5, 0.25, 0.05];
  if (r > 0.3) return [0.45, 0.15, 0.25, 0.15];
  return [0.4, 0.02, 0.1, 0.48];
}

/** Draws a uniform interior point of a commune (rejection sampling in its bounding box). */
function drawInteriorPoint(commune: Commune, random: Random): Position {
  for (let attempt = 0; attempt < 10_000; attempt += 1) {
    const candidate: Position = [random.between(commune.box[0], commune.box[2]), random.between(commune.box[1], commune.box[3])];
    if (isInsideArea(candidate, commune.geometry, commune.box)) return candidate;
  }
  throw new Error(`no interior point found in commune ${commune.code}`);
}

/**
 * Draws an interior point within a distance of an anchor (uniform in the disc, rejection sampling);
 * falls back to a uniform interior point when the disc barely overlaps the commune.
 */
function drawPointNear(anchor: Position, radiusKm: number, commune: Commune, random: Random): Position {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const distance = radiusKm * Math.sqrt(random.next());
    const angle = random.between(0, 2 * Math.PI);
    const candidate = offsetPosition(anchor, distance * Math.cos(angle), distance * Math.sin(angle));
    if (isInsideArea(candidate, commune.geometry, commune.box)) return candidate;
  }
  return drawInteriorPoint(commune, random);
}

/** The commune centre: the centroid when it is inside, else the interior sample closest to it. */
function findCommuneCentre(commune: Commune, random: Random): Position {
  const centroid = computeCentroid(commune.geometry);
  if (isInsideArea(centroid, commune.geometry, commune.box)) return centroid;
  let best = drawInteriorPoint(commune, random);
  for (let attempt = 0; attempt < 60; attempt += 1) {
    const candidate = drawInteriorPoint(commune, random);
    if (distanceKm(candidate, centroid) < distanceKm(best, centroid)) best = candidate;
  }
  return best;
}

/** The commune containing a position, or undefined outside both provinces. */
function findCommuneAt(position: Position, communes: readonly Commune[]): Commune | undefined {
  return communes.find((commune) => isInsideArea(position, commune.geometry, commune.box));
}

/** Rounds a position to 5 decimals, the precision written to the files. */
function roundPoint(position: Position): Position {
  return [Math.round(position[0] * 1e5) / 1e5, Math.round(position[1] * 1e5) / 1e5];
}

interface PointDraft {
  name: string;
  kind: SampleKind;
  position: Position;
  parentDraft?: PointDraft;
  pupils: number | null;
  households: number | null;
  commune: Commune;
}

/**
 * Places villages, village centres, schools and school sites in every commune.
 * @param communes - the communes, sorted by code
 * @param random - the seeded source
 * @returns points with ids, sorted by province, kind and id
 */
function generatePoints(communes: readonly Commune[], random: Random): SamplePoint[] {
  const drafts: PointDraft[] = [];
  for (const commune of communes) {
    const usedNames = new Set<string>();
    const villages: PointDraft[] = [];
    const isTown = commune.isWard;
    const villageCount = Math.round(Math.min(14, Math.max(3, Math.sqrt(commune.areaKm2) * 0.55)) + random.between(-1.5, 1.5));
    for (let index = 0; index < villageCount; index += 1) {
      let name = "";
      for (let attempt = 0; attempt < 50 && (name === "" || usedNames.has(name)); attempt += 1) {
        const style: NameStyle = NAME_STYLES[random.pickWeighted(commune.styleWeights)];
        const body = isTown && random.chance(0.5) ? String(index + 1) : inventVillageName(random, style);
        name = `${chooseVillagePrefix(random, style, isTown)} ${body}`;
      }
      if (usedNames.has(name)) continue;
      usedNames.add(name);
      // Villages sit in valleys near the commune centre more often than on remote slopes.
      const position = random.chance(0.4) ? drawPointNear(commune.centre, 4, commune, random) : drawInteriorPoint(commune, random);
      const households = isTown ? random.integer(120, 420) : random.integer(25, 220);
      villages.push({ name, kind: "village", position, pupils: null, households, commune });
    }
    drafts.push(...villages);
    for (const village of villages) {
      if (!random.chance(0.15)) continue;
      const [prefix, ...rest] = village.name.split(" ");
      drafts.push({
        name: `Nhà văn hóa ${prefix.toLowerCase()} ${rest.join(" ")}`,
        kind: "village_centre",
        position: drawPointNear(village.position, 0.2, commune, random),
        pupils: null,
        households: null,
        commune,
      });
    }
    drafts.push(...generateSchools(commune, villages, random));
  }

  const counters = new Map<string, number>();
  const ids = new Map<PointDraft, string>();
  const kindCodes: Record<SampleKind, string> = { school: "SCH", school_site: "SITE", village: "VIL", village_centre: "VC" };
  const kindOrder: SampleKind[] = ["school", "school_site", "village", "village_centre"];
  const ordered = [...drafts].sort(
    (a, b) => a.commune.provinceCode.localeCompare(b.commune.provinceCode) || kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind),
  );
  for (const draft of ordered) {
    const key = `${PROVINCE_PREFIXES[draft.commune.provinceCode]}-${kindCodes[draft.kind]}`;
    const number = (counters.get(key) ?? 0) + 1;
    counters.set(key, number);
    ids.set(draft, `${key}-${String(number).padStart(4, "0")}`);
  }
  return ordered.map((draft) => ({
    id: ids.get(draft) ?? "",
    name: draft.name,
    kind: draft.kind,
    position: roundPoint(draft.position),
    parentId: draft.parentDraft === undefined ? "" : (ids.get(draft.parentDraft) ?? ""),
    pupils: draft.pupils,
    households: draft.households,
    commune: draft.commune,
  }));
}

/** Strips "Thôn", "Bản", "Xóm" or "Khu" from a village name. */
function villageBody(village: PointDraft): string {
  return village.name.split(" ").slice(1).join(" ");
}

/**
 * Schools of a commune: kindergartens, primary and lower-secondary schools (boarding schools for
 * ethnic-minority pupils, PTDTBT, in remote communes), with satellite sites in the villages.
 */
function generateSchools(commune: Commune, villages: readonly PointDraft[], random: Random): PointDraft[] {
  const schools: PointDraft[] = [];
  const r = commune.remoteness;
  const place = commune.isWard ? commune.name : `xã ${commune.name}`;
  const addSchool = (name: string, pupils: number, near?: PointDraft): PointDraft => {
    const anchor = near?.position ?? commune.centre;
    const school: PointDraft = { name, kind: "school", position: drawPointNear(anchor, near ? 0.4 : 0.6, commune, random), pupils, households: null, commune };
    schools.push(school);
    return school;
  };
  // Schools are named after villages with a proper name, never after a numbered town block ("Khu 2").
  const namedVillages = villages.filter((village) => !/^\d+$/.test(villageBody(village)));
  const otherVillage = () => (namedVillages.length > 0 ? random.pick(namedVillages) : undefined);

  const hosts: PointDraft[] = [];
  hosts.push(addSchool(`Trường Mầm non ${place}`, random.integer(90, 320)));
  const secondKindergartenVillage = otherVillage();
  if (secondKindergartenVillage && random.chance(commune.isWard ? 0.8 : 0.3)) {
    hosts.push(addSchool(`Trường Mầm non ${villageBody(secondKindergartenVillage)}`, random.integer(60, 220), secondKindergartenVillage));
  }
  if (r > 0.5 && random.chance(0.6)) {
    hosts.push(addSchool(`Trường PTDTBT TH&THCS ${commune.name}`, random.integer(250, 900)));
  } else {
    hosts.push(addSchool(`Trường TH ${place}`, random.integer(180, 750)));
    addSchool(r > 0.4 ? `Trường PTDTBT THCS ${commune.name}` : `Trường THCS ${place}`, random.integer(150, 650));
  }
  const secondPrimaryVillage = otherVillage();
  if (secondPrimaryVillage && random.chance(commune.isWard ? 0.7 : 0.25)) {
    const prefix = r > 0.5 ? "Trường PTDTBT TH" : "Trường TH";
    hosts.push(addSchool(`${prefix} ${villageBody(secondPrimaryVillage)}`, random.integer(120, 500), secondPrimaryVillage));
  }

  // Satellite sites (điểm trường) in villages far from the centre, more of them in remote communes.
  if (r > 0.25) {
    const usedVillages = new Set<PointDraft>();
    for (const host of hosts) {
      const siteCount = random.integer(0, Math.round(3.5 * r));
      for (let index = 0; index < siteCount; index += 1) {
        const candidates = villages.filter((village) => !usedVillages.has(village));
        if (candidates.length === 0) break;
        const village = random.pick(candidates);
        usedVillages.add(village);
        const [prefix] = village.name.split(" ");
        schools.push({
          name: `Điểm trường ${prefix.toLowerCase()} ${villageBody(village)}`,
          kind: "school_site",
          position: drawPointNear(village.position, 0.3, commune, random),
          parentDraft: host,
          pupils: random.integer(8, 60),
          households: null,
          commune,
        });
      }
    }
  }
  return schools;
}

/**
 * Corridors between neighbouring towns of the same province: stand-ins for the roads in the valleys,
 * where carriers put their towers first.
 */
function buildCorridors(towns: readonly Commune[]): [Position, Position][] {
  const corridors: [Position, Position][] = [];
  const seen = new Set<string>();
  for (const town of towns) {
    const neighbours = towns
      .filter((other) => other !== town && other.provinceCode === town.provinceCode)
      .map((other) => ({ other, distance: distanceKm(town.centre, other.centre) }))
      .filter(({ distance }) => distance < 45)
      .sort((a, b) => a.distance - b.distance || a.other.code.localeCompare(b.other.code))
      .slice(0, 2);
    for (const { other } of neighbours) {
      const key = [town.code, other.code].sort().join("-");
      if (seen.has(key)) continue;
      seen.add(key);
      corridors.push([town.centre, other.centre]);
    }
  }
  return corridors;
}

/**
 * Invents tower sites for one carrier: clusters in towns, strings along corridors, a few in each
 * commune (fewer the more remote it is).
 */
function generateTowerSites(carrierIndex: number, communes: readonly Commune[], corridors: readonly [Position, Position][], random: Random): TowerSite[] {
  const profile = CARRIERS[carrierIndex];
  const sites: TowerSite[] = [];
  const addSite = (position: Position, town: boolean) => {
    const commune = findCommuneAt(position, communes);
    if (commune === undefined) return;
    const r = commune.remoteness;
    const terrain = (1.15 - 0.4 * r) * random.between(0.85, 1.15);
    const radiusKm: TowerSite["radiusKm"] = { "2G": RADIUS_KM["2G"] * terrain };
    if (town || random.chance(profile.share3G * (1 - 0.2 * r))) radiusKm["3G"] = RADIUS_KM["3G"] * terrain;
    if (town || (radiusKm["3G"] !== undefined && random.chance((profile.share4G / profile.share3G) * (1 - 0.15 * r)))) {
      radiusKm["4G"] = RADIUS_KM["4G"] * terrain;
    }
    sites.push({ position: roundPoint(position), carrierIndex, radiusKm });
  };

  for (const commune of communes) {
    if (commune.townSize === undefined) continue;
    const count = Math.max(1, Math.round([0, 8, 4, 3][commune.townSize] * profile.density));
    const spreadKm = commune.townSize === 1 ? 4 : 2.5;
    for (let index = 0; index < count; index += 1) addSite(drawPointNear(commune.centre, spreadKm, commune, random), true);
  }
  for (const [from, to] of corridors) {
    const lengthKm = distanceKm(from, to);
    const spacingKm = 7 / Math.sqrt(profile.density);
    for (let step = spacingKm; step < lengthKm - spacingKm / 2; step += spacingKm) {
      if (!random.chance(0.85)) continue;
      const t = step / lengthKm;
      const onLine: Position = [from[0] + (to[0] - from[0]) * t, from[1] + (to[1] - from[1]) * t];
      addSite(offsetPosition(onLine, random.between(-1.5, 1.5), random.between(-1.5, 1.5)), false);
    }
  }
  for (const commune of communes) {
    if (commune.townSize !== undefined) continue;
    const r = commune.remoteness;
    if (random.chance(profile.density * (1 - 0.6 * r))) addSite(drawPointNear(commune.centre, 1.5, commune, random), false);
    const expected = (commune.areaKm2 / 30) * profile.density * (1 - 0.85 * r) ** 1.75;
    const count = Math.floor(expected + random.next());
    for (let index = 0; index < count; index += 1) addSite(drawInteriorPoint(commune, random), false);
  }
  return sites;
}

/** Merges discs into one MultiPolygon with holes (polyclip-ts, through the Turf union module), rounded to 5 decimals. */
function mergeDiscs(discs: Polygon[]): MultiPolygon {
  if (discs.length === 0) return { type: "MultiPolygon", coordinates: [] };
  const features: Feature<Polygon>[] = discs.map((geometry) => ({ type: "Feature", properties: {}, geometry }));
  const merged = union({ type: "FeatureCollection", features });
  if (merged === null) return { type: "MultiPolygon", coordinates: [] };
  return roundToMultiPolygon(merged.geometry);
}

/** Whether a layer covers a position (edge counts as covered). */
function isCoveredBy(layer: CoverageLayer, position: Position): boolean {
  return layer.geometry.coordinates.some((polygon, index) => isInsideArea(position, { type: "Polygon", coordinates: polygon }, layer.box[index]));
}

/** Quotes a CSV cell when needed (RFC 4180). */
function formatCsvCell(value: string | number | null): string {
  if (value === null) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A CSV file: UTF-8 with BOM (so Excel keeps Vietnamese letters), CRLF line ends. */
function formatCsv(header: readonly string[], rows: (string | number | null)[][]): string {
  return "\uFEFF" + [header.join(","), ...rows.map((row) => row.map(formatCsvCell).join(","))].join("\r\n") + "\r\n";
}

const POINT_COLUMNS = [
  "id",
  "name",
  "kind",
  "lon",
  "lat",
  "parent_id",
  "pupils",
  "households",
  "province_code",
  "province",
  "commune_code",
  "commune",
  "note",
] as const;
const DEAD_ZONE_COLUMNS = [
  "id",
  "name",
  "kind",
  "lon",
  "lat",
  "point_id",
  "province_code",
  "province",
  "commune_code",
  "commune",
  "carrier",
  "deadline",
  "priority",
  "note",
] as const;

/** Formats a coordinate with 5 decimals. */
function formatCoordinate(value: number): string {
  return value.toFixed(5);
}

/** Month-end deadlines between 2026-06-30 and 2027-03-31, with quarter ends more likely. */
const DEADLINES = ["2026-06-30", "2026-07-31", "2026-08-31", "2026-09-30", "2026-10-31", "2026-11-30", "2026-12-31", "2027-01-31", "2027-02-28", "2027-03-31"];
const DEADLINE_WEIGHTS = [1, 1, 1, 2, 1, 1, 3, 1, 1, 3];
const DEAD_ZONE_CARRIER_WEIGHTS = [0.6, 0.25, 0.15];
const DEAD_ZONE_COUNT = 30;

/**
 * Chooses the listed dead zones among points with no 4G from any carrier (points with no signal at
 * all first), at most 2 per commune, and assigns each to a carrier with a deadline and a priority.
 */
function chooseDeadZones(points: readonly SamplePoint[], no4G: readonly boolean[], noSignal: readonly boolean[], random: Random): (string | number | null)[][] {
  const candidates = points
    .map((point, index) => ({ point, index, key: random.next() }))
    .filter(({ point, index }) => no4G[index] && point.kind !== "village_centre")
    .sort((a, b) => Number(noSignal[b.index]) - Number(noSignal[a.index]) || a.key - b.key);
  const perCommune = new Map<string, number>();
  const chosen: SamplePoint[] = [];
  for (const { point } of candidates) {
    if (chosen.length === DEAD_ZONE_COUNT) break;
    const used = perCommune.get(point.commune.code) ?? 0;
    if (used >= 2) continue;
    perCommune.set(point.commune.code, used + 1);
    chosen.push(point);
  }
  chosen.sort(
    (a, b) => a.commune.provinceCode.localeCompare(b.commune.provinceCode) || a.commune.code.localeCompare(b.commune.code) || a.id.localeCompare(b.id),
  );
  return chosen.map((point, index) => {
    const priority = point.kind === "school" ? 1 : point.kind === "school_site" ? random.integer(1, 2) : (point.households ?? 0) > 120 ? 2 : 3;
    return [
      `DZ-${String(index + 1).padStart(3, "0")}`,
      point.name,
      point.kind,
      formatCoordinate(point.position[0]),
      formatCoordinate(point.position[1]),
      point.id,
      point.commune.provinceCode,
      point.commune.provinceName,
      point.commune.code,
      point.commune.name,
      CARRIERS[random.pickWeighted(DEAD_ZONE_CARRIER_WEIGHTS)].carrier,
      DEADLINES[random.pickWeighted(DEADLINE_WEIGHTS)],
      priority,
      SAMPLE_NOTE,
    ];
  });
}

/** Serialises a FeatureCollection with one feature per line. */
function formatFeatureCollection(head: Record<string, unknown>, features: readonly unknown[]): string {
  const headText = JSON.stringify({ type: "FeatureCollection", ...head }).slice(0, -1);
  return `${headText},"features":[\n${features.map((feature) => JSON.stringify(feature)).join(",\n")}\n]}\n`;
}

/**
 * Generates points.csv, coverage.geojson and dead_zones.csv into a folder.
 * @param outputFolder - where to write (created when missing)
 * @param options - the boundaries folder (default data/boundaries) and the seed (default SAMPLE_SEED)
 * @returns counts, coverage figures, sizes and the time taken
 * @example
 * ```ts
 * const report = generateSampleData("data/sample");
 * console.log(report.no4GPercent);
 * ```
 */
export function generateSampleData(outputFolder: string, options: SampleDataOptions = {}): SampleDataReport {
  const { boundariesFolder = DEFAULT_BOUNDARIES_FOLDER, seed = SAMPLE_SEED } = options;
  const started = performance.now();
  const random = createRandom(seed);
  const communes = readCommunes(boundariesFolder, random);
  const points = generatePoints(communes, random);

  const towns = communes.filter((commune) => commune.townSize !== undefined);
  const corridors = buildCorridors(towns);
  const sitesByCarrier = CARRIERS.map((_, carrierIndex) => generateTowerSites(carrierIndex, communes, corridors, random));

  const layers: CoverageLayer[] = [];
  const layerReports: SampleDataReport["layers"] = [];
  CARRIERS.forEach((profile, carrierIndex) => {
    for (const technology of TECHNOLOGIES) {
      const discs = sitesByCarrier[carrierIndex]
        .filter((site) => site.radiusKm[technology] !== undefined)
        .map((site) => makeDisc(site.position, site.radiusKm[technology] ?? 0, DISC_SIDES));
      const geometry = mergeDiscs(discs);
      const box = geometry.coordinates.map((polygon) => computeBoundingBox({ type: "Polygon", coordinates: polygon }));
      layers.push({ carrier: profile.carrier, technology, asOf: profile.asOf, geometry, box });
      let vertices = 0;
      for (const polygon of listPolygons(geometry)) for (const ring of polygon) vertices += ring.length;
      layerReports.push({ carrier: profile.carrier, technology, discs: discs.length, vertices, uncoveredPercent: 0 });
    }
  });

  // Brute-force point-in-polygon over the generated layers.
  const covered = layers.map((layer) => points.map((point) => isCoveredBy(layer, point.position)));
  const percent = (count: number) => Math.round((1000 * count) / points.length) / 10;
  layers.forEach((_, layerIndex) => {
    layerReports[layerIndex].uncoveredPercent = percent(covered[layerIndex].filter((value) => !value).length);
  });
  const no4G = points.map((_, pointIndex) => layers.every((layer, layerIndex) => layer.technology !== "4G" || !covered[layerIndex][pointIndex]));
  const noSignal = points.map((_, pointIndex) => layers.every((_layer, layerIndex) => !covered[layerIndex][pointIndex]));
  const deadZoneRows = chooseDeadZones(points, no4G, noSignal, random);

  const pointRows = points.map((point) => [
    point.id,
    point.name,
    point.kind,
    formatCoordinate(point.position[0]),
    formatCoordinate(point.position[1]),
    point.parentId,
    point.pupils,
    point.households,
    point.commune.provinceCode,
    point.commune.provinceName,
    point.commune.code,
    point.commune.name,
    SAMPLE_NOTE,
  ]);
  const files: Record<(typeof SAMPLE_FILES)[number], string> = {
    "points.csv": formatCsv(POINT_COLUMNS, pointRows),
    "coverage.geojson": formatFeatureCollection(
      {
        name: "Sample coverage (synthetic) - Vùng phủ sóng mẫu (giả lập)",
        description:
          "SAMPLE DATA, NOT REAL: invented tower sites of three carriers in Lào Cai and Lạng Sơn, generated by scripts/generate_sample_data.ts with a fixed seed. " +
          "It does not show any carrier's real coverage. / DỮ LIỆU MẪU, KHÔNG PHẢI THẬT: vùng phủ giả lập từ các trạm phát sóng tự tạo; không phải vùng phủ thực tế của nhà mạng nào.",
      },
      layers.map((layer) => ({
        type: "Feature",
        properties: { carrier: layer.carrier, technology: layer.technology, as_of: layer.asOf, sample: true },
        geometry: layer.geometry,
      })),
    ),
    "dead_zones.csv": formatCsv(DEAD_ZONE_COLUMNS, deadZoneRows),
  };
  mkdirSync(outputFolder, { recursive: true });
  const bytes: Record<string, number> = {};
  for (const file of SAMPLE_FILES) {
    writeFileSync(join(outputFolder, file), files[file]);
    bytes[file] = Buffer.byteLength(files[file]);
  }

  const pointCounts = new Map<string, { kind: SampleKind; provinceCode: string; count: number }>();
  for (const point of points) {
    const key = `${point.commune.provinceCode}-${point.kind}`;
    const entry = pointCounts.get(key) ?? { kind: point.kind, provinceCode: point.commune.provinceCode, count: 0 };
    entry.count += 1;
    pointCounts.set(key, entry);
  }
  return {
    points: [...pointCounts.values()],
    towers: CARRIERS.map((profile, carrierIndex) => ({ carrier: profile.carrier, sites: sitesByCarrier[carrierIndex].length })),
    layers: layerReports,
    no4GPercent: percent(no4G.filter(Boolean).length),
    noSignalPercent: percent(noSignal.filter(Boolean).length),
    deadZones: deadZoneRows.length,
    bytes,
    milliseconds: Math.round(performance.now() - started),
  };
}

function main(): void {
  const outputFolder = process.argv[2] ?? DEFAULT_SAMPLE_FOLDER;
  const seed = process.argv[3] === undefined ? SAMPLE_SEED : Number(process.argv[3]);
  const report = generateSampleData(outputFolder, { seed });
  const lines = [
    `points: ${report.points.map((entry) => `${entry.provinceCode} ${entry.kind} ${entry.count}`).join(", ")}`,
    `tower sites: ${report.towers.map((entry) => `${entry.carrier} ${entry.sites}`).join(", ")}`,
    ...report.layers.map(
      (layer) => `${layer.carrier} ${layer.technology}: ${layer.discs} discs, ${layer.vertices} vertices, ${layer.uncoveredPercent}% of points uncovered`,
    ),
    `no 4G from any carrier: ${report.no4GPercent}% of points; no signal at all: ${report.noSignalPercent}%`,
    `dead zones: ${report.deadZones}`,
    ...Object.entries(report.bytes).map(([file, size]) => `${file}: ${(size / 1024).toFixed(0)} KiB`),
    `generated in ${(report.milliseconds / 1000).toFixed(1)} s into ${outputFolder}`,
  ];
  process.stdout.write(lines.join("\n") + "\n");
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
