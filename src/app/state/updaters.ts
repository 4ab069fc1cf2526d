/**
 * The app's state changes, as named pure updaters `(state, payload) => state` (kepler.gl's habit): every way
 * the store changes is here, unit-tested without React, a worker or a browser. Components and controllers
 * call `store.setState((state) => updater(state, payload))`; effects (the worker, storage, the URL) stay in the
 * controllers (controller.ts) and hooks, never in an updater.
 */
import type { AnalyzeResult, LoadedFile } from "../../workers/messages.ts";
import type { SortColumn } from "../panels/list_rows.ts";
import type { CsvSeparator } from "../../domain/export/to_csv.ts";
import { DEFAULT_AGENCY, DEFAULT_PREFERENCES, type Preferences } from "./preferences.ts";
import type { Notice } from "../i18n/i18n.ts";
import type { AppState, Busy, LastImport, PaneName, TabName } from "./store.ts";
import { DEFAULT_FILTER, type AppView, type MapCamera, type TrackingUrlState, type UrlState, type ViewFilter } from "./url_state.ts";

type Bounds = [number, number, number, number];

/**
 * The state a page starts in: what its URL says and what this browser remembers, nothing loaded yet.
 * @param url - the parsed URL (url_state.ts)
 * @param preferences - the preferences kept (preferences.ts readPreferences); the defaults when absent
 * @returns the initial state
 */
export function initialAppState(url: UrlState, preferences: Preferences = DEFAULT_PREFERENCES): AppState {
  return {
    language: url.language,
    filter: url.filter,
    search: url.search,
    camera: url.camera,
    sampleNone: url.sampleNone,
    files: [],
    data: null,
    listedPointIds: [],
    selectedPointIndex: null,
    flyRequest: 0,
    busy: null,
    notices: [],
    layerVisibility: {},
    lastImport: null,
    tab: "list",
    pane: "map",
    ...(url.point ? { pendingPointId: url.point } : {}),
    boundsRequest: null,
    tracking: url.tracking ?? {},
    listSort: { column: "name", direction: "ascending" },
    printing: false,
    preferences,
    ready: false,
    view: url.view,
  };
}

/**
 * Selects a point (or none); by default the map flies to it and, on a phone, the map is shown.
 * @param state - the state
 * @param payload - the point's index in the analysis (null: none), whether to fly and to show the map pane
 * @returns the new state
 */
export function selectPoint(state: AppState, payload: { index: number | null; fly?: boolean; showMap?: boolean }): AppState {
  const { index, fly = true, showMap = true } = payload;
  if (index === null) return { ...state, selectedPointIndex: null };
  return { ...state, selectedPointIndex: index, ...(fly ? { flyRequest: state.flyRequest + 1 } : {}), ...(showMap ? { pane: "map" as const } : {}) };
}

/**
 * Opens the point of a `?point=ID` link once the analysis holding it is shown (or forgets the link when no point has the id).
 * @param state - the state
 * @param index - the point's index, or -1 when the data has no such point
 * @returns the new state
 */
export function openLinkedPoint(state: AppState, index: number): AppState {
  const cleared = { ...state, pendingPointId: undefined };
  return index >= 0 ? selectPoint(cleared, { index }) : cleared;
}

/**
 * Asks the map to zoom to a box (a province or commune chosen); the serial makes the same box twice zoom twice.
 * @param state - the state
 * @param bounds - [west, south, east, north]
 * @returns the new state
 */
export function zoomTo(state: AppState, bounds: Bounds): AppState {
  return { ...state, boundsRequest: { bounds, serial: (state.boundsRequest?.serial ?? 0) + 1 } };
}

/**
 * Changes the filters; the selection is cleared (the point may no longer be shown).
 * @param state - the state
 * @param patch - the filters changed
 * @returns the new state
 */
export function setFilter(state: AppState, patch: Partial<ViewFilter>): AppState {
  return { ...state, filter: { ...state.filter, ...patch }, selectedPointIndex: null };
}

/**
 * Chooses a province or a commune from the lookup: the filter follows, the map shows and zooms to it.
 * @param state - the state
 * @param payload - the province (and commune) codes and the area's box, when known
 * @returns the new state
 */
export function chooseArea(state: AppState, payload: { provinceCode?: string; communeCode?: string; bounds: Bounds | null }): AppState {
  const chosen = { ...setFilter(state, { provinceCode: payload.provinceCode, communeCode: payload.communeCode }), pane: "map" as const };
  return payload.bounds ? zoomTo(chosen, payload.bounds) : chosen;
}

/**
 * Shows or hides one legend entry's layer.
 * @param state - the state
 * @param payload - the legend key (map/layers.ts) and whether it is shown
 * @returns the new state
 */
export function setLayerVisible(state: AppState, payload: { key: string; on: boolean }): AppState {
  return { ...state, layerVisibility: { ...state.layerVisibility, [payload.key]: payload.on } };
}

/**
 * Shows or hides several legend entries' layers at once (a carrier's technology and the carrier itself).
 * @param state - the state
 * @param changes - legend key → shown
 * @returns the new state
 */
export function setLayersVisible(state: AppState, changes: Record<string, boolean>): AppState {
  return { ...state, layerVisibility: { ...state.layerVisibility, ...changes } };
}

/**
 * Sorts the uncovered list by a column; the same column again reverses the order.
 * @param state - the state
 * @param column - the column
 * @returns the new state
 */
export function sortList(state: AppState, column: SortColumn): AppState {
  const again = state.listSort.column === column && state.listSort.direction === "ascending";
  return { ...state, listSort: { column, direction: again ? "descending" : "ascending" } };
}

/**
 * Shows a tab of the panels.
 * @param state - the state
 * @param tab - the tab
 * @returns the new state
 */
export function showTab(state: AppState, tab: TabName): AppState {
  return { ...state, tab };
}

/**
 * Shows a pane in the narrow layout: the map, the filters, or a tab of the panels.
 * @param state - the state
 * @param target - "map", "filters" or a tab
 * @returns the new state
 */
export function showPane(state: AppState, target: Exclude<PaneName, "panels"> | TabName): AppState {
  return target === "map" || target === "filters" ? { ...state, pane: target } : { ...state, pane: "panels", tab: target };
}

/**
 * Switches the interface language.
 * @param state - the state
 * @returns the new state
 */
export function toggleLanguage(state: AppState): AppState {
  return { ...state, language: state.language === "vi" ? "en" : "vi" };
}

/**
 * Changes the tracking view's state mirrored in the URL (role, as-of day, status filter).
 * @param state - the state
 * @param patch - what changed; undefined values clear
 * @returns the new state
 */
export function setTrackingUrl(state: AppState, patch: Partial<TrackingUrlState>): AppState {
  return { ...state, tracking: { ...state.tracking, ...patch } };
}

/**
 * Tells the user something; a notice with the same message replaces the older one.
 * @param state - the state
 * @param notice - the notice
 * @returns the new state
 */
export function addNotice(state: AppState, notice: Notice): AppState {
  return { ...state, notices: [...state.notices.filter((other) => other.key !== notice.key), notice] };
}

/**
 * Closes a notice.
 * @param state - the state
 * @param id - the notice's id
 * @returns the new state
 */
export function dismissNotice(state: AppState, id: number): AppState {
  return { ...state, notices: state.notices.filter((notice) => notice.id !== id) };
}

/**
 * Shows a finished analysis of the loaded files; the selection is cleared (indices changed).
 * @param state - the state
 * @param payload - the files and their analysis
 * @returns the new state
 */
export function showAnalysis(state: AppState, payload: { files: LoadedFile[]; data: AnalyzeResult }): AppState {
  return { ...state, files: payload.files, data: payload.data, listedPointIds: payload.data.listedPointIds, selectedPointIndex: null, ready: true };
}

/**
 * Removes every loaded file and its analysis.
 * @param state - the state
 * @returns the new state
 */
export function clearData(state: AppState): AppState {
  return { ...state, files: [], data: null, listedPointIds: [], selectedPointIndex: null };
}

/**
 * Records how the last import went (shown as its report).
 * @param state - the state
 * @param lastImport - the report, or null to close it
 * @returns the new state
 */
export function setLastImport(state: AppState, lastImport: LastImport | null): AppState {
  return { ...state, lastImport };
}

/**
 * An analysis runs (with how to stop it and how far it is), or (null) none runs any more.
 * @param state - the state
 * @param busy - the phase, the fraction done and the cancel, or null
 * @returns the new state
 */
export function setBusy(state: AppState, busy: Busy | null): AppState {
  return { ...state, busy };
}

/**
 * The page has shown what it starts with (the saved files, the sample, or nothing): the map and panels may say
 * "no data" from now on.
 * @param state - the state
 * @returns the new state
 */
export function markReady(state: AppState): AppState {
  return { ...state, ready: true };
}

/**
 * Chooses the coverage "as of" day (per carrier × technology the latest release on or before it), or the latest (undefined).
 * @param state - the state
 * @param asOf - YYYY-MM-DD, or undefined
 * @returns the new state
 */
export function setCoverageAsOf(state: AppState, asOf: string | undefined): AppState {
  return { ...state, coverageAsOf: asOf };
}

/**
 * The map moved (kept for the URL and the next visit).
 * @param state - the state
 * @param camera - the centre and zoom
 * @returns the new state
 */
export function setCamera(state: AppState, camera: MapCamera): AppState {
  return { ...state, camera };
}

/**
 * The search text of the uncovered list changed.
 * @param state - the state
 * @param search - the text
 * @returns the new state
 */
export function setSearch(state: AppState, search: string): AppState {
  return { ...state, search };
}

/**
 * Clears every filter and the search.
 * @param state - the state
 * @returns the new state
 */
export function clearFilters(state: AppState): AppState {
  return { ...state, filter: DEFAULT_FILTER, search: "" };
}

/**
 * Opens (or closes) the printable report.
 * @param state - the state
 * @param printing - whether the report is shown
 * @returns the new state
 */
export function setPrinting(state: AppState, printing: boolean): AppState {
  return { ...state, printing };
}

/**
 * Switches between the coverage map and the listed dead zones.
 * @param state - the state
 * @param view - the view
 * @returns the new state
 */
export function setView(state: AppState, view: AppView): AppState {
  return { ...state, view };
}

/**
 * The listed dead zones the tracking view shows, ringed on the coverage map (the same ids again, in any order, change
 * nothing: the state is returned as it is, so the map is not redrawn).
 * @param state - the state
 * @param ids - the point ids
 * @returns the new state
 */
export function setListedPointIds(state: AppState, ids: string[]): AppState {
  return sameIds(state.listedPointIds, ids) ? state : { ...state, listedPointIds: ids };
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((id) => set.has(id));
}

/**
 * Chooses the CSV flavour of every CSV export (remembered by preferences.ts).
 * @param state - the state
 * @param csvSeparator - comma, or semicolon with decimal commas
 * @returns the new state
 */
export function setCsvSeparator(state: AppState, csvSeparator: CsvSeparator): AppState {
  return { ...state, preferences: { ...state.preferences, csvSeparator } };
}

/**
 * Ticks or unticks "add the nearest carrier" to the list's exports (remembered by preferences.ts).
 * @param state - the state
 * @param exportNearest - the new choice
 * @returns the new state
 */
export function setExportNearest(state: AppState, exportNearest: boolean): AppState {
  return { ...state, preferences: { ...state.preferences, exportNearest } };
}

/**
 * Names the agency printed on reports; blank goes back to the default (remembered by preferences.ts).
 * @param state - the state
 * @param name - the name as typed
 * @returns the new state
 */
export function setAgency(state: AppState, name: string): AppState {
  return { ...state, preferences: { ...state.preferences, agency: name.trim() || DEFAULT_AGENCY } };
}
