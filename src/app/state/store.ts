/**
 * The app store: the loaded data sets and their analysis, the filters, the selection and what
 * the user is told. A tiny external store read through useSyncExternalStore; it holds no logic
 * (the analysis is the domain's, run in the worker; derived figures are in derived.ts).
 */
import { useSyncExternalStore } from "react";
import type { ImportReport } from "../../domain/issues.ts";
import type { Language } from "../../domain/types.ts";
import type { Notice } from "../i18n/i18n.ts";
import type { AnalyzeResult, LoadedFile, ProgressPhase } from "../../workers/messages.ts";
import type { AppView, MapCamera, TrackingUrlState, ViewFilter } from "./url_state.ts";
import type { SortColumn, SortDirection } from "../panels/list_rows.ts";
import type { Preferences } from "./preferences.ts";

export type TabName = "list" | "statistics" | "import" | "export" | "suggest" | "compare";

/**
 * What fills the screen on a phone or a tablet (narrow layout), where the map, the filters and the
 * panels take turns full width: the map, the filters and legend, or the tab in `tab`. Ignored on a
 * wide screen, where all three are side by side.
 */
export type PaneName = "map" | "filters" | "panels";

export interface Busy {
  phase: ProgressPhase;
  fraction: number;
  cancel: () => void;
}

export interface LastImport {
  fileName: string;
  report: ImportReport;
  /** True when the file was refused and the loaded data kept. */
  refused: boolean;
}

export interface AppState {
  language: Language;
  filter: ViewFilter;
  search: string;
  camera?: MapCamera;
  sampleNone: boolean;
  /** The files whose analysis is shown. */
  files: LoadedFile[];
  data: AnalyzeResult | null;
  /** Ids of the points on the listed dead-zone registry; highlighted on the map. */
  listedPointIds: string[];
  selectedPointIndex: number | null;
  /** Bumped whenever the map should fly to the selected point. */
  flyRequest: number;
  busy: Busy | null;
  notices: Notice[];
  /** Layer toggles by legend key (see map/layers.ts). */
  layerVisibility: Record<string, boolean>;
  lastImport: LastImport | null;
  tab: TabName;
  /** The pane shown in the narrow layout (see PaneName). */
  pane: PaneName;
  /** `?point=ID` of the link opened, selected (popup open) once the data holding it is analysed. */
  pendingPointId?: string;
  /** The tracking view's role, as-of day and status filter, mirrored here for the URL. */
  tracking: TrackingUrlState;
  /** Bumped with a box for the map to zoom to (a province or commune chosen). */
  boundsRequest: { bounds: [number, number, number, number]; serial: number } | null;
  /** Sort of the uncovered list (exports follow it too). */
  listSort: { column: SortColumn; direction: SortDirection };
  printing: boolean;
  /** The choices this browser remembers (preferences.ts), kept through a storage port; not in the URL. */
  preferences: Preferences;
  /** False until the first data set (or none) is in place. */
  ready: boolean;
  /** The top-level view (coverage map or listed dead zones); in the URL as ?view=tracking. */
  view?: AppView;
  /** Coverage as of this date (YYYY-MM-DD): per carrier × technology the latest release on or before it; unset = the latest. */
  coverageAsOf?: string;
}

type Listener = () => void;

/** A minimal observable store. */
export interface Store<T> {
  getState(): T;
  setState(update: Partial<T> | ((state: T) => Partial<T>)): void;
  subscribe(listener: Listener): () => void;
}

/**
 * Creates a store.
 * @param initial - the initial state
 * @returns the store
 */
export function createStore<T>(initial: T): Store<T> {
  let state = initial;
  const listeners = new Set<Listener>();
  return {
    getState: () => state,
    setState(update) {
      const patch = typeof update === "function" ? update(state) : update;
      // An updater that changes nothing returns the state itself: nobody is told, nothing is drawn again.
      if (patch === state) return;
      state = { ...state, ...patch };
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * Reads a slice of a store in a component and re-renders when it changes.
 * @param store - the store
 * @param selector - picks the slice; return stable references
 * @returns the slice
 */
export function useStore<T, S>(store: Store<T>, selector: (state: T) => S): S {
  return useSyncExternalStore(store.subscribe, () => selector(store.getState()));
}
