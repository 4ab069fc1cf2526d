/**
 * Coverage colours in the browser, checked on the pixels the map drew (a screenshot of the map, decoded): choosing
 * only Viettel in the carrier filter leaves no pixel of MobiFone's (or VNPT's) colour, the minimum technology filter
 * hides a carrier's lesser bands, and the best-technology view recolours the points (from the engine's answer).
 * Screenshots at desktop and phone size.
 */
import type { Page } from "playwright-core";
import { composite, parseHex, type Rgb } from "../../src/map/colour_math.ts";
import { BASEMAP_COLOR, BEST_TECHNOLOGY_COLORS, COVERAGE_OPACITY, carrierColor } from "../../src/map/coverage_colors.ts";
import { STATUS_COLORS } from "../../src/map/layers.ts";
import { bestTechnologyCodes } from "../../src/domain/index.ts";
import { TECHNOLOGIES, type Technology } from "../../src/domain/types.ts";
import { countNear, decodePng } from "./png.ts";
import type { PageOptions, Spec, SpecEnvironment } from "./specs.ts";
import { assert } from "./assert.ts";

const TIMEOUT = 120_000;
/** Largest channel difference for a pixel to count as a colour (coverage is flat: its pixels are exact but for rounding). */
const TOLERANCE = 4;
/** The same for point symbols, which the GPU draws a little lighter than their colour (SDF icons with a white halo). */
const SYMBOL_TOLERANCE = 16;

const mapAttribute = (page: Page, name: string) =>
  page.evaluate((attribute) => (document.querySelector('[data-testid="map"]') as HTMLElement | null)?.dataset[attribute] ?? "", name);

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

/** Does something that changes the points' style, and waits until the map has drawn it. */
async function restyle(page: Page, action: () => Promise<void>): Promise<void> {
  const before = await mapAttribute(page, "styled");
  await action();
  await waitForMapAttribute(page, "styled", before);
  // The coverage layers shown or hidden in the same render: wait for the map to settle (tiles loaded, frame drawn).
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/** The map as drawn, decoded; what floats over it (the counts, the zoom buttons, the scale) is left out (alpha 0). */
async function mapPixels(page: Page, path?: string) {
  const bytes = await page.locator('[data-testid="map"]').screenshot(path ? { path } : {});
  const image = decodePng(new Uint8Array(bytes));
  const boxes = await page.evaluate(() => {
    const map = document.querySelector('[data-testid="map"]')!.getBoundingClientRect();
    const over = [...document.querySelectorAll(".counts, .maplibregl-ctrl, .maplibregl-popup")];
    return over.map((element) => {
      const box = element.getBoundingClientRect();
      return [box.left - map.left - 2, box.top - map.top - 2, box.right - map.left + 2, box.bottom - map.top + 2];
    });
  });
  for (const [left, top, right, bottom] of boxes) {
    for (let y = Math.max(0, Math.floor(top)); y < Math.min(image.height, Math.ceil(bottom)); y++) {
      for (let x = Math.max(0, Math.floor(left)); x < Math.min(image.width, Math.ceil(right)); x++) image.rgba[(y * image.width + x) * 4 + 3] = 0;
    }
  }
  return image;
}

/** A carrier's shades as the map composites them over the bare basemap, for some technologies. */
function shades(carrier: string, technologies: readonly Technology[]): Rgb[] {
  return technologies.map((technology) => composite(parseHex(carrierColor(carrier)), COVERAGE_OPACITY[technology], parseHex(BASEMAP_COLOR)));
}
/** Rounded as the GPU rounds. */
const round = (colours: Rgb[]): Rgb[] => colours.map(([r, g, b]) => [Math.round(r), Math.round(g), Math.round(b)]);

async function open(environment: SpecEnvironment, options: PageOptions = {}, camera = ""): Promise<Page> {
  const { page } = await environment.newPage(options);
  await page.goto(`${environment.baseUrl}?lang=vi${camera ? `&map=${camera}` : ""}`);
  await page.waitForSelector('[data-testid="map"][data-loaded="true"]', { timeout: TIMEOUT });
  await page.waitForSelector('[data-testid="map"][data-drawn]', { timeout: TIMEOUT });
  await page.waitForSelector('[data-testid="map"][data-styled]', { timeout: TIMEOUT });
  return page;
}

export const COLOUR_SPECS: Spec[] = [
  {
    name: "coverage colours: choosing only Viettel leaves no MobiFone or VNPT pixel on the map; the minimum technology hides lesser bands",
    async run(environment) {
      const page = await open(environment);
      // Only the coverage: the points are hidden (their outlines would blend into any colour).
      for (const id of ["layer-uncovered", "layer-single-carrier", "layer-covered"]) await restyle(page, () => page.click(`[data-testid="${id}"]`));
      const all = TECHNOLOGIES.filter((technology) => technology !== "5G");
      const everyone = await mapPixels(page, `${environment.artifacts}/colours-all-carriers.png`);
      const count = (image: ReturnType<typeof decodePng>, carrier: string, technologies: readonly Technology[] = all) =>
        countNear(image, round(shades(carrier, technologies)), TOLERANCE);
      const before = { Viettel: count(everyone, "Viettel"), VNPT: count(everyone, "VNPT"), MobiFone: count(everyone, "MobiFone") };
      for (const [carrier, pixels] of Object.entries(before))
        assert(pixels > 300, `${carrier}'s colour is on the map with every carrier chosen (${pixels} pixels)`);
      // The default minimum technology is 4G: no 2G or 3G band is drawn (the pixels of those shades are the 4G discs'
      // anti-aliased rims, a thin line; the bands, once shown, are areas).
      const rims = count(everyone, "Viettel", ["2G", "3G"]);

      // The legend's switch of a carrier hides its coverage the same way; its layers are behind the expand button.
      assert(!(await page.isVisible('[data-testid="layer-coverage-MobiFone-4G"]')), "the per-technology switches start folded");
      await page.click('[data-testid="layer-expand-MobiFone"]');
      assert(await page.isVisible('[data-testid="layer-coverage-MobiFone-2G"]'), "the expand button shows MobiFone's switches by technology");
      await restyle(page, () => page.click('[data-testid="layer-carrier-MobiFone"]'));
      const noMobiFone = await mapPixels(page);
      assert(count(noMobiFone, "MobiFone") === 0, `no MobiFone pixel with its legend switch off (${count(noMobiFone, "MobiFone")})`);
      await restyle(page, () => page.click('[data-testid="layer-carrier-MobiFone"]'));
      await page.click('[data-testid="layer-expand-MobiFone"]');

      await restyle(page, () => page.click('[data-testid="filter-carrier-Viettel"]'));
      const viettel = await mapPixels(page, `${environment.artifacts}/colours-viettel-only.png`);
      const after = { Viettel: count(viettel, "Viettel"), VNPT: count(viettel, "VNPT"), MobiFone: count(viettel, "MobiFone") };
      assert(after.MobiFone === 0, `no MobiFone pixel with only Viettel chosen (${after.MobiFone})`);
      assert(after.VNPT === 0, `no VNPT pixel with only Viettel chosen (${after.VNPT})`);
      // Where Viettel overlapped the others it is now drawn alone: at least as many pure Viettel pixels as before.
      assert(after.Viettel >= before.Viettel, `Viettel is still drawn (${after.Viettel} pixels, ${before.Viettel} before)`);

      // Any technology: Viettel's 2G and 3G bands appear where 2G or 3G is its best.
      await restyle(page, async () => {
        await page.selectOption('[data-testid="filter-min-tech"]', "");
      });
      const anyTechnology = await mapPixels(page);
      const lesser = count(anyTechnology, "Viettel", ["2G", "3G"]);
      assert(
        lesser > 3 * rims + 500,
        `Viettel's 2G/3G bands are drawn with no minimum technology (${lesser} pixels of their shades, ${rims} under the 4G minimum)`,
      );
      assert(count(anyTechnology, "MobiFone") === 0, "still no MobiFone pixel");
      console.log(
        `      pixels before (Viettel, VNPT, MobiFone): ${Object.values(before).join(", ")}; Viettel only: ${Object.values(after).join(", ")}; Viettel 2G/3G shades: ${rims} (rims, 4G minimum), ${lesser} (any technology)`,
      );
    },
  },
  {
    name: "best-technology view: the legend switch recolours the points by their best technology (the engine's answer), at desktop and phone size",
    async run(environment) {
      const sample = environment.sample;
      const codes = bestTechnologyCodes(sample.analysis);
      const byCode = [0, 0, 0, 0, 0];
      for (const code of codes) byCode[code]++;
      for (const [index, viewport] of [
        { width: 1440, height: 900 },
        { width: 390, height: 844 },
      ].entries()) {
        const phone = index === 1;
        // Zoomed in on Lào Cai, where the sample's points are, so that the symbols are large enough to count.
        const page = await open(environment, phone ? { viewport, isMobile: true, hasTouch: true } : { viewport }, "9/22.35/104.05");
        const statusView = await mapPixels(page, `${environment.artifacts}/colours-status-${phone ? "phone" : "desktop"}.png`);
        if (!phone) {
          // The legend's coverage section in view, for the screenshot (docs/screenshot-carriers.png is picked from these).
          await page.locator(".legend-carriers").scrollIntoViewIfNeeded();
          await page.locator(".legend").screenshot({ path: `${environment.artifacts}/colours-legend.png` });
          await page.screenshot({ path: `${environment.artifacts}/colours-page-status-desktop.png` });
        }
        const best = (image: ReturnType<typeof decodePng>, code: number) => countNear(image, [parseHex(BEST_TECHNOLOGY_COLORS[code])], SYMBOL_TOLERANCE);
        const covered = (image: ReturnType<typeof decodePng>) => countNear(image, [parseHex(STATUS_COLORS.covered)], SYMBOL_TOLERANCE);
        assert(covered(statusView) > 20, `covered points are drawn in the status view (${covered(statusView)})`);
        if (phone) {
          // The legend is on the filters pane: tap there, switch the view on, and come back to the map.
          const styled = await mapAttribute(page, "styled");
          await page.tap('[data-testid="pane-filters"]');
          await page.tap('[data-testid="layer-best-technology"]');
          assert(await page.isVisible('[data-testid="legend-best-technology"]'), "the legend explains the best-technology colours");
          await page.tap('[data-testid="layer-expand-Viettel"]');
          assert(await page.isVisible('[data-testid="layer-coverage-Viettel-2G"]'), "the expand button opens Viettel's layers on a phone");
          const expand = await page.locator('[data-testid="layer-expand-Viettel"]').boundingBox();
          assert(expand && expand.height >= 44, `the expand button is a 44 px touch target (${expand?.height})`);
          await page.locator(".legend-carriers").scrollIntoViewIfNeeded();
          await page.screenshot({ path: `${environment.artifacts}/colours-phone-legend.png` });
          await page.tap('[data-testid="pane-map"]');
          await waitForMapAttribute(page, "styled", styled);
          await page.waitForTimeout(500);
        } else {
          await restyle(page, () => page.click('[data-testid="layer-best-technology"]'));
          assert(await page.isVisible('[data-testid="legend-best-technology"]'), "the legend explains the best-technology colours");
        }
        const bestView = await mapPixels(page, `${environment.artifacts}/colours-best-technology-${phone ? "phone" : "desktop"}.png`);
        await page.screenshot({ path: `${environment.artifacts}/colours-page-${phone ? "phone" : "desktop"}.png` });
        // Every technology some point has as its best is now drawn, and the status view's green is gone.
        for (let code = 1; code < byCode.length; code++) {
          if (byCode[code] === 0) continue;
          assert(
            best(bestView, code) > 5,
            `points whose best is ${TECHNOLOGIES[code - 1]} (${byCode[code]}) are drawn in its colour (${best(bestView, code)} pixels)`,
          );
          assert(best(statusView, code) <= 2, `the status view has no ${TECHNOLOGIES[code - 1]} colour (${best(statusView, code)} pixels)`);
        }
        assert(best(bestView, 1) + best(bestView, 2) + best(bestView, 3) + best(bestView, 4) > 20, "the points are recoloured");
        assert(covered(bestView) <= 2, `no point keeps the covered status colour (${covered(bestView)} pixels)`);
        console.log(`      ${phone ? "phone" : "desktop"}: best technology none/2G/3G/4G/5G for ${byCode.join("/")} points`);
      }
    },
  },
];
