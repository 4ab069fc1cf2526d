/**
 * Builds data/boundaries/ from the 2025 administrative boundaries published in the repository
 * thanglequoc/vietnamese-provinces-database (folder `json/geojson/`; see data/SOURCES.md).
 *
 *   npx tsx scripts/prepare_boundaries.ts SOURCE_FOLDER [OUTPUT_FOLDER] [--communes 15,20]
 *
 * The source folder is walked recursively. A `.geojson` file whose feature has a 2-digit `code` is a
 * province; one with a 5-digit `code` is a commune or ward, whose province is the nearest ancestor folder
 * named like `15_lao_cai` (upstream: `15_lao_cai/wards/02647_lao_cai.geojson`). Only the communes
 * of the provinces given by `--communes` are kept. The output folder defaults to `data/boundaries`.
 *
 * Simplification is topology-preserving: mapshaper turns the polygons into shared arcs before it
 * simplifies them (Visvalingam, weighted), so two neighbours keep one common boundary, and `keep-shapes`
 * keeps every small island (the Hoàng Sa and Trường Sa reefs are a few hundred metres across).
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import mapshaper from "mapshaper";
import type { Feature, FeatureCollection, MultiPolygon, Point as PointGeometry, Polygon, Position } from "geojson";

/** Share of the removable vertices kept (mapshaper `-simplify` percentage), per level. */
const PROVINCE_KEEP = "50%";
const COMMUNE_KEEP = "12%";
/** 5 decimals of a degree: about 1 m. */
const COORDINATE_DECIMALS = 5;
const DEFAULT_COMMUNE_PROVINCES = ["15", "20"];

type AreaGeometry = Polygon | MultiPolygon;

interface SourceArea {
  code: string;
  name: string;
  nameEn: string;
  provinceCode?: string;
  geometry: AreaGeometry;
  file: string;
}

interface ProvinceProperties {
  code: string;
  name: string;
  name_en: string;
  level: "province";
}

interface CommuneProperties {
  code: string;
  name: string;
  name_en: string;
  province_code: string;
  province_name: string;
  level: "commune";
}

/** The label points for the two archipelagos (Vietnamese name first). */
export const ARCHIPELAGO_LABELS = [
  { name: "Quần đảo Hoàng Sa (Việt Nam)", name_en: "Hoang Sa (Paracel) Islands (Vietnam)", lon: 112.0, lat: 16.5, province_code: "48" },
  { name: "Quần đảo Trường Sa (Việt Nam)", name_en: "Truong Sa (Spratly) Islands (Vietnam)", lon: 114.0, lat: 10.0, province_code: "56" },
] as const;

/** Rough extents used to check that the province polygons include the archipelagos' islands. */
const ARCHIPELAGO_EXTENTS: Record<string, { minLon: number; minLat: number; maxLon: number; maxLat: number }> = {
  "48": { minLon: 111.0, minLat: 15.5, maxLon: 113.0, maxLat: 17.3 },
  "56": { minLon: 110.0, minLat: 7.0, maxLon: 118.0, maxLat: 12.0 },
};

/**
 * Lists every `.geojson` file under a folder, sorted, so the output does not depend on directory order.
 * @param folder - the folder to walk
 * @returns absolute file paths
 */
function listGeojsonFiles(folder: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(folder).sort()) {
    const path = join(folder, entry);
    if (statSync(path).isDirectory()) files.push(...listGeojsonFiles(path));
    else if (entry.endsWith(".geojson")) files.push(path);
  }
  return files;
}

/**
 * Finds the 2-digit province code in the nearest ancestor folder named like `15_lao_cai`.
 * @param file - a ward file path
 * @returns the code, or undefined
 */
function findProvinceCodeInPath(file: string): string | undefined {
  for (let folder = dirname(file); folder !== dirname(folder); folder = dirname(folder)) {
    const match = /^(\d{2})_/.exec(basename(folder));
    if (match) return match[1];
  }
  return undefined;
}

/**
 * Reads the upstream files: provinces, and the communes of the selected provinces.
 * @param sourceFolder - the upstream `json/geojson` folder (or a copy of part of it)
 * @param communeProvinces - province codes whose communes are kept
 * @returns provinces and communes, sorted by code
 */
function readSourceAreas(sourceFolder: string, communeProvinces: readonly string[]): { provinces: SourceArea[]; communes: SourceArea[] } {
  const provinces: SourceArea[] = [];
  const communes: SourceArea[] = [];
  for (const file of listGeojsonFiles(sourceFolder)) {
    const provinceCodeInPath = findProvinceCodeInPath(file);
    const isCommuneFile = /^\d{5}_/.test(basename(file));
    // Skip the other provinces' ward files without parsing them (upstream holds about 600 MB of them).
    if (isCommuneFile && (provinceCodeInPath === undefined || !communeProvinces.includes(provinceCodeInPath))) continue;
    const collection = JSON.parse(readFileSync(file, "utf8")) as FeatureCollection;
    for (const feature of collection.features) {
      const properties = (feature.properties ?? {}) as Record<string, unknown>;
      const code = String(properties.code ?? feature.id ?? "");
      const geometry = feature.geometry;
      if (geometry === null || (geometry.type !== "Polygon" && geometry.type !== "MultiPolygon")) {
        throw new Error(`${file}: expected a Polygon or MultiPolygon, got ${geometry?.type}`);
      }
      const area: SourceArea = {
        code,
        name: String(properties.name ?? "").normalize("NFC"),
        nameEn: String(properties.nameEn ?? properties.name ?? ""),
        geometry,
        file,
      };
      if (/^\d{2}$/.test(code)) provinces.push(area);
      else if (/^\d{5}$/.test(code)) communes.push({ ...area, provinceCode: provinceCodeInPath });
      else throw new Error(`${file}: unexpected code "${code}"`);
    }
  }
  const byCode = (a: SourceArea, b: SourceArea) => a.code.localeCompare(b.code);
  return { provinces: provinces.sort(byCode), communes: communes.sort(byCode) };
}

/**
 * Simplifies a collection with mapshaper, keeping shared boundaries shared and small islands present.
 * @param collection - the features to simplify (properties are carried through)
 * @param keep - the mapshaper `-simplify` percentage
 * @returns the simplified collection, RFC 7946 winding
 */
async function simplifyCollection<P>(collection: FeatureCollection<AreaGeometry, P>, keep: string): Promise<FeatureCollection<AreaGeometry, P>> {
  const output = await mapshaper.applyCommands(
    `-i input.json -simplify ${keep} keep-shapes -o output.geojson format=geojson rfc7946 precision=0.00001 -quiet`,
    { "input.json": JSON.stringify(collection) },
  );
  const text = output["output.geojson"];
  return JSON.parse(typeof text === "string" ? text : new TextDecoder().decode(text)) as FeatureCollection<AreaGeometry, P>;
}

/** Rounds to the output precision; `+ 0` turns -0 into 0. */
function roundCoordinate(value: number): number {
  const factor = 10 ** COORDINATE_DECIMALS;
  return Math.round(value * factor) / factor + 0;
}

/**
 * Rounds a ring and drops consecutive duplicates that rounding creates.
 * @param ring - a closed ring
 * @returns the rounded ring, still closed
 */
function roundRing(ring: Position[]): Position[] {
  const rounded: Position[] = [];
  for (const position of ring) {
    const next = [roundCoordinate(position[0]), roundCoordinate(position[1])];
    const previous = rounded[rounded.length - 1];
    if (previous === undefined || previous[0] !== next[0] || previous[1] !== next[1]) rounded.push(next);
  }
  return rounded;
}

/**
 * Rounds a geometry's coordinates, dropping rings (and polygons) that collapse below 4 positions.
 * @param geometry - a Polygon or MultiPolygon
 * @returns the rounded geometry
 */
function roundGeometry(geometry: AreaGeometry): AreaGeometry {
  const roundPolygon = (polygon: Position[][]) => polygon.map(roundRing).filter((ring) => ring.length >= 4);
  if (geometry.type === "Polygon") return { type: "Polygon", coordinates: roundPolygon(geometry.coordinates) };
  return { type: "MultiPolygon", coordinates: geometry.coordinates.map(roundPolygon).filter((polygon) => polygon.length > 0) };
}

/** Every polygon of a geometry, as arrays of rings. */
function listPolygons(geometry: AreaGeometry): Position[][][] {
  return geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
}

/**
 * Counts the positions of a geometry (closing positions included).
 * @param geometry - a Polygon or MultiPolygon
 * @returns the number of positions
 */
function countVertices(geometry: AreaGeometry): number {
  let count = 0;
  for (const polygon of listPolygons(geometry)) for (const ring of polygon) count += ring.length;
  return count;
}

/**
 * Checks one output feature: closed rings of at least 4 positions, finite coordinates in range.
 * @param geometry - the geometry to check
 * @param label - names the feature in messages
 * @returns problems found (empty when valid)
 */
export function validateAreaGeometry(geometry: AreaGeometry, label: string): string[] {
  const problems: string[] = [];
  const polygons = listPolygons(geometry);
  if (polygons.length === 0) problems.push(`${label}: empty geometry`);
  polygons.forEach((polygon, polygonIndex) => {
    if (polygon.length === 0) problems.push(`${label}: polygon ${polygonIndex} has no rings`);
    polygon.forEach((ring, ringIndex) => {
      const where = `${label}: polygon ${polygonIndex} ring ${ringIndex}`;
      if (ring.length < 4) problems.push(`${where} has ${ring.length} positions (at least 4 needed)`);
      for (const position of ring) {
        if (position.length < 2 || !Number.isFinite(position[0]) || !Number.isFinite(position[1])) {
          problems.push(`${where} has a non-finite coordinate`);
          break;
        }
        if (position[0] < -180 || position[0] > 180 || position[1] < -90 || position[1] > 90) {
          problems.push(`${where} has a coordinate out of range`);
          break;
        }
      }
      const first = ring[0];
      const last = ring[ring.length - 1];
      if (first !== undefined && last !== undefined && (first[0] !== last[0] || first[1] !== last[1])) {
        problems.push(`${where} is not closed`);
      }
    });
  });
  return problems;
}

/**
 * Counts the polygons of a province lying inside an extent (used for the archipelago check).
 * @param geometry - the province geometry
 * @param extent - the archipelago's rough extent
 * @returns the number of polygons whose outer ring starts inside the extent
 */
function countPolygonsInExtent(geometry: AreaGeometry, extent: { minLon: number; minLat: number; maxLon: number; maxLat: number }): number {
  let count = 0;
  for (const polygon of listPolygons(geometry)) {
    const [lon, lat] = polygon[0][0];
    // The archipelagos lie east of 110°E, well off the mainland coast.
    if (lon >= extent.minLon && lon <= extent.maxLon && lat >= extent.minLat && lat <= extent.maxLat && lon > 110) count += 1;
  }
  return count;
}

/** Serialises a collection on one line per feature: small, yet readable in a diff. */
function stringifyCollection(collection: FeatureCollection): string {
  const lines = collection.features.map((feature) => JSON.stringify(feature));
  return `{"type":"FeatureCollection","features":[\n${lines.join(",\n")}\n]}\n`;
}

interface PrepareReport {
  files: { file: string; features: number; verticesBefore: number; verticesAfter: number; bytes: number }[];
  archipelagoPolygons: Record<string, number>;
  problems: string[];
}

/**
 * Writes provinces.geojson, communes.geojson and archipelagos.geojson into the output folder.
 * @param sourceFolder - the upstream `json/geojson` folder (or a copy of part of it)
 * @param outputFolder - where to write
 * @param communeProvinces - province codes whose communes are kept
 * @returns counts, sizes and validation problems
 */
export async function prepareBoundaries(sourceFolder: string, outputFolder: string, communeProvinces: readonly string[]): Promise<PrepareReport> {
  const { provinces, communes } = readSourceAreas(sourceFolder, communeProvinces);
  const provinceNames = new Map(provinces.map((province) => [province.code, province.name]));
  const report: PrepareReport = { files: [], archipelagoPolygons: {}, problems: [] };

  const provinceInput: FeatureCollection<AreaGeometry, ProvinceProperties> = {
    type: "FeatureCollection",
    features: provinces.map((province) => ({
      type: "Feature",
      properties: { code: province.code, name: province.name, name_en: province.nameEn, level: "province" },
      geometry: province.geometry,
    })),
  };
  const communeInput: FeatureCollection<AreaGeometry, CommuneProperties> = {
    type: "FeatureCollection",
    features: communes.map((commune) => {
      const provinceCode = commune.provinceCode ?? "";
      const provinceName = provinceNames.get(provinceCode);
      if (provinceName === undefined) report.problems.push(`${commune.file}: no province file for code "${provinceCode}"`);
      return {
        type: "Feature",
        properties: {
          code: commune.code,
          name: commune.name,
          name_en: commune.nameEn,
          province_code: provinceCode,
          province_name: provinceName ?? "",
          level: "commune",
        },
        geometry: commune.geometry,
      };
    }),
  };

  mkdirSync(outputFolder, { recursive: true });
  for (const [fileName, input, keep] of [
    ["provinces.geojson", provinceInput, PROVINCE_KEEP],
    ["communes.geojson", communeInput, COMMUNE_KEEP],
  ] as const) {
    const simplified = await simplifyCollection<ProvinceProperties | CommuneProperties>(input, keep);
    const features = simplified.features.map((feature): Feature<AreaGeometry, ProvinceProperties | CommuneProperties> => ({
      type: "Feature",
      properties: feature.properties,
      geometry: roundGeometry(feature.geometry),
    }));
    if (features.length !== input.features.length) {
      report.problems.push(`${fileName}: ${input.features.length} features in, ${features.length} out`);
    }
    for (const feature of features) {
      report.problems.push(...validateAreaGeometry(feature.geometry, `${fileName} ${feature.properties.code} ${feature.properties.name}`));
    }
    if (fileName === "provinces.geojson") {
      for (const [code, extent] of Object.entries(ARCHIPELAGO_EXTENTS)) {
        const feature = features.find((candidate) => candidate.properties.code === code);
        report.archipelagoPolygons[code] = feature === undefined ? 0 : countPolygonsInExtent(feature.geometry, extent);
      }
    }
    const text = stringifyCollection({ type: "FeatureCollection", features });
    writeFileSync(join(outputFolder, fileName), text);
    report.files.push({
      file: fileName,
      features: features.length,
      verticesBefore: input.features.reduce((sum, feature) => sum + countVertices(feature.geometry), 0),
      verticesAfter: features.reduce((sum, feature) => sum + countVertices(feature.geometry), 0),
      bytes: Buffer.byteLength(text),
    });
  }

  const labels: FeatureCollection<PointGeometry> = {
    type: "FeatureCollection",
    features: ARCHIPELAGO_LABELS.map((label) => ({
      type: "Feature",
      properties: { name: label.name, name_en: label.name_en, province_code: label.province_code, kind: "archipelago_label" },
      geometry: { type: "Point", coordinates: [label.lon, label.lat] },
    })),
  };
  const labelText = stringifyCollection(labels);
  writeFileSync(join(outputFolder, "archipelagos.geojson"), labelText);
  report.files.push({
    file: "archipelagos.geojson",
    features: labels.features.length,
    verticesBefore: 0,
    verticesAfter: 2,
    bytes: Buffer.byteLength(labelText),
  });
  return report;
}

/** Parses the command line: a source folder, an optional output folder, optional `--communes 15,20`. */
function parseArguments(argv: string[]): { sourceFolder: string; outputFolder: string; communeProvinces: string[] } {
  const positional: string[] = [];
  let communeProvinces = DEFAULT_COMMUNE_PROVINCES;
  for (let index = 0; index < argv.length; index += 1) {
    if (argv[index] === "--communes") {
      communeProvinces = (argv[index + 1] ?? "").split(",").filter((code) => code !== "");
      index += 1;
    } else positional.push(argv[index]);
  }
  if (positional.length < 1) {
    throw new Error("usage: npx tsx scripts/prepare_boundaries.ts <upstream json/geojson folder> [output folder] [--communes 15,20]");
  }
  const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");
  return { sourceFolder: positional[0], outputFolder: positional[1] ?? join(repositoryRoot, "data", "boundaries"), communeProvinces };
}

async function main(): Promise<void> {
  const { sourceFolder, outputFolder, communeProvinces } = parseArguments(process.argv.slice(2));
  const started = performance.now();
  const report = await prepareBoundaries(sourceFolder, outputFolder, communeProvinces);
  for (const file of report.files) {
    process.stdout.write(
      `${file.file}: ${file.features} features, ${file.verticesBefore} → ${file.verticesAfter} vertices, ${(file.bytes / 1024).toFixed(0)} KiB\n`,
    );
  }
  for (const [code, count] of Object.entries(report.archipelagoPolygons)) {
    process.stdout.write(`province ${code}: ${count} island polygons in the archipelago extent\n`);
  }
  process.stdout.write(`done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  if (report.problems.length > 0) {
    process.stderr.write(report.problems.map((problem) => `problem: ${problem}`).join("\n") + "\n");
    process.exitCode = 1;
  }
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
