/**
 * The printed reports as paper: each report is printed to PDF with Chromium's own print path (page.pdf, the
 * engine of the print dialog's "Save as PDF"), then the PDF is read back with poppler — pdftotext for the words
 * and the page numbers in the top margin, pdftoppm for the page images — never the page's DOM. The PNG export
 * is downloaded and decoded. Expected words come from the app's pure modules run here in Node (the official
 * header, the Viet Nam day), not copied from the app's output.
 *
 * poppler-utils is installed by .ci/run. On a bare machine without it the specs still print the PDFs and check
 * what needs no renderer — the page count read from the PDF's page objects, and the words of the print layout
 * in the page — and say plainly what they could not check.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { officialHeader } from "../../src/app/print/official_header.ts";
import { vietnamDate } from "../../src/domain/tracking/dates.ts";
import type { Spec, SpecEnvironment } from "./specs.ts";
import { AssertionError, assert } from "./assert.ts";

const TIMEOUT = 45_000;
/** A4 in PDF points, and the top margin (20 mm) where print.css puts the page number. */
const A4_WIDTH_PT = 595;
const TOP_MARGIN_PT = 56;

/** Whether poppler's tools are on this machine. */
function hasPoppler(): boolean {
  return ["pdftotext", "pdftoppm"].every((tool) => !spawnSync(tool, ["-v"], { encoding: "utf8" }).error);
}

function run(tool: string, args: string[]): string {
  const result = spawnSync(tool, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (result.error || result.status !== 0) throw new AssertionError(`${tool} ${args.join(" ")} failed: ${result.error?.message ?? result.stderr}`);
  return result.stdout;
}

/**
 * Pages of a PDF counted from its page objects (pure JS: Chromium writes them uncompressed, one `/Type /Page`
 * per page besides the one `/Type /Pages` tree).
 */
function countPdfPages(pdf: Buffer): number {
  return (pdf.toString("latin1").match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

function pageText(pdfPath: string, page: number): string {
  return run("pdftotext", ["-f", String(page), "-l", String(page), "-enc", "UTF-8", pdfPath, "-"]);
}

/** The words in the top margin of a page: where the page number is printed. */
function topMarginText(pdfPath: string, page: number): string {
  return run("pdftotext", [
    "-f",
    String(page),
    "-l",
    String(page),
    "-x",
    "0",
    "-y",
    "0",
    "-W",
    String(A4_WIDTH_PT),
    "-H",
    String(TOP_MARGIN_PT),
    "-enc",
    "UTF-8",
    pdfPath,
    "-",
  ]).trim();
}

interface PageImage {
  width: number;
  height: number;
  rgb: Buffer;
}

/** Renders one page with pdftoppm as PPM (a header and raw RGB bytes: read without a decoder). */
function renderPage(pdfPath: string, page: number, dpi: number): PageImage {
  const prefix = `${pdfPath}-p${page}`;
  run("pdftoppm", ["-r", String(dpi), "-f", String(page), "-l", String(page), "-singlefile", pdfPath, prefix]);
  const bytes = readFileSync(`${prefix}.ppm`);
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(bytes.subarray(0, 40).toString("latin1"));
  assert(header, `pdftoppm wrote no PPM for page ${page}`);
  return { width: Number(header[1]), height: Number(header[2]), rgb: bytes.subarray(header[0].length) };
}

/** Saves a page as PNG for people (the docs' screenshots). */
function pagePng(pdfPath: string, page: number, outPath: string): void {
  const prefix = outPath.replace(/\.png$/, "");
  run("pdftoppm", ["-png", "-r", "80", "-f", String(page), "-l", String(page), "-singlefile", pdfPath, prefix]);
}

/**
 * Where the map is on a page and whether it holds a picture. A map row is a pixel row mostly not paper-white
 * (the basemap's land and sea fill it edge to edge; text rows are mostly white). Within the map rows, a drawn
 * map has many colours and a spread of brightness; a blank or failed image has neither (and no map rows).
 */
function mapStats(image: PageImage): { rows: number; distinct: number; variance: number } {
  let rows = 0;
  let sum = 0;
  let squares = 0;
  let count = 0;
  const colours = new Set<number>();
  for (let y = 0; y < image.height; y++) {
    let inked = 0;
    for (let x = 0; x < image.width; x++) {
      const i = 3 * (y * image.width + x);
      if (Math.min(image.rgb[i], image.rgb[i + 1], image.rgb[i + 2]) < 245) inked++;
    }
    // The content is 165 of the page's 210 mm: "mostly" is half of that width.
    if (inked < 0.5 * (165 / 210) * image.width) continue;
    rows++;
    for (let x = 0; x < image.width; x++) {
      const i = 3 * (y * image.width + x);
      const [r, g, b] = [image.rgb[i], image.rgb[i + 1], image.rgb[i + 2]];
      const luminance = 0.299 * r + 0.587 * g + 0.114 * b;
      sum += luminance;
      squares += luminance * luminance;
      count++;
      colours.add(((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4));
    }
  }
  const mean = count > 0 ? sum / count : 0;
  return { rows, distinct: colours.size, variance: count > 0 ? squares / count - mean * mean : 0 };
}

function normalise(text: string): string {
  return text.normalize("NFC").replace(/\s+/g, " ");
}

interface PrintedReport {
  pdfPath: string;
  pages: number;
}

async function printToPdf(page: Page, environment: SpecEnvironment, name: string): Promise<PrintedReport> {
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  const pdfPath = join(environment.artifacts, `${name}.pdf`);
  writeFileSync(pdfPath, pdf);
  return { pdfPath, pages: countPdfPages(pdf) };
}

/**
 * The checks on a printed report.
 * @param report - the PDF
 * @param expected - the lines page 1 must read (from the app's pure module), and where to save page images for the docs
 * @param label - the report's name in messages
 * @returns a line saying what was measured
 */
function checkPrinted(report: PrintedReport, expected: { lines: string[]; anywhere?: string[]; docs?: string[] }, label: string): string {
  assert(report.pages >= 2, `${label}: ${report.pages} page(s) in the PDF, expected at least 2 (header, map, figures, list)`);
  if (!hasPoppler()) {
    return `${label}: ${report.pages} pages; pdftotext/pdftoppm not installed (apt-get install poppler-utils): page words, page numbers and page images not checked`;
  }
  assert(
    run("pdfinfo", [report.pdfPath]).includes(`Pages:           ${report.pages}`),
    `${label}: the pure-JS page count ${report.pages} disagrees with pdfinfo`,
  );
  const first = normalise(pageText(report.pdfPath, 1));
  for (const line of expected.lines) assert(first.includes(normalise(line)), `${label}: page 1 should read "${line}"; it reads: ${first.slice(0, 400)}`);
  const all = normalise(run("pdftotext", ["-enc", "UTF-8", report.pdfPath, "-"]));
  for (const line of expected.anywhere ?? []) assert(all.includes(normalise(line)), `${label}: the PDF should read "${line}"`);
  // Nghị định 30: the number at the top centre from page 2; page 1 has none.
  assert(topMarginText(report.pdfPath, 1) === "", `${label}: page 1 should have no page number, found "${topMarginText(report.pdfPath, 1)}"`);
  for (let page = 2; page <= report.pages; page++) {
    const number = topMarginText(report.pdfPath, page);
    assert(number === String(page), `${label}: page ${page}'s top margin should read "${page}", it reads "${number}"`);
  }
  // The map is a picture on page 1 (pdftoppm at 50 dpi is enough to see it): at least 40 mm of map rows.
  const dpi = 50;
  const map = mapStats(renderPage(report.pdfPath, 1, dpi));
  const mapMillimetres = (25.4 * map.rows) / dpi;
  assert(
    mapMillimetres >= 40 && map.distinct >= 20 && map.variance > 50,
    `${label}: no map picture on page 1: ${mapMillimetres.toFixed(0)} mm of map rows, ${map.distinct} colours, variance ${map.variance.toFixed(0)}`,
  );
  for (const [index, out] of (expected.docs ?? []).entries()) {
    const artifact = join(report.pdfPath.replace(/\.pdf$/, `-p${index + 1}.png`));
    pagePng(report.pdfPath, index + 1, artifact);
    if (process.env.E2E_UPDATE_DOCS === "1") copyFileSync(artifact, out);
  }
  return `${label}: ${report.pages} pages; map on page 1: ${mapMillimetres.toFixed(0)} mm high, ${map.distinct} colours, luminance variance ${map.variance.toFixed(0)}`;
}

/** The words of the report as laid out for print (checked with or without poppler). */
async function assertPrintedWords(page: Page, selector: string, lines: readonly string[], label: string): Promise<void> {
  await page.emulateMedia({ media: "print" });
  const text = normalise((await page.textContent(selector)) ?? "");
  for (const line of lines) assert(text.includes(normalise(line)), `${label}: the printed page should read "${line}"`);
}

async function waitForMapDrawn(page: Page, selector: string): Promise<void> {
  await page.waitForSelector(`${selector}[data-loaded="true"]`, { timeout: TIMEOUT });
  // The data and the tiles come after "load": wait until the canvas holds several colours, then one frame more.
  await page.waitForFunction(
    (css) => {
      const canvas = document.querySelector(`${css} canvas`) as HTMLCanvasElement | null;
      if (!canvas || canvas.width === 0) return false;
      const copy = document.createElement("canvas");
      copy.width = canvas.width;
      copy.height = canvas.height;
      const context = copy.getContext("2d")!;
      context.drawImage(canvas, 0, 0);
      const data = context.getImageData(0, 0, copy.width, copy.height).data;
      const colours = new Set<number>();
      for (let i = 0; i < data.length; i += 16) colours.add(((data[i] >> 4) << 8) | ((data[i + 1] >> 4) << 4) | (data[i + 2] >> 4));
      return colours.size >= 12;
    },
    selector,
    { timeout: TIMEOUT, polling: 500 },
  );
  await page.waitForTimeout(1000);
}

async function openPrintView(page: Page, environment: SpecEnvironment, query = ""): Promise<void> {
  await page.goto(`${environment.baseUrl}${query}`);
  await page.waitForSelector('[data-testid="uncovered-count"]', { timeout: TIMEOUT });
  await waitForMapDrawn(page, '[data-testid="map"]');
  await page.click('[data-testid="tab-export"]');
  await page.click('[data-testid="export-print"]');
  await page.waitForSelector('[data-testid="print-view"]', { timeout: TIMEOUT });
}

/** The PNG's title band with its subtitle, in pixels at the runner's deviceScaleFactor 1 (map_figure.ts). */
const TITLE_BAND = 62;

/** The sample spans Lào Cai and Lạng Sơn: a report names a province when filtered to one or when the agency's name says it. */
const SAMPLE_PROVINCE = "Lào Cai";
const SAMPLE_PROVINCE_CODE = "15";

export const PRINT_SPECS: Spec[] = [
  {
    name: "print: the map report prints as an official document (motto, agency, place and date, title, map, page numbers)",
    async run(environment) {
      const { page } = await environment.newPage();
      // Filtered to Lào Cai (code 15): the document is that province's.
      await openPrintView(page, environment, `?province=${SAMPLE_PROVINCE_CODE}`);
      const header = officialHeader("vi", "Sở Khoa học và Công nghệ", SAMPLE_PROVINCE, vietnamDate(Date.now()));
      assert(header.managingBody === "UBND TỈNH LÀO CAI", `the module's own header: ${header.managingBody}`);
      const lines = [
        header.managingBody,
        header.agency,
        header.nation,
        header.motto,
        header.placeAndDate,
        "BÁO CÁO",
        "Các điểm trường, thôn bản chưa có sóng di động",
        "I. BẢN ĐỒ",
      ];
      const anywhere = ["II. SỐ LIỆU", "1. Theo nhà mạng", "2. Theo xã, phường", "III. DANH SÁCH ĐIỂM CHƯA CÓ SÓNG", "THỦ TRƯỞNG CƠ QUAN"];
      await assertPrintedWords(page, '[data-testid="print-view"]', [...lines, ...anywhere], "map report");
      assert(await page.isVisible('[data-testid="print-map-figure"]'), "the map figure should print");
      const report = await printToPdf(page, environment, "print-map");
      console.log(
        `      ${checkPrinted(report, { lines, anywhere, docs: [join(environment.root, "docs/print-map-p1.png"), join(environment.root, "docs/print-map-p2.png")] }, "map report")}`,
      );
    },
  },
  {
    name: "print: the map report in English says the motto and the date in English",
    async run(environment) {
      const { page } = await environment.newPage({ locale: "en-GB" });
      await openPrintView(page, environment, "?lang=en");
      // Two provinces and no filter: no managing body, no place, the date alone.
      const header = officialHeader("en", "Sở Khoa học và Công nghệ", null, vietnamDate(Date.now()));
      assert(header.managingBody === null && /^\d{1,2} [A-Z][a-z]+ \d{4}$/.test(header.placeAndDate), `the module's own header: ${JSON.stringify(header)}`);
      const printedText = normalise((await page.textContent('[data-testid="print-view"]')) ?? "");
      assert(!printedText.includes("PEOPLE'S COMMITTEE"), "a report over two provinces names no people's committee");
      const lines = [
        "DEPARTMENT OF SCIENCE AND TECHNOLOGY",
        "SOCIALIST REPUBLIC OF VIET NAM",
        "Independence - Freedom - Happiness",
        header.placeAndDate,
        "REPORT",
        "Schools and villages without mobile signal",
      ];
      await assertPrintedWords(page, '[data-testid="print-view"]', [...lines, "1. By carrier", "HEAD OF AGENCY"], "English map report");
      const report = await printToPdf(page, environment, "print-map-en");
      console.log(`      ${checkPrinted(report, { lines, anywhere: ["1. By carrier", "HEAD OF AGENCY"] }, "English map report")}`);
    },
  },
  {
    name: "print: the dead-zone progress report prints as an official document with the map and page numbers",
    async run(environment) {
      const { context, page } = await environment.newPage();
      // The agency's name as a province writes it in the setting: the province comes from it.
      await context.addInitScript((name) => localStorage.setItem("lom-song.agency", name), `Sở Khoa học và Công nghệ tỉnh ${SAMPLE_PROVINCE}`);
      await page.goto(`${environment.baseUrl}?view=progress`);
      await page.waitForSelector('[data-testid="dashboard-listed"]', { timeout: TIMEOUT });
      await waitForMapDrawn(page, '[data-testid="progress-map"]');
      const listed = Number((await page.textContent('[data-testid="dashboard-listed"]'))?.trim());
      assert(listed > 0, "the sample lists dead zones");
      await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
      await page.emulateMedia({ media: "print" });
      const rows = await page.$$eval('[data-testid="print-report-page"] > table tbody tr', (elements) => elements.length);
      assert(rows === listed, `printed rows ${rows} vs listed ${listed}`);
      assert(await page.isVisible('[data-testid="print-report-page"] [data-testid="print-map-figure"]'), "the tracking map should print as a figure");
      const header = officialHeader("vi", `Sở Khoa học và Công nghệ tỉnh ${SAMPLE_PROVINCE}`, null, vietnamDate(Date.now()));
      const lines = [
        header.managingBody!,
        header.agency,
        header.nation,
        header.motto,
        header.placeAndDate,
        "BÁO CÁO",
        "Tiến độ xoá các điểm lõm sóng trong danh sách",
      ];
      await assertPrintedWords(page, '[data-testid="print-report-page"]', [...lines, "II. SỐ LIỆU TIẾN ĐỘ", "III. DANH SÁCH ĐIỂM LÕM SÓNG"], "progress report");
      const report = await printToPdf(page, environment, "print-progress");
      console.log(`      ${checkPrinted(report, { lines, docs: [join(environment.root, "docs/print-progress-p1.png")] }, "progress report")}`);
      if (hasPoppler()) {
        // Every listed point is in the printed list: its id appears in the PDF's words.
        const ids = await page.$$eval('[data-testid="print-report-page"] > table tbody tr td:first-child', (cells) =>
          cells.map((cell) => cell.textContent ?? ""),
        );
        const words = run("pdftotext", ["-enc", "UTF-8", report.pdfPath, "-"]);
        const missing = ids.filter((id) => !words.includes(id));
        assert(missing.length === 0, `ids missing from the PDF: ${missing.slice(0, 5).join(", ")}`);
      }
      await page.emulateMedia({ media: "screen" });
      await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
    },
  },
  {
    name: "print: the print view and its PNG button fit a phone (390×844, touch): no sideways scroll, 44 px targets",
    async run(environment) {
      const { page } = await environment.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
      await page.goto(environment.baseUrl);
      await page.waitForSelector('[data-testid="uncovered-count"]', { timeout: TIMEOUT });
      await waitForMapDrawn(page, '[data-testid="map"]');
      await page.tap('[data-testid="pane-export"]');
      const button = await page.$('[data-testid="export-png"]');
      assert(button && (await button.isVisible()), "the PNG button should be on the phone's export pane");
      const box = (await button.boundingBox())!;
      assert(box.height >= 44, `PNG button ${box.height} px high on a phone`);
      await page.tap('[data-testid="export-print"]');
      await page.waitForSelector('[data-testid="print-view"]', { timeout: TIMEOUT });
      await page.waitForSelector('[data-testid="print-map-figure"]');
      const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      assert(widths.scroll <= widths.client, `the print view scrolls sideways on a phone: ${widths.scroll} > ${widths.client}`);
      const printButton = (await (await page.$('.print-view [data-testid="export-png"]'))!.boundingBox())!;
      assert(printButton.height >= 44, `the print view's PNG button is ${printButton.height} px high`);
      await page.screenshot({ path: join(environment.artifacts, "print-phone.png") });
    },
  },
  {
    name: "print: the PNG export downloads the map with its legend, scale bar and title (decoded, not blank)",
    async run(environment) {
      const { page } = await environment.newPage();
      await page.goto(environment.baseUrl);
      await page.waitForSelector('[data-testid="uncovered-count"]', { timeout: TIMEOUT });
      await waitForMapDrawn(page, '[data-testid="map"]');
      await page.click('[data-testid="tab-export"]');
      const mapSize = await page.$eval('[data-testid="map"] canvas', (canvas) => ({
        width: (canvas as HTMLCanvasElement).width,
        height: (canvas as HTMLCanvasElement).height,
      }));
      const [download] = await Promise.all([page.waitForEvent("download", { timeout: TIMEOUT }), page.click('[data-testid="export-png"]')]);
      assert(/^ban-do-lom-song-\d{4}-\d{2}-\d{2}\.png$/.test(download.suggestedFilename()), `file name ${download.suggestedFilename()}`);
      const bytes = readFileSync(await download.path());
      // The PNG's own header: the signature, then IHDR with the width and height.
      assert(bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), "not a PNG file");
      const width = bytes.readUInt32BE(16);
      const height = bytes.readUInt32BE(20);
      assert(width === mapSize.width, `PNG width ${width} vs the map canvas ${mapSize.width}`);
      assert(height > mapSize.height + 80, `PNG height ${height}: the map's ${mapSize.height} plus the title and the legend`);
      writeFileSync(join(environment.artifacts, "map-export.png"), bytes);
      if (process.env.E2E_UPDATE_DOCS === "1") writeFileSync(join(environment.root, "docs/map-export.png"), bytes);
      // Decoded by the browser's image decoder, then measured: the map part has many colours, the title band is white with ink.
      const stats = await page.evaluate(
        async ({ base64, mapTop, mapHeight }) => {
          const binary = atob(base64);
          const blob = new Blob([Uint8Array.from(binary, (character) => character.charCodeAt(0))], { type: "image/png" });
          const bitmap = await createImageBitmap(blob);
          const canvas = document.createElement("canvas");
          canvas.width = bitmap.width;
          canvas.height = bitmap.height;
          const context = canvas.getContext("2d")!;
          context.drawImage(bitmap, 0, 0);
          // One pass per band (no helper function: the evaluated code must not depend on the bundler's helpers).
          const bands: { distinct: number; variance: number; dark: number }[] = [];
          for (const [top, rows] of [
            [mapTop, mapHeight],
            [0, mapTop],
            [mapTop + mapHeight, bitmap.height - mapTop - mapHeight],
          ]) {
            const data = context.getImageData(0, top, bitmap.width, rows).data;
            const colours = new Set<number>();
            let sum = 0;
            let squares = 0;
            let dark = 0;
            for (let i = 0; i < data.length; i += 4) {
              const luminance = 0.299 * data[i] + 0.587 * data[i + 1] + 0.114 * data[i + 2];
              sum += luminance;
              squares += luminance * luminance;
              if (luminance < 80) dark++;
              colours.add(((data[i] >> 4) << 8) | ((data[i + 1] >> 4) << 4) | (data[i + 2] >> 4));
            }
            const n = data.length / 4;
            bands.push({ distinct: colours.size, variance: squares / n - (sum / n) ** 2, dark });
          }
          return { width: bitmap.width, height: bitmap.height, map: bands[0], title: bands[1], below: bands[2] };
        },
        { base64: bytes.toString("base64"), mapTop: TITLE_BAND, mapHeight: mapSize.height },
      );
      assert(stats.width === width && stats.height === height, `decoded ${stats.width}×${stats.height} vs IHDR ${width}×${height}`);
      assert(stats.map.distinct >= 20 && stats.map.variance > 100, `the map part looks blank: ${JSON.stringify(stats.map)}`);
      assert(stats.title.dark > 200, `the title band should hold dark text: ${JSON.stringify(stats.title)}`);
      assert(stats.below.distinct >= 6 && stats.below.dark > 100, `the legend band should hold symbols and words: ${JSON.stringify(stats.below)}`);
      console.log(`      PNG ${width}×${height}, map ${stats.map.distinct} colours, variance ${stats.map.variance.toFixed(0)}`);
    },
  },
];
