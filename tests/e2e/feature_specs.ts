/**
 * End-to-end specs of issue 12's features: what a person sees and downloads equals the domain's answer computed in
 * Node on the same files (tests/e2e/expected.ts).
 */
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { join } from "node:path";
import {
  challengePacketCsv,
  findContradictions,
  measureAssignedReach,
  parseMeasurementsCsv,
  parseRegistryCsv,
  planSites,
  pointsToCsv,
  rankDeadlineRisk,
  replay,
  siteExportRows,
  summarizeSchoolsAndWeights,
  type PointFilter,
  type SiteWeightMode,
} from "../../src/domain/index.ts";
import { readSampleEvents } from "../../src/app/tracking/sample_events.ts";
import type { Spec } from "./specs.ts";
import { APP_DEFAULT_FILTER } from "./expected.ts";
import { assert, assertEqual } from "./assert.ts";

const TIMEOUT = 45_000;

async function download(page: Page, testId: string): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.click(`[data-testid="${testId}"]`)]);
  return readFileSync((await file.path())!);
}

async function suggest(page: Page, radius: string, sites: string, weight: SiteWeightMode): Promise<void> {
  await page.click('[data-testid="tab-suggest"]');
  await page.fill('[data-testid="suggest-radius"]', radius);
  await page.fill('[data-testid="suggest-sites"]', sites);
  await page.selectOption('[data-testid="suggest-weight"]', weight);
  const before = await page.textContent('[data-testid="suggest-summary"]').catch(() => null);
  await page.click('[data-testid="suggest-run"]');
  await page.waitForFunction(
    (previous) => {
      const summary = document.querySelector('[data-testid="suggest-summary"]');
      const button = document.querySelector('[data-testid="suggest-run"]') as HTMLButtonElement | null;
      return summary !== null && button !== null && !button.disabled && summary.textContent !== previous;
    },
    before,
    { timeout: TIMEOUT },
  );
}

export const FEATURE_SPECS: Spec[] = [
  {
    name: "suggested sites: the table, the map's discs and the CSV equal the domain's greedy plan (pupils, then households for one carrier at 4G)",
    async run(environment) {
      const { sample } = environment;
      const { page } = await environment.newPage();
      await page.goto(environment.baseUrl);
      await page.waitForSelector('[data-testid="uncovered-count"]', { timeout: TIMEOUT });
      await page.waitForSelector('[data-testid="map"][data-loaded="true"]', { timeout: TIMEOUT });

      const check = async (filter: PointFilter, weight: SiteWeightMode, radiusKm: number, sites: number) => {
        await suggest(page, String(radiusKm).replace(".", ","), String(sites), weight);
        const plan = planSites(sample.analysis, sample.points, filter, weight, { radiusKm, sites });
        assert(plan.sites.length > 0, "the sample has uncovered points with a weight");
        const number = (value: number, digits: number) => new Intl.NumberFormat("vi-VN", { maximumFractionDigits: digits }).format(value);
        const percent = (value: number) => new Intl.NumberFormat("vi-VN", { style: "percent", maximumFractionDigits: 1 }).format(value / 100);
        const rows = await page.$$eval('[data-testid="suggest-row"]', (elements) =>
          elements.map((row) => [...row.children].map((cell) => cell.textContent ?? "")),
        );
        assertEqual(
          rows,
          plan.sites.map((site) => [
            String(site.rank),
            `${number(site.lat, 5)}, ${number(site.lon, 5)}`,
            number(site.gain, 0),
            number(site.covered.length, 0),
            percent((100 * site.cumulative) / plan.totalWeight),
          ]),
          "the table's rows",
        );
        const unit = { pupils: "học sinh", households: "hộ", points: "điểm" }[weight];
        assertEqual(
          await page.textContent('[data-testid="suggest-summary"]'),
          `${plan.sites.length} trạm mới phủ ${number(plan.coveredWeight, 0)} trên ${number(plan.totalWeight, 0)} ${unit} chưa có sóng (${percent((100 * plan.coveredWeight) / plan.totalWeight)}).`,
          "the summary line",
        );
        // The map holds one disc per site.
        await page.waitForFunction((count) => document.querySelector('[data-testid="map"]')?.getAttribute("data-sites") === String(count), plan.sites.length, {
          timeout: TIMEOUT,
        });
        const csv = await download(page, "suggest-export-csv");
        assertEqual(csv.toString("utf8"), pointsToCsv(siteExportRows(plan, sample.points, "vi")), "the downloaded CSV");
        const geojson = JSON.parse((await download(page, "suggest-export-geojson")).toString("utf8")) as { features: { properties: { gain: number } }[] };
        assertEqual(
          geojson.features.map((feature) => feature.properties.gain),
          siteExportRows(plan, sample.points).map((row) => row.computed.gain),
          "the GeoJSON gains",
        );
        const kml = (await download(page, "suggest-export-kml")).toString("utf8");
        assertEqual(kml.split("<Placemark>").length - 1, plan.sites.length, "KML placemarks");
      };

      await check(APP_DEFAULT_FILTER, "pupils", 3, 8);
      // For the user guide (E2E_UPDATE_DOCS=1 copies it to docs/screenshot-suggest.png).
      await page.screenshot({ path: join(environment.artifacts, "suggest-vi.png") });
      // One carrier at 4G: the sidebar's filters decide which points are uncovered.
      await page.selectOption('[data-testid="filter-min-tech"]', "4G");
      await page.check('[data-testid="filter-carrier-Viettel"]');
      await page.click('[data-testid="tab-suggest"]');
      await check({ minTechnology: "4G", carriers: ["Viettel"] }, "households", 2.5, 5);

      await page.click('[data-testid="suggest-clear"]');
      await page.waitForFunction(() => document.querySelector('[data-testid="map"]')?.getAttribute("data-sites") === "0", undefined, { timeout: TIMEOUT });
      await page.fill('[data-testid="suggest-radius"]', "-2");
      await page.click('[data-testid="suggest-run"]');
      assert(((await page.textContent('[role="alert"]')) ?? "").includes("Bán kính phải là số dương"), "a negative radius is refused in Vietnamese");
    },
  },
  {
    name: "schools as schools: the statistics tab shows the domain's school counts (both ways) and pupils and households without signal",
    async run(environment) {
      const { sample } = environment;
      const { page } = await environment.newPage();
      await page.goto(environment.baseUrl);
      await page.waitForSelector('[data-testid="uncovered-count"]', { timeout: TIMEOUT });
      await page.click('[data-testid="tab-statistics"]');
      await page.waitForSelector('[data-testid="school-stats-schools"]', { timeout: TIMEOUT });
      await page.locator('[data-testid="school-stats-schools"]').screenshot({ path: join(environment.artifacts, "schools-vi.png") });
      const { schools, weights } = summarizeSchoolsAndWeights(sample.analysis, sample.points, APP_DEFAULT_FILTER);
      assert(schools.withUncoveredSite > 0, "the sample has schools with an uncovered school site");
      const n = (value: number) => new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 0 }).format(value);
      const cells = await page.$$eval('[data-testid="school-stats-schools"] tbody td', (elements) => elements.map((cell) => cell.textContent ?? ""));
      assertEqual(
        cells,
        [
          n(schools.schools),
          n(schools.mainUncovered),
          n(schools.withUncoveredSite),
          n(schools.notFullyCovered),
          n(schools.fullyCovered),
          `${n(schools.sitesUncovered)} / ${n(schools.sites)}`,
          `${n(weights.pupilsUncovered)} / ${n(weights.pupils)}`,
          `${n(weights.householdsUncovered)} / ${n(weights.households)}`,
        ],
        "the school table",
      );
      const carriers = await page.$$eval('[data-testid="school-stats-carriers"] tbody tr', (rows) =>
        rows.slice(1).map((row) => [...row.children].map((cell) => cell.textContent ?? "")),
      );
      assertEqual(
        carriers,
        weights.byCarrier.map((entry) => [entry.carrier, n(entry.pupilsUncovered), n(entry.householdsUncovered)]),
        "pupils and households by carrier",
      );
    },
  },
  {
    name: "who is behind: the risk table and the per-carrier forecasts equal the domain's ranking in Node",
    async run(environment) {
      const { sample, root } = environment;
      const registry = parseRegistryCsv(readFileSync(join(root, "data/sample/dead_zones.csv")), { file: "dead_zones.csv" }).items;
      const loaded = readSampleEvents(JSON.parse(readFileSync(join(root, "data/sample/events.json"), "utf8")));
      const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh" }).format(new Date());
      const { states } = replay(registry, loaded.events, today);
      const open = registry.filter((point) => !["on_air", "verified", "infeasible_accepted"].includes(states[point.id]?.status ?? "not_started"));
      const reach = measureAssignedReach(open, sample.coverage);
      const risk = rankDeadlineRisk(registry, loaded.events, states, { today, from: loaded.listPublishedOn }, reach);
      assert(risk.rows.length > 0, "the sample has open points");

      const { page } = await environment.newPage();
      await page.goto(`${environment.baseUrl}?view=progress`);
      await page.waitForSelector('[data-testid="risk-table"]', { timeout: TIMEOUT });
      // The distances arrive from the worker once the coverage is analysed.
      await page.waitForFunction(
        () => [...document.querySelectorAll('[data-testid="risk-row"]')].every((row) => (row.children[8]?.textContent ?? "–") !== "–"),
        undefined,
        { timeout: TIMEOUT },
      );
      await page.locator('[data-testid="risk-table"]').screenshot({ path: join(environment.artifacts, "risk-vi.png") });
      const km = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 1 });
      const n = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 0 });
      const rows = await page.$$eval('[data-testid="risk-row"]', (elements) =>
        elements.map((row) => [row.children[0], row.children[1], row.children[6], row.children[7], row.children[8]].map((cell) => cell?.textContent ?? "")),
      );
      assertEqual(
        rows,
        risk.rows
          .slice(0, 100)
          .map((row) => [
            String(row.rank),
            row.pointId,
            row.daysToDeadline === null ? "–" : n.format(row.daysToDeadline),
            row.wontMakeDeadline ? "không kịp hạn" : "",
            row.reach === null
              ? "–"
              : row.reach.kind === "inside"
                ? "đã trong vùng phủ"
                : row.reach.kind === "beyond"
                  ? "> 100 km"
                  : `${km.format(row.reach.km)} km`,
          ]),
        "the risk table",
      );
      const forecasts = await page.$$eval('[data-testid="risk-carriers"] tbody tr', (elements) =>
        elements.map((row) => [row.children[0], row.children[2], row.children[4]].map((cell) => cell.textContent ?? "")),
      );
      assertEqual(
        forecasts,
        risk.byCarrier.map((forecast) => [forecast.name, n.format(forecast.remaining), n.format(forecast.wontMakeDeadline)]),
        "the forecasts per carrier",
      );
      const csv = await download(page, "risk-export");
      const lines = csv.toString("utf8").trim().split("\r\n");
      assertEqual(lines.length - 1, risk.rows.length, "the CSV's rows");
    },
  },
  {
    name: "measurements against claims: the findings and the challenge packet equal the domain's in Node",
    async run(environment) {
      const { sample, root } = environment;
      const registry = parseRegistryCsv(readFileSync(join(root, "data/sample/dead_zones.csv")), { file: "dead_zones.csv" }).items;
      const loaded = readSampleEvents(JSON.parse(readFileSync(join(root, "data/sample/events.json"), "utf8")));
      const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh" }).format(new Date());
      const { states } = replay(registry, loaded.events, today);
      const onAir = registry.find((point) => states[point.id]?.status === "on_air");
      assert(onAir, "the sample has an on-air point");
      const text = [
        "Thời gian;Vĩ độ;Kinh độ;Nhà mạng;Công nghệ;Tải xuống",
        `${today} 09:00;${String(onAir.lat).replace(".", ",")};${String(onAir.lon + 0.001).replace(".", ",")};${onAir.carrier};mất sóng;`,
        `${today} 09:10;22,3;104,3;Viettel;mất sóng;`,
        `${today} 09:20;21,0;106,9;VNPT;4G;30`,
      ].join("\r\n");
      const measurements = parseMeasurementsCsv(text, { file: "do-kiem.csv" }).items;
      // Found in the worker on the analysed features themselves: the packet names each release by its file.
      const findings = findContradictions(measurements, sample.coverage, registry, states, {});
      assert(
        findings.some((finding) => finding.kind === "claim_contradicted"),
        "the on-air point is contradicted",
      );

      const { page } = await environment.newPage();
      await page.goto(`${environment.baseUrl}?view=progress`);
      await page.waitForSelector('[data-testid="measure-section"]', { timeout: TIMEOUT });
      // Wait for the app's coverage (the sample analysis) before choosing the file.
      await page.waitForFunction(() => !document.querySelector('[data-testid="measure-section"]')?.textContent?.includes("Chưa có vùng phủ sóng"), undefined, {
        timeout: TIMEOUT,
      });
      await page.setInputFiles('[data-testid="measure-input"]', { name: "do-kiem.csv", mimeType: "text/csv", buffer: Buffer.from(text, "utf8") });
      await page.waitForSelector('[data-testid="measure-row"]', { timeout: TIMEOUT });
      const rows = await page.$$eval('[data-testid="measure-row"]', (elements) =>
        elements.map((row) => [row.children[3], row.children[4]].map((cell) => cell.textContent ?? "")),
      );
      assertEqual(
        rows,
        findings.map((finding) => [finding.pointId ?? "", finding.claim.vi]),
        "the findings",
      );
      const csv = await download(page, "measure-export-csv");
      assertEqual(csv.toString("utf8"), challengePacketCsv(findings, measurements, "vi"), "the challenge packet");
    },
  },
];
