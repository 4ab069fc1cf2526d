import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { analyzeCoverage } from "../src/domain/gaps/analyze_coverage.ts";
import { summarizeCoverage } from "../src/domain/gaps/summarize_coverage.ts";
import { PROVINCE_NAMES_2025 } from "../src/domain/gaps/provinces_2025.ts";
import { parseAdminGeojson } from "../src/domain/parse/parse_admin_geojson.ts";
import { createRandom } from "../src/testing/seeded_random.ts";
import type { Point } from "../src/domain/types.ts";

const ROOT = new URL("..", import.meta.url).pathname;

describe("the bundled boundaries", () => {
  it("with only communes given, a province is shown by its name, not its code", () => {
    const communes = parseAdminGeojson(readFileSync(join(ROOT, "data/boundaries/communes.geojson")), { file: "communes.geojson" }).items;
    expect(communes.every((area) => area.level === "commune" && area.parentCode !== undefined && area.parentName !== undefined)).toBe(true);
    const random = createRandom(5);
    const points: Point[] = Array.from({ length: 400 }, (_, i) => ({
      id: `p${i}`,
      name: "",
      kind: "school",
      lon: 102 + random() * 5,
      lat: 21 + random() * 2.5,
      source: { file: "p", row: i + 1 },
      extra: {},
    }));
    const analysis = analyzeCoverage(points, [], communes);
    const summary = summarizeCoverage(analysis, points);
    const named = summary.byProvince.filter((row) => !row.unknown);
    expect(named.length).toBeGreaterThan(0);
    for (const row of named) {
      expect(row.name).not.toMatch(/^\d+$/);
      expect(row.name).toBe(communes.find((area) => area.parentCode === row.code)?.parentName);
    }
  });

  it("the 2025 province list agrees with data/boundaries/provinces.geojson", () => {
    const provinces = parseAdminGeojson(readFileSync(join(ROOT, "data/boundaries/provinces.geojson")), { file: "provinces.geojson" }).items;
    expect(Object.fromEntries(provinces.map((area) => [area.code, area.name]))).toEqual(PROVINCE_NAMES_2025);
  });
});
