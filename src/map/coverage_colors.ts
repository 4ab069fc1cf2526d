/**
 * The colours of coverage and of the best-technology view.
 *
 * One hue per carrier, chosen so that the five licensed carriers stay apart for normal vision and for the three
 * dichromacies (protanopia, deuteranopia, tritanopia) when drawn translucent over the pale basemap
 * (coverage_colors.test.ts measures it), and none is the green, orange or red of the point statuses. A carrier's
 * technologies are one hue at rising opacity: the map draws, per carrier, one band per technology where it is that
 * carrier's best technology (src/workers/coverage_raster.ts), so the bands never stack and a darker shade always
 * means a better technology. The colour follows the name, never the order the layers were loaded in.
 */
import type { Technology } from "../domain/types.ts";

/** The basemap's land colour (layers.ts, province fill), which coverage is drawn over. */
export const BASEMAP_COLOR = "#f7f5ef";

/** The licensed carriers' hues (an estimated layer, "Viettel (ước tính)", takes its carrier's). */
export const CARRIER_COLORS: Readonly<Record<string, string>> = {
  Viettel: "#0aa3c2",
  VNPT: "#332288",
  MobiFone: "#882255",
  Vietnamobile: "#d98c00",
  Gmobile: "#856647",
};

/** Hues for other carriers, given in the order of their names. */
export const OTHER_CARRIER_COLORS: readonly string[] = ["#4d4d4d", "#6b8e23", "#b05fc0"];

/** Opacity of each technology band of a carrier: a better technology is a darker shade of the same hue. */
export const COVERAGE_OPACITY: Readonly<Record<Technology, number>> = { "2G": 0.2, "3G": 0.32, "4G": 0.48, "5G": 0.64 };

const ESTIMATED = / \(ước tính\)$/;

/**
 * The carrier a layer's colour follows: an estimated layer takes its carrier's.
 * @param carrier - the layer's carrier name
 * @returns the name the colour is looked up by
 */
function colourName(carrier: string): string {
  return carrier.replace(ESTIMATED, "");
}

/**
 * Colour of each carrier of a set: the licensed carriers always their own; the others, sorted by name, take
 * OTHER_CARRIER_COLORS in turn (so a carrier keeps its colour whatever order the files came in).
 * @param carriers - the carriers shown
 * @returns "#rrggbb" per carrier name
 */
export function carrierColors(carriers: readonly string[]): Map<string, string> {
  const colours = new Map<string, string>();
  const others = [...new Set(carriers.map(colourName).filter((name) => !(name in CARRIER_COLORS)))].sort();
  for (const carrier of carriers) {
    const name = colourName(carrier);
    colours.set(carrier, CARRIER_COLORS[name] ?? OTHER_CARRIER_COLORS[others.indexOf(name) % OTHER_CARRIER_COLORS.length]);
  }
  return colours;
}

/**
 * Colour of one carrier among a set.
 * @param carrier - the carrier
 * @param carriers - every carrier shown (for carriers other than the licensed five)
 * @returns "#rrggbb"
 */
export function carrierColor(carrier: string, carriers: readonly string[] = [carrier]): string {
  return carrierColors([...carriers, carrier]).get(carrier)!;
}

/**
 * Point colours of the best-technology view, by code (bestTechnologyCodes: none, 2G, 3G, 4G, 5G): "none" is the uncovered red, the
 * others each at least 3:1 against the basemap and apart for the three dichromacies (coverage_colors.test.ts).
 */
export const BEST_TECHNOLOGY_COLORS: readonly string[] = ["#b3124d", "#803500", "#739900", "#009999", "#141a52"];
