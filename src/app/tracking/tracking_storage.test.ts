// The storage port's rules, run on both implementations: IndexedDB (fake-indexeddb, a fresh profile per
// case) and memory. What the controller relies on must hold for whichever it is given.
import "fake-indexeddb/auto";
import { IDBFactory } from "fake-indexeddb";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createStatusEvent, type StatusEvent } from "../../domain/tracking/events.ts";
import { makeListedPoint } from "../../testing/listed_points.ts";
import { createMemoryTrackingStorage } from "./tracking_memory_storage.ts";
import type { AutoBackup, SavedRegistry, TrackingStorage } from "./tracking_storage.ts";

const registry: SavedRegistry = { registry: ["A", "B"].map((id) => makeListedPoint(id, { carrier: "Viettel" })), file: "list.csv", isSample: false };
const event = (pointId: string, date: string): StatusEvent =>
  createStatusEvent({ pointId, status: "on_air", date, actor: { role: "carrier", carrier: "Viettel" }, technology: "4G" });
const autoBackup = (id: string): AutoBackup => ({ id, at: "2026-11-22T03:00:00.000Z", reason: "restore", points: 2, events: 1, text: "{}" });

async function indexedDbStorage(): Promise<TrackingStorage> {
  vi.resetModules();
  return (await import("./tracking_storage.ts")).indexedDbTrackingStorage;
}

afterEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

describe.each([
  ["IndexedDB", indexedDbStorage],
  ["memory", async () => createMemoryTrackingStorage()],
])("the tracking storage port (%s)", (_name, open) => {
  it("has nothing before a first save, then gives back what was seeded, once", async () => {
    const storage = await open();
    expect(await storage.load()).toBeNull();
    expect(await storage.seed({ registry, events: [event("A", "2026-11-01")], outbox: [], backup: null })).toBe(true);
    expect(await storage.seed({ registry: { ...registry, file: "other.csv" }, events: [], outbox: [], backup: null })).toBe(false);
    const loaded = await storage.load();
    expect(loaded?.registry.file).toBe("list.csv");
    expect(loaded?.events.map((item) => item.pointId)).toEqual(["A"]);
    expect(loaded?.invalidRecords).toBe(0);
  });

  it("appends only events whose id is not stored, in order, and says which", async () => {
    const storage = await open();
    await storage.seed({ registry, events: [], outbox: [], backup: null });
    const [a, b, c] = [event("A", "2026-11-01"), event("B", "2026-11-02"), event("A", "2026-11-03")];
    expect((await storage.append("events", [a, b])).map((item) => item.id)).toEqual([a.id, b.id]);
    expect((await storage.append("events", [b, c, c])).map((item) => item.id)).toEqual([c.id]);
    expect((await storage.append("outbox", [a])).map((item) => item.id)).toEqual([a.id]);
    const loaded = await storage.load();
    expect(loaded?.events.map((item) => item.id)).toEqual([a.id, b.id, c.id]);
    expect(loaded?.outbox.map((item) => item.id)).toEqual([a.id]);
  });

  it("replaces registry and log, keeps the outbox and the last five automatic backups", async () => {
    const storage = await open();
    const kept = event("B", "2026-11-05");
    await storage.seed({ registry, events: [event("A", "2026-11-01")], outbox: [kept], backup: { at: "2026-11-02T00:00:00.000Z", eventCount: 1 } });
    for (let index = 1; index <= 6; index++)
      await storage.replace({ registry: { ...registry, file: `restored-${index}.json` }, events: [], backup: null }, autoBackup(`b${index}`));
    const loaded = await storage.load();
    expect(loaded?.registry.file).toBe("restored-6.json");
    expect(loaded?.events).toEqual([]);
    expect(loaded?.outbox.map((item) => item.id)).toEqual([kept.id]);
    expect(loaded?.backup).toBeNull();
    expect((await storage.autoBackups()).map((backup) => backup.id)).toEqual(["b2", "b3", "b4", "b5", "b6"]);
  });

  it("saves the registry and the backup mark alone, and what the caller mutates later is not what is kept", async () => {
    const storage = await open();
    const events = [event("A", "2026-11-01")];
    await storage.seed({ registry, events, outbox: [], backup: null });
    const changed = { ...registry, file: "renamed.csv" };
    await storage.saveRegistry(changed);
    await storage.saveBackupMark({ at: "2026-11-21T00:00:00.000Z", eventCount: 1 });
    changed.file = "mutated after saving";
    events.length = 0;
    const loaded = await storage.load();
    expect(loaded?.registry.file).toBe("renamed.csv");
    expect(loaded?.events).toHaveLength(1);
    expect(loaded?.backup).toEqual({ at: "2026-11-21T00:00:00.000Z", eventCount: 1 });
  });
});
