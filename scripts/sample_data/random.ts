/**
 * A seeded pseudo-random source for the sample-data generator: same seed, same numbers, on every
 * machine, so the generated files are byte-identical.
 */

/** A seeded random source with the few draws the generator needs. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** A float in [min, max). */
  between(min: number, max: number): number;
  /** An integer in [min, max], both included. */
  integer(min: number, max: number): number;
  /** True with the given probability. */
  chance(probability: number): boolean;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** An index drawn with probability proportional to its weight. */
  pickWeighted(weights: readonly number[]): number;
}

/**
 * mulberry32 by Tommy Ettinger (public domain), a 32-bit generator small enough to inline and good
 * enough for synthetic data; see https://gist.github.com/tommyettinger/46a874533244883189143505d203312c
 * @param seed - any 32-bit integer
 * @returns a function returning floats in [0, 1)
 */
export function createMulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Wraps mulberry32 with the draws the generator needs.
 * @param seed - any 32-bit integer
 * @returns a seeded random source
 */
export function createRandom(seed: number): Random {
  const next = createMulberry32(seed);
  return {
    next,
    between: (min, max) => min + (max - min) * next(),
    integer: (min, max) => min + Math.floor((max - min + 1) * next()),
    chance: (probability) => next() < probability,
    pick: (items) => {
      if (items.length === 0) throw new Error("pick: empty array");
      return items[Math.floor(items.length * next())];
    },
    pickWeighted: (weights) => {
      const total = weights.reduce((sum, weight) => sum + weight, 0);
      let target = next() * total;
      for (let index = 0; index < weights.length; index += 1) {
        target -= weights[index];
        if (target < 0) return index;
      }
      return weights.length - 1;
    },
  };
}
