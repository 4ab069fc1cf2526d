import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import booleanPointInPolygon from "@turf/boolean-point-in-polygon";
import type { FeatureCollection, MultiPolygon, Polygon, Position } from "geojson";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_BOUNDARIES_FOLDER, DEFAULT_SAMPLE_FOLDER, generateSampleData, SAMPLE_FILES, type SampleDataReport } from "../scripts/generate_sample_data.ts";

const POINT_HEADER = ["id", "name", "kind", "lon", "lat", "parent_id", "pupils", "households", "province_code", "province", "commune_code", "commune", "note"];
const DEAD_ZONE_HEADER = [
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
];
const SAMPLE_NOTE = "Dữ liệu mẫu (sample data)";

/** Reads a committed sample file as text, checking the BOM and stripping it. */
function readCsv(file: string): { header: string[]; rows: Record<string, string>[] } {
  const text = readFileSync(join(DEFAULT_SAMPLE_FOLDER, file), "utf8");
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const parsed = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return { header: parsed.meta.fields ?? [], rows: parsed.data };
}

function isInside(position: Position, geometry: Polygon | MultiPolygon): boolean {
  return booleanPointInPolygon(position, geometry);
}

describe("generateSampleData", () => {
  let folder = "";
  let report: SampleDataReport;

  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), "sample-data-"));
    report = generateSampleData(folder);
  });
  afterAll(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it.each(SAMPLE_FILES)("regenerates the committed %s byte for byte", (file) => {
    const committed = readFileSync(join(DEFAULT_SAMPLE_FOLDER, file));
    const regenerated = readFileSync(join(folder, file));
    expect(regenerated.equals(committed)).toBe(true);
  });

  it("reports the counts that are in the files", () => {
    const { rows } = readCsv("points.csv");
    const total = report.points.reduce((sum, entry) => sum + entry.count, 0);
    expect(total).toBe(rows.length);
    expect(report.deadZones).toBe(readCsv("dead_zones.csv").rows.length);
  });
});

describe("sample points.csv", () => {
  const { header, rows } = readCsv("points.csv");
  const communes = JSON.parse(readFileSync(join(DEFAULT_BOUNDARIES_FOLDER, "communes.geojson"), "utf8")) as FeatureCollection<Polygon | MultiPolygon>;
  const communeByCode = new Map(communes.features.map((feature) => [String(feature.properties?.code), feature]));

  it("has exactly the agreed columns", () => {
    expect(header).toEqual(POINT_HEADER);
  });

  it("holds a few hundred schools, their sites and about a thousand villages", () => {
    const count = (kind: string) => rows.filter((row) => row.kind === kind).length;
    expect(count("school")).toBeGreaterThanOrEqual(200);
    expect(count("school")).toBeLessThanOrEqual(700);
    expect(count("school_site")).toBeGreaterThanOrEqual(100);
    expect(count("village")).toBeGreaterThanOrEqual(800);
    expect(count("village")).toBeLessThanOrEqual(1300);
    expect(count("village_centre")).toBeGreaterThan(0);
    expect(count("school") + count("school_site") + count("village") + count("village_centre")).toBe(rows.length);
  });

  it("gives every point a unique id with its province and kind code, and the sample note", () => {
    const codes: Record<string, string> = { school: "SCH", school_site: "SITE", village: "VIL", village_centre: "VC" };
    const provinces: Record<string, string> = { "15": "LC", "20": "LS" };
    expect(new Set(rows.map((row) => row.id)).size).toBe(rows.length);
    for (const row of rows) {
      expect(row.id).toMatch(new RegExp(`^${provinces[row.province_code]}-${codes[row.kind]}-\\d{4}$`));
      expect(row.note).toBe(SAMPLE_NOTE);
    }
  });

  it("places every point inside the real commune it names", () => {
    const outside = rows.filter((row) => {
      const commune = communeByCode.get(row.commune_code);
      return commune === undefined || !isInside([Number(row.lon), Number(row.lat)], commune.geometry) || commune.properties?.name !== row.commune;
    });
    expect(outside.map((row) => row.id)).toEqual([]);
  });

  it("links every school site to a school of the same commune", () => {
    const byId = new Map(rows.map((row) => [row.id, row]));
    for (const site of rows.filter((row) => row.kind === "school_site")) {
      const school = byId.get(site.parent_id);
      expect(school?.kind).toBe("school");
      expect(school?.commune_code).toBe(site.commune_code);
      expect(site.name.startsWith("Điểm trường ")).toBe(true);
    }
  });
});

describe("sample coverage.geojson and dead_zones.csv", () => {
  const coverage = JSON.parse(readFileSync(join(DEFAULT_SAMPLE_FOLDER, "coverage.geojson"), "utf8")) as FeatureCollection<MultiPolygon> & {
    name: string;
    description: string;
  };
  const points = readCsv("points.csv").rows;
  const { header, rows: deadZones } = readCsv("dead_zones.csv");
  const layers = coverage.features.map((feature) => ({
    ...(feature.properties as { carrier: string; technology: string; sample: boolean }),
    geometry: feature.geometry,
  }));
  const coveredBy = (position: Position) => layers.filter((layer) => isInside(position, layer.geometry));

  it("says it is sample data and holds 3 carriers × 2G/3G/4G", () => {
    expect(coverage.description).toContain("SAMPLE");
    expect(coverage.name).toContain("Sample");
    expect(layers.map((layer) => `${layer.carrier} ${layer.technology}`).sort()).toEqual([
      "MobiFone 2G",
      "MobiFone 3G",
      "MobiFone 4G",
      "VNPT 2G",
      "VNPT 3G",
      "VNPT 4G",
      "Viettel 2G",
      "Viettel 3G",
      "Viettel 4G",
    ]);
    expect(layers.every((layer) => layer.sample === true)).toBe(true);
  });

  it("writes closed rings of at least 4 positions with at most 5 decimals", () => {
    for (const layer of layers) {
      for (const polygon of layer.geometry.coordinates) {
        for (const ring of polygon) {
          expect(ring.length).toBeGreaterThanOrEqual(4);
          expect(ring[0]).toEqual(ring[ring.length - 1]);
          for (const [lon, lat] of ring) {
            expect(Math.round(lon * 1e5) / 1e5).toBe(lon);
            expect(Math.round(lat * 1e5) / 1e5).toBe(lat);
          }
        }
      }
    }
  });

  it("leaves 8–15 % of points without any 4G and 3–6 % without any signal", () => {
    let no4G = 0;
    let noSignal = 0;
    for (const point of points) {
      const layersHere = coveredBy([Number(point.lon), Number(point.lat)]);
      if (!layersHere.some((layer) => layer.technology === "4G")) no4G += 1;
      if (layersHere.length === 0) noSignal += 1;
    }
    expect(no4G / points.length).toBeGreaterThanOrEqual(0.08);
    expect(no4G / points.length).toBeLessThanOrEqual(0.15);
    expect(noSignal / points.length).toBeGreaterThanOrEqual(0.03);
    expect(noSignal / points.length).toBeLessThanOrEqual(0.06);
  });

  it("makes Viettel the densest carrier, and 2G wider than 3G wider than 4G", () => {
    const coveredCount = (carrier: string, technology: string) => {
      const layer = layers.find((candidate) => candidate.carrier === carrier && candidate.technology === technology);
      return points.filter((point) => layer !== undefined && isInside([Number(point.lon), Number(point.lat)], layer.geometry)).length;
    };
    for (const technology of ["2G", "4G"]) {
      expect(coveredCount("Viettel", technology)).toBeGreaterThan(coveredCount("VNPT", technology));
      expect(coveredCount("Viettel", technology)).toBeGreaterThan(coveredCount("MobiFone", technology));
    }
    for (const carrier of ["Viettel", "VNPT", "MobiFone"]) {
      expect(coveredCount(carrier, "2G")).toBeGreaterThan(coveredCount(carrier, "3G"));
      expect(coveredCount(carrier, "3G")).toBeGreaterThan(coveredCount(carrier, "4G"));
    }
  });

  it("lists 30 dead zones with the agreed columns", () => {
    expect(header).toEqual(DEAD_ZONE_HEADER);
    expect(deadZones.map((row) => row.id)).toEqual(Array.from({ length: 30 }, (_, index) => `DZ-${String(index + 1).padStart(3, "0")}`));
  });

  it("lists only points that exist and that no carrier's 4G reaches", () => {
    const byId = new Map(points.map((point) => [point.id, point]));
    for (const zone of deadZones) {
      const point = byId.get(zone.point_id);
      expect(point).toBeDefined();
      expect([zone.name, zone.kind, zone.lon, zone.lat, zone.commune_code]).toEqual([point?.name, point?.kind, point?.lon, point?.lat, point?.commune_code]);
      const technologies = coveredBy([Number(zone.lon), Number(zone.lat)]).map((layer) => layer.technology);
      expect(technologies).not.toContain("4G");
    }
  });

  it("assigns Viettel the most dead zones, deadlines from 2026-06-30 to 2027-03-31 with some overdue, priorities 1–3", () => {
    const perCarrier = (carrier: string) => deadZones.filter((zone) => zone.carrier === carrier).length;
    expect(perCarrier("Viettel")).toBeGreaterThan(perCarrier("VNPT"));
    expect(perCarrier("Viettel")).toBeGreaterThan(perCarrier("MobiFone"));
    expect(perCarrier("Viettel") + perCarrier("VNPT") + perCarrier("MobiFone")).toBe(deadZones.length);
    for (const zone of deadZones) {
      expect(zone.deadline >= "2026-06-30" && zone.deadline <= "2027-03-31").toBe(true);
      expect(["1", "2", "3"]).toContain(zone.priority);
      expect(zone.note).toBe(SAMPLE_NOTE);
    }
    const overdue = deadZones.filter((zone) => zone.deadline < "2026-11-21").length;
    expect(overdue).toBeGreaterThan(0);
    expect(overdue).toBeLessThan(deadZones.length);
  });
});
