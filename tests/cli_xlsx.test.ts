import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readCsvTable } from "../src/domain/parse/read_csv_table.ts";
import { runAnalyze } from "../scripts/cli/analyze.ts";
import { runTracking } from "../scripts/cli/tracking.ts";
import { UserError } from "../scripts/cli/io.ts";
import { buildXlsx, type SimpleCell } from "./xlsx_builder.ts";

const ROOT = new URL("..", import.meta.url).pathname;
const CLI = join(ROOT, "tests/fixtures/cli");
const PROGRESS = join(ROOT, "tests/fixtures/tracking");

let stdout: string;
beforeEach(() => {
  stdout = "";
  vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** A CSV file as a workbook sheet: cells that read back the same as numbers become numeric cells. */
async function csvAsRows(path: string): Promise<SimpleCell[][]> {
  const table = readCsvTable(new Uint8Array(await readFile(path)), { file: path });
  return [table.header, ...table.rows].map((cells) =>
    cells.map((cell) => (/^-?\d+(\.\d+)?$/.test(cell) && String(Number(cell)) === cell ? Number(cell) : cell === "" ? null : cell)),
  );
}

async function workbookOf(dir: string, name: string, csvPath: string, firstSheet?: string): Promise<string> {
  const sheets = [{ name: "Dữ liệu", rows: await csvAsRows(csvPath) }];
  if (firstSheet) sheets.unshift({ name: firstSheet, rows: [["Ghi chú: bảng dưới đây"]] });
  const path = join(dir, name);
  await writeFile(path, buildXlsx({ sheets }));
  return path;
}

async function failure(run: () => Promise<number>): Promise<string> {
  try {
    await run();
  } catch (error) {
    if (error instanceof UserError) return error.message;
    throw error;
  }
  throw new Error("expected a UserError (exit 2)");
}

describe("cli with .xlsx inputs", () => {
  it("analyze --points file.xlsx writes the same uncovered list as the CSV", async () => {
    const dir = await mkdtemp(join(tmpdir(), "lom-song-xlsx-"));
    const workbook = await workbookOf(dir, "points.xlsx", join(CLI, "points.csv"), "Hướng dẫn");
    const fromCsv = join(dir, "from-csv.csv");
    const fromXlsx = join(dir, "from-xlsx.csv");
    const report = join(dir, "report.json");
    expect(await runAnalyze(["--points", join(CLI, "points.csv"), "--coverage", join(CLI, "coverage.geojson"), "--out", fromCsv])).toBe(0);
    expect(await runAnalyze(["--points", workbook, "--coverage", join(CLI, "coverage.geojson"), "--out", fromXlsx, "--report", report])).toBe(0);
    expect(await readFile(fromXlsx, "utf8")).toBe(await readFile(fromCsv, "utf8"));
    const reports = JSON.parse(await readFile(report, "utf8"));
    expect(reports.find((entry: { kind: string }) => entry.kind === "points")).toMatchObject({ file: "points.xlsx", sheet: "Dữ liệu", read: 5, accepted: 5 });
    expect(stdout).toContain("points.xlsx [trang tính Dữ liệu]");
  });

  it("exits 2 with one line naming the file and the reason on a bad workbook or sheet", async () => {
    const dir = await mkdtemp(join(tmpdir(), "lom-song-xlsx-"));
    const xls = join(dir, "truong.xls");
    const ole = new Uint8Array(2048);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    await writeFile(xls, ole);
    const message = await failure(() => runAnalyze(["--points", xls, "--coverage", join(CLI, "coverage.geojson"), "--lang", "en"]));
    expect(message).toBe(`${xls}: This is an old binary Excel .xls file, which cannot be read. Open it in Excel and save it as .xlsx or "CSV UTF-8".`);
    const workbook = await workbookOf(dir, "points.xlsx", join(CLI, "points.csv"));
    const missing = await failure(() => runAnalyze(["--points", workbook, "--coverage", join(CLI, "coverage.geojson"), "--sheet", "Sheet9", "--lang", "en"]));
    expect(missing).toBe(`${workbook}: The workbook has no sheet "Sheet9". Its sheets: "Dữ liệu".`);
    expect(missing).not.toContain("\n");
  });

  it("progress --registry and --updates read workbooks like their CSV files", async () => {
    const dir = await mkdtemp(join(tmpdir(), "lom-song-xlsx-"));
    const registry = await workbookOf(dir, "registry.xlsx", join(PROGRESS, "registry.csv"));
    const viettel = await workbookOf(dir, "updates-viettel.xlsx", join(PROGRESS, "updates-viettel.csv"), "Ghi chú");
    const csvSummary = join(dir, "csv.json");
    const xlsxSummary = join(dir, "xlsx.json");
    const common = ["--updates", join(PROGRESS, "updates-vnpt.csv"), "--decisions", join(PROGRESS, "decisions.csv"), "--today", "2026-04-10"];
    expect(
      await runTracking(["--registry", join(PROGRESS, "registry.csv"), "--updates", join(PROGRESS, "updates-viettel.csv"), ...common, "--summary", csvSummary]),
    ).toBe(0);
    expect(await runTracking(["--registry", registry, "--updates", viettel, ...common, "--summary", xlsxSummary])).toBe(0);
    const expected = JSON.parse(await readFile(csvSummary, "utf8"));
    const actual = JSON.parse(await readFile(xlsxSummary, "utf8"));
    expect(actual).toMatchObject({ listed: 6, covered: 3, verified: 1 });
    expect(JSON.stringify(actual).replaceAll(".xlsx", ".csv")).toBe(JSON.stringify(expected));
  });

  it("documents --sheet in both commands' --help", async () => {
    expect(await runAnalyze(["--help"])).toBe(0);
    expect(await runTracking(["--help"])).toBe(0);
    expect(stdout.match(/--sheet NAME/g)).toHaveLength(2);
    expect(stdout).toContain(".xlsx");
  });
});
