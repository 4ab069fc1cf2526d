/**
 * A small seeded pseudo-random generator for reproducible tests and benchmark workloads.
 * mulberry32 by Tommy Ettinger (public domain), as used in many JS test suites.
 */

/**
 * Creates a seeded generator of floats in [0, 1).
 * @param seed - any 32-bit integer
 * @returns a function returning the next number of the sequence
 * @example
 * ```ts
 * const random = createRandom(42);
 * random(); // the same first number on every run
 * ```
 */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Draws a standard normal number from a uniform generator (Box–Muller).
 * @param random - a generator from createRandom
 * @returns a normally distributed number (mean 0, standard deviation 1)
 */
export function drawGaussian(random: () => number): number {
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
