// The point files of `suggest` and `compare` are read by one function (scripts/cli/input_files.ts), so every
// format analyze reads works there too; a legacy .xls needs its reader loaded on demand, which used to be
// done by analyze and progress only.
import { describe, expect, it } from "vitest";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCliInProcess as runCli } from "./support/cli_run.ts";

const ROOT = new URL("..", import.meta.url).pathname;
const fixture = (name: string) => join(ROOT, "tests/fixtures/formats", name);

describe("suggest and compare read the point files analyze reads", () => {
  it("take a legacy Excel .xls list of schools (SheetJS loaded on demand)", async () => {
    const dir = await mkdtemp(join(tmpdir(), "lom-song-points-"));
    const suggest = await runCli([
      "suggest",
      "--points",
      fixture("truong.xls"),
      "--coverage",
      fixture("vung_phu_source.geojson"),
      "--summary",
      join(dir, "plan.json"),
      "--lang",
      "en",
    ]);
    expect(suggest.stderr).toBe("");
    expect(suggest.code).toBe(0);
    const compare = await runCli([
      "compare",
      "--points",
      fixture("truong.xls"),
      "--before",
      fixture("vung_phu_source.geojson"),
      "--after",
      fixture("vung_phu_source.geojson"),
      "--summary",
      join(dir, "compare.json"),
      "--lang",
      "en",
    ]);
    expect(compare.stderr).toBe("");
    expect(compare.code).toBe(0);
    // truong.xls: two schools, one covered by VNPT, one by nobody (tests/cli_formats.test.ts reads the same file).
    const summary = JSON.parse(await readFile(join(dir, "compare.json"), "utf8")) as { points: number; uncoveredBefore: number; uncoveredAfter: number };
    expect([summary.points, summary.uncoveredBefore, summary.uncoveredAfter]).toEqual([2, 1, 1]);
  });
});
