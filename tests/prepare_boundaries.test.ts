import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { FeatureCollection, MultiPolygon, Polygon, Position } from "geojson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareBoundaries, validateAreaGeometry } from "../scripts/prepare_boundaries.ts";

type Areas = FeatureCollection<Polygon | MultiPolygon, Record<string, string>>;

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const FIXTURE = join(ROOT, "tests", "fixtures", "prepare_boundaries", "in");

function readAreas(path: string): Areas {
  return JSON.parse(readFileSync(path, "utf8")) as Areas;
}

function listRings(geometry: Polygon | MultiPolygon): Position[][] {
  return (geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates).flat();
}

/** Undirected segments of a geometry, as "x,y|x,y" keys. */
function listSegments(geometry: Polygon | MultiPolygon): Set<string> {
  const segments = new Set<string>();
  for (const ring of listRings(geometry)) {
    for (let index = 0; index + 1 < ring.length; index += 1) {
      const a = ring[index].join(",");
      const b = ring[index + 1].join(",");
      segments.add(a < b ? `${a}|${b}` : `${b}|${a}`);
    }
  }
  return segments;
}

describe("validateAreaGeometry", () => {
  const square: Position[] = [
    [104, 22],
    [104.1, 22],
    [104.1, 22.1],
    [104, 22.1],
    [104, 22],
  ];

  it("accepts a closed ring of at least 4 positions", () => {
    expect(validateAreaGeometry({ type: "Polygon", coordinates: [square] }, "square")).toEqual([]);
  });

  it("reports a ring that is not closed", () => {
    const open = square.slice(0, 4);
    expect(validateAreaGeometry({ type: "Polygon", coordinates: [open] }, "open")).toEqual(["open: polygon 0 ring 0 is not closed"]);
  });

  it("reports a ring with fewer than 4 positions", () => {
    const short: Position[] = [
      [104, 22],
      [104.1, 22],
      [104, 22],
    ];
    expect(validateAreaGeometry({ type: "Polygon", coordinates: [short] }, "short")).toEqual(["short: polygon 0 ring 0 has 3 positions (at least 4 needed)"]);
  });

  it("reports NaN and out-of-range coordinates", () => {
    const withNaN = square.map((position, index) => (index === 2 ? [Number.NaN, 22.1] : position));
    const outOfRange = square.map((position, index) => (index === 2 ? [204, 22.1] : position));
    expect(validateAreaGeometry({ type: "MultiPolygon", coordinates: [[withNaN], [outOfRange]] }, "bad")).toEqual([
      "bad: polygon 0 ring 0 has a non-finite coordinate",
      "bad: polygon 1 ring 0 has a coordinate out of range",
    ]);
  });
});

describe("prepareBoundaries", () => {
  let folder = "";
  let provinces: Areas;
  let communes: Areas;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), "boundaries-"));
    const report = await prepareBoundaries(FIXTURE, folder, ["15", "20"]);
    expect(report.problems).toEqual([]);
    provinces = readAreas(join(folder, "provinces.geojson"));
    communes = readAreas(join(folder, "communes.geojson"));
  });
  afterAll(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it("keeps every province with renamed properties, sorted by code", () => {
    expect(provinces.features.map((feature) => feature.properties)).toEqual([
      { code: "01", name: "Hà Nội", name_en: "Hanoi", level: "province" },
      { code: "15", name: "Lào Cai", name_en: "Lao Cai", level: "province" },
      { code: "20", name: "Lạng Sơn", name_en: "Lang Son", level: "province" },
    ]);
  });

  it("keeps only the communes of the selected provinces, with the province from the folder name", () => {
    expect(communes.features.map((feature) => feature.properties)).toEqual([
      { code: "00001", name: "Nà Pồ", name_en: "Na Po", province_code: "15", province_name: "Lào Cai", level: "commune" },
      { code: "00002", name: "Khuổi Mỏ", name_en: "Khuoi Mo", province_code: "15", province_name: "Lào Cai", level: "commune" },
      { code: "00003", name: "Pác Nặm", name_en: "Pac Nam", province_code: "20", province_name: "Lạng Sơn", level: "commune" },
      { code: "00005", name: "Lũng Vài", name_en: "Lung Vai", province_code: "15", province_name: "Lào Cai", level: "commune" },
    ]);
  });

  it("simplifies a wiggly boundary and keeps it shared, T-junction included", () => {
    // Fixture: ward A (00001) has straight outer edges (3 segments); its east side is a wiggly line shared
    // with B (00002, south) and C (00005, north), whose own border meets it half-way (a T-junction).
    const geometryOf = (code: string) => {
      const feature = communes.features.find((candidate) => candidate.properties.code === code);
      if (feature === undefined) throw new Error(`no commune ${code}`);
      return feature.geometry;
    };
    const sourceA = readAreas(join(FIXTURE, "15_lao_cai", "wards", "00001_ward_a.geojson")).features[0];
    const neighbours = new Set([...listSegments(geometryOf("00002")), ...listSegments(geometryOf("00005"))]);
    const unshared = [...listSegments(geometryOf("00001"))].filter((segment) => !neighbours.has(segment));
    expect(listRings(geometryOf("00001"))[0].length).toBeLessThan(listRings(sourceA.geometry)[0].length);
    expect(unshared).toHaveLength(3);
    for (const segment of unshared) expect(segment).toContain("104.2,");
  });

  it("writes counter-clockwise outer rings rounded to 5 decimals", () => {
    for (const feature of [...provinces.features, ...communes.features]) {
      const ring = listRings(feature.geometry)[0];
      let signedArea = 0;
      for (let index = 0; index + 1 < ring.length; index += 1) {
        signedArea += ring[index][0] * ring[index + 1][1] - ring[index + 1][0] * ring[index][1];
      }
      expect(signedArea).toBeGreaterThan(0);
      for (const [lon, lat] of ring) expect([Math.round(lon * 1e5) / 1e5, Math.round(lat * 1e5) / 1e5]).toEqual([lon, lat]);
    }
  });
});

describe("committed data/boundaries", () => {
  const provinces = readAreas(join(ROOT, "data", "boundaries", "provinces.geojson"));
  const communes = readAreas(join(ROOT, "data", "boundaries", "communes.geojson"));
  const archipelagos = JSON.parse(readFileSync(join(ROOT, "data", "boundaries", "archipelagos.geojson"), "utf8")) as FeatureCollection;

  it("holds the 34 provinces and the 99 + 65 communes of Lào Cai and Lạng Sơn, all valid", () => {
    expect(provinces.features).toHaveLength(34);
    expect(new Set(provinces.features.map((feature) => feature.properties.code)).size).toBe(34);
    expect(communes.features.filter((feature) => feature.properties.province_code === "15")).toHaveLength(99);
    expect(communes.features.filter((feature) => feature.properties.province_code === "20")).toHaveLength(65);
    for (const feature of [...provinces.features, ...communes.features]) {
      expect(validateAreaGeometry(feature.geometry, feature.properties.code)).toEqual([]);
      expect(feature.properties.code).toMatch(feature.properties.level === "province" ? /^\d{2}$/ : /^\d{5}$/);
    }
  });

  it("keeps the islands of Hoàng Sa in Đà Nẵng and of Trường Sa in Khánh Hòa", () => {
    const islandsOf = (code: string, minLon: number, minLat: number, maxLat: number) => {
      const feature = provinces.features.find((candidate) => candidate.properties.code === code);
      const polygons = feature?.geometry.type === "MultiPolygon" ? feature.geometry.coordinates : [];
      return polygons.filter(([outer]) => outer[0][0] > minLon && outer[0][1] > minLat && outer[0][1] < maxLat).length;
    };
    expect(islandsOf("48", 111, 15.5, 17.3)).toBeGreaterThanOrEqual(20);
    expect(islandsOf("56", 111, 7, 12)).toBeGreaterThanOrEqual(50);
    expect(archipelagos.features.map((feature) => feature.properties?.name)).toEqual(["Quần đảo Hoàng Sa (Việt Nam)", "Quần đảo Trường Sa (Việt Nam)"]);
  });

  it("stays small enough to ship in the app", () => {
    expect(readFileSync(join(ROOT, "data", "boundaries", "provinces.geojson")).length).toBeLessThan(1.5 * 1024 * 1024);
    expect(readFileSync(join(ROOT, "data", "boundaries", "communes.geojson")).length).toBeLessThan(1.5 * 1024 * 1024);
  });
});
