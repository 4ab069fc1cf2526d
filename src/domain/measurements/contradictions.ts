/**
 * Measurements against claims: where field measurements contradict what a carrier says.
 *
 * - `claim_contradicted`: a listed point the carrier reports on air (on_air or verified), with measurements of that
 *   carrier within `radiusKm`, dated on or after the claim (undated ones count), of which at least as many are
 *   bad (no service, or download below `minDownloadMbps`) as good, and at least one is bad.
 * - `coverage_no_signal`: a measurement showing no service from a carrier, inside that carrier's coverage polygons
 *   (at or above `minTechnology`).
 * - `service_outside_coverage`: a measurement showing a carrier's service at technology T, outside every polygon of
 *   that carrier at T or above (the coverage release understates).
 *
 * Each finding carries the point or polygon, the claim, the measurements and the coverage release (file and as-of
 * date): a "hồ sơ phản biện" (challenge packet), written by challengePacketCsv / challengePacketGeojson.
 */
import type { Feature, FeatureCollection, Point as PointGeometry } from "geojson";
import Flatbush from "flatbush";
import { toCsv, type CsvSeparator } from "../export/to_csv.ts";
import { distanceKm } from "../planning/site_suggestions.ts";
import { isSameCarrier } from "../tracking/carriers.ts";
import type { ListedPoint } from "../tracking/registry.ts";
import type { TrackingStates } from "../tracking/replay.ts";
import { buildCoverageIndex, queryCoverageMasks } from "../spatial/coverage_index.ts";
import { TECHNOLOGIES, type CoverageFeature, type Technology } from "../types.ts";
import type { Measurement } from "./parse_measurements.ts";
import { domainMessage } from "../messages/message.ts";

export type ContradictionKind = "claim_contradicted" | "coverage_no_signal" | "service_outside_coverage";

/** One finding. */
export interface Contradiction {
  kind: ContradictionKind;
  carrier: string;
  /** The listed point (claim_contradicted). */
  pointId?: string;
  lon: number;
  lat: number;
  /** What the carrier claims, in both languages. */
  claim: { vi: string; en: string };
  /** Indices into the measurements: the contradicting ones (and, for a claim, the good ones after them). */
  measurements: number[];
  bad: number;
  good: number;
  /** The coverage release the claim or the finding refers to: files and as-of dates of the carrier's layers. */
  release: string;
}

/** Options of findContradictions. */
export interface ContradictionOptions {
  /** Measurements within this distance of a listed point count for it (default 0.5 km). */
  radiusKm?: number;
  /** A download below this speed counts as bad (default: only "no service" is bad). */
  minDownloadMbps?: number;
  /** Only coverage at or above this technology counts (default: any). */
  minTechnology?: Technology;
}

function isBad(measurement: Measurement, minDownloadMbps: number | undefined): boolean {
  if (measurement.noService) return true;
  return minDownloadMbps !== undefined && measurement.downloadMbps !== null && measurement.downloadMbps < minDownloadMbps;
}

function releaseOf(coverage: readonly CoverageFeature[], carrier: string): string {
  const seen = new Set<string>();
  for (const feature of coverage) {
    if (!isSameCarrier(feature.carrier, carrier)) continue;
    seen.add(`${feature.source.file}${feature.asOf ? ` (${feature.asOf})` : ""}`);
  }
  return [...seen].join("; ");
}

/**
 * Finds the contradictions.
 * @param measurements - the measurements
 * @param coverage - the coverage release(s)
 * @param registry - the listed points (may be empty)
 * @param states - their states (for the on-air claims)
 * @param options - radius, speed floor, minimum technology
 * @returns the findings: claims first (registry order), then measurements in file order
 */
export function findContradictions(
  measurements: readonly Measurement[],
  coverage: readonly CoverageFeature[],
  registry: readonly ListedPoint[],
  states: TrackingStates,
  options: ContradictionOptions = {},
): Contradiction[] {
  const radiusKm = options.radiusKm ?? 0.5;
  const minimum = options.minTechnology ? TECHNOLOGIES.indexOf(options.minTechnology) : 0;
  const counted = coverage.filter((feature) => TECHNOLOGIES.indexOf(feature.technology) >= minimum);
  const findings: Contradiction[] = [];

  // 1. Claims: on-air points with bad measurements around them.
  if (registry.length > 0 && measurements.length > 0) {
    const index = new Flatbush(measurements.length);
    for (const m of measurements) index.add(m.lon, m.lat, m.lon, m.lat);
    index.finish();
    const dLat = (radiusKm / 110.574) * 1.001;
    for (const point of registry) {
      const state = states[point.id];
      if (!state || (state.status !== "on_air" && state.status !== "verified")) continue;
      const claimDate = state.since;
      const dLon = (radiusKm / (111.32 * Math.cos((Math.min(89, Math.abs(point.lat) + dLat) * Math.PI) / 180))) * 1.001;
      const near = index
        .search(point.lon - dLon, point.lat - dLat, point.lon + dLon, point.lat + dLat)
        .filter((k) => {
          const m = measurements[k];
          return (
            isSameCarrier(m.carrier, point.carrier) &&
            distanceKm(point.lon, point.lat, m.lon, m.lat) <= radiusKm &&
            (claimDate === null || m.date === null || m.date >= claimDate)
          );
        })
        .sort((a, b) => a - b);
      const bad = near.filter((k) => isBad(measurements[k], options.minDownloadMbps));
      const good = near.length - bad.length;
      if (bad.length === 0 || bad.length < good) continue;
      const technology = state.technology ? ` ${state.technology}` : "";
      findings.push({
        kind: "claim_contradicted",
        carrier: point.carrier,
        pointId: point.id,
        lon: point.lon,
        lat: point.lat,
        claim: domainMessage("measurements.claim_on_air", {
          carrier: point.carrier,
          id: point.id,
          technology,
          since: claimDate ? domainMessage("measurements.claim_since", { claimDate }) : "",
        }),
        measurements: near,
        bad: bad.length,
        good,
        release: releaseOf(counted, point.carrier),
      });
    }
  }

  // 2 and 3. Each measurement against its carrier's polygons.
  if (measurements.length > 0 && counted.length > 0) {
    const coverageIndex = buildCoverageIndex(counted);
    const masks = queryCoverageMasks(
      coverageIndex,
      Float64Array.from(measurements, (m) => m.lon),
      Float64Array.from(measurements, (m) => m.lat),
    );
    const layers = coverageIndex.layers;
    measurements.forEach((m, k) => {
      const base = k * coverageIndex.words;
      let insideAny = false;
      let insideAtTechnology = false;
      let asOf: string | null = null;
      for (let l = 0; l < layers.length; l++) {
        if (!isSameCarrier(layers[l].carrier, m.carrier)) continue;
        if (((masks[base + (l >> 5)] >>> (l & 31)) & 1) === 0) continue;
        insideAny = true;
        asOf = layers[l].asOf ?? asOf;
        if (m.technology !== null && TECHNOLOGIES.indexOf(layers[l].technology) >= TECHNOLOGIES.indexOf(m.technology)) insideAtTechnology = true;
      }
      const hasCarrierCoverage = layers.some((layer) => isSameCarrier(layer.carrier, m.carrier));
      if (m.noService && insideAny) {
        findings.push({
          kind: "coverage_no_signal",
          carrier: m.carrier,
          lon: m.lon,
          lat: m.lat,
          claim: domainMessage("measurements.coverage_includes", {
            carrier: m.carrier,
            asOf: asOf ? domainMessage("measurements.coverage_as_of", { asOf }) : "",
          }),
          measurements: [k],
          bad: 1,
          good: 0,
          release: releaseOf(counted, m.carrier),
        });
      } else if (!m.noService && m.technology !== null && hasCarrierCoverage && !insideAtTechnology && TECHNOLOGIES.indexOf(m.technology) >= minimum) {
        findings.push({
          kind: "service_outside_coverage",
          carrier: m.carrier,
          lon: m.lon,
          lat: m.lat,
          claim: domainMessage("measurements.coverage_claim", { technology: m.technology, carrier: m.carrier }),
          measurements: [k],
          bad: 0,
          good: 1,
          release: releaseOf(counted, m.carrier),
        });
      }
    });
  }
  return findings;
}

/** Labels of the kinds, Vietnamese first. */
export const CONTRADICTION_LABELS: Readonly<Record<ContradictionKind, { vi: string; en: string }>> = {
  claim_contradicted: domainMessage("measurements.claim_contradicted"),
  coverage_no_signal: domainMessage("measurements.coverage_no_signal"),
  service_outside_coverage: domainMessage("measurements.service_outside_coverage"),
};

const PACKET_COLUMNS = [
  "finding",
  "kind",
  "carrier",
  "point_id",
  "lon",
  "lat",
  "claim",
  "coverage_release",
  "bad",
  "good",
  "measured_at",
  "measured_lon",
  "measured_lat",
  "measured_technology",
  "download_mbps",
  "upload_mbps",
  "signal_dbm",
  "measurement_file",
  "measurement_row",
];

/**
 * The challenge packet as CSV: one row per (finding, measurement), formula-safe.
 * @param findings - the findings
 * @param measurements - the measurements they index
 * @param language - the language of the claim and kind texts
 * @param separator - comma or semicolon
 * @returns the CSV text
 */
export function challengePacketCsv(
  findings: readonly Contradiction[],
  measurements: readonly Measurement[],
  language: "vi" | "en",
  separator: CsvSeparator = "comma",
): string {
  const rows: (string | number | null)[][] = [];
  findings.forEach((finding, f) => {
    for (const k of finding.measurements) {
      const m = measurements[k];
      rows.push([
        f + 1,
        CONTRADICTION_LABELS[finding.kind][language],
        finding.carrier,
        finding.pointId ?? "",
        finding.lon,
        finding.lat,
        finding.claim[language],
        finding.release,
        finding.bad,
        finding.good,
        m.time,
        m.lon,
        m.lat,
        m.noService ? domainMessage("measurements.no_service")[language] : (m.technology ?? ""),
        m.downloadMbps,
        m.uploadMbps,
        m.signalDbm,
        m.source.file,
        m.source.row,
      ]);
    }
  });
  return toCsv(PACKET_COLUMNS, rows, { separator });
}

/**
 * The challenge packet as GeoJSON: each finding's position (kind "finding") and each of its measurements (kind
 * "measurement", with the finding's number).
 * @param findings - the findings
 * @param measurements - the measurements they index
 * @param language - the language of the texts
 * @returns the collection
 */
export function challengePacketGeojson(
  findings: readonly Contradiction[],
  measurements: readonly Measurement[],
  language: "vi" | "en",
): FeatureCollection<PointGeometry, Record<string, string | number | null>> {
  const features: Feature<PointGeometry, Record<string, string | number | null>>[] = [];
  findings.forEach((finding, f) => {
    features.push({
      type: "Feature",
      geometry: { type: "Point", coordinates: [finding.lon, finding.lat] },
      properties: {
        role: "finding",
        finding: f + 1,
        kind: finding.kind,
        label: CONTRADICTION_LABELS[finding.kind][language],
        carrier: finding.carrier,
        point_id: finding.pointId ?? null,
        claim: finding.claim[language],
        coverage_release: finding.release,
        bad: finding.bad,
        good: finding.good,
      },
    });
    for (const k of finding.measurements) {
      const m = measurements[k];
      features.push({
        type: "Feature",
        geometry: { type: "Point", coordinates: [m.lon, m.lat] },
        properties: {
          role: "measurement",
          finding: f + 1,
          carrier: m.carrier,
          time: m.time,
          technology: m.noService ? "none" : m.technology,
          download_mbps: m.downloadMbps,
          upload_mbps: m.uploadMbps,
          signal_dbm: m.signalDbm,
          file: m.source.file,
          row: m.source.row,
        },
      });
    }
  });
  return { type: "FeatureCollection", features };
}
