import { describe, expect, it } from "vitest";
import booleanPointInPolygon from "@turf/boolean-point-in-polygon";
import { analyzeCoverage } from "./analyze_coverage.ts";
import { bestTechnologyCodes } from "./best_technology.ts";
import { parseCoverageGeojson } from "../parse/parse_coverage_geojson.ts";
import { createRandom } from "../../testing/seeded_random.ts";
import { TECHNOLOGIES, type CoverageFeature, type Point, type Technology } from "../types.ts";

function disc(lon: number, lat: number, radius: number, vertices: number): number[][] {
  const ring: number[][] = [];
  for (let k = 0; k < vertices; k++) ring.push([lon + radius * Math.cos((2 * Math.PI * k) / vertices), lat + radius * Math.sin((2 * Math.PI * k) / vertices)]);
  ring.push([...ring[0]]);
  return ring;
}

describe("bestTechnologyCodes", () => {
  it("gives each point its best technology among the chosen carriers, as a brute force over the polygons finds it", () => {
    const random = createRandom(2026);
    const carriers = ["Viettel", "VNPT", "MobiFone"];
    const features: unknown[] = [];
    for (let k = 0; k < 60; k++) {
      const carrier = carriers[Math.floor(random() * carriers.length)];
      const technology: Technology = TECHNOLOGIES[Math.floor(random() * TECHNOLOGIES.length)];
      features.push({
        type: "Feature",
        properties: { carrier, technology },
        geometry: { type: "Polygon", coordinates: [disc(105 + random(), 21 + random(), 0.03 + 0.15 * random(), 6 + Math.floor(random() * 20))] },
      });
    }
    const coverage: CoverageFeature[] = parseCoverageGeojson({ type: "FeatureCollection", features }, { file: "t.geojson" }).items;
    expect(coverage).toHaveLength(60);
    const points: Point[] = [];
    for (let k = 0; k < 1500; k++)
      points.push({
        id: String(k),
        name: "",
        kind: "school",
        lon: 104.9 + 1.2 * random(),
        lat: 20.9 + 1.2 * random(),
        source: { file: "p", row: k + 2 },
        extra: {},
      });
    const analysis = analyzeCoverage(points, coverage, []);
    const seen = new Set<number>();
    for (const chosen of [[], ["Viettel"], ["VNPT", "MobiFone"], ["Nobody"]]) {
      const codes = bestTechnologyCodes(analysis, chosen);
      expect(codes).toHaveLength(points.length);
      points.forEach((point, k) => {
        let best = 0;
        for (const feature of coverage) {
          if (chosen.length > 0 && !chosen.includes(feature.carrier)) continue;
          const rank = TECHNOLOGIES.indexOf(feature.technology) + 1;
          if (rank > best && booleanPointInPolygon([point.lon, point.lat], feature.geometry)) best = rank;
        }
        expect(codes[k], `point ${k} with ${chosen.join("+") || "every carrier"}`).toBe(best);
        seen.add(best);
      });
    }
    // Every answer, none to 5G, occurred: the comparison covered them all.
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it("answers none for every point when there is no coverage", () => {
    const points: Point[] = [{ id: "a", name: "", kind: "school", lon: 105, lat: 21, source: { file: "p", row: 2 }, extra: {} }];
    expect([...bestTechnologyCodes(analyzeCoverage(points, [], []))]).toEqual([0]);
  });
});
