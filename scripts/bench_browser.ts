/**
 * `npm run bench:browser`: the app in Debian's Chromium at national scale, measured (never asserted).
 * Loads 100,000 points (CSV) and three carriers' coverage (3 × 20,000 raw tower discs, GeoJSON) from files through
 * the app's own import, and records: the time from the coverage file's import (chosen in the import tab, then
 * confirmed after the preview) to the count and to the finished map (MapLibre has parsed the sources and drawn
 * them: the map's `data-drawn`), the long main-thread tasks meanwhile, and for each filter change the time to the
 * new count, to the new list and to the map redrawn (`data-styled`), with the long tasks meanwhile.
 * `--trace` also records a Chromium trace and says what each task over 100 ms was made of.
 *
 *   npm run bench:browser -- [--points 100000] [--towers 20000] [--trace]
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";
import { CONTENT_SECURITY_POLICY } from "../vite.config.ts";
import { startStaticServer } from "../tests/e2e/static_server.ts";
import { generateWorkload } from "./bench/generate_workload.ts";
import { TRACE_CATEGORIES, attributeLongTasks, findMark, formatLongTasks } from "../tests/e2e/long_task_trace.ts";

const ROOT = resolve(new URL("..", import.meta.url).pathname);
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
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
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--enable-webgl", "--ignore-gpu-blocklist", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
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

    if (values.trace) await browser.startTracing(page, { categories: TRACE_CATEGORIES });
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
    }

    await page.click('[data-testid="tab-list"]');
    const filters: { label: string; apply: () => Promise<unknown> }[] = [
      { label: "minimum 4G", apply: () => page.selectOption('[data-testid="filter-min-tech"]', "4G") },
      { label: "minimum 3G", apply: () => page.selectOption('[data-testid="filter-min-tech"]', "3G") },
      { label: "one carrier (Viettel)", apply: () => page.check('[data-testid="filter-carrier-Viettel"]') },
      { label: "all carriers, any technology", apply: () => page.click('[data-testid="filter-clear"]') },
    ];
    for (const filter of filters) {
      const before = await readCount();
      const styledBefore = await mapAttribute("styled");
      await page.evaluate(() => performance.mark("bench:filter"));
      const filterStarted = Date.now();
      await filter.apply();
      await page.waitForFunction(
        ([selector, previous]) => Number(document.querySelector(selector as string)?.textContent?.trim()) !== previous,
        ['[data-testid="uncovered-count"]', before] as const,
        { timeout: TIMEOUT, polling: 10 },
      );
      const countedMs = Date.now() - filterStarted;
      await page.waitForFunction(
        () => document.querySelector('[data-testid="list-row-count"]')?.textContent?.trim() === document.querySelector('[data-testid="uncovered-count"]')?.textContent?.trim(),
        undefined,
        { timeout: TIMEOUT, polling: 10 },
      );
      const listedMs = Date.now() - filterStarted;
      await waitForMapAttribute("styled", styledBefore);
      const styledMs = Date.now() - filterStarted;
      console.log(
        `filter "${filter.label}": count ${before} → ${await readCount()} in ${countedMs} ms, list in ${listedMs} ms, map redrawn in ${styledMs} ms; ${describeTasks(await tasksSince("bench:filter"))}`,
      );
    }
  } finally {
    console.log(`load average at end: ${load()}`);
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
