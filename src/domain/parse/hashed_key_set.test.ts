import { describe, expect, it } from "vitest";
import { createHashIndex, createHashedKeySet } from "./hashed_key_set.ts";

describe("createHashedKeySet", () => {
  it("remembers the first value of every key and agrees with a Map on many keys", () => {
    const set = createHashedKeySet(4);
    const reference = new Map<string, number>();
    for (let i = 0; i < 50_000; i++) {
      const key = `LC-${(i * 7919) % 20_011}`;
      const expected = reference.has(key) ? reference.get(key)! : -1;
      if (!reference.has(key)) reference.set(key, i);
      expect(set.firstOrAdd(key, i)).toBe(expected);
    }
    expect(set.size).toBe(reference.size);
  });

  it("tells apart keys that differ only by accents or case", () => {
    const set = createHashedKeySet();
    expect(set.firstOrAdd("Bản Xèo", 1)).toBe(-1);
    expect(set.firstOrAdd("Ban Xeo", 2)).toBe(-1);
    expect(set.firstOrAdd("bản xèo", 3)).toBe(-1);
    expect(set.firstOrAdd("Bản Xèo", 4)).toBe(1);
  });
});

describe("createHashIndex", () => {
  it("tells apart keys whose hashes collide when given an equality check", () => {
    const index = createHashIndex(4);
    const keys = ["a", "b", "c", "a", "c"];
    // Every key gets the same hash: only the equality check separates them.
    const results = keys.map((key, i) => index.firstOrAdd(7, 9, i, (stored) => keys[stored] === key));
    expect(results).toEqual([-1, -1, -1, 0, 2]);
    expect(index.size).toBe(3);
  });
});
