/**
 * The map. This component owns the maplibregl.Map and is the only code that touches it: React
 * passes data in, and changes are applied imperatively (feature state and filters, never
 * re-sending the points for a filter change).
 */
import { useEffect, useMemo, useRef, useState } from "react";
import { Popup, ScaleControl, type GeoJSONSource, type MapGeoJSONFeature, type MapMouseEvent, type Map as MapLibreMap } from "maplibre-gl";
import "maplibre-gl/dist/maplibre-gl.css";
import "./maplibre_setup.ts";
import { countedLayers, type PointFilter } from "../domain/gaps/analyze_coverage.ts";
import { bestTechnologyCodes } from "../domain/gaps/best_technology.ts";
import type { Language } from "../domain/types.ts";
import type { AnalyzeResult } from "../workers/messages.ts";
import { FEATURE_STATE_POINTS_PER_TASK, WORK_MARK, type WorkMarkDetail } from "../workers/work_limits.ts";
import {
  BEST_CODE_OFFSET,
  COVERAGE_LAYER_PREFIX,
  COVERAGE_OPACITY,
  COVERAGE_SOURCE_PREFIX,
  DOTS_BELOW_ZOOM,
  LAYER,
  SOURCE,
  TOGGLE,
  carrierColors,
  coverageCarrierToggleKey,
  coverageLayer,
  coverageSource,
  coverageToggleKey,
  isToggleOn,
  labelLayers,
  pointLayers,
  pointZoomRanges,
  symbolImageName,
} from "./layers.ts";
import { coverageTileUrls, mapDataUrl } from "./map_data.ts";
import { dotStyle } from "./point_dots.ts";
import { createPointDotsLayer, type PointDotsLayer } from "./point_dots_layer.ts";
import { buildPointRaster, nearestVisiblePoint, type PointRaster } from "../workers/point_raster.ts";
import { createBaseMap, watchMap, type BoundaryUrls } from "./base_map.ts";
import { buildPopupContent, settlePopupRow, type PopupRow } from "./popup_content.ts";
import { SYMBOL_SHAPES, createSymbolImage } from "./symbols.ts";
import { useSiteOverlay, type SiteOverlaySite } from "./site_overlay.ts";
import { useCompareOverlay, type ChangeOverlayPoint } from "./compare_overlay.ts";
import { usePrebuiltCoverageLayers } from "./pmtiles_coverage.ts";

export interface MapCameraValue {
  lon: number;
  lat: number;
  zoom: number;
}

export interface PointDescription {
  title: string;
  rows: PopupRow[];
  note?: string;
}

export interface MapViewProps {
  language: Language;
  data: AnalyzeResult | null;
  /** Status code per point (0 uncovered, 1 one carrier, 2 covered) under the current filter. */
  statuses: Uint8Array | null;
  /** Points passing the kind and area filters. */
  shown: Uint32Array | null;
  listedPointIds: readonly string[];
  layerVisibility: Record<string, boolean>;
  /** The carriers and minimum technology counted: only their coverage layers are drawn. */
  coverageFilter?: Pick<PointFilter, "carriers" | "minTechnology">;
  selectedPointIndex: number | null;
  flyRequest: number;
  /** A box to zoom to (a province or commune chosen); a new serial asks again. */
  boundsRequest?: { bounds: [number, number, number, number]; serial: number } | null;
  initialCamera?: MapCameraValue;
  boundaryUrls: BoundaryUrls;
  labels: { noWebgl: string; mapLabel: string; mapError: string; zoomIn: string; zoomOut: string; toggleAttribution: string; closePopup: string };
  describePoint: (index: number) => PointDescription;
  onCameraChange: (camera: MapCameraValue) => void;
  onSelectPoint: (index: number | null) => void;
  /** Suggested new sites drawn as discs with their gain (site_overlay.ts). */
  sites?: readonly SiteOverlaySite[];
  /** Points a newer coverage release changed, gained green and lost red (compare_overlay.ts). */
  changes?: readonly ChangeOverlayPoint[];
}

const NO_SITES: readonly SiteOverlaySite[] = [];
const NO_CHANGES: readonly ChangeOverlayPoint[] = [];

function mapLocale(labels: MapViewProps["labels"]): Record<string, string> {
  return {
    "NavigationControl.ZoomIn": labels.zoomIn,
    "NavigationControl.ZoomOut": labels.zoomOut,
    "AttributionControl.ToggleAttribution": labels.toggleAttribution,
    "Popup.Close": labels.closePopup,
    "Map.Title": labels.mapLabel,
  };
}

const STATUS_TOGGLES = [TOGGLE.uncovered, TOGGLE.singleCarrier, TOGGLE.covered];
/** Main-thread time spent setting feature states before yielding to other tasks. */
const FEATURE_STATE_BUDGET_MILLISECONDS = 30;
/** The coverage's opacity in the best-technology view, as a share of its own (the points' colours carry the message). */
const BEST_VIEW_COVERAGE_DIMMING = 0.45;
/** Wait this long after the map's container stops changing size before resizing the canvas (a WebGL resize is costly). */
const RESIZE_DELAY_MILLISECONDS = 150;

/**
 * Whether a rendered point is visible: its feature state once set, otherwise the visibility baked into its properties.
 * @param map - the map
 * @param feature - a rendered point
 * @returns true when drawn
 */
function isPointVisible(map: MapLibreMap, feature: MapGeoJSONFeature): boolean {
  const state = map.getFeatureState({ source: SOURCE.points, id: feature.id as number }) as { visible?: boolean };
  return state.visible ?? Number((feature.properties as { v?: number } | null)?.v) === 1;
}

/**
 * Which coverage layers are drawn: those the filter counts (its carriers, its minimum technology) and the legend shows
 * (the carrier's switch and the layer's own).
 * @param props - the map's props
 * @returns one flag per analysis layer
 */
function visibleCoverageLayers(props: MapViewProps): boolean[] {
  const layers = props.data?.analysis.layers ?? [];
  const { counted } = countedLayers({ layers }, props.coverageFilter ?? {});
  return layers.map(
    (layer, index) =>
      counted[index] &&
      isToggleOn(props.layerVisibility, coverageCarrierToggleKey(layer.carrier)) &&
      isToggleOn(props.layerVisibility, coverageToggleKey(layer.carrier, layer.technology)),
  );
}

/** Whether two code arrays hold the same values (the dots' baked codes against the view's). */
function sameValues(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The map panel.
 * @param props - data, derived figures, toggles and callbacks
 * @returns the map element, or a plain message where WebGL is unavailable
 */
export function MapView(props: MapViewProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const popupRef = useRef<Popup | null>(null);
  // What each point shows now: the values baked into the source, then the feature states set since.
  const applied = useRef<{ status: Int16Array; visible: Int8Array; listed: Set<number> }>({
    status: new Int16Array(0),
    visible: new Int8Array(0),
    listed: new Set(),
  });
  const latest = useRef(props);
  latest.current = props;
  const [loaded, setLoaded] = useState(false);
  // No separate WebGL probe: creating a throwaway context costs as much as the map's own (over
  // half a second with software rendering). MapLibre throws when it cannot get WebGL 2.
  const [failure, setFailure] = useState<"no-webgl" | "error" | null>(null);
  const fittedFor = useRef<AnalyzeResult | null>(null);
  /** The dense points' positions, indexed for the hit test of the dots (built on first use). */
  const dotIndex = useRef<{ points: readonly unknown[]; raster: PointRaster } | null>(null);
  /** The dense points' dots (a GPU layer, added when the map loads), and whether the analysis shown is dense. */
  const dotsLayer = useRef<PointDotsLayer | null>(null);
  const dense = useRef(false);
  /** The codes and visibility the dots were last drawn with (the listed rings are drawn again with them). */
  const dotsDrawn = useRef<{ codes: ArrayLike<number>; visible: ArrayLike<number> } | null>(null);
  /**
   * Whether the points' shapes source holds the points: dense data's is empty until the map is zoomed in that far, and
   * feature state is set only on points the source holds (set once it does, shapesSerial asks for that).
   */
  const shapesShown = useRef(false);
  const [shapesSerial, setShapesSerial] = useState(0);
  // The camera asked for by the link, read once: later camera changes come from the map itself.
  const initialCamera = useRef(props.initialCamera);

  // Create the map once.
  useEffect(() => {
    if (failure || !containerRef.current) return;
    let map: MapLibreMap;
    try {
      map = createBaseMap(containerRef.current, latest.current.boundaryUrls, initialCamera.current, {
        // Resized below, once the layout has settled: each WebGL canvas resize waits for the GPU.
        trackResize: false,
        locale: mapLocale(latest.current.labels),
      });
    } catch (error) {
      // Shown to the user as a plain sentence; the details go to the console for whoever debugs it.
      console.error(error);
      setFailure("no-webgl");
      return;
    }
    mapRef.current = map;
    map.addControl(new ScaleControl({ unit: "metric" }), "bottom-left");
    map.on("load", () => {
      for (const shape of SYMBOL_SHAPES) map.addImage(symbolImageName(shape), createSymbolImage(shape), { sdf: true, pixelRatio: 1 });
      for (const layer of pointLayers()) map.addLayer(layer);
      // Under the shapes: the dots take over below DOTS_BELOW_ZOOM. Added now, so that its shaders compile with the map's.
      dotsLayer.current = createPointDotsLayer();
      map.addLayer(dotsLayer.current, LAYER.points);
      // Names above the points (with a white halo), so dense points never hide them.
      for (const layer of labelLayers(latest.current.language)) map.addLayer(layer);
      setLoaded(true);
    });
    const pointLayerIds = [LAYER.uncoveredOnTop, LAYER.points];
    map.on("click", pointLayerIds, (event: MapMouseEvent & { features?: MapGeoJSONFeature[] }) => {
      const visible = (event.features ?? []).filter((feature) => isPointVisible(map, feature));
      if (visible.length > 0) latest.current.onSelectPoint(Number(visible[0].id));
    });
    // Hover: the point's name as plain text (setText never parses HTML); a click opens the full popup.
    const hover = new Popup({ closeButton: false, closeOnClick: false, className: "point-hover", offset: 10, focusAfterOpen: false });
    const showHover = (index: number) => {
      const point = index >= 0 ? latest.current.data?.points[index] : undefined;
      map.getCanvas().style.cursor = point ? "pointer" : "";
      if (point)
        hover
          .setLngLat([point.lon, point.lat])
          .setText(point.name || point.id)
          .addTo(map);
      else hover.remove();
    };
    map.on("mousemove", pointLayerIds, (event: MapMouseEvent & { features?: MapGeoJSONFeature[] }) => {
      const feature = (event.features ?? []).find((candidate) => isPointVisible(map, candidate));
      showHover(feature ? Number(feature.id) : -1);
    });
    map.on("mouseleave", pointLayerIds, () => {
      map.getCanvas().style.cursor = "";
      hover.remove();
    });
    // The dots of dense data are raster tiles: the point under the cursor is found in an index of the positions.
    const dotUnder = (event: MapMouseEvent): number => {
      const points = latest.current.data?.points;
      if (!points || points.length < 1 || !dense.current || map.getZoom() >= DOTS_BELOW_ZOOM) return -1;
      if (dotIndex.current?.points !== points) {
        dotIndex.current = {
          points,
          raster: buildPointRaster(
            points.map((point) => point.lon),
            points.map((point) => point.lat),
          ),
        };
      }
      return nearestVisiblePoint(dotIndex.current.raster, new Uint8Array(applied.current.visible.buffer), event.lngLat.lng, event.lngLat.lat, map.getZoom(), 6);
    };
    map.on("click", (event: MapMouseEvent) => {
      const index = dotUnder(event);
      if (index >= 0) latest.current.onSelectPoint(index);
    });
    map.on("mousemove", (event: MapMouseEvent) => {
      if (map.getZoom() >= DOTS_BELOW_ZOOM || !dense.current) return;
      showHover(dotUnder(event));
    });
    map.on("moveend", () => {
      const center = map.getCenter();
      latest.current.onCameraChange({ lon: center.lng, lat: center.lat, zoom: map.getZoom() });
    });
    let resizeTimer = 0;
    const resizeObserver = new ResizeObserver(() => {
      clearTimeout(resizeTimer);
      resizeTimer = window.setTimeout(() => {
        const container = map.getContainer();
        const canvas = map.getCanvas();
        if (container.clientWidth !== canvas.clientWidth || container.clientHeight !== canvas.clientHeight) map.resize();
      }, RESIZE_DELAY_MILLISECONDS);
    });
    resizeObserver.observe(containerRef.current);
    const unwatch = watchMap(map, "gaps", () => setFailure("error"));
    return () => {
      unwatch();
      resizeObserver.disconnect();
      clearTimeout(resizeTimer);
      popupRef.current?.remove();
      map.remove();
      mapRef.current = null;
      setLoaded(false);
    };
  }, [failure]);

  useSiteOverlay(loaded ? mapRef.current : null, loaded, props.sites ?? NO_SITES);
  useCompareOverlay(loaded ? mapRef.current : null, loaded, props.changes ?? NO_CHANGES);
  usePrebuiltCoverageLayers(loaded ? mapRef.current : null, props.coverageFilter);

  // Data: the point, coverage and label sources are replaced only when the analysis changes.
  const { data } = props;
  useEffect(() => {
    const map = mapRef.current;
    if (!loaded || !map) return;
    const points = data?.points ?? [];
    const empty = { type: "FeatureCollection" as const, features: [] };
    map.removeFeatureState({ source: SOURCE.points });
    applied.current = data
      ? { status: Int16Array.from(data.map.status), visible: Int8Array.from(data.map.visible), listed: new Set() }
      : { status: new Int16Array(0), visible: new Int8Array(0), listed: new Set() };
    // URLs that MapLibre's worker resolves to the analysis worker's bytes (map_data.ts): nothing is parsed or copied here.
    const source = (name: string) => map.getSource(name) as GeoJSONSource;
    // Dense data is drawn as raster dots below DOTS_BELOW_ZOOM: MapLibre parses and tiles the points' GeoJSON (for the
    // shapes by kind, and their hit test) only once the map is zoomed in that far.
    const deferShapes = data !== null && pointZoomRanges(points.length).dots[1] > 0;
    let shapesSet = false;
    shapesShown.current = false;
    const setShapes = () => {
      if (shapesSet || !data || (deferShapes && map.getZoom() < DOTS_BELOW_ZOOM - 0.5)) return;
      shapesSet = true;
      source(SOURCE.points).setData(mapDataUrl(data.map.version, SOURCE.points, data.map.points));
      shapesShown.current = true;
      // The filter may have changed since the analysis: its feature states are set now.
      if (deferShapes) setShapesSerial((serial) => serial + 1);
    };
    if (data) {
      const { map: payload } = data;
      if (deferShapes) source(SOURCE.points).setData(empty);
      setShapes();
      source(SOURCE.adminLabels).setData(mapDataUrl(payload.version, SOURCE.adminLabels, payload.adminLabels));
      source(SOURCE.importedAdmin).setData(mapDataUrl(payload.version, SOURCE.importedAdmin, payload.importedAdmin));
    } else {
      for (const name of [SOURCE.points, SOURCE.adminLabels, SOURCE.importedAdmin]) source(name).setData(empty);
    }
    const ranges = pointZoomRanges(points.length);
    for (const id of [LAYER.points, LAYER.uncoveredOnTop]) map.setLayerZoomRange(id, ...ranges.shapes);
    // Dense data below DOTS_BELOW_ZOOM: dots the GPU draws (listed rings included), first with the codes baked in.
    dense.current = data !== null && ranges.dots[1] > 0;
    map.setLayerZoomRange(LAYER.listedRing, dense.current ? DOTS_BELOW_ZOOM : 0, 24);
    // Projected and sorted by the worker with the analysis (a cold 100,000-point loop here cost the main thread 30–50 ms each).
    dotsLayer.current?.setPositions(data && dense.current ? data.map.positions : null);
    dotsDrawn.current = null;
    if (data && dense.current) dotsLayer.current?.setStyle(data.map.dots);
    // Coverage: one raster tile source per (carrier, technology) layer, rasterised by the analysis worker on request;
    // each draws only where it is its carrier's best technology, so a carrier's layers add up to one layer.
    for (const layer of map.getStyle().layers) if (layer.id.startsWith(COVERAGE_LAYER_PREFIX)) map.removeLayer(layer.id);
    for (const id of Object.keys(map.getStyle().sources)) if (id.startsWith(COVERAGE_SOURCE_PREFIX)) map.removeSource(id);
    const coverageLayers = data?.analysis.layers ?? [];
    const colours = carrierColors(coverageLayers.map((layer) => layer.carrier));
    const tileUrls = data
      ? coverageTileUrls(
          data.map.version,
          coverageLayers.map((layer) => colours.get(layer.carrier)!),
        )
      : [];
    const shownLayers = visibleCoverageLayers(latest.current);
    coverageLayers.forEach((layer, index) => {
      map.addSource(`${COVERAGE_SOURCE_PREFIX}${index}`, coverageSource(tileUrls[index], data?.map.coverageBounds[index] ?? null));
      // Added hidden when the filter or the legend hides it: its tiles are then not asked for until it is shown.
      map.addLayer({ ...coverageLayer(index, layer.technology), layout: { visibility: shownLayers[index] ? "visible" : "none" } }, LAYER.communeLine);
    });
    // Frame the points when new data arrives, unless the link asked for a camera.
    const bounds = data?.map.bounds;
    if (data && bounds && points.length > 0 && fittedFor.current !== data && !(fittedFor.current === null && initialCamera.current)) {
      map.fitBounds(
        [
          [bounds[0], bounds[1]],
          [bounds[2], bounds[3]],
        ],
        { padding: 40, duration: 0, maxZoom: 12 },
      );
    }
    fittedFor.current = data;
    setShapes();
    map.on("zoomend", setShapes);
    // For tests and benchmarks: data-drawn names the analysis once the map has drawn it (sources parsed, tiles placed).
    const container = containerRef.current;
    if (!container) return;
    delete container.dataset.drawn;
    const onIdle = () => {
      if (!map.isSourceLoaded(SOURCE.points)) return;
      if (coverageLayers.some((_, index) => !map.isSourceLoaded(`${COVERAGE_SOURCE_PREFIX}${index}`))) return;
      container.dataset.drawn = String(data?.map.version ?? 0);
      map.off("idle", onIdle);
    };
    map.on("idle", onIdle);
    return () => {
      map.off("idle", onIdle);
      map.off("zoomend", setShapes);
    };
  }, [loaded, data]);

  // The dense points' dots: their codes and drawing order, uploaded at the next frame (the listed rings when the legend shows them).
  // `baked`: these codes and visibility are the ones the worker sorted the new analysis's dots for (data.map.dots, set
  // with the data): without listed rings there is nothing to sort again.
  const refreshDots = (count: number, codes: ArrayLike<number>, visible: ArrayLike<number>, baked = false) => {
    if (!dense.current) return;
    dotsDrawn.current = { codes, visible };
    let listed: Uint8Array | null = null;
    if (isToggleOn(latest.current.layerVisibility, TOGGLE.listed) && applied.current.listed.size > 0) {
      listed = new Uint8Array(count);
      for (const index of applied.current.listed) if (index < count) listed[index] = 1;
    }
    if (baked && listed === null) return;
    dotsLayer.current?.setStyle(dotStyle(codes, visible, listed));
  };

  // Status and visibility per point, as feature state; only the points whose status or visibility
  // differs from what they show (baked in or set before) are touched, in tasks of at most
  // FEATURE_STATE_BUDGET_MILLISECONDS and FEATURE_STATE_POINTS_PER_TASK points so that 100,000 points never freeze the page. The tasks follow
  // each other without waiting for animation frames: every frame in between would redraw the whole
  // map (with national coverage and software WebGL, seconds each) for a half-updated filter.
  const { statuses, shown, layerVisibility, listedPointIds } = props;
  // The best-technology view: each point's code from the engine's masks, among the chosen carriers (every technology).
  const bestView = isToggleOn(layerVisibility, TOGGLE.bestTechnology);
  const chosenCarriers = (props.coverageFilter?.carriers ?? []).join("\u0000");
  const bestCodes = useMemo(
    () => (bestView && data ? bestTechnologyCodes(data.analysis, chosenCarriers === "" ? [] : chosenCarriers.split("\u0000")) : null),
    [bestView, data, chosenCarriers],
  );
  useEffect(() => {
    const map = mapRef.current;
    if (!loaded || !map || !data || !statuses || !shown) return;
    const statusOn = STATUS_TOGGLES.map((key) => isToggleOn(layerVisibility, key));
    const visible = new Int8Array(data.points.length);
    for (let k = 0; k < shown.length; k++) visible[shown[k]] = statusOn[statuses[shown[k]]] ? 1 : 0;
    // What each point is drawn by: its status, or in the best-technology view its best technology (layers.ts, BEST_CODE_OFFSET).
    let codes: ArrayLike<number> = statuses;
    if (bestCodes && bestCodes.length === data.points.length) {
      const best = new Uint8Array(bestCodes.length);
      for (let index = 0; index < best.length; index++) best[index] = BEST_CODE_OFFSET + bestCodes[index];
      codes = best;
    }
    const state = applied.current;
    if (state.status.length !== data.points.length) return;
    let next = 0;
    let timer = 0;
    let cancelled = false;
    // For tests and benchmarks: data-styled counts the filter changes the map has finished drawing.
    const container = containerRef.current;
    const styledCount = Number(container?.dataset.styled ?? 0) + 1;
    // The dense points' dots: recoloured in the next frame (a new analysis's are drawn with its baked codes already).
    const baked = dotsDrawn.current === null && codes === statuses && sameValues(statuses, data.map.status) && sameValues(visible, data.map.visible);
    refreshDots(data.points.length, codes, visible, baked);
    const finish = () => {
      if (cancelled) return;
      const onIdle = () => {
        map.off("idle", onIdle);
        if (!cancelled && container) container.dataset.styled = String(styledCount);
      };
      map.on("idle", onIdle);
      map.triggerRepaint();
    };
    const applySlice = () => {
      const deadline = performance.now() + FEATURE_STATE_BUDGET_MILLISECONDS;
      const count = data.points.length;
      const first = next;
      while (next < count && next - first < FEATURE_STATE_POINTS_PER_TASK) {
        const end = Math.min(count, next + 1000, first + FEATURE_STATE_POINTS_PER_TASK);
        for (let index = next; index < end; index++) {
          if (state.status[index] === codes[index] && state.visible[index] === visible[index]) continue;
          map.setFeatureState({ source: SOURCE.points, id: index }, { status: codes[index], visible: visible[index] === 1 });
          state.status[index] = codes[index];
          state.visible[index] = visible[index];
        }
        next = end;
        if (performance.now() > deadline) break;
      }
      performance.mark(WORK_MARK, { detail: { kind: "feature-state", points: next - first } satisfies WorkMarkDetail });
      if (next < count) timer = window.setTimeout(applySlice, 0);
      else finish();
    };
    // Dense data zoomed out: the shapes' source is empty, nothing to set until it is filled (shapesSerial).
    if (shapesShown.current) applySlice();
    else finish();
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [loaded, data, statuses, shown, layerVisibility, bestCodes, shapesSerial]);

  // Listed dead zones: a ring under the symbol.
  useEffect(() => {
    const map = mapRef.current;
    if (!loaded || !map || !data) return;
    if (listedPointIds.length === 0 && applied.current.listed.size === 0) return;
    const wanted = new Set(listedPointIds);
    const next = new Set<number>();
    data.points.forEach((point, index) => {
      if (wanted.has(point.id)) next.add(index);
    });
    for (const index of applied.current.listed) if (!next.has(index)) map.setFeatureState({ source: SOURCE.points, id: index }, { listed: false });
    for (const index of next) if (!applied.current.listed.has(index)) map.setFeatureState({ source: SOURCE.points, id: index }, { listed: true });
    applied.current.listed = next;
    if (dotsDrawn.current) refreshDots(data.points.length, dotsDrawn.current.codes, dotsDrawn.current.visible);
  }, [loaded, data, listedPointIds]);

  // Layer toggles from the legend, and the coverage layers the filter counts.
  const coverageCarriers = (props.coverageFilter?.carriers ?? []).join("\u0000");
  const coverageMinTechnology = props.coverageFilter?.minTechnology;
  useEffect(() => {
    const map = mapRef.current;
    if (!loaded || !map) return;
    const setVisible = (id: string, on: boolean) => {
      if (map.getLayer(id)) map.setLayoutProperty(id, "visibility", on ? "visible" : "none");
    };
    const boundaries = isToggleOn(layerVisibility, TOGGLE.boundaries);
    for (const id of [LAYER.provinceLine, LAYER.communeLine, LAYER.provinceLabel, LAYER.communeLabel, LAYER.importedAdminLine]) setVisible(id, boundaries);
    const osm = isToggleOn(layerVisibility, TOGGLE.osm);
    setVisible(LAYER.osm, osm);
    map.setPaintProperty(LAYER.provinceFill, "fill-opacity", osm ? 0.15 : 1);
    setVisible(LAYER.listedRing, isToggleOn(layerVisibility, TOGGLE.listed));
    // A filter change only shows or hides whole raster layers: no tile is rasterised again, none is re-sent.
    visibleCoverageLayers(latest.current).forEach((on, index) => setVisible(`${COVERAGE_LAYER_PREFIX}${index}`, on));
    // The best-technology view paints the points in colours near the carriers' hues: the coverage is dimmed under them.
    const dim = isToggleOn(layerVisibility, TOGGLE.bestTechnology) ? BEST_VIEW_COVERAGE_DIMMING : 1;
    (data?.analysis.layers ?? []).forEach((layer, index) => {
      const id = `${COVERAGE_LAYER_PREFIX}${index}`;
      if (map.getLayer(id)) map.setPaintProperty(id, "raster-opacity", COVERAGE_OPACITY[layer.technology] * dim);
    });
  }, [loaded, data, layerVisibility, coverageCarriers, coverageMinTechnology]);

  // Archipelago labels follow the language.
  const { language } = props;
  useEffect(() => {
    const map = mapRef.current;
    if (!loaded || !map) return;
    const archipelago = labelLayers(language).find((layer) => layer.id === LAYER.archipelagoLabel);
    if (archipelago && archipelago.type === "symbol" && archipelago.layout)
      map.setLayoutProperty(LAYER.archipelagoLabel, "text-field", archipelago.layout["text-field"]);
  }, [loaded, language]);

  // The controls' tooltips follow the language (MapLibre reads its locale only when created).
  const { labels } = props;
  useEffect(() => {
    const container = containerRef.current;
    if (!loaded || !container) return;
    const retitle = (selector: string, text: string) => {
      for (const element of container.querySelectorAll<HTMLElement>(selector)) {
        element.title = text;
        element.setAttribute("aria-label", text);
      }
    };
    retitle(".maplibregl-ctrl-zoom-in", labels.zoomIn);
    retitle(".maplibregl-ctrl-zoom-out", labels.zoomOut);
    retitle(".maplibregl-ctrl-attrib-button", labels.toggleAttribution);
    container.querySelector("canvas")?.setAttribute("aria-label", labels.mapLabel);
  }, [loaded, labels.zoomIn, labels.zoomOut, labels.toggleAttribution, labels.mapLabel]);

  // The selected point's popup; fly to it when asked (a click in the list).
  const { selectedPointIndex, flyRequest } = props;
  useEffect(() => {
    const map = mapRef.current;
    const previous = popupRef.current;
    popupRef.current = null;
    previous?.remove();
    if (!loaded || !map || !data || selectedPointIndex === null || selectedPointIndex >= data.points.length) return;
    const point = data.points[selectedPointIndex];
    const description = latest.current.describePoint(selectedPointIndex);
    const content = buildPopupContent(description.title, description.rows, description.note);
    const popup = new Popup({ closeButton: true, maxWidth: "320px", focusAfterOpen: false })
      .setLngLat([point.lon, point.lat])
      .setDOMContent(content)
      .addTo(map);
    // Values computed in the worker (the nearest coverage) arrive later; an answer for a closed or replaced popup is dropped.
    const details = content.querySelectorAll<HTMLElement>("dd");
    description.rows.forEach((row, index) => {
      void row.later?.then((text) => settlePopupRow(details[index], text, popupRef.current === popup));
    });
    const closeButton = popup.getElement()?.querySelector<HTMLElement>(".maplibregl-popup-close-button");
    if (closeButton) {
      closeButton.title = latest.current.labels.closePopup;
      closeButton.setAttribute("aria-label", latest.current.labels.closePopup);
    }
    popup.on("close", () => {
      if (popupRef.current === popup) latest.current.onSelectPoint(null);
    });
    popupRef.current = popup;
  }, [loaded, data, selectedPointIndex, language, statuses]);

  useEffect(() => {
    const map = mapRef.current;
    const current = latest.current;
    if (!loaded || !map || !current.data || current.selectedPointIndex === null || flyRequest === 0) return;
    const point = current.data.points[current.selectedPointIndex];
    if (point) map.flyTo({ center: [point.lon, point.lat], zoom: Math.max(map.getZoom(), 11), duration: 600 });
  }, [loaded, flyRequest]);

  // Zoom to a chosen area.
  const { boundsRequest } = props;
  useEffect(() => {
    const map = mapRef.current;
    if (!loaded || !map || !boundsRequest) return;
    const [west, south, east, north] = boundsRequest.bounds;
    map.fitBounds(
      [
        [west, south],
        [east, north],
      ],
      { padding: 40, duration: 600, maxZoom: 13 },
    );
  }, [loaded, boundsRequest]);

  if (failure) {
    return (
      <div className="map map-unavailable" data-testid="map" role="status">
        <p>{failure === "no-webgl" ? props.labels.noWebgl : props.labels.mapError}</p>
      </div>
    );
  }
  return <div className="map" data-testid="map" data-loaded={loaded ? "true" : "false"} ref={containerRef} role="region" aria-label={props.labels.mapLabel} />;
}
