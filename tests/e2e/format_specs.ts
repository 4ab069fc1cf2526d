/**
 * The GIS formats in the browser's import preview (issue 10): a zipped shapefile in VN-2000 / TM-3 (its format,
 * system and count shown), a CSV of VN-2000 X/Y metres (the preview asks for the system; choosing the province's
 * TM-3 imports every row), an OpenCelliD tower list (estimated coverage, its own "(ước tính)" layers), and an old .xls.
 * Expected figures come from the domain in Node on the same fixture files (tests/fixtures/formats).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { parseCoverageGeojson, parsePointsCsv, parsePointsGeojson, readXlsx, selectPoints } from "../../src/domain/index.ts";
import type { Spec, SpecEnvironment } from "./specs.ts";
import { APP_DEFAULT_FILTER } from "./expected.ts";
import { assert, assertEqual } from "./assert.ts";

const TIMEOUT = 45_000;

function fixture(environment: SpecEnvironment, name: string): Buffer {
  return readFileSync(join(environment.root, "tests/fixtures/formats", name));
}

async function openImport(environment: SpecEnvironment, name: string, mimeType: string, buffer: Buffer): Promise<Page> {
  const { page } = await environment.newPage();
  await page.goto(environment.baseUrl);
  await page.waitForSelector('[data-testid="uncovered-count"]', { timeout: TIMEOUT });
  await page.click('[data-testid="tab-import"]');
  await page.setInputFiles('[data-testid="import-input"]', { name, mimeType, buffer });
  await page.waitForSelector('[data-testid="import-preview"]', { timeout: TIMEOUT });
  return page;
}

async function confirm(page: Page): Promise<void> {
  await page.click('[data-testid="import-confirm"]');
  await page.waitForSelector('[data-testid="import-outcome"]', { timeout: TIMEOUT });
}

async function text(page: Page, testId: string): Promise<string> {
  return ((await page.textContent(`[data-testid="${testId}"]`)) ?? "").trim();
}

export const FORMAT_SPECS: Spec[] = [
  {
    name: "formats: a zipped shapefile in VN-2000 / TM-3 shows its format, system and count, and imports its points",
    async run(environment) {
      const bytes = fixture(environment, "diem_truong_tm3.zip");
      const expected = parsePointsGeojson(new Uint8Array(bytes), { file: "diem_truong_tm3.zip" }).report;
      const page = await openImport(environment, "diem_truong_tm3.zip", "application/zip", bytes);
      assertEqual(await text(page, "import-format-name"), "Shapefile (.zip: .shp, .dbf, .prj)", "the format");
      assert((await text(page, "import-format-crs")).includes("104°45′"), "the system of the .prj (TM-3 104°45′)");
      assertEqual(await page.inputValue('[data-testid="import-kind"]'), "points", "detected as a point list");
      assert(((await page.textContent('[data-testid="import-preview"]')) ?? "").includes(`${expected.read}`), "the feature count");
      await confirm(page);
      assertEqual(await page.getAttribute('[data-testid="import-outcome"]', "data-refused"), "false", "accepted");
      assertEqual(await text(page, "report-accepted"), String(expected.accepted), "accepted points, as the domain counts them");
    },
  },
  {
    name: "formats: a CSV of VN-2000 X/Y metres asks for the coordinate system; TM-3 of Lào Cai imports every row",
    async run(environment) {
      const bytes = fixture(environment, "diem_truong_tm3_xy.csv");
      const expected = parsePointsCsv(new Uint8Array(bytes), { file: "diem_truong_tm3_xy.csv", crs: "VN2000-TM3-104.75" }).report;
      assert(expected.accepted === 3, "the domain reads the three rows with the system");
      const page = await openImport(environment, "diem_truong_tm3_xy.csv", "text/csv", bytes);
      assert(await page.isVisible('[data-testid="import-projected"]'), "the preview says the coordinates look like projected metres");
      await page.selectOption('[data-testid="import-crs"]', "VN2000-TM3-104.75");
      await page.waitForSelector('[data-testid="import-projected"]', { state: "detached", timeout: TIMEOUT });
      await confirm(page);
      assertEqual(await text(page, "report-accepted"), String(expected.accepted), "every row accepted");
      assertEqual(await text(page, "report-rejected"), "0", "no row out of area");
    },
  },
  {
    name: "formats: an OpenCelliD tower list imports as estimated coverage, in its own '(ước tính)' layers",
    async run(environment) {
      const bytes = fixture(environment, "opencellid_452.csv");
      const expected = parseCoverageGeojson(new Uint8Array(bytes), { file: "opencellid_452.csv" });
      const page = await openImport(environment, "opencellid_452.csv", "text/csv", bytes);
      assertEqual(await page.inputValue('[data-testid="import-kind"]'), "coverage", "detected as coverage");
      assert(await page.isVisible('[data-testid="import-estimated"]'), "the preview says it is estimated");
      await confirm(page);
      assertEqual(await text(page, "report-accepted"), String(expected.report.accepted), "one disc per Vietnamese cell");
      await page.waitForSelector('[data-testid="layer-coverage-Viettel (ước tính)-4G"]', { timeout: TIMEOUT });
      assert(!(await page.isVisible('[data-testid="layer-coverage-Viettel-4G-estimated"]')), "no unlabelled estimated layer");
    },
  },
  {
    name: "formats: an old Excel .xls (saved by LibreOffice) imports like an .xlsx",
    async run(environment) {
      const bytes = fixture(environment, "truong.xls");
      const page = await openImport(environment, "truong.xls", "application/vnd.ms-excel", bytes);
      assertEqual(await page.inputValue('[data-testid="import-sheet"]'), "truong", "the sheet");
      await confirm(page);
      assertEqual(await text(page, "report-accepted"), "2", "both rows");
      assertEqual(await text(page, "import-report-sheet"), "Trang tính: truong", "the report names the sheet");
    },
  },
  {
    name: "formats: the export panel's .xlsx holds the uncovered list (read back by the workbook reader), ids as text",
    async run(environment) {
      const { page } = await environment.newPage();
      await page.goto(environment.baseUrl);
      await page.waitForSelector('[data-testid="uncovered-count"]', { timeout: TIMEOUT });
      const { sample } = environment;
      const expected = Array.from(
        selectPoints(sample.analysis, sample.points, { ...APP_DEFAULT_FILTER, status: "uncovered" }),
        (index) => sample.points[index].id,
      );
      await page.waitForFunction((count) => document.querySelector('[data-testid="uncovered-count"]')?.textContent?.trim() === String(count), expected.length, {
        timeout: TIMEOUT,
      });
      await page.click('[data-testid="tab-export"]');
      const [file] = await Promise.all([page.waitForEvent("download"), page.click('[data-testid="export-xlsx"]')]);
      assert(file.suggestedFilename().endsWith(".xlsx"), "an .xlsx file name");
      const workbook = readXlsx(new Uint8Array(readFileSync((await file.path())!)));
      assert(workbook.ok, "the workbook reads back");
      const rows = workbook.value.sheets[0].rows;
      const idColumn = rows[0].indexOf("id");
      assertEqual(
        rows
          .slice(1)
          .map((row) => row[idColumn])
          .sort(),
        [...expected].sort(),
        "one row per uncovered point",
      );
    },
  },
  {
    name: "formats: a GeoTIFF signal grid imports as a coverage layer at the threshold chosen in the preview",
    async run(environment) {
      const bytes = fixture(environment, "vung_phu_tin_hieu.tif");
      const page = await openImport(environment, "vung_phu_tin_hieu.tif", "image/tiff", bytes);
      assertEqual(await page.inputValue('[data-testid="import-kind"]'), "coverage", "detected as coverage");
      assert(await page.isVisible('[data-testid="import-raster-threshold"]'), "the threshold field");
      await page.fill('[data-testid="import-raster-threshold"]', "-100");
      await page.waitForFunction(
        () => (document.querySelector('[data-testid="import-raster-threshold"]') as HTMLInputElement | null)?.value === "-100",
        undefined,
        { timeout: TIMEOUT },
      );
      await page.fill('[data-testid="import-carrier"]', "TestNet");
      await page.selectOption('[data-testid="import-technology"]', "4G");
      await confirm(page);
      assertEqual(await page.getAttribute('[data-testid="import-outcome"]', "data-refused"), "false", "accepted");
      assertEqual(await text(page, "report-accepted"), "1", "one layer feature");
      await page.waitForSelector('[data-testid="layer-coverage-TestNet-4G"]', { timeout: TIMEOUT });
    },
  },
];
