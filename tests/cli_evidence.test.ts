import { describe, expect, it } from "vitest";
import { mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sha256Hex } from "../src/domain/hash/sha256.ts";
import { buildEvidencePacket } from "../src/domain/tracking/evidence_packet.ts";
import { createStatusEvent, type PhotoRef } from "../src/domain/tracking/events.ts";
import { writeUpdatesCsv } from "../src/domain/tracking/updates.ts";
import { makePng } from "../src/testing/photos.ts";
import { runCliInProcess as runCli } from "./support/cli_run.ts";

const ROOT = new URL("..", import.meta.url).pathname;
const REGISTRY = join(ROOT, "tests/fixtures/tracking/registry.csv");

function photo(name: string, rgb: [number, number, number]) {
  const bytes = makePng(16, 16, rgb);
  const ref: PhotoRef = { hash: sha256Hex(bytes), name, size: bytes.length, type: "image/png" };
  return { ref, bytes };
}

describe("cli progress with a carrier's evidence packet", () => {
  it("takes the changes, writes the photos that match their hash, and names the missing one on its row", async () => {
    // tests/fixtures/tracking/registry.csv: DZ-01 and DZ-02, both assigned to Viettel.
    const kept = photo("tram.png", [200, 0, 0]);
    const absent = photo("thieu.png", [0, 0, 200]);
    const actor = { role: "carrier", carrier: "Viettel" } as const;
    const events = [
      createStatusEvent({ pointId: "DZ-01", status: "on_air", date: "2026-04-01", actor, technology: "4G", evidence: { photos: [kept.ref] } }),
      createStatusEvent({ pointId: "DZ-02", status: "planned", date: "2026-04-02", actor, evidence: { photos: [absent.ref] } }),
    ];
    const dir = await mkdtemp(join(tmpdir(), "lom-song-evidence-"));
    const packet = join(dir, "cap-nhat.zip");
    await writeFile(packet, buildEvidencePacket({ updateFile: { name: "cap-nhat.csv", content: writeUpdatesCsv(events) }, photos: [kept] }));
    const photos = join(dir, "anh");
    const reportPath = join(dir, "report.json");
    const result = await runCli([
      "progress",
      "--registry",
      REGISTRY,
      "--updates",
      packet,
      "--today",
      "2026-04-10",
      "--photos-out",
      photos,
      "--report",
      reportPath,
      "--lang",
      "en",
    ]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const written = await readdir(photos);
    expect(written).toEqual([`${kept.ref.hash}.png`]);
    expect(sha256Hex(new Uint8Array(await readFile(join(photos, written[0]))))).toBe(kept.ref.hash);
    const reports = JSON.parse(await readFile(reportPath, "utf8")) as {
      file: string;
      read: number;
      accepted: number;
      rejected: number;
      issues: { code: string; row?: number }[];
    }[];
    const report = reports.find((entry) => entry.file === "cap-nhat.zip");
    expect(report).toBeDefined();
    expect([report!.read, report!.accepted, report!.rejected]).toEqual([2, 2, 0]);
    expect(report!.issues.filter((issue) => issue.code === "photo_missing").map((issue) => issue.row)).toEqual([2]);
  });
});
