import { describe, expect, it } from "vitest";
import { gunzipSync, gzipSync } from "fflate";
import { PMTiles, zxyToTileId as readerTileId, type Source } from "pmtiles";
import { createRandom } from "../../testing/seeded_random.ts";
import { PMTILES_COMPRESSION, PMTILES_TILE_TYPE, writePmtiles, zxyToTileId, type PmtilesTile } from "./pmtiles_writer.ts";

/** The archive as one buffer, served to the reader like a file. */
function sourceOf(parts: readonly Uint8Array[]): { source: Source; bytes: Uint8Array } {
  const length = parts.reduce((sum, part) => sum + part.length, 0);
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  return {
    bytes,
    source: {
      getKey: () => "memory",
      getBytes: async (offset, count) => ({ data: bytes.slice(offset, offset + count).buffer }),
    },
  };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

/** Random distinct tiles over z0–maxZoom, some with repeated contents (runs and duplicates). */
function randomTiles(seed: number, count: number, maxZoom: number): PmtilesTile[] {
  const next = createRandom(seed);
  const seen = new Set<string>();
  const tiles: PmtilesTile[] = [];
  const shared = [gzipSync(new Uint8Array([1, 2, 3])), gzipSync(new Uint8Array(100).fill(255))];
  while (tiles.length < count) {
    const z = Math.floor(next() * (maxZoom + 1));
    const n = 2 ** z;
    // Half the tiles in one corner of the world (dense, consecutive ids), half anywhere (sparse).
    const x = next() < 0.5 ? Math.floor(next() * Math.min(n, 8)) : Math.floor(next() * n);
    const y = next() < 0.5 ? Math.floor(next() * Math.min(n, 8)) : Math.floor(next() * n);
    const key = `${z}/${x}/${y}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const data = next() < 0.3 ? shared[Math.floor(next() * 2)] : gzipSync(new TextEncoder().encode(`tile ${key} ${next()}`));
    tiles.push({ z, x, y, data });
  }
  return tiles;
}

const OPTIONS = {
  tileType: PMTILES_TILE_TYPE.unknown,
  tileCompression: PMTILES_COMPRESSION.gzip,
  bounds: [102, 8.5, 110, 23.4] as [number, number, number, number],
  metadata: { format: "test", layers: ["a", "b"] },
};

async function expectRoundTrip(tiles: PmtilesTile[], minZoom: number, maxZoom: number, leafSize?: number) {
  const archive = writePmtiles(tiles, { ...OPTIONS, minZoom, maxZoom, leafSize });
  const { source, bytes } = sourceOf(archive.parts);
  expect(bytes.length).toBe(archive.byteLength);
  const reader = new PMTiles(source);
  const header = await reader.getHeader();
  expect(header.specVersion).toBe(3);
  expect(header.numAddressedTiles).toBe(tiles.length);
  expect(header.minZoom).toBe(minZoom);
  expect(header.maxZoom).toBe(maxZoom);
  expect(header.minLon).toBeCloseTo(102, 6);
  expect(header.maxLat).toBeCloseTo(23.4, 6);
  expect(header.tileCompression).toBe(PMTILES_COMPRESSION.gzip);
  // The header and the root directory are in the first 16 KiB.
  expect(header.rootDirectoryOffset + header.rootDirectoryLength).toBeLessThanOrEqual(16_384);
  expect(await reader.getMetadata()).toEqual(OPTIONS.metadata);
  for (const tile of tiles) {
    const found = await reader.getZxy(tile.z, tile.x, tile.y);
    expect(found, `${tile.z}/${tile.x}/${tile.y}`).toBeDefined();
    expect(sameBytes(new Uint8Array(found!.data), gunzipSync(tile.data)), `${tile.z}/${tile.x}/${tile.y}`).toBe(true);
  }
  // Tiles not written are absent: every neighbour of a written tile that is not itself written.
  const written = new Set(tiles.map((tile) => `${tile.z}/${tile.x}/${tile.y}`));
  let absentChecked = 0;
  for (const tile of tiles.slice(0, 300)) {
    for (const [dx, dy] of [
      [1, 0],
      [0, 1],
      [-1, 0],
      [0, -1],
    ]) {
      const x = tile.x + dx;
      const y = tile.y + dy;
      if (x < 0 || y < 0 || x >= 2 ** tile.z || y >= 2 ** tile.z || written.has(`${tile.z}/${x}/${y}`)) continue;
      expect(await reader.getZxy(tile.z, x, y), `${tile.z}/${x}/${y} was not written`).toBeUndefined();
      absentChecked++;
    }
  }
  return { archive, absentChecked };
}

describe("zxyToTileId", () => {
  it("matches the pmtiles reader's Hilbert ids on every tile to z6 and random tiles to z26", () => {
    for (let z = 0; z <= 6; z++) for (let x = 0; x < 2 ** z; x++) for (let y = 0; y < 2 ** z; y++) expect(zxyToTileId(z, x, y)).toBe(readerTileId(z, x, y));
    const next = createRandom(7);
    for (let k = 0; k < 2000; k++) {
      const z = Math.floor(next() * 27);
      const x = Math.floor(next() * 2 ** z);
      const y = Math.floor(next() * 2 ** z);
      expect(zxyToTileId(z, x, y)).toBe(readerTileId(z, x, y));
    }
  });

  it("refuses a tile outside its zoom", () => {
    expect(() => zxyToTileId(2, 4, 0)).toThrow(RangeError);
    expect(() => zxyToTileId(27, 0, 0)).toThrow(RangeError);
  });
});

describe("writePmtiles", () => {
  it("round-trips random sparse and dense tile sets through the pmtiles reader (z0–z12, root directory only)", async () => {
    for (const seed of [1, 2, 3]) {
      const { archive, absentChecked } = await expectRoundTrip(randomTiles(seed, 400, 12), 0, 12);
      expect(archive.leafDirectories).toBe(0);
      expect(absentChecked).toBeGreaterThan(0);
    }
  }, 60_000);

  it("round-trips through several leaf directories", async () => {
    const tiles = randomTiles(11, 1500, 12);
    const { archive } = await expectRoundTrip(tiles, 0, 12, 100);
    expect(archive.leafDirectories).toBe(Math.ceil(archive.tileEntries / 100));
    expect(archive.leafDirectories).toBeGreaterThan(1);
  }, 60_000);

  it("moves the entries to leaves by itself when the root would not fit in 16 KiB", async () => {
    // 30,000 scattered tiles of distinct contents and lengths: the root alone would be far over 16 KiB.
    const next = createRandom(5);
    const seen = new Set<number>();
    const tiles: PmtilesTile[] = [];
    while (tiles.length < 30_000) {
      const x = Math.floor(next() * 4096);
      const y = Math.floor(next() * 4096);
      if (seen.has(x * 4096 + y)) continue;
      seen.add(x * 4096 + y);
      tiles.push({ z: 12, x, y, data: gzipSync(new Uint8Array(1 + Math.floor(next() * 40)).fill(tiles.length & 255)) });
    }
    const archive = writePmtiles(tiles, { ...OPTIONS, minZoom: 12, maxZoom: 12 });
    expect(archive.leafDirectories).toBeGreaterThan(1);
    const { source } = sourceOf(archive.parts);
    const reader = new PMTiles(source);
    for (let k = 0; k < 300; k++) {
      const tile = tiles[Math.floor(next() * tiles.length)];
      expect(sameBytes(new Uint8Array((await reader.getZxy(12, tile.x, tile.y))!.data), gunzipSync(tile.data))).toBe(true);
    }
  }, 120_000);

  it("stores equal tiles once and a run of equal consecutive tiles as one entry", async () => {
    const full = gzipSync(new Uint8Array(65_536).fill(255));
    // All 16 tiles of z2 (16 consecutive ids) and the first tile of z3, equal; one other tile.
    const tiles: PmtilesTile[] = [];
    for (let x = 0; x < 4; x++) for (let y = 0; y < 4; y++) tiles.push({ z: 2, x, y, data: full });
    tiles.push({ z: 3, x: 0, y: 0, data: full });
    tiles.push({ z: 3, x: 7, y: 7, data: gzipSync(new Uint8Array([9])) });
    const { archive } = await expectRoundTrip(tiles, 2, 3);
    expect(archive.tileContents).toBe(2);
    // z2 is ids 5–20 and z3/0/0 is id 21: one run of 17, then the other tile.
    expect(archive.tileEntries).toBe(2);
    expect(archive.addressedTiles).toBe(18);
  });

  it("refuses the same tile twice", () => {
    const data = gzipSync(new Uint8Array([1]));
    expect(() =>
      writePmtiles(
        [
          { z: 1, x: 0, y: 0, data },
          { z: 1, x: 0, y: 0, data },
        ],
        { ...OPTIONS, minZoom: 1, maxZoom: 1 },
      ),
    ).toThrow(/twice/);
  });
});
