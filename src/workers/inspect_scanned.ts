/**
 * The import preview of a coverage FeatureCollection from the byte scanner (src/domain/parse/scan_geojson.ts) instead
 * of JSON.parse. A national coverage file is about 100 MB: parsed, it is some 4 million small arrays (hundreds of MB
 * in the worker and a second or more of its time) that the import never uses, since a coverage file is imported from
 * its bytes by the same scanner. The preview needs only the kind and the number of features, which the scanned
 * features give exactly (their properties as JSON.parse reads them, and their geometry type).
 *
 * Plain module, unit-tested in Node.
 */
import { inspectParsedGeoValue, type FileKind } from "../domain/index.ts";
import { scanFeatureCollection, type ScannedCollection } from "../domain/parse/scan_geojson.ts";

/** The tracking formats' markers: a file naming one is read the JSON.parse way, where its `format` member decides. */
const FORMAT_MARKERS = ['"lom-song-backup"', '"lom-song-updates"'].map((marker) => Uint8Array.from(marker, (character) => character.charCodeAt(0)));
/**
 * Where the markers are looked for from: their "m", a letter, which a coverage file holds only in its few property
 * texts. Looking for their first byte instead (a quote, 30 of them a feature) took half a second on a 96 MB file.
 */
const ANCHOR = FORMAT_MARKERS[0].indexOf("m".charCodeAt(0));

/** Whether `bytes` hold one of the markers (all with their anchor byte at ANCHOR). */
export function containsMarker(bytes: Uint8Array, markers: readonly Uint8Array[] = FORMAT_MARKERS): boolean {
  const anchor = markers[0][ANCHOR];
  for (let at = bytes.indexOf(anchor, ANCHOR); at >= 0; at = bytes.indexOf(anchor, at + 1)) {
    const start = at - ANCHOR;
    for (const marker of markers) {
      if (start + marker.length > bytes.length) continue;
      let k = 0;
      while (k < marker.length && bytes[start + k] === marker[k]) k++;
      if (k === marker.length) return true;
    }
  }
  return false;
}

/**
 * The kind and feature count of a coverage file read by the byte scanner.
 * @param bytes - the file (UTF-8 GeoJSON)
 * @returns the kind ("coverage"), the number of features and the scan itself (the import of the same bytes reuses
 *   it: parseCoverageGeojson's `scanned` option), or null when the file is not a coverage
 *   FeatureCollection the scanner reads (the caller then parses it, as before)
 */
export function inspectScannedCoverage(bytes: Uint8Array): { kind: FileKind; featureCount: number; scanned: ScannedCollection } | null {
  if (containsMarker(bytes)) return null;
  const scanned = scanFeatureCollection(bytes);
  if (!scanned) return null;
  // What the kind is decided from: each feature's geometry type and properties (a deferred feature as JSON.parse read it).
  const features = scanned.features.map((feature) =>
    feature.kind === "scanned" ? { type: "Feature", properties: feature.properties, geometry: { type: feature.geometry.type } } : feature.value,
  );
  // Read as they are, not written out as JSON and parsed again (half a second for the national file): the scanned
  // properties are already what JSON.parse gives, and the kind reads nothing else.
  const { kind, featureCount } = inspectParsedGeoValue({ type: "FeatureCollection", features });
  return kind === "coverage" && featureCount !== null ? { kind, featureCount, scanned } : null;
}
