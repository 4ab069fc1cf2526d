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

// Points (tests/fixtures/cli/points.csv, lat 22.05 unless said): P1 104.02, P2 104.07, P3 104.15, P4 104.3 (lat 22.3), P5 104.1.
// Before: Viettel 4G 104.0–104.1, VNPT 3G 104.05–104.2. After: Viettel 4G moves to 104.1–104.35 × 22.0–22.35 (P4 gains it,
// P1 loses it and becomes a gap), VNPT unchanged.
const AFTER = {
  type: "FeatureCollection",
  features: [
    {
      type: "Feature",
      properties: { carrier: "Viettel", technology: "4G", as_of: "2026-11-30" },
      geometry: {
        type: "Polygon",
        coordinates: [
          [
            [104.1, 22.0],
            [104.35, 22.0],
            [104.35, 22.35],
            [104.1, 22.35],
            [104.1, 22.0],
          ],
        ],
      },
    },
    {
      type: "Feature",
      properties: { carrier: "VNPT", technology: "3G", as_of: "2026-11-30" },
      geometry: {
        type: "Polygon",
        coordinates: [
          [
            [104.05, 22.0],
            [104.2, 22.0],
            [104.2, 22.1],
            [104.05, 22.1],
            [104.05, 22.0],
          ],
        ],
      },
    },
  ],
};

describe("cli compare", () => {
  it("prints the gaps closed and opened and writes the points whose carriers changed", async () => {
    const dir = await mkdtemp(join(tmpdir(), "lom-song-compare-"));
    const after = join(dir, "after.geojson");
    await writeFile(after, JSON.stringify(AFTER));
    const out = join(dir, "changes.csv");
    const summary = join(dir, "changes.json");
    const result = await runCliProcess([
      "compare",
      "--points",
      join(FIXTURES, "points.csv"),
      "--before",
      join(FIXTURES, "coverage.geojson"),
      "--after",
      after,
      "--out",
      out,
      "--summary",
      summary,
      "--lang",
      "en",
    ]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("uncovered (any technology, any carrier): 1 → 1; gaps closed: 1; gaps opened: 1");
    const table = readCsvTable(new Uint8Array(await readFile(out)), { file: "changes.csv" });
    const column = (name: string) => table.header.indexOf(name);
    expect(
      table.rows.map((row) => [
        row[column("id")],
        row[column("status_before")],
        row[column("status")],
        row[column("carriers_gained")],
        row[column("carriers_lost")],
      ]),
    ).toEqual([
      ["P1", "single_carrier", "uncovered", "", "Viettel"],
      ["P2", "covered", "single_carrier", "", "Viettel"],
      ["P3", "single_carrier", "covered", "Viettel", ""],
      ["P4", "uncovered", "single_carrier", "Viettel", ""],
    ]);
    const json = JSON.parse(await readFile(summary, "utf8")) as {
      gapsClosed: number;
      gapsOpened: number;
      byCarrier: { carrier: string; gained: number; lost: number }[];
      changes: { id: string }[];
    };
    expect([json.gapsClosed, json.gapsOpened]).toEqual([1, 1]);
    expect(json.byCarrier.find((entry) => entry.carrier === "Viettel")).toMatchObject({ gained: 2, lost: 2 });
    expect(json.changes.map((change) => change.id)).toEqual(["P1", "P2", "P3", "P4"]);
  });

  it("exits 2 with one line when a required input is missing, and documents every option", async () => {
    const missing = await runCli(["compare", "--points", join(FIXTURES, "points.csv"), "--before", join(FIXTURES, "coverage.geojson")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim().split("\n")).toHaveLength(1);
    expect(missing.stderr).toContain("--after");
    const help = await runCli(["compare", "--help"]);
    expect(help.code).toBe(0);
    for (const option of ["--points", "--before", "--after", "--admin", "--min-tech", "--carrier", "--out", "--csv-separator", "--summary", "--lang"])
      expect(help.stdout).toContain(option);
  });
});
