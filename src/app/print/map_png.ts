/**
 * The PNG export of the coverage-gap map: the map as it is on screen, with its legend, scale bar, north arrow
 * and credits (map_figure.ts), and a title and the agency, scope and date over it, so the file stands on its
 * own in a slide or a message.
 */
import type { Language } from "../../domain/types.ts";
import { captureMap } from "../../map/map_snapshot.ts";
import type { AnalyzeResult } from "../../workers/messages.ts";
import { downloadText, todayStamp } from "../components/download.ts";
import { formatDay, translate } from "../i18n/i18n.ts";
import type { ViewFilter } from "../state/url_state.ts";
import { composeMapFigure, figurePng } from "./map_figure.ts";
import { figureText, gapsLegend } from "./map_legends.ts";
import { describeFilter } from "./filter_text.ts";

export interface MapPngInput {
  language: Language;
  data: AnalyzeResult;
  filter: ViewFilter;
  visibility: Record<string, boolean>;
  hasListed: boolean;
  agency: string;
}

/**
 * Draws the map figure with its title, ready to encode.
 * @param input - what the view shows
 * @returns the canvas, or null when the map is not drawn
 */
export function mapPngCanvas(input: MapPngInput): HTMLCanvasElement | null {
  const snapshot = captureMap("gaps");
  if (!snapshot) return null;
  const { language } = input;
  const title = `${translate(language, "print.doc.kind")}: ${translate(language, "print.doc.mapSubject")}`;
  const subtitle = `${input.agency} · ${describeFilter(language, input.data, input.filter)} · ${formatDay(language, todayStamp())}`;
  return composeMapFigure(snapshot, gapsLegend(language, input.data, input.visibility, input.hasListed), figureText(language, snapshot, title, subtitle));
}

/**
 * Draws, encodes and downloads the PNG.
 * @param input - what the view shows
 * @returns false when there was no map to draw (nothing is downloaded)
 */
export async function downloadMapPng(input: MapPngInput): Promise<boolean> {
  const canvas = mapPngCanvas(input);
  if (!canvas) return false;
  const bytes = await figurePng(canvas);
  downloadText(`${translate(input.language, "print.pngFileName")}-${todayStamp()}.png`, bytes, "image/png");
  return true;
}
