/**
 * Coverage releases: the features of one carrier × technology with one as-of date are one release. The latest
 * release of each carrier × technology is the one in force (optionally the latest on or before an "as of" date);
 * earlier releases are set aside, never unioned with it, so coverage withdrawn in a newer release no longer counts.
 * Features without a date form an undated release, older than any dated one.
 */
import type { ImportIssue } from "../issues.ts";
import { TECHNOLOGIES, type CoverageFeature, type Message, type Technology } from "../types.ts";
import { domainMessage } from "../messages/message.ts";

/** One release of one carrier × technology. */
export interface CoverageRelease {
  carrier: string;
  technology: Technology;
  /** ISO date, or null for the undated release. */
  asOf: string | null;
  features: number;
  /** The files its features came from, in order of first appearance. */
  files: string[];
  /** Its features' numbers in their files (first 20), as "file#number" when it spans several files. */
  featureNumbers: string[];
}

/** The releases of one carrier × technology: the one in force (null when none is on or before the as-of date) and those set aside. */
export interface LayerReleases {
  carrier: string;
  technology: Technology;
  inForce: CoverageRelease | null;
  /** Newest first. */
  setAside: CoverageRelease[];
}

export interface ReleaseSelection {
  /** The features of the releases in force, in their input order. */
  inForce: CoverageFeature[];
  /** Per carrier × technology (sorted by carrier, then technology). */
  layers: LayerReleases[];
  /** One warning per release set aside (file: the release's first file; no feature number: the whole release). */
  issues: ImportIssue[];
}

/**
 * Formats an ISO date as DD/MM/YYYY (the way the app and the reports show release dates).
 * @param date - YYYY-MM-DD
 * @returns DD/MM/YYYY
 */
export function formatReleaseDate(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : date;
}

/**
 * Picks the release in force per carrier × technology.
 * @param features - coverage features of any number of files and releases
 * @param options - `asOf` (YYYY-MM-DD): the latest release on or before that date is in force; later ones are set aside
 * @returns the features in force, the releases per layer and a warning per release set aside
 * @example
 * ```ts
 * const { inForce, issues } = selectCoverageReleases([...october, ...november]);
 * // inForce: November's features only; issues: October's release set aside
 * ```
 */
export function selectCoverageReleases(features: readonly CoverageFeature[], options: { asOf?: string } = {}): ReleaseSelection {
  const byLayer = new Map<string, Map<string, CoverageRelease>>();
  for (const feature of features) {
    const layerKey = `${feature.carrier}\u0000${feature.technology}`;
    let releases = byLayer.get(layerKey);
    if (!releases) byLayer.set(layerKey, (releases = new Map()));
    const releaseKey = feature.asOf ?? "";
    let release = releases.get(releaseKey);
    if (!release)
      releases.set(
        releaseKey,
        (release = { carrier: feature.carrier, technology: feature.technology, asOf: feature.asOf, features: 0, files: [], featureNumbers: [] }),
      );
    release.features++;
    if (!release.files.includes(feature.source.file)) release.files.push(feature.source.file);
    if (release.featureNumbers.length < 20) release.featureNumbers.push(`${feature.source.file}#${feature.source.featureIndex}`);
  }
  const layers: LayerReleases[] = [];
  const chosen = new Map<string, string>();
  for (const [layerKey, releases] of byLayer) {
    // Newest first; the undated release ("") sorts last.
    const ordered = [...releases.entries()].sort((a, b) => (a[0] === b[0] ? 0 : a[0] === "" ? 1 : b[0] === "" ? -1 : a[0] < b[0] ? 1 : -1));
    const eligible = ordered.find(([key]) => options.asOf === undefined || key === "" || key <= options.asOf);
    const first = ordered[0][1];
    layers.push({
      carrier: first.carrier,
      technology: first.technology,
      inForce: eligible ? eligible[1] : null,
      setAside: ordered.filter((entry) => entry !== eligible).map(([, release]) => release),
    });
    if (eligible) chosen.set(layerKey, eligible[0]);
  }
  layers.sort((a, b) => (a.carrier < b.carrier ? -1 : a.carrier > b.carrier ? 1 : TECHNOLOGIES.indexOf(a.technology) - TECHNOLOGIES.indexOf(b.technology)));
  const inForce = features.filter((feature) => chosen.get(`${feature.carrier}\u0000${feature.technology}`) === (feature.asOf ?? ""));
  const issues: ImportIssue[] = [];
  for (const layer of layers) {
    for (const release of layer.setAside) issues.push(setAsideIssue(layer, release, options.asOf));
  }
  return { inForce, layers, issues };
}

function releaseName(release: { asOf: string | null }): Message {
  return release.asOf === null ? domainMessage("releases.undated") : domainMessage("releases.dated", { date: formatReleaseDate(release.asOf) });
}

function setAsideIssue(layer: LayerReleases, release: CoverageRelease, asOf: string | undefined): ImportIssue {
  const name = `${layer.carrier} ${layer.technology}`;
  const single = release.files.length === 1;
  const numbers =
    release.featureNumbers.map((entry) => (single ? entry.slice(entry.lastIndexOf("#") + 1) : entry)).join(", ") +
    (release.features > release.featureNumbers.length ? ", …" : "");
  const what = domainMessage("releases.description", {
    release: releaseName(release),
    features: release.features,
    numbers,
    files: release.files.join(", "),
  });
  const later = asOf !== undefined && release.asOf !== null && release.asOf > asOf;
  let message: { vi: string; en: string };
  if (later) {
    const inForce = layer.inForce ? domainMessage("releases.in_force", { release: releaseName(layer.inForce) }) : domainMessage("releases.none_before");
    message = domainMessage("releases.after_as_of", { name, what, date: formatReleaseDate(asOf), inForce });
  } else {
    const current = layer.inForce as CoverageRelease;
    message = domainMessage("releases.superseded", {
      name,
      what,
      release: releaseName(current),
    });
  }
  return { file: release.files[0], code: later ? "release_after_as_of" : "release_superseded", severity: "warning", message };
}
