import { describe, expect, it } from "vitest";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readCsvTable } from "../src/domain/index.ts";
import { runCliInProcess } from "./support/cli_run.ts";

const ROOT = new URL("..", import.meta.url).pathname;
const SAMPLE = join(ROOT, "data/sample");

const runCli = runCliInProcess;

describe("cli progress --risk-out", () => {
  it("writes the risk table and the per-carrier forecasts that the summary holds", async () => {
    const dir = await mkdtemp(join(tmpdir(), "lom-song-risk-"));
    const riskOut = join(dir, "risk.csv");
    const summary = join(dir, "summary.json");
    const result = await runCli([
      "progress",
      "--registry",
      join(SAMPLE, "dead_zones.csv"),
      "--events",
      join(SAMPLE, "events.json"),
      "--updates",
      join(SAMPLE, "updates-viettel.csv"),
      "--coverage",
      join(SAMPLE, "coverage.geojson"),
      "--today",
      "2026-11-21",
      "--risk-out",
      riskOut,
      "--summary",
      summary,
      "--lang",
      "en",
    ]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const json = JSON.parse(await readFile(summary, "utf8")) as {
      listed: number;
      risk: {
        by_carrier: { key: string; completionDate: string | null; wontMakeDeadline: number }[];
        points: { rank: number; pointId: string; daysToDeadline: number | null; wontMakeDeadline: boolean }[];
      };
    };
    const table = readCsvTable(new Uint8Array(await readFile(riskOut)), { file: "risk.csv" });
    const column = (name: string) => table.header.indexOf(name);
    expect(
      table.rows.map((row) => [
        Number(row[column("rank")]),
        row[column("point_id")],
        Number(row[column("days_to_deadline")]),
        row[column("wont_make_deadline")] === "1",
      ]),
    ).toEqual(json.risk.points.map((row) => [row.rank, row.pointId, row.daysToDeadline, row.wontMakeDeadline]));
    expect(json.risk.points.length).toBeGreaterThan(0);
    // Overdue points come first.
    const firstNotOverdue = json.risk.points.findIndex((row) => (row.daysToDeadline ?? 0) >= 0);
    expect(json.risk.points.slice(firstNotOverdue).every((row) => (row.daysToDeadline ?? 0) >= 0)).toBe(true);
    for (const forecast of json.risk.by_carrier) expect(result.stdout).toContain(`${forecast.completionDate ?? "no progress"}`);
  });
});
