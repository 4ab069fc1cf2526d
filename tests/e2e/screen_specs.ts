/**
 * Screens: a phone (390×844, touch) and a tablet (768×1024, touch) reach every screen and action by tapping
 * and never scroll sideways; the dev server (`npm start`) draws both maps under the CSP. Expected figures
 * come from the domain in Node (expected.ts), as everywhere else.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { coverageOf, foldForSearch, parseRegistryCsv, pointStatus, trackingSummary, replay, selectPoints } from "../../src/domain/index.ts";
import { formatDay } from "../../src/app/i18n/dates.ts";
import { readSampleEvents } from "../../src/app/tracking/sample_events.ts";
import { APP_DEFAULT_FILTER, countUncovered } from "./expected.ts";
import type { PageOptions, Spec, SpecEnvironment } from "./specs.ts";
import { AssertionError, assert, assertEqual, todayInVietnam } from "./assert.ts";

const TIMEOUT = 45_000;
/** The dev server compiles modules on first request: a first page takes longer than the build's. */
const DEV_TIMEOUT = 180_000;

const PHONE: PageOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const TABLET: PageOptions = { viewport: { width: 768, height: 1024 }, isMobile: true, hasTouch: true };

async function waitForCount(page: Page, expected: number): Promise<void> {
  await page
    .waitForFunction((value) => document.querySelector('[data-testid="uncovered-count"]')?.textContent?.trim() === String(value), expected, {
      timeout: TIMEOUT,
    })
    .catch(async () => {
      throw new AssertionError(`uncovered-count: expected ${expected}, got ${await page.textContent('[data-testid="uncovered-count"]')}`);
    });
}

/** The page is never wider than the screen (no sideways scrolling). */
async function assertNoSidewaysScroll(page: Page, where: string): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.scrollingElement!.scrollWidth, innerWidth: window.innerWidth }));
  assert(scrollWidth <= innerWidth, `${where}: the page is ${scrollWidth} px wide on a ${innerWidth} px screen`);
}

/**
 * Taps an element after checking that a finger would land on it: it is at least 44 × 44 px, inside the
 * screen, and the topmost element at its centre is itself or inside it (not the map drawn over it).
 */
async function tap(page: Page, selector: string): Promise<void> {
  await page.waitForSelector(selector, { state: "visible", timeout: TIMEOUT });
  const check = await page.evaluate((target) => {
    const element = document.querySelector(target)!;
    element.scrollIntoView({ block: "nearest" });
    const box = element.getBoundingClientRect();
    const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
    return {
      width: box.width,
      height: box.height,
      right: box.right,
      bottom: box.bottom,
      reached: hit !== null && (element === hit || element.contains(hit)),
      hit: hit ? `${hit.tagName}.${hit.className}` : "nothing",
    };
  }, selector);
  assert(check.reached, `a tap on ${selector} lands on ${check.hit}`);
  assert(check.height >= 44 && check.width >= 44, `${selector} is ${Math.round(check.width)}×${Math.round(check.height)} px, under 44 px`);
  await page.tap(selector);
}

/** Every visible control inside `root` is at least 44 px high (checkboxes: their label). */
async function assertTouchTargets(page: Page, root: string, where: string): Promise<void> {
  const small = await page.evaluate((scope) => {
    const found: string[] = [];
    for (const container of document.querySelectorAll(scope)) {
      for (const element of container.querySelectorAll<HTMLElement>("button, select, input, .button-like")) {
        const box = element.getBoundingClientRect();
        if (box.width === 0 || box.height === 0 || getComputedStyle(element).visibility === "hidden") continue;
        if (element instanceof HTMLInputElement && element.type === "file") continue;
        const measured =
          element instanceof HTMLInputElement && (element.type === "checkbox" || element.type === "radio")
            ? (element.closest("label") ?? element).getBoundingClientRect()
            : box;
        if (measured.height < 43.5)
          found.push(
            `${element.tagName.toLowerCase()}${element.dataset.testid ? `[${element.dataset.testid}]` : ""} “${(element.textContent ?? element.getAttribute("aria-label") ?? "").trim().slice(0, 30)}” ${Math.round(measured.height)} px`,
          );
      }
    }
    return found;
  }, root);
  assertEqual(small, [], `${where}: controls under 44 px`);
}

/** Distinct colours on a canvas (a blank or single-colour canvas has one or two). */
async function canvasColours(page: Page, selector: string): Promise<number> {
  return page.evaluate((target) => {
    const canvas = document.querySelector(target) as HTMLCanvasElement | null;
    if (!canvas || canvas.width === 0) return 0;
    const copy = document.createElement("canvas");
    copy.width = canvas.width;
    copy.height = canvas.height;
    const context = copy.getContext("2d")!;
    context.drawImage(canvas, 0, 0);
    const data = context.getImageData(0, 0, copy.width, copy.height).data;
    const colours = new Set<number>();
    for (let i = 0; i < data.length; i += 16) colours.add(((data[i] >> 3) << 10) | ((data[i + 1] >> 3) << 5) | (data[i + 2] >> 3));
    return colours.size;
  }, selector);
}

async function waitForDrawnCanvas(page: Page, selector: string, timeout = TIMEOUT): Promise<number> {
  let colours = 0;
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    colours = await canvasColours(page, selector);
    if (colours >= 8) return colours;
    await page.waitForTimeout(500);
  }
  throw new AssertionError(`${selector} stays blank (${colours} colours)`);
}

/** The coverage map's screens: map, filters, list, statistics, import, export, each by a tap on the bottom bar. */
async function everyScreenByTouch(environment: SpecEnvironment, options: PageOptions, name: string): Promise<void> {
  const { sample } = environment;
  const { page } = await environment.newPage(options);
  await page.goto(environment.baseUrl);
  await page.waitForSelector('[data-testid="uncovered-count"]', { timeout: TIMEOUT });
  await waitForCount(page, countUncovered(sample));
  await page.waitForSelector('[data-testid="map"][data-loaded="true"]', { timeout: TIMEOUT });
  await waitForDrawnCanvas(page, '[data-testid="map"] canvas');
  await assertNoSidewaysScroll(page, `${name}, map`);
  const height = await page.evaluate(() => ({ scroll: document.scrollingElement!.scrollHeight, inner: window.innerHeight }));
  assert(height.scroll <= height.inner, `${name}: the map screen scrolls (${height.scroll} px in ${height.inner})`);
  await page.screenshot({ path: join(environment.artifacts, `${name}-map.png`) });
  await assertTouchTargets(page, ".header, .pane-nav", `${name}, header and bottom bar`);

  // Filters: a tap on a kind changes the count to the domain's.
  await tap(page, '[data-testid="pane-filters"]');
  await page.waitForSelector('[data-testid="filter-min-tech"]', { state: "visible", timeout: TIMEOUT });
  await assertTouchTargets(page, ".sidebar", `${name}, filters`);
  await tap(page, 'label:has([data-testid="filter-kind-school"])');
  await waitForCount(page, countUncovered(sample, { ...APP_DEFAULT_FILTER, kinds: ["school"] }));
  await tap(page, '[data-testid="filter-clear"]');
  await waitForCount(page, countUncovered(sample));
  await assertNoSidewaysScroll(page, `${name}, filters`);
  await page.screenshot({ path: join(environment.artifacts, `${name}-filters.png`) });
  // The lookup sits on the same screen: a school's card, by touch.
  const school = sample.points.find((candidate, index) => candidate.kind === "school" && coverageOf(sample.analysis, index).length > 0)!;
  await tap(page, '[data-testid="lookup-input"]');
  await page.fill('[data-testid="lookup-input"]', foldForSearch(school.name));
  await tap(page, `[data-testid="lookup-point"][data-point-id="${school.id}"]`);
  await page.waitForSelector(`[data-testid="lookup-card"][data-point-id="${school.id}"]`, { state: "visible", timeout: TIMEOUT });
  await page.evaluate(() => document.querySelector('[data-testid="lookup-card"]')!.scrollIntoView({ block: "end" }));
  await assertNoSidewaysScroll(page, `${name}, lookup`);
  await assertTouchTargets(page, ".sidebar", `${name}, lookup`);
  await page.screenshot({ path: join(environment.artifacts, `${name}-lookup.png`) });
  await page.fill('[data-testid="lookup-input"]', "");

  // List: rows are those of the domain; a tap on one goes back to the map with its popup open.
  await tap(page, '[data-testid="pane-list"]');
  await page.waitForSelector('[data-testid="uncovered-row"]', { state: "visible", timeout: TIMEOUT });
  assertEqual(Number(await page.textContent('[data-testid="list-row-count"]')), countUncovered(sample), "rows in the list");
  await assertTouchTargets(page, ".panels", `${name}, list`);
  await assertNoSidewaysScroll(page, `${name}, list`);
  await page.screenshot({ path: join(environment.artifacts, `${name}-list.png`) });
  const firstId = await page.getAttribute('[data-testid="uncovered-row"]', "data-point-id");
  const point = sample.points.find((candidate) => candidate.id === firstId);
  assert(point, "the first row is a sample point");
  assert(
    selectPoints(sample.analysis, sample.points, { ...APP_DEFAULT_FILTER, status: "uncovered" }).some((index) => sample.points[index].id === firstId),
    "the first row is uncovered in Node",
  );
  await tap(page, '[data-testid="uncovered-row"]');
  await page.waitForSelector(".maplibregl-popup .point-popup h3", { state: "visible", timeout: TIMEOUT });
  assertEqual(await page.textContent(".maplibregl-popup .point-popup h3"), point.name || point.id, "the popup after a tap on the row");
  assertEqual(await page.getAttribute('[data-testid="pane-map"]', "aria-pressed"), "true", "back on the map");
  await page.screenshot({ path: join(environment.artifacts, `${name}-popup.png`) });

  // Statistics.
  await tap(page, '[data-testid="pane-statistics"]');
  await page.waitForSelector('[data-testid="stats-table"]', { state: "visible", timeout: TIMEOUT });
  await assertNoSidewaysScroll(page, `${name}, statistics`);
  await assertTouchTargets(page, ".panels", `${name}, statistics`);
  await page.screenshot({ path: join(environment.artifacts, `${name}-statistics.png`) });

  // Import: a file gives its preview, which can be discarded.
  await tap(page, '[data-testid="pane-import"]');
  await page.waitForSelector('[data-testid="import-drop"]', { state: "visible", timeout: TIMEOUT });
  await assertTouchTargets(page, ".panels", `${name}, import`);
  await page.setInputFiles('[data-testid="import-input"]', {
    name: "mot-diem.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(`id,name,kind,lat,lon\nP1,Trường A,school,${point.lat},${point.lon}\n`, "utf8"),
  });
  await page.waitForSelector('[data-testid="import-preview"]', { state: "visible", timeout: TIMEOUT });
  await assertNoSidewaysScroll(page, `${name}, import preview`);
  await assertTouchTargets(page, ".panels", `${name}, import preview`);
  await page.screenshot({ path: join(environment.artifacts, `${name}-import.png`) });
  await tap(page, '[data-testid="import-discard"]');
  await page.waitForSelector('[data-testid="import-preview"]', { state: "detached", timeout: TIMEOUT });

  // Export: a tap downloads the list.
  await tap(page, '[data-testid="pane-export"]');
  await page.waitForSelector('[data-testid="export-csv"]', { state: "visible", timeout: TIMEOUT });
  await assertTouchTargets(page, ".panels", `${name}, export`);
  await assertNoSidewaysScroll(page, `${name}, export`);
  const [file] = await Promise.all([page.waitForEvent("download", { timeout: TIMEOUT }), tap(page, '[data-testid="export-csv"]')]);
  assert((await file.path()) !== null, "the export downloads");
  await page.screenshot({ path: join(environment.artifacts, `${name}-export.png`) });

  // Back to the map: still drawn.
  await tap(page, '[data-testid="pane-map"]');
  await waitForDrawnCanvas(page, '[data-testid="map"] canvas');
}

/** The listed dead zones on a small screen: reached by a tap, no sideways scrolling, tables scroll in their box. */
async function trackingByTouch(environment: SpecEnvironment, options: PageOptions, name: string): Promise<void> {
  const { page } = await environment.newPage(options);
  await page.goto(environment.baseUrl);
  await page.waitForSelector('[data-testid="uncovered-count"]', { timeout: TIMEOUT });
  await tap(page, '[data-testid="view-progress"]');
  await page.waitForSelector('[data-testid="progress-view-page"]', { timeout: TIMEOUT });
  await page.waitForSelector('[data-testid="progress-map"][data-loaded="true"]', { timeout: TIMEOUT });
  await waitForDrawnCanvas(page, '[data-testid="progress-map"] canvas');
  await assertNoSidewaysScroll(page, `${name}, listed dead zones`);
  const boxes = await page.$$eval(".tracking .table-scroll", (elements) =>
    elements
      .filter((element) => element.getBoundingClientRect().width > 0)
      .map((element) => ({ right: element.getBoundingClientRect().right, overflow: getComputedStyle(element).overflowX })),
  );
  assert(boxes.length > 0, "the view has tables");
  const width = await page.evaluate(() => window.innerWidth);
  for (const box of boxes) {
    assert(box.right <= width + 0.5, `a table box ends at ${Math.round(box.right)} px on a ${width} px screen`);
    assert(box.overflow === "auto" || box.overflow === "scroll", `a table box scrolls inside (overflow-x ${box.overflow})`);
  }
  await assertTouchTargets(page, ".tracking", `${name}, listed dead zones`);
  await page.screenshot({ path: join(environment.artifacts, `${name}-progress.png`), fullPage: true });
  // The role, the as-of date, the registry table, the exports: each reached by a tap.
  await tap(page, '[data-testid="role-select"]');
  await tap(page, '[data-testid="asof-input"]');
  await page.waitForSelector('[data-testid="registry-table"], .tracking-table', { state: "visible", timeout: TIMEOUT });
  await tap(page, '[data-testid="export-report-csv"]');
  await tap(page, '[data-testid="view-map"]');
  await page.waitForSelector('[data-testid="pane-nav"]', { state: "visible", timeout: TIMEOUT });
}

/** Dates a person should never see in the page's text: ISO days inside sentences, two-digit years. */
async function strayDates(page: Page): Promise<string[]> {
  const text = await page.evaluate(() => document.body.innerText);
  return [...text.matchAll(/(?<![\d/-])(\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/\d{2})(?![\d/-])/g)].map((match) => match[0]);
}

async function waitForText(page: Page, testId: string, expected: string): Promise<void> {
  await page
    .waitForFunction(([id, value]) => document.querySelector(`[data-testid="${id}"]`)?.textContent?.trim() === value, [testId, expected] as const, {
      timeout: TIMEOUT,
    })
    .catch(async () => {
      throw new AssertionError(`${testId}: expected ${expected}, got ${await page.textContent(`[data-testid="${testId}"]`)}`);
    });
}

export const SCREEN_SPECS: Spec[] = [
  {
    name: "phone 390×844: map, filters, list, statistics, import and export are each reached by a tap, nothing scrolls sideways",
    run: (environment) => everyScreenByTouch(environment, PHONE, "phone"),
  },
  {
    name: "tablet 768×1024: map, filters, list, statistics, import and export are each reached by a tap, nothing scrolls sideways",
    run: (environment) => everyScreenByTouch(environment, TABLET, "tablet"),
  },
  {
    name: "phone 390×844: the listed dead zones fit the width, tables scroll inside their box, controls reached by a tap",
    run: (environment) => trackingByTouch(environment, PHONE, "phone"),
  },
  {
    name: "tablet 768×1024: the listed dead zones fit the width, tables scroll inside their box, controls reached by a tap",
    run: (environment) => trackingByTouch(environment, TABLET, "tablet"),
  },
  {
    name: "dev server (npm start): both maps draw under the CSP, no “không hỗ trợ WebGL”",
    async run(environment) {
      const { createServer } = await import("vite");
      const server = await createServer({
        root: environment.root,
        configFile: join(environment.root, "vite.config.ts"),
        logLevel: "warn",
        clearScreen: false,
        server: { host: "127.0.0.1", port: 0, strictPort: false },
      });
      await server.listen();
      try {
        const address = server.httpServer?.address();
        assert(address && typeof address === "object", "the dev server listens");
        const url = `http://127.0.0.1:${address.port}/`;
        const { page } = await environment.newPage({ origin: url });
        const violations: string[] = [];
        page.on("console", (message) => {
          if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
        });
        const response = await page.goto(url, { timeout: DEV_TIMEOUT });
        assert(
          (response?.headers()["content-security-policy"] ?? "").includes("script-src 'self' 'nonce-"),
          "the dev server sends the CSP, with a nonce for its inline scripts",
        );
        await page.waitForSelector('[data-testid="uncovered-count"]', { timeout: DEV_TIMEOUT });
        await waitForCount(page, countUncovered(environment.sample));
        await page.waitForSelector('[data-testid="map"][data-loaded="true"]', { timeout: DEV_TIMEOUT });
        await waitForDrawnCanvas(page, '[data-testid="map"] canvas', DEV_TIMEOUT);
        await page.click('[data-testid="view-progress"]');
        await page.waitForSelector('[data-testid="progress-view-page"]', { timeout: DEV_TIMEOUT });
        await page.waitForSelector('[data-testid="progress-map"][data-loaded="true"], [data-testid="progress-map"].map-unavailable', { timeout: DEV_TIMEOUT });
        const text = (await page.textContent('[data-testid="progress-view-page"]')) ?? "";
        assert(!text.includes("không hỗ trợ WebGL"), "the dead-zone map does not claim the browser lacks WebGL");
        assertEqual(await page.getAttribute('[data-testid="progress-map"]', "data-failure"), null, "the dead-zone map did not fail");
        await waitForDrawnCanvas(page, '[data-testid="progress-map"] canvas', DEV_TIMEOUT);
        await page.screenshot({ path: join(environment.artifacts, "dev-server-progress.png") });
        const seen = await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);
        assertEqual([...violations, ...seen], [], "CSP violations under the dev server");
      } finally {
        await server.close();
      }
    },
  },
  {
    name: "dates: dd/mm/yyyy in an en-US browser, in the date box, the chart axis and the sentences; a US-order day is refused",
    async run(environment) {
      const registry = parseRegistryCsv(readFileSync(join(environment.root, "data/sample/dead_zones.csv")), { file: "dead_zones.csv" }).items;
      const { events } = readSampleEvents(JSON.parse(readFileSync(join(environment.root, "data/sample/events.json"), "utf8")));
      const today = todayInVietnam();
      for (const language of ["en", "vi"] as const) {
        const { page } = await environment.newPage({ locale: "en-US" });
        await page.goto(`${environment.baseUrl}?view=progress${language === "en" ? "&lang=en" : ""}`);
        await page.waitForSelector('[data-testid="dashboard-listed"]', { timeout: TIMEOUT });
        assertEqual(await page.inputValue('[data-testid="asof-input"]'), formatDay(language, today), `${language}: the as-of box shows today as dd/mm/yyyy`);
        assertEqual(await page.getAttribute('[data-testid="asof-input"]', "type"), "text", `${language}: not the browser's own date box`);
        const axis = await page.$$eval(".tracking-chart-svg .tracking-axis-text", (texts) => texts.map((text) => text.textContent ?? ""));
        const months = axis.filter((label) => label.includes("/"));
        assert(months.length > 0 && months.every((label) => /^\d{2}\/\d{4}$/.test(label)), `${language}: chart months as mm/yyyy: ${months.join(" ")}`);
        assertEqual(await strayDates(page), [], `${language}: ISO days or two-digit years in the page`);
        // A past day typed day first replays the log to that day, as the domain does.
        const early = [...events].sort((a, b) => (a.date < b.date ? -1 : 1))[Math.floor(events.length / 2)].date;
        const expected = trackingSummary(registry, replay(registry, events, early).states, early);
        await page.fill('[data-testid="asof-input"]', formatDay(language, early));
        await waitForText(page, "dashboard-covered", String(expected.covered));
        assert(
          ((await page.textContent('[data-testid="asof-note"]')) ?? "").includes(formatDay(language, early)),
          `${language}: the note names the day as dd/mm/yyyy`,
        );
        assertEqual(await strayDates(page), [], `${language}: ISO days or two-digit years on a past day`);
        // 08/15/2026 (month first) is not a day: the box says so and the day shown stays.
        await page.fill('[data-testid="asof-input"]', "08/15/2026");
        assertEqual(await page.getAttribute('[data-testid="asof-input"]', "aria-invalid"), "true", `${language}: month-first is refused`);
        assertEqual(await page.getAttribute('[data-testid="asof-input"]', "data-value"), early, `${language}: the day shown is unchanged`);
        await page.click('[data-testid="asof-clear"]');
        await page
          .waitForFunction((value) => (document.querySelector('[data-testid="asof-input"]') as HTMLInputElement).value === value, formatDay(language, today), {
            timeout: TIMEOUT,
          })
          .catch(async () => {
            throw new AssertionError(
              `${language}: back to today: expected ${formatDay(language, today)}, got ${await page.inputValue('[data-testid="asof-input"]')}`,
            );
          });
      }
    },
  },
  {
    name: "lookup: every point and place, without diacritics; the card says who covers a school, or no signal; ?point=ID opens it; a commune zooms the map",
    async run(environment) {
      const { sample } = environment;
      const { analysis, points } = sample;
      // A commune whose points are all covered (the old search, among uncovered points only, found nothing there).
      const byCommune = new Map<number, number[]>();
      points.forEach((_, index) => {
        if (analysis.communeOf[index] >= 0) byCommune.set(analysis.communeOf[index], [...(byCommune.get(analysis.communeOf[index]) ?? []), index]);
      });
      const [communeIndex, members] = [...byCommune].find(
        ([, list]) => list.length >= 3 && list.every((index) => pointStatus(analysis, index, APP_DEFAULT_FILTER) !== "uncovered"),
      )!;
      assert(members, "the sample has a commune where every point is covered");
      const commune = analysis.communes[communeIndex];
      const { page } = await environment.newPage();
      await page.goto(environment.baseUrl);
      await page.waitForSelector('[data-testid="uncovered-count"]', { timeout: TIMEOUT });
      await waitForCount(page, countUncovered(sample));
      await page.fill('[data-testid="lookup-input"]', foldForSearch(commune.name));
      await page.waitForSelector('[data-testid="lookup-point"]', { timeout: TIMEOUT });
      const places = await page.$$eval('[data-testid="lookup-place"] strong', (elements) => elements.map((element) => element.textContent ?? ""));
      assert(
        places.some((name) => name.startsWith(commune.name)),
        `the commune is found: ${places.join(", ")}`,
      );
      const found = await page.$$eval('[data-testid="lookup-point"]', (elements) => elements.map((element) => element.getAttribute("data-point-id") ?? ""));
      const searchable = (index: number) => {
        const point = points[index];
        const communeName = point.communeName ?? (analysis.communeOf[index] >= 0 ? analysis.communes[analysis.communeOf[index]].name : "");
        const provinceName = point.provinceName ?? (analysis.provinceOf[index] >= 0 ? analysis.provinces[analysis.provinceOf[index]].name : "");
        return foldForSearch(`${point.name} ${point.id} ${communeName} ${provinceName}`);
      };
      const words = foldForSearch(commune.name).split(/\s+/);
      assert(
        found.length > 0 && found.every((id) => words.every((word) => searchable(points.findIndex((point) => point.id === id)).includes(word))),
        "every point found has the words in its name, commune or province",
      );
      assert(
        found.some((id) => members.some((index) => points[index].id === id)),
        "points of the commune are found, though all are covered",
      );
      // The card of a covered point: its carriers and technologies, as the domain says.
      const covered = found.map((id) => points.findIndex((point) => point.id === id)).find((index) => members.includes(index))!;
      await page.click(`[data-testid="lookup-point"][data-point-id="${points[covered].id}"]`);
      await page.waitForSelector(`[data-testid="lookup-card"][data-point-id="${points[covered].id}"]`, { timeout: TIMEOUT });
      const expectedCarriers = [...new Set(coverageOf(analysis, covered).map((layer) => layer.carrier))].sort();
      const shownCarriers = (
        await page.$$eval('[data-testid="lookup-carrier"] strong', (elements) => elements.map((element) => element.textContent ?? ""))
      ).sort();
      assertEqual(shownCarriers, expectedCarriers, "carriers covering the point");
      for (const carrier of expectedCarriers) {
        const line = (await page.textContent(`[data-testid="lookup-carrier"]:has(strong:text-is("${carrier}"))`)) ?? "";
        for (const layer of coverageOf(analysis, covered).filter((entry) => entry.carrier === carrier))
          assert(line.includes(layer.technology), `${carrier} ${layer.technology} is listed: ${line}`);
      }
      const card = (await page.textContent('[data-testid="lookup-card"]')) ?? "";
      assert(card.includes(commune.name), "the card names the commune");
      await page.screenshot({ path: join(environment.artifacts, "lookup-vi.png") });
      // A point nobody covers says so.
      const none = points.findIndex((_, index) => coverageOf(analysis, index).length === 0);
      assert(none >= 0, "the sample has a point no carrier covers");
      await page.fill('[data-testid="lookup-input"]', points[none].id);
      await page.click(`[data-testid="lookup-point"][data-point-id="${points[none].id}"]`);
      await page.waitForSelector(`[data-testid="lookup-card"][data-point-id="${points[none].id}"]`, { timeout: TIMEOUT });
      assert(((await page.textContent('[data-testid="lookup-signal"]')) ?? "").includes("Chưa có sóng"), "no signal is said plainly");
      // The link opens the point: selected, popup open, card shown.
      const link = (await page.getAttribute('[data-testid="lookup-link"]', "href")) ?? "";
      assert(link.includes(`point=${encodeURIComponent(points[none].id)}`), `the link names the point: ${link}`);
      const second = await environment.newPage();
      await second.page.goto(link);
      await second.page.waitForSelector(".maplibregl-popup .point-popup h3", { timeout: TIMEOUT });
      assertEqual(await second.page.textContent(".maplibregl-popup .point-popup h3"), points[none].name || points[none].id, "the linked point's popup");
      await second.page.waitForSelector(`[data-testid="lookup-card"][data-point-id="${points[none].id}"]`, { timeout: TIMEOUT });
      // A place: the filter follows and the map zooms to it.
      const zoomBefore = Number(/map=([\d.]+)/.exec(decodeURIComponent(page.url()))?.[1] ?? "0");
      await page.fill('[data-testid="lookup-input"]', foldForSearch(commune.name));
      await page.click(`[data-testid="lookup-place"][data-level="commune"][data-code="${commune.code}"]`);
      await waitForCount(page, countUncovered(sample, { ...APP_DEFAULT_FILTER, communeCode: commune.code }));
      await page.waitForFunction((before) => Number(/map=([\d.]+)/.exec(decodeURIComponent(location.search))?.[1] ?? "0") > before + 1, zoomBefore, {
        timeout: TIMEOUT,
      });
      assert(page.url().includes(`commune=${commune.code}`), "the commune is in the URL");
    },
  },
  {
    name: "tracking view: the role, the as-of day and the status filter are in the URL and survive a reload",
    async run(environment) {
      const registry = parseRegistryCsv(readFileSync(join(environment.root, "data/sample/dead_zones.csv")), { file: "dead_zones.csv" }).items;
      const { events } = readSampleEvents(JSON.parse(readFileSync(join(environment.root, "data/sample/events.json"), "utf8")));
      const carrier = [...new Set(registry.map((point) => point.carrier))].sort()[0];
      const early = [...events].sort((a, b) => (a.date < b.date ? -1 : 1))[Math.floor(events.length / 2)].date;
      const { page } = await environment.newPage();
      await page.goto(`${environment.baseUrl}?view=progress`);
      await page.waitForSelector('[data-testid="dashboard-listed"]', { timeout: TIMEOUT });
      await page.selectOption('[data-testid="role-select"]', `carrier:${carrier}`);
      await page.fill('[data-testid="asof-input"]', formatDay("vi", early));
      await page.selectOption('[data-testid="registry-status-filter"]', "on_air");
      await page.waitForFunction(
        () => /role=carrier/.test(location.search) && /asof=/.test(location.search) && /status=on_air/.test(location.search),
        undefined,
        { timeout: TIMEOUT },
      );
      const params = new URL(page.url()).searchParams;
      assertEqual([params.get("role"), params.get("asof"), params.get("status")], [`carrier:${carrier}`, early, "on_air"], "the URL holds the view");
      await page.reload();
      await page.waitForSelector('[data-testid="dashboard-listed"]', { timeout: TIMEOUT });
      await page.waitForFunction(
        (value) => (document.querySelector('[data-testid="role-select"]') as HTMLSelectElement | null)?.value === value,
        `carrier:${carrier}`,
        { timeout: TIMEOUT },
      );
      await page.waitForFunction(
        (value) => (document.querySelector('[data-testid="asof-input"]') as HTMLInputElement | null)?.value === value,
        formatDay("vi", early),
        { timeout: TIMEOUT },
      );
      assertEqual(await page.inputValue('[data-testid="registry-status-filter"]'), "on_air", "the status filter after a reload");
      const own = registry.filter((point) => point.carrier === carrier);
      const states = replay(registry, events, early).states;
      const expectedRows = own.filter((point) => states[point.id]?.status === "on_air").length;
      const hint = ((await page.textContent('.tracking-registry .tracking-controls .hint[role="status"]')) ?? "").trim();
      assert(
        hint.startsWith(`${expectedRows} / ${own.length}`),
        `the list counts ${expectedRows} of ${own.length} ${carrier} points on air on ${early}: “${hint}”`,
      );
    },
  },
];
