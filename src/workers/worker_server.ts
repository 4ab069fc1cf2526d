/**
 * The worker's side of the protocol, after MapLibre's actor: a table of handlers, one per request type,
 * each `(params, ctx) => Promise<result>`. Every request gets an AbortController of its own; a `cancel`
 * message aborts that one only. Handlers cancel cooperatively: `ctx.checkpoint` (between steps and between
 * batches of the long loops) lets queued messages arrive and throws an AbortError when `ctx.signal` has
 * aborted. A cancelled request answers `cancelled` and its result, if it finished anyway, is dropped.
 * A handler that throws answers a failure as a value (code + the thrown message), never a stack trace.
 * Plain module (the scope is passed in), so the unit tests run it over a MessageChannel in Node.
 */
import type { Point } from "../domain/types.ts";
import { AbortError, isAbortError } from "./abort.ts";
import type { ProgressPhase, RequestFailure, RequestParams, RequestResult, RequestType, WorkerRequest, WorkerResponse } from "./messages.ts";
import { resultTransferables } from "./transfers.ts";

/** What a handler may do besides computing its result. */
export interface HandlerContext {
  /** The request's id: the client numbers its requests once, across restarts of the worker. */
  readonly id: number;
  /** Aborts when this request is cancelled. */
  readonly signal: AbortSignal;
  /** Reports progress (phase, 0–1 over the whole request). */
  progress(phase: ProgressPhase, fraction: number): void;
  /** Reports progress, lets queued messages (a cancel) arrive, then throws an AbortError if this request was cancelled. */
  checkpoint(phase: ProgressPhase, fraction: number): Promise<void>;
  /** Sends part of an analysis's points ahead of its result (see the `points` response). */
  points(points: Point[]): void;
}

/** The handler of one request type. */
export type Handler<K extends RequestType> = (params: RequestParams<K>, ctx: HandlerContext) => Promise<RequestResult<K>>;

/** A handler for every request type (the worker's table: the compiler asks for one per entry of RequestMap). */
export type Handlers = { [K in RequestType]: Handler<K> };

/** What the server needs of the worker's global scope (a MessagePort in the tests). */
export interface ServerScope {
  postMessage(message: WorkerResponse, transfer: Transferable[]): void;
  addEventListener(type: "message", listener: (event: MessageEvent<WorkerRequest>) => void): void;
}

/** Lets the event loop run once: queued messages (a cancel) are delivered before this resolves. */
function yieldToMessages(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Thrown by a handler that could not read a file posted as its Blob (see LoadedFile.posted): the client posts the bytes instead. */
export class BlobUnreadableError extends Error {
  readonly file: string;
  constructor(file: string, cause: unknown) {
    super(`${file}: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = "BlobUnreadableError";
    this.file = file;
  }
}

function failureOf(error: unknown): RequestFailure {
  if (error instanceof BlobUnreadableError) return { code: "blob_unreadable", params: { file: error.file } };
  return { code: "failed", params: { reason: error instanceof Error ? error.message : String(error) } };
}

/**
 * Answers the requests that arrive on `scope` with `handlers`.
 * @param scope - the worker's global scope (or a port)
 * @param handlers - a handler per request type (a type without one is answered `unknown_request`)
 */
export function serveRequests(scope: ServerScope, handlers: Partial<Handlers>): void {
  const running = new Map<number, AbortController>();

  async function run<K extends RequestType>(id: number, type: K, params: RequestParams<K>): Promise<void> {
    const controller = new AbortController();
    running.set(id, controller);
    const { signal } = controller;
    const ctx: HandlerContext = {
      id,
      signal,
      progress: (phase, fraction) => scope.postMessage({ kind: "progress", id, progress: { phase, fraction } }, []),
      checkpoint: async (phase, fraction) => {
        ctx.progress(phase, fraction);
        await yieldToMessages();
        if (signal.aborted) throw new AbortError();
      },
      points: (points) => scope.postMessage({ kind: "points", id, points }, []),
    };
    try {
      const handler = handlers[type] as Handler<K> | undefined;
      if (!handler) {
        scope.postMessage({ kind: "failure", id, failure: { code: "unknown_request", params: { type } } }, []);
        return;
      }
      const result = await handler(params, ctx);
      if (signal.aborted) {
        scope.postMessage({ kind: "cancelled", id }, []);
        return;
      }
      // The handler of K returned RequestResult<K>; the cast only restates that for the union.
      scope.postMessage({ kind: "result", id, type, result } as WorkerResponse, resultTransferables(type, result));
    } catch (error) {
      if (signal.aborted || isAbortError(error)) scope.postMessage({ kind: "cancelled", id }, []);
      else scope.postMessage({ kind: "failure", id, failure: failureOf(error) }, []);
    } finally {
      running.delete(id);
    }
  }

  scope.addEventListener("message", (event) => {
    const message = event.data;
    // A cancel for a request that has finished (or never came) is a no-op.
    if (message.kind === "cancel") running.get(message.id)?.abort();
    else void run(message.id, message.type, message.params);
  });
}
