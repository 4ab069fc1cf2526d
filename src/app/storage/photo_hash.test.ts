// The app hashes attached photos with crypto.subtle; the domain checks them with its own SHA-256. Both must
// give the same digest for every length, around the 64-byte block boundaries especially.
import { describe, expect, it } from "vitest";
import { sha256Hex } from "../../domain/hash/sha256.ts";
import { hashPhoto } from "./photo_store.ts";

describe("hashPhoto (crypto.subtle) and sha256Hex (the domain)", () => {
  it("agree on every length around the block boundaries and on a large buffer", async () => {
    let seed = 7;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 24;
    for (const length of [0, 1, 54, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 129, 1000, 65_537, 1_000_003]) {
      const bytes = Uint8Array.from({ length }, random);
      expect(sha256Hex(bytes), `length ${length}`).toBe(await hashPhoto(bytes));
    }
  });
});
