import { useMemo } from "react";
import { useAppState, useTranslation } from "../app_context.ts";
import { countListedLoaded } from "../state/derived.ts";
import { pointWeight } from "../../domain/index.ts";
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
  // Pupils of the uncovered schools and school sites (Sĩ số) and households of the uncovered villages (Số hộ),
  // when the list gives them: the people behind the point count.
  const { pupils, households } = useMemo(() => {
    const sums = { pupils: 0, households: 0 };
    if (!view || !data) return sums;
    // As the statistics count them (pointWeight): the same totals as "Học sinh chưa có sóng" there.
    for (const index of view.uncovered) {
      sums.pupils += pointWeight(data.points[index], "pupils");
      sums.households += pointWeight(data.points[index], "households");
    }
    return sums;
  }, [view, data]);
  if (!view) return <div className="counts" />;
  return (
    <div className="counts" aria-live="polite">
      <span className="counts-main">
        <span className="counts-label" data-testid="uncovered-label">
          {technology ? t("counts.uncoveredAt", { technology }) : t("counts.uncovered")}:{" "}
        </span>
        <strong data-testid="uncovered-count">{view.uncovered.length}</strong> <span>{t("counts.ofTotal", { total: view.shown.length })}</span>
      </span>
      {pupils > 0 && (
        <span data-testid="uncovered-pupils" data-value={pupils}>
          {t("counts.pupils", { count: pupils })}
        </span>
      )}
      {households > 0 && (
        <span data-testid="uncovered-households" data-value={households}>
          {t("counts.households", { count: households })}
        </span>
      )}
      <span>{t("counts.singleCarrier", { count: view.summary.singleCarrier })}</span>
      {listed > 0 && <span data-testid="counts-listed">{t("counts.listed", { count: listed })}</span>}
    </div>
  );
}
