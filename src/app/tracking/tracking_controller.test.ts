import { describe, expect, it } from "vitest";
import { createBackup, serializeBackup } from "../../domain/tracking/backup.ts";
import { createStatusEvent } from "../../domain/tracking/events.ts";
import { makeListedPoint } from "../../testing/listed_points.ts";
import { writeUpdatesCsv } from "../../domain/tracking/updates.ts";
import { createTrackingController } from "./tracking_controller.ts";
import { createMemoryTrackingStorage } from "./tracking_memory_storage.ts";

// Node has no IndexedDB: every save fails, which is exactly the "storage error" path the app must survive.
const TODAY = "2026-11-22";

function setUp() {
  const controller = createTrackingController({ today: () => TODAY, now: () => "2026-11-22T03:00:00.000Z" });
  const registry = [makeListedPoint("A", { carrier: "Viettel" }), makeListedPoint("B", { carrier: "VNPT" })];
  const planned = createStatusEvent({ pointId: "A", status: "planned", date: "2026-10-01", actor: { role: "carrier", carrier: "Viettel" } });
  controller.store.setState({ loaded: true, registry: { registry, file: "list.csv", isSample: false }, events: [planned] });
  return { controller, registry, planned };
}

const encode = (text: string) => new TextEncoder().encode(text);

describe("createTrackingController", () => {
  it("keeps an imported change in memory and says so when the browser storage fails", async () => {
    const { controller } = setUp();
    const file = writeUpdatesCsv([
      createStatusEvent({ pointId: "A", status: "on_air", date: "2026-11-20", actor: { role: "carrier", carrier: "Viettel" }, technology: "4G" }),
    ]);
    await controller.importUpdateFile("cap-nhat-viettel.csv", encode(file));
    const state = controller.store.getState();
    expect(state.events.map((event) => event.status)).toEqual(["planned", "on_air"]);
    expect(state.storageError).toMatch(/IndexedDB/);
    expect(state.imports[0]).toMatchObject({ added: 1, duplicates: 0, refused: false });
  });

  it("adds nothing when the same update file is imported twice", async () => {
    const { controller } = setUp();
    const file = encode(
      writeUpdatesCsv([createStatusEvent({ pointId: "A", status: "on_air", date: "2026-11-20", actor: { role: "carrier", carrier: "Viettel" } })]),
    );
    await controller.importUpdateFile("u.csv", file);
    await controller.importUpdateFile("u.csv", file);
    expect(controller.store.getState().events).toHaveLength(2);
    expect(controller.store.getState().imports[0]).toMatchObject({ added: 0, duplicates: 1, refused: false });
  });

  it("puts a carrier's recorded change in its outbox, not in the department's log", () => {
    const { controller } = setUp();
    const ok = controller.recordChange({ pointId: "A", status: "on_air", date: TODAY, actor: { role: "carrier", carrier: "Viettel" }, technology: "4G" });
    expect(ok).toBe(true);
    expect(controller.store.getState().events).toHaveLength(1);
    expect(controller.store.getState().outbox.map((event) => event.pointId)).toEqual(["A"]);
  });

  it("refuses a carrier's change to another carrier's point and tells why", () => {
    const { controller } = setUp();
    expect(controller.recordChange({ pointId: "B", status: "on_air", date: TODAY, actor: { role: "carrier", carrier: "Viettel" } })).toBe(false);
    expect(controller.store.getState().outbox).toEqual([]);
    expect(controller.store.getState().notices.at(-1)?.message.en).toMatch(/assigned to VNPT/);
  });

  it("leaves everything untouched when a backup fails validation", async () => {
    const { controller } = setUp();
    const before = controller.store.getState();
    const restored = await controller.restore("broken.json", encode('{"format":"lom-song-backup","version":1,"registry":[]}'));
    expect(restored).toBe(false);
    const after = controller.store.getState();
    expect(after.registry).toBe(before.registry);
    expect(after.events).toBe(before.events);
    expect(after.notices.at(-1)?.severity).toBe("error");
  });

  it("restores a valid backup in place of the current data", async () => {
    const { controller, registry } = setUp();
    const text = serializeBackup(createBackup({ registry: registry.slice(0, 1), events: [], createdAt: "2026-11-01T00:00:00.000Z" }));
    expect(await controller.restore("backup.json", encode(text))).toBe(true);
    // Nothing changes before the user chooses: the changes are shown first.
    expect(controller.store.getState().registry.registry.map((point) => point.id)).toEqual(["A", "B"]);
    expect(controller.store.getState().pendingRestore?.diff.replace.points.removed).toEqual(["B"]);
    await controller.confirmRestore("replace");
    expect(controller.store.getState().registry.registry.map((point) => point.id)).toEqual(["A"]);
    expect(controller.store.getState().events).toEqual([]);
  });

  it("cancelling a restore changes nothing; merging keeps the later decisions and adds the backup's points", async () => {
    const { controller, registry, planned } = setUp();
    const text = serializeBackup(
      createBackup({ registry: [registry[0], makeListedPoint("C", { carrier: "MobiFone" })], events: [], createdAt: "2026-10-01T00:00:00.000Z" }),
    );
    const before = controller.store.getState();
    await controller.restore("old.json", encode(text));
    controller.cancelRestore();
    expect(controller.store.getState().registry).toBe(before.registry);
    expect(controller.store.getState().events).toBe(before.events);
    expect(controller.store.getState().pendingRestore).toBeNull();
    await controller.restore("old.json", encode(text));
    await controller.confirmRestore("merge");
    const after = controller.store.getState();
    expect(after.registry.registry.map((point) => point.id)).toEqual(["A", "B", "C"]);
    expect(after.events).toEqual([planned]);
  });

  it("keeps an automatic backup of what a replace removes", async () => {
    const { controller, planned } = setUp();
    await controller.restore("empty.json", encode(serializeBackup(createBackup({ registry: [], events: [], createdAt: "2026-10-01T00:00:00.000Z" }))));
    expect(controller.store.getState().pendingRestore?.diff.replace.losesData).toBe(true);
    await controller.confirmRestore("replace");
    const [auto] = controller.store.getState().autoBackups;
    expect(auto).toMatchObject({ reason: "restore", file: "empty.json", points: 2, events: 1 });
    expect(JSON.parse(auto.text).events).toEqual([planned]);
  });

  it("with ?sample=none, starts with an empty list and saves nothing", async () => {
    let fetched = 0;
    const original = globalThis.fetch;
    globalThis.fetch = (async () => {
      fetched++;
      throw new Error("no network in this test");
    }) as typeof fetch;
    try {
      const controller = createTrackingController({ today: () => TODAY, now: () => "2026-11-22T03:00:00.000Z", sampleNone: true });
      await controller.start();
      expect(controller.store.getState().loaded).toBe(true);
      expect(controller.store.getState().registry.registry).toEqual([]);
      expect(fetched).toBe(0);
    } finally {
      globalThis.fetch = original;
    }
  });

  it("verifies an on-air claim and refuses to verify a point that is not on air", async () => {
    const { controller, planned } = setUp();
    const onAir = createStatusEvent({ pointId: "A", status: "on_air", date: "2026-11-01", actor: { role: "carrier", carrier: "Viettel" } });
    controller.store.setState({ events: [planned, onAir] });
    expect(await controller.decide("verify", ["A", "B"], TODAY, "")).toBe(true);
    const state = controller.store.getState();
    expect(state.events.at(-1)).toMatchObject({ pointId: "A", status: "verified", actor: { role: "department" } });
    expect(state.notices.some((notice) => notice.severity === "error" && notice.message.en.includes("B"))).toBe(true);
  });
});

describe("createTrackingController on a storage that works (the memory port)", () => {
  it("saves an imported change, and a second controller on the same storage starts with it", async () => {
    const storage = createMemoryTrackingStorage();
    const registry = [makeListedPoint("A", { carrier: "Viettel" })];
    await storage.seed({ registry: { registry, file: "list.csv", isSample: false }, events: [], outbox: [], backup: null });
    // A controller on that storage, with a channel to no other tab.
    const open = async () => {
      const controller = createTrackingController({
        today: () => TODAY,
        now: () => "2026-11-22T03:00:00.000Z",
        storage,
        channel: () => ({ post: () => undefined, close: () => undefined }),
      });
      await controller.start();
      return controller;
    };
    const first = await open();
    const file = writeUpdatesCsv([
      createStatusEvent({ pointId: "A", status: "on_air", date: "2026-11-20", actor: { role: "carrier", carrier: "Viettel" }, technology: "4G" }),
    ]);
    await first.importUpdateFile("cap-nhat-viettel.csv", encode(file));
    expect(first.store.getState().storageError).toBeNull();
    expect(first.store.getState().savesPending).toBe(0);
    const second = await open();
    expect(second.store.getState().registry.file).toBe("list.csv");
    expect(second.store.getState().events.map((event) => `${event.pointId}:${event.status}`)).toEqual(["A:on_air"]);
  });
});
