/**
 * The listed dead-zone loop in the browser: the sample's dashboard equals the domain's figures computed
 * in Node from the same files; a carrier records on_air and exports its update file; the department
 * imports it (covered +1, a second import adds nothing), verifies (verified +1); a reload keeps it all;
 * a backup restores, a broken one changes nothing; a malformed update file shows its row errors.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Download, Page } from "playwright-core";
import {
  buildCoverageIndex,
  buildNearestCoverageIndex,
  computeRegistryCoverage,
  crossCheckCoverage,
  listOverdue,
  nearestCoverage,
  parseRegistryCsv,
  parseRegistryGeojson,
  parseRegistryXlsx,
  parseUpdatesCsv,
  parseUpdatesXlsx,
  trackingSummary,
  replay,
  type ListedPoint,
  type StatusEvent,
} from "../../src/domain/index.ts";
import { readSampleEvents } from "../../src/app/tracking/sample_events.ts";
import { sampleTracking, type SampleTracking } from "./sample_tracking.ts";
import type { Spec, SpecEnvironment } from "./specs.ts";
import { buildXlsx, escapeXml } from "../xlsx_builder.ts";
import { AssertionError, assert, todayInVietnam } from "./assert.ts";

const TIMEOUT = 45_000;

function sampleEvents(root: string): StatusEvent[] {
  return readSampleEvents(JSON.parse(readFileSync(join(root, "data/sample/events.json"), "utf8"))).events;
}

async function openTracking(page: Page, environment: SpecEnvironment, query = ""): Promise<void> {
  await page.goto(`${environment.baseUrl}?view=progress${query}`);
  await page.waitForSelector('[data-testid="dashboard-listed"]', { timeout: TIMEOUT });
}

/** Waits until the tracking data is saved in IndexedDB, so that a reload finds it. */
async function waitForSaved(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid="progress-view-page"][data-saving="false"]', { timeout: TIMEOUT });
}

async function readNumber(page: Page, testId: string): Promise<number> {
  const text = (await page.textContent(`[data-testid="${testId}"]`))?.trim() ?? "";
  assert(/^\d+$/.test(text), `${testId} should hold just digits, got "${text}"`);
  return Number(text);
}

async function waitForNumber(page: Page, testId: string, expected: number): Promise<void> {
  await page
    .waitForFunction(([id, value]) => document.querySelector(`[data-testid="${id}"]`)?.textContent?.trim() === String(value), [testId, expected] as const, {
      timeout: TIMEOUT,
    })
    .catch(async () => {
      throw new AssertionError(`${testId}: expected ${expected}, got ${await page.textContent(`[data-testid="${testId}"]`)}`);
    });
}

async function downloadOf(page: Page, testId: string): Promise<{ download: Download; text: string }> {
  const [download] = await Promise.all([page.waitForEvent("download", { timeout: TIMEOUT }), page.click(`[data-testid="${testId}"]`)]);
  const path = await download.path();
  return { download, text: readFileSync(path, "utf8") };
}

async function dashboard(page: Page): Promise<{ listed: number; covered: number; verified: number; overdue: number }> {
  return {
    listed: await readNumber(page, "dashboard-listed"),
    covered: await readNumber(page, "dashboard-covered"),
    verified: await readNumber(page, "dashboard-verified"),
    overdue: await readNumber(page, "dashboard-overdue"),
  };
}

/** A point its carrier can still move to on_air, from the sample's state in Node. */
function pickOpenPoint(model: SampleTracking): ListedPoint {
  const open = model.registry.find((point) => ["not_started", "planned", "under_construction"].includes(model.states[point.id].status));
  assert(open, "the sample should have a point not yet on air");
  return open;
}

export const TRACKING_SPECS: Spec[] = [
  {
    name: "tracking: the sample dashboard equals the domain's figures computed in Node (Vietnamese screenshot)",
    async run(environment) {
      const model = sampleTracking(environment.root);
      const { page } = await environment.newPage();
      await openTracking(page, environment);
      const expected = model.summary;
      await waitForNumber(page, "dashboard-listed", expected.listed);
      const shown = await dashboard(page);
      assert(
        JSON.stringify(shown) ===
          JSON.stringify({ listed: expected.listed, covered: expected.covered, verified: expected.verified, overdue: expected.overdue }),
        `dashboard ${JSON.stringify(shown)} should equal the domain's ${JSON.stringify({ listed: expected.listed, covered: expected.covered, verified: expected.verified, overdue: expected.overdue })}`,
      );
      assert(expected.covered > 0 && expected.verified > 0, "the sample should show progress on first start");
      const rows = await page.$$eval('[data-testid="registry-table"] tbody tr[data-status]', (elements) => elements.length);
      assert(rows === expected.listed, `the table should list ${expected.listed} points, saw ${rows}`);
      assert(((await page.textContent('[data-testid="progress-chart"] svg title')) ?? "").length > 0, "the chart should have a title");
      const tableRows = await page.$$eval('[data-testid="progress-chart"] details tbody tr', (elements) => elements.length);
      assert(tableRows > 1, `the chart's table fallback should hold the samples, saw ${tableRows} rows`);
      assert((await page.textContent('[data-testid="persistence-status"]'))?.trim(), "the persistence status should be shown");
      // Exports: the progress report (Excel-ready CSV) and the registry with status as GeoJSON and KML, one entry per point.
      const report = await downloadOf(page, "export-report-csv");
      assert(report.text.startsWith("\uFEFFid,name,kind,lon,lat,carrier"), `report header: ${report.text.slice(0, 60)}`);
      const reportLines = report.text.trim().split("\r\n");
      assert(reportLines.length === expected.listed + 1, `report rows ${reportLines.length - 1} vs ${expected.listed}`);
      const verifiedInReport = reportLines.filter((line) => line.includes(",verified,")).length;
      assert(verifiedInReport === expected.verified, `verified rows in the report ${verifiedInReport} vs ${expected.verified}`);
      const geojson = JSON.parse((await downloadOf(page, "export-registry-geojson")).text) as { features: { properties: Record<string, unknown> }[] };
      assert(geojson.features.length === expected.listed, `GeoJSON features ${geojson.features.length}`);
      assert(
        geojson.features.filter((feature) => feature.properties.status === "verified").length === expected.verified,
        "GeoJSON statuses should match the dashboard",
      );
      const kml = (await downloadOf(page, "export-registry-kml")).text;
      assert((kml.match(/<Placemark>/g) ?? []).length === expected.listed, "one KML placemark per listed point");
      // How far each overdue point is from its assigned carrier's coverage (measured in the worker) equals the domain's.
      const overdue = listOverdue(model.registry, model.states, todayInVietnam());
      assert(overdue.length > 0, "the sample has overdue points");
      const coverage = environment.sample.coverage;
      const inside = computeRegistryCoverage(model.registry, buildCoverageIndex(coverage));
      const nearest = buildNearestCoverageIndex(coverage);
      const expectedReach = Object.fromEntries(
        overdue.map((item) => {
          const index = model.registry.findIndex((point) => point.id === item.pointId);
          const point = model.registry[index];
          const covered = inside.layers.some(
            (layer, l) => layer.carrier === item.carrier && ((inside.masks[index * inside.words + (l >> 5)] >>> (l & 31)) & 1) === 1,
          );
          if (covered) return [item.pointId, "đã trong vùng phủ"];
          const found = nearestCoverage(nearest, point.lon, point.lat).find((entry) => entry.carrier === item.carrier);
          return [item.pointId, found ? `${new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 1 }).format(found.km)} km` : "xa hơn 100 km"];
        }),
      );
      // The column appears once the coverage is checked, and fills in when the worker answers.
      await page.waitForFunction(
        (count) => {
          const cells = [...document.querySelectorAll('[data-testid="overdue-reach"]')];
          return cells.length === count && cells.every((cell) => cell.textContent !== "…");
        },
        overdue.length,
        { timeout: TIMEOUT },
      );
      const shownReach = Object.fromEntries(
        await page.$$eval('[data-testid="overdue-table"] tbody tr', (rows) =>
          rows.map((row) => [row.querySelector("td")?.textContent ?? "", row.querySelector('[data-testid="overdue-reach"]')?.textContent ?? ""]),
        ),
      );
      assert(
        JSON.stringify(shownReach, Object.keys(expectedReach).sort()) === JSON.stringify(expectedReach, Object.keys(expectedReach).sort()),
        `overdue reach ${JSON.stringify(shownReach)} should equal the domain's ${JSON.stringify(expectedReach)}`,
      );
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.waitForTimeout(1500);
      await page.screenshot({ path: join(environment.artifacts, "progress-vi.png"), fullPage: false });
      await page.screenshot({ path: join(environment.artifacts, "progress-vi-full.png"), fullPage: true });
      // The printable report: drawn on "beforeprint", alone on the printed page, one row per point.
      await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
      await page.emulateMedia({ media: "print" });
      assert(await page.isVisible('[data-testid="print-report-page"]'), "the report should be visible in print");
      assert(!(await page.isVisible('[data-testid="registry-table"]')), "the screen list should not print");
      const printed = await page.$$eval('[data-testid="print-report-page"] > table tbody tr', (elements) => elements.length);
      assert(printed === expected.listed, `printed rows ${printed} vs ${expected.listed}`);
      await page.screenshot({ path: join(environment.artifacts, "progress-print.png"), fullPage: true });
      await page.emulateMedia({ media: "screen" });
      await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
    },
  },
  {
    name: "tracking: carrier on_air → update file → department import (covered +1, re-import 0 new) → verify (+1) → reload → restore",
    async run(environment) {
      const model = sampleTracking(environment.root);
      const point = pickOpenPoint(model);
      const today = todayInVietnam();
      const { page } = await environment.newPage();
      await openTracking(page, environment);
      await waitForNumber(page, "dashboard-listed", model.summary.listed);
      const before = await dashboard(page);

      // The carrier records on_air for its point and exports its update file.
      await page.selectOption('[data-testid="role-select"]', `carrier:${point.carrier}`);
      await page.click(`[data-testid="update-${point.id}"]`);
      const offered = await page.$$eval('[data-testid="form-status"] option', (options) => options.map((option) => (option as HTMLOptionElement).value));
      assert(offered.includes("on_air") && !offered.includes("verified"), `the carrier should be offered on_air but never verified, got ${offered.join(",")}`);
      await page.selectOption('[data-testid="form-status"]', "on_air");
      await page.selectOption('[data-testid="form-technology"]', "4G");
      await page.fill('[data-testid="form-evidence"]', "Đo kiểm tại điểm");
      await page.fill('[data-testid="form-download"]', "21,5");
      await page.click('[data-testid="form-submit"]');
      await page.waitForFunction(
        (id) => document.querySelector(`[data-testid="status-${id}"]`)?.closest("tr")?.getAttribute("data-status") === "on_air",
        point.id,
        { timeout: TIMEOUT },
      );
      const { download, text } = await downloadOf(page, "export-updates-csv");
      const slug = point.carrier.toLowerCase();
      assert(download.suggestedFilename() === `cap-nhat-${slug}-${today}.csv`, `update file name: ${download.suggestedFilename()}`);
      const lines = text
        .replace(/^\uFEFF/, "")
        .trim()
        .split(/\r\n/);
      assert(lines[0].startsWith("point_id,carrier,status,date,technology,evidence,note"), `update file header: ${lines[0]}`);
      assert(lines.length === 2, `the update file should hold one change, got ${lines.length - 1}`);
      assert(lines[1].startsWith(`${point.id},${point.carrier},on_air,${today},4G,Đo kiểm tại điểm,,21.5`), `update file row: ${lines[1]}`);

      // The department has not imported it yet: its dashboard is unchanged. Then it imports the file.
      await page.selectOption('[data-testid="role-select"]', "department");
      await waitForNumber(page, "dashboard-covered", before.covered);
      const file = { name: download.suggestedFilename(), mimeType: "text/csv", buffer: Buffer.from(text, "utf8") };
      await page.setInputFiles('[data-testid="updates-input"]', file);
      await page.waitForSelector('[data-testid="updates-summary"]', { timeout: TIMEOUT });
      await waitForNumber(page, "dashboard-covered", before.covered + 1);
      assert(
        (await page.textContent('[data-testid="updates-summary"]'))?.startsWith("1 mới"),
        `summary: ${await page.textContent('[data-testid="updates-summary"]')}`,
      );
      // The same file again changes nothing.
      await page.setInputFiles('[data-testid="updates-input"]', file);
      await page.waitForFunction(() => document.querySelector('[data-testid="updates-summary"]')?.textContent?.startsWith("0 mới, 1 đã có"), undefined, {
        timeout: TIMEOUT,
      });
      await waitForNumber(page, "dashboard-covered", before.covered + 1);

      // A backup taken now (covered +1, not verified) is restored at the end.
      const backup = await downloadOf(page, "backup-download");
      assert(/^sao-luu-lom-song-\d{4}-\d{2}-\d{2}\.json$/.test(backup.download.suggestedFilename()), `backup name ${backup.download.suggestedFilename()}`);

      // The department verifies the point.
      await page.check(`[data-testid="claim-${point.id}"]`);
      await page.click('[data-testid="verify-selected"]');
      await waitForNumber(page, "dashboard-verified", before.verified + 1);
      await waitForNumber(page, "dashboard-covered", before.covered + 1);

      // Everything is still there after a reload.
      await waitForSaved(page);
      await page.reload();
      await page.waitForSelector('[data-testid="dashboard-listed"]', { timeout: TIMEOUT });
      await waitForNumber(page, "dashboard-verified", before.verified + 1);
      await waitForNumber(page, "dashboard-covered", before.covered + 1);
      assert(
        (await page.getAttribute(`[data-testid="registry-row-${point.id}"]`, "data-status")) === "verified",
        "the point should still be verified after a reload",
      );
      await page.click(`[data-testid="history-${point.id}"]`);
      const history = (await page.textContent('[data-testid="point-history"]')) ?? "";
      assert(history.includes("đã phát sóng") && history.includes("đã xác minh"), `the history should list on_air then verified: ${history}`);

      // A broken backup shows why and changes nothing.
      await page.setInputFiles('[data-testid="restore-input"]', {
        name: "hong.json",
        mimeType: "application/json",
        buffer: Buffer.from('{"format":"lom-song-backup","version":1,"registry":[{"id":1}]}', "utf8"),
      });
      await page.waitForSelector('[data-testid="tracking-notice-error"]', { timeout: TIMEOUT });
      assert(((await page.textContent('[data-testid="tracking-notice-error"]')) ?? "").includes("hong.json"), "the error should name the file");
      await waitForNumber(page, "dashboard-verified", before.verified + 1);

      // The good backup restores the state it was taken in.
      await page.setInputFiles('[data-testid="restore-input"]', {
        name: backup.download.suggestedFilename(),
        mimeType: "application/json",
        buffer: Buffer.from(backup.text, "utf8"),
      });
      // It asks first (the verification would be removed), then replaces.
      await page.click('[data-testid="restore-replace"]');
      await waitForNumber(page, "dashboard-verified", before.verified);
      await waitForNumber(page, "dashboard-covered", before.covered + 1);
      await waitForSaved(page);
      await page.reload();
      await page.waitForSelector('[data-testid="dashboard-listed"]', { timeout: TIMEOUT });
      await waitForNumber(page, "dashboard-verified", before.verified);
    },
  },
  {
    name: "tracking: a malformed update file shows its row errors and changes nothing",
    async run(environment) {
      const model = sampleTracking(environment.root);
      const point = pickOpenPoint(model);
      const { page } = await environment.newPage();
      await openTracking(page, environment);
      await waitForNumber(page, "dashboard-listed", model.summary.listed);
      const before = await dashboard(page);
      const other = point.carrier === "Viettel" ? "VNPT" : "Viettel";
      const csv = [
        "point_id,carrier,status,date,technology,evidence,note",
        `KHONG-CO,${point.carrier},on_air,2026-10-01,4G,,`,
        `${point.id},${other},on_air,2026-10-01,4G,,`,
        `${point.id},${point.carrier},bay lên trời,2026-10-01,4G,,`,
        `${point.id},${point.carrier},on_air,31/02/2026,4G,,`,
      ].join("\r\n");
      await page.setInputFiles('[data-testid="updates-input"]', { name: "sai.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
      await page.waitForSelector('[data-testid="updates-report"]', { timeout: TIMEOUT });
      assert((await page.textContent('[data-testid="updates-report"] [data-testid="report-read"]'))?.trim() === "4", "four rows read");
      assert((await page.textContent('[data-testid="updates-report"] [data-testid="report-rejected"]'))?.trim() === "4", "four rows rejected");
      const issues = await page.$$eval('[data-testid="report-issues"] tbody tr', (rows) => rows.map((row) => row.textContent ?? ""));
      for (const row of [1, 2, 3, 4])
        assert(
          issues.some((issue) => issue.includes(`dòng ${row}`)),
          `row ${row} should be reported: ${issues.join(" | ")}`,
        );
      assert(
        issues.some((issue) => issue.includes("KHONG-CO")),
        "the unknown id should be named",
      );
      assert(JSON.stringify(await dashboard(page)) === JSON.stringify(before), "the dashboard should not change");
      assert(
        (await page.getAttribute(`[data-testid="registry-row-${point.id}"]`, "data-status")) === model.states[point.id].status,
        "the point's status should not change",
      );
    },
  },
  {
    name: "tracking: a file that disagrees with a recorded change is listed as a conflict; keeping the recorded one changes nothing",
    async run(environment) {
      const model = sampleTracking(environment.root);
      const events = readSampleEvents(JSON.parse(readFileSync(join(environment.root, "data/sample/events.json"), "utf8"))).events;
      const recorded = events.find((event) => event.actor.role === "carrier");
      assert(recorded && recorded.actor.role === "carrier", "the sample should hold a carrier's event");
      const other = recorded.status === "under_construction" ? "planned" : "under_construction";
      const { page } = await environment.newPage();
      await openTracking(page, environment);
      await waitForNumber(page, "dashboard-listed", model.summary.listed);
      const before = await dashboard(page);
      const csv = `point_id,carrier,status,date\r\n${recorded.pointId},${recorded.actor.carrier},${other},${recorded.date}\r\n`;
      await page.setInputFiles('[data-testid="updates-input"]', { name: "khac.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
      await page.waitForSelector(`[data-testid="conflict-${recorded.pointId}"]`, { timeout: TIMEOUT });
      assert(((await page.textContent('[data-testid="updates-summary"]')) ?? "").includes("1 mâu thuẫn"), "the summary should count the conflict");
      await page.click(`[data-testid="conflict-keep-${recorded.pointId}"]`);
      await page.waitForSelector(`[data-testid="conflict-${recorded.pointId}"]`, { state: "detached", timeout: TIMEOUT });
      assert(JSON.stringify(await dashboard(page)) === JSON.stringify(before), "keeping the recorded change should change nothing");
    },
  },
  {
    name: "tracking: the department replaces the list with its own CSV (Vietnamese headers), row errors reported, kept after a reload",
    async run(environment) {
      const csv = [
        "mã;tên;kinh độ;vĩ độ;tỉnh;nhà mạng;hạn hoàn thành",
        "LS-1;Bản Mới;104,1;22,3;Lào Cai;viettel;30/09/2026",
        "LS-2;Thôn Nà Pồ;106,5;21,8;Lạng Sơn;VNPT;31/12/2026",
        "LS-3;Bản thiếu nhà mạng;104,2;22,4;Lào Cai;;31/12/2026",
      ].join("\r\n");
      const expected = parseRegistryCsv(Buffer.from(csv, "utf8"), { file: "danh-sach.csv" });
      assert(expected.items.length === 2 && expected.report.rejected === 1, "the domain should take two rows and reject one");
      const { page } = await environment.newPage();
      await openTracking(page, environment);
      await page.setInputFiles('[data-testid="registry-input"]', { name: "danh-sach.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
      await page.waitForSelector('[data-testid="registry-report"]', { timeout: TIMEOUT });
      assert((await page.textContent('[data-testid="registry-report"] [data-testid="report-read"]'))?.trim() === String(expected.report.read), "rows read");
      assert(
        (await page.textContent('[data-testid="registry-report"] [data-testid="report-accepted"]'))?.trim() === String(expected.items.length),
        "rows accepted",
      );
      assert(
        (await page.textContent('[data-testid="registry-report"] [data-testid="report-rejected"]'))?.trim() === String(expected.report.rejected),
        "rows rejected",
      );
      assert(
        ((await page.textContent('[data-testid="registry-report"] [data-testid="report-issues"]')) ?? "").includes("dòng 3"),
        "the bad row should be named",
      );
      await waitForNumber(page, "dashboard-listed", expected.items.length);
      // The list's points are not among the analysed ones: the worker, which holds the coverage polygons, says which
      // layers contain them (coverAt), and the cross-check proposes what the domain proposes.
      const proposals = crossCheckCoverage(
        expected.items,
        replay(expected.items, [], todayInVietnam()).states,
        computeRegistryCoverage(expected.items, buildCoverageIndex(environment.sample.coverage)),
      ).proposals;
      assert(proposals.length === 2, `the sample coverage should contain both listed points (${proposals.length})`);
      await page.waitForFunction((count) => document.querySelectorAll('[data-testid="cross-check-proposals"] li').length === count, proposals.length, {
        timeout: TIMEOUT,
      });
      const proposed = await page.$$eval('[data-testid="cross-check-proposals"] li', (items) => items.map((item) => item.textContent ?? ""));
      for (const proposal of proposals) {
        assert(
          proposed.some((text) => text.includes(proposal.message.vi)),
          `proposal for ${proposal.pointId} shown: ${proposed.join(" | ")}`,
        );
      }
      const options = await page.$$eval('[data-testid="role-select"] option', (elements) => elements.map((element) => (element as HTMLOptionElement).value));
      assert(JSON.stringify(options) === JSON.stringify(["department", "carrier:Viettel", "carrier:VNPT"]), `roles follow the new list: ${options.join(",")}`);
      await waitForSaved(page);
      await page.reload();
      await page.waitForSelector('[data-testid="dashboard-listed"]', { timeout: TIMEOUT });
      await waitForNumber(page, "dashboard-listed", expected.items.length);
    },
  },
  {
    name: "tracking: the department replaces the list with an Excel .xlsx (deadlines as Excel dates) and imports a carrier's .xlsx update file",
    async run(environment) {
      const today = todayInVietnam();
      const serial = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000 + 25_569;
      const text = (ref: string, value: string) => `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(value)}</t></is></c>`;
      const row = (r: number, cells: string) => `<row r="${r}">${cells}</row>`;
      const registryData = [
        row(1, ["mã", "tên", "kinh độ", "vĩ độ", "tỉnh", "nhà mạng", "hạn hoàn thành"].map((header, index) => text(`${"ABCDEFG"[index]}1`, header)).join("")),
        row(
          2,
          `${text("A2", "LS-1")}${text("B2", "Bản Mới")}<c r="C2"><v>104.1</v></c><c r="D2"><v>22.3</v></c>${text("E2", "Lào Cai")}${text("F2", "viettel")}<c r="G2" s="2"><v>${serial("2026-09-30")}</v></c>`,
        ),
        row(
          3,
          `${text("A3", "LS-2")}${text("B3", "Thôn Nà Pồ")}<c r="C3"><v>106.5</v></c><c r="D3"><v>21.8</v></c>${text("E3", "Lạng Sơn")}${text("F3", "VNPT")}<c r="G3" s="1"><v>${serial("2026-12-31")}</v></c>`,
        ),
        // Excel row 5 (report row 4): no carrier, rejected.
        row(5, `${text("A5", "LS-3")}${text("B5", "Bản thiếu nhà mạng")}<c r="C5"><v>104.2</v></c><c r="D5"><v>22.4</v></c>`),
      ].join("");
      const registryBytes = buildXlsx({
        sheets: [
          { name: "Ghi chú", rows: [["Danh sách do Sở lập"]] },
          { name: "Danh sách", sheetData: registryData },
        ],
      });
      const expected = parseRegistryXlsx(registryBytes, { file: "danh-sach.xlsx" });
      assert(
        expected.items.length === 2 && expected.report.rejected === 1 && expected.items[0].deadline === "2026-09-30",
        "the domain should take two rows, with the Excel date, and reject one",
      );
      const { page } = await environment.newPage();
      await openTracking(page, environment);
      await page.setInputFiles('[data-testid="registry-input"]', {
        name: "danh-sach.xlsx",
        mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        buffer: Buffer.from(registryBytes),
      });
      await page.waitForSelector('[data-testid="registry-report"]', { timeout: TIMEOUT });
      assert((await page.textContent('[data-testid="registry-report"] [data-testid="report-read"]'))?.trim() === String(expected.report.read), "rows read");
      assert((await page.textContent('[data-testid="registry-report"] [data-testid="report-accepted"]'))?.trim() === "2", "rows accepted");
      assert(
        ((await page.textContent('[data-testid="registry-report"] [data-testid="report-issues"]')) ?? "").includes("dòng 4"),
        "the bad row is named by its row below the header",
      );
      assert(
        (await page.textContent('[data-testid="registry-report"] [data-testid="tracking-report-sheet"]'))?.trim() === "Trang tính: Danh sách",
        "the report names the sheet",
      );
      await waitForNumber(page, "dashboard-listed", 2);
      await waitForNumber(page, "dashboard-covered", 0);

      const updatesBytes = buildXlsx({
        sheets: [
          {
            name: "Cập nhật",
            sheetData: [
              row(1, ["mã điểm", "nhà mạng", "trạng thái", "ngày", "công nghệ"].map((header, index) => text(`${"ABCDE"[index]}1`, header)).join("")),
              row(
                2,
                `${text("A2", "LS-1")}${text("B2", "Viettel")}${text("C2", "đã phát sóng")}<c r="D2" s="2"><v>${serial(today)}</v></c>${text("E2", "4G")}`,
              ),
            ].join(""),
          },
        ],
      });
      await page.setInputFiles('[data-testid="updates-input"]', {
        name: "cap-nhat-viettel.xlsx",
        mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        buffer: Buffer.from(updatesBytes),
      });
      await page.waitForSelector('[data-testid="updates-summary"]', { timeout: TIMEOUT });
      const updates = parseUpdatesXlsx(updatesBytes, { file: "cap-nhat-viettel.xlsx", registry: expected.items, events: [], today });
      assert(updates.events.length === 1 && updates.events[0].date === today, "the domain takes the row with its Excel date");
      assert(
        (await page.textContent('[data-testid="updates-summary"]'))?.startsWith("1 mới"),
        `summary: ${await page.textContent('[data-testid="updates-summary"]')}`,
      );
      await waitForNumber(page, "dashboard-covered", 1);
    },
  },
  {
    name: "tracking: the department replaces the list with a Google Earth KML (the columns in each Placemark's ExtendedData)",
    async run(environment) {
      const placemark = (id: string, name: string, carrier: string, deadline: string, lon: number, lat: number) =>
        `<Placemark><name>${escapeXml(name)}</name><ExtendedData><Data name="mã"><value>${id}</value></Data><Data name="nhà mạng"><value>${carrier}</value></Data>` +
        `<Data name="hạn hoàn thành"><value>${deadline}</value></Data></ExtendedData><Point><coordinates>${lon},${lat},0</coordinates></Point></Placemark>`;
      const kml =
        `<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>Danh sách lõm sóng</name>` +
        placemark("KML-1", "Bản Mới", "Viettel", "2026-09-30", 104.1, 22.3) +
        placemark("KML-2", "Thôn Nà Pồ", "VNPT", "2027-03-31", 106.5, 21.8) +
        placemark("KML-3", "Bản Khuổi Mỏ", "MobiFone", "2027-06-30", 106.6, 21.9) +
        `</Document></kml>`;
      const expected = parseRegistryGeojson(kml, { file: "danh-sach.kml" });
      assert(expected.items.length === 3 && expected.report.rejected === 0, "the domain should read three listed points from the KML");
      const { page } = await environment.newPage();
      await openTracking(page, environment);
      await page.setInputFiles('[data-testid="registry-input"]', {
        name: "danh-sach.kml",
        mimeType: "application/vnd.google-earth.kml+xml",
        buffer: Buffer.from(kml, "utf8"),
      });
      await page.waitForSelector('[data-testid="registry-report"]', { timeout: TIMEOUT });
      assert(
        (await page.textContent('[data-testid="registry-report"] [data-testid="report-accepted"]'))?.trim() === String(expected.items.length),
        "rows accepted",
      );
      await waitForNumber(page, "dashboard-listed", 3);
      const ids = await page.$$eval('[data-testid="registry-table"] tbody tr[data-status] td:first-child', (cells) =>
        cells.map((cell) => cell.textContent ?? ""),
      );
      assert(
        JSON.stringify([...ids].sort()) === JSON.stringify(expected.items.map((item) => item.id).sort()),
        `the table lists the KML's points: ${JSON.stringify(ids)}`,
      );
    },
  },
  {
    name: "tracking: a carrier sees only its points with days left (overdue negative, highlighted); the department disputes in bulk only with a reason",
    async run(environment) {
      const model = sampleTracking(environment.root);
      const today = todayInVietnam();
      const overdue = model.registry.find(
        (point) => point.deadline !== null && point.deadline < today && !["on_air", "verified", "infeasible_accepted"].includes(model.states[point.id].status),
      );
      assert(overdue, "the sample should have an overdue point");
      const carrier = overdue.carrier;
      const own = model.registry.filter((point) => point.carrier === carrier);
      const { page } = await environment.newPage();
      await openTracking(page, environment);
      await waitForNumber(page, "dashboard-listed", model.summary.listed);
      await page.selectOption('[data-testid="role-select"]', `carrier:${carrier}`);
      await waitForNumber(page, "dashboard-listed", own.length);
      const ids = await page.$$eval('[data-testid="registry-table"] tbody tr[data-status]', (rows) =>
        rows.map((row) => row.getAttribute("data-testid")?.replace("registry-row-", "")),
      );
      assert(JSON.stringify(ids) === JSON.stringify(own.map((point) => point.id)), `the carrier should see only its ${own.length} points`);
      const daysLeft = (Date.parse(`${overdue.deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000;
      const shown = (await page.textContent(`[data-testid="days-left-${overdue.id}"] strong`))?.trim();
      assert(shown === String(daysLeft), `days left of ${overdue.id}: expected ${daysLeft}, saw ${shown}`);
      assert(
        (await page.getAttribute(`[data-testid="registry-row-${overdue.id}"]`, "class"))?.includes("tracking-overdue"),
        "an overdue row should be highlighted",
      );

      // The department disputes two on_air claims at once; without a reason it is refused.
      await page.selectOption('[data-testid="role-select"]', "department");
      const claims = model.registry.filter((point) => model.states[point.id].status === "on_air").slice(0, 2);
      assert(claims.length === 2, "the sample should have two on_air claims");
      for (const point of claims) await page.check(`[data-testid="claim-${point.id}"]`);
      await page.click('[data-testid="dispute-selected"]');
      await page.waitForSelector('[data-testid="claims"] [role="alert"]', { timeout: TIMEOUT });
      for (const point of claims)
        assert((await page.getAttribute(`[data-testid="registry-row-${point.id}"]`, "data-status")) === "on_air", "nothing should change without a reason");
      await page.fill('[data-testid="decision-reason"]', "Đo kiểm tại chỗ không có sóng 4G");
      await page.click('[data-testid="dispute-selected"]');
      for (const point of claims) {
        await page.waitForFunction((id) => document.querySelector(`[data-testid="registry-row-${id}"]`)?.getAttribute("data-status") === "disputed", point.id, {
          timeout: TIMEOUT,
        });
      }
      await waitForNumber(page, "dashboard-covered", model.summary.covered - 2);
    },
  },
  {
    name: "tracking: when the browser cannot store data, the view says so, keeps working in memory and offers the backup",
    async run(environment) {
      const model = sampleTracking(environment.root);
      const { page } = await environment.newPage({ noIndexedDb: true });
      await openTracking(page, environment);
      await waitForNumber(page, "dashboard-listed", model.summary.listed);
      await page.waitForSelector('[data-testid="storage-error"]', { timeout: TIMEOUT });
      assert(((await page.textContent('[data-testid="storage-error"]')) ?? "").includes("IndexedDB"), "the banner names the storage problem");
      const updates = readFileSync(join(environment.root, "data/sample/updates-viettel.csv"));
      const expected = parseUpdatesCsv(updates, {
        file: "updates-viettel.csv",
        registry: model.registry,
        events: sampleEvents(environment.root),
        today: todayInVietnam(),
      });
      const covered = trackingSummary(
        model.registry,
        replay(model.registry, [...sampleEvents(environment.root), ...expected.events], todayInVietnam()).states,
        todayInVietnam(),
      ).covered;
      await page.setInputFiles('[data-testid="updates-input"]', { name: "updates-viettel.csv", mimeType: "text/csv", buffer: updates });
      await waitForNumber(page, "dashboard-covered", covered);
      const backup = await downloadOf(page, "storage-backup");
      const restored = JSON.parse(backup.text) as { events: unknown[] };
      assert(restored.events.length === sampleEvents(environment.root).length + expected.events.length, "the backup should hold the changes kept in memory");
    },
  },
  {
    name: "tracking: English labels, as-of replay and the overdue list (English screenshot)",
    async run(environment) {
      const model = sampleTracking(environment.root);
      const { page } = await environment.newPage();
      await openTracking(page, environment, "&lang=en");
      await waitForNumber(page, "dashboard-listed", model.summary.listed);
      assert((await page.textContent('[data-testid="view-progress"]'))?.includes("Listed dead zones"), "the switch should be in English");
      await page.waitForTimeout(1500);
      await page.screenshot({ path: join(environment.artifacts, "progress-en.png"), fullPage: false });
      // As of an early day: the replay shows fewer covered points than today.
      const registry = model.registry;
      const events = readSampleEvents(JSON.parse(readFileSync(join(environment.root, "data/sample/events.json"), "utf8"))).events;
      const early = [...events].sort((a, b) => (a.date < b.date ? -1 : 1))[Math.floor(events.length / 2)].date;
      const expected = trackingSummary(registry, replay(registry, events, early).states, early);
      await page.fill('[data-testid="asof-input"]', early);
      await waitForNumber(page, "dashboard-covered", expected.covered);
      await waitForNumber(page, "dashboard-overdue", expected.overdue);
      assert(await page.isVisible('[data-testid="asof-note"]'), "the as-of note should say a past day is shown");
      await page.click('[data-testid="asof-clear"]');
      await waitForNumber(page, "dashboard-covered", model.summary.covered);
      const overdueRows = await page.$$eval('[data-testid="overdue-table"] tbody tr', (rows) => rows.length);
      assert(overdueRows === model.summary.overdue, `overdue list rows ${overdueRows} vs ${model.summary.overdue}`);
    },
  },
];
