import { describe, expect, it } from "vitest";
import { strToU8, unzipSync, zipSync } from "fflate";
import { sha256Hex } from "../hash/sha256.ts";
import { computeEventId, createStatusEvent, type PhotoRef, type StatusEvent } from "./events.ts";
import {
  buildEvidencePacket,
  checkPacketPhotos,
  checkPhoto,
  isEvidencePacket,
  PACKET_MANIFEST,
  PHOTO_LIMITS,
  photoPath,
  readEvidencePacket,
  sniffPhotoType,
  type PacketPhoto,
} from "./evidence_packet.ts";
import { makeListedPoint } from "../../testing/listed_points.ts";
import { makePng } from "../../testing/photos.ts";
import { parseUpdatesCsv, parseUpdatesJson, writeUpdatesCsv, writeUpdatesJson, type UpdatesImportOptions } from "./updates.ts";

const registry = [makeListedPoint("A", { carrier: "Viettel" }), makeListedPoint("B", { carrier: "Viettel" })];
const options: UpdatesImportOptions = { file: "goi.zip", registry, events: [], today: "2026-03-31", listPublishedOn: "2026-01-01" };

function photo(name: string, rgb: [number, number, number]): PacketPhoto {
  const bytes = makePng(40, 30, rgb);
  const ref: PhotoRef = { hash: sha256Hex(bytes), name, size: bytes.length, type: "image/png" };
  return { ref, bytes };
}

const red = photo("tram-A.png", [200, 30, 30]);
const blue = photo("do-kiem-A.png", [30, 30, 200]);
const green = photo("tram-B.png", [30, 160, 30]);

function claims(): StatusEvent[] {
  const actor = { role: "carrier", carrier: "Viettel" } as const;
  return [
    createStatusEvent({
      pointId: "A",
      status: "on_air",
      date: "2026-02-01",
      actor,
      technology: "4G",
      evidence: { text: "đo kiểm", photos: [red.ref, blue.ref] },
    }),
    createStatusEvent({ pointId: "B", status: "on_air", date: "2026-02-03", actor, technology: "4G", evidence: { photos: [green.ref] } }),
  ];
}

/** Rewrites the declared inflated size of one entry in the central directory (what a zip bomb lies about). */
function patchDeclaredSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let offset = 0; offset + 46 < out.length; offset++) {
    if (view.getUint32(offset, true) !== 0x02014b50) continue;
    const nameLength = view.getUint16(offset + 28, true);
    const entryName = new TextDecoder().decode(out.subarray(offset + 46, offset + 46 + nameLength));
    if (entryName === name) {
      view.setUint32(offset + 24, size, true);
      return out;
    }
  }
  throw new Error(`no central directory entry ${name}`);
}

describe("evidence packet", () => {
  it("round-trips a CSV update file and its photos: same events, same ids, every photo verified", () => {
    const events = claims();
    const csv = writeUpdatesCsv(events);
    const zip = buildEvidencePacket({ updateFile: { name: "cap-nhat-viettel.csv", content: csv }, photos: [red, blue, green, red] });
    expect(isEvidencePacket("cap-nhat-viettel.zip", zip)).toBe(true);
    // The update file inside is byte for byte the one exported alone; each photo is there once, by hash.
    const entries = unzipSync(zip);
    expect(Object.keys(entries).sort()).toEqual(
      [PACKET_MANIFEST, "cap-nhat-viettel.csv", photoPath(blue.ref), photoPath(green.ref), photoPath(red.ref)].sort(),
    );
    expect(new TextDecoder("utf-8", { ignoreBOM: true }).decode(entries["cap-nhat-viettel.csv"])).toBe(csv);

    const packet = readEvidencePacket("goi.zip", zip);
    if (!packet.ok) throw new Error(packet.error.en);
    expect(packet.value.photos.size).toBe(3);
    expect(packet.value.issues).toEqual([]);
    const result = parseUpdatesCsv(packet.value.updates.bytes, options);
    expect(result.report).toMatchObject({ read: 2, accepted: 2, rejected: 0 });
    expect(result.events.map((event) => event.id)).toEqual(events.map((event) => event.id));
    expect(result.events[0].evidence?.photos).toEqual([red.ref, blue.ref]);
    const check = checkPacketPhotos("goi.zip", packet.value, result.events);
    expect(check.counts).toEqual({ referenced: 3, found: 3, missing: 0, damaged: 0 });
    expect(check.issues).toEqual([]);
    expect(check.keep.map((kept) => kept.ref.hash).sort()).toEqual([red.ref.hash, blue.ref.hash, green.ref.hash].sort());
    for (const kept of check.keep) expect(sha256Hex(kept.bytes)).toBe(kept.ref.hash);
  });

  it("round-trips the JSON form too, and is byte-identical when built twice", () => {
    const events = claims();
    const json = writeUpdatesJson(events);
    const build = () => buildEvidencePacket({ updateFile: { name: "cap-nhat.json", content: json }, photos: [green, blue, red] });
    expect(build()).toEqual(build());
    const packet = readEvidencePacket("goi.zip", build());
    if (!packet.ok) throw new Error(packet.error.en);
    const result = parseUpdatesJson(packet.value.updates.bytes, options);
    expect(result.events.map((event) => event.id)).toEqual(events.map((event) => event.id));
    expect(checkPacketPhotos("goi.zip", packet.value, result.events).counts.found).toBe(3);
  });

  it("keeps the ids of events without photos (the photos join the content only when there are some)", () => {
    const draft = { pointId: "A", status: "on_air", date: "2026-02-01", actor: { role: "carrier", carrier: "Viettel" }, evidence: { text: "x" } } as const;
    expect(computeEventId({ ...draft, evidence: { text: "x", photos: [] } })).toBe(computeEventId(draft));
    expect(computeEventId({ ...draft, evidence: { text: "x", photos: [red.ref] } })).not.toBe(computeEventId(draft));
    // And a CSV without photos has exactly the columns it had before.
    expect(writeUpdatesCsv([createStatusEvent(draft)]).split("\r\n")[0]).toBe(
      "\uFEFFpoint_id,carrier,status,date,technology,evidence,note,download_mbps,upload_mbps,signal_dbm,photo",
    );
  });

  it("reports a photo whose bytes do not match its hash on its event's row, and keeps the event", () => {
    const events = claims();
    const tampered = red.bytes.slice();
    tampered[tampered.length - 20] ^= 0xff;
    const zip = buildEvidencePacket({
      updateFile: { name: "u.csv", content: writeUpdatesCsv(events) },
      photos: [{ ref: red.ref, bytes: tampered }, blue, green],
    });
    const packet = readEvidencePacket("goi.zip", zip);
    if (!packet.ok) throw new Error(packet.error.en);
    const result = parseUpdatesCsv(packet.value.updates.bytes, options);
    expect(result.report).toMatchObject({ read: 2, accepted: 2, rejected: 0 });
    const check = checkPacketPhotos("goi.zip", packet.value, result.events);
    expect(check.counts).toEqual({ referenced: 3, found: 2, missing: 0, damaged: 1 });
    expect(check.issues).toHaveLength(1);
    expect(check.issues[0]).toMatchObject({ code: "photo_damaged", severity: "warning", row: 1, column: "photos" });
    expect(check.issues[0].message.vi).toContain("tram-A.png");
    expect(check.issues[0].message.en).toContain("does not match its hash");
    expect(check.keep.map((kept) => kept.ref.hash)).not.toContain(red.ref.hash);
  });

  it("reports a photo missing from the packet on its event's row", () => {
    const events = claims();
    const zip = buildEvidencePacket({ updateFile: { name: "u.csv", content: writeUpdatesCsv(events) }, photos: [red, blue] });
    const packet = readEvidencePacket("goi.zip", zip);
    if (!packet.ok) throw new Error(packet.error.en);
    const result = parseUpdatesCsv(packet.value.updates.bytes, options);
    const check = checkPacketPhotos("goi.zip", packet.value, result.events);
    expect(check.counts).toEqual({ referenced: 3, found: 2, missing: 1, damaged: 0 });
    expect(check.issues.map((issue) => [issue.code, issue.row])).toEqual([["photo_missing", 2]]);
    expect(check.issues[0].message.vi).toContain("tram-B.png");
    expect(check.issues[0].message.en).toContain("not in the packet");
  });

  it("names photos in the packet that no change takes, and does not keep them", () => {
    const events = claims().slice(0, 1);
    const zip = buildEvidencePacket({ updateFile: { name: "u.csv", content: writeUpdatesCsv(events) }, photos: [red, blue, green] });
    const packet = readEvidencePacket("goi.zip", zip);
    if (!packet.ok) throw new Error(packet.error.en);
    const check = checkPacketPhotos("goi.zip", packet.value, parseUpdatesCsv(packet.value.updates.bytes, options).events);
    expect(check.keep).toHaveLength(2);
    expect(check.issues.map((issue) => issue.code)).toEqual(["photo_unreferenced"]);
  });

  it("refuses an oversized photo entry without inflating it, and an archive over the limits", () => {
    const big = new Uint8Array(PHOTO_LIMITS.maxPhotoBytes + 1);
    big.set(makePng(2, 2, [1, 2, 3]));
    const ref: PhotoRef = { hash: sha256Hex(big), name: "to.png", size: big.length, type: "image/png" };
    const event = createStatusEvent({
      pointId: "A",
      status: "on_air",
      date: "2026-02-01",
      actor: { role: "carrier", carrier: "Viettel" },
      evidence: { photos: [ref] },
    });
    const zip = buildEvidencePacket({ updateFile: { name: "u.csv", content: writeUpdatesCsv([event]) }, photos: [{ ref, bytes: big }] });
    const packet = readEvidencePacket("goi.zip", zip);
    if (!packet.ok) throw new Error(packet.error.en);
    expect(packet.value.photos.size).toBe(0);
    const check = checkPacketPhotos("goi.zip", packet.value, [event]);
    expect(check.issues[0]).toMatchObject({ code: "photo_damaged" });
    expect(check.issues[0].message.en).toContain("over 5 MB");

    const tooMany = readEvidencePacket("goi.zip", zip, { maxEntries: 2, maxUpdateFileBytes: 1e6, maxTotalBytes: 1e9 });
    expect(tooMany.ok).toBe(false);
    if (!tooMany.ok) expect(tooMany.error.en).toContain("3 entries, over the limit of 2");
    const tooBig = readEvidencePacket("goi.zip", zip, { maxEntries: 10, maxUpdateFileBytes: 1e6, maxTotalBytes: 1_048_576 });
    expect(tooBig.ok).toBe(false);
    if (!tooBig.ok) expect(tooBig.error.vi).toContain("bom nén");
  });

  it("refuses a zip bomb by its declared size, and a bomb lying about its size fails its hash", () => {
    // 40 MB of zeros deflate to about 40 kB.
    const zeros = new Uint8Array(40 * 1_048_576);
    const manifest = {
      format: "lom-song-evidence-packet",
      version: 1,
      updates: "u.csv",
      photos: [{ hash: "0".repeat(64), name: "bom.png", size: 10, type: "image/png", path: `photos/${"0".repeat(64)}.png` }],
    };
    const zip = zipSync({
      [PACKET_MANIFEST]: strToU8(JSON.stringify(manifest)),
      "u.csv": strToU8("point_id,carrier,status,date\r\n"),
      [`photos/${"0".repeat(64)}.png`]: [zeros, { level: 9 }],
    });
    expect(zip.length).toBeLessThan(1_048_576);
    const refused = readEvidencePacket("bom.zip", zip, { maxEntries: 10, maxUpdateFileBytes: 1e6, maxTotalBytes: 32 * 1_048_576 });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.en).toContain("zip bomb");
    // The same archive claiming its entry is 1000 bytes: inflated no further than that, then the hash fails.
    const lying = patchDeclaredSize(zip, `photos/${"0".repeat(64)}.png`, 1000);
    const read = readEvidencePacket("bom.zip", lying);
    if (!read.ok) throw new Error(read.error.en);
    expect(read.value.photos.size).toBe(0);
    expect(read.value.damaged.get("0".repeat(64))?.en).toContain("does not match its hash");
  });

  it("refuses archives that are not packets, with the reason", () => {
    const notZip = readEvidencePacket("x.zip", strToU8("PK\u0003\u0004 not really"));
    expect(notZip.ok).toBe(false);
    const noManifest = readEvidencePacket("x.zip", zipSync({ "u.csv": strToU8("a") }));
    expect(noManifest.ok).toBe(false);
    if (!noManifest.ok) expect(noManifest.error.vi).toContain("manifest.json");
    const noUpdates = readEvidencePacket(
      "x.zip",
      zipSync({ [PACKET_MANIFEST]: strToU8(JSON.stringify({ format: "lom-song-evidence-packet", version: 1, updates: "u.csv", photos: [] })) }),
    );
    expect(noUpdates.ok).toBe(false);
    if (!noUpdates.ok) expect(noUpdates.error.en).toContain('"u.csv"');
    expect(isEvidencePacket("bang.xlsx", zipSync({ a: strToU8("a") }))).toBe(false);
  });
});

describe("checkPhoto", () => {
  const png = makePng(4, 4, [0, 0, 0]);
  it("accepts JPEG, PNG and WebP by their bytes, whatever the name", () => {
    expect(checkPhoto({ name: "a.jpg", bytes: png }, 0)).toEqual({ ok: true, value: "image/png" });
    expect(sniffPhotoType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe("image/jpeg");
    expect(sniffPhotoType(strToU8("RIFF\u0000\u0000\u0000\u0000WEBPVP8 "))).toBe("image/webp");
  });
  it("refuses HEIC, other files, empty files, oversized photos and a fifth photo, naming the file", () => {
    const heic = checkPhoto({ name: "IMG_0001.HEIC", bytes: strToU8("\u0000\u0000\u0000\u0018ftypheic"), declaredType: "image/heic" }, 0);
    expect(heic.ok).toBe(false);
    if (!heic.ok) expect([heic.error.code, heic.error.message.vi.startsWith("IMG_0001.HEIC: ảnh HEIC")]).toEqual(["photo_type", true]);
    const gif = checkPhoto({ name: "a.gif", bytes: strToU8("GIF89a....") }, 0);
    if (!gif.ok) expect(gif.error.message.en).toBe("a.gif: not a JPEG, PNG or WebP image.");
    expect(gif.ok).toBe(false);
    const empty = checkPhoto({ name: "e.png", bytes: new Uint8Array(0) }, 0);
    expect(!empty.ok && empty.error.code).toBe("photo_empty");
    const big = new Uint8Array(PHOTO_LIMITS.maxPhotoBytes + 1);
    big.set(png);
    const large = checkPhoto({ name: "to.png", bytes: big }, 0);
    expect(!large.ok && large.error.code).toBe("photo_too_large");
    if (!large.ok) expect(large.error.message.vi).toContain("5.0 MB");
    const exact = new Uint8Array(PHOTO_LIMITS.maxPhotoBytes);
    exact.set(png);
    expect(checkPhoto({ name: "vua.png", bytes: exact }, 0).ok).toBe(true);
    const fifth = checkPhoto({ name: "5.png", bytes: png }, PHOTO_LIMITS.maxPhotosPerChange);
    expect(!fifth.ok && fifth.error.code).toBe("photo_count");
    expect(checkPhoto({ name: "4.png", bytes: png }, PHOTO_LIMITS.maxPhotosPerChange - 1).ok).toBe(true);
  });
});
