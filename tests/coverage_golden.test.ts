/**
 * Golden fixtures for the coverage engine: tests/fixtures/compute_coverage/in/<case>.geojson holds polygons
 * (properties carrier, technology) and points (properties id, and `expected`: the covering layers worked out
 * by hand, "A 4G; B 3G", or "" for none). out/<case>.geojson is the engine's output: the polygons in blue and
 * each point with `covered_by`, red when uncovered and green when covered, coordinates to 6 decimals.
 * `REGEN=1 npx vitest run tests/coverage_golden.test.ts` rewrites out/; review the git diff.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from "geojson";
import { buildCoverageIndex, coverageOf, queryCoverageMasks, type CoverageFeature, type Technology } from "../src/domain/index.ts";

const ROOT = join(import.meta.dirname, "fixtures", "compute_coverage");
const REGENERATE = process.env.REGEN === "1";
const PRECISION = 1e6;

function round(value: number): number {
  return Math.round(value * PRECISION) / PRECISION;
}

function roundGeometry(geometry: Geometry): Geometry {
  const positions = (ring: Position[]) => ring.map((position) => [round(position[0]), round(position[1])]);
  if (geometry.type === "Point") return { type: "Point", coordinates: [round(geometry.coordinates[0]), round(geometry.coordinates[1])] };
  if (geometry.type === "Polygon") return { type: "Polygon", coordinates: geometry.coordinates.map(positions) };
  if (geometry.type === "MultiPolygon") return { type: "MultiPolygon", coordinates: geometry.coordinates.map((polygon) => polygon.map(positions)) };
  throw new Error(`unexpected geometry ${geometry.type} in a fixture`);
}

/** Runs the engine on one input collection and returns the output collection and the per-point labels. */
function computeCase(input: FeatureCollection): { output: FeatureCollection; labels: Map<string, { computed: string; expected: string }> } {
  const coverage: CoverageFeature[] = [];
  const points: Feature[] = [];
  input.features.forEach((feature, featureIndex) => {
    if (feature.geometry.type === "Point") points.push(feature);
    else
      coverage.push({
        carrier: String(feature.properties?.carrier),
        technology: String(feature.properties?.technology) as Technology,
        asOf: null,
        geometry: feature.geometry as Polygon | MultiPolygon,
        source: { file: "fixture", featureIndex },
      });
  });
  const index = buildCoverageIndex(coverage);
  const lon = points.map((feature) => (feature.geometry as { coordinates: Position }).coordinates[0]);
  const lat = points.map((feature) => (feature.geometry as { coordinates: Position }).coordinates[1]);
  const masks = queryCoverageMasks(index, lon, lat);
  const analysis = {
    layers: index.layers,
    words: index.words,
    masks,
    provinces: [],
    communes: [],
    provinceOf: new Int32Array(points.length).fill(-1),
    communeOf: new Int32Array(points.length).fill(-1),
  };
  const labels = new Map<string, { computed: string; expected: string }>();
  const pointFeatures: Feature[] = points.map((feature, i) => {
    const coveredBy = coverageOf(analysis, i)
      .map((layer) => `${layer.carrier} ${layer.technology}`)
      .join("; ");
    const id = String(feature.properties?.id);
    labels.set(id, { computed: coveredBy, expected: String(feature.properties?.expected) });
    return {
      type: "Feature",
      properties: { id, covered_by: coveredBy, "marker-color": coveredBy === "" ? "#d62728" : "#2ca02c" },
      geometry: roundGeometry(feature.geometry),
    };
  });
  const polygonFeatures: Feature[] = coverage.map((feature) => ({
    type: "Feature",
    properties: { carrier: feature.carrier, technology: feature.technology, fill: "#1f77b4", "fill-opacity": 0.15, stroke: "#1f77b4" },
    geometry: roundGeometry(feature.geometry),
  }));
  return { output: { type: "FeatureCollection", features: [...polygonFeatures, ...pointFeatures] }, labels };
}

const cases = readdirSync(join(ROOT, "in"))
  .filter((name) => name.endsWith(".geojson"))
  .sort();

describe("coverage golden fixtures", () => {
  it("has the eight boundary cases", () => {
    expect(cases.map((name) => name.replace(".geojson", ""))).toEqual([
      "multipolygon_parts",
      "outside_every_bbox",
      "overlapping_polygons",
      "point_in_hole",
      "point_on_edge",
      "point_on_hole_edge",
      "point_on_vertex",
      "shared_edge",
    ]);
  });

  for (const name of cases) {
    it(`computes the hand-checked covering layers for ${name}`, () => {
      const input = JSON.parse(readFileSync(join(ROOT, "in", name), "utf8")) as FeatureCollection;
      const { output, labels } = computeCase(input);
      for (const [id, { computed, expected }] of labels) expect({ id, coveredBy: computed }).toEqual({ id, coveredBy: expected });
      const text = JSON.stringify(output, null, 1) + "\n";
      const outPath = join(ROOT, "out", name);
      if (REGENERATE) writeFileSync(outPath, text);
      expect(text).toBe(readFileSync(outPath, "utf8"));
    });
  }
});
