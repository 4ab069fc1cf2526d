import { describe, expect, it } from "vitest";
import booleanPointInPolygon from "@turf/boolean-point-in-polygon";
import { readCsvTable } from "../parse/read_csv_table.ts";
import { distanceKm } from "../planning/site_suggestions.ts";
import { createStatusEvent } from "../tracking/events.ts";
import { replay } from "../tracking/replay.ts";
import { makeListedPoint } from "../../testing/listed_points.ts";
import { createRandom } from "../../testing/seeded_random.ts";
import { TECHNOLOGIES, type CoverageFeature, type Technology } from "../types.ts";
import { challengePacketCsv, challengePacketGeojson, findContradictions } from "./contradictions.ts";
import { parseMeasurementsCsv, type Measurement } from "./parse_measurements.ts";
import { squarePolygon } from "../../testing/features.ts";

describe("parseMeasurementsCsv", () => {
  it("reads English and Vietnamese headers, decimal commas and 'mất sóng'; rejects rows with a reason (read = accepted + rejected)", () => {
    const text = [
      "Thời gian;Vĩ độ;Kinh độ;Nhà mạng;Công nghệ;Tải xuống;Tải lên;Tín hiệu",
      "2026-11-02 09:00;22,1;104,2;viettel;LTE;12,5;3,1;-95",
      "2026-11-02 09:05;22,11;104,21;VNPT;mất sóng;;;",
      "2026-11-02 09:10;;104,2;VNPT;4G;1;1;-100",
      "2026-11-02 09:15;22,1;104,2;MobiFone;6G;1;1;-100",
      "2026-11-02 09:20;22,1;104,2;;4G;1;1;-100",
    ].join("\n");
    const { items, report } = parseMeasurementsCsv(text, { file: "do-kiem.csv" });
    expect(report.read).toBe(5);
    expect(report.accepted + report.rejected).toBe(report.read);
    expect(report.issues.filter((issue) => issue.severity === "error").map((issue) => [issue.row, issue.code])).toEqual([
      [3, "coordinate_unreadable"],
      [4, "technology_unreadable"],
      [5, "carrier_missing"],
    ]);
    expect(items.map((m) => [m.carrier, m.technology, m.noService, m.downloadMbps, m.uploadMbps, m.signalDbm, m.date])).toEqual([
      ["Viettel", "4G", false, 12.5, 3.1, -95, "2026-11-02"],
      ["VNPT", null, true, null, null, null, "2026-11-02"],
    ]);
  });

  it("reads a G-NetTrack Pro log (tab-separated, bit rates in kbit/s)", () => {
    const text = [
      "Timestamp\tLongitude\tLatitude\tSpeed\tOperatorname\tNetworkTech\tLevel\tDL_bitrate\tUL_bitrate",
      "2026.11.03_10.47.29\t104.2\t22.1\t0\tViettel\t4G\t-97\t15300\t2100",
    ].join("\n");
    const { items, report } = parseMeasurementsCsv(text, { file: "gnettrack.txt" });
    expect(report.accepted).toBe(1);
    expect(items[0]).toMatchObject({ carrier: "Viettel", technology: "4G", downloadMbps: 15.3, uploadMbps: 2.1, signalDbm: -97, date: "2026-11-03" });
  });

  it("refuses a file without coordinate or carrier columns", () => {
    const { items, report } = parseMeasurementsCsv("a,b\n1,2\n", { file: "x.csv" });
    expect(items).toEqual([]);
    expect(report.rejected).toBe(1);
    expect(report.issues[0].code).toBe("measurement_columns_missing");
  });
});

function measurement(k: number, fields: Partial<Measurement>): Measurement {
  return {
    time: "",
    date: null,
    lon: 104,
    lat: 22,
    carrier: "Viettel",
    technology: "4G",
    noService: false,
    downloadMbps: null,
    uploadMbps: null,
    signalDbm: null,
    source: { file: "m.csv", row: k + 1 },
    ...fields,
  };
}

describe("findContradictions", () => {
  it("equals a brute-force reference (every pair, Turf point-in-polygon) on random cases", () => {
    const carriers = ["Viettel", "VNPT"];
    for (const seed of [1, 2, 3, 4]) {
      const random = createRandom(seed);
      const coverage: CoverageFeature[] = Array.from({ length: 6 }, (_, c) => ({
        carrier: carriers[c % 2],
        technology: (["3G", "4G"] as Technology[])[Math.floor(c / 2) % 2],
        asOf: "2026-11-01",
        geometry: squarePolygon(104 + random() * 0.1, 22 + random() * 0.1, 0.03 + random() * 0.05),
        source: { file: "cov.geojson", featureIndex: c },
      }));
      const measurements = Array.from({ length: 200 }, (_, k) =>
        measurement(k, {
          lon: 104 + random() * 0.2,
          lat: 22 + random() * 0.2,
          carrier: carriers[Math.floor(random() * 2)],
          noService: random() < 0.3,
          technology: null,
          downloadMbps: Math.floor(random() * 20),
          date: random() < 0.5 ? "2026-11-10" : "2026-09-01",
        }),
      ).map((m) => (m.noService ? m : { ...m, technology: (["3G", "4G"] as Technology[])[Math.floor(random() * 2)] }));
      const registry = Array.from({ length: 15 }, (_, k) =>
        makeListedPoint(`L${k}`, { lon: 104 + random() * 0.2, lat: 22 + random() * 0.2, carrier: carriers[k % 2] }),
      );
      const events = registry
        .filter((_, k) => k % 3 !== 0)
        .map((point) => createStatusEvent({ pointId: point.id, status: "on_air", date: "2026-10-01", actor: { role: "carrier", carrier: point.carrier } }));
      const { states } = replay(registry, events, "2026-12-01");
      const options = { radiusKm: 2, minDownloadMbps: 5, minTechnology: "3G" as const };
      const found = findContradictions(measurements, coverage, registry, states, options);

      const bad = (m: Measurement) => m.noService || (m.downloadMbps !== null && m.downloadMbps < options.minDownloadMbps);
      const expectedClaims = registry.flatMap((point) => {
        if (states[point.id].status !== "on_air") return [];
        const near = measurements.flatMap((m, k) =>
          m.carrier === point.carrier && distanceKm(point.lon, point.lat, m.lon, m.lat) <= options.radiusKm && (m.date === null || m.date >= "2026-10-01")
            ? [k]
            : [],
        );
        const badCount = near.filter((k) => bad(measurements[k])).length;
        return badCount > 0 && badCount >= near.length - badCount ? [{ kind: "claim_contradicted", id: point.id, measurements: near }] : [];
      });
      const inside = (m: Measurement, atLeast: number) =>
        coverage.some((f) => f.carrier === m.carrier && TECHNOLOGIES.indexOf(f.technology) >= atLeast && booleanPointInPolygon([m.lon, m.lat], f.geometry));
      const expectedMeasurements = measurements.flatMap((m, k) => {
        if (m.noService && inside(m, 0)) return [{ kind: "coverage_no_signal", id: undefined, measurements: [k] }];
        if (!m.noService && m.technology !== null && !inside(m, TECHNOLOGIES.indexOf(m.technology)))
          return [{ kind: "service_outside_coverage", id: undefined, measurements: [k] }];
        return [];
      });
      expect(found.map((f) => ({ kind: f.kind, id: f.pointId, measurements: f.measurements }))).toEqual([...expectedClaims, ...expectedMeasurements]);
      expect(found.some((f) => f.kind === "claim_contradicted")).toBe(true);
    }
  });

  it("writes a challenge packet: one CSV row per measurement of each finding, formula-safe; GeoJSON with findings and measurements", () => {
    const coverage: CoverageFeature[] = [
      {
        carrier: "Viettel",
        technology: "4G",
        asOf: "2026-11-01",
        geometry: squarePolygon(104, 22, 0.1),
        source: { file: "viettel-11.geojson", featureIndex: 0 },
      },
    ];
    const registry = [makeListedPoint("=LS-1", { lon: 104.05, lat: 22.05, carrier: "Viettel" })];
    const { states } = replay(
      registry,
      [createStatusEvent({ pointId: "=LS-1", status: "on_air", date: "2026-10-01", actor: { role: "carrier", carrier: "Viettel" }, technology: "4G" })],
      "2026-12-01",
    );
    const measurements = [
      measurement(0, { lon: 104.051, lat: 22.05, noService: true, technology: null, time: "2026-11-05 08:00", date: "2026-11-05" }),
      measurement(1, { lon: 104.3, lat: 22.3, technology: "4G", downloadMbps: 20 }),
    ];
    const found = findContradictions(measurements, coverage, registry, states, {});
    expect(found.map((f) => f.kind)).toEqual(["claim_contradicted", "coverage_no_signal", "service_outside_coverage"]);
    expect(found[0].claim.vi).toBe("Viettel báo điểm =LS-1 đã phát sóng 4G từ 2026-10-01");
    expect(found[0].release).toBe("viettel-11.geojson (2026-11-01)");
    const packet = challengePacketCsv(found, measurements, "vi");
    // Formula-safe on disk ('=LS-1), and read back unchanged by the project's own reader.
    expect(packet).toContain(",'=LS-1,");
    const table = readCsvTable(packet, { file: "p.csv" });
    expect(table.rows).toHaveLength(3);
    expect(table.rows[0][3]).toBe("=LS-1");
    expect(table.rows[0][13]).toBe("mất sóng");
    const geojson = challengePacketGeojson(found, measurements, "en");
    expect(geojson.features.map((f) => f.properties.role)).toEqual(["finding", "measurement", "finding", "measurement", "finding", "measurement"]);
  });
});
