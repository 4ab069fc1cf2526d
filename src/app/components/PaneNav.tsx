import { useApp, useAppState, useTranslation } from "../app_context.ts";
import type { MessageKey } from "../i18n/i18n.ts";
import type { TabName } from "../state/store.ts";
import { showPane } from "../state/updaters.ts";

/** The bottom bar's items: the map, the filters, then each tab of the panels. */
const ITEMS: { id: "map" | "filters" | TabName; key: MessageKey }[] = [
  { id: "map", key: "app.pane.map" },
  { id: "filters", key: "app.pane.filters" },
  { id: "list", key: "app.tab.list" },
  { id: "statistics", key: "app.tab.statistics" },
  { id: "import", key: "app.tab.import" },
  { id: "export", key: "app.tab.export" },
  { id: "suggest", key: "app.tab.suggest" },
  { id: "compare", key: "app.tab.compare" },
];

/**
 * The bottom bar of the narrow layout (phones, tablets): the map, the filters and each panel take the
 * whole screen in turn. Hidden by CSS on a wide screen, where they are side by side.
 * @returns the navigation bar
 */
export function PaneNav() {
  const [t] = useTranslation();
  const { store } = useApp();
  const pane = useAppState((state) => state.pane);
  const tab = useAppState((state) => state.tab);
  const current = pane === "panels" ? tab : pane;
  return (
    <nav className="pane-nav" aria-label={t("app.pane.label")} data-testid="pane-nav">
      {ITEMS.map(({ id, key }) => (
        <button key={id} type="button" aria-pressed={current === id} data-testid={`pane-${id}`} onClick={() => store.setState((state) => showPane(state, id))}>
          {t(key)}
        </button>
      ))}
    </nav>
  );
}
