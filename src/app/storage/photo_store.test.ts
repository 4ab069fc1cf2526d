// The photo store next to the tracking database (fake-indexeddb): a tracking database saved by the app
// before photos existed (version 1 by hand, then version 2) keeps every event once the photo store opens
// and fills, and the photos read back byte for byte under their hash.
import "fake-indexeddb/auto";
import { IDBFactory } from "fake-indexeddb";
import { afterEach, describe, expect, it, vi } from "vitest";
import { sha256Hex } from "../../domain/hash/sha256.ts";
import { createStatusEvent } from "../../domain/tracking/events.ts";
import { makeListedPoint } from "../../testing/listed_points.ts";
import { makePng } from "../../testing/photos.ts";

const registry = [makeListedPoint("A"), makeListedPoint("B")];
const actor = { role: "carrier", carrier: "Viettel" } as const;
const events = [
  createStatusEvent({ pointId: "A", status: "on_air", date: "2026-11-01", actor, technology: "4G" }),
  createStatusEvent({ pointId: "B", status: "planned", date: "2026-11-02", actor }),
];

function openRaw(name: string, version: number, upgrade: (database: IDBDatabase) => void): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, version);
    request.onupgradeneeded = () => upgrade(request.result);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

afterEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

describe("photo store", () => {
  it("leaves a version 1 tracking database and its events intact, and keeps photos by hash", async () => {
    // A tracking database as version 1 of the app wrote it: stores by position, no index by id.
    const v1 = await openRaw("lom-song-tracking", 1, (database) => {
      database.createObjectStore("data");
      database.createObjectStore("events", { keyPath: "position" });
      database.createObjectStore("outbox", { keyPath: "position" });
    });
    await new Promise<void>((resolve, reject) => {
      const transaction = v1.transaction(["data", "events", "outbox"], "readwrite");
      transaction.objectStore("data").put({ registry, file: "ds.csv", isSample: false }, "registry");
      events.forEach((event, position) => transaction.objectStore("events").put({ position, event }));
      transaction.objectStore("outbox").put({ position: 0, event: events[1] });
      transaction.oncomplete = () => resolve();
      transaction.onerror = () => reject(transaction.error);
    });
    v1.close();

    vi.resetModules();
    const tracking = await import("../tracking/tracking_storage.ts");
    const photos = await import("./photo_store.ts");
    // The tracking module upgrades its own database to version 2 on load; the photo store opens beside it.
    const before = await tracking.loadTracking();
    expect(before?.events.map((event) => event.id)).toEqual(events.map((event) => event.id));

    const png = makePng(20, 10, [10, 200, 10]);
    const other = makePng(20, 10, [200, 10, 10]);
    const hash = await photos.hashPhoto(png);
    expect(hash).toBe(sha256Hex(png));
    const ref = { hash, name: "tram.png", size: png.length, type: "image/png" } as const;
    const otherRef = { hash: sha256Hex(other), name: "khac.png", size: other.length, type: "image/png" } as const;
    await photos.putPhotos([{ ref, bytes: png }]);
    // The same hash again (another name) is not rewritten; a view into a larger buffer is stored as its own bytes.
    const wide = new Uint8Array(other.length + 100);
    wide.set(other, 50);
    await photos.putPhotos([
      { ref: { ...ref, name: "ten-khac.png" }, bytes: png },
      { ref: otherRef, bytes: wide.subarray(50, 50 + other.length) },
    ]);

    const found = await photos.getPhotos([hash, otherRef.hash, "f".repeat(64)]);
    expect([...found.keys()].sort()).toEqual([hash, otherRef.hash].sort());
    expect(found.get(hash)?.ref.name).toBe("tram.png");
    expect([...found.get(hash)!.bytes]).toEqual([...png]);
    expect(found.get(otherRef.hash)!.bytes.buffer.byteLength).toBe(other.length);
    expect(await photos.photoStoreSize()).toEqual({ count: 2, bytes: png.length + other.length });

    // A fresh start (new module instances) finds both: the events and the photos.
    vi.resetModules();
    const tracking2 = await import("../tracking/tracking_storage.ts");
    const photos2 = await import("./photo_store.ts");
    const after = await tracking2.loadTracking();
    expect(after?.events.map((event) => event.id)).toEqual(events.map((event) => event.id));
    expect(after?.outbox.map((event) => event.id)).toEqual([events[1].id]);
    expect(after?.invalidRecords).toBe(0);
    expect((await photos2.getPhotos([hash])).get(hash)?.bytes.length).toBe(png.length);
    const databases = await indexedDB.databases();
    expect(databases.map((database) => [database.name, database.version]).sort()).toEqual([
      ["lom-song-photos", 1],
      ["lom-song-tracking", 2],
    ]);
  });

  it("keeps events carrying photo references through the tracking storage", async () => {
    vi.resetModules();
    const tracking = await import("../tracking/tracking_storage.ts");
    const png = makePng(8, 8, [1, 2, 3]);
    const withPhoto = createStatusEvent({
      pointId: "A",
      status: "on_air",
      date: "2026-11-03",
      actor,
      evidence: { text: "trạm", photos: [{ hash: sha256Hex(png), name: "a.png", size: png.length, type: "image/png" }] },
    });
    await tracking.seedTracking({ registry: { registry, file: "ds.csv", isSample: false }, events: [], outbox: [], backup: null });
    await tracking.appendTrackingEvents("outbox", [withPhoto]);
    vi.resetModules();
    const reloaded = await (await import("../tracking/tracking_storage.ts")).loadTracking();
    expect(reloaded?.outbox).toEqual([withPhoto]);
    expect(reloaded?.invalidRecords).toBe(0);
  });
});
