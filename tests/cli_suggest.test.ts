import { describe, expect, it } from "vitest";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzeCoverage, parseCoverageGeojson, parsePointsCsv, planSites, readCsvTable, readXlsx, siteExportRows } from "../src/domain/index.ts";
import { runCliInProcess, runCliProcess } from "./support/cli_run.ts";

const ROOT = new URL("..", import.meta.url).pathname;
const SAMPLE = join(ROOT, "data/sample");

// In-process (tests/support/cli_run.ts); the first case spawns the real process as a smoke test.
const runCli = runCliInProcess;

describe("cli suggest", () => {
  it("writes the sites the domain's greedy chooses, with their gains, and a JSON plan", async () => {
    const dir = await mkdtemp(join(tmpdir(), "lom-song-suggest-"));
    const out = join(dir, "de-xuat-tram.csv");
    const summary = join(dir, "plan.json");
    const args = [
      "suggest",
      "--points",
      join(SAMPLE, "points.csv"),
      "--coverage",
      join(SAMPLE, "coverage.geojson"),
      "--min-tech",
      "4G",
      "--radius",
      "3",
      "--sites",
      "6",
      "--weight",
      "pupils",
      "--carrier",
      "Viettel",
    ];
    const result = await runCliProcess([...args, "--out", out, "--summary", summary, "--lang", "en"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);

    const points = parsePointsCsv(new Uint8Array(await readFile(join(SAMPLE, "points.csv"))), { file: "points.csv" }).items;
    const coverage = parseCoverageGeojson(new Uint8Array(await readFile(join(SAMPLE, "coverage.geojson"))), { file: "coverage.geojson" }).items;
    const plan = planSites(analyzeCoverage(points, coverage), points, { minTechnology: "4G", carriers: ["Viettel"] }, "pupils", { radiusKm: 3, sites: 6 });
    const expected = siteExportRows(plan, points, "en");
    expect(expected.length).toBeGreaterThan(0);

    const table = readCsvTable(new Uint8Array(await readFile(out)), { file: "out.csv" });
    const column = (name: string) => table.header.indexOf(name);
    expect(
      table.rows.map((row) => [
        row[column("id")],
        Number(row[column("lon")]),
        Number(row[column("lat")]),
        Number(row[column("gain")]),
        row[column("covered_ids")],
      ]),
    ).toEqual(expected.map((row) => [row.point.id, row.point.lon, row.point.lat, row.computed.gain, row.computed.covered_ids]));
    expect(result.stdout).toContain(`cover ${new Intl.NumberFormat("en-US").format(plan.coveredWeight)} pupils`);
    const json = JSON.parse(await readFile(summary, "utf8")) as { coveredWeight: number; sites: { gain: number }[] };
    expect(json.coveredWeight).toBe(plan.coveredWeight);
    expect(json.sites.map((site) => site.gain)).toEqual(plan.sites.map((site) => site.gain));

    const kml = join(dir, "sites.kml");
    expect((await runCli([...args, "--out", kml, "--quiet"])).code).toBe(0);
    expect((await readFile(kml, "utf8")).split("<Placemark>").length - 1).toBe(expected.length);

    // An .xlsx name gets a workbook, as compare writes one: a header, then one row per site.
    const xlsx = join(dir, "sites.xlsx");
    expect((await runCli([...args, "--out", xlsx, "--quiet", "--lang", "en"])).code).toBe(0);
    const workbook = readXlsx(new Uint8Array(await readFile(xlsx)));
    if (!workbook.ok) throw new Error(workbook.error.message.en);
    const [sheet] = workbook.value.sheets;
    expect(sheet.name).toBe("Suggested sites");
    expect(sheet.rows.slice(1).map((row) => row[sheet.rows[0].indexOf("id")])).toEqual(expected.map((row) => row.point.id));
  });

  it("refuses an unknown weight or a radius that is not a positive number, naming the option", async () => {
    const base = ["suggest", "--points", join(SAMPLE, "points.csv"), "--coverage", join(SAMPLE, "coverage.geojson"), "--lang", "en"];
    const weight = await runCli([...base, "--weight", "pigs"]);
    expect(weight.code).toBe(2);
    expect(weight.stderr).toContain("--weight must be pupils, households or points");
    const radius = await runCli([...base, "--radius", "0"]);
    expect(radius.code).toBe(2);
    expect(radius.stderr).toContain("--radius must be a positive number");
  });
});
