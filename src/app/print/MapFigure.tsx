import { useState } from "react";
import { captureMap, type MapName } from "../../map/map_snapshot.ts";
import type { Language } from "../../domain/types.ts";
import { composeMapFigure, type LegendEntry } from "./map_figure.ts";
import { figureText } from "./map_legends.ts";

/** The figure is printed about 110–165 mm wide from a canvas of ~700–1000 px: its words at 1.5× stay legible. */
const PRINT_TEXT_SCALE = 1.5;

/**
 * The map figure on a printed page: read once when the page is drawn (the map keeps moving afterwards), as an
 * image with the legend, scale bar and north arrow on it.
 * @param props - which map, its legend, the language, the text when there is no map
 * @returns the image, or the sentence
 */
export function MapFigure({
  map,
  legend,
  language,
  alt,
  missing,
}: {
  map: MapName;
  legend: readonly LegendEntry[];
  language: Language;
  alt: string;
  missing: string;
}) {
  const [source] = useState(() => {
    const snapshot = captureMap(map);
    if (!snapshot) return null;
    try {
      return composeMapFigure(snapshot, legend, figureText(language, snapshot, undefined, undefined, PRINT_TEXT_SCALE)).toDataURL("image/png");
    } catch {
      return null;
    }
  });
  return source ? <img className="print-map" src={source} alt={alt} data-testid="print-map-figure" /> : <p className="hint">{missing}</p>;
}
