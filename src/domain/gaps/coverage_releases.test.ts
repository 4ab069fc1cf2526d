import { describe, expect, it } from "vitest";
import { coverageFeature, makePoint, rectangle } from "../../testing/features.ts";
import { analyzeCoverage } from "./analyze_coverage.ts";
import { selectCoverageReleases } from "./coverage_releases.ts";

const feature = (carrier: string, asOf: string | null, x0: number, x1: number, file: string) =>
  coverageFeature(carrier, "4G", rectangle(x0, 22, x1, 22.1), { asOf, source: { file, featureIndex: 0 } });

const point = (id: string, lon: number) => makePoint(id, lon, 22.05, { kind: "school" });

// October's Viettel 4G covers lon 104.00–104.10; November's withdraws 104.05–104.10.
const october = feature("Viettel", "2026-10-31", 104, 104.1, "viettel_10.geojson");
const november = feature("Viettel", "2026-11-15", 104, 104.05, "viettel_11.geojson");
const vnpt = feature("VNPT", "2026-09-30", 104.2, 104.3, "vnpt.geojson");
const points = [point("inBoth", 104.02), point("withdrawn", 104.07)];

describe("coverage releases", () => {
  it("the latest release of a carrier × technology replaces the earlier one: withdrawn coverage no longer counts", () => {
    const analysis = analyzeCoverage(points, [october, november, vnpt]);
    expect(analysis.layers).toEqual([
      { carrier: "VNPT", technology: "4G", asOf: "2026-09-30" },
      { carrier: "Viettel", technology: "4G", asOf: "2026-11-15" },
    ]);
    // Bit 1 is Viettel 4G.
    expect(Array.from(analysis.masks, (mask) => (mask >> 1) & 1)).toEqual([1, 0]);
    // The order of the files does not matter.
    expect(Array.from(analyzeCoverage(points, [november, october]).masks)).toEqual([1, 0]);
  });

  it("an as-of date picks the latest release on or before it", () => {
    const before = analyzeCoverage(points, [october, november], [], { asOf: "2026-11-01" });
    expect(before.layers).toEqual([{ carrier: "Viettel", technology: "4G", asOf: "2026-10-31" }]);
    expect(Array.from(before.masks)).toEqual([1, 1]);
    const onTheDay = analyzeCoverage(points, [october, november], [], { asOf: "2026-11-15" });
    expect(onTheDay.layers[0].asOf).toBe("2026-11-15");
    // Before every release: the layer has no release in force.
    expect(analyzeCoverage(points, [october, november], [], { asOf: "2026-01-01" }).layers).toEqual([]);
  });

  it("reports each release set aside, with its date, feature count and file, in Vietnamese and English", () => {
    const selection = selectCoverageReleases([october, november, vnpt]);
    expect(selection.inForce).toEqual([november, vnpt]);
    expect(selection.layers.find((layer) => layer.carrier === "Viettel")).toMatchObject({
      inForce: { asOf: "2026-11-15", features: 1 },
      setAside: [{ asOf: "2026-10-31", features: 1, files: ["viettel_10.geojson"], featureNumbers: ["viettel_10.geojson#0"] }],
    });
    expect(selection.issues).toHaveLength(1);
    expect(selection.issues[0]).toMatchObject({ file: "viettel_10.geojson", code: "release_superseded", severity: "warning" });
    expect(selection.issues[0].message.vi).toContain("31/10/2026");
    expect(selection.issues[0].message.vi).toContain("15/11/2026");
    expect(selection.issues[0].message.en).toContain("superseded by the release of 15/11/2026");
    expect(selection.issues[0].message.en).toContain("1 feature(s): 0; file viettel_10.geojson");
    const asOf = selectCoverageReleases([october, november], { asOf: "2026-11-01" });
    expect(asOf.issues.map((issue) => [issue.file, issue.code])).toEqual([["viettel_11.geojson", "release_after_as_of"]]);
  });

  it("an undated release is older than any dated one, and stands alone when it is the only one", () => {
    const undated = feature("Viettel", null, 104, 104.1, "old.geojson");
    expect(selectCoverageReleases([undated, november]).inForce).toEqual([november]);
    expect(selectCoverageReleases([undated]).inForce).toEqual([undated]);
    expect(selectCoverageReleases([undated], { asOf: "2026-01-01" }).inForce).toEqual([undated]);
  });
});
