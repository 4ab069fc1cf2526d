/**
 * The direct split of quote-free CSV text (readCsvRows) against PapaParse, and parsePointsCsv and the streaming
 * reader with and without it: same cells, points, row numbers, issues (messages in both languages) and reports,
 * on random files mixing the cases Vietnamese point lists have.
 */
import { describe, expect, it } from "vitest";
import { createRandom } from "../../testing/seeded_random.ts";
import { parsePointsCsv } from "./parse_points_csv.ts";
import { createPointsCsvStream } from "./points_csv_stream.ts";
import { readCsvRows, readCsvTable } from "./read_csv_table.ts";
import { simpleDecimal } from "./parse_number.ts";

const encoder = new TextEncoder();

/** windows-1258 bytes for the few letters used below (the rest is ASCII). */
const WINDOWS_1258: Record<string, number> = { à: 0xe0, â: 0xe2, ê: 0xea, ô: 0xf4, ư: 0xfd, ơ: 0xf5, đ: 0xf0 };

function toWindows1258(text: string): Uint8Array {
  return new Uint8Array([...text].map((character) => WINDOWS_1258[character] ?? character.charCodeAt(0)));
}

function pick<T>(random: () => number, values: readonly T[]): T {
  return values[Math.floor(random() * values.length)];
}

const LAT = [
  "21.5432",
  "21,5432",
  "-0",
  "8.6",
  "23.39",
  "21°32'15''N",
  "21 32 15",
  "N 21 32.25",
  "",
  "  ",
  "abc",
  "2.4e1",
  "1.234,5",
  "2 354 000",
  "21.12345678901234567",
  "0000000000000021.5",
];
const LON = ["105.8542", "105,8542", "104.1", "109.4", "1e2", "105°48'30.5''E", "W 105", "-105.8", "", "x", "600000", "105.123456789012345"];
const KINDS = ["school", "trường", "thôn", "điểm trường", "", "bưu điện", "village_centre"];

/** A random point CSV, quote-free unless `quotes`, in one of the shapes Excel writes. */
function randomCsv(random: () => number, quotes: boolean): { bytes: Uint8Array; windows1258: boolean } {
  const delimiter = pick(random, [",", ";", "\t"]);
  const lineBreak = pick(random, ["\n", "\r\n", "\r\n", "\n"]);
  const vietnamese = random() < 0.5;
  const header = vietnamese ? ["mã", "tên", "loại", "vĩ độ", "kinh độ", "số học sinh", "ghi chú"] : ["id", "name", "kind", "lat", "lon", "weight", "note"];
  const columns = header.filter((_, index) => index === 3 || index === 4 || random() < 0.8);
  const lines: string[] = [];
  if (random() < 0.1) lines.push(`sep=${delimiter}`);
  if (random() < 0.1) lines.push("", "   ");
  lines.push(columns.join(delimiter));
  const rows = 1 + Math.floor(random() * 60);
  for (let row = 0; row < rows; row++) {
    const roll = random();
    if (roll < 0.05) {
      lines.push(pick(random, ["", " ", delimiter.repeat(columns.length - 1), "\u00a0", "\t", "\u2003", "\u200b", "đ", `${delimiter}\u3000`]));
      continue;
    }
    let lat = random() < 0.7 ? (8.6 + random() * 14.7).toFixed(Math.floor(random() * 8)) : pick(random, LAT);
    let lon = random() < 0.7 ? (102.2 + random() * 7.2).toFixed(Math.floor(random() * 8)) : pick(random, LON);
    if (random() < 0.05) [lat, lon] = [lon, lat];
    if (delimiter !== "," && random() < 0.3) {
      lat = lat.replace(".", ",");
      lon = lon.replace(".", ",");
    }
    if (delimiter === ",") {
      lat = lat.replace(",", ".");
      lon = lon.replace(",", ".");
    }
    const cells = columns.map((column, index) => {
      if (column === "vĩ độ" || column === "lat") return random() < 0.05 ? ` ${lat} ` : lat;
      if (column === "kinh độ" || column === "lon") return lon;
      if (index === 0) return random() < 0.05 ? "" : random() < 0.05 ? "DUP" : `P${row}`;
      if (column === "loại" || column === "kind") return pick(random, KINDS);
      if (column === "số học sinh" || column === "weight") return pick(random, ["", "312", "1.234", "12,5", "nhiều", "-4"]);
      if (quotes && random() < 0.2) return `"Thôn ""${row}""${delimiter} xã A${random() < 0.3 ? "\nhai dòng" : ""}"`;
      return pick(random, ["Thôn Nà Pồ", "Tr??ng", "  Bản Xèo ", "đồi", "=SUM(A1)", "?i?m", "", "a'b"]);
    });
    if (random() < 0.05) cells.push("thừa");
    if (random() < 0.05) cells.pop();
    if (random() < 0.03) lines.push(lines[lines.length - 1]);
    lines.push(cells.join(delimiter));
  }
  let text = lines.join(lineBreak) + (random() < 0.7 ? lineBreak : "");
  if (random() < 0.05) text = text.replace(/\r\n/, "\n");
  const windows1258 = random() < 0.15;
  if (windows1258) return { bytes: toWindows1258(text.normalize("NFC")), windows1258 };
  const bom = random() < 0.3;
  return { bytes: bom ? new Uint8Array([0xef, 0xbb, 0xbf, ...encoder.encode(text)]) : encoder.encode(text), windows1258 };
}

describe("the direct split of quote-free CSV", () => {
  it("gives readCsvTable's cells, row numbers and issues exactly as PapaParse does", () => {
    const random = createRandom(5);
    let direct = 0;
    for (let trial = 0; trial < 400; trial++) {
      const { bytes } = randomCsv(random, trial % 5 === 0);
      const fast = readCsvRows(bytes, { file: "a.csv" });
      const slow = readCsvRows(bytes, { file: "a.csv", fastPath: false });
      if (fast.split === "direct") direct++;
      expect(slow.split).toBe("papaparse");
      const table = (lazy: typeof fast) => ({
        ...lazy,
        split: undefined,
        rows: Array.from({ length: lazy.rows.count }, (_, r) => [lazy.rows.rowNumber(r), lazy.rows.cells(r)]),
      });
      expect(table(fast)).toEqual(table(slow));
      const { split: _split, rows: _rows, ...rest } = slow;
      const rows = table(slow).rows;
      expect(readCsvTable(bytes, { file: "a.csv" })).toEqual({ ...rest, rows: rows.map((entry) => entry[1]), rowNumbers: rows.map((entry) => entry[0]) });
    }
    // Most random files have no quote: the comparison above is mostly of the direct split.
    expect(direct).toBeGreaterThan(250);
  });

  it("gives parsePointsCsv's points and report exactly as PapaParse does", () => {
    const random = createRandom(17);
    let windows1258 = 0;
    for (let trial = 0; trial < 400; trial++) {
      const csv = randomCsv(random, trial % 5 === 0);
      if (csv.windows1258) windows1258++;
      const fast = parsePointsCsv(csv.bytes, { file: "truong.csv" });
      const slow = parsePointsCsv(csv.bytes, { file: "truong.csv", fastPath: false });
      // The serialised form, so that key order (golden files, JSON reports) is compared too.
      expect(JSON.stringify(fast)).toBe(JSON.stringify(slow));
      expect(fast.report.read).toBe(fast.report.accepted + fast.report.rejected);
    }
    expect(windows1258).toBeGreaterThan(20);
  });

  it("gives the streaming reader's batches and report exactly as PapaParse does", () => {
    const random = createRandom(23);
    for (let trial = 0; trial < 60; trial++) {
      const { bytes } = randomCsv(random, trial % 4 === 0);
      const run = (fastPath: boolean) => {
        const stream = createPointsCsvStream({ file: "truong.csv", batchBytes: 1 + Math.floor(bytes.length / 3), fastPath });
        const batches = [...stream.push(bytes.subarray(0, bytes.length >> 1)), ...stream.push(bytes.subarray(bytes.length >> 1)), ...stream.end()];
        return JSON.stringify({ batches, report: stream.report() });
      };
      expect(run(true)).toBe(run(false));
    }
  });

  it("splits text with a leading U+FEFF or quotes through PapaParse; lone carriage returns directly, as line breaks", () => {
    // Every line break outside quotes is one line feed before either split (normalizeLineBreaks).
    expect(readCsvRows("id,lat,lon\rA,21,105\r", { file: "a.csv" }).split).toBe("direct");
    expect(readCsvRows("id,lat,lon\rA,21,105\r", { file: "a.csv", fastPath: false }).rows.cells(0)).toEqual(
      readCsvRows("id,lat,lon\rA,21,105\r", { file: "a.csv" }).rows.cells(0),
    );
    expect(readCsvRows("\uFEFF\uFEFFid,lat,lon\nA,21,105\n", { file: "a.csv" }).split).toBe("papaparse");
    expect(readCsvRows('id,lat,lon\n"A",21,105\n', { file: "a.csv" }).split).toBe("papaparse");
    expect(readCsvRows("id,lat,lon\r\nA,21,105\r\n", { file: "a.csv" }).split).toBe("direct");
  });
});

describe("simpleDecimal", () => {
  it("equals Number() on plain decimals and is NaN on anything else", () => {
    const random = createRandom(3);
    for (let trial = 0; trial < 20000; trial++) {
      const integer = String(Math.floor(random() * 10 ** Math.floor(random() * 17))).padStart(1 + Math.floor(random() * 3), "0");
      const fraction = random() < 0.8 ? `.${String(Math.floor(random() * 1e17)).slice(0, 1 + Math.floor(random() * 18))}` : "";
      const text = `${random() < 0.3 ? "-" : ""}${integer}${fraction}`;
      const matches = /^-?\d{1,15}(?:\.\d{1,17})?$/.test(text);
      expect(Object.is(simpleDecimal(text), matches ? Number(text) : NaN), text).toBe(true);
    }
    for (const text of ["", "-", ".5", "5.", "+5", " 5", "5 ", "1e5", "21,5", "--1", "0x10", "١٢"]) expect(simpleDecimal(text), text).toBeNaN();
    expect(Object.is(simpleDecimal("-0"), -0)).toBe(true);
    expect(simpleDecimal("105.8542")).toBe(105.8542);
  });
});
