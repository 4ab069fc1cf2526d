/**
 * A pre-built national map: the `tiles` command (run in process) builds a .pmtiles from a generated coverage
 * (3 carriers × 400 discs over Viet Nam), the file is published next to the app (in dist/), and `?coverage=` opens it
 * with no upload. The legend lists the layers with their release date and says what the map is; the canvas shows the
 * coverage colour where the engine finds coverage and nothing where it finds none (pixels with the layers on and off).
 * A missing file and a file of another format give a clear message.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { parseCoverageGeojson } from "../../src/domain/index.ts";
import { generateWorkload } from "../../scripts/bench/generate_workload.ts";
import { runCli } from "../../scripts/cli/main.ts";
import { setTerminal } from "../../scripts/cli/terminal.ts";
import type { Spec, SpecEnvironment } from "./specs.ts";
import { canvasColours, pixelsByEngine } from "./map_probes.ts";
import { assert } from "./assert.ts";

const TIMEOUT = 120_000;
const CHECK_ZOOM = 11;
const MAX_ZOOM = 10;

/** Waits until the pre-built layers are drawn again (the attribute is cleared by every change and set on idle). */
async function waitForPrebuiltDrawn(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid="map"][data-prebuilt-drawn="true"]', { timeout: TIMEOUT });
}

/** Runs the CLI in this process with its output swallowed; the coverage is read on this thread. */
async function buildArchive(coveragePath: string, out: string): Promise<void> {
  const saved = process.env.LOM_SONG_WORKERS;
  process.env.LOM_SONG_WORKERS = "0";
  let stderr = "";
  const restore = setTerminal({ stdout: () => undefined, stderr: (text) => (stderr += text) });
  try {
    const code = await runCli(["tiles", "--coverage", coveragePath, "--out", out, "--max-zoom", String(MAX_ZOOM), "--quiet"]);
    assert(code === 0, `tiles exited with ${code}: ${stderr}`);
  } finally {
    restore();
    if (saved === undefined) delete process.env.LOM_SONG_WORKERS;
    else process.env.LOM_SONG_WORKERS = saved;
  }
}

export const PMTILES_SPECS: Spec[] = [
  {
    name: "pre-built map: ?coverage= opens a .pmtiles built by the tiles command, the legend lists its layers and the canvas shows coverage where the engine finds it",
    async run(environment: SpecEnvironment) {
      const workload = generateWorkload({ points: 10, towersPerCarrier: 400, seed: 20261202 });
      const coverageJson = new TextEncoder().encode(JSON.stringify(workload.coverage));
      const coverage = parseCoverageGeojson(coverageJson, { file: "phu-song.geojson" }).items;
      const directory = mkdtempSync(join(tmpdir(), "lom-song-pmtiles-e2e-"));
      const name = `e2e-coverage-${process.pid}.pmtiles`;
      const published = join(environment.root, "dist", name);
      try {
        const coveragePath = join(directory, "phu-song.geojson");
        writeFileSync(coveragePath, coverageJson);
        await buildArchive(coveragePath, published);

        // The country view: the legend and the note.
        const { page } = await environment.newPage();
        await page.goto(`${environment.baseUrl}?coverage=${name}&lang=en`);
        await page.waitForSelector('[data-testid="prebuilt-coverage"][data-state="ready"]', { timeout: TIMEOUT });
        for (const carrier of ["Viettel", "VNPT", "MobiFone"]) {
          const label = await page.textContent(`label:has([data-testid="prebuilt-layer-${carrier}-4G"])`);
          assert(label?.includes(`${carrier} 4G · 01/06/2024`), `the legend lists ${carrier} 4G with its release date (got "${label}")`);
        }
        const note = (await page.textContent('[data-testid="prebuilt-note"]')) ?? "";
        assert(/pre-built map/.test(note) && /coverage files/.test(note), `the legend says what the map is (got "${note}")`);
        await waitForPrebuiltDrawn(page);
        await page.screenshot({ path: `${environment.artifacts}/prebuilt-country.png` });

        // Zoomed in on a disc: pixels whose whole neighbourhood the engine classifies the same way.
        const target = coverage[Math.floor(coverage.length / 2)];
        const ring = target.geometry.type === "Polygon" ? target.geometry.coordinates[0] : target.geometry.coordinates[0][0];
        const centre = { lon: (ring[0][0] + ring[Math.floor(ring.length / 2)][0]) / 2, lat: (ring[0][1] + ring[Math.floor(ring.length / 2)][1]) / 2 };
        await page.goto(`${environment.baseUrl}?coverage=${name}&lang=en&map=${CHECK_ZOOM}/${centre.lat.toFixed(5)}/${centre.lon.toFixed(5)}`);
        await page.waitForSelector('[data-testid="prebuilt-coverage"][data-state="ready"]', { timeout: TIMEOUT });
        await page.click('[data-testid="layer-boundaries"]');
        await waitForPrebuiltDrawn(page);
        await page.waitForTimeout(300);
        await waitForPrebuiltDrawn(page);
        await page.screenshot({ path: `${environment.artifacts}/prebuilt-zoomed.png` });
        const { width, height } = await page.evaluate(() => {
          const canvas = document.querySelector('[data-testid="map"] canvas') as HTMLCanvasElement;
          return { width: canvas.clientWidth, height: canvas.clientHeight };
        });
        assert(width > 100 && height > 100, `the map canvas has a size (${width} × ${height})`);
        // The archive's last zoom is one below the view's: a pixel of the file is 2 × 2 screen pixels, so the
        // neighbourhood's probes are 2 screen pixels apart.
        const { covered, uncovered } = pixelsByEngine(
          coverage,
          { zoom: CHECK_ZOOM, lon: Number(centre.lon.toFixed(5)), lat: Number(centre.lat.toFixed(5)), width, height },
          2,
        );
        assert(
          covered.length >= 5 && uncovered.length >= 5,
          `the view holds covered and uncovered places (${covered.length} covered, ${uncovered.length} uncovered pixels)`,
        );
        const withCoverage = await canvasColours(page, [...covered, ...uncovered]);
        for (const carrier of ["Viettel", "VNPT", "MobiFone"]) await page.click(`[data-testid="prebuilt-layer-${carrier}-4G"]`);
        await waitForPrebuiltDrawn(page);
        await page.waitForTimeout(300);
        const withoutCoverage = await canvasColours(page, [...covered, ...uncovered]);
        const difference = (k: number) => withCoverage[k].reduce((sum, value, channel) => sum + Math.abs(value - withoutCoverage[k][channel]), 0);
        covered.forEach((pixel, k) =>
          assert(
            difference(k) >= 8,
            `pixel ${pixel} lies in coverage for the engine, the pre-built map shows no tint there (${withCoverage[k]} vs ${withoutCoverage[k]})`,
          ),
        );
        uncovered.forEach((pixel, k) => {
          const index = covered.length + k;
          assert(
            difference(index) <= 3,
            `pixel ${pixel} lies outside every disc for the engine, the pre-built map tints it (${withCoverage[index]} vs ${withoutCoverage[index]})`,
          );
        });
        console.log(`      ${covered.length} covered and ${uncovered.length} uncovered pixels agree with the engine`);

        // Phone and tablet, by touch: the legend's pre-built section is reachable, its switches are 44 px targets.
        for (const [label, viewport] of [
          ["phone", { width: 390, height: 844 }],
          ["tablet", { width: 768, height: 1024 }],
        ] as const) {
          const { page: touch } = await environment.newPage({ viewport, isMobile: true, hasTouch: true });
          await touch.goto(`${environment.baseUrl}?coverage=${name}`);
          // On a phone the legend's pane is hidden until chosen: the section is there, not yet visible.
          await touch.waitForSelector('[data-testid="prebuilt-coverage"][data-state="ready"]', { state: "attached", timeout: TIMEOUT });
          if (await touch.isVisible('[data-testid="pane-nav"]')) await touch.tap('[data-testid="pane-filters"]');
          const section = touch.locator('[data-testid="prebuilt-coverage"]');
          await section.scrollIntoViewIfNeeded();
          assert(await section.isVisible(), `${label}: the pre-built map's legend is shown`);
          const note = (await touch.textContent('[data-testid="prebuilt-note"]')) ?? "";
          assert(/dựng sẵn/.test(note) && /tệp vùng phủ/.test(note), `${label}: the note is in Vietnamese by default ("${note}")`);
          const box = await touch.locator('label:has([data-testid="prebuilt-layer-Viettel-4G"])').boundingBox();
          assert(box && box.height >= 44, `${label}: a layer switch is a 44 px touch target (${box?.height})`);
          await touch.tap('[data-testid="prebuilt-layer-Viettel-4G"]');
          assert(!(await touch.isChecked('[data-testid="prebuilt-layer-Viettel-4G"]')), `${label}: a tap switches the layer off`);
          await touch.screenshot({ path: `${environment.artifacts}/prebuilt-${label}.png` });
        }
      } finally {
        rmSync(directory, { recursive: true, force: true });
        rmSync(published, { force: true });
      }
    },
  },
  {
    name: "pre-built map: a missing file, a file of another format and another origin each give a clear message",
    async run(environment: SpecEnvironment) {
      const { page } = await environment.newPage();
      const cases: [string, RegExp][] = [
        ["khong-co.pmtiles", /could not be loaded.*HTTP 404/],
        ["index.html", /not a readable PMTiles file/],
        ["https://example.org/coverage.pmtiles", /Only a pre-built map published with this page/],
      ];
      for (const [value, expected] of cases) {
        await page.goto(`${environment.baseUrl}?coverage=${encodeURIComponent(value)}&lang=en`);
        await page.waitForSelector('[data-testid="prebuilt-error"]', { timeout: TIMEOUT });
        const text = (await page.textContent('[data-testid="prebuilt-error"]')) ?? "";
        assert(expected.test(text), `?coverage=${value}: expected ${expected}, got "${text}"`);
        assert(!/\bat \w+ \(|Error:/.test(text), `?coverage=${value}: no stack trace in the message ("${text}")`);
      }
    },
  },
];
