import { useMemo } from "react";
import { POINT_KINDS, TECHNOLOGIES, type Technology } from "../../domain/types.ts";
import { useApp, useAppState, useTranslation } from "../app_context.ts";
import { createNameCollator } from "../i18n/i18n.ts";
import { communeLabeller } from "./lookup.ts";
import { areaBounds } from "../state/area_bounds.ts";
import { DEFAULT_MIN_TECHNOLOGY, type ViewFilter } from "../state/url_state.ts";
import * as updaters from "../state/updaters.ts";
import { SelectOptions } from "../components/SelectOptions.tsx";

/**
 * Boxes to tick, one per item, each adding its item to the filter's list or taking it out.
 * @param props - the filter's name (test ids `filter-<name>-<item>`), the items, those ticked, their labels, and the
 * new list on a change
 * @returns the boxes
 */
function Checks<Item extends string>(props: {
  name: string;
  items: readonly Item[];
  chosen: readonly Item[];
  labelOf: (item: Item) => string;
  onChange: (next: Item[]) => void;
}) {
  const toggle = (item: Item) => (props.chosen.includes(item) ? props.chosen.filter((other) => other !== item) : [...props.chosen, item]);
  return props.items.map((item) => (
    <label key={item} className="check">
      <input type="checkbox" checked={props.chosen.includes(item)} onChange={() => props.onChange(toggle(item))} data-testid={`filter-${props.name}-${item}`} />
      {props.labelOf(item)}
    </label>
  ));
}

/**
 * A province or a commune to narrow the view to: "all" first, then the areas by name.
 * @param props - the label, the code chosen, the areas, how an area is named, which level (its test id is
 * `filter-<level>`), and what choosing does (undefined: all)
 * @returns the field
 */
function AreaChoice<Area extends { code: string }>(props: {
  label: string;
  value: string | undefined;
  areas: readonly Area[];
  nameOf: (area: Area) => string;
  level: "province" | "commune";
  onChoose: (code: string | undefined) => void;
}) {
  const [t] = useTranslation();
  return (
    <label className="field">
      <span>{props.label}</span>
      <select value={props.value ?? ""} onChange={(event) => props.onChoose(event.target.value || undefined)} data-testid={`filter-${props.level}`}>
        <SelectOptions items={props.areas} empty={t("filters.all")} toValue={(area) => area.code} toLabel={props.nameOf} />
      </select>
    </label>
  );
}

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

  const provinceName = (province: { name: string }) => province.name;
  const chooseProvince = (code: string | undefined) => {
    setFilter({ provinceCode: code, communeCode: undefined });
    zoomTo("province", code);
  };
  const chooseCommune = (code: string | undefined) => {
    setFilter({ communeCode: code });
    zoomTo(code ? "commune" : "province", code ?? filter.provinceCode);
  };

  return (
    <section className="panel filters" aria-labelledby="filters-heading">
      <h2 id="filters-heading">{t("filters.heading")}</h2>
      <fieldset data-testid="filter-carrier">
        <legend>{t("filters.carriers")}</legend>
        {carriers.length === 0 && <p className="hint">{t("filters.noCarriers")}</p>}
        <Checks name="carrier" items={carriers} chosen={filter.carriers} labelOf={(carrier) => carrier} onChange={(next) => setFilter({ carriers: next })} />
        {carriers.length > 0 && <p className="hint">{t("filters.carriersHint")}</p>}
      </fieldset>
      <label className="field">
        <span>{t("filters.minTechnology")}</span>
        <select
          value={filter.minTechnology ?? ""}
          onChange={(event) => setFilter({ minTechnology: (event.target.value || undefined) as Technology | undefined })}
          data-testid="filter-min-tech"
        >
          <SelectOptions
            items={TECHNOLOGIES}
            empty={t("filters.anyTechnology")}
            toLabel={(technology) => t(technology === DEFAULT_MIN_TECHNOLOGY ? "filters.technologyDefault" : "filters.technologyAndUp", { technology })}
          />
        </select>
        <span className="hint">{t("filters.minTechnologyHint")}</span>
      </label>
      <fieldset data-testid="filter-kind">
        <legend>{t("filters.kinds")}</legend>
        <Checks name="kind" items={POINT_KINDS} chosen={filter.kinds} labelOf={(kind) => t(`kind.${kind}`)} onChange={(next) => setFilter({ kinds: next })} />
      </fieldset>
      <AreaChoice
        label={t("filters.province")}
        value={filter.provinceCode}
        areas={provinces}
        nameOf={provinceName}
        level="province"
        onChoose={chooseProvince}
      />
      <AreaChoice label={t("filters.commune")} value={filter.communeCode} areas={communes} nameOf={communeName} level="commune" onChoose={chooseCommune} />
      <button type="button" onClick={() => store.setState(updaters.clearFilters)} data-testid="filter-clear">
        {t("filters.clear")}
      </button>
    </section>
  );
}
