/** Results as values for expected failures; `throw` is reserved for violated invariants. */
export type Result<T, E> = { ok: true; value: T } | { ok: false; error: E };

/** Wraps a value as a success. */
export function ok<T>(value: T): Result<T, never> {
  return { ok: true, value };
}

/** Wraps an error as a failure. */
export function err<E>(error: E): Result<never, E> {
  return { ok: false, error };
}
