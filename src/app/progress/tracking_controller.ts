/**
 * The tracking view's state and actions. The actions call the domain (parse, record, import, resolve,
 * backup) and then save to IndexedDB; when a save fails the data stays in memory, the user is told, and
 * "try saving again" or a backup download keep nothing from being lost.
 */
import type { ImportReport } from "../../domain/issues.ts";
import type { Message } from "../../domain/types.ts";
import { createBackup, restoreBackup, serializeBackup } from "../../domain/progress/backup.ts";
import { resolveConflict, type ConflictChoice, type UpdateConflict } from "../../domain/progress/conflicts.ts";
import type { StatusEvent, StatusEventDraft } from "../../domain/progress/events.ts";
import { parseRegistryCsv, parseRegistryGeojson } from "../../domain/progress/parse_registry.ts";
import { acceptInfeasible, disputePoints, recordStatusChange, verifyPoints, type ChangeRejection, type RecordResult } from "../../domain/progress/record.ts";
import { parseUpdatesCsv, parseUpdatesJson } from "../../domain/progress/updates.ts";
import { isSpreadsheetFile } from "../../domain/parse/read_xlsx.ts";
import { isKmlInput } from "../../domain/parse/read_kml.ts";
import { parseRegistryXlsx, parseUpdatesXlsx } from "../../domain/parse/xlsx_import.ts";
import type { Point } from "../../domain/types.ts";
import { createStore, type Store } from "../state/store.ts";
import { fetchSampleTracking } from "./tracking_sample.ts";
import type { ListedPoint } from "../../domain/progress/registry.ts";
import { loadCommuneList } from "./commune_list.ts";
import { setUnlocated, unlocatedChoices } from "./unlocated_store.ts";
import {
  appendTrackingEvents,
  loadTracking,
  requestPersistence,
  saveAllTracking,
  saveBackupMark,
  saveTrackingRegistry,
  type BackupMark,
  type SavedRegistry,
} from "./tracking_storage.ts";
import { pendingChanges, type TrackingRole } from "./tracking_view.ts";
import { trackingMessage } from "./use_tracking_translation.ts";

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

/** Feedback of the last action. */
export interface TrackingNotice {
  id: number;
  severity: "error" | "info";
  message: Message;
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
  backup: BackupMark | null;
  imports: TrackingImport[];
  conflicts: UpdateConflict[];
  notices: TrackingNotice[];
  /** The point whose history is open. */
  historyPointId: string | null;
  /** The point whose status form is open. */
  editingPointId: string | null;
}

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
  restore(name: string, bytes: Uint8Array): Promise<boolean>;
  resetToSample(): Promise<void>;
  retrySave(): Promise<void>;
  notify(severity: TrackingNotice["severity"], message: Message): void;
  dismiss(id: number): void;
  dismissImport(id: number): void;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function summarizeRejections(rejected: readonly ChangeRejection[], language: "vi" | "en"): string {
  return rejected.map((item) => `${item.pointId}: ${item.message[language]}`).join("; ");
}

/**
 * Creates the tracking store and its actions.
 * @param options - how to tell today's date (Viet Nam time) and the current time
 * @returns the controller
 */
export function createTrackingController(options: { today: () => string; now: () => string }): TrackingController {
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
    backup: null,
    imports: [],
    conflicts: [],
    notices: [],
    historyPointId: null,
    editingPointId: null,
  });
  let started: Promise<void> | null = null;
  let counter = 1;

  const notify = (severity: TrackingNotice["severity"], message: Message) =>
    store.setState((state) => ({ notices: [...state.notices.slice(-3), { id: counter++, severity, message }] }));

  /** Runs a save; on failure keeps the data in memory and says so. */
  async function save(work: () => Promise<void>): Promise<void> {
    store.setState((state) => ({ savesPending: state.savesPending + 1 }));
    try {
      await work();
      store.setState((state) => ({ savesPending: state.savesPending - 1, storageError: null }));
    } catch (error) {
      store.setState((state) => ({ savesPending: state.savesPending - 1, storageError: describe(error) }));
    }
  }

  async function saveEverything(): Promise<void> {
    const state = store.getState();
    await saveAllTracking({ registry: state.registry, events: state.events, outbox: state.outbox, backup: state.backup });
  }

  /** Appends events to the log (or outbox) in memory and in IndexedDB. */
  async function append(target: "events" | "outbox", added: readonly StatusEvent[]): Promise<void> {
    if (added.length === 0) return;
    const state = store.getState();
    const before = target === "events" ? state.events.length : state.outbox.length;
    store.setState(target === "events" ? { events: [...state.events, ...added] } : { outbox: [...state.outbox, ...added] });
    // After an earlier failure the stored log is behind: rewrite it whole rather than append at a gap.
    if (state.storageError !== null) await save(saveEverything);
    else await save(() => appendTrackingEvents(target, added, before));
  }

  function context() {
    const state = store.getState();
    return { registry: state.registry.registry, events: state.events, today: options.today(), listPublishedOn: state.registry.listPublishedOn };
  }

  function addImport(entry: Omit<TrackingImport, "id">): void {
    store.setState((state) => ({ imports: [{ ...entry, id: counter++ }, ...state.imports].slice(0, 5) }));
  }

  async function loadSample(): Promise<void> {
    const sample = await fetchSampleTracking();
    sample.registry.baselineEventCount = sample.events.length;
    store.setState({ registry: sample.registry, events: sample.events, outbox: [], backup: null, conflicts: [], loaded: true });
    await save(saveEverything);
  }

  async function startOnce(): Promise<void> {
    void requestPersistence().then((persistence) => store.setState({ persistence }));
    let saved = null;
    try {
      saved = await loadTracking();
    } catch (error) {
      notify("error", trackingMessage("tracking.storage.loadFailed", { reason: describe(error) }));
      store.setState({ storageError: describe(error) });
    }
    if (saved) {
      store.setState({ registry: saved.registry, events: saved.events, outbox: saved.outbox, backup: saved.backup, loaded: true });
      return;
    }
    try {
      await loadSample();
    } catch (error) {
      notify("error", trackingMessage("tracking.sample.failed", { reason: describe(error) }));
      store.setState({ loaded: true });
    }
  }

  function reportDecision(result: RecordResult): void {
    if (result.events.length > 0) notify("info", trackingMessage("tracking.department.done", { count: result.events.length }));
    if (result.rejected.length > 0) {
      notify("error", trackingMessage("tracking.department.refused", { count: result.rejected.length, reasons: { vi: summarizeRejections(result.rejected, "vi"), en: summarizeRejections(result.rejected, "en") } }));
    }
  }

  return {
    store,
    start() {
      started ??= startOnce();
      return started;
    },
    today: options.today,
    setRole: (role) => store.setState({ role, editingPointId: null }),
    setAsOf: (date) => store.setState({ asOf: date && date < options.today() ? date : null, editingPointId: null }),
    recordChange(draft) {
      const state = store.getState();
      const carrier = draft.actor.role === "carrier" ? draft.actor.carrier : null;
      const log = carrier ? [...state.events, ...pendingChanges(state.events, state.outbox, carrier)] : state.events;
      const result = recordStatusChange({ ...context(), events: log }, draft);
      if (!result.ok) {
        notify("error", result.error.message);
        return false;
      }
      void append(carrier ? "outbox" : "events", [result.value]);
      store.setState({ editingPointId: null });
      return true;
    },
    async importUpdateFile(name, bytes) {
      const state = store.getState();
      const isJson = /\.json$/i.test(name) || new TextDecoder().decode(bytes.subarray(0, 64)).trimStart().startsWith("{");
      const importOptions = { file: name, registry: state.registry.registry, events: state.events, today: options.today(), listPublishedOn: state.registry.listPublishedOn };
      const result = isSpreadsheetFile(name, bytes) ? parseUpdatesXlsx(bytes, importOptions) : isJson ? parseUpdatesJson(bytes, importOptions) : parseUpdatesCsv(bytes, importOptions);
      const known = new Set(state.conflicts.map((conflict) => conflict.incoming.id));
      const conflicts = result.conflicts.filter((conflict) => !known.has(conflict.incoming.id));
      if (conflicts.length > 0) store.setState((current) => ({ conflicts: [...current.conflicts, ...conflicts] }));
      addImport({ kind: "updates", file: name, report: result.report, added: result.events.length, duplicates: result.duplicates, conflicts: result.conflicts.length, refused: result.events.length === 0 && result.duplicates === 0 && result.conflicts.length === 0 });
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
        notify("error", result.error);
        return;
      }
      store.setState((current) => ({ conflicts: current.conflicts.filter((other) => other !== conflict) }));
      await append("events", result.value);
    },
    async importRegistry(name, bytes, points) {
      const text = new TextDecoder().decode(bytes.subarray(0, 200)).trimStart();
      const isGeojson = /\.(geo)?json$/i.test(name) || text.startsWith("{") || isKmlInput(name, bytes);
      // Rows without coordinates are found by name among the points; commune names are checked against 2025's.
      const lookup = { file: name, points, communes: await loadCommuneList(), choices: unlocatedChoices() };
      const parsed = isSpreadsheetFile(name, bytes)
        ? parseRegistryXlsx(bytes, lookup)
        : isGeojson ? parseRegistryGeojson(bytes, lookup) : parseRegistryCsv(bytes, lookup);
      const refused = parsed.items.length === 0;
      if (!refused) setUnlocated(name, parsed.unlocated, parsed.report.located);
      addImport({ kind: "registry", file: name, report: parsed.report, added: parsed.items.length, duplicates: 0, conflicts: 0, refused });
      if (refused) return;
      const state = store.getState();
      const registry: SavedRegistry = { ...state.registry, registry: parsed.items, file: name, isSample: false };
      store.setState({ registry, conflicts: [], editingPointId: null, historyPointId: null });
      if (state.storageError !== null) await save(saveEverything);
      else await save(() => saveTrackingRegistry(registry));
    },
    async placeListedPoint(point) {
      const state = store.getState();
      if (state.registry.registry.some((other) => other.id === point.id)) {
        notify("error", trackingMessage("tracking.unlocated.duplicate", { id: point.id }));
        return false;
      }
      const registry: SavedRegistry = { ...state.registry, registry: [...state.registry.registry, point] };
      store.setState({ registry });
      if (state.storageError !== null) await save(saveEverything);
      else await save(() => saveTrackingRegistry(registry));
      return true;
    },
    backupText() {
      const state = store.getState();
      return serializeBackup(createBackup({ registry: state.registry.registry, events: state.events, createdAt: options.now(), listPublishedOn: state.registry.listPublishedOn }));
    },
    async markBackedUp() {
      const mark: BackupMark = { at: options.now(), eventCount: store.getState().events.length };
      store.setState({ backup: mark });
      if (store.getState().storageError !== null) await save(saveEverything);
      else await save(() => saveBackupMark(mark));
    },
    async restore(name, bytes) {
      const result = restoreBackup(bytes);
      if (!result.ok) {
        notify("error", trackingMessage("tracking.data.restoreFailed", { file: name, reason: result.error }));
        return false;
      }
      const backup = result.value;
      const registry: SavedRegistry = { registry: backup.registry, file: name, isSample: false, baselineEventCount: backup.events.length };
      if (backup.listPublishedOn) registry.listPublishedOn = backup.listPublishedOn;
      store.setState({
        registry,
        events: backup.events,
        conflicts: [],
        backup: { at: backup.createdAt, eventCount: backup.events.length },
        editingPointId: null,
        historyPointId: null,
      });
      notify("info", trackingMessage("tracking.data.restored", { points: backup.registry.length, events: backup.events.length }));
      await save(saveEverything);
      return true;
    },
    async resetToSample() {
      try {
        await loadSample();
        store.setState({ imports: [], editingPointId: null, historyPointId: null });
      } catch (error) {
        notify("error", trackingMessage("tracking.sample.failed", { reason: describe(error) }));
      }
    },
    retrySave: () => save(saveEverything),
    notify,
    dismiss: (id) => store.setState((state) => ({ notices: state.notices.filter((notice) => notice.id !== id) })),
    dismissImport: (id) => store.setState((state) => ({ imports: state.imports.filter((entry) => entry.id !== id) })),
  };
}
