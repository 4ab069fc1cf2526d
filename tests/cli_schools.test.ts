import { describe, expect, it } from "vitest";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzeCoverage, parseCoverageGeojson, parsePointsCsv, summarizeSchoolsAndWeights, type ImportReport } from "../src/domain/index.ts";
import { runCliInProcess } from "./support/cli_run.ts";

const ROOT = new URL("..", import.meta.url).pathname;

const runCli = runCliInProcess;

describe("cli analyze: schools as schools, pupils and households", () => {
  it("counts schools both ways, reports a parent_id naming no school on its row, and sums pupils and households", async () => {
    const dir = await mkdtemp(join(tmpdir(), "lom-song-schools-"));
    const points = join(dir, "truong.csv");
    await writeFile(
      points,
      [
        "id,name,kind,lon,lat,parent_id,pupils,households",
        "T1,Trường 1,school,104.02,22.05,,200,",
        "T1-a,Điểm 1a,school_site,104.5,22.4,T1,30,",
        "T2,Trường 2,school,104.3,22.3,,120,",
        "X-a,Điểm lạc,school_site,104.03,22.05,T9,15,",
        "V1,Bản 1,village,104.31,22.31,,,80",
      ].join("\n") + "\n",
    );
    const coverage = join(ROOT, "tests/fixtures/cli/coverage.geojson");
    const summary = join(dir, "summary.json");
    const report = join(dir, "report.json");
    const result = await runCli(["analyze", "--points", points, "--coverage", coverage, "--summary", summary, "--report", report, "--lang", "en"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);

    const parsed = parsePointsCsv(new Uint8Array(await readFile(points)), { file: "truong.csv" }).items;
    const features = parseCoverageGeojson(new Uint8Array(await readFile(coverage)), { file: "coverage.geojson" }).items;
    const expected = summarizeSchoolsAndWeights(analyzeCoverage(parsed, features), parsed, {});
    const json = JSON.parse(await readFile(summary, "utf8")) as { schools: typeof expected.schools; weights: typeof expected.weights };
    expect(json.schools).toEqual(expected.schools);
    expect(json.weights).toEqual(expected.weights);
    expect(json.schools.schools).toBe(2);
    expect(json.schools.orphanSites).toBe(1);
    expect(result.stdout).toContain(
      `Schools: 2; main site uncovered: ${expected.schools.mainUncovered}; with an uncovered school site: ${expected.schools.withUncoveredSite}`,
    );
    expect(result.stdout).toContain(`Pupils without signal: ${expected.weights.pupilsUncovered} / 365`);

    const reports = JSON.parse(await readFile(report, "utf8")) as ImportReport[];
    const pointsReport = reports.find((entry) => entry.file === "truong.csv")!;
    expect(pointsReport.issues.filter((issue) => issue.code === "parent_unknown").map((issue) => [issue.row, issue.severity])).toEqual([[4, "warning"]]);
    expect(pointsReport.read).toBe(pointsReport.accepted + pointsReport.rejected);
  });
});
