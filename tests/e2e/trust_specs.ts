/**
 * Nothing a user recorded is lost, and nothing crashes (issue 9), in the browser: two tabs recording
 * decisions, a restore that shows what it changes and asks first (cancel, merge, replace with an automatic
 * backup), a long registry read in the worker with a cancel button, the warning before closing a tab with an
 * unsaved change, and the import panel's sample ids, queue, counts and binary files.
 * Expected figures come from the domain run in Node on the same files.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import type { ListedPoint, StatusEvent } from "../../src/domain/index.ts";
import { sampleTracking, type SampleTracking } from "./sample_tracking.ts";
import type { Spec, SpecEnvironment } from "./specs.ts";
import { AssertionError, assert, assertEqual } from "./assert.ts";

const TIMEOUT = 60_000;

/** Two on-air claims of the sample, for two decisions. */
function twoClaims(model: SampleTracking): [ListedPoint, ListedPoint] {
  const claims = model.registry.filter((point) => model.states[point.id].status === "on_air");
  assert(claims.length >= 2, "the sample should have two on-air claims");
  return [claims[0], claims[1]];
}

async function openTracking(page: Page, environment: SpecEnvironment, query = ""): Promise<void> {
  await page.goto(`${environment.baseUrl}?view=progress${query}`);
  await page.waitForSelector('[data-testid="dashboard-listed"]', { timeout: TIMEOUT });
}

async function waitForSaved(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid="progress-view-page"][data-saving="false"]', { timeout: TIMEOUT });
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

async function waitForStatus(page: Page, pointId: string, status: string): Promise<void> {
  await page
    .waitForFunction(
      ([id, value]) => document.querySelector(`[data-testid="registry-row-${id}"]`)?.getAttribute("data-status") === value,
      [pointId, status] as const,
      { timeout: TIMEOUT },
    )
    .catch(async () => {
      throw new AssertionError(`${pointId}: expected ${status}, got ${await page.getAttribute(`[data-testid="registry-row-${pointId}"]`, "data-status")}`);
    });
}

async function waitForNotice(page: Page, text: string): Promise<void> {
  await page
    .waitForFunction(
      (wanted) => [...document.querySelectorAll('[data-testid^="tracking-notice-"]')].some((notice) => notice.textContent?.includes(wanted)),
      text,
      { timeout: TIMEOUT },
    )
    .catch(async () => {
      throw new AssertionError(
        `no notice "${text}"; notices: ${await page.$$eval('[data-testid^="tracking-notice-"]', (notices) => notices.map((notice) => notice.textContent).join(" | "))}`,
      );
    });
}

async function downloadText(page: Page, selector: string): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent("download", { timeout: TIMEOUT }), page.click(selector)]);
  return { name: download.suggestedFilename(), text: readFileSync(await download.path(), "utf8") };
}

async function restoreFile(page: Page, name: string, text: string): Promise<void> {
  await page.setInputFiles('[data-testid="restore-input"]', { name, mimeType: "application/json", buffer: Buffer.from(text, "utf8") });
}

/** Whether the page would ask before closing now (a synthetic beforeunload, as the browser sends). */
async function asksBeforeClosing(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const event = new Event("beforeunload", { cancelable: true });
    window.dispatchEvent(event);
    return event.defaultPrevented;
  });
}

async function openImportTab(page: Page, environment: SpecEnvironment, query = ""): Promise<void> {
  await page.goto(`${environment.baseUrl}${query}`);
  await page.waitForSelector('[data-testid="uncovered-count"]', { timeout: TIMEOUT });
  await page.click('[data-testid="tab-import"]');
}

async function loadedFiles(page: Page): Promise<string[]> {
  return page.$$eval('[data-testid="loaded-files"] li span', (spans) => spans.map((span) => (span.textContent ?? "").split(" — ")[0]));
}

/** A point list of `count` points in northern Viet Nam, ids not on the dead-zone list. */
function pointsCsv(count: number, prefix: string): string {
  const lines = ["id,name,kind,lon,lat"];
  for (let i = 0; i < count; i++)
    lines.push(`${prefix}-${i},Điểm ${i},village,${(103.5 + (i % 997) * 0.0025).toFixed(5)},${(21.2 + Math.floor(i / 997) * 0.0025).toFixed(5)}`);
  return `${lines.join("\n")}\n`;
}

export const TRUST_SPECS: Spec[] = [
  {
    name: "trust: two tabs each record a decision; each tab is told and updated, and both decisions are there after a reload in either tab",
    async run(environment) {
      const model = sampleTracking(environment.root);
      const [first, second] = twoClaims(model);
      const { context, page: tabA } = await environment.newPage();
      await openTracking(tabA, environment);
      await waitForSaved(tabA);
      const tabB = await context.newPage();
      await openTracking(tabB, environment);
      await waitForSaved(tabB);

      // Tab A verifies one claim; tab B is told and shows it.
      await tabA.check(`[data-testid="claim-${first.id}"]`);
      await tabA.click('[data-testid="verify-selected"]');
      await waitForStatus(tabA, first.id, "verified");
      await waitForNotice(tabB, "Một thẻ khác vừa ghi 1 thay đổi; đã cập nhật");
      await waitForStatus(tabB, first.id, "verified");

      // Tab B, which never reloaded, disputes another claim; tab A is told and shows it.
      await tabB.check(`[data-testid="claim-${second.id}"]`);
      await tabB.fill('[data-testid="decision-reason"]', "Đo kiểm tại chỗ không có sóng");
      await tabB.click('[data-testid="dispute-selected"]');
      await waitForStatus(tabB, second.id, "disputed");
      await waitForStatus(tabB, first.id, "verified");
      await waitForNotice(tabA, "Một thẻ khác vừa ghi 1 thay đổi; đã cập nhật");
      await waitForStatus(tabA, second.id, "disputed");
      await waitForSaved(tabA);
      await waitForSaved(tabB);

      // Both decisions survive a reload of either tab.
      for (const tab of [tabA, tabB]) {
        await tab.reload();
        await tab.waitForSelector('[data-testid="dashboard-listed"]', { timeout: TIMEOUT });
        await waitForStatus(tab, first.id, "verified");
        await waitForStatus(tab, second.id, "disputed");
        await waitForNumber(tab, "dashboard-verified", model.summary.verified + 1);
      }
      await tabB.screenshot({ path: join(environment.artifacts, "trust-two-tabs.png"), fullPage: false });
    },
  },
  {
    name: "trust: restore shows what it changes and asks first; cancel changes nothing; merge keeps later decisions; replace keeps an automatic backup",
    async run(environment) {
      const model = sampleTracking(environment.root);
      const [claim] = twoClaims(model);
      const { page } = await environment.newPage();
      await openTracking(page, environment);
      await waitForNumber(page, "dashboard-listed", model.registry.length);
      await waitForSaved(page);
      // A backup taken before a later decision.
      const older = await downloadText(page, '[data-testid="backup-download"]');
      await page.check(`[data-testid="claim-${claim.id}"]`);
      await page.click('[data-testid="verify-selected"]');
      await waitForNumber(page, "dashboard-verified", model.summary.verified + 1);
      await waitForSaved(page);

      // The older backup: the dialog says the verification would be removed, and nothing changes yet.
      await restoreFile(page, older.name, older.text);
      await page.waitForSelector('[data-testid="restore-dialog"]', { timeout: TIMEOUT });
      const events = (await page.textContent('[data-testid="restore-replace-events"]')) ?? "";
      assert(events.includes("thêm 0, xoá 1"), `the dialog should say one event would be removed: ${events}`);
      const removed = (await page.textContent('[data-testid="restore-removed-events"]')) ?? "";
      assert(removed.includes(claim.id) && removed.includes("đã xác minh"), `the removed event is named: ${removed}`);
      assert(((await page.textContent('[data-testid="restore-merge-summary"]')) ?? "").includes("Thêm 0 điểm và 0 sự kiện"), "a merge adds nothing");
      await page.screenshot({ path: join(environment.artifacts, "trust-restore-dialog.png"), fullPage: false });
      await waitForNumber(page, "dashboard-verified", model.summary.verified + 1);

      // Cancel: nothing changes.
      await page.click('[data-testid="restore-cancel"]');
      await page.waitForSelector('[data-testid="restore-dialog"]', { state: "detached", timeout: TIMEOUT });
      await waitForNotice(page, "Đã huỷ khôi phục");
      await waitForNumber(page, "dashboard-verified", model.summary.verified + 1);

      // Merge: the later decision is kept.
      await restoreFile(page, older.name, older.text);
      await page.click('[data-testid="restore-merge"]');
      await waitForNotice(page, "Đã gộp bản sao lưu");
      await waitForNumber(page, "dashboard-verified", model.summary.verified + 1);
      await waitForStatus(page, claim.id, "verified");

      // An empty 4-field backup: the dialog says every point and event would go; replace keeps an automatic backup.
      const empty = JSON.stringify({ format: "lom-song-backup", version: 1, createdAt: "2026-01-01T00:00:00.000Z", registry: [], events: [] });
      await restoreFile(page, "rong.json", empty);
      await page.waitForSelector('[data-testid="restore-loses"]', { timeout: TIMEOUT });
      const points = (await page.textContent('[data-testid="restore-replace-points"]')) ?? "";
      assert(points.includes(`xoá ${model.registry.length}`), `the dialog should say ${model.registry.length} points would be removed: ${points}`);
      await page.click('[data-testid="restore-replace"]');
      await waitForNumber(page, "dashboard-listed", 0);
      await waitForSaved(page);
      await page.waitForSelector('[data-testid="auto-backups"]', { timeout: TIMEOUT });
      assert(
        ((await page.textContent('[data-testid="auto-backups"]')) ?? "").includes("Bản sao lưu tự động trước khi khôi phục"),
        "the automatic backup is offered",
      );
      // It survives a reload and holds what was replaced, the later decision included.
      await page.reload();
      await page.waitForSelector('[data-testid="auto-backups"]', { timeout: TIMEOUT });
      const auto = await downloadText(page, '[data-testid="auto-backup-download"]');
      const kept = JSON.parse(auto.text) as { registry: unknown[]; events: StatusEvent[] };
      assert(kept.registry.length === model.registry.length, `the automatic backup holds ${model.registry.length} points, got ${kept.registry.length}`);
      assert(
        kept.events.some((event) => event.pointId === claim.id && event.status === "verified"),
        "the automatic backup holds the later verification",
      );

      // Restoring the automatic backup brings everything back.
      await restoreFile(page, auto.name, auto.text);
      await page.click('[data-testid="restore-replace"]');
      await waitForNumber(page, "dashboard-listed", model.registry.length);
      await waitForNumber(page, "dashboard-verified", model.summary.verified + 1);

      // A backup of an unknown version says so (no dialog, nothing changes).
      await restoreFile(
        page,
        "am.json",
        JSON.stringify({ format: "lom-song-backup", version: -1, createdAt: "2026-01-01T00:00:00.000Z", registry: [], events: [] }),
      );
      await waitForNotice(page, "phiên bản không rõ (-1)");
      assert(!(await page.isVisible('[data-testid="restore-dialog"]')), "no dialog for an unreadable backup");
      await waitForNumber(page, "dashboard-listed", model.registry.length);
    },
  },
  {
    name: "trust: a 100,000-row list is read in the worker with a progress line; cancelling keeps the list, and the next list is read",
    async run(environment) {
      const model = sampleTracking(environment.root);
      const { page } = await environment.newPage();
      await openTracking(page, environment);
      await waitForNumber(page, "dashboard-listed", model.registry.length);
      const lines = ["id,name,lon,lat,carrier,deadline"];
      for (let i = 0; i < 100_000; i++)
        lines.push(`BIG-${i},Bản ${i},${(103 + (i % 1000) * 0.003).toFixed(4)},${(21 + Math.floor(i / 1000) * 0.003).toFixed(4)},Viettel,2027-06-30`);
      // The reading line is recorded, and its cancel button pressed, the moment it appears (the worker is still
      // reading 100,000 rows then): a mutation observer in the page, not a race with the test.
      await page.evaluate(() => {
        const scope = window as unknown as { __parsing?: { text: string; bars: number } };
        const observer = new MutationObserver(() => {
          const line = document.querySelector('[data-testid="registry-parsing"]');
          const cancel = line?.querySelector<HTMLButtonElement>('[data-testid="registry-parsing-cancel"]');
          if (!line || !cancel) return;
          observer.disconnect();
          scope.__parsing = { text: line.textContent ?? "", bars: line.querySelectorAll("progress").length };
          cancel.click();
        });
        observer.observe(document.body, { childList: true, subtree: true });
      });
      await page.setInputFiles('[data-testid="registry-input"]', { name: "ca-nuoc.csv", mimeType: "text/csv", buffer: Buffer.from(lines.join("\n"), "utf8") });
      await page.waitForFunction(() => (window as unknown as { __parsing?: unknown }).__parsing !== undefined, undefined, { timeout: TIMEOUT });
      const seen = await page.evaluate(() => (window as unknown as { __parsing: { text: string; bars: number } }).__parsing);
      assert(seen.text.includes("ca-nuoc.csv"), `the reading line names the file: ${seen.text}`);
      assert(seen.bars === 1, "a progress bar is shown");
      await waitForNotice(page, "Đã dừng đọc ca-nuoc.csv");
      await page.waitForSelector('[data-testid="registry-parsing"]', { state: "detached", timeout: TIMEOUT });
      await waitForNumber(page, "dashboard-listed", model.registry.length);
      // After a cancel, the next list is read (by the same worker, once it has dropped the cancelled read).
      const small = ["id,name,lon,lat,carrier,deadline", "NHO-1,Bản Nhỏ,104.1,22.3,VNPT,2027-06-30", "NHO-2,Bản Nhỏ 2,104.2,22.4,Viettel,2027-06-30"].join(
        "\n",
      );
      await page.setInputFiles('[data-testid="registry-input"]', { name: "nho.csv", mimeType: "text/csv", buffer: Buffer.from(small, "utf8") });
      await waitForNumber(page, "dashboard-listed", 2);
    },
  },
  {
    name: "trust: closing the tab while a change could not be saved asks first; not when everything is saved",
    async run(environment) {
      const model = sampleTracking(environment.root);
      const [claim] = twoClaims(model);
      const saved = await environment.newPage();
      await openTracking(saved.page, environment);
      await waitForSaved(saved.page);
      await saved.page.check(`[data-testid="claim-${claim.id}"]`);
      await saved.page.click('[data-testid="verify-selected"]');
      await waitForStatus(saved.page, claim.id, "verified");
      await waitForSaved(saved.page);
      assert(!(await asksBeforeClosing(saved.page)), "nothing unsaved: no question on closing");

      const { page } = await environment.newPage({ noIndexedDb: true });
      await openTracking(page, environment);
      await page.waitForSelector('[data-testid="storage-error"]', { timeout: TIMEOUT });
      assert(!(await asksBeforeClosing(page)), "only the sample is shown, nothing recorded: no question");
      await page.check(`[data-testid="claim-${claim.id}"]`);
      await page.click('[data-testid="verify-selected"]');
      await waitForStatus(page, claim.id, "verified");
      await page.waitForSelector('[data-testid="storage-unsaved"]', { timeout: TIMEOUT });
      assert(await asksBeforeClosing(page), "an unsaved decision: the page asks before closing");
      const dialog = new Promise<string>((resolve) =>
        page.once("dialog", (shown) => {
          resolve(shown.type());
          void shown.dismiss();
        }),
      );
      await page.close({ runBeforeUnload: true });
      assert((await dialog) === "beforeunload", "the browser asks before closing the tab");
      assert(!page.isClosed(), "dismissing the question keeps the tab open");
    },
  },
  {
    name: "trust: the two sample coverage files have their own ids: removing one keeps the other, also after a reload",
    async run(environment) {
      const { page } = await environment.newPage();
      await openImportTab(page, environment);
      const before = await loadedFiles(page);
      assert(
        before.includes("coverage.geojson") && before.includes("coverage-new-sites.geojson"),
        `both sample coverage files are loaded: ${before.join(", ")}`,
      );
      await page.click('[aria-label="Gỡ coverage-new-sites.geojson"]');
      await page.waitForFunction(
        () =>
          ![...document.querySelectorAll('[data-testid="loaded-files"] li span')].some((span) => span.textContent?.startsWith("coverage-new-sites.geojson")),
        undefined,
        { timeout: TIMEOUT },
      );
      await page.waitForSelector('[data-testid="progress"]', { state: "detached", timeout: TIMEOUT });
      const after = await loadedFiles(page);
      assert(
        JSON.stringify(after) === JSON.stringify(before.filter((name) => name !== "coverage-new-sites.geojson")),
        `only the removed file goes (no stale row): ${after.join(", ")}`,
      );
      await page.reload();
      await page.waitForSelector('[data-testid="uncovered-count"]', { timeout: TIMEOUT });
      await page.click('[data-testid="tab-import"]');
      await page.waitForSelector('[data-testid="loaded-files"]', { timeout: TIMEOUT });
      const reloaded = await loadedFiles(page);
      assert(JSON.stringify(reloaded) === JSON.stringify(after), `after a reload: ${reloaded.join(", ")}`);
    },
  },
  {
    name: "trust: ?sample=none starts the dead-zone view with an empty list",
    async run(environment) {
      const { page } = await environment.newPage();
      await openTracking(page, environment, "&sample=none");
      await waitForNumber(page, "dashboard-listed", 0);
      assert(!(await page.isVisible(".tracking-sample")), "no sample note");
      // The next start without ?sample=none shows the sample (nothing was saved).
      await openTracking(page, environment);
      await waitForNumber(page, "dashboard-listed", sampleTracking(environment.root).registry.length);
    },
  },
  {
    name: "trust: the counts bar counts the loaded points on the dead-zone list, not the list",
    async run(environment) {
      const model = sampleTracking(environment.root);
      const { page } = await environment.newPage();
      await openImportTab(page, environment);
      const linked = model.registry.filter((point) => environment.sample.points.some((loaded) => loaded.id === point.pointId)).length;
      await page.waitForSelector('[data-testid="counts-listed"]', { timeout: TIMEOUT });
      const shown = (await page.textContent('[data-testid="counts-listed"]')) ?? "";
      assert(shown === `Điểm đã nạp có trong danh sách lõm sóng: ${linked}`, `counts: ${shown}`);
      // The user's own points replace the sample's: none of them is on the list.
      await page.setInputFiles('[data-testid="import-input"]', {
        name: "diem-rieng.csv",
        mimeType: "text/csv",
        buffer: Buffer.from(pointsCsv(5, "RIENG"), "utf8"),
      });
      await page.waitForSelector('[data-testid="import-preview"]', { timeout: TIMEOUT });
      await page.click('[data-testid="import-confirm"]');
      await page.waitForSelector('[data-testid="import-outcome"]', { timeout: TIMEOUT });
      await page.waitForFunction(
        () => document.querySelector('[data-testid="uncovered-count"]') !== null && document.querySelector('[data-testid="progress"]') === null,
        undefined,
        { timeout: TIMEOUT },
      );
      await page.waitForSelector('[data-testid="counts-listed"]', { state: "detached", timeout: TIMEOUT });
    },
  },
  {
    name: "trust: a file chosen while an import is analysed waits in the queue, says so, and is previewed next",
    async run(environment) {
      const { page } = await environment.newPage();
      await openImportTab(page, environment);
      await page.waitForSelector('[data-testid="progress"]', { state: "detached", timeout: TIMEOUT });
      await page.setInputFiles('[data-testid="import-input"]', {
        name: "lon.csv",
        mimeType: "text/csv",
        buffer: Buffer.from(pointsCsv(150_000, "LON"), "utf8"),
      });
      await page.waitForSelector('[data-testid="import-preview"]', { timeout: TIMEOUT });
      // The second file is chosen the moment the analysis's progress bar appears (150,000 points take far longer
      // to analyse), by a mutation observer in the page, as a person choosing it then would: no race with the test.
      await page.evaluate(
        (text) => {
          const scope = window as unknown as { __chosenWhileBusy?: boolean; __queueShown?: string };
          const observer = new MutationObserver(() => {
            if (!scope.__chosenWhileBusy && document.querySelector('[data-testid="progress"]')) {
              scope.__chosenWhileBusy = true;
              const input = document.querySelector<HTMLInputElement>('[data-testid="import-input"]')!;
              const transfer = new DataTransfer();
              transfer.items.add(new File([text], "nho.csv", { type: "text/csv" }));
              input.files = transfer.files;
              input.dispatchEvent(new Event("change", { bubbles: true }));
            }
            const queue = document.querySelector('[data-testid="import-queue"]');
            if (queue && document.querySelector('[data-testid="progress"]')) {
              scope.__queueShown = queue.textContent ?? "";
              observer.disconnect();
            }
          });
          observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        },
        pointsCsv(3, "NHO"),
      );
      await page.click('[data-testid="import-confirm"]');
      await page.waitForFunction(() => (window as unknown as { __queueShown?: string }).__queueShown !== undefined, undefined, { timeout: TIMEOUT });
      const queued = await page.evaluate(() => (window as unknown as { __queueShown: string }).__queueShown);
      assert(queued.includes("Còn 1 tệp"), `while the analysis runs, the queue says one file waits: ${queued}`);
      await page.waitForSelector('[data-testid="import-outcome"]', { timeout: TIMEOUT });
      await page
        .waitForFunction(() => document.querySelector("#import-preview-heading")?.textContent?.includes("nho.csv") === true, undefined, { timeout: TIMEOUT })
        .catch(async () => {
          throw new AssertionError(
            `the queued file should be previewed next; preview: ${await page.textContent('[data-testid="import-preview"]').catch(() => "none")}`,
          );
        });
    },
  },
  {
    name: "trust: a chosen file changed on disk before its preview is named in a clear message, and the loaded data stays",
    async run(environment) {
      const { page } = await environment.newPage();
      await openImportTab(page, environment);
      await page.waitForSelector('[data-testid="progress"]', { state: "detached", timeout: TIMEOUT });
      const before = await page.textContent('[data-testid="uncovered-count"]');
      // Two files chosen from disk: the first is previewed, the second waits. The worker reads each chosen file itself
      // (the main thread never does), so the second is read only when its turn comes, after it was saved again.
      const directory = join(environment.artifacts, "changed-on-disk");
      mkdirSync(directory, { recursive: true });
      const first = join(directory, "dau.csv");
      const second = join(directory, "sau.csv");
      writeFileSync(first, pointsCsv(3, "DAU"));
      writeFileSync(second, pointsCsv(3, "SAU"));
      await page.setInputFiles('[data-testid="import-input"]', [first, second]);
      await page.waitForFunction(() => document.querySelector("#import-preview-heading")?.textContent?.includes("dau.csv") === true, undefined, {
        timeout: TIMEOUT,
      });
      await new Promise((resolve) => setTimeout(resolve, 1100));
      writeFileSync(second, pointsCsv(5, "SAU"));
      await page.click('[data-testid="import-discard"]');
      await page.waitForSelector('[data-testid="notice-error"]', { timeout: TIMEOUT });
      const notices = await page.locator('[data-testid="notice-error"]').allTextContents();
      assert(
        notices.some((notice) => notice.includes("sau.csv") && notice.includes("Hãy chọn lại tệp")),
        `the notice names the file and says to choose it again: ${JSON.stringify(notices)}`,
      );
      assert(
        notices.every((notice) => !/\bat \S+:\d+/.test(notice)),
        `no stack trace in a notice: ${JSON.stringify(notices)}`,
      );
      assert((await page.locator('[data-testid="import-preview"]').count()) === 0, "no preview of a file that could not be read");
      assertEqual(await page.textContent('[data-testid="uncovered-count"]'), before, "the loaded data is unchanged");
    },
  },
  {
    name: "trust: a GeoTIFF is previewed as a raster coverage grid, and another binary file is named as such, never previewed as a CSV",
    async run(environment) {
      const { page } = await environment.newPage();
      await openImportTab(page, environment);
      // A TIFF is a raster coverage grid (the threshold field), not a garbled windows-1258 table.
      const tiff = Buffer.alloc(4096);
      Buffer.from([0x49, 0x49, 0x2a, 0x00, 0x08, 0x00, 0x00, 0x00]).copy(tiff);
      for (let i = 8; i < tiff.length; i++) tiff[i] = (i * 7919) % 251;
      await page.setInputFiles('[data-testid="import-input"]', { name: "vung-phu.tif", mimeType: "image/tiff", buffer: tiff });
      await page.waitForSelector('[data-testid="import-raster-threshold"]', { timeout: TIMEOUT });
      assert((await page.inputValue('[data-testid="import-kind"]')) === "coverage", "a GeoTIFF is coverage");
      assert(!(await page.isVisible('[data-testid="preview-table"]')), "no CSV table for the TIFF");
      assert(!(await page.isVisible('[data-testid="preview-encoding"]')), "no text encoding for the TIFF");
      // Any other binary file (here a PNG image) is named, and cannot be imported.
      await openImportTab(page, environment);
      const png = Buffer.alloc(2048);
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(png);
      await page.setInputFiles('[data-testid="import-input"]', { name: "anh.png", mimeType: "image/png", buffer: png });
      await page.waitForSelector('[data-testid="import-binary"]', { timeout: TIMEOUT });
      assert(((await page.textContent('[data-testid="import-binary"]')) ?? "").includes("tệp nhị phân (PNG)"), "the preview names the binary kind");
      assert(!(await page.isVisible('[data-testid="preview-table"]')), "no CSV table");
      assert(await page.isDisabled('[data-testid="import-confirm"]'), "it cannot be imported");
      await page.screenshot({ path: join(environment.artifacts, "trust-geotiff.png"), fullPage: false });
    },
  },
];
