/**
 * The analysis worker: reads files and runs the domain analysis off the main thread.
 * Thin on purpose: it only calls src/domain functions, reports progress between steps and stops at a
 * checkpoint (between files, steps and batches of points) when its request is cancelled. Its requests are
 * one handler each in `handlers`, typed by the protocol's RequestMap (messages.ts); `worker_server.ts`
 * dispatches them, cancels them one by one and posts results, failures and transfers.
 */
import "../zod_config.ts";
import {
  detectBinaryKind,
  detectFileKind,
  findColumn,
  isKmlInput,
  inspectGeoFileValue,
  isShapefileZip,
  isSpreadsheetFile,
  orphanSchoolSiteIssues,
  parseAdminGeojson,
  parseCoverageGeojsonPacked,
  parsePointsCsv,
  parsePointsGeojson,
  parsePointsXlsx,
  previewCsv,
  readCsvTable,
  suggestSites,
  buildCoverageIndex,
  findContradictions,
  queryCoverageMasks,
  type AdminArea,
  type CoverageIndex,
  type CoverageFeature,
  type ImportReport,
  type Point,
  selectCoverageReleases,
  groupCoverageLayers,
  viewFigures,
} from "../domain/index.ts";
import { addIssues } from "../domain/parse/import_issue.ts";
import { csvPreviewData, inspectWorkbook } from "./inspect_workbook.ts";
import { csvLooksProjected, ensureXlsReader, inspectGisFormat, parseRasterIfTiff } from "./inspect_formats.ts";
import { inspectScannedCoverage } from "./inspect_scanned.ts";
import type { ScannedCollection } from "../domain/parse/scan_geojson.ts";
import { buildCoverageRaster, coverageLayerBounds, coverageLayerRings, type CoverageRaster } from "./coverage_raster.ts";
import { tileBitmap } from "./tile_bitmap.ts";
import { AnalysisClient } from "./analysis_client.ts";
import { buildMapPayload, pointsGeojsonBytes } from "./map_payload.ts";
import { createNearestCache } from "./nearest_cache.ts";
import { createCompareCache } from "./compare_request.ts";
import { DENSE_POINTS, POINTS_PER_ANALYSIS_BATCH, POINTS_PER_MESSAGE } from "./work_limits.ts";
import { parseTrackingFile } from "../domain/tracking/tracking_file.ts";
import { analyzeInBatches } from "./analyze_batches.ts";
import { BlobUnreadableError, serveRequests, type HandlerContext, type Handlers, type ServerScope } from "./worker_server.ts";
import type { AnalyzeParams, AnalyzeResult, InspectParams, InspectResult, PostedBlob, TileParams, TileResult } from "./messages.ts";

/** The coverage of the last finished analysis, for `nearest` requests. */
const nearest = createNearestCache();
/** The point-in-coverage index of the kept analysis, built here on the first `coverAt` request (never on the main thread). */
let coverAtIndex: { version: number; index: CoverageIndex } | null = null;

function coverageIndexOf(version: number): CoverageIndex | null {
  if (coverAtIndex?.version === version) return coverAtIndex.index;
  const kept = nearest.coverageOf(version);
  coverAtIndex = kept ? { version, index: buildCoverageIndex(kept.coverage) } : null;
  return coverAtIndex?.index ?? null;
}
/** Every release of the last finished analysis's coverage, its points and admin areas, for `compare` requests. */
const compare = createCompareCache();

/**
 * The coverage of the last finished analysis, projected for the map's raster tiles: built just after the analysis
 * is answered (the count does not wait for it; the map's first tiles come later), or by the first tile asked for.
 */
let raster: { version: number; raster: CoverageRaster | null; build: () => CoverageRaster } | null = null;

function projectedRaster(version: number): CoverageRaster | null {
  if (!raster || raster.version !== version) return null;
  raster.raster ??= raster.build();
  return raster.raster;
}

/**
 * The raster worker (raster.worker.ts), through the workers' own client: it builds the raster of each analysis from
 * the rings posted before the coverage index is built, on the other core, and draws the tiles. Null where this worker
 * cannot start one: the raster is then built here, after the answer, as before (and here too any tile it fails).
 */
let rasterWorker: AnalysisClient | null | undefined;
/** The analysis whose raster the raster worker was given. */
let remoteRaster: number | null = null;

function rasterWorkerOf(): AnalysisClient | null {
  if (rasterWorker !== undefined) return rasterWorker;
  try {
    rasterWorker =
      typeof Worker === "undefined" ? null : new AnalysisClient(() => new Worker(new URL("./raster.worker.ts", import.meta.url), { type: "module" }));
  } catch {
    rasterWorker = null;
  }
  return rasterWorker;
}

async function renderTile(request: TileParams): Promise<TileResult> {
  if (rasterWorker && remoteRaster === request.version) {
    try {
      return await rasterWorker.request("tile", request);
    } catch {
      // Restarted, or it could not draw the tile: drawn here.
    }
  }
  const projected = projectedRaster(request.version);
  return { image: projected ? await tileBitmap(projected, request) : null };
}

/** True when the file looks like JSON rather than CSV. */
function isJsonFile(name: string, bytes: Uint8Array): boolean {
  // KML and KMZ are read by the GeoJSON importers (as GeoJSON features).
  if (isKmlInput(name, bytes)) return true;
  const lower = name.toLowerCase();
  if (lower.endsWith(".geojson") || lower.endsWith(".json")) return true;
  if (lower.endsWith(".csv") || lower.endsWith(".tsv") || lower.endsWith(".txt")) return false;
  for (let i = 0; i < Math.min(bytes.length, 64); i++) {
    const byte = bytes[i];
    if (byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09 || byte === 0xef || byte === 0xbb || byte === 0xbf) continue;
    return byte === 0x7b || byte === 0x5b;
  }
  return false;
}

/**
 * What the last preview of a GeoJSON file read, with its bytes: the JSON value it parsed, or the byte scanner's
 * reading of a coverage file (the import that usually follows, of the same bytes, then does not read them again).
 */
let inspected: { bytes: Uint8Array; value?: unknown; scanned?: ScannedCollection } | null = null;

/** The bytes the worker last read from a posted Blob, by the main thread's name for that Blob (see LoadedFile.posted). */
let lastBlob: { key: string; bytes: Uint8Array } | null = null;

/**
 * A posted file's bytes: the bytes posted, or its Blob read here. The Blob the preview read (`keep`) is not read
 * again by the import that follows it (the same Blob object on the main thread, so the same bytes), which releases it.
 */
async function bytesOf(file: { name: string; bytes?: ArrayBuffer; posted?: PostedBlob }, keep: boolean): Promise<Uint8Array> {
  const { posted } = file;
  if (!posted) return new Uint8Array(file.bytes ?? new ArrayBuffer(0));
  const known = lastBlob?.key === posted.blobKey ? lastBlob.bytes : null;
  if (!keep) lastBlob = null;
  if (known) return known;
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await posted.blob.arrayBuffer());
  } catch (error) {
    throw new BlobUnreadableError(file.name, error);
  }
  if (keep) lastBlob = { key: posted.blobKey, bytes };
  return bytes;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  const words = a.byteOffset % 4 === 0 && b.byteOffset % 4 === 0 ? a.length >> 2 : 0;
  const wa = new Uint32Array(a.buffer, a.byteOffset, words);
  const wb = new Uint32Array(b.buffer, b.byteOffset, words);
  for (let i = 0; i < words; i++) if (wa[i] !== wb[i]) return false;
  for (let i = words * 4; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** How a coverage file is read with the options chosen in its preview. */
function coverageParseOptions(name: string, options: AnalyzeParams["files"][number]["options"]) {
  return {
    file: name,
    carrier: options.carrier,
    technology: options.technology,
    crs: options.crs,
    towers: { radiusText: options.towerRadius, useRange: options.towerRange === true },
  };
}

/**
 * The import of the coverage file being previewed, made ahead of its confirmation: the preview answers first, then
 * the worker reads the file as the import will (with the preview's options) while the person reads the preview, so
 * the confirmed import does not wait for it. Taken only for the same bytes and options; dropped by the next preview.
 */
let readAheadImport: { bytes: Uint8Array; key: string; result: ReturnType<typeof parseCoverageGeojsonPacked> } | null = null;

function readAhead(bytes: Uint8Array, options: ReturnType<typeof coverageParseOptions>, scanned: ScannedCollection): void {
  readAheadImport = null;
  const key = JSON.stringify(options);
  setTimeout(() => {
    // Another preview since (or the import itself, which took the scan): nothing to read ahead.
    if (inspected?.bytes !== bytes || inspected.scanned !== scanned) return;
    readAheadImport = { bytes, key, result: parseCoverageGeojsonPacked(bytes, { ...options, scanned }) };
  }, 0);
}

function takeReadAhead(bytes: Uint8Array, options: ReturnType<typeof coverageParseOptions>) {
  const kept = readAheadImport;
  readAheadImport = null;
  return kept && kept.key === JSON.stringify(options) && sameBytes(kept.bytes, bytes) ? kept.result : null;
}

/** The previewed value when these are the previewed bytes (the importers read a parsed value exactly as the text), else the bytes. */
function previewedOr(bytes: Uint8Array, kept: typeof inspected = takePreview(bytes)): Uint8Array | object {
  return kept && typeof kept.value === "object" && kept.value !== null ? kept.value : bytes;
}

/** The last preview's reading when these are its bytes; the preview is released either way. */
function takePreview(bytes: Uint8Array): typeof inspected {
  const kept = inspected;
  inspected = null;
  return kept && sameBytes(kept.bytes, bytes) ? kept : null;
}

/**
 * What each file of the last analysis gave, by file id: a file's bytes never change, so an analysis that adds a file
 * (the coverage after the points) reads only the new one. Entries of files no longer analysed are dropped.
 */
const parsedFiles = new Map<string, { key: string; points?: Point[]; coverage?: CoverageFeature[]; admin?: AdminArea[]; report: ImportReport }>();

async function inspect(request: InspectParams): Promise<InspectResult> {
  const bytes = await bytesOf(request, true);
  const gis = inspectGisFormat(request.name, bytes, request.options);
  if (gis) return gis;
  await ensureXlsReader(bytes);
  if (isSpreadsheetFile(request.name, bytes)) return inspectWorkbook(request.name, bytes, request.options);
  if (isJsonFile(request.name, bytes)) {
    // A coverage file by the byte scanner: it is imported from its bytes, so nothing parsed is kept for the import.
    const scanned = isKmlInput(request.name, bytes) ? null : inspectScannedCoverage(bytes);
    if (scanned) {
      inspected = { bytes, scanned: scanned.scanned };
      readAhead(bytes, coverageParseOptions(request.name, request.options), scanned.scanned);
      return { detectedKind: scanned.kind, csv: null, featureCount: scanned.featureCount, geoError: null };
    }
    // One parse for the kind and the count: a national coverage file is tens of MB. The parsed value is kept for the
    // import that usually follows (the same bytes, confirmed after the preview), so the file is not parsed twice.
    const { kind, featureCount, problem, value } = inspectGeoFileValue(bytes, request.name);
    inspected = value !== undefined ? { bytes, value } : null;
    return { detectedKind: kind, csv: null, featureCount, geoError: problem ?? null };
  }
  // A raster or another binary file would otherwise be decoded as windows-1258 text and shown as a garbled table.
  const binary = detectBinaryKind(bytes);
  if (binary) return { detectedKind: "unknown", csv: null, featureCount: null, binary };
  const detectedKind = detectFileKind(bytes, request.name);
  const preview = previewCsv(bytes, {
    file: request.name,
    delimiter: request.options.delimiter,
    lonColumn: request.options.lonColumn,
    latColumn: request.options.latColumn,
  });
  const csv = csvPreviewData(preview);
  // X/Y in metres: the preview asks for the coordinate system instead of reporting every row "out of area".
  const projected = csvLooksProjected(csv);
  return {
    detectedKind,
    csv,
    featureCount: null,
    ...(projected || request.options.crs ? { format: { name: "csv", projected: projected && !request.options.crs } } : {}),
  };
}

const boundaryCache = new Map<string, AdminArea[]>();

async function loadBoundaries(url: string): Promise<AdminArea[]> {
  const cached = boundaryCache.get(url);
  if (cached) return cached;
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const areas = parseAdminGeojson(bytes, { file: url.split("/").pop() ?? url }).items;
  boundaryCache.set(url, areas);
  return areas;
}

const LISTED_ID_ALIASES = ["point_id", "pointid", "id", "ma_diem", "mã điểm", "ma diem"];

async function loadListedIds(url: string): Promise<string[]> {
  const response = await fetch(url);
  if (!response.ok) return [];
  const table = readCsvTable(new Uint8Array(await response.arrayBuffer()), { file: "dead_zones.csv" });
  const column = findColumn(table.header, LISTED_ID_ALIASES);
  if (!column) return [];
  const index = table.header.indexOf(column);
  return [...new Set(table.rows.map((row) => (row[index] ?? "").trim()).filter((id) => id.length > 0))];
}

async function analyze(request: AnalyzeParams, ctx: HandlerContext): Promise<AnalyzeResult> {
  const started = performance.now();
  const points: Point[] = [];
  const coverage: CoverageFeature[] = [];
  const importedAdmin: AdminArea[] = [];
  const reports: AnalyzeResult["reports"] = [];
  const total = request.files.length + 2;
  let step = 0;
  for (const old of [...parsedFiles.keys()]) if (!request.files.some((file) => file.id === old)) parsedFiles.delete(old);
  for (const file of request.files) {
    await ctx.checkpoint(file.kind, step++ / total);
    const size = file.posted ? file.posted.blob.size : (file.bytes?.byteLength ?? 0);
    const key = `${file.kind}\u0000${file.name}\u0000${size}\u0000${JSON.stringify(file.options)}`;
    const cached = parsedFiles.get(file.id);
    if (cached && cached.key === key) {
      for (const point of cached.points ?? []) points.push(point);
      for (const feature of cached.coverage ?? []) coverage.push(feature);
      for (const area of cached.admin ?? []) importedAdmin.push(area);
      reports.push({ fileId: file.id, report: cached.report });
      continue;
    }
    // Read only when it was not read before: a cached file posted as its Blob is not read again.
    const bytes = await bytesOf(file, false);
    let report: ImportReport;
    const crs = file.options.crs;
    await ensureXlsReader(bytes);
    if (file.kind === "points") {
      const result = isShapefileZip(bytes)
        ? parsePointsGeojson(bytes, { file: file.name, crs })
        : isSpreadsheetFile(file.name, bytes)
          ? parsePointsXlsx(bytes, { file: file.name, sheet: file.options.sheet, lonColumn: file.options.lonColumn, latColumn: file.options.latColumn, crs })
          : isJsonFile(file.name, bytes)
            ? parsePointsGeojson(previewedOr(bytes), { file: file.name, crs })
            : parsePointsCsv(bytes, {
                file: file.name,
                delimiter: file.options.delimiter,
                lonColumn: file.options.lonColumn,
                latColumn: file.options.latColumn,
                crs,
              });
      for (const point of result.items) points.push(point);
      report = result.report;
      parsedFiles.set(file.id, { key, points: result.items, report });
    } else if (file.kind === "coverage") {
      const coverageOptions = coverageParseOptions(file.name, file.options);
      // A JSON file's bytes, not the preview's parsed value: the byte scanner (scan_geojson.ts) checks the coverage
      // on typed coordinates, faster than walking the parsed value, and the index is built from those coordinates
      // (packed features: packed_geometry.ts). The preview's scan of the same bytes is reused, and so is the import
      // the preview started ahead of the confirmation (readAhead) when the options are still the same.
      const kept = takePreview(bytes);
      const ahead = takeReadAhead(bytes, coverageOptions);
      const previewed = previewedOr(bytes, kept);
      const result =
        ahead ??
        (await parseRasterIfTiff(bytes, { ...coverageOptions, threshold: file.options.rasterThreshold })) ??
        parseCoverageGeojsonPacked(isJsonFile(file.name, bytes) ? bytes : previewed, { ...coverageOptions, scanned: kept?.scanned });
      for (const feature of result.items) coverage.push(feature);
      report = result.report;
      parsedFiles.set(file.id, { key, coverage: result.items, report });
    } else {
      const result = parseAdminGeojson(previewedOr(bytes), { file: file.name, crs });
      for (const area of result.items) importedAdmin.push(area);
      report = result.report;
      parsedFiles.set(file.id, { key, admin: result.items, report });
    }
    reports.push({ fileId: file.id, report });
  }
  // A school site whose parent_id names no school (in any of the point files): a warning on its file's report.
  for (const issue of orphanSchoolSiteIssues(points)) {
    const entry = reports.find((candidate) => candidate.report.kind === "points" && candidate.report.file === issue.file);
    if (!entry) continue;
    entry.report.issues.push(issue);
    entry.report.warnings++;
  }
  await ctx.checkpoint("admin", step++ / total);
  const bundled: AdminArea[] = [];
  for (const url of request.boundaryUrls) {
    try {
      for (const area of await loadBoundaries(url)) bundled.push(area);
    } catch {
      // A missing bundled boundary file only costs the admin names; the analysis still runs.
    }
  }
  const listedPointIds = request.listedUrl ? await loadListedIds(request.listedUrl).catch(() => []) : [];
  const admin = importedAdmin.length > 0 ? importedAdmin : bundled;
  // One release per carrier × technology is in force (the latest, or the latest on or before the chosen as-of
  // date); the map, the analysis and nearest coverage all see only it. Set-aside releases are reported.
  const releases = selectCoverageReleases(coverage, { asOf: request.coverageAsOf });
  for (const issue of releases.issues) {
    const entry = reports.find((candidate) => candidate.report.kind === "coverage" && candidate.report.file === issue.file);
    if (entry) addIssues(entry.report, [issue]);
  }
  const allReleases = coverage.slice();
  coverage.length = 0;
  for (const feature of releases.inForce) coverage.push(feature);
  const parsed = performance.now();
  await ctx.checkpoint("analyse", step / total);
  // The raster the map draws is built by the raster worker meanwhile, from the layers' rings posted now (the layers
  // are the coverage index's: groupCoverageLayers, the same grouping the analysis makes). The analysis shown keeps
  // its raster here until this one is answered: if this one is cancelled, its tiles are still drawn (here).
  const layersAhead = groupCoverageLayers(coverage).layers;
  const boundsAhead = coverageLayerBounds(coverage, layersAhead);
  const remote = coverage.length > 0 ? rasterWorkerOf() : null;
  if (remote) {
    const rings = coverageLayerRings(coverage, layersAhead);
    remote.request("raster", { version: ctx.id, rings, layers: layersAhead, bounds: boundsAhead }).catch(() => {
      // Its tiles are drawn here (renderTile falls back on any failure).
    });
  }
  // Batch by batch, so that a cancel stops a national analysis within one batch.
  const analyseStep = step++;
  const analysis = await analyzeInBatches(points, coverage, admin, {
    batch: POINTS_PER_ANALYSIS_BATCH,
    between: (done) => ctx.checkpoint("analyse", (analyseStep + done / Math.max(points.length, 1)) / total),
  });
  const analysed = performance.now();
  await ctx.checkpoint("finish", step / total);

  // The map draws the coverage from this (tiles rasterised on request), never from polygons sent to it.
  const sameLayers =
    layersAhead.length === analysis.layers.length &&
    layersAhead.every((layer, index) => layer.carrier === analysis.layers[index].carrier && layer.technology === analysis.layers[index].technology);
  const layerBounds = sameLayers ? boundsAhead : coverageLayerBounds(coverage, analysis.layers);
  remoteRaster = remote && sameLayers ? ctx.id : null;
  const figures = viewFigures(analysis, points, request.view.filter);
  // Dense points: the map draws their shapes only when zoomed in, so their GeoJSON waits until it asks (mapPoints).
  const deferPoints = points.length >= DENSE_POINTS;
  const { payload } = buildMapPayload({
    // The request's id: unique for the client, across worker restarts (the map's tile URLs carry it).
    version: ctx.id,
    points,
    analysis,
    coverageBounds: layerBounds,
    importedAdmin,
    admin,
    view: request.view,
    figures,
    deferPoints,
  });
  // Copies: the payload's arrays are transferred with the answer.
  mapPoints = deferPoints ? { version: payload.version, points, status: payload.status.slice(), visible: payload.visible.slice() } : null;
  const inForce = coverage.slice();
  const layers = analysis.layers;
  // Built here only without the raster worker (or if it fails): then once the answer is posted, while the main
  // thread shows the count and sets up the map.
  raster = { version: payload.version, raster: null, build: () => buildCoverageRaster(inForce, layers, layerBounds) };
  const version = payload.version;
  if (remoteRaster !== version) setTimeout(() => projectedRaster(version), 0);
  // Before the masks are transferred out (the cache keeps a copy); the previous coverage and its indexes go.
  nearest.keep(payload.version, coverage, points, analysis);
  coverAtIndex = null;
  compare.keep({ version: payload.version, points, coverage: allReleases, admin });
  // The points go ahead of the result, in parts: one message of 100,000 points would be one long main-thread task.
  // None go when the main thread holds these very points (the last points sent, and it says it holds them).
  const held = request.heldPoints !== undefined && sentPoints?.version === request.heldPoints && samePoints(sentPoints.points, points);
  if (!held) for (let offset = 0; offset < points.length; offset += POINTS_PER_MESSAGE) ctx.points(points.slice(offset, offset + POINTS_PER_MESSAGE));
  // The main thread's data of this analysis holds these points, whether they were sent now or it had them.
  sentPoints = { version: payload.version, points };
  return {
    ...(held ? { pointsOf: request.heldPoints } : {}),
    points: [],
    analysis,
    reports,
    map: payload,
    listedPointIds,
    figures: { filter: request.view.filter, figures },
    timings: { parseMilliseconds: parsed - started, analyseMilliseconds: analysed - parsed },
  };
}

/** What the dense points' GeoJSON of the last analysis is made from, when the map asks for it (MapPayload.points). */
let mapPoints: { version: number; points: readonly Point[]; status: Uint8Array; visible: Uint8Array } | null = null;

/** The points of the last analysis answered, and the version of the analysis they were sent with (see AnalyzeResult.pointsOf). */
let sentPoints: { version: number; points: readonly Point[] } | null = null;

/** The same point objects in the same order (a point file read once is cached: its points are the same objects). */
function samePoints(a: readonly Point[], b: readonly Point[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** One handler per request type of RequestMap; which buffers each result transfers is listed in transfers.ts. */
const handlers: Omit<Handlers, "raster"> = {
  inspect: async (params, ctx) => {
    ctx.progress("inspect", 0);
    return inspect(params);
  },
  analyze,
  tracking: async (params, ctx) => {
    // One domain call: a cancel during it is seen when it returns (this worker is the tracking view's own).
    await ctx.checkpoint("tracking", 0);
    const output = parseTrackingFile(params.input);
    await ctx.checkpoint("tracking", 1);
    return output;
  },
  nearest: async (params) => nearest.answer(params),
  compare: async (params) => compare.answer(params),
  tile: renderTile,
  mapPoints: async (params) => ({
    points: mapPoints && mapPoints.version === params.version ? pointsGeojsonBytes(mapPoints.points, mapPoints.status, mapPoints.visible) : null,
  }),
  coverAt: async (params) => {
    const index = coverageIndexOf(params.version);
    return { coverage: index ? { layers: index.layers, words: index.words, masks: queryCoverageMasks(index, params.lon, params.lat) } : null };
  },
  contradictions: async (params) => {
    const kept = params.version === null ? null : nearest.coverageOf(params.version);
    if (params.version !== null && !kept) return { available: false, findings: [] };
    return { available: true, findings: findContradictions(params.measurements, kept?.coverage ?? [], params.registry, params.states, params.options) };
  },
  suggest: async (params) => {
    const targets = Array.from(params.lon, (lon, k) => ({ lon, lat: params.lat[k], weight: params.weight[k] }));
    return suggestSites(targets, { radiusKm: params.radiusKm, sites: params.sites, gridStepKm: params.gridStepKm });
  },
};

serveRequests(self as unknown as ServerScope, handlers);
