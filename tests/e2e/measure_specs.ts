/**
 * End-to-end specs of measurements as an evidence layer and of comparing two coverage releases in the app: what a
 * person sees, draws and downloads equals the domain's answer computed in Node on the same files (expected.ts).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import {
  comparisonExportRows,
  comparisonTablesCsv,
  compareReleases,
  findContradictions,
  parseMeasurementsCsv,
  parseRegistryCsv,
  pointsToCsv,
  releaseDates,
  replay,
} from "../../src/domain/index.ts";
import { readSampleEvents } from "../../src/app/tracking/sample_events.ts";
import { formatNumber } from "../../src/app/i18n/i18n.ts";
import { CHANGE_COLORS } from "../../src/map/compare_overlay.ts";
import { FINDING_COLORS, OUTCOME_COLORS } from "../../src/map/measurement_layers.ts";
import type { PageOptions, Spec, SpecEnvironment } from "./specs.ts";
import { APP_DEFAULT_FILTER } from "./expected.ts";
import { assert, assertEqual } from "./assert.ts";

const TIMEOUT = 45_000;
const PHONE: PageOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

async function download(page: Page, testId: string): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.click(`[data-testid="${testId}"]`)]);
  return readFileSync((await file.path())!);
}

/** Pixels of a map's canvas within 40 of a colour on each channel. */
async function countPixels(page: Page, selector: string, hex: string): Promise<number> {
  return page.evaluate(
    ([canvasSelector, target]) => {
      const canvas = document.querySelector(canvasSelector) as HTMLCanvasElement | null;
      if (!canvas) return -1;
      const copy = document.createElement("canvas");
      copy.width = canvas.width;
      copy.height = canvas.height;
      const context = copy.getContext("2d")!;
      context.drawImage(canvas, 0, 0);
      const data = context.getImageData(0, 0, copy.width, copy.height).data;
      const [r, g, b] = [1, 3, 5].map((offset) => parseInt(target.slice(offset, offset + 2), 16));
      let matching = 0;
      for (let i = 0; i < data.length; i += 4) if (Math.abs(data[i] - r) < 40 && Math.abs(data[i + 1] - g) < 40 && Math.abs(data[i + 2] - b) < 40) matching++;
      return matching;
    },
    [selector, hex] as const,
  );
}

/** Waits until the map has stopped moving and drawn (two equal pixel counts in a row). */
async function settledPixels(page: Page, selector: string, hex: string): Promise<number> {
  let last = -2;
  for (let k = 0; k < 40; k++) {
    await page.waitForTimeout(400);
    const now = await countPixels(page, selector, hex);
    if (now === last) return now;
    last = now;
  }
  return last;
}

/** The sample's registry and states today, and a measurement file around its first on-air point. */
function measurementFixture(environment: SpecEnvironment) {
  const { root, sample } = environment;
  const registry = parseRegistryCsv(readFileSync(join(root, "data/sample/dead_zones.csv")), { file: "dead_zones.csv" }).items;
  const loaded = readSampleEvents(JSON.parse(readFileSync(join(root, "data/sample/events.json"), "utf8")));
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh" }).format(new Date());
  const { states } = replay(registry, loaded.events, today);
  const onAir = registry.find((point) => states[point.id]?.status === "on_air");
  assert(onAir, "the sample has an on-air point");
  const comma = (value: number) => String(value).replace(".", ",");
  // Around the on-air point: two measurements without service and one slow one; elsewhere one of each outcome.
  const text = [
    "Thời gian;Vĩ độ;Kinh độ;Nhà mạng;Công nghệ;Tải xuống",
    `${today} 09:00;${comma(onAir.lat)};${comma(onAir.lon + 0.001)};${onAir.carrier};mất sóng;`,
    `${today} 09:02;${comma(onAir.lat + 0.001)};${comma(onAir.lon)};${onAir.carrier};mất sóng;`,
    `${today} 09:04;${comma(onAir.lat - 0.001)};${comma(onAir.lon)};${onAir.carrier};4G;0,8`,
    `${today} 09:10;22,3;104,3;Viettel;mất sóng;`,
    `${today} 09:20;21,0;106,9;VNPT;4G;30`,
    `${today} 09:30;22,0;104,0;MobiFone;3G;12`,
  ].join("\r\n");
  const measurements = parseMeasurementsCsv(text, { file: "do-kiem.csv" }).items;
  // The app rebuilds the coverage features from its analysis, named "coverage".
  const coverage = sample.coverage.map((feature, featureIndex) => ({ ...feature, source: { file: "coverage", featureIndex } }));
  const findings = findContradictions(measurements, coverage, registry, states, {});
  return { text, measurements, findings, onAir };
}

async function openMeasurements(page: Page, environment: SpecEnvironment): Promise<void> {
  await page.goto(`${environment.baseUrl}?view=progress`);
  await page.waitForSelector('[data-testid="measure-section"]', { timeout: TIMEOUT });
  await page.waitForFunction(() => !document.querySelector('[data-testid="measure-section"]')?.textContent?.includes("Chưa có vùng phủ sóng"), undefined, {
    timeout: TIMEOUT,
  });
  await page.waitForSelector('[data-testid="progress-map"][data-loaded="true"]', { timeout: TIMEOUT });
}

async function findingRows(page: Page): Promise<string[][]> {
  return page.$$eval('[data-testid="measure-row"]', (elements) =>
    elements.map((row) => [row.children[0], row.children[3], row.children[4]].map((cell) => cell.textContent ?? "")),
  );
}

const MAP_CANVAS = '[data-testid="progress-map"] canvas';

/** The expected comparison on the demo: the two newest release dates under the app's default filter. */
function expectedComparison(environment: SpecEnvironment) {
  const { sample } = environment;
  const dates = releaseDates(sample.coverage);
  assert(dates.comparable && dates.defaults, "the sample holds two releases of a carrier × technology");
  const result = compareReleases(sample.points, sample.coverage, sample.admin, dates.defaults, APP_DEFAULT_FILTER);
  return { ...result, rows: comparisonExportRows(result.analysisAfter, sample.points, result.comparison, APP_DEFAULT_FILTER) };
}

async function runCompare(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid="compare-run"]', { timeout: TIMEOUT });
  await page.click('[data-testid="compare-run"]');
  await page.waitForSelector('[data-testid="compare-summary"]', { timeout: TIMEOUT });
}

export const MEASURE_SPECS: Spec[] = [
  {
    name: "measurements layer: an imported file is drawn on the tracking map, its findings listed and flown to, kept over a reload, cleared by Xoá đo kiểm",
    async run(environment) {
      const { text, measurements, findings } = measurementFixture(environment);
      assert(
        findings.some((finding) => finding.kind === "claim_contradicted"),
        "the on-air point is contradicted",
      );
      const expectedRows = findings.map((finding, k) => [String(k + 1), finding.pointId ?? "", finding.claim.vi]);
      const { page } = await environment.newPage();
      await openMeasurements(page, environment);
      await page.setInputFiles('[data-testid="measure-input"]', { name: "do-kiem.csv", mimeType: "text/csv", buffer: Buffer.from(text, "utf8") });
      await page.waitForSelector('[data-testid="measure-row"]', { timeout: TIMEOUT });
      assertEqual(await findingRows(page), expectedRows, "the findings table");
      const map = page.locator('[data-testid="progress-map"]');
      assertEqual(await map.getAttribute("data-measurements"), String(measurements.length), "measurements drawn");
      assertEqual(await map.getAttribute("data-findings"), String(findings.length), "findings drawn");

      // The claim: fly to it; its ring (purple) and the measurements without service (red) are drawn there.
      const claim = findings.findIndex((finding) => finding.kind === "claim_contradicted");
      await page.locator('[data-testid="measure-fly"]').nth(claim).click();
      const purple = await settledPixels(page, MAP_CANVAS, FINDING_COLORS.claim_contradicted);
      const red = await countPixels(page, MAP_CANVAS, OUTCOME_COLORS.no_service);
      const center = await page.evaluate(() => {
        const element = document.querySelector('[data-testid="progress-map"]') as HTMLElement;
        const box = element.getBoundingClientRect();
        return { top: box.top, bottom: box.bottom, height: window.innerHeight };
      });
      assert(center.top < center.height && center.bottom > 0, "the map was scrolled into view");
      await page.screenshot({ path: join(environment.artifacts, "measure-layer.png") });
      await page.uncheck('[data-testid="measure-show"]');
      const purpleHidden = await settledPixels(page, MAP_CANVAS, FINDING_COLORS.claim_contradicted);
      const redHidden = await countPixels(page, MAP_CANVAS, OUTCOME_COLORS.no_service);
      assert(purple > purpleHidden + 50, `the finding ring is drawn (${purple} purple pixels shown, ${purpleHidden} hidden)`);
      assert(red > redHidden + 20, `the measurements without service are drawn (${red} red pixels shown, ${redHidden} hidden)`);
      assertEqual(await map.getAttribute("data-measurements"), "0", "hidden: nothing drawn");
      await page.check('[data-testid="measure-show"]');

      // A reload keeps them (the app's own IndexedDB database), findings and all, once the page says they are saved.
      await page.waitForSelector('[data-testid="measure-saved"]', { timeout: TIMEOUT });
      const read = await page.textContent('[data-testid="measure-read"]');
      await openMeasurements(page, environment);
      await page.waitForSelector('[data-testid="measure-row"]', { timeout: TIMEOUT });
      assertEqual(await findingRows(page), expectedRows, "the findings after a reload");
      assertEqual(await page.textContent('[data-testid="measure-read"]'), read, "the files read after a reload");
      await page.waitForFunction(
        (count) => document.querySelector('[data-testid="progress-map"]')?.getAttribute("data-measurements") === count,
        String(measurements.length),
        { timeout: TIMEOUT },
      );

      // Xoá đo kiểm: gone, and still gone after a reload.
      await page.click('[data-testid="measure-clear"]');
      await page.waitForFunction(() => !document.querySelector('[data-testid="measure-read"]'), undefined, { timeout: TIMEOUT });
      assertEqual(await map.getAttribute("data-measurements"), "0", "cleared: nothing drawn");
      await openMeasurements(page, environment);
      await page.waitForTimeout(1000);
      assertEqual(await page.locator('[data-testid="measure-row"]').count(), 0, "no findings after clearing and reloading");
      assertEqual(await page.locator('[data-testid="measure-read"]').count(), 0, "no measurements after clearing and reloading");
    },
  },
  {
    name: "compare on the demo: the two newest releases, per carrier and province as the domain counts, drawn on the map, exported as the domain writes",
    async run(environment) {
      const expected = expectedComparison(environment);
      const { comparison } = expected;
      assert(comparison.changes.length > 0, "the sample's new release changes some points");
      const { page } = await environment.newPage();
      await page.goto(environment.baseUrl);
      await page.waitForSelector('[data-testid="uncovered-count"]', { timeout: TIMEOUT });
      await page.waitForSelector('[data-testid="map"][data-loaded="true"]', { timeout: TIMEOUT });
      await page.click('[data-testid="tab-compare"]');
      await page.waitForSelector('[data-testid="compare-before"]', { timeout: TIMEOUT });
      assertEqual(
        [await page.inputValue('[data-testid="compare-before"]'), await page.inputValue('[data-testid="compare-after"]')],
        [expected.before, expected.after],
        "the default dates",
      );
      const greenBefore = await settledPixels(page, '[data-testid="map"] canvas', CHANGE_COLORS.gained.fill);
      await runCompare(page);
      const n = (value: number) => formatNumber("vi", value, 0);
      const carriers = await page.$$eval('[data-testid="compare-carrier-row"]', (rows) =>
        rows.map((row) => [...row.children].map((cell) => cell.textContent ?? "")),
      );
      assertEqual(
        carriers,
        comparison.byCarrier.map((entry) => [entry.carrier, n(entry.coveredBefore), n(entry.coveredAfter), n(entry.gained), n(entry.lost)]),
        "per carrier",
      );
      const provinces = await page.$$eval('[data-testid="compare-province-row"]', (rows) =>
        rows.map((row) => [...row.children].map((cell) => cell.textContent ?? "")),
      );
      assertEqual(
        provinces,
        comparison.byProvince.map((area) => [area.name, n(area.uncoveredBefore), n(area.uncoveredAfter), n(area.gapsClosed), n(area.gapsOpened)]),
        "per province",
      );
      const summary = (await page.textContent('[data-testid="compare-summary"]')) ?? "";
      assert(summary.includes(`hết lõm: ${n(comparison.gapsClosed)}; lõm mới: ${n(comparison.gapsOpened)}`), `the summary: ${summary}`);

      // Drawn on the map: one mark per changed point, green where gained.
      const map = page.locator('[data-testid="map"]');
      assertEqual(await map.getAttribute("data-changes"), String(comparison.changes.length), "changed points drawn");
      const green = await settledPixels(page, '[data-testid="map"] canvas', CHANGE_COLORS.gained.fill);
      assert(green > greenBefore + 20, `the gained points are drawn (${green} green pixels, ${greenBefore} before)`);
      await page.screenshot({ path: join(environment.artifacts, "compare.png") });

      // Exports: the domain's writers on the domain's comparison.
      assertEqual((await download(page, "compare-export-csv")).toString("utf8"), pointsToCsv(expected.rows), "the changed points CSV");
      assertEqual((await download(page, "compare-export-tables")).toString("utf8"), comparisonTablesCsv(comparison), "the tables CSV");
      const geojson = JSON.parse((await download(page, "compare-export-geojson")).toString("utf8")) as {
        features: { properties: { id: string; carriers_gained: string } }[];
      };
      assertEqual(
        geojson.features.map((feature) => [feature.properties.id, feature.properties.carriers_gained]),
        expected.rows.map((row) => [row.point.id, row.computed.carriers_gained]),
        "the changed points GeoJSON",
      );

      // A changed point flies the map to it and opens its popup.
      const first = environment.sample.points[comparison.changes[0].index];
      await page.locator('[data-testid="compare-point"]').first().click();
      await page.waitForSelector(".maplibregl-popup .point-popup h3", { timeout: TIMEOUT });
      assertEqual(await page.textContent(".maplibregl-popup .point-popup h3"), first.name || first.id, "the popup of the first changed point");
    },
  },
  {
    name: "phone 390×844: compare and the measurements are reached by a tap, their controls at least 44 px, a choice shows the map",
    async run(environment) {
      const { text, findings } = measurementFixture(environment);
      const { page } = await environment.newPage(PHONE);
      await page.goto(environment.baseUrl);
      await page.waitForSelector('[data-testid="uncovered-count"]', { timeout: TIMEOUT });
      await page.tap('[data-testid="pane-compare"]');
      await page.waitForSelector('[data-testid="compare-run"]', { state: "visible", timeout: TIMEOUT });
      await page.tap('[data-testid="compare-run"]');
      await page.waitForSelector('[data-testid="compare-point"]', { state: "visible", timeout: TIMEOUT });
      for (const testId of ["compare-run", "compare-before", "compare-after", "compare-export-csv", "pane-compare"]) {
        const box = await page.locator(`[data-testid="${testId}"]`).boundingBox();
        assert(box && box.height >= 44, `${testId} is at least 44 px high (${box?.height})`);
      }
      const pointBox = await page.locator('[data-testid="compare-point"]').first().boundingBox();
      assert(pointBox && pointBox.height >= 44, `a changed point is at least 44 px high (${pointBox?.height})`);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert(width <= 390, `nothing scrolls sideways (${width})`);
      await page.locator('[data-testid="compare-point"]').first().tap();
      await page.waitForFunction(() => document.querySelector(".layout")?.getAttribute("data-pane") === "map", undefined, { timeout: TIMEOUT });
      await page.waitForSelector(".maplibregl-popup .point-popup h3", { timeout: TIMEOUT });

      await openMeasurements(page, environment);
      await page.setInputFiles('[data-testid="measure-input"]', { name: "do-kiem.csv", mimeType: "text/csv", buffer: Buffer.from(text, "utf8") });
      await page.waitForSelector('[data-testid="measure-row"]', { timeout: TIMEOUT });
      assertEqual(await page.locator('[data-testid="measure-row"]').count(), findings.length, "the findings on a phone");
      for (const testId of ["measure-clear", "measure-carrier"]) {
        const box = await page.locator(`[data-testid="${testId}"]`).boundingBox();
        assert(box && box.height >= 44, `${testId} is at least 44 px high (${box?.height})`);
      }
      const fly = page.locator('[data-testid="measure-fly"]').first();
      const flyBox = await fly.boundingBox();
      assert(flyBox && flyBox.height >= 44 && flyBox.width >= 44, `a finding's button is at least 44 × 44 px (${flyBox?.width} × ${flyBox?.height})`);
      await fly.tap();
      await page.waitForFunction(
        () => {
          const box = document.querySelector('[data-testid="progress-map"]')!.getBoundingClientRect();
          return box.top < window.innerHeight && box.bottom > 0;
        },
        undefined,
        { timeout: TIMEOUT },
      );
      const sideways = await page.evaluate(() => document.documentElement.scrollWidth);
      assert(sideways <= 390, `the tracking view does not scroll sideways (${sideways})`);
    },
  },
];
