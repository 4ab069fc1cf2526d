import { describe, expect, it } from "vitest";
import { VISIONS, composite, contrastRatio, deltaE, parseHex, simulateVision } from "./colour_math.ts";
import {
  BASEMAP_COLOR,
  BEST_TECHNOLOGY_COLORS,
  CARRIER_COLORS,
  COVERAGE_OPACITY,
  OTHER_CARRIER_COLORS,
  carrierColor,
  carrierColors,
} from "./coverage_colors.ts";
import { STATUS_COLORS } from "./layers.ts";
import { KNOWN_CARRIERS } from "../domain/tracking/carriers.ts";
import { TECHNOLOGIES } from "../domain/types.ts";

const BASE = parseHex(BASEMAP_COLOR);
/** A carrier's colour as the map shows it: its hue at a technology's opacity over the basemap. */
const drawn = (hex: string, alpha: number) => composite(parseHex(hex), alpha, BASE);

/** The smallest ΔE between any two colours of a list, for every vision. */
function closestPair(colours: readonly (readonly [number, number, number])[]): { distance: number; vision: string; pair: [number, number] } {
  let closest = { distance: Infinity, vision: "", pair: [0, 0] as [number, number] };
  for (const vision of VISIONS) {
    for (let i = 0; i < colours.length; i++) {
      for (let j = i + 1; j < colours.length; j++) {
        const distance = deltaE(simulateVision(colours[i], vision), simulateVision(colours[j], vision));
        if (distance < closest.distance) closest = { distance, vision, pair: [i, j] };
      }
    }
  }
  return closest;
}

describe("colour arithmetic", () => {
  it("matches the WCAG reference values and leaves a grey unchanged for every vision", () => {
    expect(contrastRatio([0, 0, 0], [255, 255, 255])).toBeCloseTo(21, 5);
    expect(contrastRatio([118, 118, 118], [255, 255, 255])).toBeCloseTo(4.54, 2);
    for (const vision of VISIONS) {
      const grey = simulateVision([128, 128, 128], vision);
      for (const channel of grey) expect(Math.abs(channel - 128)).toBeLessThan(2);
    }
    // Red and green are far apart for normal vision and close for a deuteranope: the simulation does something.
    expect(deltaE([200, 40, 40], [60, 160, 40])).toBeGreaterThan(60);
    expect(deltaE(simulateVision([200, 40, 40], "deuteranopia"), simulateVision([60, 160, 40], "deuteranopia"))).toBeLessThan(45);
  });
});

describe("carrier colours", () => {
  it("give every licensed carrier its own hue, apart for normal vision and the three dichromacies at every technology", () => {
    expect(Object.keys(CARRIER_COLORS).sort()).toEqual([...KNOWN_CARRIERS].sort());
    const hues = KNOWN_CARRIERS.map((carrier) => carrierColor(carrier));
    for (const technology of TECHNOLOGIES) {
      const closest = closestPair(hues.map((hex) => drawn(hex, COVERAGE_OPACITY[technology])));
      // ΔE 10 reads as another colour; even the palest band (2G) keeps two carriers further apart than that.
      expect(closest.distance, `${technology}: ${KNOWN_CARRIERS[closest.pair[0]]} / ${KNOWN_CARRIERS[closest.pair[1]]} (${closest.vision})`).toBeGreaterThan(
        technology === "2G" ? 6 : 10,
      );
    }
  });

  it("keep other carriers apart from the licensed ones", () => {
    const all = [...KNOWN_CARRIERS.map((carrier) => carrierColor(carrier)), ...OTHER_CARRIER_COLORS].map((hex) => drawn(hex, COVERAGE_OPACITY["4G"]));
    let closest = Infinity;
    for (let i = 0; i < all.length; i++)
      for (let j = Math.max(i + 1, KNOWN_CARRIERS.length); j < all.length; j++) closest = Math.min(closest, deltaE(all[i], all[j]));
    expect(closest).toBeGreaterThan(10);
  });

  it("stand out from the basemap, a better technology more than a lesser one", () => {
    for (const carrier of KNOWN_CARRIERS) {
      const hex = carrierColor(carrier);
      // The hue itself is a non-text colour of at least 3:1 on the basemap, except the amber, which the dark band keeps above 1.7.
      const contrasts = TECHNOLOGIES.map((technology) => contrastRatio(drawn(hex, COVERAGE_OPACITY[technology]), BASE));
      for (let k = 1; k < contrasts.length; k++) expect(contrasts[k], `${carrier} ${TECHNOLOGIES[k]}`).toBeGreaterThan(contrasts[k - 1]);
      expect(contrasts[TECHNOLOGIES.indexOf("5G")], `${carrier} 5G`).toBeGreaterThan(1.7);
      // Even the 2G band is a visible tint (ΔE above 8 from the bare basemap).
      expect(deltaE(drawn(hex, COVERAGE_OPACITY["2G"]), BASE), `${carrier} 2G`).toBeGreaterThan(8);
    }
  });

  it("never take a point status colour as a carrier hue", () => {
    for (const carrier of KNOWN_CARRIERS) {
      for (const status of Object.values(STATUS_COLORS))
        expect(deltaE(parseHex(carrierColor(carrier)), parseHex(status)), `${carrier} vs ${status}`).toBeGreaterThan(15);
    }
  });

  it("follow the name, not the loading order; an estimated layer takes its carrier's hue", () => {
    expect(carrierColor("Viettel")).toBe(CARRIER_COLORS.Viettel);
    expect(carrierColor("Viettel (ước tính)")).toBe(CARRIER_COLORS.Viettel);
    const forward = carrierColors(["Zeta Net", "Viettel", "Alpha Tel", "MobiFone"]);
    const backward = carrierColors(["MobiFone", "Alpha Tel", "Viettel", "Zeta Net"]);
    expect([...forward.entries()].sort()).toEqual([...backward.entries()].sort());
    expect(forward.get("Alpha Tel")).toBe(OTHER_CARRIER_COLORS[0]);
    expect(forward.get("Zeta Net")).toBe(OTHER_CARRIER_COLORS[1]);
    expect(forward.get("MobiFone")).toBe(CARRIER_COLORS.MobiFone);
  });
});

describe("best-technology colours", () => {
  it("draw none, 2G, 3G, 4G and 5G apart for every vision, each at 3:1 or more on the basemap", () => {
    expect(BEST_TECHNOLOGY_COLORS).toHaveLength(TECHNOLOGIES.length + 1);
    const colours = BEST_TECHNOLOGY_COLORS.map(parseHex);
    for (const colour of colours) expect(contrastRatio(colour, BASE)).toBeGreaterThanOrEqual(3);
    expect(closestPair(colours).distance).toBeGreaterThan(20);
    // "None" is the uncovered status's colour, as in the status view.
    expect(BEST_TECHNOLOGY_COLORS[0]).toBe(STATUS_COLORS.uncovered);
  });
});
