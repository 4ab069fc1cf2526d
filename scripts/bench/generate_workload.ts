/**
 * A seeded, national-scale synthetic workload for the benchmark: Vietnam's extent, tower discs per carrier
 * (raw, overlapping 64-gons), points clustered like settlements, and a partition into districts.
 * Same recipe as the research anchors (docs/performance.md), written from scratch here.
 *
 * Not generated: per-carrier merged MultiPolygons with holes. Dissolving 20,000 discs per carrier in JS took
 * 6.5 minutes and 11 GB with the Turf union module in the research runs; the engine's property tests cover holes and
 * multipolygons instead.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Feature, FeatureCollection, Polygon, Position } from "geojson";
import { createRandom, drawGaussian } from "../../src/testing/seeded_random.ts";

export interface WorkloadOptions {
  /** Number of points (default 1,000,000). */
  points: number;
  /** Towers per carrier (default 20,000). */
  towersPerCarrier: number;
  /** Carrier names (default three). */
  carriers: string[];
  /** Approximate number of districts (default 700). */
  districts: number;
  /** Vertices per disc (default 64). */
  discVertices: number;
  seed: number;
}

export const DEFAULT_WORKLOAD: WorkloadOptions = {
  points: 1_000_000,
  towersPerCarrier: 20_000,
  carriers: ["Viettel", "VNPT", "MobiFone"],
  districts: 700,
  discVertices: 64,
  seed: 20240601,
};

/** Vietnam's bounding box as used by the research workload. */
export const EXTENT = { minLon: 102, minLat: 8.5, maxLon: 110, maxLat: 23.4 };

const KM_PER_DEGREE_LAT = 110.574;
const KM_PER_DEGREE_LON_AT_EQUATOR = 111.32;
const CITY_COUNT = 60;

export interface Workload {
  /** CSV text: id,name,kind,lon,lat. */
  pointsCsv: string;
  lon: Float64Array;
  lat: Float64Array;
  coverage: FeatureCollection<Polygon>;
  districts: FeatureCollection<Polygon>;
}

interface City {
  lon: number;
  lat: number;
  sigmaKm: number;
}

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

function makeCities(random: () => number): { cities: City[]; cumulative: number[] } {
  const cities: City[] = [];
  const cumulative: number[] = [];
  let sum = 0;
  for (let rank = 1; rank <= CITY_COUNT; rank++) {
    cities.push({
      lon: EXTENT.minLon + 0.3 + random() * (EXTENT.maxLon - EXTENT.minLon - 0.6),
      lat: EXTENT.minLat + 0.3 + random() * (EXTENT.maxLat - EXTENT.minLat - 0.6),
      sigmaKm: 5 + random() * 25,
    });
    sum += 1 / rank;
    cumulative.push(sum);
  }
  return { cities, cumulative: cumulative.map((value) => value / sum) };
}

function pickCity(random: () => number, cities: City[], cumulative: number[]): City {
  const u = random();
  let k = 0;
  while (k < cumulative.length - 1 && cumulative[k] < u) k++;
  return cities[k];
}

function clampToExtent(lon: number, lat: number): [number, number] {
  return [Math.min(EXTENT.maxLon, Math.max(EXTENT.minLon, lon)), Math.min(EXTENT.maxLat, Math.max(EXTENT.minLat, lat))];
}

function aroundCity(random: () => number, city: City, sigmaKm: number): [number, number] {
  const lat = city.lat + (drawGaussian(random) * sigmaKm) / KM_PER_DEGREE_LAT;
  const lon = city.lon + (drawGaussian(random) * sigmaKm) / (KM_PER_DEGREE_LON_AT_EQUATOR * Math.cos((city.lat * Math.PI) / 180));
  return clampToExtent(lon, lat);
}

function uniformInExtent(random: () => number): [number, number] {
  return [EXTENT.minLon + random() * (EXTENT.maxLon - EXTENT.minLon), EXTENT.minLat + random() * (EXTENT.maxLat - EXTENT.minLat)];
}

/** A counter-clockwise n-gon of the given radius (km) around a centre, closed, 6-decimal coordinates. */
function disc(lon: number, lat: number, radiusKm: number, vertices: number): Position[] {
  const ring: Position[] = [];
  const lonScale = KM_PER_DEGREE_LON_AT_EQUATOR * Math.cos((lat * Math.PI) / 180);
  for (let k = 0; k < vertices; k++) {
    const angle = (2 * Math.PI * k) / vertices;
    ring.push([round6(lon + (radiusKm * Math.cos(angle)) / lonScale), round6(lat + (radiusKm * Math.sin(angle)) / KM_PER_DEGREE_LAT)]);
  }
  ring.push([...ring[0]]);
  return ring;
}

/**
 * Generates the workload in memory.
 * @param overrides - sizes and seed (defaults: DEFAULT_WORKLOAD)
 * @returns points (CSV text and coordinate arrays), coverage discs and districts
 */
export function generateWorkload(overrides: Partial<WorkloadOptions> = {}): Workload {
  const options = { ...DEFAULT_WORKLOAD, ...overrides };
  const random = createRandom(options.seed);
  const { cities, cumulative } = makeCities(random);

  const coverageFeatures: Feature<Polygon>[] = [];
  for (const carrier of options.carriers) {
    for (let t = 0; t < options.towersPerCarrier; t++) {
      const urban = random() < 0.6;
      let centre: [number, number];
      let radiusKm: number;
      if (urban) {
        const city = pickCity(random, cities, cumulative);
        centre = aroundCity(random, city, city.sigmaKm);
        radiusKm = 1 + 2 * random();
      } else {
        centre = uniformInExtent(random);
        radiusKm = 3 + 5 * random();
      }
      coverageFeatures.push({
        type: "Feature",
        properties: { carrier, technology: "4G", as_of: "2024-06-01" },
        geometry: { type: "Polygon", coordinates: [disc(centre[0], centre[1], radiusKm, options.discVertices)] },
      });
    }
  }

  const lon = new Float64Array(options.points);
  const lat = new Float64Array(options.points);
  const lines: string[] = ["id,name,kind,lon,lat"];
  for (let i = 0; i < options.points; i++) {
    let position: [number, number];
    if (random() < 0.7) {
      const city = pickCity(random, cities, cumulative);
      position = aroundCity(random, city, city.sigmaKm * 2);
    } else position = uniformInExtent(random);
    lon[i] = round6(position[0]);
    lat[i] = round6(position[1]);
    lines.push(`P${i},Điểm ${i},${i % 5 === 0 ? "school" : "village"},${lon[i]},${lat[i]}`);
  }

  return {
    pointsCsv: lines.join("\n") + "\n",
    lon,
    lat,
    coverage: { type: "FeatureCollection", features: coverageFeatures },
    districts: { type: "FeatureCollection", features: makeDistricts(random, options.districts) },
  };
}

/**
 * A jittered grid of districts that share their boundaries exactly (a valid partition of the extent):
 * inner corners move by up to 20% of a cell, and each side is split into 8 segments displaced by up to 4%.
 */
function makeDistricts(random: () => number, count: number): Feature<Polygon>[] {
  const width = EXTENT.maxLon - EXTENT.minLon;
  const height = EXTENT.maxLat - EXTENT.minLat;
  const columns = Math.max(1, Math.round(Math.sqrt((count * width) / height)));
  const rows = Math.max(1, Math.round(count / columns));
  const cellWidth = width / columns;
  const cellHeight = height / rows;
  const corner: Position[][] = [];
  for (let i = 0; i <= columns; i++) {
    corner.push([]);
    for (let j = 0; j <= rows; j++) {
      const inner = i > 0 && i < columns && j > 0 && j < rows;
      const dx = inner ? (random() - 0.5) * 0.4 * cellWidth : 0;
      const dy = inner ? (random() - 0.5) * 0.4 * cellHeight : 0;
      corner[i].push([round6(EXTENT.minLon + i * cellWidth + dx), round6(EXTENT.minLat + j * cellHeight + dy)]);
    }
  }
  const SEGMENTS = 8;
  const side = (a: Position, b: Position, boundary: boolean): Position[] => {
    const points: Position[] = [a];
    const length = Math.hypot(b[0] - a[0], b[1] - a[1]);
    for (let s = 1; s < SEGMENTS; s++) {
      const t = s / SEGMENTS;
      const offset = boundary ? 0 : (random() - 0.5) * 0.08 * length;
      const nx = -(b[1] - a[1]) / length;
      const ny = (b[0] - a[0]) / length;
      points.push([round6(a[0] + t * (b[0] - a[0]) + offset * nx), round6(a[1] + t * (b[1] - a[1]) + offset * ny)]);
    }
    return points;
  };
  // Sides are generated once and reused (reversed) by the neighbouring district, so boundaries match exactly.
  const horizontal: Position[][][] = [];
  const vertical: Position[][][] = [];
  for (let i = 0; i <= columns; i++) {
    horizontal.push([]);
    vertical.push([]);
    for (let j = 0; j <= rows; j++) {
      if (i < columns) horizontal[i].push(side(corner[i][j], corner[i + 1][j], j === 0 || j === rows));
      if (j < rows) vertical[i].push(side(corner[i][j], corner[i][j + 1], i === 0 || i === columns));
    }
  }
  const features: Feature<Polygon>[] = [];
  for (let i = 0; i < columns; i++) {
    for (let j = 0; j < rows; j++) {
      const ring: Position[] = [
        ...horizontal[i][j],
        ...vertical[i + 1][j],
        ...[...horizontal[i][j + 1], corner[i + 1][j + 1]].reverse().slice(0, -1),
        ...[...vertical[i][j], corner[i][j + 1]].reverse().slice(0, -1),
      ];
      ring.push([...ring[0]]);
      features.push({
        type: "Feature",
        properties: { level: "commune", code: `D${String(i).padStart(3, "0")}${String(j).padStart(3, "0")}`, name: `Huyện ${i}-${j}` },
        geometry: { type: "Polygon", coordinates: [ring] },
      });
    }
  }
  return features;
}

/**
 * Generates the workload and writes it to a new temporary directory (never into the repository).
 * @param overrides - sizes and seed
 * @returns the file paths and the in-memory workload
 */
export function writeWorkload(overrides: Partial<WorkloadOptions> = {}): {
  directory: string;
  pointsPath: string;
  coveragePath: string;
  districtsPath: string;
  workload: Workload;
} {
  const workload = generateWorkload(overrides);
  const directory = mkdtempSync(join(tmpdir(), "lom-song-bench-"));
  const pointsPath = join(directory, "points.csv");
  const coveragePath = join(directory, "coverage.geojson");
  const districtsPath = join(directory, "districts.geojson");
  writeFileSync(pointsPath, workload.pointsCsv);
  writeFileSync(coveragePath, JSON.stringify(workload.coverage));
  writeFileSync(districtsPath, JSON.stringify(workload.districts));
  return { directory, pointsPath, coveragePath, districtsPath, workload };
}
