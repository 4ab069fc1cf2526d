import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runAnalyze } from "../scripts/cli/analyze.ts";
import { UserError } from "../scripts/cli/io.ts";

const ROOT = new URL("..", import.meta.url).pathname;
const FORMATS = join(ROOT, "tests/fixtures/formats");
const fixture = (name: string): string => join(FORMATS, name);

beforeEach(() => {
  // The CLI's printed report is not checked here (the written files and the report JSON are): keep the test output quiet.
  vi.spyOn(process.stdout, "write").mockImplementation(() => true);
  process.env.LOM_SONG_WORKERS = "0";
});
afterEach(() => {
  vi.restoreAllMocks();
});

async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), "lom-song-formats-"));
}

async function reportOf(
  path: string,
): Promise<{ file: string; read: number; accepted: number; rejected: number; detected?: Record<string, unknown>; issues: { code: string }[] }[]> {
  return JSON.parse(await readFile(path, "utf8"));
}

async function uncoveredIds(path: string): Promise<string[]> {
  const geojson = JSON.parse(await readFile(path, "utf8"));
  return geojson.features.map((feature: { properties: { id: string } }) => feature.properties.id).sort();
}

describe("analyze with shapefiles in VN-2000 / TM-3 (tests/fixtures/formats/make_shapefiles.sh)", () => {
  it("reads points and coverage from zipped shapefiles with their .prj", async () => {
    const dir = await tempDir();
    const out = join(dir, "uncovered.geojson");
    const report = join(dir, "report.json");
    const code = await runAnalyze([
      "--points",
      fixture("diem_truong_tm3.zip"),
      "--coverage",
      fixture("vung_phu_tm3.zip"),
      "--status",
      "all",
      "--out",
      out,
      "--report",
      report,
      "--quiet",
    ]);
    expect(code).toBe(0);
    const reports = await reportOf(report);
    const points = reports.find((entry) => entry.file === "diem_truong_tm3.zip" && entry.detected?.format === "shapefile" && entry.read === 3);
    expect(points).toMatchObject({ read: 3, accepted: 3, rejected: 0, detected: { crs: { id: "VN2000-TM3-104.75" } } });
    const written = JSON.parse(await readFile(out, "utf8"));
    const status = Object.fromEntries(
      written.features.map((feature: { properties: { id: string; status: string; covered_by: string } }) => [
        feature.properties.id,
        [feature.properties.status, feature.properties.covered_by],
      ]),
    );
    // LC-01 (103.9712, 22.4856) is in the hole of the Viettel polygon; LC-02 in the small VNPT square; LC-03 in the VNPT west block.
    expect(status).toEqual({ "LC-01": ["uncovered", ""], "LC-02": ["single_carrier", "VNPT 3G"], "LC-03": ["single_carrier", "VNPT 3G"] });
  });
  it("a shapefile without .prj in metres stops with the hint; --crs reads it", async () => {
    const dir = await tempDir();
    await expect(runAnalyze(["--points", fixture("diem_truong_no_prj.zip"), "--coverage", fixture("vung_phu_tm3.zip"), "--quiet"])).rejects.toThrow(/--crs/);
    const out = join(dir, "u.geojson");
    expect(
      await runAnalyze([
        "--points",
        fixture("diem_truong_no_prj.zip"),
        "--crs",
        "EPSG:9208",
        "--coverage",
        fixture("vung_phu_tm3.zip"),
        "--out",
        out,
        "--quiet",
      ]),
    ).toBe(0);
    expect(await uncoveredIds(out)).toEqual(["LC-01"]);
  });
});

describe("analyze with a CSV of VN-2000 X/Y metres", () => {
  it("refuses it without --crs, with 'coordinates look like projected metres (VN-2000?); pass --crs'", async () => {
    const error = await runAnalyze([
      "--points",
      fixture("diem_truong_tm3_xy.csv"),
      "--coverage",
      fixture("vung_phu_source.geojson"),
      "--quiet",
      "--lang",
      "en",
    ]).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).text.en).toContain("coordinates look like projected metres (VN-2000?); pass --crs");
  });
  it("reads it with --crs VN2000-TM3-104.75 (X = northing, Y = easting) and finds the same uncovered point", async () => {
    const dir = await tempDir();
    const out = join(dir, "u.geojson");
    const report = join(dir, "r.json");
    expect(
      await runAnalyze([
        "--points",
        fixture("diem_truong_tm3_xy.csv"),
        "--crs",
        "VN2000-TM3-104.75",
        "--coverage",
        fixture("vung_phu_source.geojson"),
        "--out",
        out,
        "--report",
        report,
        "--quiet",
      ]),
    ).toBe(0);
    expect(await uncoveredIds(out)).toEqual(["LC-01"]);
    const points = (await reportOf(report)).find((entry) => entry.file === "diem_truong_tm3_xy.csv");
    expect(points).toMatchObject({ read: 3, accepted: 3, rejected: 0, detected: { crs: { id: "VN2000-TM3-104.75" } } });
  });
});

describe("analyze with an old .xls workbook", () => {
  it("reads it (SheetJS loaded on demand) with the .xlsx rules", async () => {
    const dir = await tempDir();
    const report = join(dir, "r.json");
    expect(await runAnalyze(["--points", fixture("truong.xls"), "--coverage", fixture("vung_phu_source.geojson"), "--report", report, "--quiet"])).toBe(0);
    const points = (await reportOf(report)).find((entry) => entry.file === "truong.xls");
    expect(points).toMatchObject({ read: 2, accepted: 2, rejected: 0, sheet: "truong" });
  });
});

describe("analyze with an OpenCelliD tower list as estimated coverage", () => {
  it("writes the estimated layers under their own names, and the radius option changes the answer", async () => {
    const dir = await tempDir();
    const out = join(dir, "u.geojson");
    const summary = join(dir, "s.json");
    const points = fixture("diem_truong_source.geojson");
    expect(
      await runAnalyze(["--points", points, "--coverage", fixture("opencellid_452.csv"), "--status", "all", "--out", out, "--summary", summary, "--quiet"]),
    ).toBe(0);
    const written = JSON.parse(await readFile(out, "utf8"));
    const coveredBy = Object.fromEntries(
      written.features.map((feature: { properties: { id: string; covered_by: string } }) => [feature.properties.id, feature.properties.covered_by]),
    );
    // LC-01 is 0.1 km from the Viettel LTE cell (4 km disc) and 21 km from the VNPT GSM cell (12 km), LC-02 0.13 km from
    // the VNPT cell, LC-03 0.53 km from the MobiFone UMTS cell (4 km; 0.5 km with the radius option below).
    expect(coveredBy).toEqual({ "LC-01": "Viettel (ước tính) 4G", "LC-02": "VNPT (ước tính) 2G", "LC-03": "MobiFone (ước tính) 3G" });
    expect(await runAnalyze(["--points", points, "--coverage", fixture("opencellid_452.csv"), "--tower-radius", "2G=1,3G=0.5", "--out", out, "--quiet"])).toBe(
      0,
    );
    expect(await uncoveredIds(out)).toEqual(["LC-03"]);
    await expect(runAnalyze(["--points", points, "--coverage", fixture("opencellid_452.csv"), "--tower-radius", "4G=x", "--quiet"])).rejects.toThrow(
      /tower-radius/,
    );
  });
});

describe("analyze --out FILE.xlsx", () => {
  it("writes a workbook that reads back with the same rows; codes keep their leading zero; coordinates are numbers", async () => {
    const dir = await tempDir();
    const out = join(dir, "lom-song.xlsx");
    expect(
      await runAnalyze([
        "--points",
        fixture("truong_xls_source.csv"),
        "--coverage",
        fixture("vung_phu_source.geojson"),
        "--status",
        "all",
        "--out",
        out,
        "--quiet",
      ]),
    ).toBe(0);
    const bytes = new Uint8Array(await readFile(out));
    const { parsePointsXlsx, readXlsx } = await import("../src/domain/index.ts");
    const back = parsePointsXlsx(bytes, { file: "lom-song.xlsx" });
    expect(back.report).toMatchObject({ read: 2, accepted: 2, rejected: 0 });
    expect(back.items.map((point) => [point.id, point.name, point.lon, point.lat, point.communeCode])).toEqual([
      ["LC-01", "Trường Tiểu học Bản Xèo", 103.9712, 22.4856, "02647"],
      ["LC-02", "Thôn Nậm Cang", 104.0301, 22.3012, "02650"],
    ]);
    const workbook = readXlsx(bytes);
    expect(workbook.ok && workbook.value.sheets[0].rows[0].slice(0, 5)).toEqual(["id", "name", "kind", "lon", "lat"]);
    expect(workbook.ok && workbook.value.sheets[0].rows[1]).toContain("uncovered");
  });
});

describe("analyze with a GeoTIFF coverage grid (gdal_translate from vung_phu_tin_hieu.asc)", () => {
  it("a point is covered when its cell reaches the threshold", async () => {
    const dir = await tempDir();
    const out = join(dir, "u.geojson");
    const points = fixture("diem_truong_source.geojson");
    const grid = fixture("vung_phu_tin_hieu.tif");
    // LC-01 falls in row 2, column 1 (-90 dBm); LC-02 and LC-03 are outside the grid.
    expect(
      await runAnalyze([
        "--points",
        points,
        "--coverage",
        grid,
        "--raster-threshold=-100",
        "--raster-carrier",
        "Viettel",
        "--raster-technology",
        "4G",
        "--out",
        out,
        "--quiet",
      ]),
    ).toBe(0);
    expect(await uncoveredIds(out)).toEqual(["LC-02", "LC-03"]);
    expect(
      await runAnalyze([
        "--points",
        points,
        "--coverage",
        grid,
        "--raster-threshold=-85",
        "--raster-carrier",
        "Viettel",
        "--raster-technology",
        "4G",
        "--out",
        out,
        "--quiet",
      ]),
    ).toBe(0);
    expect(await uncoveredIds(out)).toEqual(["LC-01", "LC-02", "LC-03"]);
    await expect(runAnalyze(["--points", points, "--coverage", grid, "--raster-threshold=-100", "--quiet"])).rejects.toThrow(/vung_phu_tin_hieu\.tif/);
  });
});
