import { useMemo } from "react";
import { useAppState, useTranslation } from "../app_context.ts";
import { countListedLoaded } from "../state/derived.ts";
import { useDerivedView } from "../state/use_derived_view.ts";

/**
 * The headline figure above the map: uncovered points under the filters, of how many.
 * `uncovered-count` holds just the number (digits), for people and tests alike.
 * @returns the counts bar
 */
export function CountsBar() {
  const [t] = useTranslation();
  const view = useDerivedView();
  const points = useAppState((state) => state.data?.points);
  const listedPointIds = useAppState((state) => state.listedPointIds);
  const listed = useMemo(() => countListedLoaded(points ?? [], listedPointIds), [points, listedPointIds]);
  if (!view) return <div className="counts" />;
  return (
    <div className="counts" aria-live="polite">
      <span className="counts-main">
        <span className="counts-label">{t("counts.uncovered")}: </span>
        <strong data-testid="uncovered-count">{view.uncovered.length}</strong>{" "}
        <span>{t("counts.ofTotal", { total: view.shown.length })}</span>
      </span>
      <span>{t("counts.singleCarrier", { count: view.summary.singleCarrier })}</span>
      {listed > 0 && <span data-testid="counts-listed">{t("counts.listed", { count: listed })}</span>}
    </div>
  );
}
