/**
 * Golden files for parsePointsCsv: each tests/fixtures/parse_points_csv/in/<case>.csv is parsed from
 * its bytes and compared with out/<case>.json (the points and the full import report).
 * `REGEN=1 npx vitest run tests/parse_golden.test.ts` rewrites out/; review the diff by eye.
 */
import { describe, expect, it } from "vitest";
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parsePointsCsv } from "../src/domain/index.ts";

const ROOT = new URL("./fixtures/parse_points_csv/", import.meta.url).pathname;
const IN = join(ROOT, "in");
const OUT = join(ROOT, "out");
const REGENERATE = process.env.REGEN === "1";

describe("parsePointsCsv golden files", () => {
  const cases = readdirSync(IN)
    .filter((name) => name.endsWith(".csv"))
    .sort();

  it("has fixtures to compare", () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  for (const name of cases) {
    it(`matches out/${name.replace(/\.csv$/, ".json")}`, () => {
      const bytes = new Uint8Array(readFileSync(join(IN, name)));
      const result = parsePointsCsv(bytes, { file: name });
      expect(result.report.read).toBe(result.report.accepted + result.report.rejected);
      const actual = `${JSON.stringify(result, null, 2)}\n`;
      const outPath = join(OUT, name.replace(/\.csv$/, ".json"));
      if (REGENERATE) {
        mkdirSync(OUT, { recursive: true });
        writeFileSync(outPath, actual);
      }
      expect(existsSync(outPath), `missing ${outPath}: run with REGEN=1`).toBe(true);
      expect(actual).toBe(readFileSync(outPath, "utf8"));
    });
  }
});
