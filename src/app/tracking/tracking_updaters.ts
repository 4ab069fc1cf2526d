/**
 * The tracking view's state changes that depend on the state before, as named pure updaters
 * `(state, payload) => state` (see src/app/state/updaters.ts). The controller (tracking_controller.ts) runs the
 * effects (parse in the worker, save through the storage port, tell the other tabs) and changes the state only
 * through these; the components call them through the store too.
 */
import type { UpdateConflict } from "../../domain/tracking/conflicts.ts";
import type { StatusEvent } from "../../domain/tracking/events.ts";
import type { ListedPoint } from "../../domain/tracking/registry.ts";
import type { Notice } from "../i18n/i18n.ts";
import type { PendingRestore, TrackingImport, TrackingParsing, TrackingState } from "./tracking_controller.ts";
import type { TrackingRole } from "./tracking_view.ts";
import { AUTO_BACKUPS_KEPT, type AutoBackup, type BackupMark, type SavedRegistry } from "./tracking_storage.ts";

/** How many notices and import reports stay on screen (the newest). */
const NOTICES_SHOWN = 4;
const IMPORTS_SHOWN = 5;

/**
 * Tells the user something; the oldest notices give way.
 * @param state - the state
 * @param notice - the notice
 * @returns the new state
 */
export function addTrackingNotice(state: TrackingState, notice: Notice): TrackingState {
  return { ...state, notices: [...state.notices.slice(-(NOTICES_SHOWN - 1)), notice] };
}

/**
 * Closes a notice.
 * @param state - the state
 * @param id - its id
 * @returns the new state
 */
export function dismissTrackingNotice(state: TrackingState, id: number): TrackingState {
  return { ...state, notices: state.notices.filter((notice) => notice.id !== id) };
}

/**
 * Shows the report of a file import first; the oldest reports give way.
 * @param state - the state
 * @param entry - the report
 * @returns the new state
 */
export function addImportReport(state: TrackingState, entry: TrackingImport): TrackingState {
  return { ...state, imports: [entry, ...state.imports].slice(0, IMPORTS_SHOWN) };
}

/**
 * Closes an import report.
 * @param state - the state
 * @param id - its id
 * @returns the new state
 */
export function dismissImportReport(state: TrackingState, id: number): TrackingState {
  return { ...state, imports: state.imports.filter((entry) => entry.id !== id) };
}

/**
 * A save started.
 * @param state - the state
 * @param unsavedCount - the changes not saved yet
 * @returns the new state
 */
export function saveStarted(state: TrackingState, unsavedCount: number): TrackingState {
  return { ...state, savesPending: state.savesPending + 1, unsavedCount };
}

/**
 * A save ended: the error is the browser's reason, or null when it worked.
 * @param state - the state
 * @param payload - the error and the changes still not saved
 * @returns the new state
 */
export function saveEnded(state: TrackingState, payload: { error: string | null; unsavedCount: number }): TrackingState {
  return { ...state, savesPending: state.savesPending - 1, storageError: payload.error, unsavedCount: payload.unsavedCount };
}

/**
 * How far the file being read is (ignored when no file is being read any more).
 * @param state - the state
 * @param fraction - 0…1, or null when not known
 * @returns the new state
 */
export function parsingProgress(state: TrackingState, fraction: number | null): TrackingState {
  return state.parsing ? { ...state, parsing: { ...state.parsing, fraction } } : state;
}

/**
 * The registry and the log were replaced (restore "replace", reset): what referred to the old data closes,
 * and the automatic backup kept joins the last few.
 * @param state - the state
 * @param payload - the new registry, log and backup mark, and the automatic backup of what they replace
 * @returns the new state
 */
export function replacedAll(
  state: TrackingState,
  payload: { registry: SavedRegistry; events: StatusEvent[]; backup: BackupMark | null; autoBackup: AutoBackup },
): TrackingState {
  return {
    ...state,
    registry: payload.registry,
    events: payload.events,
    backup: payload.backup,
    conflicts: [],
    editingPointId: null,
    historyPointId: null,
    autoBackups: [...state.autoBackups, payload.autoBackup].slice(-AUTO_BACKUPS_KEPT),
  };
}

/**
 * Conflicts found by an import wait for the department's choice, after those already waiting.
 * @param state - the state
 * @param conflicts - the new conflicts
 * @returns the new state
 */
export function addConflicts(state: TrackingState, conflicts: readonly UpdateConflict[]): TrackingState {
  return { ...state, conflicts: [...state.conflicts, ...conflicts] };
}

/**
 * A conflict the department decided leaves the list.
 * @param state - the state
 * @param conflict - the conflict decided
 * @returns the new state
 */
export function conflictResolved(state: TrackingState, conflict: UpdateConflict): TrackingState {
  return { ...state, conflicts: state.conflicts.filter((other) => other !== conflict) };
}

/**
 * What was saved in this browser (or the sample, or nothing) is shown: the view is loaded.
 * @param state - the state
 * @param data - the registry, log, outbox and backup mark read or seeded; null when there is nothing to show
 * @returns the new state
 */
export function loaded(state: TrackingState, data: Pick<TrackingState, "registry" | "events" | "outbox" | "backup"> | null): TrackingState {
  return data
    ? { ...state, registry: data.registry, events: data.events, outbox: data.outbox, backup: data.backup, conflicts: [], loaded: true }
    : { ...state, loaded: true };
}

/**
 * New events join the department's log or the carrier's outbox (the caller has left out those already there).
 * @param state - the state
 * @param payload - which list, and the events
 * @returns the new state
 */
export function eventsAppended(state: TrackingState, payload: { target: "events" | "outbox"; events: readonly StatusEvent[] }): TrackingState {
  return payload.target === "events" ? { ...state, events: [...state.events, ...payload.events] } : { ...state, outbox: [...state.outbox, ...payload.events] };
}

/**
 * What another tab saved, merged with this tab's unsaved changes (tracking_controller.ts `reload`), is shown; a
 * registry that changed there closes what referred to the old one.
 * @param state - the state
 * @param payload - the merged log, outbox, registry and backup mark, and whether the registry changed
 * @returns the new state
 */
export function otherTabMerged(
  state: TrackingState,
  payload: Pick<TrackingState, "events" | "outbox" | "registry" | "backup"> & { registryChanged: boolean },
): TrackingState {
  const { registryChanged, ...data } = payload;
  return { ...state, ...data, ...(registryChanged ? { conflicts: [], editingPointId: null, historyPointId: null } : {}) };
}

/**
 * A new list replaces the registry (the log stays: events of points no longer listed are kept, unused); what
 * referred to the old list closes.
 * @param state - the state
 * @param payload - the listed points and the file they came from
 * @returns the new state
 */
export function registryReplaced(state: TrackingState, payload: { registry: ListedPoint[]; file: string }): TrackingState {
  return {
    ...state,
    registry: { ...state.registry, registry: payload.registry, file: payload.file, isSample: false },
    conflicts: [],
    editingPointId: null,
    historyPointId: null,
  };
}

/**
 * The registry gains points (one placed by hand, or those a merged backup adds) and, from a backup, its publication day.
 * @param state - the state
 * @param payload - the whole new list of points, and the list's publication day when it changes
 * @returns the new state
 */
export function registryExtended(state: TrackingState, payload: { registry: ListedPoint[]; listPublishedOn?: string }): TrackingState {
  const registry: SavedRegistry = { ...state.registry, registry: payload.registry };
  if (payload.listPublishedOn) registry.listPublishedOn = payload.listPublishedOn;
  return { ...state, registry };
}

/**
 * A backup was downloaded: the events up to now are in a backup.
 * @param state - the state
 * @param at - when (ISO time)
 * @returns the new state
 */
export function backedUp(state: TrackingState, at: string): TrackingState {
  const mark: BackupMark = { at, eventCount: state.events.length };
  return { ...state, backup: mark };
}

/**
 * A valid backup waits for the user's choice (replace, merge or cancel), or (null) the choice was made.
 * @param state - the state
 * @param pending - the backup and what it would change, or null
 * @returns the new state
 */
export function restorePending(state: TrackingState, pending: PendingRestore | null): TrackingState {
  return { ...state, pendingRestore: pending };
}

/**
 * A tracking file starts being read in the worker (with how to stop it), or (null) its reading ended.
 * @param state - the state
 * @param parsing - the file being read, or null
 * @returns the new state
 */
export function parsingSet(state: TrackingState, parsing: TrackingParsing | null): TrackingState {
  return { ...state, parsing };
}

/**
 * What the browser said about keeping the data (persistent storage), the automatic backups it holds, or why it
 * could not read what was saved.
 * @param state - the state
 * @param patch - the persistence answer, the automatic backups, or the storage error
 * @returns the new state
 */
export function storageReported(state: TrackingState, patch: Partial<Pick<TrackingState, "persistence" | "autoBackups" | "storageError">>): TrackingState {
  return { ...state, ...patch };
}

/**
 * The user chose a role (the department or a carrier); an open status form closes.
 * @param state - the state
 * @param role - the role
 * @returns the new state
 */
export function roleChosen(state: TrackingState, role: TrackingRole): TrackingState {
  return { ...state, role, editingPointId: null };
}

/**
 * The user chose the day the view shows: a past day replays the log (changes cannot be recorded then); today or a
 * later day is today. An open status form closes.
 * @param state - the state
 * @param payload - the day chosen (null: today) and today
 * @returns the new state
 */
export function asOfChosen(state: TrackingState, payload: { date: string | null; today: string }): TrackingState {
  return { ...state, asOf: payload.date && payload.date < payload.today ? payload.date : null, editingPointId: null };
}

/**
 * Opens a point's status form (or, with null, closes it).
 * @param state - the state
 * @param pointId - the point, or null
 * @returns the new state
 */
export function editPoint(state: TrackingState, pointId: string | null): TrackingState {
  return { ...state, editingPointId: pointId };
}

/**
 * Opens a point's history (or, with null, closes it).
 * @param state - the state
 * @param pointId - the point, or null
 * @returns the new state
 */
export function showHistory(state: TrackingState, pointId: string | null): TrackingState {
  return { ...state, historyPointId: pointId };
}

/**
 * The import reports are cleared (a reset to the sample).
 * @param state - the state
 * @returns the new state
 */
export function importsCleared(state: TrackingState): TrackingState {
  return { ...state, imports: [] };
}
