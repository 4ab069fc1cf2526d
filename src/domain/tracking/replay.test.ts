import { describe, expect, it } from "vitest";
import { createStatusEvent, type Actor, type StatusEvent } from "./events.ts";
import { replay } from "./replay.ts";
import { makeListedPoint } from "../../testing/listed_points.ts";
import type { TrackingStatus } from "./status.ts";

const viettel: Actor = { role: "carrier", carrier: "Viettel" };
const department: Actor = { role: "department" };
const registry = [makeListedPoint("A"), makeListedPoint("B", { carrier: "VNPT" })];

function event(pointId: string, status: TrackingStatus, date: string, actor: Actor, extra: Partial<StatusEvent> = {}): StatusEvent {
  return createStatusEvent({ pointId, status, date, actor, ...extra });
}

describe("replay", () => {
  const log = [
    event("A", "planned", "2026-01-10", viettel),
    event("A", "on_air", "2026-02-01", viettel, { technology: "4G" }),
    event("A", "verified", "2026-02-15", department),
    event("B", "under_construction", "2026-01-20", { role: "carrier", carrier: "VNPT" }),
  ];

  it("derives each point's status, since, technology and history from the events", () => {
    const { states, invalid, applied } = replay(registry, log);
    expect(invalid).toEqual([]);
    expect(applied).toBe(4);
    expect(states.A).toMatchObject({ status: "verified", since: "2026-02-15", technology: "4G" });
    expect(states.A.history.map((item) => item.status)).toEqual(["planned", "on_air", "verified"]);
    expect(states.A.lastEvent?.id).toBe(log[2].id);
    expect(states.B).toMatchObject({ status: "under_construction", since: "2026-01-20" });
  });

  it("shows the state on an as-of date, events of that day included", () => {
    const before = replay(registry, log, "2026-01-31").states;
    expect(before.A.status).toBe("planned");
    expect(before.A.technology).toBeUndefined();
    expect(replay(registry, log, "2026-02-01").states.A.status).toBe("on_air");
    const first = replay(registry, log, "2026-01-09").states;
    expect(first.A).toMatchObject({ status: "not_started", since: null, history: [] });
  });

  it("replays by date whatever the order of the log", () => {
    const shuffled = [log[2], log[0], log[3], log[1]];
    expect(replay(registry, shuffled).states.A.status).toBe("verified");
  });

  it("reports and skips invalid events, then carries on", () => {
    const bad = [
      event("A", "verified", "2026-01-05", viettel),
      event("Z", "planned", "2026-01-05", viettel),
      event("B", "planned", "2026-01-05", viettel),
      event("A", "planned", "2026-01-06", viettel),
    ];
    const result = replay(registry, bad);
    expect(result.invalid.map((item) => item.code)).toEqual(["transition_not_allowed", "unknown_point", "wrong_carrier"]);
    expect(result.states.A.status).toBe("planned");
    expect(result.states.B.status).toBe("not_started");
  });

  it("applies a repeated event once", () => {
    const result = replay(registry, [log[0], log[0]]);
    expect(result.applied).toBe(1);
    expect(result.invalid.map((item) => item.code)).toEqual(["duplicate_event"]);
  });

  it("drops the technology when a claim is disputed", () => {
    const states = replay(registry, [
      event("A", "on_air", "2026-02-01", viettel, { technology: "3G" }),
      event("A", "disputed", "2026-02-03", department, { note: "đo tại chỗ không có sóng" }),
    ]).states;
    expect(states.A.status).toBe("disputed");
    expect(states.A.technology).toBeUndefined();
  });
});

describe("createStatusEvent", () => {
  it("gives equal content equal ids, whatever the source, and different content different ids", () => {
    const a = event("A", "planned", "2026-01-10", viettel, { source: { file: "a.csv", row: 1 } });
    const b = event("A", "planned", "2026-01-10", viettel, { source: { file: "b.csv", row: 7 }, note: "  " });
    const c = event("A", "planned", "2026-01-11", viettel);
    expect(a.id).toBe(b.id);
    expect(a.id).not.toBe(c.id);
    expect(a.id).toMatch(/^ev-[0-9a-f]{16}$/);
  });
});
