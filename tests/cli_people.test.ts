import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { mkdtemp, readFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readCsvTable } from "../src/domain/parse/read_csv_table.ts";
import { readXlsx } from "../src/domain/index.ts";
import { ANALYZE_HELP, runAnalyze } from "../scripts/cli/analyze.ts";
import { UserError } from "../scripts/cli/io.ts";

const ROOT = new URL("..", import.meta.url).pathname;
const CLI = join(ROOT, "tests/fixtures/cli");
const inputs = ["--points", join(CLI, "points.csv"), "--coverage", join(CLI, "coverage.geojson"), "--min-tech", "4G", "--status", "all", "--quiet"];

beforeEach(() => {
  vi.spyOn(process.stdout, "write").mockImplementation(() => true);
});
afterEach(() => {
  vi.restoreAllMocks();
});

async function failure(run: () => Promise<number>): Promise<string> {
  try {
    await run();
  } catch (error) {
    if (error instanceof UserError) return error.message;
    throw error;
  }
  throw new Error("expected a UserError (exit 2)");
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
  "ghi chú",
];

describe("analyze --audience people", () => {
  it("writes the list for people: Vietnamese headers and values, worked by hand from the fixture", async () => {
    const dir = await mkdtemp(join(tmpdir(), "lom-song-people-"));
    const out = join(dir, "people.csv");
    expect(await runAnalyze([...inputs, "--audience", "people", "--out", out])).toBe(0);
    const text = await readFile(out, "utf8");
    expect(text.startsWith("\uFEFF")).toBe(true);
    const lines = text.slice(1).split("\r\n");
    expect(lines[0]).toBe(HEADER_VI.join(","));
    // Viettel 4G (31/10/2026) covers 104.00–104.10, VNPT 3G 104.05–104.20; only 4G counts, so VNPT does not.
    expect(lines[1]).toBe("Trường TH Bản Xèo,Trường,Chỉ một nhà mạng có sóng 4G,Viettel,4G,120,,,,Viettel 4G,31/10/2026,104.02,22.05,P1,,,,");
    expect(lines[2]).toBe('Thôn Nà Pồ,Thôn/bản,Chỉ một nhà mạng có sóng 4G,Viettel,4G,,,,,"VNPT 3G, Viettel 4G",31/10/2026,104.07,22.05,P2,,,,');
    expect(lines[3]).toBe("Điểm trường Khuổi Mỏ,Điểm trường,Chưa có sóng 4G,Không có,3G,15,,,,VNPT 3G,31/10/2026,104.15,22.05,P3,,,,");
    // The formula in a name and the "-" note stay text (formula-safe, through the project's CSV writer).
    expect(lines[4]).toBe('"\'=HYPERLINK(""http://x"")",Thôn/bản,Chưa có sóng 4G,Không có,,,,,,Không có,31/10/2026,104.3,22.3,P4,,,,\'-');
    expect(lines).toHaveLength(7);
  });

  it("writes the same points as the machine export, in the same order, whose own file is unchanged", async () => {
    const dir = await mkdtemp(join(tmpdir(), "lom-song-people-"));
    const machine = join(dir, "machine.csv");
    const people = join(dir, "people.csv");
    expect(await runAnalyze([...inputs, "--out", machine])).toBe(0);
    expect(await runAnalyze([...inputs, "--audience", "people", "--out", people])).toBe(0);
    const m = readCsvTable(new Uint8Array(await readFile(machine)), { file: "machine.csv" });
    const p = readCsvTable(new Uint8Array(await readFile(people)), { file: "people.csv" });
    expect(m.header.slice(0, 3)).toEqual(["id", "name", "kind"]);
    expect(p.rows.map((row) => row[p.header.indexOf("Mã điểm")])).toEqual(m.rows.map((row) => row[m.header.indexOf("id")]));
    const kinds: Record<string, string> = { school: "Trường", school_site: "Điểm trường", village: "Thôn/bản" };
    const statuses: Record<string, string> = { uncovered: "Chưa có sóng 4G", single_carrier: "Chỉ một nhà mạng có sóng 4G", covered: "Có sóng 4G" };
    m.rows.forEach((row, i) => {
      expect(p.rows[i][p.header.indexOf("Loại")]).toBe(kinds[row[m.header.indexOf("kind")]]);
      expect(p.rows[i][p.header.indexOf("Trạng thái")]).toBe(statuses[row[m.header.indexOf("status")]]);
      expect(p.rows[i][p.header.indexOf("Tên")]).toBe(row[m.header.indexOf("name")]);
    });
    // --audience machine is the default, written the same.
    const again = join(dir, "again.csv");
    expect(await runAnalyze([...inputs, "--audience", "machine", "--out", again])).toBe(0);
    expect(await readFile(again, "utf8")).toBe(await readFile(machine, "utf8"));
  });

  it("writes English headers and values with --lang en, and a workbook with numbers as numbers", async () => {
    const dir = await mkdtemp(join(tmpdir(), "lom-song-people-"));
    const out = join(dir, "people.xlsx");
    expect(await runAnalyze([...inputs, "--audience", "people", "--lang", "en", "--out", out])).toBe(0);
    const workbook = readXlsx(new Uint8Array(await readFile(out)));
    if (!workbook.ok) throw new Error("the workbook does not read back");
    const [header, first, , third] = workbook.value.sheets[0].rows;
    expect(header.slice(0, 7)).toEqual(["Name", "Kind", "Status", "Carriers with signal", "Best technology", "Pupils", "Households"]);
    expect(first.slice(0, 6)).toEqual(["Trường TH Bản Xèo", "School", "Only one carrier with 4G", "Viettel", "4G", "120"]);
    expect(third.slice(0, 4)).toEqual(["Điểm trường Khuổi Mỏ", "School site", "No 4G signal", "None"]);
    expect(workbook.value.sheets[0].name).toBe("Uncovered points");
  });

  it("refuses GeoJSON and KML, an unknown audience, and people without --out, leaving no file", async () => {
    const dir = await mkdtemp(join(tmpdir(), "lom-song-people-"));
    const kml = join(dir, "people.kml");
    expect(await failure(() => runAnalyze([...inputs, "--audience", "people", "--out", kml]))).toMatch(/--audience people.*\.csv.*\.xlsx/);
    expect(existsSync(kml)).toBe(false);
    expect(await failure(() => runAnalyze([...inputs, "--audience", "humans", "--out", join(dir, "x.csv")]))).toMatch(/--audience.*machine.*people.*"humans"/);
    expect(await failure(() => runAnalyze([...inputs, "--audience", "people"]))).toMatch(/--out/);
    expect(ANALYZE_HELP).toContain("--audience A");
  });
});
