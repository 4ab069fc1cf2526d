/**
 * The app's actions: start, import, remove, reset. Each runs the analysis in the worker, then
 * commits the result to the store and saves the files in IndexedDB. A file that yields nothing
 * usable is refused and the loaded data kept.
 */
import type { ImportReport } from "../../domain/issues.ts";
import { RequestFailedError, isAbortError, type AnalysisClient } from "../../workers/analysis_client.ts";
import type {
  AnalyzeResult,
  FileOptions,
  InspectResult,
  LoadedFile,
  LoadedFileKind,
  NearestParams,
  NearestResult,
  SuggestParams,
  SuggestResult,
} from "../../workers/messages.ts";
import { BOUNDARY_URLS, SAMPLE_DEAD_ZONES_URL, SAMPLE_FILES, absoluteUrl } from "../sample_data.ts";
import { clearSavedDataset, loadDataset, saveDataset } from "../storage/file_store.ts";
import type { CompareParams, CompareResult, ContradictionsParams, ContradictionsResult, CoverAtResult } from "../../workers/messages.ts";
import { mapViewState } from "./derived.ts";
import { makeNotice, type Notice } from "../i18n/i18n.ts";
import type { AppState, Store } from "./store.ts";
import { addNotice, clearData, dismissNotice, markReady, setBusy, setCoverageAsOf, setLastImport, showAnalysis } from "./updaters.ts";

export interface Controller {
  start(): Promise<void>;
  /** Previews a file as chosen (a File): the worker reads it. */
  inspectFile(name: string, blob: Blob, options: FileOptions): Promise<InspectResult>;
  /** Distances to each carrier's nearest coverage, measured in the worker on the analysis `request.version`. */
  nearest(request: NearestParams): Promise<NearestResult>;
  /** Which coverage layers of the analysis `version` contain each position, answered in the worker (null when it no longer holds it). */
  coverAt(version: number, lon: Float64Array, lat: Float64Array): Promise<CoverAtResult["coverage"]>;
  /** Measurements that contradict claims or the coverage map of the analysis `request.version`, found in the worker. */
  contradictions(request: ContradictionsParams): Promise<ContradictionsResult>;
  /** New-site suggestions for the given targets, computed in the worker. */
  suggestSites(request: SuggestParams): Promise<SuggestResult>;
  /** The coverage release dates of the analysis `request.version`, and the comparison of two of them (worker). */
  compare(request: CompareParams): Promise<CompareResult>;
  /** Imports a file: "refused" when it gave nothing usable, "stopped" when cancelled or failed. */
  importFile(file: LoadedFile): Promise<"imported" | "refused" | "stopped">;
  removeFile(id: string): Promise<void>;
  /** Re-analyses with the coverage as of a date (YYYY-MM-DD: per carrier × technology the latest release on or before it), or the latest (null). */
  setCoverageAsOf(asOf: string | null): Promise<void>;
  resetToSample(): Promise<void>;
  clearAll(): Promise<void>;
  notify(notice: Notice): void;
  dismiss(id: number): void;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Creates a file id that is unique enough for one browser profile.
 * @returns a random id
 */
export function createFileId(): string {
  return typeof crypto !== "undefined" && "randomUUID" in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`;
}

/**
 * The id of a bundled sample file: one per file (two sample coverage files must not share one, or removing
 * one removes both).
 * @param sample - the bundled file
 * @returns "sample-" and its file name
 */
export function sampleFileId(sample: { name: string }): string {
  return `sample-${sample.name}`;
}

async function fetchSampleFiles(wanted: { kinds: readonly LoadedFileKind[] } | { names: readonly string[] }): Promise<LoadedFile[]> {
  const files: LoadedFile[] = [];
  for (const sample of SAMPLE_FILES) {
    if ("kinds" in wanted ? !wanted.kinds.includes(sample.kind) : !wanted.names.includes(sample.name)) continue;
    const response = await fetch(sample.url);
    if (!response.ok) throw new Error(`${sample.name}: HTTP ${response.status}`);
    files.push({ id: sampleFileId(sample), name: sample.name, kind: sample.kind, bytes: await response.arrayBuffer(), options: {}, isSample: true });
  }
  return files;
}

/** A report counts as refused when the file gave nothing usable. */
function isRefused(report: ImportReport): boolean {
  return report.accepted === 0;
}

/**
 * Creates the controller.
 * @param store - the app store
 * @param client - the analysis worker client
 * @returns the actions
 */
export function createController(store: Store<AppState>, client: AnalysisClient): Controller {
  let running: AbortController | null = null;

  const notify = (notice: Notice) => store.setState((state) => addNotice(state, notice));

  async function analyze(files: readonly LoadedFile[]): Promise<AnalyzeResult | null> {
    running?.abort();
    const controller = new AbortController();
    running = controller;
    store.setState((state) => setBusy(state, { phase: "read", fraction: 0, cancel: () => controller.abort() }));
    performance.mark("lom-song:analysis-start");
    try {
      const samplePoints = files.some((file) => file.isSample && file.kind === "points");
      // The points the page holds: when the analysis has the same ones (a coverage file added), the worker does not send them again.
      const held = store.getState().data;
      const result = await client.request(
        "analyze",
        {
          ...(held ? { heldPoints: held.map.version } : {}),
          files: files.map(({ isSample: _sample, ...file }) => file),
          boundaryUrls: [absoluteUrl(BOUNDARY_URLS.provinces), absoluteUrl(BOUNDARY_URLS.communes)],
          listedUrl: samplePoints ? absoluteUrl(SAMPLE_DEAD_ZONES_URL) : undefined,
          view: mapViewState(store.getState().filter, store.getState().layerVisibility),
          ...(store.getState().coverageAsOf ? { coverageAsOf: store.getState().coverageAsOf } : {}),
        },
        {
          signal: controller.signal,
          onProgress: (progress) => {
            if (running === controller)
              store.setState((state) => setBusy(state, { phase: progress.phase, fraction: progress.fraction, cancel: () => controller.abort() }));
          },
        },
      );
      if (result.pointsOf !== undefined) {
        if (!held || held.map.version !== result.pointsOf) throw new Error(`the worker kept the points of analysis ${result.pointsOf}, not held here`);
        result.points = held.points;
      }
      return result;
    } catch (error) {
      // Superseded: by the user's cancel (the notice), or by a newer analysis (nothing to say).
      if (isAbortError(error)) {
        if (running === controller) notify(makeNotice("info", "progress.cancelled"));
      } else if (error instanceof RequestFailedError && error.code === "blob_unreadable") {
        notify(makeNotice("error", "error.fileChanged", { file: "file" in error.params ? error.params.file : "" }));
      } else if (error instanceof RequestFailedError) {
        notify(makeNotice("error", "error.analysis", { reason: error.message }));
      } else {
        notify(makeNotice("error", "error.worker"));
      }
      return null;
    } finally {
      if (running === controller) {
        running = null;
        store.setState((state) => setBusy(state, null));
      }
    }
  }

  function commit(files: LoadedFile[], data: AnalyzeResult): void {
    store.setState((state) => showAnalysis(state, { files, data }));
    // After the render the new data caused, so that the e2e tests can time the whole analysis.
    setTimeout(() => performance.mark("lom-song:analysis-shown"), 0);
  }

  async function persist(files: readonly LoadedFile[]): Promise<void> {
    try {
      await saveDataset(files);
    } catch (error) {
      notify(makeNotice("error", "error.storageSave", { reason: describe(error) }));
    }
  }

  async function loadSample(): Promise<void> {
    let files: LoadedFile[];
    try {
      files = await fetchSampleFiles({ kinds: ["points", "coverage"] });
    } catch (error) {
      notify(makeNotice("error", "error.sample", { reason: describe(error) }));
      store.setState(markReady);
      return;
    }
    const data = await analyze(files);
    if (data) commit(files, data);
    else store.setState(markReady);
  }

  async function start(): Promise<void> {
    let saved: Awaited<ReturnType<typeof loadDataset>> = null;
    try {
      saved = await loadDataset();
    } catch (error) {
      notify(makeNotice("error", "error.storageLoad", { reason: describe(error) }));
    }
    if (saved) {
      let files: LoadedFile[] = [...saved.files];
      // Saved before sample files were kept by name: by kind (every sample file of those kinds).
      const names = saved.meta.sampleNames;
      const samples = names ? { names } : { kinds: saved.meta.sampleKinds };
      if ((names ?? saved.meta.sampleKinds).length > 0) {
        try {
          files = [...(await fetchSampleFiles(samples)), ...files];
        } catch (error) {
          notify(makeNotice("error", "error.sample", { reason: describe(error) }));
        }
      }
      const data = files.length > 0 ? await analyze(files) : null;
      if (data) commit(files, data);
      else store.setState(markReady);
      return;
    }
    if (store.getState().sampleNone) {
      store.setState(markReady);
      return;
    }
    await loadSample();
  }

  async function importFile(file: LoadedFile): Promise<"imported" | "refused" | "stopped"> {
    const current = store.getState().files;
    // The user's own file replaces the sample file of the same kind.
    const files = [...current.filter((other) => !(other.isSample && other.kind === file.kind)), file];
    const data = await analyze(files);
    if (!data) return "stopped";
    const report = data.reports.find((entry) => entry.fileId === file.id)?.report;
    if (!report || isRefused(report)) {
      store.setState((state) => setLastImport(state, { fileName: file.name, report: report ?? emptyRefusal(file), refused: true }));
      return "refused";
    }
    commit(files, data);
    store.setState((state) => setLastImport(state, { fileName: file.name, report, refused: false }));
    await persist(files);
    return "imported";
  }

  function emptyRefusal(file: LoadedFile): ImportReport {
    return { file: file.name, kind: file.kind, read: 0, accepted: 0, rejected: 0, warnings: 0, issues: [] };
  }

  async function reanalyze(files: LoadedFile[]): Promise<void> {
    if (files.length === 0) {
      store.setState(clearData);
      await persist(files);
      return;
    }
    const data = await analyze(files);
    if (!data) return;
    commit(files, data);
    await persist(files);
  }

  return {
    start,
    notify,
    dismiss: (id) => store.setState((state) => dismissNotice(state, id)),
    inspectFile: (name, blob, options) => client.request("inspect", { name, blob, options }),
    nearest: (request) => client.request("nearest", request),
    compare: (request) => client.request("compare", request),
    coverAt: async (version, lon, lat) => (await client.request("coverAt", { version, lon, lat })).coverage,
    contradictions: (request) => client.request("contradictions", request),
    suggestSites: (request) => client.request("suggest", request),
    importFile,
    removeFile: (id) => reanalyze(store.getState().files.filter((file) => file.id !== id)),
    async setCoverageAsOf(asOf) {
      const previous = store.getState().coverageAsOf;
      store.setState((state) => setCoverageAsOf(state, asOf ?? undefined));
      const files = store.getState().files;
      if (files.length === 0) return;
      const data = await analyze(files);
      if (!data) {
        store.setState((state) => setCoverageAsOf(state, previous));
        return;
      }
      commit(files, data);
    },
    async resetToSample() {
      try {
        await clearSavedDataset();
      } catch (error) {
        notify(makeNotice("error", "error.storageSave", { reason: describe(error) }));
      }
      store.setState((state) => setLastImport(state, null));
      await loadSample();
    },
    clearAll: () => reanalyze([]),
  };
}
