// The measurements survive a "reload" (fresh module instances on the same fake IndexedDB), "Xoá đo kiểm" forgets
// them, and the tracking database is another database that these operations leave as it was.
import "fake-indexeddb/auto";
import { describe, expect, it, vi } from "vitest";

const CSV =
  "time,lat,lon,carrier,technology,download_mbps\n2026-11-02T09:00,22.1,104.2,Viettel,4G,12.5\n2026-11-02T09:10,22.2,104.3,VNPT,mất sóng,\nbad,row,,,,\n";

async function openPage() {
  vi.resetModules();
  const store = await import("./measurement_store.ts");
  await store.loadMeasurements();
  return store;
}

const bytes = (text: string) => new TextEncoder().encode(text).buffer as ArrayBuffer;

describe("measurement store", () => {
  it("keeps the imported files over a reload, and clears them", async () => {
    const first = await openPage();
    expect(first.getMeasurements()).toMatchObject({ phase: "ready", measurements: [], files: [] });
    const saving = first.importMeasurementFiles([{ name: "do-kiem.csv", bytes: bytes(CSV) }]);
    // Shown at once, not yet said to be saved: the browser has not written them.
    expect([first.getMeasurements().measurements.length, first.getMeasurements().saved]).toEqual([2, false]);
    await saving;
    const imported = first.getMeasurements();
    expect(imported.saved).toBe(true);
    expect(imported.measurements.map((m) => [m.carrier, m.noService, m.downloadMbps])).toEqual([
      ["Viettel", false, 12.5],
      ["VNPT", true, null],
    ]);
    expect([imported.files, imported.rejected, imported.storageError]).toEqual([["do-kiem.csv"], 1, null]);

    const second = await openPage();
    expect(second.getMeasurements()).toMatchObject({ measurements: imported.measurements, saved: true });
    expect(second.getMeasurements().files).toEqual(["do-kiem.csv"]);

    await second.clearMeasurements();
    expect(second.getMeasurements().measurements).toEqual([]);
    const third = await openPage();
    expect(third.getMeasurements()).toMatchObject({ phase: "ready", measurements: [], files: [], storageError: null });
  });

  it("leaves out a saved record it cannot read (another version's, or damaged), starting empty", async () => {
    const first = await openPage();
    await first.importMeasurementFiles([{ name: "do-kiem.csv", bytes: bytes(CSV) }]);
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open("lom-song-measurements", 1);
      request.onsuccess = () => {
        const transaction = request.result.transaction("sets", "readwrite");
        transaction.objectStore("sets").put({ version: 2, files: "?" }, "current");
        transaction.oncomplete = () => {
          request.result.close();
          resolve();
        };
        transaction.onerror = () => reject(transaction.error);
      };
      request.onerror = () => reject(request.error);
    });
    const second = await openPage();
    expect(second.getMeasurements()).toMatchObject({ phase: "ready", measurements: [], files: [], storageError: null });
    await second.clearMeasurements();
  });

  it("does not touch the tracking database", async () => {
    vi.resetModules();
    const tracking = await import("./tracking_storage.ts");
    await tracking.saveTrackingRegistry({ file: "dead_zones.csv", registry: [], isSample: false });
    const page = await openPage();
    await page.importMeasurementFiles([{ name: "a.csv", bytes: bytes(CSV) }]);
    await page.clearMeasurements();
    vi.resetModules();
    const again = await import("./tracking_storage.ts");
    const loaded = await again.loadTracking();
    expect(loaded?.registry).toMatchObject({ file: "dead_zones.csv" });
    const names = (await indexedDB.databases()).map((database) => database.name).sort();
    expect(names).toEqual(["lom-song-measurements", "lom-song-tracking"]);
  });
});
