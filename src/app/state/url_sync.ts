/**
 * Keeps the address bar in step with the view state (language, filters, search, camera, selected point), with
 * history.replaceState so that the back button is not flooded by map moves; the document's
 * language and title follow the interface language.
 */
import { translate } from "../i18n/i18n.ts";
import type { AppState, Store } from "./store.ts";
import { writeUrlState } from "./url_state.ts";

/**
 * Starts writing the store's view state into the URL.
 * @param store - the app store
 * @returns a function that stops the sync
 */
export function startUrlSync(store: Store<AppState>): () => void {
  let written = "";
  // The pre-built map of the link (?coverage=) stays in the address, so that the link can be shared as it is.
  const prebuilt = new URLSearchParams(location.search).get("coverage");
  const write = () => {
    const state = store.getState();
    // The selected point is shared by its id (kept while the link's point waits for its data).
    const point = state.selectedPointIndex !== null ? state.data?.points[state.selectedPointIndex]?.id : state.pendingPointId;
    const viewSearch = writeUrlState({
      language: state.language,
      sampleNone: state.sampleNone,
      filter: state.filter,
      camera: state.camera,
      search: state.search,
      view: state.view,
      ...(point ? { point } : {}),
      ...(state.view === "tracking" ? { tracking: state.tracking } : {}),
    });
    const search = prebuilt ? `${viewSearch ? `${viewSearch}&` : "?"}coverage=${encodeURIComponent(prebuilt)}` : viewSearch;
    if (search === written) return;
    written = search;
    history.replaceState(history.state, "", `${location.pathname}${search}${location.hash}`);
    document.documentElement.lang = state.language;
    document.title = `${translate(state.language, "app.title")} — ${translate(state.language, "app.subtitle")}`;
  };
  write();
  return store.subscribe(write);
}
