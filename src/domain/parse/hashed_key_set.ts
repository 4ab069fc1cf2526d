/**
 * A compact set of string keys remembered by a 64-bit hash, each with a number (e.g. the row it
 * was first seen on). Used to find duplicate ids across the batches of a streamed file with
 * 12 bytes per key instead of a Map of strings: ten million ids take about 240 MB here against
 * more than a gigabyte in a Map. Two different keys collide with probability about n²/2⁶⁵
 * (3·10⁻⁶ for ten million keys).
 */
export interface HashedKeySet {
  /** Returns the number stored with an equal key seen before, or adds the key with `value` and returns -1. */
  firstOrAdd(key: string, value: number): number;
  readonly size: number;
}

/**
 * Creates an empty set.
 * @param initialCapacity - slots to start with (rounded up to a power of two)
 * @returns the set
 */
export function createHashedKeySet(initialCapacity = 1 << 16): HashedKeySet {
  let capacity = 1;
  while (capacity < initialCapacity) capacity <<= 1;
  // Slot k: hashes at [3k, 3k+1], value at 3k+2; a slot is empty when both hashes are 0 (0,0 is remapped).
  let slots = new Uint32Array(capacity * 3);
  let size = 0;

  function insert(table: Uint32Array, mask: number, h1: number, h2: number, value: number): number {
    let k = h1 & mask;
    for (;;) {
      const a = table[3 * k];
      const b = table[3 * k + 1];
      if (a === 0 && b === 0) {
        table[3 * k] = h1;
        table[3 * k + 1] = h2;
        table[3 * k + 2] = value;
        return -1;
      }
      if (a === h1 && b === h2) return table[3 * k + 2];
      k = (k + 1) & mask;
    }
  }

  function grow(): void {
    const old = slots;
    capacity <<= 1;
    slots = new Uint32Array(capacity * 3);
    for (let k = 0; k < old.length; k += 3) {
      if (old[k] !== 0 || old[k + 1] !== 0) insert(slots, capacity - 1, old[k], old[k + 1], old[k + 2]);
    }
  }

  return {
    firstOrAdd(key: string, value: number): number {
      let h1 = 0x811c9dc5;
      let h2 = 0x01000193 ^ key.length;
      for (let i = 0; i < key.length; i++) {
        const code = key.charCodeAt(i);
        h1 = Math.imul(h1 ^ code, 0x01000193);
        h2 = Math.imul(h2 ^ code, 0x5bd1e995);
        h2 ^= h2 >>> 15;
      }
      h1 >>>= 0;
      h2 >>>= 0;
      if (h1 === 0 && h2 === 0) h2 = 1;
      if ((size + 1) * 2 > capacity) grow();
      const found = insert(slots, capacity - 1, h1, h2, value);
      if (found < 0) size++;
      return found;
    },
    get size() {
      return size;
    },
  };
}
