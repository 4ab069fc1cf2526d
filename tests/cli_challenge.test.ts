import { describe, expect, it } from "vitest";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { challengePacketCsv, findContradictions, parseCoverageGeojson, parseMeasurementsCsv, parseRegistryCsv, replay } from "../src/domain/index.ts";
import { readSampleEvents } from "../src/app/tracking/sample_events.ts";
import { runCliInProcess } from "./support/cli_run.ts";

const ROOT = new URL("..", import.meta.url).pathname;
const SAMPLE = join(ROOT, "data/sample");

const runCli = runCliInProcess;

describe("cli progress --measurements", () => {
  it("writes the challenge packet the domain finds: an on-air point measured without service", async () => {
    const registry = parseRegistryCsv(await readFile(join(SAMPLE, "dead_zones.csv")), { file: "dead_zones.csv" }).items;
    const { events } = readSampleEvents(JSON.parse(await readFile(join(SAMPLE, "events.json"), "utf8")));
    const { states } = replay(registry, events, "2026-11-21");
    const onAir = registry.find((point) => states[point.id]?.status === "on_air");
    expect(onAir).toBeDefined();
    const dir = await mkdtemp(join(tmpdir(), "lom-song-challenge-"));
    const file = join(dir, "do-kiem.csv");
    await writeFile(
      file,
      `time,lat,lon,carrier,technology,download_mbps\n2026-11-20 10:00,${onAir!.lat},${onAir!.lon + 0.001},${onAir!.carrier},mất sóng,\n2026-11-20 10:05,${onAir!.lat},${onAir!.lon},${onAir!.carrier},4G,0.4\n`,
    );
    const out = join(dir, "ho-so-phan-bien.csv");
    const result = await runCli([
      "progress",
      "--registry",
      join(SAMPLE, "dead_zones.csv"),
      "--events",
      join(SAMPLE, "events.json"),
      "--coverage",
      join(SAMPLE, "coverage.geojson"),
      "--today",
      "2026-11-21",
      "--measurements",
      file,
      "--min-download",
      "1",
      "--challenge-out",
      out,
      "--quiet",
    ]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const measurements = parseMeasurementsCsv(await readFile(file), { file: "do-kiem.csv" }).items;
    const coverage = parseCoverageGeojson(await readFile(join(SAMPLE, "coverage.geojson")), { file: "coverage.geojson" }).items;
    const findings = findContradictions(measurements, coverage, registry, states, { minDownloadMbps: 1 });
    expect(findings.find((finding) => finding.kind === "claim_contradicted")?.pointId).toBe(onAir!.id);
    expect(await readFile(out, "utf8")).toBe(challengePacketCsv(findings, measurements, "vi"));
  });
});
