/**
 * `npm run bench:browser`: the app in Debian's Chromium at national scale, measured (never asserted).
 * Loads 100,000 points (CSV) and three carriers' coverage (3 × 20,000 raw tower discs, GeoJSON) from files through
 * the app's own import, and records: the time from the coverage file's import to the finished map and count, the
 * longest main-thread task meanwhile, and the time a filter change takes to update the count and the list.
 *
 *   npm run bench:browser -- [--points 100000] [--towers 20000]
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";
import { CONTENT_SECURITY_POLICY } from "../vite.config.ts";
import { startStaticServer } from "../tests/e2e/static_server.ts";
import { generateWorkload } from "./bench/generate_workload.ts";

const ROOT = resolve(new URL("..", import.meta.url).pathname);
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const TIMEOUT = 600_000;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { points: { type: "string" }, towers: { type: "string" } } });
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
  writeFileSync(coveragePath, JSON.stringify(workload.coverage));

  const server = await startStaticServer(join(ROOT, "dist"), CONTENT_SECURITY_POLICY);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--enable-webgl", "--ignore-gpu-blocklist", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
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
    const importFile = async (path: string) => {
      const name = path.split("/").pop() ?? path;
      await page.click('[data-testid="tab-import"]');
      await page.setInputFiles('[data-testid="import-input"]', path);
      await page.waitForSelector('[data-testid="import-preview"]', { timeout: TIMEOUT });
      await page.click('[data-testid="import-confirm"]');
      await page.waitForFunction((file) => document.querySelector('[data-testid="import-outcome"]')?.textContent?.includes(file) ?? false, name, { timeout: TIMEOUT });
    };
    const readCount = async () => Number((await page.textContent('[data-testid="uncovered-count"]'))?.trim() ?? NaN);

    let started = Date.now();
    await importFile(pointsPath);
    console.log(`points file imported in ${Date.now() - started} ms`);

    await page.evaluate(() => performance.mark("bench:coverage"));
    started = Date.now();
    await importFile(coveragePath);
    await page.waitForFunction(() => document.querySelector('[data-testid="progress-cancel"]') === null, undefined, { timeout: TIMEOUT });
    await page.waitForFunction(
      () => new Promise<boolean>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(true)))),
      undefined,
      { timeout: TIMEOUT },
    );
    const coverageMs = Date.now() - started;
    const uncovered = await readCount();
    const longest = await page.evaluate(() => {
      const start = performance.getEntriesByName("bench:coverage")[0].startTime;
      const tasks = (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks.filter((task) => task.start >= start);
      return Math.max(0, ...tasks.map((task) => task.duration));
    });
    console.log(`coverage file (${(JSON.stringify(workload.coverage).length / 1e6).toFixed(0)} MB) imported, analysed and drawn in ${coverageMs} ms; uncovered ${uncovered}; longest main-thread task ${Math.round(longest)} ms`);

    for (const technology of ["4G", "3G"]) {
      const before = await readCount();
      const filterStarted = Date.now();
      await page.selectOption('[data-testid="filter-min-tech"]', technology);
      await page.waitForFunction(
        ([selector, previous]) => Number(document.querySelector(selector as string)?.textContent?.trim()) !== previous,
        ['[data-testid="uncovered-count"]', before] as const,
        { timeout: TIMEOUT },
      );
      console.log(`filter "minimum ${technology}": count ${before} → ${await readCount()} in ${Date.now() - filterStarted} ms`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
