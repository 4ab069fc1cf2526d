/**
 * The area of interest: Vietnam's extent including the Hoàng Sa and Trường Sa archipelagos,
 * computed from the province boundaries. The longitude range (102.14–117.83) and the latitude
 * range (7.18–23.39) do not overlap, so a swapped pair is recognised with certainty.
 */
export const VIETNAM_BOUNDS = { minLon: 102.14, minLat: 7.18, maxLon: 117.83, maxLat: 23.39 } as const;

/** A longitude/latitude box in degrees. */
export interface Bounds {
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
}

/**
 * Tells whether a position lies in the box (edges included).
 * @param lon - longitude in degrees
 * @param lat - latitude in degrees
 * @param bounds - the box, by default VIETNAM_BOUNDS
 * @returns true when inside or on the edge
 */
export function isInBounds(lon: number, lat: number, bounds: Bounds = VIETNAM_BOUNDS): boolean {
  return lon >= bounds.minLon && lon <= bounds.maxLon && lat >= bounds.minLat && lat <= bounds.maxLat;
}
