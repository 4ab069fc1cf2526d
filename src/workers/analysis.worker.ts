/**
 * The analysis worker: reads files and runs the domain analysis off the main thread.
 * Thin on purpose: it only calls src/domain functions, reports progress between steps and
 * stops between steps when asked to cancel.
 */
import "../app/zod_config.ts";
import {
  analyzeCoverage,
  detectFileKind,
  findColumn,
  isKmlInput,
  inspectGeoFile,
  isSpreadsheetFile,
  orphanSchoolSiteIssues,
  parseAdminGeojson,
  parseCoverageGeojson,
  parsePointsCsv,
  parsePointsGeojson,
  parsePointsXlsx,
  previewCsv,
  readCsvTable,
  suggestSites,
  type AdminArea,
  type CoverageFeature,
  type ImportReport,
  type Point,
} from "../domain/index.ts";
import { csvPreviewData, inspectWorkbook } from "./inspect_workbook.ts";
import { buildMapPayload } from "./map_payload.ts";
import { createNearestCache } from "./nearest_cache.ts";
import type {
  AnalyzeRequest,
  AnalyzeResult,
  InspectRequest,
  InspectResult,
  ProgressPhase,
  WorkerRequest,
  WorkerResponse,
} from "./messages.ts";

interface WorkerScope {
  postMessage(message: WorkerResponse, transfer?: Transferable[]): void;
  addEventListener(type: "message", listener: (event: MessageEvent<WorkerRequest>) => void): void;
}
const scope = self as unknown as WorkerScope;

const cancelled = new Set<number>();

/** The coverage of the last finished analysis, for `nearest` requests. */
const nearest = createNearestCache();

/** Points per message: the main thread reads each message in one task (about 20 ms per 10,000 points). */
const POINTS_PER_MESSAGE = 10_000;

class CancelledError extends Error {}

/** Lets queued messages (a cancel) arrive, then stops if this request was cancelled. */
async function checkpoint(requestId: number, phase: ProgressPhase, fraction: number): Promise<void> {
  scope.postMessage({ type: "progress", requestId, progress: { phase, fraction } });
  await new Promise((resolve) => setTimeout(resolve, 0));
  if (cancelled.has(requestId)) throw new CancelledError();
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

function inspect(request: InspectRequest): InspectResult {
  const bytes = new Uint8Array(request.bytes);
  if (isSpreadsheetFile(request.name, bytes)) return inspectWorkbook(request.name, bytes, request.options);
  if (isJsonFile(request.name, bytes)) {
    // One parse for the kind and the count: a national coverage file is tens of MB.
    const { kind, featureCount } = inspectGeoFile(bytes, request.name);
    return { detectedKind: kind, csv: null, featureCount };
  }
  const detectedKind = detectFileKind(bytes, request.name);
  const preview = previewCsv(bytes, {
    file: request.name,
    delimiter: request.options.delimiter,
    lonColumn: request.options.lonColumn,
    latColumn: request.options.latColumn,
  });
  return {
    detectedKind,
    csv: csvPreviewData(preview),
    featureCount: null,
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

async function analyze(request: AnalyzeRequest): Promise<{ result: AnalyzeResult; transfer: ArrayBuffer[] }> {
  const { requestId } = request;
  const started = performance.now();
  const points: Point[] = [];
  const coverage: CoverageFeature[] = [];
  const importedAdmin: AdminArea[] = [];
  const reports: AnalyzeResult["reports"] = [];
  const total = request.files.length + 2;
  let step = 0;
  for (const file of request.files) {
    await checkpoint(requestId, file.kind, step++ / total);
    const bytes = new Uint8Array(file.bytes);
    let report: ImportReport;
    if (file.kind === "points") {
      const result = isSpreadsheetFile(file.name, bytes)
        ? parsePointsXlsx(bytes, { file: file.name, sheet: file.options.sheet, lonColumn: file.options.lonColumn, latColumn: file.options.latColumn })
        : isJsonFile(file.name, bytes)
        ? parsePointsGeojson(bytes, { file: file.name })
        : parsePointsCsv(bytes, { file: file.name, delimiter: file.options.delimiter, lonColumn: file.options.lonColumn, latColumn: file.options.latColumn });
      for (const point of result.items) points.push(point);
      report = result.report;
    } else if (file.kind === "coverage") {
      const result = parseCoverageGeojson(bytes, {
        file: file.name,
        carrier: file.options.carrier,
        technology: file.options.technology,
        repair: file.options.repair === true,
      });
      for (const feature of result.items) coverage.push(feature);
      report = result.report;
    } else {
      const result = parseAdminGeojson(bytes, { file: file.name });
      for (const area of result.items) importedAdmin.push(area);
      report = result.report;
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
  await checkpoint(requestId, "admin", step++ / total);
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
  const parsed = performance.now();
  await checkpoint(requestId, "analyse", step++ / total);
  const analysis = analyzeCoverage(points, coverage, admin);
  const analysed = performance.now();
  await checkpoint(requestId, "finish", step / total);

  const { payload, transfer } = buildMapPayload({ version: requestId, points, analysis, coverage, importedAdmin, admin, view: request.view });
  // Before the masks are transferred out (the cache keeps a copy); the previous coverage and its indexes go.
  nearest.keep(payload.version, coverage, points, analysis);
  return {
    result: {
      points,
      analysis,
      reports,
      map: payload,
      listedPointIds,
      timings: { parseMilliseconds: parsed - started, analyseMilliseconds: analysed - parsed },
    },
    transfer,
  };
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

scope.addEventListener("message", (event) => {
  const request = event.data;
  if (request.type === "cancel") {
    cancelled.add(request.requestId);
    return;
  }
  const run = async (): Promise<void> => {
    try {
      if (request.type === "inspect") {
        scope.postMessage({ type: "progress", requestId: request.requestId, progress: { phase: "inspect", fraction: 0 } });
        scope.postMessage({ type: "result", requestId: request.requestId, result: inspect(request) });
        return;
      }
      if (request.type === "nearest") {
        scope.postMessage({ type: "result", requestId: request.requestId, result: nearest.answer(request) });
        return;
      }
      if (request.type === "suggest") {
        const targets = Array.from(request.lon, (lon, k) => ({ lon, lat: request.lat[k], weight: request.weight[k] }));
        const result = suggestSites(targets, { radiusKm: request.radiusKm, sites: request.sites, gridStepKm: request.gridStepKm });
        scope.postMessage({ type: "result", requestId: request.requestId, result });
        return;
      }
      const { result, transfer: mapBuffers } = await analyze(request);
      for (let offset = 0; offset < result.points.length; offset += POINTS_PER_MESSAGE) {
        scope.postMessage({ type: "points", requestId: request.requestId, points: result.points.slice(offset, offset + POINTS_PER_MESSAGE) });
      }
      result.points = [];
      const { masks, provinceOf, communeOf } = result.analysis;
      const transfer = [...new Set([masks.buffer, provinceOf.buffer, communeOf.buffer, ...mapBuffers])].filter((buffer): buffer is ArrayBuffer => buffer instanceof ArrayBuffer);
      scope.postMessage({ type: "result", requestId: request.requestId, result }, transfer);
    } catch (error) {
      if (error instanceof CancelledError) {
        scope.postMessage({ type: "cancelled", requestId: request.requestId });
      } else {
        const reason = describeError(error);
        scope.postMessage({ type: "error", requestId: request.requestId, message: { vi: reason, en: reason } });
      }
    } finally {
      cancelled.delete(request.requestId);
    }
  };
  void run();
});
