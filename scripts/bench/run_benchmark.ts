/**
 * The benchmark: every stage of "which points are uncovered, by which carrier, per district" on a generated
 * national-scale workload, timed for the engine and, in the same run, for two baselines:
 * (a) naive Turf booleanPointInPolygon over every polygon, timed on a sample and extrapolated linearly;
 * (b) a Flatbush index over polygon-part bounding boxes plus an exact test (src/testing/flatbush_baseline.ts).
 * It also checks that the engine and the baselines agree point by point.
 */
import { cpus, loadavg, totalmem } from "node:os";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PerformanceObserver, type PerformanceEntry } from "node:perf_hooks";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { booleanPointInPolygon } from "@turf/boolean-point-in-polygon";
import Flatbush from "flatbush";
import type { Position } from "geojson";
import {
  buildAdminIndex,
  buildCoverageIndex,
  buildExportRows,
  locateAdmin,
  parseAdminGeojson,
  parseCoverageGeojson,
  parsePointsCsv,
  pointsToCsv,
  queryCoverageMasks,
  selectPoints,
  type AdminArea,
  type CoverageAnalysis,
  type CoverageFeature,
} from "../../src/domain/index.ts";
import { buildFlatbushBaseline, polygonContainsPoint, queryFlatbushMasks } from "../../src/testing/flatbush_baseline.ts";
import { writeWorkload, type WorkloadOptions } from "./generate_workload.ts";

export interface BenchOptions {
  points: number;
  towersPerCarrier: number;
  districts: number;
  /** Points timed with naive Turf against every coverage polygon (then extrapolated). */
  turfSample: number;
  /** Points timed with naive Turf against every district. */
  turfDistrictSample: number;
  seed?: number;
  /** Progress lines go here (default: nowhere). */
  log?: (line: string) => void;
  /**
   * Run a full garbage collection between stages (outside every timed window), so that a collection started by
   * one stage's allocations is not finished, and counted, in the next one. Off by default: a user's run pays
   * for those collections somewhere.
   */
  settleGc?: boolean;
}

export interface StageResult {
  stage: string;
  /** Engine wall time, seconds. */
  engineSeconds: number;
  /** Engine CPU time (user + system, all threads of the process, so garbage-collector helpers count), seconds. */
  engineCpuSeconds?: number;
  /** Garbage-collection pauses during the engine's part of the stage (main thread), seconds. */
  engineGcSeconds?: number;
  /** Flatbush baseline wall time, seconds (same run, all points), when the stage has one. */
  flatbushSeconds?: number;
  /** Naive Turf time extrapolated from `turfSample` points, seconds, when the stage has one. */
  turfSeconds?: number;
  turfSample?: number;
  /** Baseline time ÷ engine time (above 1: the engine is faster). */
  ratioVsFlatbush?: number;
  ratioVsTurf?: number;
  note?: string;
}

export interface BenchResult {
  date: string;
  /** Whether a full garbage collection ran between stages (see BenchOptions.settleGc). */
  settleGc: boolean;
  machine: { nproc: number; cpu: string; node: string; totalMemoryGiB: number; loadAverageAtStart: number[]; loadAverageAtEnd: number[] };
  workload: { points: number; carriers: number; towersPerCarrier: number; polygons: number; vertices: number; districts: number; seed: number };
  stages: StageResult[];
  agreement: {
    engineVsFlatbushMaskMismatches: number;
    engineSortedVsRandomMismatches: number;
    engineVsTurfMaskMismatches: number;
    turfSample: number;
    districtEngineVsFlatbushMismatches: number;
    districtEngineVsTurfMismatches: number;
    turfDistrictSample: number;
  };
  results: { uncoveredPoints: number; coveredByCarrier: Record<string, number>; districtsWithPoints: number };
  memory: { peakRssMB: number; rssAfterStageMB: Record<string, number> };
}

function cpuSeconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}

function seconds(start: number): number {
  return (performance.now() - start) / 1000;
}

function rssMB(): number {
  return Math.round(process.memoryUsage().rss / 1e6);
}

function ratio(baseline: number | undefined, engine: number): number | undefined {
  if (baseline === undefined || engine <= 0) return undefined;
  const value = baseline / engine;
  return value >= 10 ? Math.round(value) : Number(value.toPrecision(2));
}

/** Evenly spaced sample indices. */
function sampleIndices(count: number, size: number): number[] {
  const n = Math.min(count, size);
  return Array.from({ length: n }, (_, k) => Math.floor((k * count) / n));
}

/** Flatbush over district part boxes + exact test: the per-area baseline. */
function buildFlatbushDistricts(areas: readonly AdminArea[]): { index: Flatbush; parts: Position[][][]; owner: number[] } {
  const parts: Position[][][] = [];
  const owner: number[] = [];
  areas.forEach((area, k) => {
    const polygons = area.geometry.type === "Polygon" ? [area.geometry.coordinates] : area.geometry.coordinates;
    for (const polygon of polygons) {
      parts.push(polygon);
      owner.push(k);
    }
  });
  const index = new Flatbush(Math.max(1, parts.length));
  for (const part of parts) {
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const [x, y] of part[0]) {
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x);
      maxY = Math.max(maxY, y);
    }
    index.add(minX, minY, maxX, maxY);
  }
  if (parts.length === 0) index.add(0, 0, 0, 0);
  index.finish();
  return { index, parts, owner };
}

function locateFlatbushDistrict(baseline: ReturnType<typeof buildFlatbushDistricts>, lon: number, lat: number): number {
  let found = -1;
  for (const candidate of baseline.index.search(lon, lat, lon, lat)) {
    if (candidate >= baseline.parts.length) continue;
    if (polygonContainsPoint(baseline.parts[candidate], lon, lat)) {
      const area = baseline.owner[candidate];
      if (found < 0 || area < found) found = area;
    }
  }
  return found;
}

/**
 * Runs the whole benchmark once.
 * @param options - sizes and sample sizes
 * @returns the figures, the agreement counts and the memory peak
 */
export async function runBenchmark(options: BenchOptions): Promise<BenchResult> {
  // Garbage-collection pauses, attributed to the engine's part of each stage by time window. Node delivers
  // the entries asynchronously, so the run yields briefly after each stage (outside every timed window).
  const gcEntries: PerformanceEntry[] = [];
  const gcObserver = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcEntries.push(entry);
  });
  gcObserver.observe({ entryTypes: ["gc"] });
  const engineWindows = new Map<string, [number, number]>();
  let fullGc: (() => void) | null = null;
  if (options.settleGc === true) {
    setFlagsFromString("--expose-gc");
    fullGc = runInNewContext("gc") as () => void;
  }
  const yieldToEvents = async () => {
    await new Promise((resolve) => setTimeout(resolve, 30));
    if (fullGc !== null) {
      fullGc();
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
  };
  const log = options.log ?? (() => {});
  const loadAverageAtStart = loadavg().map((value) => Math.round(value * 100) / 100);
  const workloadOptions: Partial<WorkloadOptions> = {
    points: options.points,
    towersPerCarrier: options.towersPerCarrier,
    districts: options.districts,
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
  };
  log(`generating ${options.points} points, ${options.towersPerCarrier} towers per carrier, ${options.districts} districts…`);
  const files = writeWorkload(workloadOptions);
  const carrierNames = [...new Set(files.workload.coverage.features.map((feature) => String(feature.properties?.carrier)))];
  const polygons = files.workload.coverage.features.length;
  const vertices = files.workload.coverage.features.reduce((sum, feature) => sum + feature.geometry.coordinates[0].length, 0);
  const districtCount = files.workload.districts.features.length;
  // Drop the generator's in-memory copies: every stage below starts from the files, as a user's run would.
  (files as { workload: unknown }).workload = null;
  const stages: StageResult[] = [];
  const rssAfterStage: Record<string, number> = {};
  const finishStage = (stage: StageResult) => {
    stage.ratioVsFlatbush = ratio(stage.flatbushSeconds, stage.engineSeconds);
    stage.ratioVsTurf = ratio(stage.turfSeconds, stage.engineSeconds);
    stages.push(stage);
    rssAfterStage[stage.stage] = rssMB();
    log(`${stage.stage}: ${stage.engineSeconds.toFixed(3)} s`);
  };
  /**
   * Times the engine's part of a stage: wall and CPU seconds, and its window for the GC attribution; then yields
   * (outside the window, so neither the pause nor a settling collection counts).
   */
  const timeEngine = async <T>(stage: string, work: () => T): Promise<[T, { engineSeconds: number; engineCpuSeconds: number }]> => {
    const start = performance.now();
    const cpuStart = cpuSeconds();
    const value = work();
    const timing = { engineSeconds: seconds(start), engineCpuSeconds: cpuSeconds() - cpuStart };
    engineWindows.set(stage, [start, performance.now()]);
    await yieldToEvents();
    return [value, timing];
  };

  try {
    // 1. Points CSV: read + parsePointsCsv (PapaParse tokenising, column detection, coordinate checks).
    const [parsedPoints, pointsTiming] = await timeEngine("points CSV parse", () => {
      const pointsBytes = readFileSync(files.pointsPath);
      const parsed = parsePointsCsv(new Uint8Array(pointsBytes.buffer, pointsBytes.byteOffset, pointsBytes.byteLength), { file: "points.csv" });
      const lon = new Float64Array(parsed.items.length);
      const lat = new Float64Array(parsed.items.length);
      for (let i = 0; i < parsed.items.length; i++) {
        lon[i] = parsed.items[i].lon;
        lat[i] = parsed.items[i].lat;
      }
      return { ...parsed, lon, lat };
    });
    const { items: points, lon, lat } = parsedPoints;
    const count = points.length;
    finishStage({ stage: "points CSV parse", ...pointsTiming, note: `parsePointsCsv, ${count} points accepted of ${parsedPoints.report.read}` });

    // 2. Coverage GeoJSON: read the bytes, then parseCoverageGeojson (the byte scanner and the checks), as the CLI does.
    const [parsedCoverage, coverageTiming] = await timeEngine("coverage GeoJSON parse", () => {
      const readStart = performance.now();
      const coverageBytes = new Uint8Array(readFileSync(files.coveragePath));
      const readSeconds = seconds(readStart);
      const parseStart = performance.now();
      return { ...parseCoverageGeojson(coverageBytes, { file: "coverage.geojson" }), readSeconds, parseSeconds: seconds(parseStart) };
    });
    const coverage: CoverageFeature[] = parsedCoverage.items;
    finishStage({
      stage: "coverage GeoJSON parse",
      ...coverageTiming,
      note: `read ${parsedCoverage.readSeconds.toFixed(2)} s, parseCoverageGeojson (byte scanner and checks) ${parsedCoverage.parseSeconds.toFixed(2)} s; ${coverage.length} features`,
    });

    // 3. Index build: engine grid vs Flatbush over part boxes.
    const [index, buildTiming] = await timeEngine("index build", () => buildCoverageIndex(coverage));
    let start = performance.now();
    const baseline = buildFlatbushBaseline(coverage);
    const flatbushBuild = seconds(start);
    finishStage({
      stage: "index build",
      ...buildTiming,
      flatbushSeconds: flatbushBuild,
      note: `one grid for ${index.layers.length} layers, cell ${index.grid.cellSize.toFixed(4)}°, ${((index.grid.columns * index.grid.rows) / 1e6).toFixed(1)}M cells, ${(index.grid.entries.length / 1e6).toFixed(1)}M cell entries`,
    });

    // 4. Per-point masks, random order and cell order; the baselines on the same points.
    const [masks, randomTiming] = await timeEngine("query, input order", () => queryCoverageMasks(index, lon, lat, { sortByCell: false }));
    const [sortedMasks, sortedTiming] = await timeEngine("query, cell order", () => queryCoverageMasks(index, lon, lat, { sortByCell: true }));
    start = performance.now();
    const flatbushMasks = queryFlatbushMasks(baseline, lon, lat);
    const flatbushQuery = seconds(start);
    const turfIndices = sampleIndices(count, options.turfSample);
    const layerOf = new Map(index.layers.map((layer, l) => [`${layer.carrier}|${layer.technology}`, l]));
    const turfMasks = new Uint32Array(turfIndices.length);
    start = performance.now();
    turfIndices.forEach((i, k) => {
      for (const feature of coverage) {
        if (booleanPointInPolygon([lon[i], lat[i]], feature.geometry)) turfMasks[k] |= 1 << (layerOf.get(`${feature.carrier}|${feature.technology}`) ?? 0);
      }
    });
    const turfQuery = turfIndices.length > 0 ? (seconds(start) * count) / turfIndices.length : undefined;
    const queryNote = `${count} points × ${index.layers.length} layers`;
    finishStage({
      stage: "query, input order",
      ...randomTiming,
      flatbushSeconds: flatbushQuery,
      turfSeconds: turfQuery,
      turfSample: turfIndices.length,
      note: queryNote,
    });
    finishStage({
      stage: "query, cell order",
      ...sortedTiming,
      flatbushSeconds: flatbushQuery,
      turfSeconds: turfQuery,
      turfSample: turfIndices.length,
      note: `${queryNote}; includes the counting sort`,
    });
    let engineVsFlatbush = 0;
    let sortedVsRandom = 0;
    for (let i = 0; i < masks.length; i++) {
      if (masks[i] !== flatbushMasks[i]) engineVsFlatbush++;
      if (masks[i] !== sortedMasks[i]) sortedVsRandom++;
    }
    let engineVsTurf = 0;
    turfIndices.forEach((i, k) => {
      if (masks[i * index.words] !== turfMasks[k]) engineVsTurf++;
    });

    // 5. Per-district counts: admin grid + locate every point + count, vs Flatbush + exact, vs Turf (sample).
    const districtsJson = JSON.parse(readFileSync(files.districtsPath, "utf8")) as object;
    const districts = parseAdminGeojson(districtsJson, { file: "districts.geojson", level: "commune" }).items;
    const [{ districtOf, totals }, areasTiming] = await timeEngine("per-district counts", () => {
      const adminIndex = buildAdminIndex(districts);
      const located = new Int32Array(count);
      const totals = new Uint32Array(districts.length);
      const uncoveredPerDistrict = new Uint32Array(districts.length);
      for (let i = 0; i < count; i++) {
        const district = locateAdmin(adminIndex, lon[i], lat[i]);
        located[i] = district;
        if (district < 0) continue;
        totals[district]++;
        if (masks[i * index.words] === 0) uncoveredPerDistrict[district]++;
      }
      return { districtOf: located, totals };
    });
    start = performance.now();
    const flatbushDistricts = buildFlatbushDistricts(districts);
    let districtVsFlatbush = 0;
    for (let i = 0; i < count; i++) if (locateFlatbushDistrict(flatbushDistricts, lon[i], lat[i]) !== districtOf[i]) districtVsFlatbush++;
    const flatbushAreas = seconds(start);
    const turfDistrictIndices = sampleIndices(count, options.turfDistrictSample);
    let districtVsTurf = 0;
    start = performance.now();
    for (const i of turfDistrictIndices) {
      let found = -1;
      for (let d = 0; d < districts.length; d++) {
        if (booleanPointInPolygon([lon[i], lat[i]], districts[d].geometry)) {
          found = d;
          break;
        }
      }
      if (found !== districtOf[i]) districtVsTurf++;
    }
    const turfAreas = turfDistrictIndices.length > 0 ? (seconds(start) * count) / turfDistrictIndices.length : undefined;
    finishStage({
      stage: "per-district counts",
      ...areasTiming,
      flatbushSeconds: flatbushAreas,
      turfSeconds: turfAreas,
      turfSample: turfDistrictIndices.length,
      note: `${districts.length} districts; admin index build included`,
    });

    // 6. The uncovered list: select, build the export rows, write CSV (UTF-8 BOM, formula-safe).
    const [written, writeTiming] = await timeEngine("write uncovered CSV", () => {
      const analysis: CoverageAnalysis = {
        layers: index.layers,
        words: index.words,
        masks,
        provinces: [],
        communes: districts.map((area) => ({ code: area.code, name: area.name })),
        provinceOf: new Int32Array(count).fill(-1),
        communeOf: districtOf,
      };
      const uncovered = selectPoints(analysis, points, { status: "uncovered" });
      const csv = pointsToCsv(buildExportRows(analysis, points, uncovered, {}));
      writeFileSync(join(files.directory, "uncovered.csv"), csv);
      return { uncovered, characters: csv.length };
    });
    finishStage({
      stage: "write uncovered CSV",
      ...writeTiming,
      note: `${written.uncovered.length} rows, ${(written.characters / 1e6).toFixed(1)} M characters`,
    });

    const endToEnd = ["points CSV parse", "coverage GeoJSON parse", "index build", "query, cell order", "per-district counts", "write uncovered CSV"];
    stages.push({
      stage: "end to end",
      engineSeconds: Math.round(stages.filter((stage) => endToEnd.includes(stage.stage)).reduce((sum, stage) => sum + stage.engineSeconds, 0) * 1000) / 1000,
      note: "sum of the stages above (query in cell order)",
    });

    const coveredByCarrier: Record<string, number> = {};
    index.layers.forEach((layer, l) => {
      let covered = 0;
      for (let i = 0; i < count; i++) if ((masks[i * index.words + (l >> 5)] >>> (l & 31)) & 1) covered++;
      coveredByCarrier[`${layer.carrier} ${layer.technology}`] = covered;
    });
    await yieldToEvents();
    gcObserver.disconnect();
    for (const stage of stages) {
      const window = engineWindows.get(stage.stage);
      if (!window) continue;
      const pause = gcEntries.filter((entry) => entry.startTime >= window[0] && entry.startTime < window[1]).reduce((sum, entry) => sum + entry.duration, 0);
      stage.engineGcSeconds = Math.round(pause) / 1000;
    }
    const cpuModel = cpus()[0]?.model ?? "unknown";
    return {
      date: new Date().toISOString(),
      settleGc: options.settleGc === true,
      machine: {
        nproc: cpus().length,
        cpu: cpuModel,
        node: process.version,
        totalMemoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
        loadAverageAtStart,
        loadAverageAtEnd: loadavg().map((value) => Math.round(value * 100) / 100),
      },
      workload: {
        points: count,
        carriers: carrierNames.length,
        towersPerCarrier: options.towersPerCarrier,
        polygons,
        vertices,
        districts: districtCount,
        seed: options.seed ?? 20240601,
      },
      stages: stages.map((stage) => ({
        ...stage,
        engineSeconds: Math.round(stage.engineSeconds * 1000) / 1000,
        ...(stage.engineCpuSeconds !== undefined ? { engineCpuSeconds: Math.round(stage.engineCpuSeconds * 1000) / 1000 } : {}),
      })),
      agreement: {
        engineVsFlatbushMaskMismatches: engineVsFlatbush,
        engineSortedVsRandomMismatches: sortedVsRandom,
        engineVsTurfMaskMismatches: engineVsTurf,
        turfSample: turfIndices.length,
        districtEngineVsFlatbushMismatches: districtVsFlatbush,
        districtEngineVsTurfMismatches: districtVsTurf,
        turfDistrictSample: turfDistrictIndices.length,
      },
      results: { uncoveredPoints: written.uncovered.length, coveredByCarrier, districtsWithPoints: totals.filter((total) => total > 0).length },
      memory: { peakRssMB: Math.round(process.resourceUsage().maxRSS / 1000), rssAfterStageMB: rssAfterStage },
    };
  } finally {
    gcObserver.disconnect();
    rmSync(files.directory, { recursive: true, force: true });
  }
}

function formatSeconds(value: number | undefined): string {
  if (value === undefined) return "–";
  if (value >= 100) return value.toFixed(0);
  if (value >= 1) return value.toFixed(2);
  return value.toFixed(3);
}

function formatRatio(value: number | undefined): string {
  return value === undefined ? "–" : `${value >= 100 ? Math.round(value).toLocaleString("en-US") : value}×`;
}

/**
 * Formats the stages as a Markdown table (also readable in a terminal).
 * @param result - a benchmark result
 * @returns the table
 */
export function formatBenchTable(result: BenchResult): string {
  const lines = [
    "| stage | engine s | engine CPU s | of which GC s | Flatbush s | Turf s (extrapolated) | vs Flatbush | vs Turf | note |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---|",
  ];
  for (const stage of result.stages) {
    lines.push(
      `| ${stage.stage} | ${formatSeconds(stage.engineSeconds)} | ${formatSeconds(stage.engineCpuSeconds)} | ${formatSeconds(stage.engineGcSeconds)} | ${formatSeconds(stage.flatbushSeconds)} | ${formatSeconds(stage.turfSeconds)}${stage.turfSample ? ` (${stage.turfSample} pts)` : ""} | ${formatRatio(stage.ratioVsFlatbush)} | ${formatRatio(stage.ratioVsTurf)} | ${stage.note ?? ""} |`,
    );
  }
  return lines.join("\n");
}
