import { describe, expect, it } from "vitest";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readCsvTable } from "../src/domain/parse/read_csv_table.ts";
import { runCliInProcess, runCliProcess } from "./support/cli_run.ts";

const ROOT = new URL("..", import.meta.url).pathname;
const FIXTURES = join(ROOT, "tests/fixtures/cli");

// In-process (tests/support/cli_run.ts); the first case spawns the real process as a smoke test.
const runCli = runCliInProcess;

const runCliWith = runCli;

/** The fixture points and coverage, and English messages, as command-line arguments. */
const POINTS = ["--points", join(FIXTURES, "points.csv")];
const COVERAGE = ["--coverage", join(FIXTURES, "coverage.geojson")];
const ENGLISH = ["--lang", "en"];

async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), "lom-song-cli-"));
}

// Two squares: Viettel 4G over lon 104.00–104.10, VNPT 3G over lon 104.05–104.20 (lat 22.0–22.1).
// P1 Viettel only, P2 both, P3 VNPT only, P4 nothing, P5 on Viettel's east edge and inside VNPT.
describe("cli analyze", () => {
  it("writes only the point no carrier covers, keeping ids, input columns and Vietnamese text", async () => {
    const dir = await tempDir();
    const out = join(dir, "uncovered.csv");
    const result = await runCliProcess(["analyze", ...POINTS, ...COVERAGE, "--out", out, ...ENGLISH]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const bytes = await readFile(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString("utf8").slice(1).trim().split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[0].split(",").slice(0, 5)).toEqual(["id", "name", "kind", "lon", "lat"]);
    expect(lines[0]).toContain("ghi chú");
    expect(lines[1].startsWith("P4,")).toBe(true);
    // The formula in the name is neutralised; the "-" note is text, neutralised too.
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(result.stdout).toContain("Points: 5");
  });

  it("writes the semicolon CSV with decimal commas on request, which re-imports to the same point", async () => {
    const dir = await tempDir();
    const out = join(dir, "uncovered.csv");
    const result = await runCli(["analyze", ...POINTS, ...COVERAGE, "--out", out, "--csv-separator", "semicolon"]);
    expect(result.stderr).toBe("");
    const lines = (await readFile(out, "utf8")).slice(1).trim().split("\r\n");
    expect(lines[0].split(";").slice(0, 5)).toEqual(["id", "name", "kind", "lon", "lat"]);
    const [id, , , lon, lat] = lines[1].split(";");
    expect(id).toBe("P4");
    expect(lon).toMatch(/^104,\d+$/);
    expect(lat).toMatch(/^22,\d+$/);
    const again = join(dir, "again.csv");
    const second = await runCli(["analyze", "--points", out, ...COVERAGE, "--out", again, "--csv-separator", "semicolon"]);
    expect(second.code).toBe(0);
    expect((await readFile(again, "utf8")).split("\r\n")[1].split(";").slice(0, 5)).toEqual(lines[1].split(";").slice(0, 5));
  });

  it("adds the nearest carrier and its distance with --nearest", async () => {
    const dir = await tempDir();
    const out = join(dir, "uncovered.csv");
    const result = await runCli(["analyze", ...POINTS, ...COVERAGE, "--out", out, "--nearest", "--status", "all"]);
    expect(result.stderr).toBe("");
    const table = readCsvTable(new Uint8Array(await readFile(out)), { file: "uncovered.csv" });
    const column = (name: string) => table.header.indexOf(name);
    const byId = Object.fromEntries(table.rows.map((row) => [row[column("id")], row]));
    // P1 (Viettel only) is nearest to VNPT's square; P2 is covered by both; P4 lies east of everything.
    expect(byId.P2[column("nearest_carrier")]).toBe("");
    expect(byId.P1[column("nearest_carrier")]).toBe("VNPT");
    expect(Number(byId.P1[column("nearest_km")])).toBeGreaterThan(0);
    expect(byId.P4[column("nearest_carrier")]).not.toBe("");
    expect(Number(byId.P4[column("nearest_km")])).toBeGreaterThan(0);
    const withoutOut = await runCli(["analyze", ...POINTS, ...COVERAGE, "--nearest"]);
    expect(withoutOut.code).toBe(2);
    expect(withoutOut.stderr).toContain("--nearest");
  });

  it("reads coverage and points from Google Earth KML files like the GeoJSON and CSV", async () => {
    const dir = await tempDir();
    const square = (x0: number, x1: number) => `${x0},22 ${x1},22 ${x1},22.1 ${x0},22.1 ${x0},22`;
    const placemark = (carrier: string, technology: string, ring: string) =>
      `<Placemark><ExtendedData><Data name="carrier"><value>${carrier}</value></Data><Data name="technology"><value>${technology}</value></Data></ExtendedData>` +
      `<Polygon><outerBoundaryIs><LinearRing><coordinates>${ring}</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>`;
    const coverage = join(dir, "coverage.kml");
    await writeFile(
      coverage,
      `<?xml version="1.0"?><kml><Document>${placemark("Viettel", "4G", square(104.0, 104.1))}${placemark("VNPT", "3G", square(104.05, 104.2))}</Document></kml>`,
    );
    const points = join(dir, "points.kml");
    const point = (id: string, lon: number, lat: number) =>
      `<Placemark><name>${id}</name><ExtendedData><Data name="id"><value>${id}</value></Data></ExtendedData><Point><coordinates>${lon},${lat}</coordinates></Point></Placemark>`;
    await writeFile(points, `<kml><Document>${point("P1", 104.02, 22.05)}${point("P4", 104.3, 22.3)}</Document></kml>`);
    const out = join(dir, "uncovered.csv");
    const result = await runCli(["analyze", "--points", points, "--coverage", coverage, "--out", out, ...ENGLISH]);
    expect(result.stderr).toBe("");
    expect(result.stdout).toContain("Points: 2");
    const lines = (await readFile(out, "utf8")).slice(1).trim().split("\r\n");
    expect(lines.slice(1).map((line) => line.split(",")[0])).toEqual(["P4"]);
  });

  it("counts a point covered only below the minimum technology as uncovered", async () => {
    const dir = await tempDir();
    const summaryPath = join(dir, "summary.json");
    const out = join(dir, "uncovered.geojson");
    const result = await runCli(["analyze", ...POINTS, ...COVERAGE, "--min-tech", "4G", "--out", out, "--summary", summaryPath]);
    expect(result.code).toBe(0);
    const collection = JSON.parse(await readFile(out, "utf8"));
    expect(collection.features.map((feature: { properties: { id: string } }) => feature.properties.id).sort()).toEqual(["P3", "P4"]);
    const summary = JSON.parse(await readFile(summaryPath, "utf8"));
    expect(summary.total).toBe(5);
    expect(summary.uncovered).toBe(2);
  });

  it("lists the points covered by exactly one carrier", async () => {
    const dir = await tempDir();
    const out = join(dir, "single.kml");
    const result = await runCli(["analyze", ...POINTS, ...COVERAGE, "--status", "single_carrier", "--out", out]);
    expect(result.code).toBe(0);
    const kml = await readFile(out, "utf8");
    expect(kml).toContain("<kml");
    expect(kml).toContain("Trường TH Bản Xèo");
    expect(kml).toContain("Điểm trường Khuổi Mỏ");
    expect((kml.match(/<Placemark/g) ?? []).length).toBe(2);
  });

  it("treats a point on a coverage edge as covered by that carrier", async () => {
    const dir = await tempDir();
    const out = join(dir, "not-viettel.csv");
    const result = await runCli(["analyze", ...POINTS, ...COVERAGE, "--carrier", "Viettel", "--out", out]);
    expect(result.code).toBe(0);
    const ids = (await readFile(out, "utf8"))
      .trim()
      .split("\r\n")
      .slice(1)
      .map((line) => line.split(",")[0]);
    expect(ids.sort()).toEqual(["P3", "P4"]);
  });

  it("exits 2 with one line naming a missing file", async () => {
    const result = await runCli(["analyze", "--points", "nope.csv", ...COVERAGE]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toContain("nope.csv");
    expect(result.stderr).not.toContain("    at ");
  });

  it("writes the same files with the coverage read in a worker thread and on the main thread", async () => {
    const dir = await tempDir();
    const outputs: string[] = [];
    for (const workers of ["1", "0"]) {
      const out = join(dir, `uncovered-${workers}.csv`);
      const report = join(dir, `report-${workers}.json`);
      const result = await runCli(["analyze", ...POINTS, ...COVERAGE, "--out", out, "--report", report, ...ENGLISH], { LOM_SONG_WORKERS: workers });
      expect(result.code).toBe(0);
      outputs.push(result.stdout.replace(out, "OUT") + (await readFile(out, "utf8")) + (await readFile(report, "utf8")));
    }
    expect(outputs[0]).toContain("P4,");
    expect(outputs[1]).toBe(outputs[0]);
  });

  it.each(["1", "0"])("reports a bad coverage file before a bad point file or admin file (LOM_SONG_WORKERS=%s)", async (workers) => {
    const runCli = (args: string[]) => runCliWith(args, { LOM_SONG_WORKERS: workers });
    const dir = await tempDir();
    const badCoverage = join(dir, "bad_coverage.geojson");
    await writeFile(badCoverage, "{ not json");
    const noCoordinates = join(dir, "no_coordinates.csv");
    await writeFile(noCoordinates, "id,name\nA,B\n");
    for (const points of ["nope.csv", noCoordinates]) {
      const result = await runCli([
        "analyze",
        "--points",
        points,
        "--coverage",
        badCoverage,
        "--admin",
        "nope_admin.geojson",
        "--out",
        join(dir, "out.csv"),
        ...ENGLISH,
      ]);
      expect(result.code).toBe(2);
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
      expect(result.stderr).toContain("bad_coverage.geojson: The file is not valid JSON");
    }
    const missingCoverage = await runCli(["analyze", "--points", "nope.csv", "--coverage", join(dir, "nope_coverage.geojson")]);
    expect(missingCoverage.code).toBe(2);
    // Without --lang the message is in Vietnamese.
    expect(missingCoverage.stderr).toContain("lỗi: ");
    expect(missingCoverage.stderr).toContain("nope_coverage.geojson: không tìm thấy tệp");
    // With good coverage, the admin file comes next, then the points.
    const missingAdmin = await runCli(["analyze", "--points", noCoordinates, ...COVERAGE, "--admin", join(dir, "nope_admin.geojson"), ...ENGLISH]);
    expect(missingAdmin.stderr).toContain("nope_admin.geojson: file not found");
    // The first point file stops the run before the second is read; with --out, the heads of all point files are
    // read first (for the output's columns).
    const badPoints = await runCli(["analyze", "--points", noCoordinates, "--points", "nope.csv", ...COVERAGE, ...ENGLISH]);
    expect(badPoints.code).toBe(2);
    expect(badPoints.stderr).toContain("no_coordinates.csv: No coordinate column found");
    const withOut = await runCli(["analyze", "--points", noCoordinates, "--points", "nope.csv", ...COVERAGE, "--out", join(dir, "out.csv"), ...ENGLISH]);
    expect(withOut.stderr).toContain("nope.csv: file not found");
    const badRows = await runCli(["analyze", "--points", noCoordinates, ...COVERAGE, "--out", join(dir, "out.csv"), ...ENGLISH]);
    expect(badRows.stderr).toContain("no_coordinates.csv: No coordinate column found");
    await expect(readFile(join(dir, "out.csv"))).rejects.toThrow();
    await expect(readFile(join(dir, "out.csv.partial"))).rejects.toThrow();
  });

  it("exits 2 naming the file when the coverage is not JSON", async () => {
    const result = await runCli(["analyze", ...POINTS, "--coverage", join(FIXTURES, "points.csv")]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("points.csv");
    expect(result.stderr).not.toContain("    at ");
  });

  it.each([
    ["--csv-separator", "pipe"],
    ["--min-tech", "6G"],
  ])("exits 2 on an unknown value of %s, naming the option", async (option, value) => {
    const result = await runCli(["analyze", ...POINTS, ...COVERAGE, option, value]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(option);
  });

  it("counts only the latest coverage release per carrier × technology, or the one in force on --as-of", async () => {
    const dir = await tempDir();
    const report = join(dir, "report.json");
    const out = join(dir, "uncovered.csv");
    const coverage = [...COVERAGE, "--coverage", join(FIXTURES, "viettel_4g_november.geojson")];
    const latest = await runCli(["analyze", ...POINTS, ...coverage, "--out", out, "--report", report, ...ENGLISH]);
    expect(latest.stderr).toBe("");
    // November's Viettel 4G (lon 104.00–104.05) replaces October's (104.00–104.10): P2 (104.07) keeps VNPT only and
    // P5 (104.10) is still inside VNPT's square; nothing else changes, so the uncovered list is P4 alone.
    const ids = (await readFile(out, "utf8"))
      .slice(1)
      .trim()
      .split("\r\n")
      .slice(1)
      .map((line) => line.split(",")[0]);
    expect(ids).toEqual(["P4"]);
    const issues = (JSON.parse(await readFile(report, "utf8")) as { issues: { code: string; file: string }[] }[]).flatMap((entry) => entry.issues);
    expect(issues.filter((issue) => issue.code === "release_superseded").map((issue) => issue.file)).toEqual(["coverage.geojson"]);
    const summary = join(dir, "summary.json");
    await runCli(["analyze", ...POINTS, ...coverage, "--status", "single_carrier", "--summary", summary, ...ENGLISH]);
    const layers = (JSON.parse(await readFile(summary, "utf8")) as { byLayer: { carrier: string; asOf: string }[] }).byLayer;
    expect(layers.find((layer) => layer.carrier === "Viettel")?.asOf).toBe("2026-11-15");
    const singleNow = join(dir, "single_now.csv");
    const singleThen = join(dir, "single_then.csv");
    await runCli(["analyze", ...POINTS, ...coverage, "--status", "single_carrier", "--out", singleNow]);
    const then = await runCli(["analyze", ...POINTS, ...coverage, "--status", "single_carrier", "--out", singleThen, "--as-of", "2026-11-01"]);
    expect(then.code).toBe(0);
    const single = async (file: string) =>
      (await readFile(file, "utf8"))
        .slice(1)
        .trim()
        .split("\r\n")
        .slice(1)
        .map((line) => line.split(",")[0]);
    // Now P2 and P5 have VNPT only (Viettel withdrew east of 104.05); as of 1 November October's release counts
    // and both have two carriers.
    expect(await single(singleNow)).toEqual(["P1", "P2", "P3", "P5"]);
    expect(await single(singleThen)).toEqual(["P1", "P3"]);
    const bad = await runCli(["analyze", ...POINTS, ...coverage, "--as-of", "1/11/2026", ...ENGLISH]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--as-of");
  });

  it("documents every option in --help", async () => {
    const result = await runCli(["analyze", "--help"]);
    expect(result.code).toBe(0);
    for (const option of [
      "--points",
      "--coverage",
      "--admin",
      "--min-tech",
      "--carrier",
      "--out",
      "--csv-separator",
      "--summary",
      "--report",
      "--status",
      "--nearest",
      "--as-of",
    ]) {
      expect(result.stdout).toContain(option);
    }
  });
});
