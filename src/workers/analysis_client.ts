/**
 * The main thread's side of the analysis worker, after MapLibre's actor: `request(type, params, { signal })`
 * is typed by the protocol's one map (`RequestMap`), so a caller names the request type once and gets its
 * result type back. Each request may be cancelled by its own AbortSignal: the client rejects it at once with
 * an AbortError (a caller reads that as "superseded", never as a failure to show), tells the worker, which
 * stops it at its next checkpoint, and every other pending request carries on.
 * File bytes and arrays are copied and the copies transferred (`transfers.ts`), so the caller keeps its own.
 */
import type { Point } from "../domain/types.ts";
import { WORK_MARK, type WorkMarkDetail } from "./work_limits.ts";
import { AbortError } from "./abort.ts";
import { bytesAtHand, prepareParams } from "./transfers.ts";
export { AbortError, isAbortError } from "./abort.ts";
import type { ProgressEvent, RequestFailure, RequestParams, RequestResult, RequestType, WorkerRequest, WorkerResponse } from "./messages.ts";

export interface RequestOptions {
  /** Cancels this request only. */
  signal?: AbortSignal;
  onProgress?: (progress: ProgressEvent) => void;
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  onProgress?: (progress: ProgressEvent) => void;
  /** The points received so far, in order (an analysis's points come before its result). */
  points?: Point[][];
  /** Removes the abort listener once the request is settled. */
  release: () => void;
}

/** The rejection of a request the worker could not answer: the failure as a value (code + params). */
export class RequestFailedError extends Error {
  readonly code: RequestFailure["code"];
  readonly params: RequestFailure["params"];
  constructor(failure: RequestFailure) {
    super(
      failure.code === "failed"
        ? failure.params.reason
        : failure.code === "blob_unreadable"
          ? `${failure.params.file}: could not be read again`
          : `no handler for ${failure.params.type}`,
    );
    this.name = "RequestFailedError";
    this.code = failure.code;
    this.params = failure.params;
  }
}

/** The rejection of every pending request when the worker itself died (it is restarted). */
export class WorkerFailedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WorkerFailedError";
  }
}

/** What the client needs of a Worker (a MessagePort in the tests). */
export interface WorkerLike {
  postMessage(message: WorkerRequest, transfer: Transferable[]): void;
  addEventListener(type: "message", listener: (event: MessageEvent<WorkerResponse>) => void): void;
  addEventListener(type: "error", listener: (event: ErrorEvent) => void): void;
  terminate(): void;
}

/**
 * A client for the analysis worker.
 * @example
 * ```ts
 * const client = new AnalysisClient(() => new Worker(new URL("./analysis.worker.ts", import.meta.url), { type: "module" }));
 * const result = await client.request("analyze", { files, boundaryUrls: [], view }, { signal, onProgress });
 * ```
 */
export class AnalysisClient {
  private worker: WorkerLike;
  private readonly createWorker: () => WorkerLike;
  private readonly pending = new Map<number, Pending>();
  private nextRequestId = 1;

  constructor(createWorker: () => WorkerLike) {
    this.createWorker = createWorker;
    this.worker = this.startWorker();
  }

  private startWorker(): WorkerLike {
    const worker = this.createWorker();
    worker.addEventListener("message", (event: MessageEvent<WorkerResponse>) => this.receive(event.data));
    worker.addEventListener("error", (event: ErrorEvent) => {
      event.preventDefault();
      // An uncaught failure outside any handler: the worker's state is unknown, so it starts again.
      this.worker.terminate();
      this.settleAll(new WorkerFailedError(event.message || "worker error"));
      this.worker = this.startWorker();
    });
    return worker;
  }

  private settleAll(reason: unknown): void {
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const entry of pending) {
      entry.release();
      entry.reject(reason);
    }
  }

  private receive(response: WorkerResponse): void {
    const pending = this.pending.get(response.id);
    // A cancelled request's late answer, or its `cancelled` confirmation: already settled.
    if (!pending) return;
    if (response.kind === "progress") {
      pending.onProgress?.(response.progress);
      return;
    }
    if (response.kind === "points") {
      (pending.points ??= []).push(response.points);
      performance.mark(WORK_MARK, { detail: { kind: "points-message", points: response.points.length } satisfies WorkMarkDetail });
      return;
    }
    this.pending.delete(response.id);
    pending.release();
    if (response.kind === "result") {
      if (response.type === "analyze" && pending.points) response.result.points = pending.points.flat();
      pending.resolve(response.result);
    } else if (response.kind === "cancelled") pending.reject(new AbortError());
    else pending.reject(new RequestFailedError(response.failure));
  }

  /**
   * Sends a request and waits for its result.
   * @param type - the request type
   * @param params - its params (buffers are copied, the caller's are left intact)
   * @param options - this request's abort signal and progress callback
   * @returns the result; rejects with AbortError when the signal aborts, RequestFailedError when the worker failed it
   */
  request<K extends RequestType>(type: K, params: RequestParams<K>, options: RequestOptions = {}): Promise<RequestResult<K>> {
    // A file posted as its Blob that the worker could not read (changed on disk since it was chosen): when the bytes
    // are at hand as well they are posted instead; else the failure (code blob_unreadable) reaches the caller.
    return this.send(type, params, options, true).catch((error: unknown) =>
      error instanceof RequestFailedError && error.code === "blob_unreadable" && bytesAtHand(type, params)
        ? this.send(type, params, options, false)
        : Promise.reject(error),
    );
  }

  private send<K extends RequestType>(type: K, params: RequestParams<K>, options: RequestOptions, asBlob: boolean): Promise<RequestResult<K>> {
    const { signal, onProgress } = options;
    if (signal?.aborted) return Promise.reject(new AbortError());
    const id = this.nextRequestId++;
    let prepared: ReturnType<typeof prepareParams<K>>;
    try {
      prepared = prepareParams(type, params, asBlob);
    } catch (error) {
      // A buffer that cannot be copied (detached): the request fails as any other, never throws at the caller.
      return Promise.reject(error);
    }
    return new Promise<RequestResult<K>>((resolve, reject) => {
      const abort = () => {
        const entry = this.pending.get(id);
        if (!entry) return;
        this.pending.delete(id);
        // The worker stops the request at its next checkpoint and drops its result; nothing else is touched.
        this.worker.postMessage({ kind: "cancel", id }, []);
        reject(new AbortError());
      };
      signal?.addEventListener("abort", abort, { once: true });
      const release = () => signal?.removeEventListener("abort", abort);
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject, onProgress, release });
      // TypeScript cannot tie a generic K's type to its params inside the union; `request`'s signature does.
      this.worker.postMessage({ kind: "request", id, type, params: prepared.params } as WorkerRequest, prepared.transfer);
    });
  }

  /** Stops the worker; every pending request rejects with an AbortError. */
  dispose(): void {
    this.worker.terminate();
    this.settleAll(new AbortError());
  }
}
