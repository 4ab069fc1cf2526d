import { useMemo } from "react";
import { useAppState, useTranslation } from "../app_context.ts";
import { countListedLoaded } from "../state/derived.ts";
import { weightKind } from "./lookup.ts";
import { useDerivedView } from "../state/use_derived_view.ts";

/**
 * The headline figure above the map: uncovered points under the filters, of how many. The headline
 * names the technology that counts ("Điểm chưa có 4G"), since "no signal" means something else at 2G.
 * `uncovered-count` holds just the number (digits), for people and tests alike.
 * @returns the counts bar
 */
export function CountsBar() {
  const [t] = useTranslation();
  const view = useDerivedView();
  const listedPointIds = useAppState((state) => state.listedPointIds);
  const technology = useAppState((state) => state.filter.minTechnology);
  const data = useAppState((state) => state.data);
  const listed = useMemo(() => countListedLoaded(data?.points ?? [], listedPointIds), [data, listedPointIds]);
  // Pupils of the uncovered schools and school sites, when the list gives them (Sĩ số).
  const pupils = useMemo(() => {
    if (!view || !data) return 0;
    let sum = 0;
    for (const index of view.uncovered) if (weightKind(data.points[index]) === "pupils") sum += data.points[index].weight ?? 0;
    return sum;
  }, [view, data]);
  if (!view) return <div className="counts" />;
  return (
    <div className="counts" aria-live="polite">
      <span className="counts-main">
        <span className="counts-label" data-testid="uncovered-label">
          {technology ? t("counts.uncoveredAt", { technology }) : t("counts.uncovered")}:{" "}
        </span>
        <strong data-testid="uncovered-count">{view.uncovered.length}</strong>{" "}
        <span>{t("counts.ofTotal", { total: view.shown.length })}</span>
      </span>
      {pupils > 0 && (
        <span data-testid="uncovered-pupils" data-value={pupils}>
          {t("counts.pupils", { count: pupils })}
        </span>
      )}
      <span>{t("counts.singleCarrier", { count: view.summary.singleCarrier })}</span>
      {listed > 0 && <span data-testid="counts-listed">{t("counts.listed", { count: listed })}</span>}
    </div>
  );
}
