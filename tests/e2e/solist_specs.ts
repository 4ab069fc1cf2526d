/**
 * A province's own list in the browser: the Sở-style workbook (no coordinates, deadlines such as "Quý IV/2021")
 * is imported in the tracking view; its rows are located by name among the points the coverage map has loaded,
 * with the count the domain computes in Node; the department places one of the rows left "Chưa định vị" by
 * choosing a candidate, and the choice is remembered when the list is imported again after a reload.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { parseCommuneCrosswalk, parseRegistryXlsx, type RegistryImportResult } from "../../src/domain/index.ts";
import { soListXlsx } from "../fixtures/solist/so_list.ts";
import type { Spec, SpecEnvironment } from "./specs.ts";
import { AssertionError, assert } from "./assert.ts";

const TIMEOUT = 45_000;
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

async function waitForText(page: Page, testId: string, expected: string | number): Promise<void> {
  await page
    .waitForFunction(([id, value]) => document.querySelector(`[data-testid="${id}"]`)?.textContent?.trim() === String(value), [testId, expected] as const, {
      timeout: TIMEOUT,
    })
    .catch(async () => {
      throw new AssertionError(`${testId}: expected ${expected}, got ${await page.textContent(`[data-testid="${testId}"]`)}`);
    });
}

/** The list read by the domain in Node against the sample points, as the app reads it. */
function expectedImport(environment: SpecEnvironment, bytes: Uint8Array, choices?: Record<string, string>): RegistryImportResult {
  const crosswalk = parseCommuneCrosswalk(JSON.parse(readFileSync(join(environment.root, "data/crosswalks/communes-2025.json"), "utf8")));
  assert(crosswalk.ok, "the bundled commune list should read");
  return parseRegistryXlsx(bytes, { file: "so-list.xlsx", points: environment.sample.points, communes: crosswalk.value, choices });
}

async function openWithPoints(page: Page, environment: SpecEnvironment): Promise<void> {
  await page.goto(environment.baseUrl);
  // The coverage map has analysed the sample points once it shows its uncovered count.
  await page.waitForFunction(() => /^\d+$/.test(document.querySelector('[data-testid="uncovered-count"]')?.textContent?.trim() ?? ""), undefined, {
    timeout: TIMEOUT,
  });
  await page.click('[data-testid="view-progress"]');
  await page.waitForSelector('[data-testid="dashboard-listed"]', { timeout: TIMEOUT });
}

async function importList(page: Page, bytes: Uint8Array): Promise<void> {
  await page.setInputFiles('[data-testid="registry-input"]', { name: "so-list.xlsx", mimeType: XLSX_TYPE, buffer: Buffer.from(bytes) });
  await page.waitForSelector('[data-testid="registry-report"]', { timeout: TIMEOUT });
  await page.waitForSelector('[data-testid="unlocated-panel"]', { timeout: TIMEOUT });
}

export const SOLIST_SPECS: Spec[] = [
  {
    name: "solist: a Sở-style .xlsx without coordinates is located by name among the map's points; one unmatched row is placed by choosing a candidate, remembered",
    async run(environment) {
      const bytes = soListXlsx();
      const expected = expectedImport(environment, bytes);
      const located = expected.report.located;
      assert(located && located.byName > 0 && expected.unlocated.length > 0, `the domain should locate some rows and leave some: ${JSON.stringify(located)}`);
      assert(expected.report.read === expected.report.accepted + expected.report.rejected, "the domain's counts reconcile");
      // The row to resolve: the ambiguous "Bản Sả Khâu" (a village and its school site); the department picks the village.
      const row = expected.unlocated.find((entry) => entry.reason === "ambiguous");
      const village = row?.candidates.find((candidate) => candidate.pointId.startsWith("LC-VIL-"));
      assert(row && village, "an ambiguous row should offer a village");

      const { page } = await environment.newPage();
      await openWithPoints(page, environment);
      await importList(page, bytes);
      await waitForText(page, "dashboard-listed", expected.items.length);
      await waitForText(page, "unlocated-by-name", located.byName);
      await waitForText(page, "unlocated-count", expected.unlocated.length);
      assert(
        (await page.textContent('[data-testid="registry-report"] [data-testid="report-accepted"]'))?.trim() === String(expected.report.accepted),
        "rows accepted",
      );
      const issues = (await page.textContent('[data-testid="registry-report"] [data-testid="report-issues"]')) ?? "";
      assert(issues.includes('"Quý IV/2021" được hiểu là 31/12/2021'), "the report says how a quarter was read");
      const rows = await page.$$eval('[data-testid="unlocated-row"]', (elements) => elements.map((element) => Number(element.getAttribute("data-row"))));
      assert(JSON.stringify(rows) === JSON.stringify(expected.unlocated.map((entry) => entry.row)), `unlocated rows: ${JSON.stringify(rows)}`);

      await page.locator('[data-testid="unlocated-panel"]').screenshot({ path: join(environment.artifacts, "solist-unlocated.png") });
      await page.click(`[data-testid="unlocated-row"][data-row="${row.row}"] [data-testid="unlocated-choose"][data-point-id="${village.pointId}"]`);
      await waitForText(page, "dashboard-listed", expected.items.length + 1);
      await waitForText(page, "unlocated-count", expected.unlocated.length - 1);
      await page.waitForSelector(`[data-testid="located-by-${village.pointId}"]`, { timeout: TIMEOUT });
      await page.waitForSelector('[data-testid="progress-view-page"][data-saving="false"]', { timeout: TIMEOUT });

      // After a reload, the same list imported again places that row by the remembered choice.
      await openWithPoints(page, environment);
      await waitForText(page, "dashboard-listed", expected.items.length + 1);
      await waitForText(page, "unlocated-count", expected.unlocated.length - 1);
      const again = expectedImport(environment, bytes, { [row.key]: village.pointId });
      assert(again.items.length === expected.items.length + 1 && again.report.located?.chosen === 1, "the domain applies the remembered choice");
      await importList(page, bytes);
      await waitForText(page, "dashboard-listed", again.items.length);
      await waitForText(page, "unlocated-count", again.unlocated.length);
    },
  },
];
