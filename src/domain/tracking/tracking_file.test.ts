import { describe, expect, it } from "vitest";
import { sha256Hex } from "../hash/sha256.ts";
import { buildEvidencePacket } from "./evidence_packet.ts";
import { createStatusEvent, type PhotoRef } from "./events.ts";
import { makeListedPoint } from "../../testing/listed_points.ts";
import { makePng } from "../../testing/photos.ts";
import { writeUpdatesCsv } from "./updates.ts";
import { parseTrackingFile } from "./tracking_file.ts";

const registry = [makeListedPoint("A"), makeListedPoint("B")];
const actor = { role: "carrier", carrier: "Viettel" } as const;

function photo(name: string, rgb: [number, number, number]) {
  const bytes = makePng(16, 16, rgb);
  const ref: PhotoRef = { hash: sha256Hex(bytes), name, size: bytes.length, type: "image/png" };
  return { ref, bytes };
}

describe("parseTrackingFile with an evidence packet", () => {
  it("imports the update file inside with the usual checks, reconciles the counts and reports photos per row", () => {
    const kept = photo("a.png", [200, 0, 0]);
    const absent = photo("b.png", [0, 0, 200]);
    const events = [
      createStatusEvent({ pointId: "A", status: "on_air", date: "2026-02-01", actor, technology: "4G", evidence: { photos: [kept.ref] } }),
      createStatusEvent({ pointId: "KHONG-CO", status: "on_air", date: "2026-02-01", actor, evidence: { photos: [kept.ref] } }),
      createStatusEvent({ pointId: "B", status: "on_air", date: "2026-02-02", actor, evidence: { photos: [absent.ref] } }),
    ];
    const zip = buildEvidencePacket({ updateFile: { name: "cap-nhat-viettel.csv", content: writeUpdatesCsv(events) }, photos: [kept] });
    const input = { what: "updates", name: "cap-nhat-viettel.zip", bytes: zip, registry, events: [], today: "2026-03-01" } as const;
    const output = parseTrackingFile(input);
    if (output.what !== "updates") throw new Error("updates expected");
    const { report, events: taken } = output.result;
    expect(report.file).toBe("cap-nhat-viettel.zip");
    expect(report.detected?.format).toBe("evidence-packet");
    expect([report.read, report.accepted, report.rejected]).toEqual([3, 2, 1]);
    expect(report.read).toBe(report.accepted + report.rejected);
    expect(taken.map((event) => event.id)).toEqual([events[0].id, events[2].id]);
    expect(report.issues.filter((issue) => issue.code === "photo_missing").map((issue) => issue.row)).toEqual([3]);
    expect(output.photos?.map((stored) => stored.ref.hash)).toEqual([kept.ref.hash]);

    // The same packet again: nothing new, and the photos of the recorded changes are still offered to the store.
    const again = parseTrackingFile({ ...input, events: taken });
    if (again.what !== "updates") throw new Error("updates expected");
    expect([again.result.events.length, again.result.duplicates]).toEqual([0, 2]);
    expect(again.photos?.map((stored) => stored.ref.hash)).toEqual([kept.ref.hash]);
  });

  it("refuses a broken packet as a whole, with the reason, and still reads a plain CSV as before", () => {
    const output = parseTrackingFile({
      what: "updates",
      name: "hong.zip",
      bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]),
      registry,
      events: [],
      today: "2026-03-01",
    });
    if (output.what !== "updates") throw new Error("updates expected");
    expect(output.result.report.issues[0]).toMatchObject({ code: "packet_invalid", severity: "error" });
    expect(output.result.report.issues[0].message.vi).toContain("hong.zip");
    const csv = new TextEncoder().encode("point_id,carrier,status,date\r\nA,Viettel,on_air,2026-02-01\r\n");
    const plain = parseTrackingFile({ what: "updates", name: "u.csv", bytes: csv, registry, events: [], today: "2026-03-01" });
    if (plain.what !== "updates") throw new Error("updates expected");
    expect([plain.result.report.accepted, plain.photos]).toEqual([1, undefined]);
    expect(plain.result.report.issues).toEqual([]);
    // The same update file with photos named, sent without its packet: taken, with one warning for the file.
    const named = createStatusEvent({ pointId: "A", status: "on_air", date: "2026-02-01", actor, evidence: { photos: [photo("a.png", [1, 2, 3]).ref] } });
    const alone = parseTrackingFile({
      what: "updates",
      name: "u.csv",
      bytes: new TextEncoder().encode(writeUpdatesCsv([named])),
      registry,
      events: [],
      today: "2026-03-01",
    });
    if (alone.what !== "updates") throw new Error("updates expected");
    expect(alone.result.events.map((event) => event.id)).toEqual([named.id]);
    expect(alone.result.report.issues.map((issue) => [issue.code, issue.severity])).toEqual([["photos_not_attached", "warning"]]);
  });
});
