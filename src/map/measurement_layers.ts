/**
 * Field measurements and the contradictions they raise, on the tracking map (the map beside the measurements panel):
 * - every measurement as a small dot coloured by its outcome: no service (red), below the speed floor (orange),
 *   service (green), optionally of one carrier only;
 * - every finding as a ring numbered as in the findings table: a listed point the carrier reports on air, with the
 *   search radius drawn around it (purple); a measurement without service inside the carrier's polygons (black); a
 *   measurement with service outside them (blue).
 * Layer specs and data are plain values (tested in Node); the hooks add them once and replace the data.
 */
import { useEffect } from "react";
import type { FeatureCollection, Point as PointGeometry, Polygon } from "geojson";
import type { GeoJSONSource, LayerSpecification, Map as MapLibreMap } from "maplibre-gl";
import type { ContradictionKind } from "../domain/measurements/contradictions.ts";
import type { Measurement } from "../domain/measurements/parse_measurements.ts";
import { siteDiscRing } from "../domain/planning/site_suggestions.ts";
import { isSameCarrier } from "../domain/tracking/carriers.ts";
import { LABEL_FONTS } from "./layers.ts";

export const MEASUREMENT_SOURCE = { points: "measurements", findings: "measurement-findings", rings: "measurement-rings" } as const;
export const MEASUREMENT_LAYER = {
  rings: "measurement-rings-line",
  points: "measurements-circle",
  findings: "measurement-findings-circle",
  labels: "measurement-findings-label",
} as const;

export type MeasurementOutcome = "no_service" | "slow" | "ok";

/** Outcome colours of the dots (each at least 3:1 against the pale basemap). */
export const OUTCOME_COLORS: Readonly<Record<MeasurementOutcome, string>> = { no_service: "#d7191c", slow: "#e66a00", ok: "#1a9641" };

/** Ring colours of the findings, by kind. */
export const FINDING_COLORS: Readonly<Record<ContradictionKind, string>> = {
  claim_contradicted: "#7b3294",
  coverage_no_signal: "#111111",
  service_outside_coverage: "#2166ac",
};

/**
 * A measurement's outcome under a speed floor.
 * @param measurement - the measurement
 * @param minDownloadMbps - the floor (undefined: only no service is bad)
 * @returns no_service, slow or ok
 */
export function measurementOutcome(measurement: Pick<Measurement, "noService" | "downloadMbps">, minDownloadMbps: number | undefined): MeasurementOutcome {
  if (measurement.noService) return "no_service";
  if (minDownloadMbps !== undefined && measurement.downloadMbps !== null && measurement.downloadMbps < minDownloadMbps) return "slow";
  return "ok";
}

/** A finding to draw: its number in the table, kind and position; claims carry the search radius. */
export interface FindingMark {
  number: number;
  kind: ContradictionKind;
  carrier: string;
  lon: number;
  lat: number;
  radiusKm: number | null;
}

/** What the overlay draws. */
export interface MeasurementOverlay {
  measurements: readonly Pick<Measurement, "lon" | "lat" | "carrier" | "noService" | "downloadMbps">[];
  findings: readonly FindingMark[];
  minDownloadMbps?: number;
  /** Only this carrier's measurements and findings (null: all). */
  carrier: string | null;
}

/**
 * The overlay's three collections.
 * @param overlay - measurements, findings, floor and carrier
 * @returns dots, finding marks and the claims' radius rings
 */
export function measurementOverlayData(overlay: MeasurementOverlay): {
  points: FeatureCollection<PointGeometry, { outcome: MeasurementOutcome; carrier: string }>;
  findings: FeatureCollection<PointGeometry, { number: number; kind: ContradictionKind; label: string }>;
  rings: FeatureCollection<Polygon, { number: number }>;
} {
  const keep = (carrier: string) => overlay.carrier === null || isSameCarrier(carrier, overlay.carrier);
  const findings = overlay.findings.filter((finding) => keep(finding.carrier));
  return {
    points: {
      type: "FeatureCollection",
      features: overlay.measurements
        .filter((m) => keep(m.carrier))
        .map((m) => ({
          type: "Feature",
          properties: { outcome: measurementOutcome(m, overlay.minDownloadMbps), carrier: m.carrier },
          geometry: { type: "Point", coordinates: [m.lon, m.lat] },
        })),
    },
    findings: {
      type: "FeatureCollection",
      features: findings.map((finding) => ({
        type: "Feature",
        id: finding.number,
        properties: { number: finding.number, kind: finding.kind, label: String(finding.number) },
        geometry: { type: "Point", coordinates: [finding.lon, finding.lat] },
      })),
    },
    rings: {
      type: "FeatureCollection",
      features: findings
        .filter((finding) => finding.radiusKm !== null && finding.radiusKm > 0)
        .map((finding) => {
          const ring = siteDiscRing(finding.lon, finding.lat, finding.radiusKm as number);
          return {
            type: "Feature",
            id: finding.number,
            properties: { number: finding.number },
            geometry: { type: "Polygon", coordinates: [[...ring, ring[0]]] },
          };
        }),
    },
  };
}

const matchColor = (property: string, colors: Readonly<Record<string, string>>, fallback: string) =>
  ["match", ["get", property], ...Object.entries(colors).flat(), fallback] as never;

/**
 * The overlay's layers, bottom first: radius rings, measurement dots, finding rings, finding numbers.
 * @returns the layer specs
 */
export function measurementOverlayLayers(): LayerSpecification[] {
  return [
    {
      id: MEASUREMENT_LAYER.rings,
      type: "line",
      source: MEASUREMENT_SOURCE.rings,
      paint: { "line-color": FINDING_COLORS.claim_contradicted, "line-width": 2, "line-dasharray": [2, 1] },
    },
    {
      id: MEASUREMENT_LAYER.points,
      type: "circle",
      source: MEASUREMENT_SOURCE.points,
      paint: {
        "circle-radius": ["interpolate", ["linear"], ["zoom"], 5, 3, 12, 5, 16, 7],
        "circle-color": matchColor("outcome", OUTCOME_COLORS, OUTCOME_COLORS.ok),
        "circle-stroke-color": "#202020",
        "circle-stroke-width": 1,
      },
    },
    {
      id: MEASUREMENT_LAYER.findings,
      type: "circle",
      source: MEASUREMENT_SOURCE.findings,
      paint: {
        "circle-radius": ["interpolate", ["linear"], ["zoom"], 5, 8, 12, 12, 16, 14],
        "circle-color": "rgba(255,255,255,0)",
        "circle-stroke-color": matchColor("kind", FINDING_COLORS, "#111111"),
        "circle-stroke-width": 3,
      },
    },
    {
      id: MEASUREMENT_LAYER.labels,
      type: "symbol",
      source: MEASUREMENT_SOURCE.findings,
      layout: { "text-field": ["get", "label"], "text-font": LABEL_FONTS, "text-size": 12, "text-offset": [0, -1.6], "text-allow-overlap": true },
      paint: { "text-color": matchColor("kind", FINDING_COLORS, "#111111"), "text-halo-color": "#ffffff", "text-halo-width": 2 },
    },
  ];
}

const EMPTY_OVERLAY: MeasurementOverlay = { measurements: [], findings: [], carrier: null };

/**
 * Keeps the overlay on a map in step (null or hidden: empty sources, the layers stay).
 * @param map - the map, when created
 * @param loaded - whether its style has loaded
 * @param overlay - what to draw, or null
 */
export function useMeasurementOverlay(map: MapLibreMap | null, loaded: boolean, overlay: MeasurementOverlay | null): void {
  useEffect(() => {
    if (!map || !loaded) return;
    const data = measurementOverlayData(overlay ?? EMPTY_OVERLAY);
    const points = map.getSource(MEASUREMENT_SOURCE.points) as GeoJSONSource | undefined;
    if (points) {
      points.setData(data.points);
      (map.getSource(MEASUREMENT_SOURCE.findings) as GeoJSONSource).setData(data.findings);
      (map.getSource(MEASUREMENT_SOURCE.rings) as GeoJSONSource).setData(data.rings);
    } else {
      map.addSource(MEASUREMENT_SOURCE.points, { type: "geojson", data: data.points });
      map.addSource(MEASUREMENT_SOURCE.findings, { type: "geojson", data: data.findings });
      map.addSource(MEASUREMENT_SOURCE.rings, { type: "geojson", data: data.rings });
      for (const layer of measurementOverlayLayers()) map.addLayer(layer);
    }
    const container = map.getContainer();
    container.dataset.measurements = String(data.points.features.length);
    container.dataset.findings = String(data.findings.features.length);
  }, [map, loaded, overlay]);
}

/** Where to fly: a position, the radius to show around it (km), and a counter so the same place can be asked twice. */
export interface FlyTarget {
  lon: number;
  lat: number;
  radiusKm: number;
  seq: number;
}

/**
 * Flies the map to a target when it changes.
 * @param map - the map, when created
 * @param loaded - whether its style has loaded
 * @param target - the target, or null
 */
export function useFlyTo(map: MapLibreMap | null, loaded: boolean, target: FlyTarget | null): void {
  useEffect(() => {
    if (!map || !loaded || !target) return;
    const dLat = (target.radiusKm * 1.6) / 110.574;
    const dLon = (target.radiusKm * 1.6) / (111.32 * Math.cos((target.lat * Math.PI) / 180));
    map.fitBounds(
      [
        [target.lon - dLon, target.lat - dLat],
        [target.lon + dLon, target.lat + dLat],
      ],
      { padding: 20, maxZoom: 15, duration: 600 },
    );
  }, [map, loaded, target]);
}
