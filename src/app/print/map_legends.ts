/**
 * What the symbols of each map mean, as entries for the map figure (map_figure.ts): the same colours and shapes
 * as the live legend (LegendPanel, layers.ts, tracking_layers.ts), limited to what the map shows.
 */
import { PROGRESS_STATUSES, STATUS_LABELS, type TrackingStatus } from "../../domain/tracking/status.ts";
import type { Language } from "../../domain/types.ts";
import { KIND_SHAPES, STATUS_COLORS, TOGGLE, carrierColor, coverageToggleKey, isToggleOn } from "../../map/layers.ts";
import type { MapSnapshot } from "../../map/map_snapshot.ts";
import { PROGRESS_STATUS_COLORS } from "../../map/tracking_layers.ts";
import type { AnalyzeResult } from "../../workers/messages.ts";
import { formatNumber, translate } from "../i18n/i18n.ts";
import type { FigureText, LegendEntry } from "./map_figure.ts";

/**
 * The coverage-gap map's legend: the statuses and layers switched on, and the kinds' symbols.
 * @param language - the interface language
 * @param data - the analysis
 * @param visibility - the layer switches (state.layerVisibility)
 * @param hasListed - whether listed dead zones are ringed
 * @returns the entries
 */
export function gapsLegend(language: Language, data: AnalyzeResult, visibility: Record<string, boolean>, hasListed: boolean): LegendEntry[] {
  const entries: LegendEntry[] = [];
  const on = (key: string) => isToggleOn(visibility, key);
  if (on(TOGGLE.uncovered)) entries.push({ label: translate(language, "status.uncovered"), color: STATUS_COLORS.uncovered, shape: "circle" });
  if (on(TOGGLE.singleCarrier)) entries.push({ label: translate(language, "status.single_carrier"), color: STATUS_COLORS.single_carrier, shape: "circle" });
  if (on(TOGGLE.covered)) entries.push({ label: translate(language, "status.covered"), color: STATUS_COLORS.covered, shape: "circle" });
  if (hasListed && on(TOGGLE.listed)) entries.push({ label: translate(language, "legend.listed"), color: "#111111", shape: "ring" });
  const kinds = new Set(data.points.map((point) => point.kind));
  for (const kind of ["school", "school_site", "village", "other"] as const) {
    if (kinds.has(kind) || (kind === "village" && kinds.has("village_centre")))
      entries.push({ label: translate(language, `kind.${kind}`), color: "#555555", shape: KIND_SHAPES[kind] });
  }
  // One entry per carrier (its colour; the technologies shown as its shades), so the legend stays short.
  const carriers = [...new Set(data.analysis.layers.map((layer) => layer.carrier))];
  for (const carrier of carriers) {
    const technologies = data.analysis.layers
      .filter((layer) => layer.carrier === carrier && on(coverageToggleKey(layer.carrier, layer.technology)))
      .map((layer) => layer.technology);
    if (technologies.length === 0) continue;
    entries.push({
      label: translate(language, "print.figure.coverage", { carrier, technology: [...new Set(technologies)].join(", ") }),
      color: carrierColor(carrier, carriers),
      shape: "fill",
    });
  }
  return entries;
}

/**
 * The tracking map's legend: the statuses of the listed points, in the lifecycle's order.
 * @param language - the interface language
 * @param statuses - the statuses present
 * @returns the entries
 */
export function trackingLegend(language: Language, statuses: Iterable<TrackingStatus>): LegendEntry[] {
  const present = new Set(statuses);
  return PROGRESS_STATUSES.filter((status) => present.has(status)).map((status) => ({
    label: STATUS_LABELS[status][language],
    color: PROGRESS_STATUS_COLORS[status],
    shape: "circle" as const,
  }));
}

/**
 * The words around the map.
 * @param language - the interface language
 * @param snapshot - the map (its latitude goes into the scale note)
 * @param title - a title over the map (the PNG export), or none (the printed page)
 * @param subtitle - a line under it
 * @param textScale - text and symbols larger than on screen (the printed page shrinks the figure)
 * @returns the texts
 */
export function figureText(language: Language, snapshot: MapSnapshot, title?: string, subtitle?: string, textScale = 1): FigureText {
  const credits = [translate(language, "print.figure.boundaries"), snapshot.attribution].filter(Boolean).join("; ");
  return {
    title,
    subtitle,
    textScale,
    credits: `${translate(language, "print.figure.attribution")}: ${credits}`,
    legendHeading: translate(language, "print.figure.legend"),
    north: translate(language, "print.figure.north"),
    scaleNote: translate(language, "print.figure.scaleNote", { latitude: formatNumber(language, snapshot.latitude, 1) }),
  };
}
