/**
 * `npm run bench:browser`: the app in Debian's Chromium at national scale, measured (never asserted).
 * Loads 100,000 points (CSV) and three carriers' coverage (3 × 20,000 raw tower discs, GeoJSON) from files through
 * the app's own import, and records: the time from the coverage file's import (chosen in the import tab, then
 * confirmed after the preview) to the count and to the finished map (MapLibre has parsed the sources and drawn
 * them: the map's `data-drawn`), the long main-thread tasks meanwhile, and for each filter change the time to the
 * new count, to the new list and to the map redrawn (`data-styled`), with the long tasks meanwhile.
 * `--trace` also records a Chromium trace of the coverage import and of the first filter change, and says what
 * each task over 100 ms was made of.
 *
 *   npm run bench:browser -- [--points 100000] [--towers 20000] [--trace]
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";
import { CONTENT_SECURITY_POLICY } from "../vite.config.ts";
import { startStaticServer } from "./browser/static_server.ts";
import { generateWorkload } from "./bench/generate_workload.ts";
import { CHROMIUM_ARGS, resolveChromium } from "./browser/chromium.ts";
import { TRACE_CATEGORIES, attributeLongTasks, findMark, formatLongTasks } from "./browser/long_task_trace.ts";

const ROOT = resolve(new URL("..", import.meta.url).pathname);
const TIMEOUT = 600_000;

interface LongTask {
  start: number;
  duration: number;
}

function load(): string {
  return loadavg().map((value) => value.toFixed(2)).join(" ");
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { points: { type: "string" }, towers: { type: "string" }, trace: { type: "boolean" } } });
  const pointCount = Number(values.points ?? 100_000);
  const towers = Number(values.towers ?? 20_000);
  if (!existsSync(join(ROOT, "dist/index.html"))) {
    const built = spawnSync(process.execPath, [join(ROOT, "node_modules/vite/bin/vite.js"), "build", "--logLevel", "warn"], { cwd: ROOT, stdio: "inherit" });
    if (built.status !== 0) throw new Error("vite build failed");
  }
  console.log(`generating ${pointCount} points and 3 × ${towers} tower discs…`);
  const workload = generateWorkload({ points: pointCount, towersPerCarrier: towers });
  const directory = mkdtempSync(join(tmpdir(), "lom-song-browser-bench-"));
  const pointsPath = join(directory, "points.csv");
  const coveragePath = join(directory, "coverage.geojson");
  writeFileSync(pointsPath, workload.pointsCsv);
  const coverageText = JSON.stringify(workload.coverage);
  writeFileSync(coveragePath, coverageText);

  const server = await startStaticServer(join(ROOT, "dist"), CONTENT_SECURITY_POLICY);
  const browser = await chromium.launch({
    executablePath: (await resolveChromium()).path,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  console.log(`load average at start: ${load()}`);
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: "vi-VN" });
    await context.addInitScript(() => {
      const scope = window as unknown as { __longTasks: { start: number; duration: number }[] };
      scope.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) scope.__longTasks.push({ start: entry.startTime, duration: entry.duration });
      }).observe({ type: "longtask", buffered: true });
    });
    const page = await context.newPage();
    await page.goto(`${server.url}?sample=none&lang=en`);
    await page.waitForSelector('[data-testid="map"][data-loaded="true"]', { timeout: TIMEOUT });
    const importFile = async (path: string) => {
      const name = path.split("/").pop() ?? path;
      await page.click('[data-testid="tab-import"]');
      await page.setInputFiles('[data-testid="import-input"]', path);
      await page.waitForSelector('[data-testid="import-preview"]', { timeout: TIMEOUT });
      await page.click('[data-testid="import-confirm"]');
      await page.waitForFunction((file) => document.querySelector('[data-testid="import-outcome"]')?.textContent?.includes(file) ?? false, name, { timeout: TIMEOUT });
    };
    const readCount = async () => Number((await page.textContent('[data-testid="uncovered-count"]'))?.trim() ?? NaN);
    const mapAttribute = (name: string) => page.evaluate((attribute) => (document.querySelector('[data-testid="map"]') as HTMLElement | null)?.dataset[attribute] ?? "", name);
    const waitForMapAttribute = (name: string, previous: string) =>
      page.waitForFunction(
        ([attribute, old]) => {
          const value = (document.querySelector('[data-testid="map"]') as HTMLElement | null)?.dataset[attribute as string];
          return value !== undefined && value !== "" && value !== old;
        },
        [name, previous] as const,
        { timeout: TIMEOUT, polling: 20 },
      );
    const tasksSince = (mark: string) =>
      page.evaluate((name) => {
        const start = performance.getEntriesByName(name).at(-1)!.startTime;
        return (window as unknown as { __longTasks: LongTask[] }).__longTasks.filter((task) => task.start >= start).map((task) => ({ start: Math.round(task.start - start), duration: Math.round(task.duration) }));
      }, mark);
    const describeTasks = (tasks: LongTask[]) => `longest main-thread task ${Math.max(0, ...tasks.map((task) => task.duration))} ms (${tasks.length} over 50 ms: ${tasks.map((task) => task.duration).join(", ")})`;

    let started = Date.now();
    let drawnBefore = await mapAttribute("drawn");
    await importFile(pointsPath);
    await waitForMapAttribute("drawn", drawnBefore);
    console.log(`points file (${pointCount} points) imported and drawn in ${Date.now() - started} ms`);

    // Without the CPU sampler: a minute of national-scale work would make a trace too large to read back.
    if (values.trace) await browser.startTracing(page, { categories: TRACE_CATEGORIES.filter((category) => !category.includes("cpu_profiler")) });
    drawnBefore = await mapAttribute("drawn");
    await page.evaluate(() => performance.mark("bench:coverage"));
    started = Date.now();
    await importFile(coveragePath);
    const countMs = Date.now() - started;
    await waitForMapAttribute("drawn", drawnBefore);
    const drawnMs = Date.now() - started;
    await page.evaluate(() => performance.mark("bench:coverage-drawn"));
    const uncovered = await readCount();
    const coverageTasks = await tasksSince("bench:coverage");
    console.log(
      `coverage file (${(coverageText.length / 1e6).toFixed(0)} MB, ${workload.coverage.features.length} polygons): from choosing the file to the count ${countMs} ms, ` +
        `to the finished map ${drawnMs} ms; uncovered ${uncovered}; ${describeTasks(coverageTasks)}`,
    );
    if (values.trace) {
      const trace = JSON.parse((await browser.stopTracing()).toString("utf8")) as unknown;
      const from = findMark(trace, "bench:coverage") ?? 0;
      const to = findMark(trace, "bench:coverage-drawn") ?? Infinity;
      console.log(formatLongTasks(attributeLongTasks(trace, { threshold: 100 }).filter((task) => task.startTs >= from && task.startTs < to)).replace(/^/gm, "    "));
      // The first filter change is traced too.
      await browser.startTracing(page, { categories: TRACE_CATEGORIES.filter((category) => !category.includes("cpu_profiler")) });
    }

    await page.click('[data-testid="tab-list"]');
    // Each change alters the count (the generated coverage is all 4G, so a technology filter would not).
    // The click is dispatched in the page and every time is read on the page's clock, so that what is
    // timed is the app's reaction, not Playwright's checks that the page is still between frames.
    const filters: { label: string; selector: string }[] = [
      { label: "one carrier (Viettel)", selector: '[data-testid="filter-carrier-Viettel"]' },
      { label: "two carriers (Viettel, VNPT)", selector: '[data-testid="filter-carrier-VNPT"]' },
      { label: "schools only", selector: '[data-testid="filter-kind-school"]' },
      { label: "no filter", selector: '[data-testid="filter-clear"]' },
    ];
    for (const filter of filters) {
      const before = await readCount();
      const styledBefore = await mapAttribute("styled");
      const clicked = await page.evaluate((selector) => {
        performance.mark("bench:filter");
        const now = performance.now();
        (document.querySelector(selector) as HTMLElement).click();
        return now;
      }, filter.selector);
      // Each wait answers with the page's clock at the moment its condition held.
      const options = { timeout: TIMEOUT, polling: 10 };
      const counted = await page
        .waitForFunction((previous) => (Number(document.querySelector('[data-testid="uncovered-count"]')?.textContent?.trim()) !== previous ? performance.now() : false), before, options)
        .then((handle) => handle.jsonValue() as Promise<number>);
      const listed = await page
        .waitForFunction(
          () => (document.querySelector('[data-testid="list-row-count"]')?.textContent?.trim() === document.querySelector('[data-testid="uncovered-count"]')?.textContent?.trim() ? performance.now() : false),
          undefined,
          options,
        )
        .then((handle) => handle.jsonValue() as Promise<number>);
      const styled = await page
        .waitForFunction(
          (previous) => {
            const value = (document.querySelector('[data-testid="map"]') as HTMLElement | null)?.dataset.styled;
            return value !== undefined && value !== previous ? performance.now() : false;
          },
          styledBefore,
          options,
        )
        .then((handle) => handle.jsonValue() as Promise<number>);
      console.log(
        `filter "${filter.label}": count ${before} → ${await readCount()} in ${Math.round(counted - clicked)} ms, list in ${Math.round(Math.max(counted, listed) - clicked)} ms, ` +
          `map redrawn in ${Math.round(styled - clicked)} ms; ${describeTasks(await tasksSince("bench:filter"))}`,
      );
      if (values.trace && filter === filters[0]) {
        await page.evaluate(() => performance.mark("bench:filter-drawn"));
        const trace = JSON.parse((await browser.stopTracing()).toString("utf8")) as unknown;
        const from = findMark(trace, "bench:filter") ?? 0;
        const to = findMark(trace, "bench:filter-drawn") ?? Infinity;
        console.log(formatLongTasks(attributeLongTasks(trace, { threshold: 100 }).filter((task) => task.startTs >= from && task.startTs < to)).replace(/^/gm, "    "));
      }
    }
  } finally {
    console.log(`load average at end: ${load()}`);
    await browser.close();
    await server.close();
    // The generated files are about 100 MB.
    rmSync(directory, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
