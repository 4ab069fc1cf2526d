import { describe, expect, it } from "vitest";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { readFileSync } from "node:fs";
import {
  buildCoverageIndex,
  computeRegistryCoverage,
  crossCheckCoverage,
  listOverdue,
  parseCoverageGeojson,
  parseRegistryCsv,
  parseUpdatesCsv,
  parseUpdatesJson,
  trackingSummary,
  replay,
} from "../src/domain/index.ts";

const SAMPLE = join(new URL("..", import.meta.url).pathname, "data/sample");

// The sample history (scripts/generate_sample_events.ts) must stay valid for the sample list it was made from.
describe("sample events", () => {
  it("replay on the sample list without a refused event and give a realistic picture", async () => {
    const { items: registry } = parseRegistryCsv(await readFile(join(SAMPLE, "dead_zones.csv")), { file: "dead_zones.csv" });
    const log = parseUpdatesJson(await readFile(join(SAMPLE, "events.json")), {
      file: "events.json",
      registry,
      events: [],
      actor: { role: "department" },
      today: "2026-11-15",
      listPublishedOn: "2026-05-15",
    });
    expect(log.report.rejected).toBe(0);
    const { states, invalid } = replay(registry, log.events);
    expect(invalid).toEqual([]);
    const summary = trackingSummary(registry, states, "2026-11-15");
    expect(summary.verified).toBeGreaterThan(0);
    expect(summary.covered).toBeGreaterThan(summary.verified);
    expect(summary.covered).toBeLessThan(summary.listed);
    expect(listOverdue(registry, states, "2026-11-15").length).toBeGreaterThanOrEqual(2);
    expect(summary.by_status.not_started).toBeGreaterThan(0);
    expect(log.events.filter((event) => event.status === "disputed")).toHaveLength(1);

    const update = parseUpdatesCsv(await readFile(join(SAMPLE, "updates-viettel.csv")), {
      file: "updates-viettel.csv",
      registry,
      events: log.events,
      today: "2026-11-22",
      listPublishedOn: "2026-05-15",
    });
    expect(update.report).toMatchObject({ rejected: 0 });
    expect(update.events.length).toBeGreaterThan(0);
    expect(update.events.every((event) => event.actor.role === "carrier" && event.actor.carrier === "Viettel")).toBe(true);
  });

  it("come with new sites' coverage that confirms most claims, flags the latest two and proposes one unreported site", async () => {
    const { items: registry } = parseRegistryCsv(await readFile(join(SAMPLE, "dead_zones.csv")), { file: "dead_zones.csv" });
    const log = parseUpdatesJson(await readFile(join(SAMPLE, "events.json")), {
      file: "events.json",
      registry,
      events: [],
      actor: { role: "department" },
      today: "2026-11-15",
      listPublishedOn: "2026-05-15",
    });
    const { states } = replay(registry, log.events);
    const coverage = ["coverage.geojson", "coverage-new-sites.geojson"].flatMap(
      (file) => parseCoverageGeojson(readFileSync(join(SAMPLE, file)), { file }).items,
    );
    const result = crossCheckCoverage(registry, states, computeRegistryCoverage(registry, buildCoverageIndex(coverage)));
    const claims = registry.filter((point) => ["on_air", "verified"].includes(states[point.id].status));
    expect(claims.length).toBeGreaterThan(10);
    expect(result.flags).toHaveLength(2);
    expect(result.proposals.length).toBeGreaterThanOrEqual(1);
    const newSites = JSON.parse(readFileSync(join(SAMPLE, "coverage-new-sites.geojson"), "utf8"));
    expect(newSites.name).toContain("SAMPLE DATA");
  });
});
