/**
 * The e2e runner: builds the app once, serves dist/ on a free port with the CSP header, launches
 * Debian's Chromium (software WebGL) and runs every spec in a fresh browser context. Prints one
 * line per spec and a closing "N passed, N failed"; returns a non-zero code on any failure.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { HOSTING_HEADERS } from "../../vite.config.ts";
import { startStaticServer } from "../../scripts/browser/static_server.ts";
import { CHROMIUM_ARGS, resolveChromium, type ChromiumChoice } from "../../scripts/browser/chromium.ts";
import { SPECS, type SpecEnvironment } from "./specs.ts";
import { TRACKING_SPECS } from "./tracking_specs.ts";
import { SOLIST_SPECS } from "./solist_specs.ts";
import { FORMAT_SPECS } from "./format_specs.ts";
import { NATIONAL_SPECS } from "./national_specs.ts";
import { TRUST_SPECS } from "./trust_specs.ts";
import { FEATURE_SPECS } from "./feature_specs.ts";
import { SCREEN_SPECS } from "./screen_specs.ts";
import { MEASURE_SPECS } from "./measure_specs.ts";
import { PMTILES_SPECS } from "./pmtiles_specs.ts";
import { COLOUR_SPECS } from "./colour_specs.ts";
import { PRINT_SPECS } from "./print_specs.ts";
import { EVIDENCE_SPECS } from "./evidence_specs.ts";
import { PEOPLE_SPECS } from "./people_specs.ts";
import { analyseSample } from "./expected.ts";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const ARTIFACTS = join(ROOT, "tests/e2e/artifacts");

function build(): void {
  const started = Date.now();
  const result = spawnSync(process.execPath, [join(ROOT, "node_modules/vite/bin/vite.js"), "build", "--logLevel", "warn"], { cwd: ROOT, stdio: "inherit" });
  if (result.status !== 0) throw new Error("vite build failed");
  console.log(`built dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/**
 * Runs the e2e suite.
 * @param argv - spec name filters (substring match); empty runs all
 * @returns the exit code
 */
export async function main(argv: string[]): Promise<number> {
  let chromiumChoice: ChromiumChoice;
  try {
    chromiumChoice = await resolveChromium();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  }
  if (process.env.E2E_SKIP_BUILD !== "1" || !existsSync(join(ROOT, "dist/index.html"))) build();
  mkdirSync(ARTIFACTS, { recursive: true });
  // The header a careful host sends (docs/hosting.md): the meta policy plus frame-ancestors 'none'.
  const server = await startStaticServer(join(ROOT, "dist"), HOSTING_HEADERS["Content-Security-Policy"]);
  const browser: Browser = await chromium.launch({ executablePath: chromiumChoice.path, headless: true, args: CHROMIUM_ARGS });
  console.log(`chromium ${browser.version()} (${chromiumChoice.source}: ${chromiumChoice.path}) at ${server.url}`);
  const sample = analyseSample(ROOT);
  const violations: string[] = [];
  const contexts: BrowserContext[] = [];

  const environment: SpecEnvironment = {
    root: ROOT,
    baseUrl: server.url,
    artifacts: ARTIFACTS,
    sample,
    violations,
    async newPage(options = {}) {
      const context = await browser.newContext({
        viewport: options.viewport ?? { width: 1440, height: 900 },
        locale: options.locale ?? "vi-VN",
        acceptDownloads: true,
        deviceScaleFactor: 1,
        isMobile: options.isMobile ?? false,
        hasTouch: options.hasTouch ?? false,
      });
      contexts.push(context);
      await context.addInitScript(() => {
        const scope = window as unknown as { __cspViolations: string[]; __longTasks: { start: number; duration: number }[] };
        scope.__cspViolations = [];
        scope.__longTasks = [];
        document.addEventListener("securitypolicyviolation", (event) =>
          scope.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}`),
        );
        try {
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) scope.__longTasks.push({ start: entry.startTime, duration: entry.duration });
          }).observe({ type: "longtask", buffered: true });
        } catch {
          // longtask timing is not available in every browser; it is only recorded, never asserted.
        }
      });
      if (options.noIndexedDb) {
        await context.addInitScript(() => {
          Object.defineProperty(window, "indexedDB", { value: undefined, configurable: true });
        });
      }
      if (options.noWebgl) {
        await context.addInitScript(() => {
          const original = HTMLCanvasElement.prototype.getContext;
          HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
            if (type === "webgl2" || type === "webgl" || type === "experimental-webgl") return null;
            return (original as (...args: unknown[]) => RenderingContext | null).call(this, type, ...rest);
          } as typeof HTMLCanvasElement.prototype.getContext;
        });
      }
      // The app must never need the network beyond its own origin.
      const origins = [server.url, ...(options.origin ? [options.origin] : [])];
      await context.route("**/*", (route) => {
        const url = route.request().url();
        return origins.some((origin) => url.startsWith(origin)) || url.startsWith("blob:") || url.startsWith("data:") ? route.continue() : route.abort();
      });
      const page = await context.newPage();
      watchConsole(page, violations);
      return { context, page };
    },
  };

  const all = [
    ...SPECS,
    ...TRACKING_SPECS,
    ...SOLIST_SPECS,
    ...FORMAT_SPECS,
    ...NATIONAL_SPECS,
    ...TRUST_SPECS,
    ...FEATURE_SPECS,
    ...SCREEN_SPECS,
    ...MEASURE_SPECS,
    ...COLOUR_SPECS,
    ...PRINT_SPECS,
    ...EVIDENCE_SPECS,
    ...PEOPLE_SPECS,
    ...PMTILES_SPECS,
  ];
  const selected = argv.length > 0 ? all.filter((spec) => argv.some((filter) => spec.name.includes(filter))) : all;
  let passed = 0;
  let failed = 0;
  for (const spec of selected) {
    const started = Date.now();
    try {
      await spec.run(environment);
      passed++;
      console.log(`  ✓ ${spec.name} (${Date.now() - started} ms)`);
    } catch (error) {
      failed++;
      console.log(
        `  ✗ ${spec.name} (${Date.now() - started} ms)\n      ${error instanceof Error ? (error.stack ?? error.message).split("\n").slice(0, 4).join("\n      ") : String(error)}`,
      );
    } finally {
      for (const context of contexts.splice(0)) {
        for (const page of context.pages()) {
          const seen = await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []).catch(() => []);
          violations.push(...seen);
        }
        await context.close().catch(() => undefined);
      }
    }
  }
  await browser.close();
  await server.close();
  for (const [from, to] of [
    ["vi-main.png", "screenshot-vi.png"],
    ["en-main.png", "screenshot-en.png"],
    ["progress-vi.png", "screenshot-progress.png"],
    ["colours-page-status-desktop.png", "screenshot-carriers.png"],
    ["suggest-vi.png", "screenshot-suggest.png"],
    ["risk-vi.png", "screenshot-risk.png"],
    ["schools-vi.png", "screenshot-schools.png"],
  ]) {
    if (existsSync(join(ARTIFACTS, from)) && process.env.E2E_UPDATE_DOCS === "1") copyFileSync(join(ARTIFACTS, from), join(ROOT, "docs", to));
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

function watchConsole(page: Page, violations: string[]): void {
  page.on("console", (message) => {
    const text = message.text();
    if (/Content Security Policy|Refused to (load|execute|connect|apply|create)/i.test(text)) violations.push(text);
    if (message.type() === "error" && process.env.E2E_VERBOSE === "1") console.log(`      [console] ${text}`);
  });
  page.on("pageerror", (error) => {
    if (process.env.E2E_VERBOSE === "1") console.log(`      [pageerror] ${error.message}`);
  });
}
