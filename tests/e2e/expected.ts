/**
 * Expected figures for the e2e tests, computed in Node with the same domain functions the app's
 * worker calls, on the same files: the browser must show what the domain computes.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  analyzeCoverage,
  parseAdminGeojson,
  parseCoverageGeojson,
  parsePointsCsv,
  selectPoints,
  type AdminArea,
  type CoverageAnalysis,
  type CoverageFeature,
  type Point,
  type PointFilter,
  type PointsCsvOptions,
} from "../../src/domain/index.ts";
import { parseUrlState } from "../../src/app/state/url_state.ts";

export interface DomainModel {
  points: Point[];
  coverage: CoverageFeature[];
  admin: AdminArea[];
  analysis: CoverageAnalysis;
}

/**
 * Reads and analyses the bundled sample exactly as the app does.
 * @param root - the repository root
 * @returns the sample's points, coverage, admin areas and analysis
 */
export function analyseSample(root: string): DomainModel {
  const points = parsePointsCsv(readFileSync(join(root, "data/sample/points.csv")), { file: "points.csv" }).items;
  const coverage = ["coverage.geojson", "coverage-new-sites.geojson"].flatMap(
    (file) => parseCoverageGeojson(readFileSync(join(root, "data/sample", file)), { file }).items,
  );
  const admin = [
    ...parseAdminGeojson(readFileSync(join(root, "data/boundaries/provinces.geojson")), { file: "provinces.geojson" }).items,
    ...parseAdminGeojson(readFileSync(join(root, "data/boundaries/communes.geojson")), { file: "communes.geojson" }).items,
  ];
  return { points, coverage, admin, analysis: analyzeCoverage(points, coverage, admin) };
}

/**
 * Replaces the points of a model with those of a CSV (as importing a point list does).
 * @param model - the sample model
 * @param csv - the CSV bytes
 * @param options - the parser options the preview would pass
 * @returns the new model
 */
export function withPointsCsv(model: DomainModel, csv: Uint8Array, options: PointsCsvOptions): DomainModel {
  const points = parsePointsCsv(csv, options).items;
  return { ...model, points, analysis: analyzeCoverage(points, model.coverage, model.admin) };
}

/**
 * The filter a plain link opens with, read from the app's own URL parser (today: 4G and up), so the
 * expectations follow the app's default rather than a copy of it.
 */
export const APP_DEFAULT_FILTER: PointFilter = (() => {
  const { minTechnology } = parseUrlState("").filter;
  return minTechnology ? { minTechnology } : {};
})();

/**
 * Counts the uncovered points under a filter.
 * @param model - the model
 * @param filter - the filter (by default the app's default filter)
 * @returns the number of uncovered points
 */
export function countUncovered(model: DomainModel, filter: PointFilter = APP_DEFAULT_FILTER): number {
  return selectPoints(model.analysis, model.points, { ...filter, status: "uncovered" }).length;
}
