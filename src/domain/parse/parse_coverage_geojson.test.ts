import { describe, expect, it } from "vitest";
import type { Position } from "geojson";
import { parseAsOfDate, parseCoverageGeojson } from "./parse_coverage_geojson.ts";
import { signedRingArea } from "./polygon_checks.ts";
import { bowTieRing, rectangleRing } from "../../testing/features.ts";

const file = "coverage.geojson";
const square = rectangleRing(104, 22, 104.1, 22.1);
const bowTie = bowTieRing(104, 22, 104.1, 22.1);

function collection(...features: { properties?: Record<string, unknown>; coordinates?: Position[][]; geometry?: unknown }[]): object {
  return {
    type: "FeatureCollection",
    features: features.map((feature) => ({
      type: "Feature",
      properties: feature.properties ?? {},
      geometry: feature.geometry !== undefined ? feature.geometry : { type: "Polygon", coordinates: feature.coordinates ?? [square] },
    })),
  };
}

function balanced(result: ReturnType<typeof parseCoverageGeojson>): void {
  expect(result.report.read).toBe(result.report.accepted + result.report.rejected);
  expect(result.items).toHaveLength(result.report.accepted);
}

describe("parseCoverageGeojson", () => {
  it("reads carrier, technology and as-of date, canonicalising the carrier and the technology", () => {
    const result = parseCoverageGeojson(
      collection(
        { properties: { carrier: "viettel", technology: "LTE", as_of: "2026-10-31" } },
        { properties: { carrier: "Vinaphone", tech: "wcdma", asOf: "31/10/2026" } },
        { properties: { "nhà mạng": "Mobifone", "công nghệ": "nr", ngày: "2026-10-31T12:00:00Z" } },
        { properties: { carrier: " Nhà mạng X ", technology: "gsm" } },
      ),
      { file },
    );
    expect(result.items.map((item) => [item.carrier, item.technology, item.asOf])).toEqual([
      ["Viettel", "4G", "2026-10-31"],
      ["VNPT", "3G", "2026-10-31"],
      ["MobiFone", "5G", "2026-10-31"],
      ["Nhà mạng X", "2G", null],
    ]);
    expect(result.items[0].source).toEqual({ file, featureIndex: 0 });
    expect(result.report.issues).toEqual([]);
    balanced(result);
  });

  it("uses caller-named properties and defaults for values the file lacks", () => {
    const result = parseCoverageGeojson(collection({ properties: { op: "VNPT", gen: "4g" } }, { properties: {} }), {
      file,
      carrierProperty: "op",
      technologyProperty: "gen",
      carrier: "Gmobile",
      technology: "3G",
      asOf: "2026-01-01",
    });
    expect(result.items.map((item) => [item.carrier, item.technology, item.asOf])).toEqual([
      ["VNPT", "4G", "2026-01-01"],
      ["Gmobile", "3G", "2026-01-01"],
    ]);
  });

  it("rejects a feature without a carrier, or with a missing or unknown technology, giving the reason", () => {
    const result = parseCoverageGeojson(
      collection({ properties: { technology: "4G" } }, { properties: { carrier: "Viettel" } }, { properties: { carrier: "Viettel", technology: "6G" } }),
      { file },
    );
    expect(result.items).toEqual([]);
    expect(result.report.issues.map((issue) => [issue.code, issue.severity, issue.featureIndex])).toEqual([
      ["carrier_missing", "error", 0],
      ["technology_missing", "error", 1],
      ["technology_unknown", "error", 2],
    ]);
    expect(result.report.issues[2].message.en).toContain("6G");
    balanced(result);
  });

  it("closes an unclosed ring and rewinds a clockwise one, with warnings, and keeps the feature", () => {
    const result = parseCoverageGeojson(
      collection(
        { properties: { carrier: "Viettel", technology: "4G" }, coordinates: [square.slice(0, 4)] },
        { properties: { carrier: "Viettel", technology: "4G" }, coordinates: [[...square].reverse()] },
      ),
      { file },
    );
    expect(result.items.map((item) => item.geometry.coordinates)).toEqual([[square], [square]]);
    expect(result.report.issues.map((issue) => [issue.code, issue.featureIndex])).toEqual([
      ["ring_unclosed", 0],
      ["ring_winding", 1],
    ]);
    expect(result.report.warnings).toBe(2);
  });

  it("rejects a ring with fewer than four positions", () => {
    const result = parseCoverageGeojson(
      collection({
        properties: { carrier: "Viettel", technology: "4G" },
        coordinates: [
          [
            [104, 22],
            [104.1, 22],
            [104, 22],
          ],
        ],
      }),
      { file },
    );
    expect(result.report).toMatchObject({ read: 1, accepted: 0, rejected: 1 });
    expect(result.report.issues[0].code).toBe("ring_too_short");
  });

  it("splits a bow-tie into its two lobes by default (the valid interpretation), and the report says so", () => {
    const result = parseCoverageGeojson(collection({ properties: { carrier: "Viettel", technology: "4G" }, coordinates: [bowTie] }), { file });
    const geometry = result.items[0].geometry;
    expect(geometry.type).toBe("MultiPolygon");
    const lobes = geometry.coordinates as Position[][][];
    expect(lobes.map((lobe) => signedRingArea(lobe[0]))).toEqual([expect.closeTo(0.0025, 12), expect.closeTo(0.0025, 12)]);
    expect(result.report.issues.map((issue) => [issue.code, issue.severity])).toEqual([["self_intersection", "warning"]]);
    expect(result.report.issues[0].message.en).toContain("every lobe of a bow-tie is coverage");
    expect(result.report.issues[0].message.vi).toContain("mọi thuỳ");
    expect(result.repairs).toEqual([{ featureIndex: 0, code: "self_intersection", message: result.report.issues[0].message, applied: true }]);
  });

  it("gives the same lobes when the former repair option is set", () => {
    const result = parseCoverageGeojson(collection({ properties: { carrier: "Viettel", technology: "4G" }, coordinates: [bowTie] }), { file, repair: true });
    const geometry = result.items[0].geometry;
    expect(geometry.type).toBe("MultiPolygon");
    const lobes = geometry.coordinates as Position[][][];
    expect(lobes).toHaveLength(2);
    expect(lobes.reduce((sum, lobe) => sum + signedRingArea(lobe[0]), 0)).toBeCloseTo(0.005, 9);
    expect(result.repairs.map((repair) => repair.applied)).toEqual([true]);
    expect(result.report.accepted).toBe(1);
  });

  it("rejects a point geometry in a coverage file", () => {
    const result = parseCoverageGeojson(
      collection({ properties: { carrier: "Viettel", technology: "4G" }, geometry: { type: "Point", coordinates: [104, 22] } }),
      { file },
    );
    expect(result.report.issues.map((issue) => issue.code)).toEqual(["geometry_not_polygon"]);
    balanced(result);
  });

  it("warns on an unreadable as-of date and leaves it empty", () => {
    const result = parseCoverageGeojson(collection({ properties: { carrier: "Viettel", technology: "4G", as_of: "tháng 10" } }), { file });
    expect(result.items[0].asOf).toBeNull();
    expect(result.report.issues.map((issue) => [issue.code, issue.column])).toEqual([["as_of_unreadable", "as_of"]]);
  });

  it("returns one file-level error and read 0 for invalid JSON, an empty file, or JSON that is not GeoJSON", () => {
    for (const [input, code] of [
      ["{not json", "json_invalid"],
      ["", "file_empty"],
      ['{"a":1}', "geojson_invalid"],
    ] as const) {
      const result = parseCoverageGeojson(input, { file });
      expect(result.report).toMatchObject({ read: 0, accepted: 0, rejected: 0 });
      expect(result.report.issues.map((issue) => [issue.code, issue.severity, issue.featureIndex])).toEqual([[code, "error", undefined]]);
    }
  });

  it("warns on an empty FeatureCollection and reads nothing", () => {
    const result = parseCoverageGeojson({ type: "FeatureCollection", features: [] }, { file });
    expect(result.report).toMatchObject({ read: 0, accepted: 0, rejected: 0, warnings: 1 });
    expect(result.report.issues.map((issue) => issue.code)).toEqual(["no_features"]);
  });

  it("reads bytes and a single Feature", () => {
    const feature = { type: "Feature", properties: { carrier: "VNPT", technology: "3G" }, geometry: { type: "Polygon", coordinates: [square] } };
    const result = parseCoverageGeojson(new TextEncoder().encode(JSON.stringify(feature)), { file });
    expect(result.items.map((item) => item.carrier)).toEqual(["VNPT"]);
  });

  it("always balances read = accepted + rejected on random features", () => {
    let seed = 99;
    const random = (): number => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const values = [null, "", "Viettel", "4G", "x", 4, [], {}, [104, 22], [[104, 22]], "LTE", "2026-01-01"];
    const pick = (): unknown => values[Math.floor(random() * values.length)];
    for (let trial = 0; trial < 50; trial++) {
      const features = Array.from({ length: 1 + Math.floor(random() * 6) }, () => {
        const ring = Array.from({ length: Math.floor(random() * 7) }, () => (random() < 0.9 ? [104 + random(), 22 + random()] : pick()));
        return {
          type: "Feature",
          properties: { carrier: pick(), technology: random() < 0.5 ? "4G" : pick(), as_of: pick() },
          geometry: random() < 0.8 ? { type: "Polygon", coordinates: [ring] } : pick(),
        };
      });
      balanced(parseCoverageGeojson({ type: "FeatureCollection", features }, { file, repair: random() < 0.5 }));
    }
  });
});

describe("parseAsOfDate", () => {
  it("reads ISO dates, date-times and day-first dates", () => {
    expect(parseAsOfDate("2026-10-31")).toBe("2026-10-31");
    expect(parseAsOfDate("2026-10-31T23:00:00+07:00")).toBe("2026-10-31");
    expect(parseAsOfDate("05/09/2021")).toBe("2021-09-05");
    expect(parseAsOfDate("2026-02-30")).toBeNull();
  });
});
