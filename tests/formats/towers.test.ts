import { readFileSync } from "node:fs";
import booleanPointInPolygon from "@turf/boolean-point-in-polygon";
import { describe, expect, it } from "vitest";
import { parseCoverageGeojson } from "../../src/domain/parse/parse_coverage_geojson.ts";
import { discRing, parseTowerRadius } from "../../src/domain/formats/towers.ts";

const csv = readFileSync(new URL("../fixtures/formats/opencellid_452.csv", import.meta.url), "utf8");

function km(a: readonly number[], b: readonly number[]): number {
  const φ1 = (a[1] * Math.PI) / 180;
  const φ2 = (b[1] * Math.PI) / 180;
  const h = Math.sin((φ2 - φ1) / 2) ** 2 + Math.cos(φ1) * Math.cos(φ2) * Math.sin(((b[0] - a[0]) * Math.PI) / 180 / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
}

describe("OpenCelliD tower lists as estimated coverage", () => {
  it("reads MCC 452 cells as discs labelled (ước tính), one layer per carrier and technology; other rows are reported", () => {
    const result = parseCoverageGeojson(csv, { file: "opencellid_452.csv" });
    expect(result.report).toMatchObject({ read: 4, accepted: 4, rejected: 0 });
    expect(result.report.detected).toMatchObject({ format: "opencellid", estimated: true });
    expect(result.report.issues.map((issue) => issue.code)).toEqual(["towers_other_country", "towers_unknown_network"]);
    expect(result.report.issues[0].message.en).toContain("MCC 456: 1");
    expect(result.items.map((feature) => [feature.carrier, feature.technology, feature.asOf, feature.estimated])).toEqual([
      ["Viettel (ước tính)", "4G", "2025-12-31", true],
      ["VNPT (ước tính)", "2G", "2025-12-31", true],
      ["MobiFone (ước tính)", "3G", "2025-12-31", true],
      ["Vietnamobile (ước tính)", "5G", "2025-12-31", true],
    ]);
    // Default radii: 4G 4 km, 2G 12 km; 48 vertices, all at the radius.
    const ring = (result.items[0].geometry.coordinates as number[][][])[0];
    expect(ring.length).toBe(49);
    for (const position of ring) expect(km(position, [103.972, 22.486])).toBeCloseTo(4, 3);
    expect(booleanPointInPolygon([103.9712, 22.4856], result.items[0].geometry)).toBe(true);
    expect(booleanPointInPolygon([104.02, 22.486], result.items[0].geometry)).toBe(false);
  });
  it("takes radii per technology, or the file's range clamped", () => {
    const radius = parseTowerRadius("2G=20,4G=1.5");
    expect(radius).toEqual({ ok: true, value: { "2G": 20, "4G": 1.5 } });
    const chosen = parseCoverageGeojson(csv, { file: "a.csv", towers: { radiusKm: radius.ok ? radius.value : {} } });
    expect(km((chosen.items[0].geometry.coordinates as number[][][])[0][0], [103.972, 22.486])).toBeCloseTo(1.5, 3);
    expect(km((chosen.items[1].geometry.coordinates as number[][][])[0][0], [104.03, 22.3])).toBeCloseTo(20, 3);
    const ranged = parseCoverageGeojson(csv, { file: "a.csv", towers: { useRange: true } });
    expect(
      ranged.items.map(
        (feature) => Math.round(km((feature.geometry.coordinates as number[][][])[0][0], (feature.geometry.coordinates as number[][][])[0][12]) * 1000) / 1000,
      ),
    ).toHaveLength(4);
    expect(km((ranged.items[0].geometry.coordinates as number[][][])[0][0], [103.972, 22.486])).toBeCloseTo(1.5, 3);
    expect(km((ranged.items[3].geometry.coordinates as number[][][])[0][0], [104.5, 21])).toBeCloseTo(0.3, 3);
    expect(parseTowerRadius("4G=abc").ok).toBe(false);
  });
  it("draws discs counter-clockwise (RFC 7946): no winding warning", () => {
    const ring = discRing(105, 21, 2, 32);
    let area = 0;
    for (let i = 0; i < ring.length - 1; i++) area += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
    expect(area).toBeGreaterThan(0);
  });
});
