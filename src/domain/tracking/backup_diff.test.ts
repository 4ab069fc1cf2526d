import { describe, expect, it } from "vitest";
import { createBackup, diffBackup, mergeBackup } from "./backup.ts";
import { createStatusEvent } from "./events.ts";
import { makeListedPoint } from "../../testing/listed_points.ts";

const onAir = (pointId: string, date = "2026-10-01") =>
  createStatusEvent({ pointId, status: "on_air", date, actor: { role: "carrier", carrier: "Viettel" }, technology: "4G" });
const verified = (pointId: string, date = "2026-11-01") => createStatusEvent({ pointId, status: "verified", date, actor: { role: "department" } });

const registry = ["A", "B", "C"].map((id) => makeListedPoint(id));
const older = { registry, events: [onAir("A"), onAir("B")] };
const current = { registry, events: [onAir("A"), onAir("B"), verified("A")] };

describe("diffBackup", () => {
  it("says what a replace would remove: an empty backup removes every point and event", () => {
    const empty = createBackup({ registry: [], events: [], createdAt: "2026-11-22T00:00:00.000Z" });
    const diff = diffBackup(current, empty);
    expect(diff.replace.points).toEqual({ added: [], removed: ["A", "B", "C"], changed: [], unchanged: 0 });
    expect(diff.replace.events.removed.map((event) => event.id)).toEqual(current.events.map((event) => event.id));
    expect(diff.replace.events.added).toEqual([]);
    expect(diff.replace.losesData).toBe(true);
    // Merging an empty backup changes nothing.
    expect(diff.merge).toEqual({ pointsAdded: [], eventsAdded: [] });
  });

  it("an older backup would drop the later decision on replace; a merge keeps it", () => {
    const backup = createBackup({ ...older, createdAt: "2026-10-15T00:00:00.000Z" });
    const diff = diffBackup(current, backup);
    expect(diff.replace.events.removed.map((event) => `${event.pointId}:${event.status}`)).toEqual(["A:verified"]);
    expect(diff.replace.events.added).toEqual([]);
    expect(diff.replace.events.unchanged).toBe(2);
    expect(diff.replace.losesData).toBe(true);
    expect(diff.merge.eventsAdded).toEqual([]);
    const merged = mergeBackup(current, backup);
    expect(merged.events).toEqual(current.events);
    expect(merged.registry).toEqual(registry);
  });

  it("names points added, removed and changed, and merges by id with the current version first", () => {
    const changedB = { ...registry[1], deadline: "2027-01-31" };
    const backupRegistry = [registry[0], changedB, makeListedPoint("D")];
    const backupEvents = [onAir("A"), onAir("D"), verified("A")];
    const backup = createBackup({ registry: backupRegistry, events: backupEvents, createdAt: "2026-11-20T00:00:00.000Z", listPublishedOn: "2026-01-01" });
    const diff = diffBackup(current, backup);
    expect(diff.replace.points).toEqual({ added: ["D"], removed: ["C"], changed: ["B"], unchanged: 1 });
    expect(diff.replace.events.added.map((event) => event.pointId)).toEqual(["D"]);
    expect(diff.replace.events.removed.map((event) => event.pointId)).toEqual(["B"]);
    expect(diff.merge.pointsAdded).toEqual(["D"]);
    expect(diff.merge.eventsAdded.map((event) => event.pointId)).toEqual(["D"]);
    const merged = mergeBackup({ ...current, listPublishedOn: undefined }, backup);
    // The current B (its deadline) is kept; D comes from the backup; no event is lost or doubled.
    expect(merged.registry.map((point) => point.id)).toEqual(["A", "B", "C", "D"]);
    expect(merged.registry[1]).toEqual(registry[1]);
    expect(merged.events.map((event) => event.id)).toEqual([...current.events.map((event) => event.id), onAir("D").id]);
    expect(merged.listPublishedOn).toBe("2026-01-01");
  });

  it("finds nothing to change when the backup is the current data", () => {
    const diff = diffBackup(current, createBackup({ ...current, createdAt: "2026-11-22T00:00:00.000Z" }));
    expect(diff.replace.losesData).toBe(false);
    expect(diff.replace.points).toEqual({ added: [], removed: [], changed: [], unchanged: 3 });
    expect(diff.replace.events).toEqual({ added: [], removed: [], unchanged: 3 });
  });
});
