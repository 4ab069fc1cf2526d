/**
 * The tracking view's state changes that depend on the state before, as named pure updaters
 * `(state, payload) => state` (see src/app/state/updaters.ts). The controller (tracking_controller.ts) runs the
 * effects (parse in the worker, save through the storage port, tell the other tabs) and changes the state only
 * through these or plain patches.
 */
import type { UpdateConflict } from "../../domain/tracking/conflicts.ts";
import type { StatusEvent } from "../../domain/tracking/events.ts";
import type { TrackingImport, TrackingNotice, TrackingState } from "./tracking_controller.ts";
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
export function addTrackingNotice(state: TrackingState, notice: TrackingNotice): TrackingState {
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
