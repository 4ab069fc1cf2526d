import { useRef, type KeyboardEvent, type ReactNode } from "react";
import { useApp, useAppState, useTranslation } from "../app_context.ts";
import type { TabName } from "../state/store.ts";
import { showTab } from "../state/updaters.ts";

const TAB_NAMES: TabName[] = ["list", "statistics", "import", "export", "suggest", "compare"];

/**
 * Tabs following the WAI-ARIA tabs pattern (arrow keys move between tabs). Every panel stays
 * mounted, hidden when inactive, so its state (a preview, a scroll position) survives; a `lazy`
 * panel is rendered only from the first time its tab is opened (so a new analysis does not redraw,
 * say, the statistics of 10,000 communes nobody looks at).
 * @param props - the panel of each tab, and the tabs whose panel waits for a first visit
 * @returns the tab list and panels
 */
export function Tabs(props: { panels: Record<TabName, ReactNode>; lazy?: readonly TabName[] }) {
  const [t] = useTranslation();
  const { store } = useApp();
  const active = useAppState((state) => state.tab);
  const opened = useRef(new Set<TabName>());
  opened.current.add(active);
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const offset = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
    if (offset === 0) return;
    event.preventDefault();
    const next = TAB_NAMES[(TAB_NAMES.indexOf(active) + offset + TAB_NAMES.length) % TAB_NAMES.length];
    store.setState((state) => showTab(state, next));
    document.getElementById(`tab-${next}`)?.focus();
  };
  return (
    <>
      <div className="tab-list" role="tablist" aria-label={t("app.tabs")}>
        {TAB_NAMES.map((name) => (
          <button
            key={name}
            id={`tab-${name}`}
            type="button"
            role="tab"
            aria-selected={active === name}
            aria-controls={`tabpanel-${name}`}
            tabIndex={active === name ? 0 : -1}
            data-testid={`tab-${name}`}
            onClick={() => store.setState((state) => showTab(state, name))}
            onKeyDown={onKeyDown}
          >
            {t(`app.tab.${name}`)}
          </button>
        ))}
      </div>
      {TAB_NAMES.map((name) => (
        <div key={name} id={`tabpanel-${name}`} role="tabpanel" aria-labelledby={`tab-${name}`} hidden={active !== name} className="tab-panel">
          {opened.current.has(name) || !props.lazy?.includes(name) ? props.panels[name] : null}
        </div>
      ))}
    </>
  );
}
