/**
 * The suggested new sites on the main map: one disc per site (its radius) and a label with its rank and gain.
 * Layer specs are plain data (tested in Node); useSiteOverlay adds them to the map once and replaces the data.
 */
import { useEffect } from "react";
import type { FeatureCollection, Point as PointGeometry, Polygon } from "geojson";
import type { GeoJSONSource, LayerSpecification, Map as MapLibreMap } from "maplibre-gl";
import { siteDiscRing } from "../domain/planning/site_suggestions.ts";
import { LABEL_FONTS } from "./layers.ts";

export const SITE_SOURCE = { discs: "suggested-site-discs", labels: "suggested-site-labels" } as const;
export const SITE_LAYER = { fill: "suggested-site-fill", line: "suggested-site-line", label: "suggested-site-label" } as const;

/** A site to draw: position, radius, and its label text ("1 · +1.381 học sinh"). */
export interface SiteOverlaySite {
  rank: number;
  lon: number;
  lat: number;
  radiusKm: number;
  label: string;
}

/**
 * The overlay's two collections: disc polygons and label points.
 * @param sites - the sites
 * @returns discs and labels as GeoJSON
 */
export function siteOverlayData(sites: readonly SiteOverlaySite[]): {
  discs: FeatureCollection<Polygon, { rank: number }>;
  labels: FeatureCollection<PointGeometry, { rank: number; label: string }>;
} {
  return {
    discs: {
      type: "FeatureCollection",
      features: sites.map((site) => ({
        type: "Feature",
        id: site.rank,
        properties: { rank: site.rank },
        geometry: { type: "Polygon", coordinates: [siteDiscRing(site.lon, site.lat, site.radiusKm)] },
      })),
    },
    labels: {
      type: "FeatureCollection",
      features: sites.map((site) => ({
        type: "Feature",
        id: site.rank,
        properties: { rank: site.rank, label: site.label },
        geometry: { type: "Point", coordinates: [site.lon, site.lat] },
      })),
    },
  };
}

/**
 * The overlay's layers: a translucent violet disc with a dashed outline, and the label above everything.
 * @returns the layer specs, bottom first
 */
export function siteOverlayLayers(): LayerSpecification[] {
  return [
    { id: SITE_LAYER.fill, type: "fill", source: SITE_SOURCE.discs, paint: { "fill-color": "#6a3d9a", "fill-opacity": 0.18 } },
    { id: SITE_LAYER.line, type: "line", source: SITE_SOURCE.discs, paint: { "line-color": "#6a3d9a", "line-width": 2, "line-dasharray": [2, 1] } },
    {
      id: SITE_LAYER.label,
      type: "symbol",
      source: SITE_SOURCE.labels,
      layout: { "text-field": ["get", "label"], "text-font": LABEL_FONTS, "text-size": 13, "text-allow-overlap": true, "text-max-width": 12 },
      paint: { "text-color": "#3f1d66", "text-halo-color": "#ffffff", "text-halo-width": 2 },
    },
  ];
}

/**
 * Keeps the overlay on a map in step with the sites (none: empty sources, the layers stay).
 * @param map - the map, when created
 * @param loaded - whether its style has loaded
 * @param sites - the sites to draw
 */
export function useSiteOverlay(map: MapLibreMap | null, loaded: boolean, sites: readonly SiteOverlaySite[]): void {
  useEffect(() => {
    if (!map || !loaded) return;
    const data = siteOverlayData(sites);
    const discs = map.getSource(SITE_SOURCE.discs) as GeoJSONSource | undefined;
    if (discs) {
      discs.setData(data.discs);
      (map.getSource(SITE_SOURCE.labels) as GeoJSONSource).setData(data.labels);
    } else {
      map.addSource(SITE_SOURCE.discs, { type: "geojson", data: data.discs });
      map.addSource(SITE_SOURCE.labels, { type: "geojson", data: data.labels });
      for (const layer of siteOverlayLayers()) map.addLayer(layer);
    }
    const container = map.getContainer();
    container.dataset.sites = String(sites.length);
  }, [map, loaded, sites]);
}
