import { describe, expect, it } from "vitest";
import { inspectGeoFileValue, parseCoverageGeojsonPacked } from "../domain/index.ts";
import { containsMarker, inspectScannedCoverage } from "./inspect_scanned.ts";

const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
const disc = (carrier: string) => ({
  type: "Feature",
  properties: { carrier, technology: "4G" },
  geometry: {
    type: "Polygon",
    coordinates: [
      [
        [105, 21],
        [105.1, 21],
        [105.1, 21.1],
        [105, 21],
      ],
    ],
  },
});

describe("the preview of a coverage file by the byte scanner", () => {
  it("gives the kind and the count JSON.parse gives, deferred features included", () => {
    const collection = { type: "FeatureCollection", features: [disc("Viettel"), disc("VNPT"), { ...disc("MobiFone"), id: "a\\u0062" }] };
    const bytes = encode(collection);
    const parsed = inspectGeoFileValue(bytes, "phu-song.geojson");
    expect(parsed.kind).toBe("coverage");
    expect(inspectScannedCoverage(bytes)).toMatchObject({ kind: parsed.kind, featureCount: parsed.featureCount });
  });

  it("hands its scan to the import of the same bytes, which then gives exactly what a fresh scan gives", () => {
    const collection = { type: "FeatureCollection", features: [disc("Viettel"), disc("VNPT"), { ...disc("MobiFone"), id: "a\\u0062" }] };
    const bytes = encode(collection);
    const preview = inspectScannedCoverage(bytes);
    expect(preview).not.toBeNull();
    const fresh = parseCoverageGeojsonPacked(bytes, { file: "phu-song.geojson" });
    const reused = parseCoverageGeojsonPacked(bytes, { file: "phu-song.geojson", scanned: preview!.scanned });
    expect(JSON.parse(JSON.stringify(reused))).toEqual(JSON.parse(JSON.stringify(fresh)));
    expect(reused.items.map((feature) => feature.carrier)).toEqual(["Viettel", "VNPT", "MobiFone"]);
    // The scan given is the one read: another file's scan gives that file's features.
    const other = inspectScannedCoverage(encode({ type: "FeatureCollection", features: [disc("Vietnamobile")] }));
    const taken = parseCoverageGeojsonPacked(bytes, { file: "phu-song.geojson", scanned: other!.scanned });
    expect(taken.items.map((feature) => feature.carrier)).toEqual(["Vietnamobile"]);
  });

  it("leaves to JSON.parse what is not a coverage collection: points, admin areas, a tracking file, invalid JSON", () => {
    const points = {
      type: "FeatureCollection",
      features: [{ type: "Feature", properties: { name: "A" }, geometry: { type: "Point", coordinates: [105, 21] } }],
    };
    expect(inspectScannedCoverage(encode(points))).toBeNull();
    const admin = { type: "FeatureCollection", features: [{ ...disc("x"), properties: { name: "Xã A", code: "1" } }] };
    expect(inspectScannedCoverage(encode(admin))).toBeNull();
    const marked = { type: "FeatureCollection", format: "lom-song-backup", features: [disc("Viettel")] };
    expect(inspectScannedCoverage(encode(marked))).toBeNull();
    expect(inspectScannedCoverage(new TextEncoder().encode('{"type":"FeatureCollection","features":[}'))).toBeNull();
  });

  it("finds a tracking format's marker wherever it is, as a plain substring search does, on random texts", () => {
    const pieces = ['"lom-song-backup"', '"lom-song-updates"', '"lom-song-', "lom-song-backup", '"m"', "mm", '"', "-", "a"];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let round = 0; round < 500; round++) {
      const text = Array.from({ length: Math.floor(next() * 6) }, () => pieces[Math.floor(next() * pieces.length)]).join("");
      const expected = text.includes('"lom-song-backup"') || text.includes('"lom-song-updates"');
      expect(containsMarker(new TextEncoder().encode(text)), text).toBe(expected);
    }
    // At the very start and the very end of the bytes.
    expect(containsMarker(new TextEncoder().encode('"lom-song-updates"'))).toBe(true);
    expect(containsMarker(new TextEncoder().encode('xx"lom-song-backup'))).toBe(false);
  });
});
