import { describe, expect, it } from "vitest";
import { createExpression, validateStyleMin } from "@maplibre/maplibre-gl-style-spec";
import type { LayerSpecification, RasterLayerSpecification, StyleSpecification } from "maplibre-gl";
import {
  LAYER,
  STATUS_COLORS,
  TOGGLE,
  buildBaseStyle,
  carrierColor,
  coverageLayer,
  coverageSource,
  coverageToggleKey,
  coverageCarrierToggleKey,
  BEST_CODE_OFFSET,
  isToggleOn,
  labelLayers,
  pointLayers,
  pointZoomRanges,
  DENSE_POINTS,
} from "./layers.ts";
import { BEST_TECHNOLOGY_COLORS } from "./coverage_colors.ts";

const URLS = { provincesUrl: "./assets/provinces.geojson", communesUrl: "./assets/communes.geojson", archipelagosUrl: "./assets/archipelagos.geojson" };

function fullStyle(): StyleSpecification {
  const base = buildBaseStyle(URLS);
  const sources = {
    ...base.sources,
    "coverage-tiles-0": coverageSource("lomsong-coverage://1/0/{z}/{x}/{y}", [102, 8, 110, 23]),
    "coverage-tiles-1": coverageSource("lomsong-coverage://1/1/{z}/{x}/{y}", null),
  };
  return { ...base, sources, layers: [...base.layers, coverageLayer(0, "4G"), coverageLayer(1, "2G"), ...pointLayers(), ...labelLayers("vi")] };
}

describe("the map style", () => {
  it("is valid against the MapLibre style specification", () => {
    expect(validateStyleMin(fullStyle())).toEqual([]);
  });

  it("needs no network: no glyphs URL, no sprite, and only the online basemap source is remote", () => {
    const style = fullStyle();
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    const remote = Object.entries(style.sources).filter(([, source]) => JSON.stringify(source).includes("https://"));
    expect(remote.map(([name]) => name)).toEqual(["osm"]);
  });

  it("keeps the online basemap switched off by default", () => {
    const osm = fullStyle().layers.find((layer) => layer.id === LAYER.osm) as LayerSpecification & { layout?: { visibility?: string } };
    expect(osm.layout?.visibility).toBe("none");
    expect(isToggleOn({}, TOGGLE.osm)).toBe(false);
    expect(isToggleOn({}, TOGGLE.uncovered)).toBe(true);
  });

  it("draws coverage above the province fill and points above coverage", () => {
    const ids = fullStyle().layers.map((layer) => layer.id);
    expect(ids.indexOf("coverage-0")).toBeGreaterThan(ids.indexOf(LAYER.provinceFill));
    expect(ids.indexOf(LAYER.points)).toBeGreaterThan(ids.indexOf("coverage-0"));
  });

  it("draws uncovered points after the other points, so covered neighbours never hide them", () => {
    const ids = fullStyle().layers.map((layer) => layer.id);
    expect(ids.indexOf(LAYER.uncoveredOnTop)).toBeGreaterThan(ids.indexOf(LAYER.points));
    const top = pointLayers().find((layer) => layer.id === LAYER.uncoveredOnTop) as { paint: Record<string, unknown> };
    const evaluate = (name: string, state: Record<string, unknown>) => {
      const compiled = createExpression(top.paint[name], `layers.top.paint.${name}`);
      if (compiled.result !== "success") throw new Error(JSON.stringify(compiled.value));
      return compiled.value.evaluate({ zoom: 6 }, { type: "Point", properties: { s: 2, v: 1 } } as never, state as never);
    };
    // Drawn again on top: uncovered points (status 0), and points with no technology in the best-technology view.
    expect(evaluate("icon-opacity", { status: 0 })).toBe(1);
    expect(evaluate("icon-opacity", { status: BEST_CODE_OFFSET })).toBe(1);
    expect(evaluate("icon-opacity", { status: 1 })).toBe(0);
    expect(evaluate("icon-opacity", { status: BEST_CODE_OFFSET + 2 })).toBe(0);
    expect(evaluate("icon-opacity", { status: 0, visible: false })).toBe(0);
    expect(evaluate("icon-color", { status: 0 })).toBe(STATUS_COLORS.uncovered);
  });
});

describe("pointLayers", () => {
  it("colours points by feature-state status with the three status colours", () => {
    const points = pointLayers().find((layer) => layer.id === LAYER.points)!;
    const color = JSON.stringify((points as { paint: Record<string, unknown> }).paint["icon-color"]);
    expect(color).toContain("feature-state");
    for (const value of Object.values(STATUS_COLORS)) expect(color).toContain(value);
  });

  it("reads the status and visibility baked into a point until feature state overrides them", () => {
    const paint = (pointLayers().find((layer) => layer.id === LAYER.points) as { paint: Record<string, unknown> }).paint;
    const evaluate = (name: string, properties: Record<string, number>, state: Record<string, unknown>) => {
      const compiled = createExpression(paint[name], `layers.points.paint.${name}`);
      if (compiled.result !== "success") throw new Error(JSON.stringify(compiled.value));
      return compiled.value.evaluate({ zoom: 6 }, { type: "Point", properties } as never, state as never);
    };
    expect(evaluate("icon-color", { s: 0, v: 1 }, {})).toBe(STATUS_COLORS.uncovered);
    expect(evaluate("icon-color", { s: 1, v: 1 }, {})).toBe(STATUS_COLORS.single_carrier);
    expect(evaluate("icon-color", { s: 0, v: 1 }, { status: 2 })).toBe(STATUS_COLORS.covered);
    // The best-technology view: none, 2G … 5G.
    BEST_TECHNOLOGY_COLORS.forEach((color, code) => expect(evaluate("icon-color", { s: 0, v: 1 }, { status: BEST_CODE_OFFSET + code })).toBe(color));
    expect(evaluate("icon-opacity", { s: 0, v: 1 }, {})).toBe(1);
    expect(evaluate("icon-opacity", { s: 0, v: 0 }, {})).toBe(0);
    expect(evaluate("icon-opacity", { s: 0, v: 0 }, { visible: true })).toBe(1);
    expect(evaluate("icon-opacity", { s: 0, v: 1 }, { visible: false })).toBe(0);
  });

  it("gives schools, school sites and villages different symbols", () => {
    const points = pointLayers().find((layer) => layer.id === LAYER.points)! as { layout: Record<string, unknown> };
    const image = JSON.stringify(points.layout["icon-image"]);
    expect(image).toContain('"school","point-circle"');
    expect(image).toContain('"school_site","point-square"');
    expect(image).toContain('"village","point-triangle"');
  });
});

describe("pointZoomRanges", () => {
  it("draws shapes at every zoom for small data, dots when zoomed out for dense data (MapLibre's per-tile symbol limit)", () => {
    expect(pointZoomRanges(2_016)).toEqual({ shapes: [0, 24], dots: [0, 0] });
    expect(pointZoomRanges(DENSE_POINTS)).toEqual({ shapes: [9, 24], dots: [0, 9] });
    expect(DENSE_POINTS).toBeLessThanOrEqual(32_000);
  });
});

describe("coverageLayer", () => {
  it("draws higher technologies more opaque and keeps fills translucent", () => {
    const opacity = (technology: "2G" | "3G" | "4G" | "5G") => (coverageLayer(0, technology) as RasterLayerSpecification).paint!["raster-opacity"] as number;
    expect(opacity("3G")).toBeGreaterThan(opacity("2G"));
    expect(opacity("4G")).toBeGreaterThan(opacity("3G"));
    expect(opacity("5G")).toBeGreaterThan(opacity("4G"));
    // The basemap's boundaries and names stay readable through the darkest band.
    expect(opacity("5G")).toBeLessThanOrEqual(0.7);
  });

  it("draws its own tile source, asked only within the layer's bounds", () => {
    expect((coverageLayer(3, "3G") as RasterLayerSpecification).source).toBe("coverage-tiles-3");
    expect(coverageSource("lomsong-coverage://2/3/{z}/{x}/{y}", [102, 8, 110, 23])).toMatchObject({
      type: "raster",
      tileSize: 256,
      bounds: [102, 8, 110, 23],
      tiles: ["lomsong-coverage://2/3/{z}/{x}/{y}"],
    });
  });
});

describe("carrierColor", () => {
  it("keeps known carriers' colours and gives two other carriers two colours", () => {
    expect(carrierColor("Viettel", ["Viettel", "VNPT"])).toBe(carrierColor("Viettel"));
    expect(carrierColor("Other A", ["Other A", "Other B"])).not.toBe(carrierColor("Other B", ["Other A", "Other B"]));
  });

  it("names legend keys by carrier and technology, and by carrier", () => {
    expect(coverageToggleKey("Viettel", "4G")).toBe("coverage:Viettel|4G");
    expect(coverageCarrierToggleKey("Viettel")).toBe("coverage-carrier:Viettel");
  });

  it("keeps the best-technology view off by default", () => {
    expect(isToggleOn({}, TOGGLE.bestTechnology)).toBe(false);
    expect(isToggleOn({ [TOGGLE.bestTechnology]: true }, TOGGLE.bestTechnology)).toBe(true);
    expect(isToggleOn({}, coverageCarrierToggleKey("VNPT"))).toBe(true);
  });
});

describe("labelLayers", () => {
  it("labels the archipelagos in the chosen language, falling back to Vietnamese", () => {
    const archipelago = labelLayers("en").find((layer) => layer.id === LAYER.archipelagoLabel) as { layout: Record<string, unknown> };
    const field = JSON.stringify(archipelago.layout["text-field"]);
    expect(field.indexOf("name_en")).toBeLessThan(field.indexOf("name_vi"));
  });
});
