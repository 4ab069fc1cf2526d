/**
 * A small map of the listed dead zones coloured by status. It owns its maplibregl.Map (as MapView does),
 * is set up as MapView is (base_map.ts: the offline basemap of layers.ts), and builds popups as DOM text.
 */
import { useEffect, useRef, useState } from "react";
import { Popup, type Map as MapLibreMap, type GeoJSONSource, type MapGeoJSONFeature, type MapMouseEvent } from "maplibre-gl";
import "maplibre-gl/dist/maplibre-gl.css";
import "./maplibre_setup.ts";
import type { FeatureCollection, Point as PointGeometry } from "geojson";
import type { TrackingStatus } from "../domain/tracking/status.ts";
import { createBaseMap, watchMap, type BoundaryUrls } from "./base_map.ts";
import { buildPopupContent, type PopupRow } from "./popup_content.ts";
import { PROGRESS_LAYER, PROGRESS_SOURCE, trackingPointLayer } from "./tracking_layers.ts";
import { useFlyTo, useMeasurementOverlay, type FlyTarget, type MeasurementOverlay } from "./measurement_layers.ts";

export interface TrackingMapPoint {
  id: string;
  lon: number;
  lat: number;
  status: TrackingStatus;
}

export interface TrackingMapProps {
  points: readonly TrackingMapPoint[];
  boundaryUrls: BoundaryUrls;
  /** `contextLost`: the drawing context was lost while the map was shown (not the same as having no WebGL); `redraw` creates the map again. */
  labels: { mapLabel: string; noWebgl: string; contextLost: string; redraw: string };
  /** The popup of a point: title and labelled lines. */
  describePoint: (id: string) => { title: string; rows: PopupRow[] };
  selectedId: string | null;
  onSelect: (id: string | null) => void;
  /** Field measurements and their findings (measurement_layers.ts), or null; and where to fly. */
  measurements?: MeasurementOverlay | null;
  flyTo?: FlyTarget | null;
}

/**
 * The tracking map.
 * @param props - points with their status, boundaries, labels, popup text and selection
 * @returns the map element, or a message where WebGL is unavailable
 */
export function TrackingMap(props: TrackingMapProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const popupRef = useRef<Popup | null>(null);
  const latest = useRef(props);
  latest.current = props;
  const [loaded, setLoaded] = useState(false);
  // "no-webgl" only when creating the map (its WebGL 2 context) fails; "lost" when a context that worked is
  // lost later. React's StrictMode mounts twice in development: the first map is removed (its context lost on
  // purpose) before the listener could take that for a failure, see the clean-up below.
  const [failure, setFailure] = useState<"no-webgl" | "lost" | null>(null);
  const framed = useRef(false);

  useEffect(() => {
    if (failure || !containerRef.current) return;
    let map: MapLibreMap;
    try {
      map = createBaseMap(containerRef.current, latest.current.boundaryUrls, undefined);
    } catch (error) {
      console.error(error);
      setFailure("no-webgl");
      return;
    }
    mapRef.current = map;
    map.on("load", () => {
      map.addSource(PROGRESS_SOURCE, { type: "geojson", data: { type: "FeatureCollection", features: [] }, promoteId: "id" });
      map.addLayer(trackingPointLayer());
      setLoaded(true);
    });
    map.on("click", PROGRESS_LAYER, (event: MapMouseEvent & { features?: MapGeoJSONFeature[] }) => {
      const feature = event.features?.[0];
      if (feature) latest.current.onSelect(String(feature.properties.id));
    });
    map.on("mouseenter", PROGRESS_LAYER, () => {
      map.getCanvas().style.cursor = "pointer";
    });
    map.on("mouseleave", PROGRESS_LAYER, () => {
      map.getCanvas().style.cursor = "";
    });
    const unwatch = watchMap(map, "tracking", () => setFailure("lost"));
    return () => {
      unwatch();
      framed.current = false;
      popupRef.current?.remove();
      map.remove();
      mapRef.current = null;
      setLoaded(false);
    };
  }, [failure]);

  useMeasurementOverlay(loaded ? mapRef.current : null, loaded, props.measurements ?? null);
  useFlyTo(loaded ? mapRef.current : null, loaded, props.flyTo ?? null);

  const { points } = props;
  useEffect(() => {
    const map = mapRef.current;
    if (!loaded || !map) return;
    const collection: FeatureCollection<PointGeometry, { id: string; status: TrackingStatus }> = {
      type: "FeatureCollection",
      features: points.map((point) => ({
        type: "Feature",
        geometry: { type: "Point", coordinates: [point.lon, point.lat] },
        properties: { id: point.id, status: point.status },
      })),
    };
    (map.getSource(PROGRESS_SOURCE) as GeoJSONSource).setData(collection);
    if (!framed.current && points.length > 0) {
      framed.current = true;
      let minLon = Infinity,
        minLat = Infinity,
        maxLon = -Infinity,
        maxLat = -Infinity;
      for (const point of points) {
        minLon = Math.min(minLon, point.lon);
        minLat = Math.min(minLat, point.lat);
        maxLon = Math.max(maxLon, point.lon);
        maxLat = Math.max(maxLat, point.lat);
      }
      map.fitBounds(
        [
          [minLon, minLat],
          [maxLon, maxLat],
        ],
        { padding: 30, duration: 0, maxZoom: 11 },
      );
    }
  }, [loaded, points]);

  const { selectedId } = props;
  useEffect(() => {
    const map = mapRef.current;
    const previous = popupRef.current;
    popupRef.current = null;
    previous?.remove();
    if (!loaded || !map || selectedId === null) return;
    const point = latest.current.points.find((candidate) => candidate.id === selectedId);
    if (!point) return;
    const description = latest.current.describePoint(selectedId);
    const popup = new Popup({ closeButton: true, maxWidth: "300px", focusAfterOpen: false })
      .setLngLat([point.lon, point.lat])
      .setDOMContent(buildPopupContent(description.title, description.rows))
      .addTo(map);
    popup.on("close", () => {
      if (popupRef.current === popup) latest.current.onSelect(null);
    });
    popupRef.current = popup;
  }, [loaded, selectedId, points]);

  if (failure) {
    return (
      <div className="map map-unavailable tracking-map" data-testid="progress-map" data-failure={failure} role="status">
        <p>{failure === "no-webgl" ? props.labels.noWebgl : props.labels.contextLost}</p>
        {failure === "lost" && (
          <button type="button" onClick={() => setFailure(null)}>
            {props.labels.redraw}
          </button>
        )}
      </div>
    );
  }
  return (
    <div
      className="map tracking-map"
      data-testid="progress-map"
      data-loaded={loaded ? "true" : "false"}
      ref={containerRef}
      role="region"
      aria-label={props.labels.mapLabel}
    />
  );
}
