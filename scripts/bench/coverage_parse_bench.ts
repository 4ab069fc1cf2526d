/**
 * `npx tsx scripts/bench/coverage_parse_bench.ts [--towers N] [--rounds N]`
 * The coverage parse stage alone on the national workload (3 carriers × N discs, default 20,000), from the file's
 * bytes to what the CLI uses, three ways, alternated round by round:
 * - "JSON.parse path": parseCoverageGeojson with `scanner: false` then packCoverage (the worker thread before the
 *   byte scanner);
 * - "scanner, features": parseCoverageGeojson through the byte scanner (the CLI on one thread, the browser worker);
 * - "scanner, columns": parseCoverageGeojsonColumns + packColumns (the CLI's worker thread now).
 * Each timing runs in a fresh process (one way, once: no other way's heap or garbage in its window), the ways
 * alternated round by round. Wall and CPU seconds (CPU is steadier on a shared machine), and a check that all three
 * give the same features.
 * See docs/performance.md.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual, parseArgs } from "node:util";
import { parseCoverageGeojson, parseCoverageGeojsonColumns } from "../../src/domain/parse/parse_coverage_geojson.ts";
import { packColumns, packCoverage } from "../cli/coverage_transfer.ts";
import { generateWorkload } from "./generate_workload.ts";

const { values } = parseArgs({ options: { towers: { type: "string" }, rounds: { type: "string" }, way: { type: "string" }, file: { type: "string" } } });
const towers = Number(values.towers ?? 20_000);
const rounds = Number(values.rounds ?? 3);
// A child reads the parent's file, so that no garbage of the generator is collected in its timed window.
const bytes =
  values.file !== undefined
    ? new Uint8Array(readFileSync(values.file))
    : new TextEncoder().encode(JSON.stringify(generateWorkload({ towersPerCarrier: towers, points: 1 }).coverage));
if (values.way === undefined) process.stdout.write(`coverage: ${(bytes.length / 1e6).toFixed(1)} MB, 3 × ${towers} discs\n`);

const file = "coverage.geojson";
const ways = {
  "JSON.parse path": () => packCoverage(parseCoverageGeojson(bytes, { file, scanner: false }).items),
  "scanner, features": () => parseCoverageGeojson(bytes, { file }).items,
  "scanner, columns": () => packColumns(parseCoverageGeojsonColumns(bytes, { file }).columns),
};
type Way = keyof typeof ways;

if (values.way !== undefined) {
  // A child: one way, once, in a fresh process (no other way's heap or garbage); prints "wall cpu".
  const way = values.way as Way;
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  ways[way]();
  const used = process.cpuUsage(cpuStart);
  process.stdout.write(`${(performance.now() - start) / 1000} ${(used.user + used.system) / 1e6}\n`);
  process.exit(0);
}

const reference = ways["JSON.parse path"]();
const features = ways["scanner, features"]();
process.stdout.write(
  `same result: features ${isDeepStrictEqual(packCoverage(features), reference)}, columns ${isDeepStrictEqual(ways["scanner, columns"](), reference)}\n`,
);
const directory = mkdtempSync(join(tmpdir(), "lom-song-parse-bench-"));
const path = join(directory, "coverage.geojson");
writeFileSync(path, bytes);
const wall = new Map<Way, number[]>();
const cpu = new Map<Way, number[]>();
for (let round = 0; round < rounds; round++) {
  for (const way of Object.keys(ways) as Way[]) {
    const child = spawnSync(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), "--file", path, "--way", way], { encoding: "utf8" });
    if (child.status !== 0) throw new Error(`${way}: ${child.stderr}`);
    const [w, c] = child.stdout.trim().split("\n").at(-1)!.split(" ").map(Number);
    wall.set(way, [...(wall.get(way) ?? []), w]);
    cpu.set(way, [...(cpu.get(way) ?? []), c]);
  }
}
rmSync(directory, { recursive: true, force: true });
const median = (list: number[]): number => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const base = median(cpu.get("JSON.parse path") ?? []);
const baseWall = median(wall.get("JSON.parse path") ?? []);
for (const way of Object.keys(ways) as Way[]) {
  const w = wall.get(way) ?? [];
  const c = cpu.get(way) ?? [];
  process.stdout.write(
    `${way.padEnd(18)} wall ${w.map((t) => t.toFixed(2)).join(", ")} s (median ${median(w).toFixed(2)}, ${(baseWall / median(w)).toFixed(1)}×); CPU ${c.map((t) => t.toFixed(2)).join(", ")} s (median ${median(c).toFixed(2)}, ${(base / median(c)).toFixed(1)}×)\n`,
  );
}
