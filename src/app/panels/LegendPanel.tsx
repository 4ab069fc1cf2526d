import type { ReactNode } from "react";
import { useApp, useAppState, useTranslation } from "../app_context.ts";
import { DENSE_POINTS, DOTS_BELOW_ZOOM, KIND_SHAPES, STATUS_COLORS, TOGGLE, carrierColor, coverageToggleKey, isToggleOn } from "../../map/layers.ts";
import { formatNumber } from "../i18n/i18n.ts";
import { formatReleaseDate } from "../../domain/gaps/coverage_releases.ts";
import type { SymbolShape } from "../../map/symbols.ts";
import type { MessageKey } from "../i18n/i18n.ts";

function ShapeIcon(props: { shape: SymbolShape; color: string }) {
  const paths: Record<SymbolShape, string> = {
    circle: "M8 2 A6 6 0 1 1 7.99 2 Z",
    square: "M2.5 2.5 H13.5 V13.5 H2.5 Z",
    triangle: "M8 2 L14 13 H2 Z",
    diamond: "M8 1.5 L14.5 8 L8 14.5 L1.5 8 Z",
  };
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" className="legend-icon">
      <path d={paths[props.shape]} fill={props.color} stroke="#ffffff" strokeWidth="1" />
    </svg>
  );
}

/**
 * The legend: each map layer with its symbol and a switch.
 * @returns the legend
 */
export function LegendPanel() {
  const [t, language] = useTranslation();
  const { store, controller } = useApp();
  const coverageAsOf = useAppState((state) => state.coverageAsOf);
  const visibility = useAppState((state) => state.layerVisibility);
  const data = useAppState((state) => state.data);
  const hasListed = useAppState((state) => state.listedPointIds.length > 0);
  const set = (key: string, on: boolean) => store.setState((state) => ({ layerVisibility: { ...state.layerVisibility, [key]: on } }));
  const layers = data?.analysis.layers ?? [];
  const carriers = [...new Set(layers.map((layer) => layer.carrier))];

  const toggle = (key: string, label: string, swatch: ReactNode, testId: string) => (
    <li key={key}>
      <label className="check">
        <input type="checkbox" checked={isToggleOn(visibility, key)} onChange={(event) => set(key, event.target.checked)} data-testid={testId} />
        {swatch}
        <span>{label}</span>
      </label>
    </li>
  );

  return (
    <section className="panel legend" aria-labelledby="legend-heading">
      <h2 id="legend-heading">{t("legend.heading")}</h2>
      <h3>{t("legend.pointsByStatus")}</h3>
      <ul>
        {toggle(TOGGLE.uncovered, t("status.uncovered"), <ShapeIcon shape="circle" color={STATUS_COLORS.uncovered} />, "layer-uncovered")}
        {toggle(TOGGLE.singleCarrier, t("status.single_carrier"), <ShapeIcon shape="circle" color={STATUS_COLORS.single_carrier} />, "layer-single-carrier")}
        {toggle(TOGGLE.covered, t("status.covered"), <ShapeIcon shape="circle" color={STATUS_COLORS.covered} />, "layer-covered")}
        {hasListed && toggle(TOGGLE.listed, t("legend.listed"), <span className="legend-ring" aria-hidden="true" />, "layer-listed")}
      </ul>
      <h3>{t("legend.pointsByKind")}</h3>
      <ul className="legend-kinds">
        {(["school", "school_site", "village", "other"] as const).map((kind) => (
          <li key={kind}>
            <ShapeIcon shape={KIND_SHAPES[kind]} color="#555555" /> <span>{t(`kind.${kind}` as MessageKey)}</span>
          </li>
        ))}
      </ul>
      {(data?.points.length ?? 0) >= DENSE_POINTS && (
        <p className="hint" data-testid="legend-dense">
          {t("legend.denseDots", { count: formatNumber(language, DENSE_POINTS), zoom: DOTS_BELOW_ZOOM })}
        </p>
      )}
      <h3>{t("legend.coverage")}</h3>
      {layers.length === 0 && <p className="hint">{t("legend.noCoverage")}</p>}
      {(data?.analysis.layers.length ?? 0) + (coverageAsOf ? 1 : 0) > 0 && (
        <label className="legend-as-of">
          <span>{t("legend.coverageAsOf")}</span>{" "}
          <input
            type="date"
            value={coverageAsOf ?? ""}
            onChange={(event) => void controller.setCoverageAsOf(event.target.value === "" ? null : event.target.value)}
            data-testid="coverage-as-of"
          />
        </label>
      )}
      <ul>
        {layers.map((layer) =>
          toggle(
            coverageToggleKey(layer.carrier, layer.technology),
            layer.asOf ? `${layer.carrier} ${layer.technology} · ${formatReleaseDate(layer.asOf)}` : `${layer.carrier} ${layer.technology}`,
            <span className="legend-swatch" aria-hidden="true" style={{ background: carrierColor(layer.carrier, carriers.indexOf(layer.carrier)), opacity: 0.3 + 0.15 * ["2G", "3G", "4G", "5G"].indexOf(layer.technology) }} />,
            `layer-coverage-${layer.carrier}-${layer.technology}`,
          ),
        )}
      </ul>
      <h3>{t("legend.boundaries")}</h3>
      <ul>
        {toggle(TOGGLE.boundaries, t("legend.boundaries"), <span className="legend-line" aria-hidden="true" />, "layer-boundaries")}
        {toggle(TOGGLE.osm, t("legend.osm"), <span className="legend-swatch legend-osm" aria-hidden="true" />, "layer-osm")}
      </ul>
    </section>
  );
}
