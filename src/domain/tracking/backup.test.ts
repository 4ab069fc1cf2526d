import { describe, expect, it } from "vitest";
import { createBackup, migrateBackup, restoreBackup, serializeBackup } from "./backup.ts";
import { createStatusEvent } from "./events.ts";
import { makeListedPoint, viettelEvent } from "../../testing/listed_points.ts";

const registry = [makeListedPoint("A", { province: "Lào Cai", priority: 1, note: "ghi chú" }), makeListedPoint("B", { deadline: null })];
const events = [
  viettelEvent("A", "on_air", "2026-02-01", { technology: "4G", evidence: { downloadMbps: 30, photo: "a.jpg" } }),
  createStatusEvent({ pointId: "A", status: "verified", date: "2026-02-10", actor: { role: "department" } }),
];
const backup = createBackup({ registry, events, createdAt: "2026-11-22T01:00:00.000Z", listPublishedOn: "2026-01-01" });

describe("restoreBackup", () => {
  it("restores exactly what was backed up", () => {
    const result = restoreBackup(serializeBackup(backup));
    expect(result).toEqual({ ok: true, value: backup });
  });

  it("refuses a file that is not a backup, saying why", () => {
    expect(restoreBackup("{}")).toMatchObject({ ok: false, error: { en: expect.stringContaining('not a "lom-song-backup"') } });
    expect(restoreBackup("not json")).toMatchObject({ ok: false, error: { en: expect.stringContaining("not valid JSON") } });
  });

  it("refuses a newer version than it knows", () => {
    expect(restoreBackup({ ...backup, version: 2 })).toMatchObject({ ok: false, error: { en: expect.stringContaining("newer") } });
  });

  it("refuses an invalid registry or an altered event", () => {
    const badDeadline = { ...backup, registry: [{ ...registry[0], deadline: "30/09/2026" }] };
    expect(restoreBackup(badDeadline)).toMatchObject({ ok: false, error: { en: expect.stringContaining("registry.0.deadline") } });
    const altered = { ...backup, events: [{ ...events[0], status: "verified" }, events[1]] };
    expect(restoreBackup(altered)).toMatchObject({ ok: false, error: { en: expect.stringContaining("altered") } });
    const twice = { ...backup, registry: [registry[0], registry[0]] };
    expect(restoreBackup(twice)).toMatchObject({ ok: false, error: { en: expect.stringContaining("twice") } });
  });
});

describe("migrateBackup", () => {
  it("upgrades a version 0 backup: actorRole becomes actor, evidence text an object, ids content hashes", () => {
    const v0 = {
      format: "lom-song-backup",
      exportedAt: "2025-12-01T00:00:00.000Z",
      registry: [{ id: "A", name: "Bản A", kind: "village", lon: 104, lat: 22, carrier: "Viettel", deadline: "2026-06-30" }],
      events: [
        { id: "x1", pointId: "A", status: "on_air", date: "2025-11-01", actorRole: "carrier", carrier: "Viettel", evidence: "ảnh trạm" },
        { id: "x2", pointId: "A", status: "verified", date: "2025-11-05", actorRole: "department" },
      ],
    };
    const migrated = migrateBackup(v0);
    expect(migrated.ok).toBe(true);
    const restored = restoreBackup(v0);
    if (!restored.ok) throw new Error(restored.error.en);
    expect(restored.value.version).toBe(1);
    expect(restored.value.createdAt).toBe("2025-12-01T00:00:00.000Z");
    expect(restored.value.events[0]).toMatchObject({ actor: { role: "carrier", carrier: "Viettel" }, evidence: { text: "ảnh trạm" } });
    expect(restored.value.events[1].actor).toEqual({ role: "department" });
    expect(restored.value.events[1].id).toBe(createStatusEvent({ pointId: "A", status: "verified", date: "2025-11-05", actor: { role: "department" } }).id);
  });
});

describe("unknown backup versions", () => {
  it("refuses a version it does not know with a message, never a throw", () => {
    for (const version of [-1, 0.5, "1", null, 99]) {
      const result = restoreBackup({ ...backup, version });
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.en).toMatch(/version/);
        expect(result.error.vi).toMatch(/phiên bản/);
      }
    }
  });
});
