import { describe, expect, it } from "vitest";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { createBackup, trackingSummary, replay, restoreBackup, serializeBackup } from "../src/domain/index.ts";

const FIXTURES = join(new URL("..", import.meta.url).pathname, "tests/fixtures/tracking");

// Frozen fixtures: one per released backup version. They must keep loading, whatever changes.
describe("backup fixtures", () => {
  it("loads the frozen version 1 backup and replays its events without error", async () => {
    const result = restoreBackup(await readFile(join(FIXTURES, "backup-v1.json")));
    if (!result.ok) throw new Error(result.error.en);
    const backup = result.value;
    expect(backup.registry.map((point) => point.id)).toEqual(["DZ-01", "DZ-02", "DZ-03", "DZ-04", "DZ-05", "DZ-06"]);
    expect(backup.events).toHaveLength(9);
    expect(backup.listPublishedOn).toBe("2026-01-01");
    const { states, invalid } = replay(backup.registry, backup.events);
    expect(invalid).toEqual([]);
    expect(trackingSummary(backup.registry, states, "2026-04-10")).toMatchObject({ listed: 6, covered: 3, verified: 1, overdue: 1 });
  });

  it("migrates the version 0 backup (actorRole, evidence as text) and replays it", async () => {
    const result = restoreBackup(await readFile(join(FIXTURES, "backup-v0.json")));
    if (!result.ok) throw new Error(result.error.en);
    const backup = result.value;
    expect(backup).toMatchObject({ version: 1, createdAt: "2025-12-15T09:30:00.000Z", listPublishedOn: "2025-09-01" });
    expect(backup.events[1]).toMatchObject({
      pointId: "LC-01",
      status: "on_air",
      actor: { role: "carrier", carrier: "Viettel" },
      technology: "4G",
      evidence: { text: "speedtest 38 Mbps" },
    });
    expect(backup.events[2].actor).toEqual({ role: "department" });
    expect(backup.events.every((event) => /^ev-[0-9a-f]{16}$/.test(event.id))).toBe(true);
    const { states, invalid } = replay(backup.registry, backup.events);
    expect(invalid).toEqual([]);
    expect(states["LC-01"].status).toBe("verified");
    expect(states["LC-02"].status).toBe("infeasible");
    expect(states["LC-03"].status).toBe("not_started");
  });

  it("round-trips a migrated backup through the current format unchanged", async () => {
    const migrated = restoreBackup(await readFile(join(FIXTURES, "backup-v0.json")));
    if (!migrated.ok) throw new Error(migrated.error.en);
    const again = restoreBackup(serializeBackup(createBackup(migrated.value)));
    expect(again).toEqual(migrated);
  });
});
