/**
 * End-to-end specs of issue 11's "confusing" items: the list for people (headers and values a reader understands,
 * equal to the domain's file for the same rows), communes that two provinces share shown with their province, and
 * pupils and households beside the points.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { buildExportRows, communeLabeller, pointCount, pointWeight, readCsvTable, readXlsx, selectPoints } from "../../src/domain/index.ts";
import { peopleCsvFile } from "../../src/app/panels/people_files.ts";
import type { Spec } from "./specs.ts";
import { APP_DEFAULT_FILTER, countUncovered } from "./expected.ts";
import { assert, assertEqual } from "./assert.ts";

const TIMEOUT = 45_000;

async function download(page: Page, testId: string): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent("download", { timeout: TIMEOUT }), page.click(`[data-testid="${testId}"]`)]);
  return readFileSync((await file.path())!);
}

async function openApp(page: Page, baseUrl: string, query = ""): Promise<void> {
  await page.goto(`${baseUrl}${query}`);
  await page.waitForSelector('[data-testid="uncovered-count"]', { timeout: TIMEOUT });
}

const HEADER_VI = [
  "Tên",
  "Loại",
  "Trạng thái",
  "Nhà mạng có sóng",
  "Công nghệ tốt nhất",
  "Sĩ số",
  "Số hộ",
  "Xã",
  "Tỉnh",
  "Sóng hiện có (mọi công nghệ)",
  "Vùng phủ tính đến ngày",
  "Kinh độ",
  "Vĩ độ",
  "Mã điểm",
  "Thuộc trường (mã)",
  "Mã xã",
  "Mã tỉnh",
];

export const PEOPLE_SPECS: Spec[] = [
  {
    name: "people: the list for people downloads with Vietnamese headers and values, equal to the domain's file",
    async run(environment) {
      const { sample } = environment;
      const { page } = await environment.newPage();
      await openApp(page, environment.baseUrl);
      const filter = APP_DEFAULT_FILTER;
      await page.click('[data-testid="tab-export"]');
      await page.waitForSelector('[data-testid="export-people-csv"]:not([disabled])', { timeout: TIMEOUT });
      const csv = await download(page, "export-people-csv");
      assertEqual([...csv.subarray(0, 3)], [0xef, 0xbb, 0xbf], "a UTF-8 byte-order mark");
      const table = readCsvTable(new Uint8Array(csv), { file: "people.csv" });
      assertEqual(table.header.slice(0, HEADER_VI.length), HEADER_VI, "the people's header");
      // The sample list's own extra column (its "pupils" is the weight, its "households" is read as Số hộ).
      assertEqual(table.header.slice(HEADER_VI.length), ["Tỉnh ghi trong danh sách gốc", "note"], "the list's own columns close the header");
      const at = (header: string) => table.header.indexOf(header);
      const ids = table.rows.map((row) => row[at("Mã điểm")]);
      assertEqual(ids.length, countUncovered(sample, filter), "one row per uncovered point");
      const indices = ids.map((id) => sample.points.findIndex((point) => point.id === id));
      assert(
        indices.every((index) => index >= 0),
        "every row is a sample point",
      );
      // Byte for byte what the domain writes for the same rows, filter and language.
      const rows = buildExportRows(sample.analysis, sample.points, indices, filter);
      assert(csv.toString("utf8") === peopleCsvFile(rows, sample.analysis, filter, "vi", "comma"), "the CSV equals the domain's people file");
      // And what a reader expects, from the sample's own cells.
      const kinds: Record<string, string> = {
        school: "Trường",
        school_site: "Điểm trường",
        village: "Thôn/bản",
        village_centre: "Trung tâm thôn",
        other: "Khác",
      };
      table.rows.forEach((row, k) => {
        const point = sample.points[indices[k]];
        assertEqual(row[at("Loại")], kinds[point.kind], `kind of ${point.id}`);
        assertEqual(row[at("Trạng thái")], "Chưa có sóng 4G", `status of ${point.id}`);
        const pupils = pointCount(point, "pupils");
        const households = pointCount(point, "households");
        assertEqual(row[at("Sĩ số")], pupils === null ? "" : String(pupils), `pupils of ${point.id}`);
        assertEqual(row[at("Số hộ")], households === null ? "" : String(households), `households of ${point.id}`);
        assert(row[at("Tỉnh")] !== "", `${point.id} has its province`);
      });
      assert(
        table.rows.some((row) => row[at("Loại")] === "Thôn/bản" && row[at("Số hộ")] !== ""),
        "a village with its households",
      );
      assert(
        table.rows.some((row) => row[at("Loại")] === "Trường" && row[at("Sĩ số")] !== ""),
        "a school with its pupils",
      );
      assert(
        table.rows.every((row) => /^\d{2}\/\d{2}\/\d{4}( – \d{2}\/\d{2}\/\d{4})?$/.test(row[at("Vùng phủ tính đến ngày")])),
        "the coverage date is dd/mm/yyyy",
      );
      assert(!csv.toString("utf8").includes("uncovered") && !csv.toString("utf8").includes(",village,"), "no machine value in the people's file");

      // The workbook has the same header; its pupils are numbers.
      const workbook = readXlsx(new Uint8Array(await download(page, "export-people-xlsx")));
      assert(workbook.ok, "the workbook reads back");
      assertEqual(workbook.value.sheets[0].rows[0].slice(0, HEADER_VI.length), HEADER_VI, "the workbook's header");
      assertEqual(workbook.value.sheets[0].rows.length, table.rows.length + 1, "the workbook's rows");

      // The machine file is still the machine file.
      const machine = readCsvTable(new Uint8Array(await download(page, "export-csv")), { file: "machine.csv" });
      assertEqual(machine.header.slice(0, 3), ["id", "name", "kind"], "the machine header");

      // In English, the same list in English.
      await page.click('[data-testid="lang-switch"]');
      await page.waitForSelector('[data-testid="export-people-csv"]:not([disabled])', { timeout: TIMEOUT });
      const english = readCsvTable(new Uint8Array(await download(page, "export-people-csv")), { file: "people-en.csv" });
      assertEqual(
        english.header.slice(0, 7),
        ["Name", "Kind", "Status", "Carriers with signal", "Best technology", "Pupils", "Households"],
        "the English header",
      );
      assert(
        english.rows.every((row) => row[2] === "No 4G signal"),
        "the English status",
      );
      await page.screenshot({ path: join(environment.artifacts, "people-export.png") });
    },
  },
  {
    name: "people: communes that two provinces share read 'Yên Bình (Lào Cai)' in the dropdown, the statistics and the list",
    async run(environment) {
      const { sample } = environment;
      const label = communeLabeller(sample.analysis);
      const shared = sample.analysis.communes
        .filter((commune) => label(commune) !== commune.name)
        .map(label)
        .sort();
      assertEqual(shared, ["Yên Bình (Lào Cai)", "Yên Bình (Lạng Sơn)"], "the sample's shared commune names");
      const { page } = await environment.newPage();
      await openApp(page, environment.baseUrl);
      const options = await page.$$eval('[data-testid="filter-commune"] option', (elements) => elements.map((element) => element.textContent ?? ""));
      for (const name of shared) assert(options.includes(name), `the dropdown lists ${name}`);
      assert(!options.includes("Yên Bình"), "no bare Yên Bình in the dropdown");
      assert(options.includes("Sa Pa") || options.some((option) => !option.includes("(")), "other communes keep their plain name");

      await page.click('[data-testid="tab-statistics"]');
      await page.waitForSelector('[data-testid="stats-communes"]', { timeout: TIMEOUT });
      const rows = await page.$$eval('[data-testid="stats-communes"] tbody th', (cells) => cells.map((cell) => cell.textContent ?? ""));
      for (const name of shared) assert(rows.includes(name), `the commune table lists ${name}`);

      // Choosing one shows only its points, each listed with the label.
      const lang = sample.analysis.communes.find((commune) => label(commune) === "Yên Bình (Lạng Sơn)")!;
      await page.selectOption('[data-testid="filter-commune"]', lang.code);
      const expected = selectPoints(sample.analysis, sample.points, { ...APP_DEFAULT_FILTER, communeCode: lang.code, status: "uncovered" });
      await page.waitForFunction((value) => document.querySelector('[data-testid="uncovered-count"]')?.textContent?.trim() === String(value), expected.length, {
        timeout: TIMEOUT,
      });
      await page.click('[data-testid="tab-list"]');
      if (expected.length > 0) {
        await page.waitForSelector('[data-testid="uncovered-row"]', { timeout: TIMEOUT });
        const communes = await page.$$eval('[data-testid="uncovered-row"] .list-cell-commune', (cells) => cells.map((cell) => cell.textContent ?? ""));
        assert(communes.length > 0 && communes.every((name) => name === "Yên Bình (Lạng Sơn)"), `the list's commune cells: ${communes.join(", ")}`);
      }
    },
  },
  {
    name: "people: the popup, the list and the counts bar show pupils and households",
    async run(environment) {
      const { sample } = environment;
      const { page } = await environment.newPage();
      await openApp(page, environment.baseUrl);
      const uncovered = selectPoints(sample.analysis, sample.points, { ...APP_DEFAULT_FILTER, status: "uncovered" });
      const sum = (mode: "pupils" | "households") => uncovered.reduce((total, index) => total + pointWeight(sample.points[index], mode), 0);
      assert(sum("pupils") > 0 && sum("households") > 0, "the sample has pupils and households without signal");
      await page.waitForSelector('[data-testid="uncovered-households"]', { timeout: TIMEOUT });
      assertEqual(Number(await page.getAttribute('[data-testid="uncovered-pupils"]', "data-value")), sum("pupils"), "pupils in the counts bar");
      assertEqual(Number(await page.getAttribute('[data-testid="uncovered-households"]', "data-value")), sum("households"), "households in the counts bar");
      const number = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 0 });
      assertEqual(await page.textContent('[data-testid="uncovered-households"]'), `Số hộ: ${number.format(sum("households"))}`, "the households text");

      // A village and a school from the list: the popup says how many.
      await page.click('[data-testid="tab-list"]');
      for (const kind of ["village", "school"] as const) {
        const mode = kind === "village" ? "households" : "pupils";
        const target = Array.from(uncovered, (index) => sample.points[index]).find((point) => point.kind === kind && pointCount(point, mode) !== null)!;
        await page.fill('[data-testid="search-input"]', target.id);
        const row = page.locator(`[data-testid="uncovered-row"][data-point-id="${target.id}"]`);
        await row.waitFor({ timeout: TIMEOUT });
        assertEqual(
          await row.locator('[data-testid="uncovered-row-weight"]').textContent(),
          number.format(pointCount(target, mode)!),
          `the list's count for ${target.id}`,
        );
        await row.click();
        await page.waitForSelector(`.maplibregl-popup [data-testid="popup-${mode}"]`, { timeout: TIMEOUT });
        assertEqual(
          await page.textContent(`.maplibregl-popup [data-testid="popup-${mode}"]`),
          number.format(pointCount(target, mode)!),
          `the popup's ${mode} for ${target.id}`,
        );
        assertEqual(await page.textContent('.maplibregl-popup [data-testid="popup-status"]'), "Chưa có sóng 4G", `the popup's status for ${target.id}`);
        const terms = await page.$$eval(".maplibregl-popup .point-popup dt", (cells) => cells.map((cell) => cell.textContent ?? ""));
        assert(terms.includes(mode === "pupils" ? "Sĩ số (học sinh)" : "Số hộ"), `the popup's label for ${mode}`);
        await page.screenshot({ path: join(environment.artifacts, `people-popup-${kind}.png`) });
        await page.click('[data-testid="tab-list"]').catch(() => undefined);
      }
    },
  },
];
