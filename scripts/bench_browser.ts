/**
 * `npm run bench:browser`: the app in Debian's Chromium at national scale, measured (never asserted).
 * Loads 100,000 points (CSV) and three carriers' coverage (3 × 20,000 raw tower discs, GeoJSON) from files through
 * the app's own import, and records: the time from the coverage file's import (chosen in the import tab, then
 * confirmed after the preview) to the count and to the finished map (MapLibre has parsed the sources and drawn
 * them: the map's `data-drawn`), the long main-thread tasks meanwhile, and for each filter change the time to the
 * new count, to the new list and to the map redrawn (`data-styled`), with the long tasks meanwhile. Each "finished map"
 * is also timed to its pixels: the page then reads one pixel back from the map's WebGL context, which waits for the
 * GPU (SwiftShader: the GPU process's CPU time) to have drawn every frame asked for so far.
 * `--trace` also records a Chromium trace of the coverage import and of the first filter change, and says what
 * each task over 100 ms was made of (with the JavaScript functions the CPU sampler saw in it). The peak resident memory of the tab's renderer process (the page and its
 * workers) and of all Chromium processes is sampled from /proc while the coverage is imported.
 *
 * Then, in the same run, the plain approach: a page with nothing but MapLibre (same version, same map size and
 * camera, same browser) drawing the same coverage GeoJSON as a `geojson` source (by URL, so MapLibre's worker
 * fetches and parses it) with one fill layer per carrier; timed from `addSource` to the map idle with the source
 * loaded (`--no-plain` leaves it out).
 *
 *   npm run bench:browser -- [--points 100000] [--towers 20000] [--trace [--trace-out DIR]] [--no-plain] [--no-build]
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
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
  return loadavg()
    .map((value) => value.toFixed(2))
    .join(" ");
}

/** Resident memory (MB) of this process's Chromium descendants: the renderers and all of them. */
function chromiumMemory(): { renderer: number; total: number } {
  const parent = new Map<number, number>();
  const info = new Map<number, { rss: number; renderer: boolean }>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      parent.set(Number(entry), Number(fields[1]));
      const rss = (Number(fields[21]) * 4096) / 1e6;
      const renderer = readFileSync(`/proc/${entry}/cmdline`, "utf8").includes("--type=renderer");
      info.set(Number(entry), { rss, renderer });
    } catch {
      // The process ended meanwhile.
    }
  }
  let renderer = 0;
  let total = 0;
  for (const [pid, { rss, renderer: isRenderer }] of info) {
    let ancestor = parent.get(pid);
    while (ancestor !== undefined && ancestor > 1 && ancestor !== process.pid) ancestor = parent.get(ancestor);
    if (ancestor !== process.pid) continue;
    total += rss;
    if (isRenderer) renderer += rss;
  }
  return { renderer, total };
}

/** Samples chromiumMemory every 250 ms until stopped; returns the peaks. */
function sampleMemory(): () => { renderer: number; total: number } {
  const peak = { renderer: 0, total: 0 };
  const sample = () => {
    const now = chromiumMemory();
    peak.renderer = Math.max(peak.renderer, now.renderer);
    peak.total = Math.max(peak.total, now.total);
  };
  sample();
  const timer = setInterval(sample, 250);
  return () => {
    clearInterval(timer);
    sample();
    return peak;
  };
}

function observeLongTasks(): void {
  const scope = window as unknown as { __longTasks: { start: number; duration: number }[] };
  scope.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) scope.__longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: "longtask", buffered: true });
}

/** The page's tasks over 100 ms in a trace, without the benchmark's own pixel read-backs. */
function ownTasks(trace: unknown) {
  return attributeLongTasks(trace, { threshold: 100 }).filter((task) => !task.events.some((event) => event.name === "GLES2::ReadPixels"));
}

/** The plain page: MapLibre alone, served with MapLibre's own files next to the coverage file. */
const PLAIN_PAGE = `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="maplibre-gl.css">
<style>html,body{margin:0}#map{position:absolute;left:0;top:0}</style></head><body><div id="map"></div>
<script type="module">
import { Map, setWorkerUrl } from "./maplibre-gl.mjs";
setWorkerUrl(new URL("./maplibre-gl-worker.mjs", location.href).href);
const size = new URLSearchParams(location.search);
const element = document.getElementById("map");
element.style.width = size.get("w") + "px";
element.style.height = size.get("h") + "px";
const map = new Map({ container: element, style: { version: 8, sources: {}, layers: [{ id: "bg", type: "background", paint: { "background-color": "#e1e3df" } }] },
  bounds: JSON.parse(size.get("bounds")), fitBoundsOptions: { padding: 40 }, canvasContextAttributes: { antialias: true, preserveDrawingBuffer: true } });
map.on("load", () => { window.__ready = true; });
window.__draw = () => new Promise((resolve) => {
  performance.mark("plain:start");
  const started = performance.now();
  map.addSource("coverage", { type: "geojson", data: "./coverage.geojson" });
  const colors = { Viettel: "#00897b", VNPT: "#1e63c4", MobiFone: "#6a3fc0" };
  for (const [carrier, color] of Object.entries(colors)) {
    map.addLayer({ id: carrier, type: "fill", source: "coverage", filter: ["==", ["get", "carrier"], carrier], paint: { "fill-color": color, "fill-opacity": 0.12 } });
  }
  const onIdle = () => {
    if (!map.isSourceLoaded("coverage") || !map.loaded()) return;
    map.off("idle", onIdle);
    const idle = performance.now() - started;
    const gl = map.getCanvas().getContext("webgl2");
    gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
    window.__readbacks = [[started + idle, performance.now()]];
    resolve([idle, performance.now() - started]);
  };
  map.on("idle", onIdle);
});
</script></body></html>`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      points: { type: "string" },
      towers: { type: "string" },
      trace: { type: "boolean" },
      "trace-out": { type: "string" },
      "no-plain": { type: "boolean" },
      "no-build": { type: "boolean" },
    },
  });
  const pointCount = Number(values.points ?? 100_000);
  const towers = Number(values.towers ?? 20_000);
  // Built every time (a dist/ left from before an edit would time the old code), unless --no-build reuses one.
  if (!values["no-build"] || !existsSync(join(ROOT, "dist/index.html"))) {
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
  const timings = { appDrawnMs: NaN, appPixelsMs: NaN };
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: "vi-VN" });
    await context.addInitScript(observeLongTasks);
    const page = await context.newPage();
    await page.goto(`${server.url}?sample=none&lang=en`);
    await page.waitForSelector('[data-testid="map"][data-loaded="true"]', { timeout: TIMEOUT });
    const importFile = async (path: string) => {
      const name = path.split("/").pop() ?? path;
      await page.click('[data-testid="tab-import"]');
      await page.setInputFiles('[data-testid="import-input"]', path);
      await page.waitForSelector('[data-testid="import-preview"]', { timeout: TIMEOUT });
      await page.click('[data-testid="import-confirm"]');
      await page.waitForFunction((file) => document.querySelector('[data-testid="import-outcome"]')?.textContent?.includes(file) ?? false, name, {
        timeout: TIMEOUT,
      });
    };
    const readCount = async () => Number((await page.textContent('[data-testid="uncovered-count"]'))?.trim() ?? NaN);
    const mapAttribute = (name: string) =>
      page.evaluate((attribute) => (document.querySelector('[data-testid="map"]') as HTMLElement | null)?.dataset[attribute] ?? "", name);
    // Answers the page's clock when the attribute changed and when the GPU had then drawn it (one pixel read back).
    const waitForMapAttribute = (name: string, previous: string, polling = 20) =>
      page
        .waitForFunction(
          ([attribute, old]) => {
            const element = document.querySelector('[data-testid="map"]') as HTMLElement | null;
            const value = element?.dataset[attribute as string];
            if (value === undefined || value === "" || value === old) return false;
            const changed = performance.now();
            // The map's own context (getContext answers the one the canvas has): readPixels waits for its queued frames.
            const gl = element?.querySelector("canvas")?.getContext("webgl2");
            gl?.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
            const done = performance.now();
            // The read-back blocks the main thread: its task is the benchmark's, left out of the long tasks.
            const scope = window as unknown as { __readbacks?: [number, number][] };
            (scope.__readbacks ??= []).push([changed, done]);
            return [changed, done];
          },
          [name, previous] as const,
          { timeout: TIMEOUT, polling },
        )
        .then((handle) => handle.jsonValue() as Promise<[number, number]>);
    const pageNow = () => page.evaluate(() => performance.now());
    const tasksSince = (mark: string) =>
      page.evaluate((name) => {
        const start = performance.getEntriesByName(name).at(-1)!.startTime;
        const scope = window as unknown as { __longTasks: LongTask[]; __readbacks?: [number, number][] };
        // Inline (no named function in the page: tsx would wrap it in a helper the page lacks).
        return scope.__longTasks
          .filter((task) => task.start >= start && !(scope.__readbacks ?? []).some(([from, to]) => task.start <= to && task.start + task.duration >= from))
          .map((task) => ({ start: Math.round(task.start - start), duration: Math.round(task.duration) }));
      }, mark);
    const describeTasks = (tasks: LongTask[]) =>
      `longest main-thread task ${Math.max(0, ...tasks.map((task) => task.duration))} ms (${tasks.length} over 50 ms: ${tasks.map((task) => task.duration).join(", ")})`;

    const mapSize = await page.evaluate(() => {
      const element = document.querySelector('[data-testid="map"]') as HTMLElement;
      return { width: element.clientWidth, height: element.clientHeight };
    });
    let started = Date.now();
    let drawnBefore = await mapAttribute("drawn");
    let pageStarted = await pageNow();
    await importFile(pointsPath);
    const [pointsDrawn, pointsPixels] = await waitForMapAttribute("drawn", drawnBefore);
    console.log(
      `points file (${pointCount} points) imported and drawn in ${Date.now() - started} ms (page clock: drawn ${Math.round(pointsDrawn - pageStarted)} ms, pixels ${Math.round(pointsPixels - pageStarted)} ms)`,
    );

    if (values.trace) await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    drawnBefore = await mapAttribute("drawn");
    await page.evaluate(() => performance.mark("bench:coverage"));
    const stopSampling = sampleMemory();
    started = Date.now();
    pageStarted = await pageNow();
    await importFile(coveragePath);
    const countMs = Date.now() - started;
    const [coverageDrawn, coveragePixels] = await waitForMapAttribute("drawn", drawnBefore);
    const drawnMs = Date.now() - started;
    const pixelsMs = Math.round(coveragePixels - pageStarted);
    const memory = stopSampling();
    await page.screenshot({ path: join(directory, "national.png") });
    copyFileSync(join(directory, "national.png"), join(tmpdir(), "lom-song-national.png"));
    await page.evaluate(() => performance.mark("bench:coverage-drawn"));
    const uncovered = await readCount();
    const coverageTasks = await tasksSince("bench:coverage");
    console.log(
      `coverage file (${(coverageText.length / 1e6).toFixed(0)} MB, ${workload.coverage.features.length} polygons): from choosing the file to the count ${countMs} ms, ` +
        `to the finished map ${drawnMs} ms (page clock: drawn ${Math.round(coverageDrawn - pageStarted)} ms, pixels ${pixelsMs} ms); uncovered ${uncovered}; ${describeTasks(coverageTasks)}; ` +
        `peak memory: renderer (the tab and its workers) ${memory.renderer.toFixed(0)} MB, all Chromium processes ${memory.total.toFixed(0)} MB; screenshot ${join(tmpdir(), "lom-song-national.png")}`,
    );
    timings.appDrawnMs = drawnMs;
    timings.appPixelsMs = pixelsMs;
    if (values.trace) {
      const raw = (await browser.stopTracing()).toString("utf8");
      // `--trace-out DIR` keeps the trace, to open in Chromium's performance panel or to read with a script.
      if (values["trace-out"]) {
        mkdirSync(values["trace-out"], { recursive: true });
        // Under a temporary name, then renamed: a trace cut off by a full disk never takes the place of a whole one.
        const tracePath = join(values["trace-out"], "coverage-import.trace.json");
        writeFileSync(`${tracePath}.tmp`, raw);
        renameSync(`${tracePath}.tmp`, tracePath);
      }
      const trace = JSON.parse(raw) as unknown;
      const from = findMark(trace, "bench:coverage") ?? 0;
      const to = findMark(trace, "bench:coverage-drawn") ?? Infinity;
      console.log(formatLongTasks(ownTasks(trace).filter((task) => task.startTs >= from && task.startTs < to)).replace(/^/gm, "    "));
      // The first filter change is traced too.
      await browser.startTracing(page, { categories: TRACE_CATEGORIES });
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
        .waitForFunction(
          (previous) => (Number(document.querySelector('[data-testid="uncovered-count"]')?.textContent?.trim()) !== previous ? performance.now() : false),
          before,
          options,
        )
        .then((handle) => handle.jsonValue() as Promise<number>);
      const listed = await page
        .waitForFunction(
          () =>
            document.querySelector('[data-testid="list-row-count"]')?.textContent?.trim() ===
            document.querySelector('[data-testid="uncovered-count"]')?.textContent?.trim()
              ? performance.now()
              : false,
          undefined,
          options,
        )
        .then((handle) => handle.jsonValue() as Promise<number>);
      const [styled, pixels] = await waitForMapAttribute("styled", styledBefore, 10);
      console.log(
        `filter "${filter.label}": count ${before} → ${await readCount()} in ${Math.round(counted - clicked)} ms, list in ${Math.round(Math.max(counted, listed) - clicked)} ms, ` +
          `map redrawn in ${Math.round(styled - clicked)} ms, its pixels drawn by the GPU in ${Math.round(pixels - clicked)} ms; ${describeTasks(await tasksSince("bench:filter"))}`,
      );
      if (values.trace && filter === filters[0]) {
        await page.evaluate(() => performance.mark("bench:filter-drawn"));
        const trace = JSON.parse((await browser.stopTracing()).toString("utf8")) as unknown;
        const from = findMark(trace, "bench:filter") ?? 0;
        const to = findMark(trace, "bench:filter-drawn") ?? Infinity;
        console.log(formatLongTasks(ownTasks(trace).filter((task) => task.startTs >= from && task.startTs < to)).replace(/^/gm, "    "));
      }
    }
    await context.close();

    if (!values["no-plain"]) {
      // The plain approach, same browser, same map size and camera (the points' extent, as the app frames them).
      const plainDirectory = join(directory, "plain");
      mkdirSync(plainDirectory);
      for (const file of ["maplibre-gl.mjs", "maplibre-gl-worker.mjs", "maplibre-gl.css"])
        copyFileSync(join(ROOT, "node_modules/maplibre-gl/dist", file), join(plainDirectory, file));
      copyFileSync(coveragePath, join(plainDirectory, "coverage.geojson"));
      writeFileSync(join(plainDirectory, "index.html"), PLAIN_PAGE);
      const plainServer = await startStaticServer(
        plainDirectory,
        "default-src 'self'; script-src 'self' 'unsafe-inline'; worker-src 'self' blob:; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'",
      );
      try {
        console.log(`load average before the plain MapLibre run: ${load()}`);
        const plainContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
        await plainContext.addInitScript(observeLongTasks);
        const plain = await plainContext.newPage();
        let minLon = Infinity,
          minLat = Infinity,
          maxLon = -Infinity,
          maxLat = -Infinity;
        for (let i = 0; i < workload.lon.length; i++) {
          minLon = Math.min(minLon, workload.lon[i]);
          maxLon = Math.max(maxLon, workload.lon[i]);
          minLat = Math.min(minLat, workload.lat[i]);
          maxLat = Math.max(maxLat, workload.lat[i]);
        }
        const bounds = JSON.stringify([
          [minLon, minLat],
          [maxLon, maxLat],
        ]);
        await plain.goto(`${plainServer.url}?w=${mapSize.width}&h=${mapSize.height}&bounds=${encodeURIComponent(bounds)}`);
        await plain.waitForFunction(() => (window as unknown as { __ready?: boolean }).__ready === true, undefined, { timeout: TIMEOUT });
        const stopPlainSampling = sampleMemory();
        const [plainMs, plainPixelsMs] = await plain.evaluate(() => (window as unknown as { __draw: () => Promise<[number, number]> }).__draw());
        const plainMemory = stopPlainSampling();
        const plainTasks = await plain.evaluate(() => {
          const start = performance.getEntriesByName("plain:start").at(-1)!.startTime;
          const scope = window as unknown as { __longTasks: LongTask[]; __readbacks?: [number, number][] };
          return scope.__longTasks
            .filter((task) => task.start >= start && !(scope.__readbacks ?? []).some(([from, to]) => task.start <= to && task.start + task.duration >= from))
            .map((task) => ({ start: Math.round(task.start - start), duration: Math.round(task.duration) }));
        });
        await plain.screenshot({ path: join(tmpdir(), "lom-song-national-plain.png") });
        console.log(
          `plain MapLibre (geojson source + fill layers, same coverage file by URL): finished map in ${Math.round(plainMs)} ms (pixels ${Math.round(plainPixelsMs)} ms); ${describeTasks(plainTasks)}; ` +
            `peak memory: renderer ${plainMemory.renderer.toFixed(0)} MB, all ${plainMemory.total.toFixed(0)} MB; screenshot ${join(tmpdir(), "lom-song-national-plain.png")}`,
        );
        console.log(
          `ratio: plain MapLibre ${Math.round(plainMs)} ms / the app's coverage file to finished map ${timings.appDrawnMs} ms = ${(plainMs / timings.appDrawnMs).toFixed(1)}×; ` +
            `to the pixels ${Math.round(plainPixelsMs)} / ${timings.appPixelsMs} ms = ${(plainPixelsMs / timings.appPixelsMs).toFixed(1)}×`,
        );
        await plainContext.close();
      } finally {
        await plainServer.close();
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
