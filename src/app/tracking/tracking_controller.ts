/**
 * The tracking view's state and actions. The actions call the domain (parse, record, import, resolve,
 * backup) and then save to IndexedDB; when a save fails the data stays in memory, the user is told, and
 * "try saving again" or a backup download keep nothing from being lost.
 *
 * Several tabs may hold the view: each tab saves only what it recorded itself (appended by content id,
 * never a rewrite of its copy of the log), and reloads what another tab saved when told so (or when it
 * becomes visible again), keeping its own unsaved changes on top.
 */
import type { ImportReport } from "../../domain/issues.ts";
import { createBackup, diffBackup, mergeBackup, restoreBackup, serializeBackup, type BackupDiff, type TrackingBackup } from "../../domain/tracking/backup.ts";
import { resolveConflict, type ConflictChoice, type UpdateConflict } from "../../domain/tracking/conflicts.ts";
import type { StatusEvent, StatusEventDraft } from "../../domain/tracking/events.ts";
import type { ListedPoint } from "../../domain/tracking/registry.ts";
import { acceptInfeasible, disputePoints, recordStatusChange, verifyPoints, type ChangeRejection, type RecordResult } from "../../domain/tracking/record.ts";
import type { UpdatesImportResult } from "../../domain/tracking/updates.ts";
import type { Point } from "../../domain/types.ts";
import { parseTrackingFile, pointLinks, type TrackingParseInput, type TrackingParseOutput } from "../../domain/tracking/tracking_file.ts";
import { createStore, type Store } from "../state/store.ts";
import { fetchSampleTracking } from "./tracking_sample.ts";
import { loadCommuneList } from "./commune_list.ts";
import { setUnlocated, unlocatedChoices } from "./unlocated_store.ts";
import { indexedDbTrackingStorage, type AutoBackup, type BackupMark, type SavedRegistry, type TrackingStorage } from "./tracking_storage.ts";
import { pendingChanges, type TrackingRole } from "./tracking_view.ts";
import {
  addConflicts,
  addImportReport,
  addTrackingNotice,
  conflictResolved,
  dismissImportReport,
  dismissTrackingNotice,
  asOfChosen,
  backedUp,
  editPoint,
  eventsAppended,
  importsCleared,
  loaded,
  otherTabMerged,
  parsingProgress,
  parsingSet,
  registryExtended,
  registryReplaced,
  replacedAll,
  restorePending,
  roleChosen,
  saveEnded,
  saveStarted,
  storageReported,
} from "./tracking_updaters.ts";
import { putPhotos } from "../storage/photo_store.ts";
import { makeNotice, type Notice } from "../i18n/i18n.ts";

/** The result of one file import, shown as a report. */
export interface TrackingImport {
  id: number;
  kind: "updates" | "registry" | "restore";
  file: string;
  report: ImportReport;
  added: number;
  duplicates: number;
  conflicts: number;
  /** True when nothing from the file was taken. */
  refused: boolean;
}

/** A valid backup chosen for a restore, waiting for the user's choice (replace, merge or cancel). */
export interface PendingRestore {
  file: string;
  backup: TrackingBackup;
  diff: BackupDiff;
}

/** A tracking file being read (in the worker), with how to stop it. */
export interface TrackingParsing {
  kind: "registry" | "updates";
  file: string;
  /** 0–1, or null while the domain parser runs (it reports no steps of its own). */
  fraction: number | null;
  cancel: () => void;
}

export interface TrackingState {
  loaded: boolean;
  registry: SavedRegistry;
  /** The department's log: append-only. */
  events: StatusEvent[];
  /** Carriers' recorded changes, kept until exported and imported by the department. */
  outbox: StatusEvent[];
  role: TrackingRole;
  asOf: string | null;
  persistence: "pending" | "granted" | "denied" | "unsupported";
  /** The reason of the last failed save, while the data in memory is not saved. */
  storageError: string | null;
  /** Saves under way (a reload before they finish could lose the last change). */
  savesPending: number;
  /** Changes in memory that are not saved yet (a failed save, or one under way): closing the tab warns. */
  unsavedCount: number;
  backup: BackupMark | null;
  /** Automatic backups kept before a restore or a reset, newest last. */
  autoBackups: AutoBackup[];
  imports: TrackingImport[];
  conflicts: UpdateConflict[];
  notices: Notice[];
  /** The point whose history is open. */
  historyPointId: string | null;
  /** The point whose status form is open. */
  editingPointId: string | null;
  pendingRestore: PendingRestore | null;
  parsing: TrackingParsing | null;
}

/** Reads a tracking file off the main thread; rejects with an AbortError when the signal aborts. */
export type TrackingFileParser = (
  input: TrackingParseInput,
  options: { signal: AbortSignal; onProgress: (fraction: number | null) => void },
) => Promise<TrackingParseOutput>;

export interface TrackingController {
  store: Store<TrackingState>;
  start(): Promise<void>;
  today(): string;
  setRole(role: TrackingRole): void;
  setAsOf(date: string | null): void;
  recordChange(draft: StatusEventDraft): boolean;
  importUpdateFile(name: string, bytes: Uint8Array): Promise<void>;
  decide(action: "verify" | "dispute" | "accept_infeasible", pointIds: readonly string[], date: string, note: string): Promise<boolean>;
  resolve(conflict: UpdateConflict, choice: ConflictChoice): Promise<void>;
  importRegistry(name: string, bytes: Uint8Array, points: readonly Point[]): Promise<void>;
  /** Adds a listed point placed by hand (a row of the list that could not be located by name). */
  placeListedPoint(point: ListedPoint): Promise<boolean>;
  backupText(): string;
  markBackedUp(): Promise<void>;
  /** Reads a backup and, when valid, shows what it would change and waits for confirmRestore or cancelRestore. */
  restore(name: string, bytes: Uint8Array): Promise<boolean>;
  confirmRestore(choice: "replace" | "merge"): Promise<void>;
  cancelRestore(): void;
  resetToSample(): Promise<void>;
  retrySave(): Promise<void>;
  /** Reloads what another tab saved, keeping this tab's unsaved changes. */
  refresh(): Promise<void>;
  notify(notice: Notice): void;
  dismiss(id: number): void;
  dismissImport(id: number): void;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function summarizeRejections(rejected: readonly ChangeRejection[], language: "vi" | "en"): string {
  return rejected.map((item) => `${item.pointId}: ${item.message[language]}`).join("; ");
}

/** How the controller is made: the clock, the URL's `?sample=none`, where files are parsed, how tabs talk. */
export interface TrackingControllerOptions {
  today: () => string;
  now: () => string;
  /** Start with an empty list instead of the bundled sample when nothing is saved (`?sample=none`). */
  sampleNone?: boolean;
  /** Where tracking files are read (the app: the analysis worker); in place when absent (Node tests). */
  parse?: TrackingFileParser;
  /** Where the data is kept (this browser profile's IndexedDB by default; tracking_memory_storage.ts in tests). */
  storage?: TrackingStorage;
  /** The channel to the other tabs (BroadcastChannel by default). */
  channel?: (onChange: () => void) => { post: () => void; close: () => void };
}

class ParseCancelled extends Error {}

const inPlaceParser: TrackingFileParser = async (input, { signal }) => {
  if (signal.aborted) throw new ParseCancelled();
  return parseTrackingFile(input);
};

function isAbort(error: unknown): boolean {
  return error instanceof ParseCancelled || (error instanceof Error && error.name === "AbortError");
}

function defaultChannel(onChange: () => void): { post: () => void; close: () => void } {
  if (typeof BroadcastChannel === "undefined") return { post: () => undefined, close: () => undefined };
  const channel = new BroadcastChannel("lom-song-tracking");
  // Node (the unit tests) would otherwise wait for the channel before exiting.
  (channel as unknown as { unref?: () => void }).unref?.();
  channel.onmessage = () => onChange();
  return { post: () => channel.postMessage({ type: "changed" }), close: () => channel.close() };
}

/**
 * Creates the tracking store and its actions.
 * @param options - how to tell today's date (Viet Nam time) and the current time, `?sample=none`, the parser, the storage and the tabs' channel
 * @returns the controller
 */
export function createTrackingController(options: TrackingControllerOptions): TrackingController {
  const storage = options.storage ?? indexedDbTrackingStorage;
  const store = createStore<TrackingState>({
    loaded: false,
    registry: { registry: [], file: "", isSample: false },
    events: [],
    outbox: [],
    role: { role: "department" },
    asOf: null,
    persistence: "pending",
    storageError: null,
    savesPending: 0,
    unsavedCount: 0,
    backup: null,
    autoBackups: [],
    imports: [],
    conflicts: [],
    notices: [],
    historyPointId: null,
    editingPointId: null,
    pendingRestore: null,
    parsing: null,
  });
  const parse = options.parse ?? inPlaceParser;
  let started: Promise<void> | null = null;
  let counter = 1;
  let channel: { post: () => void; close: () => void } | null = null;

  /**
   * What this tab changed and has not saved yet. Only this is ever written: never the tab's copy of the log,
   * which another tab may have added to.
   */
  const unsaved = {
    events: [] as StatusEvent[],
    outbox: [] as StatusEvent[],
    registry: false,
    backupMark: false,
    /** An explicit replace (restore, reset) not saved yet. */
    replace: null as null | { data: { registry: SavedRegistry; events: StatusEvent[]; backup: BackupMark | null }; autoBackup: AutoBackup },
    /** The first start's sample, when it could not be saved. */
    seed: null as null | { registry: SavedRegistry; events: StatusEvent[] },
  };
  const unsavedCount = () =>
    unsaved.events.length + unsaved.outbox.length + (unsaved.registry ? 1 : 0) + (unsaved.backupMark ? 1 : 0) + (unsaved.replace ? 1 : 0);

  /** Saves and reloads run one at a time in a tab, so a reload never misses what this tab is saving. */
  let queue: Promise<unknown> = Promise.resolve();
  function exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  }

  const notify = (notice: Notice) => store.setState((state) => addTrackingNotice(state, notice));

  /** Writes what this tab has not saved: the pending replace, the registry, the new events, the backup mark. */
  async function flush(): Promise<void> {
    let wrote = false;
    if (unsaved.seed) {
      const seed = unsaved.seed;
      await storage.seed({ registry: seed.registry, events: seed.events, outbox: [], backup: null });
      if (unsaved.seed === seed) unsaved.seed = null;
      wrote = true;
    }
    if (unsaved.replace) {
      const replace = unsaved.replace;
      await storage.replace(replace.data, replace.autoBackup);
      if (unsaved.replace === replace) unsaved.replace = null;
      wrote = true;
    }
    if (unsaved.registry) {
      unsaved.registry = false;
      try {
        await storage.saveRegistry(store.getState().registry);
      } catch (error) {
        unsaved.registry = true;
        throw error;
      }
      wrote = true;
    }
    for (const target of ["events", "outbox"] as const) {
      const batch = [...unsaved[target]];
      if (batch.length === 0) continue;
      await storage.append(target, batch);
      const done = new Set(batch.map((event) => event.id));
      unsaved[target] = unsaved[target].filter((event) => !done.has(event.id));
      wrote = true;
    }
    if (unsaved.backupMark) {
      unsaved.backupMark = false;
      const mark = store.getState().backup;
      try {
        if (mark) await storage.saveBackupMark(mark);
      } catch (error) {
        unsaved.backupMark = true;
        throw error;
      }
      wrote = true;
    }
    if (wrote) channel?.post();
  }

  /** Saves this tab's changes; on failure keeps them in memory (and in `unsaved`) and says so. */
  function save(): Promise<void> {
    store.setState((state) => saveStarted(state, unsavedCount()));
    return exclusive(async () => {
      try {
        await flush();
        store.setState((state) => saveEnded(state, { error: null, unsavedCount: unsavedCount() }));
      } catch (error) {
        store.setState((state) => saveEnded(state, { error: describe(error), unsavedCount: unsavedCount() }));
      }
    });
  }

  /** Appends events to the log (or outbox) in memory, then saves them (only those, by id). */
  async function append(target: "events" | "outbox", added: readonly StatusEvent[]): Promise<void> {
    if (added.length === 0) return;
    const state = store.getState();
    const known = new Set((target === "events" ? state.events : state.outbox).map((event) => event.id));
    const fresh = added.filter((event) => !known.has(event.id));
    if (fresh.length === 0) return;
    store.setState((current) => eventsAppended(current, { target, events: fresh }));
    unsaved[target].push(...fresh);
    await save();
  }

  /** Reloads what is saved (another tab wrote), keeping this tab's unsaved changes on top, and says so. */
  async function reload(): Promise<void> {
    if (!store.getState().loaded) return;
    let saved;
    try {
      saved = await storage.load();
    } catch {
      return;
    }
    if (!saved) return;
    const state = store.getState();
    const merge = (stored: readonly StatusEvent[], memory: readonly StatusEvent[], mine: readonly StatusEvent[]) => {
      const storedIds = new Set(stored.map((event) => event.id));
      const memoryIds = new Set(memory.map((event) => event.id));
      const mineIds = new Set(mine.map((event) => event.id));
      return {
        list: [...stored, ...mine.filter((event) => !storedIds.has(event.id))],
        fresh: stored.filter((event) => !memoryIds.has(event.id)).length,
        gone: memory.filter((event) => !storedIds.has(event.id) && !mineIds.has(event.id)).length,
      };
    };
    const events = merge(saved.events, state.events, unsaved.replace ? state.events : unsaved.events);
    const outbox = merge(saved.outbox, state.outbox, unsaved.outbox);
    const registryChanged = !unsaved.registry && !unsaved.replace && JSON.stringify(saved.registry) !== JSON.stringify(state.registry);
    if (events.fresh + outbox.fresh === 0 && events.gone + outbox.gone === 0 && !registryChanged) return;
    store.setState((current) =>
      otherTabMerged(current, {
        events: events.list,
        outbox: outbox.list,
        registry: unsaved.registry || unsaved.replace ? state.registry : saved.registry,
        backup: unsaved.backupMark || unsaved.replace ? state.backup : saved.backup,
        registryChanged,
      }),
    );
    if (events.gone + outbox.gone > 0 || registryChanged) notify(makeNotice("info", "tracking.tabs.replaced"));
    else notify(makeNotice("info", "tracking.tabs.updated", { count: events.fresh + outbox.fresh }));
    void storage.autoBackups().then(
      (autoBackups) => store.setState((state) => storageReported(state, { autoBackups })),
      () => undefined,
    );
  }

  function context() {
    const state = store.getState();
    return { registry: state.registry.registry, events: state.events, today: options.today(), listPublishedOn: state.registry.listPublishedOn };
  }

  function addImport(entry: Omit<TrackingImport, "id">): void {
    store.setState((state) => addImportReport(state, { ...entry, id: counter++ }));
  }

  /** Tracking files are read one at a time, in the worker, with a progress line and a cancel button. */
  let parsing: Promise<unknown> = Promise.resolve();
  function parseFile(kind: "registry" | "updates", input: TrackingParseInput): Promise<TrackingParseOutput | null> {
    const run = parsing.then(async () => {
      const abort = new AbortController();
      store.setState((state) => parsingSet(state, { kind, file: input.name, fraction: null, cancel: () => abort.abort() }));
      try {
        return await parse(input, {
          signal: abort.signal,
          onProgress: (fraction) => store.setState((state) => parsingProgress(state, fraction)),
        });
      } catch (error) {
        if (isAbort(error)) notify(makeNotice("info", "tracking.parse.cancelled", { file: input.name }));
        else notify(makeNotice("error", "tracking.parse.failed", { file: input.name, reason: describe(error) }));
        return null;
      } finally {
        store.setState((state) => parsingSet(state, null));
      }
    });
    parsing = run.catch(() => undefined);
    return run;
  }

  function autoBackupOf(reason: AutoBackup["reason"], file?: string): AutoBackup {
    const state = store.getState();
    const at = options.now();
    const text = serializeBackup(
      createBackup({ registry: state.registry.registry, events: state.events, createdAt: at, listPublishedOn: state.registry.listPublishedOn }),
    );
    const backup: AutoBackup = { id: `auto-${at}-${counter++}`, at, reason, points: state.registry.registry.length, events: state.events.length, text };
    if (file) backup.file = file;
    return backup;
  }

  /** Replaces the registry and the log (restore "replace", reset), after keeping an automatic backup. */
  async function replaceAll(registry: SavedRegistry, events: StatusEvent[], backup: BackupMark | null, autoBackup: AutoBackup): Promise<void> {
    store.setState((state) => replacedAll(state, { registry, events, backup, autoBackup }));
    unsaved.replace = { data: { registry, events, backup }, autoBackup };
    unsaved.events = [];
    unsaved.registry = false;
    unsaved.backupMark = false;
    await save();
  }

  async function startOnce(): Promise<void> {
    void storage.requestPersistence().then((persistence) => store.setState((state) => storageReported(state, { persistence })));
    channel = (options.channel ?? defaultChannel)(() => void exclusive(reload));
    if (typeof document !== "undefined") {
      document.addEventListener("visibilitychange", () => {
        if (document.visibilityState === "visible") void exclusive(reload);
      });
    }
    let saved = null;
    try {
      saved = await storage.load();
    } catch (error) {
      notify(makeNotice("error", "tracking.storage.loadFailed", { reason: describe(error) }));
      store.setState((state) => storageReported(state, { storageError: describe(error) }));
    }
    void storage.autoBackups().then(
      (autoBackups) => store.setState((state) => storageReported(state, { autoBackups })),
      () => undefined,
    );
    if (saved) {
      store.setState((state) => loaded(state, saved));
      if (saved.invalidRecords > 0) notify(makeNotice("error", "tracking.storage.invalidRecords", { count: saved.invalidRecords }));
      return;
    }
    if (options.sampleNone) {
      // Nothing is saved until the user loads a list: the next start without `?sample=none` shows the sample.
      store.setState((state) => loaded(state, null));
      return;
    }
    try {
      const sample = await fetchSampleTracking();
      sample.registry.baselineEventCount = sample.events.length;
      store.setState((state) => loaded(state, { registry: sample.registry, events: sample.events, outbox: [], backup: null }));
      unsaved.seed = { registry: sample.registry, events: sample.events };
      await save();
      if (unsaved.seed === null) await exclusive(reload);
    } catch (error) {
      notify(makeNotice("error", "tracking.sample.failed", { reason: describe(error) }));
      store.setState((state) => loaded(state, null));
    }
  }

  function reportDecision(result: RecordResult): void {
    if (result.events.length > 0) notify(makeNotice("info", "tracking.department.done", { count: result.events.length }));
    if (result.rejected.length > 0) {
      notify(
        makeNotice("error", "tracking.department.refused", {
          count: result.rejected.length,
          reasons: { vi: summarizeRejections(result.rejected, "vi"), en: summarizeRejections(result.rejected, "en") },
        }),
      );
    }
  }

  return {
    store,
    start() {
      started ??= startOnce();
      return started;
    },
    today: options.today,
    setRole: (role) => store.setState((state) => roleChosen(state, role)),
    setAsOf: (date) => store.setState((state) => asOfChosen(state, { date, today: options.today() })),
    recordChange(draft) {
      const state = store.getState();
      const carrier = draft.actor.role === "carrier" ? draft.actor.carrier : null;
      const log = carrier ? [...state.events, ...pendingChanges(state.events, state.outbox, carrier)] : state.events;
      const result = recordStatusChange({ ...context(), events: log }, draft);
      if (!result.ok) {
        notify(makeNotice("error", "notice.domain", { text: result.error.message }));
        return false;
      }
      void append(carrier ? "outbox" : "events", [result.value]);
      store.setState((current) => editPoint(current, null));
      return true;
    },
    async importUpdateFile(name, bytes) {
      const state = store.getState();
      const output = await parseFile("updates", {
        what: "updates",
        name,
        bytes,
        registry: state.registry.registry,
        events: state.events,
        today: options.today(),
        listPublishedOn: state.registry.listPublishedOn,
      });
      if (!output || output.what !== "updates") return;
      const result: UpdatesImportResult = output.result;
      const known = new Set(store.getState().conflicts.map((conflict) => conflict.incoming.id));
      const conflicts = result.conflicts.filter((conflict) => !known.has(conflict.incoming.id));
      if (conflicts.length > 0) store.setState((current) => addConflicts(current, conflicts));
      addImport({
        kind: "updates",
        file: name,
        report: result.report,
        added: result.events.length,
        duplicates: result.duplicates,
        conflicts: result.conflicts.length,
        refused: result.events.length === 0 && result.duplicates === 0 && result.conflicts.length === 0,
      });
      // An evidence packet's photos (verified against their hash in the worker) are stored before the events that name them.
      if (output.photos && output.photos.length > 0) {
        try {
          await putPhotos(output.photos);
          notify(makeNotice("info", "tracking.evidence.imported", { count: output.photos.length, file: name }));
        } catch (error) {
          notify(makeNotice("error", "tracking.evidence.storeFailed", { file: name, reason: describe(error) }));
        }
      }
      await append("events", result.events);
    },
    async decide(action, pointIds, date, note) {
      const shared = { ...context() };
      const trimmed = note.trim();
      const result =
        action === "verify"
          ? verifyPoints(shared, pointIds, date, trimmed || undefined)
          : action === "dispute"
            ? disputePoints(shared, pointIds, date, trimmed)
            : acceptInfeasible(shared, pointIds, date, trimmed || undefined);
      reportDecision(result);
      await append("events", result.events);
      return result.events.length > 0;
    },
    async resolve(conflict, choice) {
      const state = store.getState();
      const result = resolveConflict(state.registry.registry, state.events, conflict, choice);
      if (!result.ok) {
        notify(makeNotice("error", "notice.domain", { text: result.error }));
        return;
      }
      store.setState((current) => conflictResolved(current, conflict));
      await append("events", result.value);
    },
    async importRegistry(name, bytes, points) {
      // Rows without coordinates are found by name among the points; commune names are checked against 2025's.
      const output = await parseFile("registry", {
        what: "registry",
        name,
        bytes,
        points: pointLinks(points),
        communes: await loadCommuneList(),
        choices: unlocatedChoices(),
      });
      if (!output || output.what !== "registry") return;
      const parsed = output.result;
      const refused = parsed.items.length === 0;
      if (!refused) setUnlocated(name, parsed.unlocated, parsed.report.located);
      addImport({ kind: "registry", file: name, report: parsed.report, added: parsed.items.length, duplicates: 0, conflicts: 0, refused });
      if (refused) return;
      store.setState((state) => registryReplaced(state, { registry: parsed.items, file: name }));
      unsaved.registry = true;
      await save();
    },
    async placeListedPoint(point) {
      const state = store.getState();
      if (state.registry.registry.some((other) => other.id === point.id)) {
        notify(makeNotice("error", "tracking.unlocated.duplicate", { id: point.id }));
        return false;
      }
      store.setState((current) => registryExtended(current, { registry: [...current.registry.registry, point] }));
      unsaved.registry = true;
      await save();
      return true;
    },
    backupText() {
      const state = store.getState();
      return serializeBackup(
        createBackup({ registry: state.registry.registry, events: state.events, createdAt: options.now(), listPublishedOn: state.registry.listPublishedOn }),
      );
    },
    async markBackedUp() {
      store.setState((state) => backedUp(state, options.now()));
      unsaved.backupMark = true;
      await save();
    },
    async restore(name, bytes) {
      const result = restoreBackup(bytes);
      if (!result.ok) {
        notify(makeNotice("error", "tracking.data.restoreFailed", { file: name, reason: result.error }));
        return false;
      }
      const state = store.getState();
      const current = { registry: state.registry.registry, events: state.events, listPublishedOn: state.registry.listPublishedOn };
      store.setState((now) => restorePending(now, { file: name, backup: result.value, diff: diffBackup(current, result.value) }));
      return true;
    },
    async confirmRestore(choice) {
      const pending = store.getState().pendingRestore;
      if (!pending) return;
      store.setState((state) => restorePending(state, null));
      const { backup, file } = pending;
      if (choice === "replace") {
        const registry: SavedRegistry = { registry: backup.registry, file, isSample: false, baselineEventCount: backup.events.length };
        if (backup.listPublishedOn) registry.listPublishedOn = backup.listPublishedOn;
        await replaceAll(registry, backup.events, { at: backup.createdAt, eventCount: backup.events.length }, autoBackupOf("restore", file));
        notify(makeNotice("info", "tracking.data.restored", { points: backup.registry.length, events: backup.events.length }));
        return;
      }
      const state = store.getState();
      const merged = mergeBackup({ registry: state.registry.registry, events: state.events, listPublishedOn: state.registry.listPublishedOn }, backup);
      const pointsAdded = merged.registry.length - state.registry.registry.length;
      const eventsAdded = merged.events.slice(state.events.length);
      if (pointsAdded > 0 || merged.listPublishedOn !== state.registry.listPublishedOn) {
        store.setState((current) => registryExtended(current, { registry: merged.registry, listPublishedOn: merged.listPublishedOn }));
        unsaved.registry = true;
      }
      notify(makeNotice("info", "tracking.restore.merged", { points: pointsAdded, events: eventsAdded.length }));
      if (eventsAdded.length > 0) await append("events", eventsAdded);
      else await save();
    },
    cancelRestore() {
      const pending = store.getState().pendingRestore;
      if (!pending) return;
      store.setState((state) => restorePending(state, null));
      notify(makeNotice("info", "tracking.restore.cancelled", { file: pending.file }));
    },
    async resetToSample() {
      try {
        const sample = await fetchSampleTracking();
        sample.registry.baselineEventCount = sample.events.length;
        await replaceAll(sample.registry, sample.events, null, autoBackupOf("reset"));
        store.setState(importsCleared);
      } catch (error) {
        notify(makeNotice("error", "tracking.sample.failed", { reason: describe(error) }));
      }
    },
    retrySave: () => save(),
    refresh: () => exclusive(reload),
    notify,
    dismiss: (id) => store.setState((state) => dismissTrackingNotice(state, id)),
    dismissImport: (id) => store.setState((state) => dismissImportReport(state, id)),
  };
}
