import { useState, type ReactNode } from "react";
import { useApp, useAppState, useTranslation } from "../app_context.ts";
import {
  DENSE_POINTS,
  DOTS_BELOW_ZOOM,
  KIND_SHAPES,
  STATUS_COLORS,
  TOGGLE,
  carrierColors,
  coverageCarrierToggleKey,
  coverageToggleKey,
  isToggleOn,
} from "../../map/layers.ts";
import { BASEMAP_COLOR, BEST_TECHNOLOGY_COLORS, COVERAGE_OPACITY } from "../../map/coverage_colors.ts";
import { composite, parseHex } from "../../map/colour_math.ts";
import { TECHNOLOGIES, type CoverageLayerInfo, type Technology } from "../../domain/types.ts";
import { formatNumber } from "../i18n/i18n.ts";
import { formatReleaseDate } from "../../domain/gaps/coverage_releases.ts";
import type { SymbolShape } from "../../map/symbols.ts";
import { setLayersVisible, setLayerVisible } from "../state/updaters.ts";
import { DayInput } from "../components/DayInput.tsx";
import { usePrebuiltCoverage } from "../../map/pmtiles_coverage.ts";
import { toggledSet } from "../state/toggled_set.ts";

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

/** A coverage shade as the map shows it: the hue at the technology's opacity over the basemap. */
function shade(hex: string, technology: Technology): string {
  const [r, g, b] = composite(parseHex(hex), COVERAGE_OPACITY[technology], parseHex(BASEMAP_COLOR));
  return `rgb(${Math.round(r)}, ${Math.round(g)}, ${Math.round(b)})`;
}

/** A carrier's swatch: one box per technology it has, lightest (2G) to darkest (5G). */
function CarrierSwatch(props: { color: string; technologies: readonly Technology[] }) {
  return (
    <span className="legend-shades" aria-hidden="true">
      {props.technologies.map((technology) => (
        <span key={technology} className="legend-shade" style={{ background: shade(props.color, technology) }} />
      ))}
    </span>
  );
}

function layerLabel(layer: CoverageLayerInfo): string {
  return layer.asOf ? `${layer.carrier} ${layer.technology} · ${formatReleaseDate(layer.asOf)}` : `${layer.carrier} ${layer.technology}`;
}

/**
 * The legend: each map layer with its symbol and a switch.
 * @returns the legend
 */
export function LegendPanel() {
  const [t, language] = useTranslation();
  const prebuilt = usePrebuiltCoverage();
  const { store, controller } = useApp();
  const coverageAsOf = useAppState((state) => state.coverageAsOf);
  const visibility = useAppState((state) => state.layerVisibility);
  const data = useAppState((state) => state.data);
  const hasListed = useAppState((state) => state.listedPointIds.length > 0);
  const set = (key: string, on: boolean) => store.setState((state) => setLayerVisible(state, { key, on }));
  const filter = useAppState((state) => state.filter);
  const layers = data?.analysis.layers ?? [];
  const carriers = [...new Set(layers.map((layer) => layer.carrier))];
  const colours = carrierColors(carriers);
  const bestView = isToggleOn(visibility, TOGGLE.bestTechnology);
  // Carriers whose per-technology switches are shown.
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const toggleExpanded = (carrier: string) => setExpanded((current) => toggledSet(current, carrier));

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
        {layers.length > 0 &&
          toggle(
            TOGGLE.bestTechnology,
            t("legend.bestTechnology"),
            <ShapeIcon shape="circle" color={BEST_TECHNOLOGY_COLORS[TECHNOLOGIES.length]} />,
            "layer-best-technology",
          )}
      </ul>
      {bestView && layers.length > 0 && (
        <div data-testid="legend-best-technology">
          <p className="hint">
            {t(filter.carriers.length > 0 ? "legend.bestTechnologyChosen" : "legend.bestTechnologyAll", { carriers: filter.carriers.join(", ") })}
          </p>
          <ul className="legend-kinds">
            {BEST_TECHNOLOGY_COLORS.map((color, code) => (
              <li key={color}>
                <ShapeIcon shape="circle" color={color} /> <span>{code === 0 ? t("legend.bestTechnologyNone") : TECHNOLOGIES[code - 1]}</span>
              </li>
            ))}
          </ul>
          <p className="hint">{t("legend.bestTechnologyDimmed")}</p>
        </div>
      )}
      <h3>{t("legend.pointsByKind")}</h3>
      <ul className="legend-kinds">
        {(["school", "school_site", "village", "other"] as const).map((kind) => (
          <li key={kind}>
            <ShapeIcon shape={KIND_SHAPES[kind]} color="#555555" /> <span>{t(`kind.${kind}`)}</span>
          </li>
        ))}
      </ul>
      {(data?.points.length ?? 0) >= DENSE_POINTS && (
        <p className="hint" data-testid="legend-dense">
          {t("legend.denseDots", { count: formatNumber(language, DENSE_POINTS), zoom: DOTS_BELOW_ZOOM })}
        </p>
      )}
      <h3>{t("legend.coverage")}</h3>
      {layers.length === 0 && <p className="hint">{t(prebuilt.status === "ready" ? "legend.noCoverageFilesPrebuilt" : "legend.noCoverage")}</p>}
      {(data?.analysis.layers.length ?? 0) + (coverageAsOf ? 1 : 0) > 0 && (
        <label className="legend-as-of">
          <span>{t("legend.coverageAsOf")}</span>{" "}
          <DayInput
            language={language}
            value={coverageAsOf ?? ""}
            onChange={(day) => void controller.setCoverageAsOf(day === "" ? null : day)}
            testId="coverage-as-of"
            hint={t("tracking.dayHint")}
          />
        </label>
      )}
      {layers.length > 0 && (
        <p className="hint legend-shading">
          <span>{t("legend.coverageShading")}</span>{" "}
          <span className="legend-shading-scale">
            {TECHNOLOGIES.map((technology) => (
              <span key={technology}>
                <span className="legend-shade" aria-hidden="true" style={{ background: shade("#444444", technology) }} /> {technology}
              </span>
            ))}
          </span>
        </p>
      )}
      <ul className="legend-carriers">
        {carriers.map((carrier) => {
          const own = layers.filter((layer) => layer.carrier === carrier);
          const color = colours.get(carrier)!;
          const technologies = TECHNOLOGIES.filter((technology) => own.some((layer) => layer.technology === technology));
          const filteredOut = filter.carriers.length > 0 && !filter.carriers.includes(carrier);
          const note = filteredOut ? <span className="legend-note"> ({t("legend.carrierFilteredOut")})</span> : null;
          const layerToggle = (layer: CoverageLayerInfo, swatch: ReactNode) =>
            toggle(coverageToggleKey(layer.carrier, layer.technology), layerLabel(layer), swatch, `layer-coverage-${layer.carrier}-${layer.technology}`);
          // One technology: the carrier's row is that layer's switch (on only when the carrier's switch is on too).
          if (own.length === 1) {
            const [layer] = own;
            const key = coverageToggleKey(layer.carrier, layer.technology);
            return (
              <li key={carrier} className="legend-carrier">
                <label className="check">
                  <input
                    type="checkbox"
                    checked={isToggleOn(visibility, key) && isToggleOn(visibility, coverageCarrierToggleKey(carrier))}
                    onChange={(event) =>
                      store.setState((state) => setLayersVisible(state, { [key]: event.target.checked, [coverageCarrierToggleKey(carrier)]: true }))
                    }
                    data-testid={`layer-coverage-${layer.carrier}-${layer.technology}`}
                  />
                  <CarrierSwatch color={color} technologies={[layer.technology]} />
                  <span>
                    {layerLabel(layer)}
                    {note}
                  </span>
                </label>
              </li>
            );
          }
          const open = expanded.has(carrier);
          return (
            <li key={carrier} className="legend-carrier">
              <div className="legend-carrier-row">
                <label className="check">
                  <input
                    type="checkbox"
                    checked={isToggleOn(visibility, coverageCarrierToggleKey(carrier))}
                    onChange={(event) => set(coverageCarrierToggleKey(carrier), event.target.checked)}
                    data-testid={`layer-carrier-${carrier}`}
                  />
                  <CarrierSwatch color={color} technologies={technologies} />
                  <span>
                    {carrier} <span className="legend-note">{technologies.join(" · ")}</span>
                    {note}
                  </span>
                </label>
                <button
                  type="button"
                  className="legend-expand"
                  aria-expanded={open}
                  onClick={() => toggleExpanded(carrier)}
                  data-testid={`layer-expand-${carrier}`}
                  title={t(open ? "legend.collapseLayers" : "legend.expandLayers", { carrier })}
                  aria-label={t(open ? "legend.collapseLayers" : "legend.expandLayers", { carrier })}
                >
                  <span aria-hidden="true">{open ? "▾" : "▸"}</span> {t("legend.layers")}
                </button>
              </div>
              {open && (
                <ul className="legend-layers">{own.map((layer) => layerToggle(layer, <CarrierSwatch color={color} technologies={[layer.technology]} />))}</ul>
              )}
            </li>
          );
        })}
      </ul>
      <h3>{t("legend.boundaries")}</h3>
      <ul>
        {toggle(TOGGLE.boundaries, t("legend.boundaries"), <span className="legend-line" aria-hidden="true" />, "layer-boundaries")}
        {toggle(TOGGLE.osm, t("legend.osm"), <span className="legend-swatch legend-osm" aria-hidden="true" />, "layer-osm")}
      </ul>
    </section>
  );
}
