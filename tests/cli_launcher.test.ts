import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCliInProcess, runCliProcess } from "./support/cli_run.ts";

const ROOT = new URL("..", import.meta.url).pathname;
const FIXTURES = join(ROOT, "tests/fixtures/cli");
const out = mkdtempSync(join(tmpdir(), "lom-song-launcher-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe("npm run cli (scripts/cli_launcher.mjs, the prebuilt bundle)", () => {
  it("computes what the TypeScript CLI computes, with its coverage worker thread", async () => {
    const args = (file: string) => [
      "analyze",
      "--points",
      join(FIXTURES, "points.csv"),
      "--coverage",
      join(FIXTURES, "coverage.geojson"),
      "--out",
      join(out, file),
      "--lang",
      "en",
    ];
    const bundled = await runCliProcess(args("bundled.csv"), { LOM_SONG_WORKERS: "1" });
    const direct = await runCliInProcess(args("direct.csv"));
    expect(bundled.code).toBe(0);
    expect(bundled.stderr).toBe("");
    expect(bundled.stdout.replace("bundled.csv", "X")).toBe(direct.stdout.replace("direct.csv", "X"));
    expect(readFileSync(join(out, "bundled.csv"), "utf8")).toBe(readFileSync(join(out, "direct.csv"), "utf8"));
  });

  it("records the sources it was built from, so that an edited one makes it build again", async () => {
    await runCliProcess(["--help"]);
    const manifest = JSON.parse(readFileSync(join(ROOT, "node_modules/.lom-song-cli/inputs.json"), "utf8")) as { inputs: [string, number, number][] };
    const paths = manifest.inputs.map(([path]) => path);
    expect(paths).toContain("scripts/cli.ts");
    expect(paths).toContain("scripts/cli/coverage_worker.ts");
    expect(paths).toContain("src/domain/spatial/grid_kernel.ts");
    expect(paths.some((path) => path.startsWith("node_modules/"))).toBe(false);
  });

  it("sits two folders below the project, as scripts/cli/ does, so the data it reads by relative URL is found", () => {
    // scripts/cli/tracking.ts reads the 2025 commune list as new URL("../../data/…", import.meta.url).
    const bundle = pathToFileURL(join(ROOT, "node_modules/.lom-song-cli/cli.mjs"));
    expect(existsSync(new URL("../../data/crosswalks/communes-2025.json", bundle))).toBe(true);
    expect(readFileSync(join(ROOT, "node_modules/.lom-song-cli/cli.mjs"), "utf8")).toContain("../../data/crosswalks/communes-2025.json");
  });
});
