/**
 * The app's comparison (the worker's `compare` answer) equals the CLI's `compare` on the bundled sample: the app's
 * default dates (the two newest release dates) pick the same releases as the CLI given the sample's coverage as
 * --before and the sample's two coverage files as --after, so the summary and the changed points must be the same.
 */
import { describe, expect, it } from "vitest";
import { mkdtemp, readFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseAdminGeojson, parseCoverageGeojson, parsePointsCsv, pointsToCsv } from "../src/domain/index.ts";
import { createCompareCache } from "../src/workers/compare_request.ts";
import { runCliInProcess } from "./support/cli_run.ts";

const ROOT = new URL("..", import.meta.url).pathname;
const SAMPLE = join(ROOT, "data/sample");
const BOUNDARIES = join(ROOT, "data/boundaries");

describe("compare in the app and in the CLI", () => {
  it("gives the same counts per carrier and province and the same changed points on the sample", async () => {
    // As the worker reads them: the sample's files as the app loads them, the bundled boundaries.
    const points = parsePointsCsv(readFileSync(join(SAMPLE, "points.csv")), { file: "points.csv" }).items;
    const coverage = ["coverage.geojson", "coverage-new-sites.geojson"].flatMap(
      (file) => parseCoverageGeojson(readFileSync(join(SAMPLE, file)), { file }).items,
    );
    const admin = ["provinces.geojson", "communes.geojson"].flatMap((file) => parseAdminGeojson(readFileSync(join(BOUNDARIES, file)), { file }).items);
    const cache = createCompareCache();
    cache.keep({ version: 7, points, coverage, admin });
    expect(cache.answer({ version: 6, filter: {} }).available).toBe(false);
    const { releases } = cache.answer({ version: 7, filter: {} });
    expect(releases?.comparable).toBe(true);
    // The sample: 4G of every carrier re-released on 15/11/2026; the latest earlier release is Viettel's of 30/09.
    expect(releases?.defaults).toEqual({ before: "2026-09-30", after: "2026-11-15" });
    const filter = { minTechnology: "4G" as const };
    const app = cache.answer({ version: 7, dates: releases!.defaults!, filter }).comparison!;
    expect(app.gapsClosed).toBeGreaterThan(0);

    const dir = await mkdtemp(join(tmpdir(), "lom-song-compare-app-"));
    const summary = join(dir, "summary.json");
    const out = join(dir, "changes.csv");
    const result = await runCliInProcess([
      "compare",
      "--points",
      join(SAMPLE, "points.csv"),
      "--before",
      join(SAMPLE, "coverage.geojson"),
      "--after",
      join(SAMPLE, "coverage.geojson"),
      "--after",
      join(SAMPLE, "coverage-new-sites.geojson"),
      "--admin",
      join(BOUNDARIES, "provinces.geojson"),
      "--admin",
      join(BOUNDARIES, "communes.geojson"),
      "--min-tech",
      "4G",
      "--summary",
      summary,
      "--out",
      out,
      "--quiet",
    ]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const cli = JSON.parse(await readFile(summary, "utf8")) as Record<string, unknown> & {
      changes: { id: string; before: string; after: string; gained: string[]; lost: string[] }[];
    };
    const { rows, before, after, changes, ...totals } = app;
    expect([before, after]).toEqual(["2026-09-30", "2026-11-15"]);
    expect({ filter, ...totals }).toEqual({ ...cli, changes: undefined, filter });
    expect(
      changes.map((change) => ({ id: points[change.index].id, before: change.before, after: change.after, gained: change.gained, lost: change.lost })),
    ).toEqual(cli.changes);
    // The changed points as the CLI writes them, from the rows the app exports.
    expect(pointsToCsv(rows)).toBe(await readFile(out, "utf8"));
  });
});
