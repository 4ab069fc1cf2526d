// Two tabs of the tracking view on one IndexedDB (fake-indexeddb: each "tab" is a fresh copy of the
// storage and controller modules with its own connection, as two tabs of one browser profile are).
import "fake-indexeddb/auto";
import { IDBFactory } from "fake-indexeddb";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createStatusEvent, type StatusEvent } from "../../domain/tracking/events.ts";
import { makeListedPoint } from "../../testing/listed_points.ts";

const TODAY = "2026-11-22";
const registry = ["A", "B", "C", "D"].map((id) => makeListedPoint(id, { carrier: "Viettel", deadline: "2026-12-31" }));
const claims: StatusEvent[] = registry.map((point) =>
  createStatusEvent({ pointId: point.id, status: "on_air", date: "2026-11-01", actor: { role: "carrier", carrier: "Viettel" }, technology: "4G" }),
);

type Tab = {
  controller: import("./tracking_controller.ts").TrackingController;
  storage: typeof import("./tracking_storage.ts");
};

/** Opens a "tab": its own module instances (own database connection), started on what is saved. */
async function openTab(): Promise<Tab> {
  vi.resetModules();
  const storage = await import("./tracking_storage.ts");
  const { createTrackingController } = await import("./tracking_controller.ts");
  const controller = createTrackingController({ today: () => TODAY, now: () => "2026-11-22T03:00:00.000Z" });
  await controller.start();
  return { controller, storage };
}

/** Makes the next IndexedDB transaction of any tab fail, as a full disk or a blocked database would. */
function failNextTransaction(): void {
  const prototype = IDBDatabase.prototype as unknown as { transaction: (...args: unknown[]) => IDBTransaction };
  const original = prototype.transaction;
  prototype.transaction = function (this: IDBDatabase) {
    prototype.transaction = original;
    throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
  };
}

async function seed(): Promise<void> {
  vi.resetModules();
  const storage = await import("./tracking_storage.ts");
  await storage.seedTracking({ registry: { registry, file: "list.csv", isSample: false }, events: claims, outbox: [], backup: null });
}

async function savedEvents(): Promise<StatusEvent[]> {
  vi.resetModules();
  const storage = await import("./tracking_storage.ts");
  return (await storage.loadTracking())?.events ?? [];
}

function decisions(events: readonly StatusEvent[]): string[] {
  return events
    .filter((event) => event.actor.role === "department")
    .map((event) => `${event.pointId}:${event.status}`)
    .sort();
}

afterEach(() => {
  // A fresh browser profile for the next test (the tabs' connections stay open, as tabs do).
  globalThis.indexedDB = new IDBFactory();
});

describe("two tabs on the tracking data", () => {
  it("keeps the other tab's decision when a tab saves again after a failed append", async () => {
    await seed();
    const tabA = await openTab();
    const tabB = await openTab();
    // Tab B's first decision fails to save (kept in its memory, "try again" offered).
    failNextTransaction();
    await tabB.controller.decide("dispute", ["B"], TODAY, "không có sóng");
    expect(tabB.controller.store.getState().storageError).not.toBeNull();
    // Tab A verifies a point and saves it.
    await tabA.controller.decide("verify", ["A"], TODAY, "");
    expect(tabA.controller.store.getState().storageError).toBeNull();
    // Tab B records another decision: its save must not replace tab A's verification with its stale log.
    await tabB.controller.decide("verify", ["C"], TODAY, "");
    expect(decisions(await savedEvents())).toEqual(["A:verified", "B:disputed", "C:verified"]);
  });

  it("keeps both tabs' decisions after 'try saving again' in the tab that failed", async () => {
    await seed();
    const tabA = await openTab();
    const tabB = await openTab();
    failNextTransaction();
    await tabB.controller.decide("verify", ["D"], TODAY, "");
    await tabA.controller.decide("verify", ["A"], TODAY, "");
    await tabB.controller.retrySave();
    expect(tabB.controller.store.getState().storageError).toBeNull();
    expect(decisions(await savedEvents())).toEqual(["A:verified", "D:verified"]);
  });

  it("never stores one event twice when both tabs record the same change", async () => {
    await seed();
    const tabA = await openTab();
    const tabB = await openTab();
    await tabA.controller.decide("verify", ["A"], TODAY, "");
    await tabB.controller.decide("verify", ["A"], TODAY, "");
    expect(tabB.controller.store.getState().storageError).toBeNull();
    const saved = await savedEvents();
    expect(new Set(saved.map((event) => event.id)).size).toBe(saved.length);
    expect(decisions(saved)).toEqual(["A:verified"]);
  });

  it("saves both tabs' decisions, neither refused, when each records one after the other", async () => {
    await seed();
    const tabA = await openTab();
    const tabB = await openTab();
    await tabA.controller.decide("verify", ["A"], TODAY, "");
    await tabB.controller.decide("dispute", ["B"], TODAY, "đo kiểm không có sóng");
    expect(tabA.controller.store.getState().storageError).toBeNull();
    expect(tabB.controller.store.getState().storageError).toBeNull();
    expect(decisions(await savedEvents())).toEqual(["A:verified", "B:disputed"]);
  });
});
