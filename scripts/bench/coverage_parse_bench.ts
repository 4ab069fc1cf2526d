/**
 * `npx tsx scripts/bench/coverage_parse_bench.ts [--towers N] [--rounds N]`
 * The coverage parse stage alone on the national workload (3 carriers × N discs, default 20,000): parseCoverageGeojson
 * on the file's bytes through JSON.parse (`scanner: false`, the path before the byte scanner) and through the byte
 * scanner, alternated, with a check that both give the same features and report. See docs/performance.md.
 */
import { isDeepStrictEqual } from "node:util";
import { parseArgs } from "node:util";
import { parseCoverageGeojson } from "../../src/domain/parse/parse_coverage_geojson.ts";
import { generateWorkload } from "./generate_workload.ts";

const { values } = parseArgs({ options: { towers: { type: "string" }, rounds: { type: "string" } } });
const towers = Number(values.towers ?? 20_000);
const rounds = Number(values.rounds ?? 3);
const bytes = new TextEncoder().encode(JSON.stringify(generateWorkload({ towersPerCarrier: towers, points: 1 }).coverage));
process.stdout.write(`coverage: ${(bytes.length / 1e6).toFixed(1)} MB, 3 × ${towers} discs\n`);

const times = { json: [] as number[], scanner: [] as number[] };
let agree = true;
for (let round = 0; round < rounds; round++) {
  for (const path of ["json", "scanner"] as const) {
    const start = performance.now();
    const result = parseCoverageGeojson(bytes, { file: "coverage.geojson", scanner: path === "scanner" });
    times[path].push((performance.now() - start) / 1000);
    if (round === 0 && path === "scanner") {
      const reference = parseCoverageGeojson(bytes, { file: "coverage.geojson", scanner: false });
      agree = isDeepStrictEqual(result, reference);
    }
  }
}
const median = (list: number[]): number => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
process.stdout.write(`JSON.parse path: ${times.json.map((t) => t.toFixed(2)).join(", ")} s (median ${median(times.json).toFixed(2)})\n`);
process.stdout.write(`byte scanner:    ${times.scanner.map((t) => t.toFixed(2)).join(", ")} s (median ${median(times.scanner).toFixed(2)})\n`);
process.stdout.write(`ratio (medians): ${(median(times.json) / median(times.scanner)).toFixed(1)}×; same result: ${agree}\n`);
