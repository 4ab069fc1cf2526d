import { describe, expect, it } from "vitest";
import { distanceKm } from "../domain/planning/site_suggestions.ts";
import { measurementOutcome, measurementOverlayData, measurementOverlayLayers, MEASUREMENT_SOURCE } from "./measurement_layers.ts";
import { changeKind, compareOverlayData } from "./compare_overlay.ts";

const m = (carrier: string, noService: boolean, downloadMbps: number | null, lon = 104, lat = 22) => ({ carrier, noService, downloadMbps, lon, lat });

describe("measurement overlay", () => {
  it("colours a measurement by outcome: no service, below the floor, service", () => {
    expect(measurementOutcome(m("Viettel", true, null), 5)).toBe("no_service");
    expect(measurementOutcome(m("Viettel", false, 4.9), 5)).toBe("slow");
    expect(measurementOutcome(m("Viettel", false, 5), 5)).toBe("ok");
    // No floor: a slow measurement is service; an unknown speed is never "slow".
    expect(measurementOutcome(m("Viettel", false, 0.1), undefined)).toBe("ok");
    expect(measurementOutcome(m("Viettel", false, null), 5)).toBe("ok");
  });

  it("draws every measurement and finding, or one carrier's, with a ring of the radius around claims only", () => {
    const overlay = {
      measurements: [m("Viettel", true, null), m("VNPT", false, 2), m("viettel", false, 30)],
      findings: [
        { number: 1, kind: "claim_contradicted" as const, carrier: "Viettel", lon: 104.1, lat: 22.2, radiusKm: 0.5 },
        { number: 2, kind: "service_outside_coverage" as const, carrier: "VNPT", lon: 104, lat: 22, radiusKm: null },
      ],
      minDownloadMbps: 5,
      carrier: null,
    };
    const all = measurementOverlayData(overlay);
    expect(all.points.features.map((feature) => feature.properties.outcome)).toEqual(["no_service", "slow", "ok"]);
    expect(all.findings.features.map((feature) => [feature.properties.label, feature.properties.kind])).toEqual([
      ["1", "claim_contradicted"],
      ["2", "service_outside_coverage"],
    ]);
    expect(all.rings.features).toHaveLength(1);
    const ring = all.rings.features[0].geometry.coordinates[0];
    expect(ring[0]).toEqual(ring[ring.length - 1]);
    for (const [lon, lat] of ring) expect(distanceKm(104.1, 22.2, lon, lat)).toBeCloseTo(0.5, 2);

    const viettel = measurementOverlayData({ ...overlay, carrier: "Viettel" });
    // The carrier names compare as the registry compares them (case and spacing aside).
    expect(viettel.points.features.map((feature) => feature.properties.outcome)).toEqual(["no_service", "ok"]);
    expect(viettel.findings.features.map((feature) => feature.properties.number)).toEqual([1]);
  });

  it("puts every layer on one of its three sources", () => {
    const sources = new Set<string>(Object.values(MEASUREMENT_SOURCE));
    for (const layer of measurementOverlayLayers()) expect(sources.has((layer as { source: string }).source)).toBe(true);
  });
});

describe("compare overlay", () => {
  it("marks gained, lost and both", () => {
    expect([changeKind({ gained: 1, lost: 0 }), changeKind({ gained: 0, lost: 2 }), changeKind({ gained: 1, lost: 1 })]).toEqual(["gained", "lost", "both"]);
    const data = compareOverlayData([{ index: 4, lon: 104, lat: 22, gained: 0, lost: 1 }]);
    expect(data.features[0]).toMatchObject({ id: 4, properties: { index: 4, change: "lost" }, geometry: { coordinates: [104, 22] } });
  });
});
