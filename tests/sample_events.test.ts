import { describe, expect, it } from "vitest";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { listOverdue, parseRegistryCsv, parseUpdatesCsv, parseUpdatesJson, progressSummary, replay } from "../src/domain/index.ts";

const SAMPLE = join(new URL("..", import.meta.url).pathname, "data/sample");

// The sample history (scripts/generate_sample_events.ts) must stay valid for the sample list it was made from.
describe("sample events", () => {
  it("replay on the sample list without a refused event and give a realistic picture", async () => {
    const { items: registry } = parseRegistryCsv(await readFile(join(SAMPLE, "dead_zones.csv")), { file: "dead_zones.csv" });
    const log = parseUpdatesJson(await readFile(join(SAMPLE, "events.json")), { file: "events.json", registry, events: [], actor: { role: "department" }, today: "2026-11-15", listPublishedOn: "2026-05-15" });
    expect(log.report.rejected).toBe(0);
    const { states, invalid } = replay(registry, log.events);
    expect(invalid).toEqual([]);
    const summary = progressSummary(registry, states, "2026-11-15");
    expect(summary.verified).toBeGreaterThan(0);
    expect(summary.covered).toBeGreaterThan(summary.verified);
    expect(summary.covered).toBeLessThan(summary.listed);
    expect(listOverdue(registry, states, "2026-11-15").length).toBeGreaterThanOrEqual(2);
    expect(summary.by_status.not_started).toBeGreaterThan(0);
    expect(log.events.filter((event) => event.status === "disputed")).toHaveLength(1);

    const update = parseUpdatesCsv(await readFile(join(SAMPLE, "updates-viettel.csv")), { file: "updates-viettel.csv", registry, events: log.events, today: "2026-11-22", listPublishedOn: "2026-05-15" });
    expect(update.report).toMatchObject({ rejected: 0 });
    expect(update.events.length).toBeGreaterThan(0);
    expect(update.events.every((event) => event.actor.role === "carrier" && event.actor.carrier === "Viettel")).toBe(true);
  });
});
