import { useAppState, usePreferences, useTranslation } from "../app_context.ts";
import type { MapPngInput } from "./map_png.ts";

/**
 * What a printed coverage-gap map is drawn from (the language, the analysis, the filter, the legend's switches,
 * whether listed dead zones are drawn, the agency on the header), read once for the print view and the PNG export,
 * so that the PNG shows what the printed page shows.
 * @returns the input, with `data` null while nothing is analysed
 */
export function useMapPrintInput(): Omit<MapPngInput, "data"> & { data: MapPngInput["data"] | null } {
  const [, language] = useTranslation();
  const data = useAppState((state) => state.data);
  const filter = useAppState((state) => state.filter);
  const visibility = useAppState((state) => state.layerVisibility);
  const hasListed = useAppState((state) => state.listedPointIds.length > 0);
  const { agency } = usePreferences();
  return { language, data, filter, visibility, hasListed, agency };
}
