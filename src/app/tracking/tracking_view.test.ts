import { describe, expect, it } from "vitest";
import { createStatusEvent, type StatusEventDraft } from "../../domain/tracking/events.ts";
import { makeListedPoint } from "../../testing/listed_points.ts";
import { layoutChart } from "./chart_geometry.ts";
import { readSampleEvents } from "./sample_events.ts";
import {
  assignedCarrierReach,
  computeTrackingView,
  countUnbackedEvents,
  daysLeft,
  pendingChanges,
  registryCoverageFromAnalysis,
  roleFromValue,
  roleToValue,
  updateFileName,
} from "./tracking_view.ts";

const registry = [
  makeListedPoint("A", { carrier: "Viettel", deadline: "2026-06-30" }),
  makeListedPoint("B", { carrier: "Viettel", deadline: "2026-12-31" }),
  makeListedPoint("C", { carrier: "VNPT", deadline: "2026-09-30" }),
];
const viettel = { role: "carrier", carrier: "Viettel" } as const;
const event = (draft: Partial<StatusEventDraft> & Pick<StatusEventDraft, "pointId" | "status" | "date">) => createStatusEvent({ actor: viettel, ...draft });

describe("updateFileName", () => {
  it("names a carrier's update file in lower case without accents", () => {
    expect(updateFileName("Viettel", "2026-11-21", "csv")).toBe("cap-nhat-viettel-2026-11-21.csv");
    expect(updateFileName("Điện lực Mobi", "2026-11-21", "json")).toBe("cap-nhat-dien-luc-mobi-2026-11-21.json");
  });
});

describe("roles", () => {
  it("round-trips a role through its select value", () => {
    expect(roleFromValue(roleToValue(viettel))).toEqual(viettel);
    expect(roleFromValue(roleToValue({ role: "department" }))).toEqual({ role: "department" });
  });
});

describe("computeTrackingView", () => {
  const log = [
    event({ pointId: "A", status: "on_air", date: "2026-05-01" }),
    event({ pointId: "A", status: "verified", date: "2026-05-10", actor: { role: "department" } }),
  ];
  const draft = event({ pointId: "B", status: "on_air", date: "2026-11-20" });

  it("shows the department the log only, and a carrier its own points with its pending changes", () => {
    const department = computeTrackingView({ registry, events: log, outbox: [draft], role: { role: "department" }, asOf: null, today: "2026-11-22" });
    expect(department.summary.listed).toBe(3);
    expect(department.summary.covered).toBe(1);
    expect(department.pendingCount).toBe(0);
    const carrier = computeTrackingView({ registry, events: log, outbox: [draft], role: viettel, asOf: null, today: "2026-11-22" });
    expect(carrier.points.map((point) => point.id)).toEqual(["A", "B"]);
    expect(carrier.summary.covered).toBe(2);
    expect(carrier.pendingCount).toBe(1);
  });

  it("replays the log up to the as-of day", () => {
    const view = computeTrackingView({ registry, events: log, outbox: [], role: { role: "department" }, asOf: "2026-05-05", today: "2026-11-22" });
    expect(view.date).toBe("2026-05-05");
    expect(view.states.A.status).toBe("on_air");
    expect(view.summary.verified).toBe(0);
    // On 2026-05-05 nothing was overdue yet (the first deadline is 2026-06-30).
    expect(view.summary.overdue).toBe(0);
  });

  it("ignores an as-of day in the future", () => {
    expect(computeTrackingView({ registry, events: log, outbox: [], role: { role: "department" }, asOf: "2027-01-01", today: "2026-11-22" }).date).toBe(
      "2026-11-22",
    );
  });

  it("drops a pending change once the department has imported it", () => {
    expect(pendingChanges([...log, draft], [draft], "Viettel")).toEqual([]);
    expect(pendingChanges(log, [draft], "viettel")).toEqual([draft]);
    expect(pendingChanges(log, [draft], "VNPT")).toEqual([]);
  });
});

describe("daysLeft", () => {
  it("counts days to the deadline, negative when overdue", () => {
    expect(daysLeft("2026-11-30", "2026-11-22")).toBe(8);
    expect(daysLeft("2026-11-01", "2026-11-22")).toBe(-21);
    expect(daysLeft(null, "2026-11-22")).toBeNull();
  });
});

describe("countUnbackedEvents", () => {
  it("counts the events after the last backup and after the data's own events", () => {
    const events = [1, 2, 3, 4, 5];
    expect(countUnbackedEvents({ events, backup: null, registry: {} })).toBe(5);
    expect(countUnbackedEvents({ events, backup: null, registry: { baselineEventCount: 4 } })).toBe(1);
    expect(countUnbackedEvents({ events, backup: { eventCount: 5 }, registry: { baselineEventCount: 2 } })).toBe(0);
  });
});

describe("readSampleEvents", () => {
  it("reads the update-file form, recomputes ids and skips invalid items", () => {
    const good = { pointId: "A", status: "planned", date: "2026-05-01", actor: { role: "carrier", carrier: "Viettel" }, id: "ev-wrong" };
    const result = readSampleEvents({
      format: "lom-song-updates",
      version: 1,
      listPublishedOn: "2026-05-01",
      events: [good, { pointId: "A", status: "flying" }],
    });
    expect(result.events).toHaveLength(1);
    expect(result.events[0].id).not.toBe("ev-wrong");
    expect(result.invalid).toBe(1);
    expect(result.listPublishedOn).toBe("2026-05-01");
    expect(readSampleEvents([good]).events).toHaveLength(1);
  });
});

describe("layoutChart", () => {
  it("spans from the first sample to the last deadline and puts the top count at the top", () => {
    const timeline = {
      interval: "week" as const,
      samples: [
        { date: "2026-01-04", covered: 0, verified: 0 },
        { date: "2026-01-11", covered: 2, verified: 1 },
      ],
      deadlines: [{ date: "2026-03-31", count: 2 }],
      forecast: { basedOnWeeks: 8, pacePerWeek: 1, remaining: 2, completionDate: "2026-01-25", latestDeadline: "2026-03-31", onTrack: true },
    };
    const geometry = layoutChart(timeline, 4, { width: 100, height: 100, left: 0, right: 0, top: 0, bottom: 0 });
    expect(geometry.end).toBe("2026-03-31");
    expect(geometry.deadlines[0].x).toBeCloseTo(100);
    expect(geometry.covered.startsWith("M0.0,100.0")).toBe(true);
    // 2 of 4 listed: half-way up.
    expect(geometry.covered).toContain(",50.0");
    expect(geometry.forecast?.y2).toBeCloseTo(0);
  });
});

describe("registryCoverageFromAnalysis", () => {
  const layers = Array.from({ length: 33 }, (_, index) => ({ carrier: `C${index}`, technology: "4G" as const, asOf: null }));
  const points = ["P0", "P1"].map((id) => ({ id, name: id, kind: "village" as const, lon: 104, lat: 22, source: { file: "p", row: 1 }, extra: {} }));
  // Two words per point (33 layers): P0 covered by layer 0, P1 by layer 32.
  const analysis = { layers, words: 2, masks: Uint32Array.from([1, 0, 0, 1]) };

  it("copies the mask rows of the linked points, in registry order", () => {
    const listed = [makeListedPoint("L1", { pointId: "P1" }), makeListedPoint("P0")];
    const coverage = registryCoverageFromAnalysis(listed, points, analysis);
    expect(Array.from(coverage?.masks ?? [])).toEqual([0, 1, 1, 0]);
    expect(coverage?.words).toBe(2);
  });

  it("gives up when a listed point has no loaded counterpart", () => {
    expect(registryCoverageFromAnalysis([makeListedPoint("L9", { pointId: "P9" })], points, analysis)).toBeNull();
  });
});

describe("assignedCarrierReach", () => {
  it("says inside when the assigned carrier's coverage holds the point, else its distance, else beyond", () => {
    const overdue: Parameters<typeof assignedCarrierReach>[1] = registry.map((point) => ({
      pointId: point.id,
      name: point.name,
      carrier: point.carrier,
      deadline: "2026-01-01",
      status: "not_started" as const,
      daysOverdue: 1,
    }));
    // Layers: Viettel 4G (bit 0), VNPT 3G (bit 1). A is inside Viettel's; B is inside VNPT's only; C inside nobody's.
    const coverage = {
      layers: [
        { carrier: "Viettel", technology: "4G" as const, asOf: null },
        { carrier: "VNPT", technology: "3G" as const, asOf: null },
      ],
      words: 1,
      masks: Uint32Array.from([0b01, 0b10, 0b00]),
    };
    const distances = [
      [{ carrier: "VNPT", km: 2 }],
      [
        { carrier: "VNPT", km: 0.5 },
        { carrier: "viettel", km: 3.25 },
      ],
      [{ carrier: "Viettel", km: 9 }],
    ];
    const reach = assignedCarrierReach(registry, overdue, coverage, distances);
    expect(Object.fromEntries(reach)).toEqual({
      A: { kind: "inside" },
      B: { kind: "distance", km: 3.25 },
      C: { kind: "beyond" },
    });
  });
});
