/**
 * What every e2e spec module asserts with, and the day the app counts in: one copy for all of them.
 */

/** A failed expectation of a spec (the runner prints its message, no stack). */
export class AssertionError extends Error {}

/**
 * Fails the spec with the message unless the condition holds.
 * @param condition - what must be true
 * @param message - what a person reading the run is told
 */
export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new AssertionError(message);
}

/**
 * Fails the spec unless the two values are equal as JSON.
 * @param actual - what the page shows
 * @param expected - what the domain computes
 * @param message - what is compared
 */
export function assertEqual<T>(actual: T, expected: T, message: string): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected))
    throw new AssertionError(`${message}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

/** Today in Viet Nam, as the app counts it. */
export function todayInVietnam(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh" }).format(new Date());
}
