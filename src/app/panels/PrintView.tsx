import { useEffect, useState } from "react";
import { captureMapImage } from "../../map/map_snapshot.ts";
import { useApp, useAppState, useTranslation } from "../app_context.ts";
import { formatDate, formatNumber, type MessageKey } from "../i18n/i18n.ts";
import { useAgency } from "../state/agency.ts";
import { useDerivedView } from "../state/use_derived_view.ts";
import { useListRows } from "../state/use_list_rows.ts";
import { areaNames } from "./list_rows.ts";

const PRINT_ROW_LIMIT = 2000;

/**
 * The printable page (browser print → PDF): the map as an image, the counts and the list.
 * @returns the print view
 */
export function PrintView() {
  const [t, language] = useTranslation();
  const { store } = useApp();
  const data = useAppState((state) => state.data);
  const filter = useAppState((state) => state.filter);
  const view = useDerivedView();
  const rows = useListRows();
  const [image] = useState(() => captureMapImage());
  const agency = useAgency();

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") store.setState({ printing: false });
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [store]);

  if (!data || !view) return null;
  const filterParts = [
    filter.carriers.length > 0 ? `${t("filters.carriers")}: ${filter.carriers.join(", ")}` : "",
    `${t("filters.minTechnology")}: ${filter.minTechnology ? t("filters.technologyAndUp", { technology: filter.minTechnology }) : t("filters.anyTechnology")}`,
    filter.kinds.length > 0 ? `${t("filters.kinds")}: ${filter.kinds.map((kind) => t(`kind.${kind}` as MessageKey)).join(", ")}` : "",
    filter.provinceCode ? `${t("filters.province")}: ${data.analysis.provinces.find((province) => province.code === filter.provinceCode)?.name ?? filter.provinceCode}` : "",
    filter.communeCode ? `${t("filters.commune")}: ${data.analysis.communes.find((commune) => commune.code === filter.communeCode)?.name ?? filter.communeCode}` : "",
  ].filter(Boolean);
  const printed = rows.slice(0, PRINT_ROW_LIMIT);

  return (
    <article className="print-view" data-testid="print-view">
      <div className="print-actions">
        <button type="button" className="primary" onClick={() => window.print()}>
          {t("print.print")}
        </button>
        <button type="button" onClick={() => store.setState({ printing: false })} data-testid="print-back">
          {t("print.back")}
        </button>
      </div>
      <p className="print-agency" data-testid="print-agency">{agency}</p>
      <h1>{t("print.title")}</h1>
      <p>{t("print.date", { date: formatDate(language, new Date()) })}</p>
      <p>{t("print.filters", { filters: filterParts.length > 0 ? filterParts.join("; ") : t("print.noFilters") })}</p>
      <p className="print-counts">
        <strong>
          {filter.minTechnology ? t("counts.uncoveredAt", { technology: filter.minTechnology }) : t("counts.uncovered")}: {formatNumber(language, view.uncovered.length)}
        </strong>{" "}
        {t("counts.ofTotal", { total: view.shown.length })} · {t("counts.singleCarrier", { count: view.summary.singleCarrier })}
      </p>
      {image ? <img className="print-map" src={image} alt={t("map.label")} /> : <p>{t("print.mapMissing")}</p>}
      {rows.length > PRINT_ROW_LIMIT && <p>{t("print.truncated", { shown: PRINT_ROW_LIMIT, total: rows.length })}</p>}
      <table className="print-table">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t("list.column.name")}</th>
            <th scope="col">{t("list.column.kind")}</th>
            <th scope="col">{t("list.column.commune")}</th>
            <th scope="col">{t("list.column.province")}</th>
            <th scope="col">{t("list.column.id")}</th>
          </tr>
        </thead>
        <tbody>
          {printed.map((index, position) => {
            const point = data.points[index];
            const { province, commune } = areaNames(data, index);
            return (
              <tr key={index}>
                <td>{position + 1}</td>
                <td>{point.name}</td>
                <td>{t(`kind.${point.kind}` as MessageKey)}</td>
                <td>{commune}</td>
                <td>{province}</td>
                <td>{point.id}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </article>
  );
}
