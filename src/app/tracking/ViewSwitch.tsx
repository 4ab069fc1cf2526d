import { useApp, useAppState, useTranslation } from "../app_context.ts";
import { useListedHighlight } from "./use_listed_highlight.ts";
import { setView } from "../state/updaters.ts";

/**
 * The switch between the coverage map and the listed dead zones, kept in the URL (?view=tracking). Being
 * always mounted, it also loads the tracking data so the main map rings the listed points.
 * @returns two toggle buttons
 */
export function ViewSwitch() {
  const [t] = useTranslation();
  const { store } = useApp();
  const view = useAppState((state) => state.view ?? "map");
  useListedHighlight();
  return (
    <div className="view-switch" role="group" aria-label={t("tracking.view.switch")}>
      <button type="button" aria-pressed={view === "map"} data-testid="view-map" onClick={() => store.setState((state) => setView(state, "map"))}>
        {t("tracking.view.map")}
      </button>
      <button
        type="button"
        aria-pressed={view === "tracking"}
        data-testid="view-progress"
        onClick={() => store.setState((state) => setView(state, "tracking"))}
      >
        {t("tracking.view.progress")}
      </button>
    </div>
  );
}
