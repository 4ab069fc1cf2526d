import { useEffect } from "react";
import { useApp, useTranslation } from "../app_context.ts";
import { todayStamp } from "../components/download.ts";
import { formatDay, formatNumber, formatPercent } from "../i18n/i18n.ts";
import { useMapPrintInput } from "../print/use_map_print_input.ts";
import { useDerivedView } from "../state/use_derived_view.ts";
import { useListRows } from "../state/use_list_rows.ts";
import { describeFilter, filterProvinceName } from "../print/filter_text.ts";
import { MapFigure } from "../print/MapFigure.tsx";
import { MapPngButton } from "../print/MapPngButton.tsx";
import { gapsLegend } from "../print/map_legends.ts";
import { OfficialHeading, OfficialSignature } from "../print/OfficialDocument.tsx";
import { areaNames } from "./list_rows.ts";
import { setPrinting } from "../state/updaters.ts";
import { ColumnHeads } from "../components/ColumnHeads.tsx";

const PRINT_ROW_LIMIT = 2000;
/** Communes listed in the figures: the most uncovered first. */
const PRINT_COMMUNE_LIMIT = 100;

/**
 * The printable page (browser print → PDF), laid out as an administrative document: the header, the map with
 * its legend, scale bar and north arrow, the figures by carrier and by commune, and the list.
 * @returns the print view
 */
export function PrintView() {
  const [t, language] = useTranslation();
  const { store } = useApp();
  const { data, filter, visibility, hasListed, agency } = useMapPrintInput();
  const view = useDerivedView();
  const rows = useListRows();

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") store.setState((state) => setPrinting(state, false));
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [store]);

  if (!data || !view) return null;
  const printed = rows.slice(0, PRINT_ROW_LIMIT);
  const { summary } = view;
  const knownProvinces = summary.byProvince.filter((province) => !province.unknown);
  const province = filterProvinceName(data, filter) ?? (knownProvinces.length === 1 ? knownProvinces[0].name : null);
  const today = todayStamp();
  const communes = summary.byCommune.filter((commune) => commune.uncovered > 0).sort((a, b) => b.uncovered - a.uncovered || a.name.localeCompare(b.name, "vi"));
  const number = (value: number) => formatNumber(language, value, 0);

  return (
    <article className="print-view official-document" data-testid="print-view">
      <div className="print-actions">
        <button type="button" className="primary" onClick={() => window.print()}>
          {t("print.print")}
        </button>
        <MapPngButton />
        <button type="button" onClick={() => store.setState((state) => setPrinting(state, false))} data-testid="print-back">
          {t("print.back")}
        </button>
      </div>
      <OfficialHeading agency={agency} province={province} day={today} subject={t("print.doc.mapSubject")}>
        <p className="official-scope">{t("print.doc.scope", { filters: describeFilter(language, data, filter), date: formatDay(language, today) })}</p>
      </OfficialHeading>
      <p className="print-counts">
        <strong>
          {filter.minTechnology ? t("counts.uncoveredAt", { technology: filter.minTechnology }) : t("counts.uncovered")}:{" "}
          {formatNumber(language, view.uncovered.length)}
        </strong>{" "}
        {t("counts.ofTotal", { total: view.shown.length })} · {t("counts.singleCarrier", { count: view.summary.singleCarrier })}
      </p>
      <h2>{t("print.doc.map")}</h2>
      <MapFigure
        map="gaps"
        legend={gapsLegend(language, data, visibility, hasListed)}
        language={language}
        alt={t("map.label")}
        missing={t("print.mapMissing")}
      />
      <h2>{t("print.doc.figures")}</h2>
      <h3>{t("print.doc.byCarrier")}</h3>
      <table className="print-figures" data-testid="print-by-carrier">
        <ColumnHeads labels={[t("stats.carrier"), t("print.doc.carrierCovering"), t("print.doc.carrierNot"), t("stats.points")]} />
        <tbody>
          {summary.byCarrier.map((carrier) => (
            <tr key={carrier.carrier}>
              <th scope="row">{carrier.carrier}</th>
              <td className="number">{number(carrier.covered)}</td>
              <td className="number">{number(carrier.uncovered)}</td>
              <td className="number">{number(carrier.total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t("print.doc.byCommune")}</h3>
      {communes.length === 0 ? (
        <p>{t("print.doc.noCommunes")}</p>
      ) : (
        <table className="print-figures" data-testid="print-by-commune">
          <ColumnHeads labels={[t("list.column.commune"), t("list.column.province"), t("stats.points"), t("stats.uncovered"), t("stats.percentCovered")]} />
          <tbody>
            {communes.slice(0, PRINT_COMMUNE_LIMIT).map((commune) => (
              <tr key={commune.code}>
                <th scope="row">{commune.unknown ? t("stats.unknownArea") : commune.name}</th>
                <td>{data.analysis.provinces.find((candidate) => candidate.code === commune.provinceCode)?.name ?? ""}</td>
                <td className="number">{number(commune.total)}</td>
                <td className="number">{number(commune.uncovered)}</td>
                <td className="number">{formatPercent(language, commune.percentCovered)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {communes.length > PRINT_COMMUNE_LIMIT && <p className="hint">{t("print.doc.communesMore", { shown: PRINT_COMMUNE_LIMIT, total: communes.length })}</p>}
      <h2>{t("print.doc.list")}</h2>
      {rows.length > PRINT_ROW_LIMIT && <p>{t("print.truncated", { shown: PRINT_ROW_LIMIT, total: rows.length })}</p>}
      <table className="print-table">
        <ColumnHeads labels={["#", t("list.column.name"), t("list.column.kind"), t("list.column.commune"), t("list.column.province"), t("list.column.id")]} />
        <tbody>
          {printed.map((index, position) => {
            const point = data.points[index];
            const { province: provinceName, commune } = areaNames(data, index);
            return (
              <tr key={index}>
                <td className="number">{position + 1}</td>
                <td>{point.name}</td>
                <td>{t(`kind.${point.kind}`)}</td>
                <td>{commune}</td>
                <td>{provinceName}</td>
                <td>{point.id}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <OfficialSignature />
    </article>
  );
}
