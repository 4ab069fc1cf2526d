/**
 * Evidence photos end to end: a carrier on a phone attaches a generated PNG to an "on air" claim (a HEIC and
 * an oversized photo are refused, naming the file), exports the evidence packet (.zip: update file + photo +
 * manifest, checked in Node); a department in a fresh browser imports the packet, sees the thumbnail in the
 * point's history and opens it full size. Then a department on a phone imports a packet built in Node with a
 * missing and a damaged photo: both are reported on their rows, the changes are still taken.
 */
import { copyFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { parseRegistryCsv, replay, type ListedPoint, type TrackingStates } from "../../src/domain/index.ts";
import { sha256Hex } from "../../src/domain/hash/sha256.ts";
import { buildEvidencePacket, readEvidencePacket } from "../../src/domain/tracking/evidence_packet.ts";
import { createStatusEvent, type PhotoRef } from "../../src/domain/tracking/events.ts";
import { makePng } from "../../src/testing/photos.ts";
import { parseUpdatesCsv, writeUpdatesCsv } from "../../src/domain/tracking/updates.ts";
import { readSampleEvents } from "../../src/app/tracking/sample_events.ts";
import type { PageOptions, Spec, SpecEnvironment } from "./specs.ts";
import { assert, todayInVietnam } from "./assert.ts";

const TIMEOUT = 45_000;
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } satisfies PageOptions;
const TABLET = { viewport: { width: 768, height: 1024 }, isMobile: true, hasTouch: true } satisfies PageOptions;

/** The sample registry and its state today, as the app loads them on first start. */
function sampleTracking(root: string): { registry: ListedPoint[]; states: TrackingStates } {
  const registry = parseRegistryCsv(readFileSync(join(root, "data/sample/dead_zones.csv")), { file: "dead_zones.csv" }).items;
  const { events } = readSampleEvents(JSON.parse(readFileSync(join(root, "data/sample/events.json"), "utf8")));
  return { registry, states: replay(registry, events, todayInVietnam()).states };
}

/** Points their carrier can still move to on_air. */
function openPoints(root: string): ListedPoint[] {
  const { registry, states } = sampleTracking(root);
  const open = registry.filter((point) => ["not_started", "planned", "under_construction"].includes(states[point.id].status));
  assert(open.length >= 2, "the sample should have two points not yet on air");
  return open;
}

async function openTracking(page: Page, environment: SpecEnvironment): Promise<void> {
  await page.goto(`${environment.baseUrl}?view=progress`);
  await page.waitForSelector('[data-testid="dashboard-listed"]', { timeout: TIMEOUT });
}

/** Waits for an <img> to be decoded and returns its natural size. */
async function imageSize(page: Page, selector: string): Promise<{ width: number; height: number }> {
  await page.waitForFunction(
    (css) => {
      const image = document.querySelector(css) as HTMLImageElement | null;
      return image !== null && image.complete && image.naturalWidth > 0;
    },
    selector,
    { timeout: TIMEOUT },
  );
  return page.$eval(selector, (image) => ({ width: (image as HTMLImageElement).naturalWidth, height: (image as HTMLImageElement).naturalHeight }));
}

/** The smallest height and width of the visible elements matched (touch targets). */
async function smallestBox(page: Page, selector: string): Promise<number> {
  return page.$$eval(selector, (elements) =>
    Math.min(
      ...elements
        .map((element) => element.getBoundingClientRect())
        .filter((box) => box.width > 0 && box.height > 0)
        .map((box) => Math.min(box.width, box.height)),
    ),
  );
}

export const EVIDENCE_SPECS: Spec[] = [
  {
    name: "evidence: a carrier on a phone attaches a PNG, exports the .zip packet; a department (fresh browser) imports it and opens the thumbnail full size",
    async run(environment) {
      const point = openPoints(environment.root)[0];
      const today = todayInVietnam();
      const png = Buffer.from(makePng(320, 240, [20, 110, 190]));
      const hash = sha256Hex(png);

      // The carrier, on a phone.
      const carrier = (await environment.newPage(PHONE)).page;
      await openTracking(carrier, environment);
      await carrier.selectOption('[data-testid="role-select"]', `carrier:${point.carrier}`);
      await carrier.click(`[data-testid="update-${point.id}"]`);
      await carrier.selectOption('[data-testid="form-status"]', "on_air");
      await carrier.selectOption('[data-testid="form-technology"]', "4G");
      await carrier.fill('[data-testid="form-evidence"]', "Đo kiểm tại điểm, ảnh trạm");
      // The camera input exists (capture) and both pickers are at least 44 px on the phone.
      assert(
        (await carrier.getAttribute('[data-testid="form-photo-capture"]', "capture")) === "environment",
        "the camera picker should ask for the back camera",
      );
      const pickerSize = await smallestBox(carrier, ".evidence-pick .button-like");
      assert(pickerSize >= 44, `the photo pickers should be at least 44 px on a phone, got ${pickerSize}`);
      // A HEIC and a 6 MB PNG are refused, each named with its reason; the good PNG is attached.
      const oversized = Buffer.alloc(6 * 1_048_576);
      png.copy(oversized);
      await carrier.setInputFiles('[data-testid="form-photo-files"]', [
        { name: "IMG_0001.HEIC", mimeType: "image/heic", buffer: Buffer.from("\u0000\u0000\u0000\u0018ftypheic", "binary") },
        { name: "qua-lon.png", mimeType: "image/png", buffer: oversized },
        { name: "tram-bts.png", mimeType: "image/png", buffer: png },
      ]);
      await carrier.waitForSelector('[data-testid="form-photos"] img', { timeout: TIMEOUT });
      const problems = (await carrier.textContent('[data-testid="form-photo-problems"]')) ?? "";
      assert(
        problems.includes("IMG_0001.HEIC: ảnh HEIC") && problems.includes("qua-lon.png: ảnh 6.0 MB, quá giới hạn 5.0 MB"),
        `the refusals should name the files and the reasons: ${problems}`,
      );
      assert((await carrier.$$('[data-testid="form-photos"] li')).length === 1, "one photo should be attached");
      const removeSize = await smallestBox(carrier, '[data-testid="form-photo-remove"]');
      assert(removeSize >= 44, `the remove button should be at least 44 px on a phone, got ${removeSize}`);
      await imageSize(carrier, '[data-testid="form-photos"] img');
      await carrier.locator('[data-testid="status-form"]').screenshot({ path: join(environment.artifacts, "evidence-phone-form.png") });
      const formOverflow = await carrier.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert(formOverflow <= 0, `the status form should fit the phone's width, overflow ${formOverflow} px`);
      await carrier.click('[data-testid="form-submit"]');
      await carrier.waitForFunction((id) => document.querySelector(`[data-testid="registry-row-${id}"]`)?.getAttribute("data-status") === "on_air", point.id, {
        timeout: TIMEOUT,
      });
      assert(await carrier.isChecked('[data-testid="export-with-photos"]'), "the packet export should be chosen when the changes carry photos");
      const [download] = await Promise.all([carrier.waitForEvent("download", { timeout: TIMEOUT }), carrier.click('[data-testid="export-updates-csv"]')]);
      const name = download.suggestedFilename();
      assert(name === `cap-nhat-${point.carrier.toLowerCase()}-${today}.zip`, `packet name: ${name}`);
      const zip = new Uint8Array(readFileSync(await download.path()));

      // In Node: the packet holds the update file (the CSV as before, plus the photos column) and the photo, verified.
      const packet = readEvidencePacket(name, zip);
      assert(packet.ok, `the packet should read in Node: ${packet.ok ? "" : packet.error.en}`);
      assert(packet.value.photos.size === 1 && packet.value.photos.has(hash), "the packet should hold the PNG under its SHA-256");
      assert(Buffer.from(packet.value.photos.get(hash)!.bytes).equals(png), "the photo in the packet should be byte for byte the one attached");
      const csv = new TextDecoder().decode(packet.value.updates.bytes);
      assert(
        csv.startsWith("point_id,carrier,status,date,technology,evidence,note,download_mbps,upload_mbps,signal_dbm,photo,photos"),
        `update file header: ${csv.slice(0, 120)}`,
      );
      const rows = parseUpdatesCsv(packet.value.updates.bytes, { file: name, registry: sampleTracking(environment.root).registry, events: [], today });
      assert(rows.events.length === 1 && rows.events[0].evidence?.photos?.[0]?.hash === hash, "the update file's row should name the photo");

      // The department, in a fresh browser (no photo of its own), imports the packet.
      const department = (await environment.newPage()).page;
      await openTracking(department, environment);
      await department.setInputFiles('[data-testid="updates-input"]', { name, mimeType: "application/zip", buffer: Buffer.from(zip) });
      await department.waitForSelector('[data-testid="updates-summary"]', { timeout: TIMEOUT });
      const summary = (await department.textContent('[data-testid="updates-summary"]')) ?? "";
      assert(summary.startsWith("1 mới"), `summary: ${summary}`);
      const read = Number(await department.textContent('[data-testid="report-read"]'));
      const accepted = Number(await department.textContent('[data-testid="report-accepted"]'));
      const rejected = Number(await department.textContent('[data-testid="report-rejected"]'));
      assert(read === accepted + rejected && accepted === 1, `read ${read} = accepted ${accepted} + rejected ${rejected}`);
      const claims = (await department.textContent('[data-testid="claims-table"]')) ?? "";
      assert(claims.includes("📷 1 ảnh"), "the claims table should say the claim has a photo");
      await department.click(`[data-testid="history-${point.id}"]`);
      const thumb = `[data-testid="history-photo-${hash.slice(0, 12)}"] img`;
      const thumbSize = await imageSize(department, thumb);
      assert(thumbSize.width === 320 && thumbSize.height === 240, `the thumbnail should be the PNG itself, got ${JSON.stringify(thumbSize)}`);
      assert(((await department.getAttribute(thumb, "src")) ?? "").startsWith("blob:"), "the thumbnail should be an object URL");
      await department.locator('[data-testid="point-history"]').scrollIntoViewIfNeeded();
      await department.locator('[data-testid="point-history"]').screenshot({ path: join(environment.artifacts, "evidence-history.png") });
      await department.click(`[data-testid="history-photo-${hash.slice(0, 12)}"]`);
      const full = await imageSize(department, '[data-testid="photo-viewer-image"]');
      assert(full.width === 320, `the viewer should show the photo full size, got ${JSON.stringify(full)}`);
      const shown = await department.$eval('[data-testid="photo-viewer-image"]', (image) => image.getBoundingClientRect().width);
      assert(shown >= 320, `the viewer should show the photo at least at its own size on a desktop, got ${shown} px`);
      await department.screenshot({ path: join(environment.artifacts, "evidence-viewer.png") });
      await department.keyboard.press("Escape");
      await department.waitForSelector('[data-testid="photo-viewer"]', { state: "detached", timeout: TIMEOUT });

      // After a reload the photo is still there (stored in IndexedDB).
      await department.waitForSelector('[data-testid="progress-view-page"][data-saving="false"]', { timeout: TIMEOUT });
      await department.reload();
      await department.waitForSelector('[data-testid="dashboard-listed"]', { timeout: TIMEOUT });
      await department.click(`[data-testid="history-${point.id}"]`);
      await imageSize(department, thumb);
      const note = (await department.textContent('[data-testid="backup-photo-note"]')) ?? "";
      assert(note.includes("không gồm chính các ảnh (1 ảnh"), `the backup note should say the photos are left out: ${note}`);
      // Thumbnails and the viewer load object URLs under the shipped CSP (img-src allows blob:): nothing refused.
      for (const page of [carrier, department]) {
        const refused = await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
        assert(refused.length === 0, `no CSP violation expected, got ${refused.join("; ")}`);
      }
      if (process.env.E2E_UPDATE_DOCS === "1")
        copyFileSync(join(environment.artifacts, "evidence-history.png"), join(environment.root, "docs/screenshot-evidence.png"));
    },
  },
  ...(
    [
      ["phone", PHONE],
      ["tablet", TABLET],
    ] as const
  ).map(([device, options]): Spec => ({
    name: `evidence: a department on a ${device} imports a packet with a missing and a damaged photo (reported per row, changes kept) and sees the good thumbnail`,
    async run(environment) {
      const [first, second] = openPoints(environment.root);
      const today = todayInVietnam();
      const photo = (name: string, rgb: [number, number, number]) => {
        const bytes = makePng(200, 150, rgb);
        const ref: PhotoRef = { hash: sha256Hex(bytes), name, size: bytes.length, type: "image/png" };
        return { ref, bytes };
      };
      const good = photo("tot.png", [30, 160, 60]);
      const damaged = photo("hong.png", [200, 60, 30]);
      const missing = photo("thieu.png", [60, 30, 200]);
      const actor = (point: ListedPoint) => ({ role: "carrier", carrier: point.carrier }) as const;
      const events = [
        createStatusEvent({
          pointId: first.id,
          status: "on_air",
          date: today,
          actor: actor(first),
          technology: "4G",
          evidence: { photos: [good.ref, damaged.ref] },
        }),
        createStatusEvent({ pointId: second.id, status: "on_air", date: today, actor: actor(second), technology: "4G", evidence: { photos: [missing.ref] } }),
      ];
      const broken = damaged.bytes.slice();
      broken[broken.length - 30] ^= 0xff;
      const zip = buildEvidencePacket({
        updateFile: { name: "cap-nhat.csv", content: writeUpdatesCsv(events) },
        photos: [good, { ref: damaged.ref, bytes: broken }],
      });

      const { page } = await environment.newPage(options);
      const width = options.viewport.width;
      await openTracking(page, environment);
      await page.setInputFiles('[data-testid="updates-input"]', { name: "goi-anh.zip", mimeType: "application/zip", buffer: Buffer.from(zip) });
      await page.waitForSelector('[data-testid="updates-summary"]', { timeout: TIMEOUT });
      const summary = (await page.textContent('[data-testid="updates-summary"]')) ?? "";
      assert(summary.startsWith("2 mới"), `both changes should be taken: ${summary}`);
      const issues = (await page.textContent('[data-testid="report-issues"]')) ?? "";
      assert(
        issues.includes("hong.png không khớp mã băm") && issues.includes("thieu.png không có trong gói"),
        `the damaged and missing photos should be reported: ${issues}`,
      );
      const rowsOfIssues = await page.$$eval('[data-testid="report-issues"] tbody tr', (rows) => rows.map((row) => row.textContent ?? ""));
      assert(
        rowsOfIssues.some((row) => row.includes("dòng 1") && row.includes("hong.png")) &&
          rowsOfIssues.some((row) => row.includes("dòng 2") && row.includes("thieu.png")),
        `each photo problem should be on its row: ${rowsOfIssues.join(" | ")}`,
      );
      await page.click(`[data-testid="history-${first.id}"]`);
      const size = await imageSize(page, `[data-testid="history-photo-${good.ref.hash.slice(0, 12)}"] img`);
      assert(size.width === 200, `the good photo should show, got ${JSON.stringify(size)}`);
      const missingText = (await page.textContent('[data-testid="point-history"] [data-testid="history-photo-missing"]')) ?? "";
      assert(missingText.includes("hong.png"), `the damaged photo should be shown as not here: ${missingText}`);
      const target = await smallestBox(page, '[data-testid="point-history"] .evidence-thumb');
      assert(target >= 44, `a thumbnail should be a touch target of at least 44 px, got ${target}`);
      await page.tap(`[data-testid="history-photo-${good.ref.hash.slice(0, 12)}"]`);
      await imageSize(page, '[data-testid="photo-viewer-image"]');
      const box = await page.$eval('[data-testid="photo-viewer-image"]', (image) => image.getBoundingClientRect().right);
      assert(box <= width, `the full-size photo should fit the ${device}'s width, right edge at ${box}`);
      const close = await smallestBox(page, '[data-testid="photo-viewer-close"]');
      assert(close >= 44, `the viewer's close button should be at least 44 px, got ${close}`);
      await page.screenshot({ path: join(environment.artifacts, `evidence-${device}-viewer.png`) });
      await page.tap('[data-testid="photo-viewer-close"]');
      await page.waitForSelector('[data-testid="photo-viewer"]', { state: "detached", timeout: TIMEOUT });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert(overflow <= 0, `the page should not scroll sideways on a ${device}, overflow ${overflow} px`);
    },
  })),
];
