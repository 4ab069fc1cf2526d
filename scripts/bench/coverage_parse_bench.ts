/**
 * `node --expose-gc --import tsx scripts/bench/coverage_parse_bench.ts [--towers N] [--rounds N]`
 * The coverage parse stage alone on the national workload (3 carriers × N discs, default 20,000), from the file's
 * bytes to what the CLI uses, three ways, alternated round by round:
 * - "JSON.parse path": parseCoverageGeojson with `scanner: false` then packCoverage (the worker thread before the
 *   byte scanner);
 * - "scanner, features": parseCoverageGeojson through the byte scanner (the CLI on one thread, the browser worker);
 * - "scanner, columns": parseCoverageGeojsonColumns + packColumns (the CLI's worker thread now).
 * Wall and CPU seconds (CPU is steadier on a shared machine), and a check that all three give the same features.
 * See docs/performance.md.
 */
import { isDeepStrictEqual, parseArgs } from "node:util";
import { parseCoverageGeojson, parseCoverageGeojsonColumns } from "../../src/domain/parse/parse_coverage_geojson.ts";
import { packColumns, packCoverage } from "../cli/coverage_transfer.ts";
import { generateWorkload } from "./generate_workload.ts";

const { values } = parseArgs({ options: { towers: { type: "string" }, rounds: { type: "string" } } });
const towers = Number(values.towers ?? 20_000);
const rounds = Number(values.rounds ?? 3);
const bytes = new TextEncoder().encode(JSON.stringify(generateWorkload({ towersPerCarrier: towers, points: 1 }).coverage));
process.stdout.write(`coverage: ${(bytes.length / 1e6).toFixed(1)} MB, 3 × ${towers} discs\n`);

const file = "coverage.geojson";
const ways = {
  "JSON.parse path": () => packCoverage(parseCoverageGeojson(bytes, { file, scanner: false }).items),
  "scanner, features": () => parseCoverageGeojson(bytes, { file }).items,
  "scanner, columns": () => packColumns(parseCoverageGeojsonColumns(bytes, { file }).columns),
};
type Way = keyof typeof ways;
const wall = new Map<Way, number[]>();
const cpu = new Map<Way, number[]>();
const outputs = new Map<Way, unknown>();
for (let round = 0; round < rounds; round++) {
  for (const way of Object.keys(ways) as Way[]) {
    // With --expose-gc, the previous way's garbage is collected outside this one's window.
    (globalThis as { gc?: () => void }).gc?.();
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    const output = ways[way]();
    const used = process.cpuUsage(cpuStart);
    wall.set(way, [...(wall.get(way) ?? []), (performance.now() - start) / 1000]);
    cpu.set(way, [...(cpu.get(way) ?? []), (used.user + used.system) / 1e6]);
    if (round === 0) outputs.set(way, output);
  }
  if (round === 0) {
    const reference = outputs.get("JSON.parse path");
    const features = outputs.get("scanner, features") as Parameters<typeof packCoverage>[0];
    process.stdout.write(`same result: features ${isDeepStrictEqual(packCoverage(features), reference)}, columns ${isDeepStrictEqual(outputs.get("scanner, columns"), reference)}\n`);
    outputs.clear();
  }
}
const median = (list: number[]): number => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const base = median(cpu.get("JSON.parse path") ?? []);
for (const way of Object.keys(ways) as Way[]) {
  const w = wall.get(way) ?? [];
  const c = cpu.get(way) ?? [];
  process.stdout.write(
    `${way.padEnd(18)} wall ${w.map((t) => t.toFixed(2)).join(", ")} s; CPU ${c.map((t) => t.toFixed(2)).join(", ")} s (median ${median(c).toFixed(2)}, ${(base / median(c)).toFixed(1)}× the JSON.parse path)\n`,
  );
}
