/**
 * Compact hash tables keyed by a 64-bit hash (two 32-bit words), holding a number per key (a point's
 * index or row). No Map entry and no string key per item: they serve duplicate checks on files of
 * millions of rows (12 bytes a slot, at least a quarter of the slots empty: ten million keys take 192 MB here,
 * against more than a gigabyte in a Map of strings).
 */

/** A table of hashes to numbers; see createHashIndex. */
export interface HashIndex {
  /**
   * Returns the number stored under an equal key, or stores `value` and returns -1.
   * @param high - first 32 bits of the key's hash
   * @param low - second 32 bits of the key's hash
   * @param value - a non-negative integer below 2³²−1 to store
   * @param equals - confirms that the key stored with a number is the key asked for (hashes can collide);
   *   without it, equal hashes count as equal keys
   */
  firstOrAdd(high: number, low: number, value: number, equals?: (stored: number) => boolean): number;
  readonly size: number;
}

/**
 * Creates an empty hash index.
 * @param expected - how many keys to expect (the table grows past it)
 * @returns the index
 */
export function createHashIndex(expected = 1 << 15): HashIndex {
  let capacity = 16;
  while (capacity * 0.75 < expected) capacity *= 2;
  // Slot k: hash words at [3k, 3k+1], value + 1 at 3k+2 (0 = empty).
  let slots = new Uint32Array(capacity * 3);
  let size = 0;

  function grow(): void {
    const old = slots;
    capacity *= 2;
    slots = new Uint32Array(capacity * 3);
    const mask = capacity - 1;
    for (let k = 0; k < old.length; k += 3) {
      if (old[k + 2] === 0) continue;
      let slot = (old[k] ^ old[k + 1]) & mask;
      while (slots[3 * slot + 2] !== 0) slot = (slot + 1) & mask;
      slots[3 * slot] = old[k];
      slots[3 * slot + 1] = old[k + 1];
      slots[3 * slot + 2] = old[k + 2];
    }
  }

  return {
    firstOrAdd(high, low, value, equals) {
      // Linear probing stays short up to three quarters full; past that the table doubles.
      if ((size + 1) * 4 > capacity * 3) grow();
      const mask = capacity - 1;
      let slot = (high ^ low) & mask;
      for (;;) {
        const stored = slots[3 * slot + 2];
        if (stored === 0) {
          slots[3 * slot] = high;
          slots[3 * slot + 1] = low;
          slots[3 * slot + 2] = value + 1;
          size++;
          return -1;
        }
        if (slots[3 * slot] === high >>> 0 && slots[3 * slot + 1] === low >>> 0 && (equals === undefined || equals(stored - 1))) return stored - 1;
        slot = (slot + 1) & mask;
      }
    },
    get size() {
      return size;
    },
  };
}

/**
 * Hashes a string to 64 bits (two FNV-style 32-bit words), written into `out`.
 * @param text - the key
 * @param out - receives the two words
 */
export function hashString(text: string, out: Uint32Array): void {
  let high = 0x811c9dc5;
  let low = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    high = Math.imul(high ^ code, 0x01000193);
    low = Math.imul(low ^ code, 0x5bd1e995);
    low ^= low >>> 15;
  }
  out[0] = high;
  out[1] = low;
}

/** A set of strings remembered by hash only, with the first number stored for each (see createHashedKeySet). */
export interface HashedKeySet {
  /** Returns the number stored with an equal key seen before, or adds the key with `value` and returns -1. */
  firstOrAdd(key: string, value: number): number;
  readonly size: number;
}

/**
 * Creates a set of strings remembered by their 64-bit hash only, for keys that are no longer in memory
 * (earlier batches of a streamed file). Two different keys collide with probability about n²/2⁶⁵
 * (3·10⁻⁶ for ten million keys).
 * @param expected - how many keys to expect
 * @returns the set
 */
export function createHashedKeySet(expected = 1 << 15): HashedKeySet {
  const index = createHashIndex(expected);
  const hash = new Uint32Array(2);
  return {
    firstOrAdd(key, value) {
      hashString(key, hash);
      return index.firstOrAdd(hash[0], hash[1], value);
    },
    get size() {
      return index.size;
    },
  };
}
