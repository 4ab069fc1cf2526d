/**
 * The typed protocol between the app and its analysis worker, after MapLibre's actor messages: one map
 * (`RequestMap`) from each request type to its params and its result. The client (`analysis_client.ts`)
 * and the worker's handler table (`analysis.worker.ts`) are both typed from it, so a request type is
 * written once and a result never needs a cast. On the wire a request carries an id; the worker
 * answers with progress events and then exactly one result, failure (a value: code + params) or
 * cancellation. Which buffers are transferred, each way, is listed per type in `transfers.ts`.
 */
import type {
  ComparisonAnswer,
  Contradiction,
  ContradictionOptions,
  CoverageAnalysis,
  CoverageLayerInfo,
  DatedComparison,
  ListedPoint,
  Measurement,
  PointFilter,
  SiteSuggestion,
  TrackingStates,
  ViewFigures,
} from "../domain/index.ts";
import type { ImportReport } from "../domain/issues.ts";
import type { CsvPreview } from "../domain/parse/preview_csv.ts";
import type { BinaryKind } from "../domain/parse/detect_binary_kind.ts";
import type { Message, Point, Technology } from "../domain/types.ts";
import type { LayerRings } from "./coverage_raster.ts";
import type { TrackingParseInput, TrackingParseOutput } from "../domain/tracking/tracking_file.ts";

/** The kinds of file the app imports (the dead-zone tracking files are handled elsewhere). */
export type LoadedFileKind = "points" | "coverage" | "admin";

/** What the user set in the import preview; passed to the domain parser as options. */
export interface FileOptions {
  delimiter?: "," | ";" | "\t";
  /** The sheet of an Excel .xlsx workbook. */
  sheet?: string;
  lonColumn?: string;
  latColumn?: string;
  carrier?: string;
  technology?: Technology;
  repair?: boolean;
  /** The coordinate system chosen in the preview (parseCrs text, e.g. "VN2000-TM3-105.75"); a shapefile's .prj otherwise. */
  crs?: string;
  /** Disc radii of a public tower list, as typed ("2G=12,3G=4,4G=4,5G=0.5"). */
  towerRadius?: string;
  /** Use each tower's own range instead (clamped). */
  towerRange?: boolean;
  /** A GeoTIFF grid's threshold: a cell is covered at or above it (default 1). */
  rasterThreshold?: number;
}

/** One loaded file: its raw bytes are kept so that it can be analysed again after a reload. */
export interface LoadedFile {
  id: string;
  name: string;
  kind: LoadedFileKind;
  /**
   * The file's bytes, when the main thread has them (a sample fetched, a file from a test). A file the person chose, or
   * one restored from the saved dataset, is only its Blob: the main thread never reads it (reading 96 MB there held it
   * 0.35 s, and posting a copy another 0.3–0.5 s); the worker reads the Blob.
   */
  bytes?: ArrayBuffer;
  /**
   * The same bytes as the Blob the user chose (a File), when there is one: the saved dataset stores it by reference
   * (IndexedDB copies a Blob off the main thread; a Blob made of `bytes` would be a copy of 96 MB in one task).
   */
  blob?: Blob;
  /**
   * Set by the client when it posts the file as its Blob, without bytes: the worker reads the Blob (it crosses as a
   * reference, where copying 96 MB of bytes held the main thread 0.3–0.5 s). `blobKey` names that Blob object on the
   * main thread, so the worker knows the preview's bytes again by it.
   */
  posted?: PostedBlob;
  options: FileOptions;
  isSample: boolean;
}

/** A file's bytes posted as its Blob (see LoadedFile.posted). */
export interface PostedBlob {
  blob: Blob;
  blobKey: string;
}

/** What detectFileKind said, widened to what the preview can show. */
export type DetectedKind = "points" | "coverage" | "admin" | "registry" | "updates" | "backup" | "unknown";

/** The preview of a CSV file: the domain's CsvPreview, with any encoding name the workbook and GIS readers give, and no guessed kind. */
export type CsvPreviewData = Omit<CsvPreview, "encoding" | "guessedKind"> & { encoding: string };

/** A file to preview (posted as its Blob when it has one, else the bytes are copied and the copy transferred). */
export interface InspectParams {
  name: string;
  /** The bytes, or (below) the Blob to read them from: one of the two (see LoadedFile.bytes). */
  bytes?: ArrayBuffer;
  /** The file as chosen (a File): posted instead of a copy of the bytes. */
  blob?: Blob;
  /** Set by the client (see LoadedFile.posted). */
  posted?: PostedBlob;
  options: FileOptions;
}

export interface InspectResult {
  detectedKind: DetectedKind;
  /** Set for CSV files. */
  csv: CsvPreviewData | null;
  /** Set for GeoJSON files. */
  featureCount: number | null;
  /** For a GeoJSON or KML file that cannot be read: why (cut off, invalid at a byte, damaged KML). */
  geoError?: Message | null;
  /** Set for Excel workbooks (and files that look like one): the sheets, the one previewed, or why it cannot be read. */
  xlsx?: XlsxInspect;
  /** Set for the GIS formats the preview explains (shapefile, tower list, OSM export, .xls) and for projected coordinates. */
  format?: FormatInspect;
  /** Set when the bytes are a binary format (an image, an archive): never previewed as text. */
  binary?: BinaryKind;
}

/** What the preview shows of a GIS format: its name, coordinate system, and what needs the user's choice. */
export interface FormatInspect {
  /** "shapefile", "opencellid", "geotiff", "osm", "xls" or "csv". */
  name: string;
  /** The system the positions are read in (from the .prj, or chosen). */
  crs?: { id: string; label: Message };
  /** The coordinates look like projected metres and no system is known: the user must choose one. */
  projected?: boolean;
  /** Why the file cannot be read as it is (e.g. a shapefile without .prj). */
  error?: Message;
  /** Estimated coverage (a public tower list). */
  estimated?: boolean;
}

/** What the preview shows of an Excel workbook. */
export interface XlsxInspect {
  sheets: string[];
  sheet: string | null;
  error: Message | null;
}

export interface AnalyzeParams {
  files: Omit<LoadedFile, "isSample">[];
  /** Same-origin URLs of the bundled admin boundaries (GeoJSON), used when no admin file is loaded. */
  boundaryUrls: string[];
  /** Same-origin URL of the listed dead zones CSV (point ids), when the sample has one. */
  listedUrl?: string;
  /** The filter and legend the app shows now: the map's points start styled for them. */
  view: MapViewState;
  /** Coverage as of this date (YYYY-MM-DD): per carrier × technology the latest release on or before it (default: the latest). */
  coverageAsOf?: string;
  /** The map version of the analysis whose points the main thread holds (see AnalyzeResult.pointsOf). */
  heldPoints?: number;
}

/** What decides a point's colour and visibility on the map. */
export interface MapViewState {
  filter: PointFilter;
  /** Whether points of status 0 (uncovered), 1 (one carrier), 2 (two or more) are drawn. */
  statusOn: [boolean, boolean, boolean];
}

/**
 * What the map draws, as UTF-8 GeoJSON bytes made in the analysis worker and parsed in MapLibre's
 * worker; the main thread only hands the buffers over (src/map/map_data.ts).
 */
export interface MapPayload {
  /** Distinguishes the payloads of successive analyses (part of the map's source URLs). */
  version: number;
  /**
   * Points: feature id = index; properties kind, s (status code) and v (visible, 0/1) under the request's view. Null
   * for dense points (DENSE_POINTS or more), whose shapes are drawn only from DOTS_BELOW_ZOOM in: their GeoJSON
   * (0.4 s to write for 100,000 points) is made when the map first asks for it (`mapPoints`).
   */
  points: ArrayBuffer | null;
  /**
   * [west, south, east, north] of each coverage layer (analysis layer order; null when empty). The coverage itself
   * is drawn as raster tiles the worker renders on request (`tile`), never sent as polygons.
   */
  coverageBounds: ([number, number, number, number] | null)[];
  /** Admin areas imported by the user (drawn over the bundled boundaries), AdminLabelProperties. */
  importedAdmin: ArrayBuffer;
  /** One label point per admin area, AdminLabelProperties. */
  adminLabels: ArrayBuffer;
  /** The status code and visibility baked into `points`, per point. */
  status: Uint8Array;
  visible: Uint8Array;
  /** Web Mercator x, y (0–1) per point, for the GPU dots (point_dots_layer.ts): projected here, not on the main thread. */
  positions: Float32Array;
  /** The dots' codes and drawing order for `status` and `visible` (no listed rings), sorted here (point_dots.ts). */
  dots: { codes: Uint8Array; dots: Uint32Array; rings: Uint32Array };
  /** [minLon, minLat, maxLon, maxLat] of the points, null without points. */
  bounds: [number, number, number, number] | null;
}

/** The points' GeoJSON of the analysis `version` (MapPayload.points), made on request. */
export interface MapPointsParams {
  version: number;
}

/** Null when the worker no longer holds that analysis (a newer one replaced it). */
export interface MapPointsResult {
  points: ArrayBuffer | null;
}

export interface AdminLabelProperties {
  name: string;
  level: "province" | "commune";
  code: string;
}

export interface AnalyzeResult {
  points: Point[];
  analysis: CoverageAnalysis;
  reports: { fileId: string; report: ImportReport }[];
  /** The map's sources, as bytes. */
  map: MapPayload;
  listedPointIds: string[];
  /**
   * The figures of the filter the request was made under (`view.filter`), computed in the worker with the analysis:
   * the main thread shows the count from them without walking the points again (see derived.ts).
   */
  figures: { filter: PointFilter; figures: ViewFigures };
  /**
   * Set when the points are those of the analysis `heldPoints` names, in the same order (a coverage file added to the
   * same point files): none were sent (cloning 100,000 point objects cost both threads 0.1–0.3 s each) and `points`
   * is empty; the main thread keeps the points it holds.
   */
  pointsOf?: number;
  timings: { parseMilliseconds: number; analyseMilliseconds: number };
}

/** A point to measure from: a point of the last analysis, or a position with the carriers that cover it. */
export type NearestPoint = number | { lon: number; lat: number; exclude: string[] };

/**
 * Distances from points to each carrier's nearest coverage, measured on the coverage the worker kept
 * from its last analysis (`version` = that analysis's map version; an answer for another is `available: false`).
 * For a point given by index, the carriers that cover it under the filter are left out.
 */
export interface NearestParams {
  version: number;
  minTechnology?: Technology;
  carriers?: string[];
  points: NearestPoint[];
  /** Carriers farther than this are left out (100 km when absent). */
  maxKm?: number;
  /** At most this many carriers per point, nearest first (all when absent). */
  limit?: number;
}

export interface NearestResult {
  /** False when the worker no longer holds the coverage of that analysis. */
  available: boolean;
  /** Per point of the request, its carriers nearest first. */
  distances: { carrier: string; km: number }[][];
}

/**
 * One raster tile of one coverage layer of the analysis `version` (Web Mercator z/x/y, 256 pixels): the layer's
 * colour with alpha = the covered fraction of each pixel. An analysis the worker no longer holds gives no image.
 */
export interface TileParams {
  version: number;
  /** The coverage layer. */
  layer: number;
  z: number;
  x: number;
  y: number;
  /** "#rrggbb" */
  color: string;
}

export interface TileResult {
  /** Null when nothing of the layer meets the tile (or the analysis is gone). */
  image: ImageBitmap | null;
}

/**
 * What the analysis worker posts to the raster worker (raster.worker.ts) for an analysis: its in-force layers' rings
 * in degrees (transferred), the layers and their bounds. That worker then answers `tile` for this version.
 */
export interface RasterParams {
  version: number;
  rings: LayerRings[];
  layers: CoverageLayerInfo[];
  bounds: ([number, number, number, number] | null)[];
}

/**
 * Which coverage layers of the analysis `version` contain each given position (the listed dead zones that are not
 * among the analysed points): answered in the worker, which holds the polygons and builds their index there.
 */
export interface CoverAtParams {
  version: number;
  lon: Float64Array;
  lat: Float64Array;
}

export interface CoverAtResult {
  /** Null when the worker no longer holds that analysis. */
  coverage: { layers: CoverageAnalysis["layers"]; words: number; masks: Uint32Array } | null;
}

/**
 * Measurements that contradict a claim or the coverage map (domain `findContradictions`), found in the worker on the
 * coverage of the analysis `version` (null: no coverage loaded; only the claims are checked).
 */
export interface ContradictionsParams {
  version: number | null;
  measurements: Measurement[];
  registry: ListedPoint[];
  states: TrackingStates;
  options: ContradictionOptions;
}

export interface ContradictionsResult {
  /** False when the worker no longer holds the coverage of that analysis (nothing was checked). */
  available: boolean;
  findings: Contradiction[];
}

/** A dead-zone tracking file (registry or carrier's updates) to read with the domain, off the main thread. */
export interface TrackingParams {
  input: TrackingParseInput;
}

/**
 * New-site suggestions (greedy maximum coverage, src/domain/planning) for targets the main thread selected
 * (`siteTargets`: the uncovered points under the filter and their weights), as three parallel arrays.
 */
export interface SuggestParams {
  lon: Float64Array;
  lat: Float64Array;
  weight: Float64Array;
  radiusKm: number;
  sites: number;
  gridStepKm?: number;
}

/** The domain's SiteSuggestion, as is. */
export type SuggestResult = SiteSuggestion;

/** The `compare` request (answered by compare_request.ts). */
/** Asks for the release dates (no `dates`) or for a comparison between two dates, on the analysis `version`. */
export interface CompareParams {
  version: number;
  dates?: { before: string; after: string };
  filter: PointFilter;
}

/** A comparison as the app shows it (the domain's DatedComparison). */
export type AppComparison = DatedComparison;

/** The answer: unavailable when the worker no longer holds that analysis. */
export type CompareResult = ComparisonAnswer;

/**
 * Every request the worker answers: its params and its result. Adding a request type is one line here and
 * one handler in the worker's table (`analysis.worker.ts`); the compiler then asks for nothing else, and
 * `transfers.ts` takes an entry only when the params or the result carry buffers.
 */
export interface RequestMap {
  inspect: { params: InspectParams; result: InspectResult };
  analyze: { params: AnalyzeParams; result: AnalyzeResult };
  nearest: { params: NearestParams; result: NearestResult };
  tile: { params: TileParams; result: TileResult };
  mapPoints: { params: MapPointsParams; result: MapPointsResult };
  /** The raster worker's: the analysis worker posts it the rings of each analysis (raster.worker.ts). */
  raster: { params: RasterParams; result: { version: number } };
  coverAt: { params: CoverAtParams; result: CoverAtResult };
  contradictions: { params: ContradictionsParams; result: ContradictionsResult };
  tracking: { params: TrackingParams; result: TrackingParseOutput };
  suggest: { params: SuggestParams; result: SuggestResult };
  compare: { params: CompareParams; result: CompareResult };
}

export type RequestType = keyof RequestMap;
export type RequestParams<K extends RequestType> = RequestMap[K]["params"];
export type RequestResult<K extends RequestType> = RequestMap[K]["result"];

export type ProgressPhase = "read" | "points" | "coverage" | "admin" | "analyse" | "finish" | "inspect" | "tracking";

export interface ProgressEvent {
  phase: ProgressPhase;
  /** 0–1 over the whole request. */
  fraction: number;
}

/**
 * Why a request failed, as a value: a code and the params of its message, never a stack trace.
 * `failed`: a handler threw (`reason` is the thrown error's message); `unknown_request`: no handler for `type`.
 */
export type RequestFailure =
  | { code: "failed"; params: { reason: string } }
  | { code: "unknown_request"; params: { type: string } }
  /** A posted Blob the worker could not read (the file changed on disk since it was chosen): the client posts the bytes instead. */
  | { code: "blob_unreadable"; params: { file: string } };

/** What the main thread posts: a request (one per id), or the cancellation of one. */
export type WorkerRequest =
  { [K in RequestType]: { kind: "request"; id: number; type: K; params: RequestParams<K> } }[RequestType] | { kind: "cancel"; id: number };

/** What the worker posts about the request `id`. */
export type WorkerResponse =
  | { kind: "progress"; id: number; progress: ProgressEvent }
  /**
   * Part of an analysis's points, sent before its result (which then has `points: []`): one message
   * of 100,000 points would take the main thread a single long task to read.
   */
  | { kind: "points"; id: number; points: Point[] }
  | { [K in RequestType]: { kind: "result"; id: number; type: K; result: RequestResult<K> } }[RequestType]
  | { kind: "failure"; id: number; failure: RequestFailure }
  | { kind: "cancelled"; id: number };
