/**
 * The bundled data: the sample (synthetic) point list, coverage and listed dead zones, and the
 * admin boundaries used as the offline basemap. Vite copies them into dist/ and gives their URLs.
 */
import samplePointsUrl from "../../data/sample/points.csv?url";
import sampleCoverageUrl from "../../data/sample/coverage.geojson?url";
import sampleNewSitesUrl from "../../data/sample/coverage-new-sites.geojson?url";
import sampleDeadZonesUrl from "../../data/sample/dead_zones.csv?url";
import provincesUrl from "../../data/boundaries/provinces.geojson?url";
import communesUrl from "../../data/boundaries/communes.geojson?url";
import archipelagosUrl from "../../data/boundaries/archipelagos.geojson?url";
import type { LoadedFileKind } from "../workers/messages.ts";

export const SAMPLE_FILES: readonly { kind: LoadedFileKind; name: string; url: string }[] = [
  { kind: "points", name: "points.csv", url: samplePointsUrl },
  { kind: "coverage", name: "coverage.geojson", url: sampleCoverageUrl },
  { kind: "coverage", name: "coverage-new-sites.geojson", url: sampleNewSitesUrl },
];

export const SAMPLE_DEAD_ZONES_URL = sampleDeadZonesUrl;

export const BOUNDARY_URLS = { provinces: provincesUrl, communes: communesUrl, archipelagos: archipelagosUrl };

/**
 * Turns a bundled relative URL into an absolute one, so the worker (whose base URL is its own
 * script) fetches the same file.
 * @param url - a URL from a Vite `?url` import
 * @returns the absolute URL
 */
export function absoluteUrl(url: string): string {
  return new URL(url, document.baseURI).href;
}
