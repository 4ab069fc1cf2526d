import { useMemo } from "react";
import { POINT_KINDS, TECHNOLOGIES, type PointKind, type Technology } from "../../domain/types.ts";
import { useApp, useAppState, useTranslation } from "../app_context.ts";
import { createNameCollator } from "../i18n/i18n.ts";
import { communeLabeller } from "./lookup.ts";
import { areaBounds } from "../state/area_bounds.ts";
import { DEFAULT_MIN_TECHNOLOGY, type ViewFilter } from "../state/url_state.ts";
import * as updaters from "../state/updaters.ts";

/**
 * Carriers, minimum technology, point kinds, province and commune. The map, the list, the
 * statistics and the exports all follow these.
 * @returns the filters form
 */
export function FiltersPanel() {
  const [t] = useTranslation();
  const { store } = useApp();
  const filter = useAppState((state) => state.filter);
  const data = useAppState((state) => state.data);
  const setFilter = (patch: Partial<ViewFilter>) => store.setState((state) => updaters.setFilter(state, patch));
  // Choosing a province or commune zooms the map to it (to its province when the commune is cleared).
  const zoomTo = (level: "province" | "commune", code: string | undefined) => {
    if (!data || !code) return;
    const bounds = areaBounds(data, level, code);
    if (bounds) store.setState((state) => updaters.zoomTo(state, bounds));
  };
  // "Yên Bình (Lào Cai)" and "Yên Bình (Lạng Sơn)": a name two provinces share carries its province.
  const communeName = useMemo(() => communeLabeller({ provinces: data?.analysis.provinces ?? [], communes: data?.analysis.communes ?? [] }), [data]);

  const carriers = useMemo(() => {
    const names = new Set((data?.analysis.layers ?? []).map((layer) => layer.carrier));
    for (const carrier of filter.carriers) names.add(carrier);
    return [...names].sort(createNameCollator().compare);
  }, [data, filter.carriers]);
  const provinces = useMemo(() => [...(data?.analysis.provinces ?? [])].sort((a, b) => createNameCollator().compare(a.name, b.name)), [data]);
  const communes = useMemo(
    () =>
      [...(data?.analysis.communes ?? [])]
        .filter((commune) => !filter.provinceCode || !commune.provinceCode || commune.provinceCode === filter.provinceCode)
        .sort((a, b) => createNameCollator().compare(a.name, b.name)),
    [data, filter.provinceCode],
  );

  const toggle = <T,>(list: readonly T[], value: T): T[] => (list.includes(value) ? list.filter((item) => item !== value) : [...list, value]);

  return (
    <section className="panel filters" aria-labelledby="filters-heading">
      <h2 id="filters-heading">{t("filters.heading")}</h2>
      <fieldset data-testid="filter-carrier">
        <legend>{t("filters.carriers")}</legend>
        {carriers.length === 0 && <p className="hint">{t("filters.noCarriers")}</p>}
        {carriers.map((carrier) => (
          <label key={carrier} className="check">
            <input
              type="checkbox"
              checked={filter.carriers.includes(carrier)}
              onChange={() => setFilter({ carriers: toggle(filter.carriers, carrier) })}
              data-testid={`filter-carrier-${carrier}`}
            />
            {carrier}
          </label>
        ))}
        {carriers.length > 0 && <p className="hint">{t("filters.carriersHint")}</p>}
      </fieldset>
      <label className="field">
        <span>{t("filters.minTechnology")}</span>
        <select
          value={filter.minTechnology ?? ""}
          onChange={(event) => setFilter({ minTechnology: (event.target.value || undefined) as Technology | undefined })}
          data-testid="filter-min-tech"
        >
          <option value="">{t("filters.anyTechnology")}</option>
          {TECHNOLOGIES.map((technology) => (
            <option key={technology} value={technology}>
              {t(technology === DEFAULT_MIN_TECHNOLOGY ? "filters.technologyDefault" : "filters.technologyAndUp", { technology })}
            </option>
          ))}
        </select>
        <span className="hint">{t("filters.minTechnologyHint")}</span>
      </label>
      <fieldset data-testid="filter-kind">
        <legend>{t("filters.kinds")}</legend>
        {POINT_KINDS.map((kind: PointKind) => (
          <label key={kind} className="check">
            <input
              type="checkbox"
              checked={filter.kinds.includes(kind)}
              onChange={() => setFilter({ kinds: toggle(filter.kinds, kind) })}
              data-testid={`filter-kind-${kind}`}
            />
            {t(`kind.${kind}`)}
          </label>
        ))}
      </fieldset>
      <label className="field">
        <span>{t("filters.province")}</span>
        <select
          value={filter.provinceCode ?? ""}
          onChange={(event) => {
            setFilter({ provinceCode: event.target.value || undefined, communeCode: undefined });
            zoomTo("province", event.target.value || undefined);
          }}
          data-testid="filter-province"
        >
          <option value="">{t("filters.all")}</option>
          {provinces.map((province) => (
            <option key={province.code} value={province.code}>
              {province.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t("filters.commune")}</span>
        <select
          value={filter.communeCode ?? ""}
          onChange={(event) => {
            setFilter({ communeCode: event.target.value || undefined });
            if (event.target.value) zoomTo("commune", event.target.value);
            else zoomTo("province", filter.provinceCode);
          }}
          data-testid="filter-commune"
        >
          <option value="">{t("filters.all")}</option>
          {communes.map((commune) => (
            <option key={commune.code} value={commune.code}>
              {communeName(commune)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={() => store.setState(updaters.clearFilters)} data-testid="filter-clear">
        {t("filters.clear")}
      </button>
    </section>
  );
}
