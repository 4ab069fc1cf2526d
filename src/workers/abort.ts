/**
 * The one rejection of a cancelled request, on both sides of the worker boundary: the client rejects with it
 * when a request's signal aborts, and a handler throws it at a checkpoint once its request is cancelled.
 * Callers read it as "superseded" (a newer request replaced this one), never as an error to show.
 */

/** A request cancelled by its own signal (or by the client's dispose). */
export class AbortError extends Error {
  constructor(message = "superseded") {
    super(message);
    this.name = "AbortError";
  }
}

/**
 * Whether a rejection means the request was superseded (cancelled) rather than failed.
 * @param error - a rejection reason
 * @returns true for an AbortError (ours, or the DOMException of an aborted signal)
 */
export function isAbortError(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { name?: unknown }).name === "AbortError";
}
