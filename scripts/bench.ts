/**
 * `npm run bench -- [--points N] [--towers N] [--out FILE] [--tiny] [--settle-gc] [--postgis]`
 * Generates a national-scale workload in a temporary directory, times every stage for the engine and the two
 * baselines, checks that they agree, prints a table and writes the figures as JSON
 * (default bench-results/latest.json, which git ignores). See docs/performance.md.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { parseArgs } from "node:util";
import { formatBenchTable, runBenchmark } from "./bench/run_benchmark.ts";
import { formatSiteBench, runSiteBenchmark } from "./bench/site_bench.ts";
import { formatPostgisComparison, runPostgisBaseline } from "./bench/postgis_baseline.ts";

const { values } = parseArgs({
  options: {
    points: { type: "string" },
    towers: { type: "string" },
    districts: { type: "string" },
    "turf-sample": { type: "string" },
    out: { type: "string" },
    tiny: { type: "boolean" },
    "settle-gc": { type: "boolean" },
    "sites-only": { type: "boolean" },
    "site-points": { type: "string" },
    postgis: { type: "boolean" },
    help: { type: "boolean", short: "h" },
  },
});

if (values.help) {
  process.stdout.write(`npm run bench -- [--points N] [--towers N] [--districts N] [--turf-sample N] [--out FILE] [--tiny] [--settle-gc]
  --points N       points (default 1000000)
  --towers N       tower discs per carrier, 3 carriers (default 20000)
  --districts N    districts (default 700)
  --turf-sample N  points timed with naive Turf, then extrapolated (default 300)
  --out FILE       JSON results (default bench-results/latest.json)
  --tiny           300 points, 30 towers per carrier, 20 districts: a smoke run
  --settle-gc      a full garbage collection between stages, outside the timed windows (see docs/performance.md)
  --sites-only     only the "where to build" benchmark (greedy site suggestions, lazy vs naive)
  --site-points N  uncovered points of that benchmark (default 50000; 2000 with --tiny)
  --postgis        only the CLI end to end (analyze) against PostGIS (load, GiST indexes, query) on the same
                   files, in a private PostgreSQL cluster on a loopback port (default 300000 points; skipped in
                   one line when PostgreSQL with PostGIS is not installed)
`);
  process.exit(0);
}

function positiveInteger(value: string | undefined, fallback: number, flag: string): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number <= 0) {
    process.stderr.write(`${flag} must be a positive integer, not "${value}"\n`);
    process.exit(2);
  }
  return number;
}

const tiny = values.tiny === true;
const sitePoints = positiveInteger(values["site-points"], tiny ? 2000 : 50_000, "--site-points");
if (values["sites-only"]) {
  process.stdout.write(formatSiteBench(runSiteBenchmark(sitePoints)) + "\n");
  process.exit(0);
}
if (values.postgis) {
  const comparison = await runPostgisBaseline({
    points: positiveInteger(values.points, tiny ? 300 : 300_000, "--points"),
    towersPerCarrier: positiveInteger(values.towers, tiny ? 30 : 20_000, "--towers"),
    log: (line: string) => process.stderr.write(`  ${line}\n`),
  });
  if (comparison !== null) {
    process.stdout.write(formatPostgisComparison(comparison) + "\n");
    const out = values.out ?? "bench-results/postgis.json";
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, JSON.stringify(comparison, null, 2) + "\n");
    if (comparison.uncovered.differing > 0) {
      process.stderr.write(`the CLI and PostGIS disagree on ${comparison.uncovered.differing} uncovered ids\n`);
      process.exit(1);
    }
  }
  process.exit(0);
}
const points = positiveInteger(values.points, tiny ? 300 : 1_000_000, "--points");
const options = {
  points,
  towersPerCarrier: positiveInteger(values.towers, tiny ? 30 : 20_000, "--towers"),
  districts: positiveInteger(values.districts, tiny ? 20 : 700, "--districts"),
  turfSample: positiveInteger(values["turf-sample"], tiny ? 300 : 300, "--turf-sample"),
  turfDistrictSample: tiny ? 300 : 2000,
  log: (line: string) => process.stderr.write(`  ${line}\n`),
  settleGc: values["settle-gc"] === true,
};
const result = await runBenchmark(options);
const out = values.out ?? "bench-results/latest.json";
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(result, null, 2) + "\n");

process.stdout.write(
  `\n${result.workload.points} points × ${result.workload.carriers} carriers × ${result.workload.towersPerCarrier} discs (${result.workload.vertices} vertices), ${result.workload.districts} districts\n`,
);
process.stdout.write(`${result.machine.cpu}, ${result.machine.nproc} cores, Node ${result.machine.node}\n\n`);
process.stdout.write(formatBenchTable(result) + "\n\n");
process.stdout.write(`agreement: ${JSON.stringify(result.agreement)}\n`);
process.stdout.write(`uncovered points: ${result.results.uncoveredPoints}; peak RSS ${result.memory.peakRssMB} MB\n`);
process.stdout.write(`written: ${out}\n`);
process.stdout.write(`\n${formatSiteBench(runSiteBenchmark(sitePoints))}\n`);
const a = result.agreement;
const disagreements = a.engineVsFlatbushMaskMismatches + a.engineSortedVsRandomMismatches + a.engineVsTurfMaskMismatches;
if (disagreements > 0) {
  process.stderr.write(`the engine and the baselines disagree on ${disagreements} point masks\n`);
  process.exit(1);
}
