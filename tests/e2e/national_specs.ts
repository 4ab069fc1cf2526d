/**
 * National scale in the browser, at a size the suite can afford: 3 carriers × 5,000 raw tower discs and 40,000
 * clustered points from the benchmark's generator (scripts/bench/generate_workload.ts), imported through the import
 * tab like a user's files. The count must be the domain's (computed in Node on the same bytes), and the map must draw
 * the coverage where the engine says there is coverage and nothing where it says there is none (a pixel check with the
 * coverage layers on and off). No wall-clock assertion.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { analyzeCoverage, parseCoverageGeojson, parsePointsCsv, selectPoints, type CoverageFeature, type Point } from "../../src/domain/index.ts";
import { generateWorkload } from "../../scripts/bench/generate_workload.ts";
import type { Spec, SpecEnvironment } from "./specs.ts";
import { canvasColours, countCanvasColour, pixelsByEngine } from "./map_probes.ts";
import { STATUS_COLORS } from "../../src/map/layers.ts";
import { parseHex } from "../../src/map/colour_math.ts";
import { AssertionError, assert, assertEqual } from "./assert.ts";
import { MAP_POINTS_MARK, WORK_MARK } from "../../src/workers/work_limits.ts";

const TIMEOUT = 180_000;
/** The zoom of the pixel check: a rural disc (3–8 km) is then 80–200 pixels across. */
const CHECK_ZOOM = 11;

async function waitForCount(page: Page, expected: number): Promise<void> {
  await page
    .waitForFunction((value) => document.querySelector('[data-testid="uncovered-count"]')?.textContent?.trim() === String(value), expected, {
      timeout: TIMEOUT,
    })
    .catch(async () => {
      throw new AssertionError(`uncovered-count: expected ${expected}, got ${await page.textContent('[data-testid="uncovered-count"]')}`);
    });
}

/** Imports a file from disk (tens of MB: a path is handed to the browser, not the bytes over the protocol). */
async function importFile(page: Page, path: string): Promise<void> {
  const name = path.split("/").pop()!;
  await page.click('[data-testid="tab-import"]');
  await page.setInputFiles('[data-testid="import-input"]', path, { timeout: TIMEOUT });
  await page.waitForSelector('[data-testid="import-preview"]', { timeout: TIMEOUT });
  await page.click('[data-testid="import-confirm"]');
  await page.waitForFunction((file) => document.querySelector('[data-testid="import-outcome"]')?.textContent?.includes(file) ?? false, name, {
    timeout: TIMEOUT,
  });
}

/** Waits until the map's data attribute changes from a previous value (data-drawn: the analysis drawn; data-styled: a restyle drawn). */
async function waitForMapAttribute(page: Page, name: string, previous: string): Promise<void> {
  await page.waitForFunction(
    ([attribute, old]) => {
      const value = (document.querySelector('[data-testid="map"]') as HTMLElement | null)?.dataset[attribute as string];
      return value !== undefined && value !== "" && value !== old;
    },
    [name, previous] as const,
    { timeout: TIMEOUT },
  );
}

const mapAttribute = (page: Page, name: string) =>
  page.evaluate((attribute) => (document.querySelector('[data-testid="map"]') as HTMLElement | null)?.dataset[attribute] ?? "", name);

/** Clicks a legend checkbox and waits for the map to be drawn with it. */
async function toggle(page: Page, testId: string): Promise<void> {
  const before = await mapAttribute(page, "styled");
  await page.click(`[data-testid="${testId}"]`);
  await waitForMapAttribute(page, "styled", before);
}

export const NATIONAL_SPECS: Spec[] = [
  {
    name: "national coverage (3 × 5,000 raw discs, 40,000 points): the count is the domain's, and the map draws coverage exactly where the engine finds it",
    async run(environment: SpecEnvironment) {
      const workload = generateWorkload({ points: 40_000, towersPerCarrier: 5_000, seed: 20261201 });
      const pointsCsv = Buffer.from(workload.pointsCsv, "utf8");
      const coverageJson = Buffer.from(JSON.stringify(workload.coverage), "utf8");
      // What the domain says, in Node, on the same bytes.
      const points = parsePointsCsv(new Uint8Array(pointsCsv), { file: "diem.csv" }).items;
      const coverage = parseCoverageGeojson(new Uint8Array(coverageJson), { file: "phu-song.geojson" }).items;
      assert(coverage.length === 15_000, `the domain reads 15,000 discs, got ${coverage.length}`);
      const analysis = analyzeCoverage(points, coverage, []);
      const expected = selectPoints(analysis, points, { status: "uncovered" }).length;
      assert(expected > 0 && expected < points.length, `some but not all points uncovered (${expected})`);

      const directory = mkdtempSync(join(tmpdir(), "lom-song-national-e2e-"));
      try {
        await check(environment, directory, pointsCsv, coverageJson, points, coverage, expected);
      } finally {
        rmSync(directory, { recursive: true, force: true });
      }
    },
  },
];

async function check(
  environment: SpecEnvironment,
  directory: string,
  pointsCsv: Buffer,
  coverageJson: Buffer,
  points: Point[],
  coverage: CoverageFeature[],
  expected: number,
): Promise<void> {
  const pointsPath = join(directory, "diem.csv");
  const coveragePath = join(directory, "phu-song.geojson");
  writeFileSync(pointsPath, pointsCsv);
  writeFileSync(coveragePath, coverageJson);
  const { page } = await environment.newPage();
  await page.goto(`${environment.baseUrl}?sample=none&lang=en`);
  await page.waitForSelector('[data-testid="map"][data-loaded="true"]', { timeout: TIMEOUT });
  await importFile(page, pointsPath);
  const drawn = await mapAttribute(page, "drawn");
  await importFile(page, coveragePath);
  await waitForCount(page, expected);
  await waitForMapAttribute(page, "drawn", drawn);
  // The coverage came on top of the same points: the worker did not send the 40,000 points again (the page kept its own).
  const pointsSent = await page.evaluate((mark) => {
    const start = performance.getEntriesByName("lom-song:analysis-start").at(-1)?.startTime ?? 0;
    return performance
      .getEntriesByName(mark)
      .filter((entry) => entry.startTime >= start && (entry as PerformanceMark).detail?.kind === "points-message")
      .reduce((sum, entry) => sum + (entry as PerformanceMark).detail.points, 0);
  }, WORK_MARK);
  assertEqual(pointsSent, 0, "points sent again with the coverage import");
  await page.screenshot({ path: `${environment.artifacts}/national-country.png` });
  // The country view draws the dense points as dots (the GPU layer): the uncovered colour is on the canvas, and a
  // legend switch that hides the uncovered points takes it off again (the dots' style, not a new analysis).
  const canvasSize = await page.evaluate(() => {
    const canvas = document.querySelector('[data-testid="map"] canvas') as HTMLCanvasElement;
    return { width: canvas.clientWidth, height: canvas.clientHeight };
  });
  const uncoveredDots = await countCanvasColour(page, parseHex(STATUS_COLORS.uncovered));
  await toggle(page, "layer-uncovered");
  const hiddenDots = await countCanvasColour(page, parseHex(STATUS_COLORS.uncovered));
  await toggle(page, "layer-uncovered");
  assert(uncoveredDots > 200, `the uncovered points are drawn as dots in the country view (${uncoveredDots} pixels of their colour)`);
  assert(hiddenDots < uncoveredDots / 20, `hiding the uncovered points takes their dots off the map (${hiddenDots} pixels left of ${uncoveredDots})`);
  assert((await countCanvasColour(page, parseHex(STATUS_COLORS.uncovered))) > 200, "the uncovered dots are drawn again when shown");

  // The pixel check, zoomed in on a rural disc: reload with the camera in the link (the files are kept).
  const target = coverage.reduce(
    (best, feature) => {
      const ring = feature.geometry.type === "Polygon" ? feature.geometry.coordinates[0] : feature.geometry.coordinates[0][0];
      const span = Math.abs(ring[0][0] - ring[Math.floor(ring.length / 2)][0]);
      return span > best.span ? { span, lon: (ring[0][0] + ring[Math.floor(ring.length / 2)][0]) / 2, lat: ring[0][1] } : best;
    },
    { span: 0, lon: 0, lat: 0 },
  );
  await page.goto(`${environment.baseUrl}?sample=none&lang=en&map=${CHECK_ZOOM}/${target.lat.toFixed(5)}/${target.lon.toFixed(5)}`);
  await waitForCount(page, expected);
  await page.waitForSelector('[data-testid="map"][data-drawn]', { timeout: TIMEOUT });
  // Zoomed in, the map draws the points' shapes: their GeoJSON, left out of the analysis for dense points, was asked
  // of the worker then (one feature per point).
  const pointsBytes = await page
    .waitForFunction(
      (mark) => (performance.getEntriesByName(mark).at(-1) as PerformanceMark | undefined)?.detail.bytes as number | undefined,
      MAP_POINTS_MARK,
      {
        timeout: TIMEOUT,
      },
    )
    .then(async (handle) => (await handle.jsonValue()) ?? 0);
  assert(pointsBytes > points.length * 60, `the points' GeoJSON arrived when zoomed in (${pointsBytes} bytes for ${points.length} points)`);
  // Only the coverage: no points, no boundaries or names over it.
  for (const id of ["layer-uncovered", "layer-single-carrier", "layer-covered", "layer-boundaries"]) await toggle(page, id);
  await page.screenshot({ path: `${environment.artifacts}/national-zoomed.png` });

  // Candidate pixels on a grid over the canvas; each is classified by the engine on a 5 × 5 neighbourhood
  // (one pixel apart), and only pixels whose whole neighbourhood agrees are compared (no boundary pixels).
  const { width, height } = await page.evaluate(() => {
    const canvas = document.querySelector('[data-testid="map"] canvas') as HTMLCanvasElement;
    return { width: canvas.clientWidth, height: canvas.clientHeight };
  });
  assert(width > 100 && height > 100 && canvasSize.width > 100, `the map canvas has a size (${width} × ${height})`);
  const { covered, uncovered } = pixelsByEngine(coverage, {
    zoom: CHECK_ZOOM,
    lon: Number(target.lon.toFixed(5)),
    lat: Number(target.lat.toFixed(5)),
    width,
    height,
  });
  assert(
    covered.length >= 5 && uncovered.length >= 5,
    `the view holds covered and uncovered places (${covered.length} covered, ${uncovered.length} uncovered pixels)`,
  );

  const withCoverage = await canvasColours(page, [...covered, ...uncovered]);
  for (const layer of ["Viettel", "VNPT", "MobiFone"]) await toggle(page, `layer-coverage-${layer}-4G`);
  const withoutCoverage = await canvasColours(page, [...covered, ...uncovered]);
  const difference = (k: number) => withCoverage[k].reduce((sum, value, channel) => sum + Math.abs(value - withoutCoverage[k][channel]), 0);
  covered.forEach((pixel, k) =>
    assert(difference(k) >= 8, `pixel ${pixel} lies in coverage for the engine, the map shows no tint there (${withCoverage[k]} vs ${withoutCoverage[k]})`),
  );
  uncovered.forEach((pixel, k) => {
    const index = covered.length + k;
    assert(
      difference(index) <= 3,
      `pixel ${pixel} lies outside every disc for the engine, the map tints it (${withCoverage[index]} vs ${withoutCoverage[index]})`,
    );
  });
  console.log(`      ${expected} uncovered of ${points.length}; ${covered.length} covered and ${uncovered.length} uncovered pixels agree with the engine`);
}
