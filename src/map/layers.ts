/**
 * The map style as plain data: sources, layers and colours. MapView turns these into MapLibre
 * calls; nothing here touches MapLibre, so every spec is unit-tested and validated against the
 * style specification.
 */
import { DENSE_POINTS as DENSE_POINTS_COUNT } from "../workers/work_limits.ts";
import type {
  ExpressionSpecification,
  LayerSpecification,
  RasterSourceSpecification,
  SourceSpecification,
  StyleSpecification,
  SymbolLayerSpecification,
} from "maplibre-gl";
import type { Language, PointKind, Technology } from "../domain/types.ts";
import type { SymbolShape } from "./symbols.ts";
import { BEST_TECHNOLOGY_COLORS, COVERAGE_OPACITY } from "./coverage_colors.ts";

export const SOURCE = {
  osm: "osm",
  provinces: "provinces",
  communes: "communes",
  archipelagos: "archipelagos",
  adminLabels: "admin-labels",
  importedAdmin: "imported-admin",
  points: "points",
} as const;

export const LAYER = {
  background: "background",
  osm: "osm-raster",
  provinceFill: "province-fill",
  communeLine: "commune-line",
  provinceLine: "province-line",
  importedAdminLine: "imported-admin-line",
  archipelagoFill: "archipelago-fill",
  archipelagoLabel: "archipelago-label",
  provinceLabel: "province-label",
  communeLabel: "commune-label",
  listedRing: "listed-ring",
  points: "points",
  uncoveredOnTop: "points-uncovered-on-top",
  /** Dense points below DOTS_BELOW_ZOOM: dots the GPU draws (point_dots_layer.ts, a custom layer). */
  pointDots: "point-dots",
} as const;

// DENSE_POINTS is the worker's too (it defers the dense points' GeoJSON): defined with its limits.
export { DENSE_POINTS } from "../workers/work_limits.ts";
/** The zoom from which dense data is drawn with the shapes by kind. */
export const DOTS_BELOW_ZOOM = 9;

/**
 * Zoom ranges of the dot and shape layers for a data set.
 * @param pointCount - the number of points
 * @returns [minzoom, maxzoom] for the shapes and for the dots (a maxzoom of 0 hides the dots)
 */
export function pointZoomRanges(pointCount: number): { shapes: [number, number]; dots: [number, number] } {
  return pointCount >= DENSE_POINTS_COUNT ? { shapes: [DOTS_BELOW_ZOOM, 24], dots: [0, DOTS_BELOW_ZOOM] } : { shapes: [0, 24], dots: [0, 0] };
}

/** Prefix of the per-(carrier, technology) coverage raster layers. */
export const COVERAGE_LAYER_PREFIX = "coverage-";
/** Prefix of their raster tile sources (one per layer). */
export const COVERAGE_SOURCE_PREFIX = "coverage-tiles-";
/** Beyond this zoom MapLibre scales the tiles of this zoom (0.6 m pixels at Viet Nam's latitudes). */
export const COVERAGE_MAX_ZOOM = 18;

/** Colours by point status: purple-red, orange, green; each has at least 3:1 contrast on the pale basemap. */
export const STATUS_COLORS = { uncovered: "#b3124d", single_carrier: "#c25400", covered: "#1b7a3a" } as const;

export { CARRIER_COLORS, COVERAGE_OPACITY, carrierColor, carrierColors } from "./coverage_colors.ts";

/**
 * The point code the map draws by (feature state `status`, and the dots' codes): 0–2 the status (uncovered, one
 * carrier, covered); in the best-technology view BEST_CODE_OFFSET + the point's bestTechnologyCodes code
 * (none, 2G … 5G), coloured by BEST_TECHNOLOGY_COLORS.
 */
export const BEST_CODE_OFFSET = 3;

/** The symbol of each point kind. */
export const KIND_SHAPES: Record<PointKind, SymbolShape> = {
  school: "circle",
  school_site: "square",
  village: "triangle",
  village_centre: "triangle",
  other: "diamond",
};

/**
 * Name of the map image of a shape.
 * @param shape - the shape
 * @returns the image id
 */
export function symbolImageName(shape: SymbolShape): string {
  return `point-${shape}`;
}

/** Local font names for labels: with no `glyphs` URL MapLibre draws text with the browser's fonts. */
export const LABEL_FONTS = ["Noto Sans Regular", "Noto Sans", "DejaVu Sans", "Arial", "sans-serif"];

export const OSM_TILE_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
export const OSM_ATTRIBUTION = '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap contributors</a>';

export interface BaseStyleOptions {
  provincesUrl: string;
  communesUrl: string;
  archipelagosUrl: string;
}

function geojson(data?: string): SourceSpecification {
  return { type: "geojson", data: data ?? { type: "FeatureCollection", features: [] } };
}

/**
 * Whether a point is drawn: feature-state `visible` once the app set it, otherwise the value baked
 * into the point's properties (`v`, 0 or 1) by the analysis worker.
 */
const IS_VISIBLE: ExpressionSpecification = ["boolean", ["coalesce", ["feature-state", "visible"], ["==", ["get", "v"], 1]], false];
/** IS_VISIBLE as 1 or 0. */
const VISIBLE: ExpressionSpecification = ["case", IS_VISIBLE, 1, 0];
/** The point's status code (0 uncovered, 1 one carrier, 2 two or more): feature state once set, otherwise the baked `s`. */
const STATUS: ExpressionSpecification = ["number", ["coalesce", ["feature-state", "status"], ["get", "s"]], 2];

/**
 * The point layers: listed dead zones (a dark ring under the symbol), the points themselves,
 * shaped by kind and coloured by `status` (0 uncovered, 1 one carrier, 2 covered; feature state,
 * falling back to the `s` property the analysis worker baked in),
 * and the uncovered ones drawn once more on top.
 * @returns the layer specs
 */
export function pointLayers(): LayerSpecification[] {
  const shapeByKind: ExpressionSpecification = [
    "match",
    ["get", "kind"],
    ...(Object.entries(KIND_SHAPES).flatMap(([kind, shape]) => [kind, symbolImageName(shape)]) as string[]),
    symbolImageName("diamond"),
  ] as unknown as ExpressionSpecification;
  const layout: SymbolLayerSpecification["layout"] = {
    "icon-image": shapeByKind,
    "icon-size": ["interpolate", ["linear"], ["zoom"], 5, 0.22, 8, 0.32, 11, 0.5, 14, 0.7],
    "icon-allow-overlap": true,
    "icon-ignore-placement": true,
  };
  // "No signal" is drawn on top in both views: status 0, or no technology at all in the best-technology view.
  const isUncovered: ExpressionSpecification = ["any", ["==", STATUS, 0], ["==", STATUS, BEST_CODE_OFFSET]];
  const statusColor = [
    "match",
    STATUS,
    0,
    STATUS_COLORS.uncovered,
    1,
    STATUS_COLORS.single_carrier,
    ...BEST_TECHNOLOGY_COLORS.flatMap((color, code) => [BEST_CODE_OFFSET + code, color]),
    STATUS_COLORS.covered,
  ] as unknown as ExpressionSpecification;
  const uncoveredVisible: ExpressionSpecification = ["case", ["all", IS_VISIBLE, isUncovered], 1, 0];
  /** The points' symbols, shown where `opacity` is 1. */
  const shapes = (id: string, opacity: ExpressionSpecification): SymbolLayerSpecification => ({
    id,
    type: "symbol",
    source: SOURCE.points,
    layout,
    paint: { "icon-color": statusColor, "icon-halo-color": "#ffffff", "icon-halo-width": 1, "icon-opacity": opacity },
  });
  return [
    {
      id: LAYER.listedRing,
      type: "circle",
      source: SOURCE.points,
      paint: {
        "circle-radius": ["interpolate", ["linear"], ["zoom"], 5, 4.5, 8, 6.5, 11, 9, 14, 12],
        "circle-color": "rgba(0,0,0,0)",
        "circle-stroke-color": "#111111",
        "circle-stroke-width": 2,
        "circle-stroke-opacity": ["case", ["all", ["boolean", ["feature-state", "listed"], false], IS_VISIBLE], 1, 0],
      },
    },
    shapes(LAYER.points, VISIBLE),
    // The uncovered points again, on top, so that covered neighbours never hide them.
    shapes(LAYER.uncoveredOnTop, uncoveredVisible),
  ];
}

/**
 * The raster tile source of one coverage layer: tiles the analysis worker rasterises on request
 * (src/workers/coverage_raster.ts; src/map/map_data.ts), in the carrier's colour with alpha = the covered fraction of
 * each pixel where the layer is its carrier's best technology (its band).
 * @param tileUrl - the `lomsong-coverage://…/{z}/{x}/{y}` template
 * @param bounds - the layer's [west, south, east, north] (no tile is asked for outside), or null
 * @returns the source spec
 */
export function coverageSource(tileUrl: string, bounds: [number, number, number, number] | null): RasterSourceSpecification {
  return { type: "raster", tiles: [tileUrl], tileSize: 256, maxzoom: COVERAGE_MAX_ZOOM, ...(bounds ? { bounds } : {}) };
}

/**
 * The layer of one (carrier, technology) coverage layer, drawn from its raster tiles (`coverageSource`): the carrier's
 * hue at the technology's opacity, only where the technology is the carrier's best. A carrier's layers never overlap,
 * so together they are one layer per carrier, shaded by its best technology; the minimum technology filter hides
 * the lesser bands (a layout property: nothing is drawn again).
 * @param layerIndex - index of the layer in the analysis
 * @param technology - the technology (its opacity)
 * @returns the layer spec
 */
export function coverageLayer(layerIndex: number, technology: Technology): LayerSpecification {
  return {
    id: `${COVERAGE_LAYER_PREFIX}${layerIndex}`,
    type: "raster",
    source: `${COVERAGE_SOURCE_PREFIX}${layerIndex}`,
    // The tiles carry the colour and the covered fraction; the layer only sets the translucency. No fade: a new tile appears at once.
    paint: { "raster-opacity": COVERAGE_OPACITY[technology], "raster-fade-duration": 0 },
  };
}

/**
 * The offline base style: provinces and communes from the bundled boundaries over a neutral ground (the
 * bundled data has no coastline or neighbouring countries, so nothing outside Viet Nam is drawn as sea), with labels,
 * Hoàng Sa and Trường Sa, and an OpenStreetMap raster layer that is off until the user turns it on.
 * @param options - URLs of the bundled boundary files
 * @returns the style; coverage and point layers are added by MapView
 * @example
 * ```ts
 * new maplibregl.Map({ container, style: buildBaseStyle({ provincesUrl, communesUrl, archipelagosUrl }) });
 * ```
 */
export function buildBaseStyle(options: BaseStyleOptions): StyleSpecification {
  return {
    version: 8,
    sources: {
      [SOURCE.osm]: { type: "raster", tiles: [OSM_TILE_URL], tileSize: 256, maxzoom: 19, attribution: OSM_ATTRIBUTION },
      [SOURCE.provinces]: geojson(options.provincesUrl),
      [SOURCE.communes]: geojson(options.communesUrl),
      [SOURCE.archipelagos]: geojson(options.archipelagosUrl),
      [SOURCE.adminLabels]: geojson(),
      [SOURCE.importedAdmin]: geojson(),
      [SOURCE.points]: geojson(),
    },
    layers: [
      { id: LAYER.background, type: "background", paint: { "background-color": "#e1e3df" } },
      { id: LAYER.osm, type: "raster", source: SOURCE.osm, layout: { visibility: "none" } },
      { id: LAYER.provinceFill, type: "fill", source: SOURCE.provinces, paint: { "fill-color": "#f7f5ef", "fill-opacity": 1 } },
      {
        id: LAYER.archipelagoFill,
        type: "fill",
        source: SOURCE.archipelagos,
        filter: ["==", ["geometry-type"], "Polygon"],
        paint: { "fill-color": "#f7f5ef", "fill-outline-color": "#6b6b6b" },
      },
      {
        id: LAYER.communeLine,
        type: "line",
        source: SOURCE.communes,
        minzoom: 7,
        paint: { "line-color": "#9a9a9a", "line-width": ["interpolate", ["linear"], ["zoom"], 7, 0.3, 12, 1] },
      },
      {
        id: LAYER.provinceLine,
        type: "line",
        source: SOURCE.provinces,
        paint: { "line-color": "#5f5f5f", "line-width": ["interpolate", ["linear"], ["zoom"], 4, 0.6, 10, 1.8] },
      },
      {
        id: LAYER.importedAdminLine,
        type: "line",
        source: SOURCE.importedAdmin,
        paint: { "line-color": "#3a3a3a", "line-width": 1.2, "line-dasharray": [3, 2] },
      },
    ],
    // No "glyphs": labels are drawn with local fonts, so the map needs no network and no glyph files.
  };
}

/**
 * The label layers, added above the coverage so that names stay readable.
 * @param language - the interface language: archipelago labels use `name_<language>` when present
 * @returns province, commune and archipelago label layers
 */
export function labelLayers(language: Language): LayerSpecification[] {
  const haloPaint = { "text-color": "#202020", "text-halo-color": "#ffffff", "text-halo-width": 1.5 };
  return [
    {
      id: LAYER.communeLabel,
      type: "symbol",
      source: SOURCE.adminLabels,
      minzoom: 9,
      filter: ["==", ["get", "level"], "commune"],
      layout: { "text-field": ["get", "name"], "text-font": LABEL_FONTS, "text-size": 11, "text-max-width": 8 },
      paint: { ...haloPaint, "text-color": "#444444" },
    },
    {
      id: LAYER.provinceLabel,
      type: "symbol",
      source: SOURCE.adminLabels,
      maxzoom: 10,
      filter: ["==", ["get", "level"], "province"],
      layout: {
        "text-field": ["get", "name"],
        "text-font": LABEL_FONTS,
        "text-size": ["interpolate", ["linear"], ["zoom"], 4, 11, 9, 15],
        "text-max-width": 8,
      },
      paint: haloPaint,
    },
    {
      id: LAYER.archipelagoLabel,
      type: "symbol",
      source: SOURCE.archipelagos,
      layout: {
        "text-field": ["coalesce", ["get", `name_${language}`], ["get", "name_vi"], ["get", "name"], ""],
        "text-font": LABEL_FONTS,
        "text-size": 12,
        "text-max-width": 9,
        "text-allow-overlap": true,
        "symbol-placement": "point",
      },
      paint: { ...haloPaint, "text-color": "#7a1020" },
    },
  ];
}

/** Legend keys of the toggles that are not per coverage layer. */
export const TOGGLE = {
  boundaries: "boundaries",
  osm: "osm",
  listed: "listed",
  uncovered: "status:uncovered",
  singleCarrier: "status:single_carrier",
  covered: "status:covered",
  /** The points coloured by their best technology among the chosen carriers instead of by status (off by default). */
  bestTechnology: "mode:best-technology",
} as const;

/** Toggles that are off until the user turns them on. */
const OFF_BY_DEFAULT: readonly string[] = [TOGGLE.osm, TOGGLE.bestTechnology];

/**
 * Legend key of all of a carrier's coverage.
 * @param carrier - the carrier
 * @returns the key
 */
export function coverageCarrierToggleKey(carrier: string): string {
  return `coverage-carrier:${carrier}`;
}

/**
 * Legend key of a coverage layer.
 * @param carrier - the carrier
 * @param technology - the technology
 * @returns the key
 */
export function coverageToggleKey(carrier: string, technology: Technology): string {
  return `coverage:${carrier}|${technology}`;
}

/**
 * Whether a legend toggle is on: everything is on by default except the online basemap and the best-technology view.
 * @param visibility - the toggles set by the user
 * @param key - a toggle's key
 * @returns true when on
 */
export function isToggleOn(visibility: Record<string, boolean>, key: string): boolean {
  return visibility[key] ?? !OFF_BY_DEFAULT.includes(key);
}

/** The initial view when no link gives one: mainland Viet Nam with Hoàng Sa and Trường Sa. */
export const VIETNAM_VIEW_BOUNDS: [[number, number], [number, number]] = [
  [102.14, 7.18],
  [117.83, 23.39],
];
