/**
 * The main thread's side of the analysis worker: typed requests that return promises,
 * a progress callback, and cancellation through an AbortSignal.
 * File bytes are copied and the copies transferred, so the caller keeps its own.
 */
import type { Point } from "../domain/types.ts";
import { WORK_MARK, type WorkMarkDetail } from "./work_limits.ts";
import type { CompareRequest } from "./compare_request.ts";
import type { AnalyzeRequest, AnalyzeResult, CoverageRequest, InspectRequest, NearestRequest, PointStyleRequest, ProgressEvent, SuggestRequest, TileRequest, TrackingRequest, WorkerRequest, WorkerResponse, WorkerResults } from "./messages.ts";

export interface RequestOptions {
  signal?: AbortSignal;
  onProgress?: (progress: ProgressEvent) => void;
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  onProgress?: (progress: ProgressEvent) => void;
  /** The points received so far, in order (an analysis's points come before its result). */
  points?: Point[][];
}

/** Rejection reason when a request was cancelled. */
export class CancelledError extends Error {
  constructor() {
    super("cancelled");
    this.name = "AbortError";
  }
}

/** Rejection reason when the worker itself failed (it is restarted). */
export class WorkerFailedError extends Error {}

/** Rejection reason when the worker reported an error for a request. */
export class AnalysisError extends Error {
  readonly vi: string;
  readonly en: string;
  constructor(message: { vi: string; en: string }) {
    super(message.en);
    this.vi = message.vi;
    this.en = message.en;
  }
}

/** The request of each type, without its id. */
interface RequestBodies {
  inspect: Omit<InspectRequest, "requestId">;
  analyze: Omit<AnalyzeRequest, "requestId">;
  nearest: Omit<NearestRequest, "requestId">;
  tile: Omit<TileRequest, "requestId">;
  pointStyle: Omit<PointStyleRequest, "requestId">;
  coverage: Omit<CoverageRequest, "requestId">;
  tracking: Omit<TrackingRequest, "requestId">;
  suggest: Omit<SuggestRequest, "requestId">;
  compare: Omit<CompareRequest, "requestId">;
}

type RequestBody<T extends keyof WorkerResults> = RequestBodies[T];

/** How long a cancelled request may take to stop before the worker is terminated. */
const CANCEL_GRACE_MILLISECONDS = 400;

/**
 * A client for the analysis worker.
 * @example
 * ```ts
 * const client = new AnalysisClient(() => new Worker(new URL("./analysis.worker.ts", import.meta.url), { type: "module" }));
 * const result = await client.request("analyze", { type: "analyze", files, boundaryUrls: [] }, { onProgress });
 * ```
 */
export class AnalysisClient {
  private worker: Worker;
  private readonly createWorker: () => Worker;
  private readonly pending = new Map<number, Pending>();
  private nextRequestId = 1;

  constructor(createWorker: () => Worker) {
    this.createWorker = createWorker;
    this.worker = this.startWorker();
  }

  private startWorker(): Worker {
    const worker = this.createWorker();
    worker.addEventListener("message", (event: MessageEvent<WorkerResponse>) => this.receive(event.data));
    worker.addEventListener("error", (event) => {
      event.preventDefault();
      this.restart(new WorkerFailedError(event.message || "worker error"));
    });
    return worker;
  }

  private restart(reason: unknown): void {
    this.worker.terminate();
    for (const pending of this.pending.values()) pending.reject(reason);
    this.pending.clear();
    this.worker = this.startWorker();
  }

  private receive(response: WorkerResponse): void {
    const pending = this.pending.get(response.requestId);
    if (!pending) return;
    if (response.type === "progress") {
      pending.onProgress?.(response.progress);
      return;
    }
    if (response.type === "points") {
      (pending.points ??= []).push(response.points);
      performance.mark(WORK_MARK, { detail: { kind: "points-message", points: response.points.length } satisfies WorkMarkDetail });
      return;
    }
    this.pending.delete(response.requestId);
    if (response.type === "result") {
      if (pending.points && "points" in response.result) (response.result as AnalyzeResult).points = pending.points.flat();
      pending.resolve(response.result);
    }
    else if (response.type === "cancelled") pending.reject(new CancelledError());
    else pending.reject(new AnalysisError(response.message));
  }

  /**
   * Sends a request and waits for its result.
   * @param type - the request type
   * @param body - the request without its id
   * @param options - abort signal and progress callback
   * @returns the result; rejects with CancelledError when aborted
   */
  request<T extends keyof WorkerResults>(type: T, body: RequestBody<T>, options: RequestOptions = {}): Promise<WorkerResults[T]> {
    const requestId = this.nextRequestId++;
    const transfer: ArrayBuffer[] = [];
    let message: WorkerRequest;
    if (body.type === "inspect") {
      const bytes = body.bytes.slice(0);
      transfer.push(bytes);
      message = { ...body, bytes, requestId };
    } else if (body.type === "nearest" || body.type === "tile" || body.type === "coverage" || body.type === "compare") {
      message = { ...body, requestId };
    } else if (body.type === "pointStyle") {
      // Copies transferred, as for file bytes: the caller keeps its arrays.
      const status = body.status.slice();
      const visible = body.visible.slice();
      const listed = body.listed.slice();
      transfer.push(status.buffer, visible.buffer, listed.buffer);
      message = { ...body, status, visible, listed, requestId };
    } else if (body.type === "tracking") {
      const bytes = body.input.bytes.slice();
      transfer.push(bytes.buffer);
      message = { ...body, input: { ...body.input, bytes }, requestId };
    } else if (body.type === "suggest") {
      // Copies, transferred: the caller keeps its arrays.
      const lon = body.lon.slice();
      const lat = body.lat.slice();
      const weight = body.weight.slice();
      transfer.push(lon.buffer, lat.buffer, weight.buffer);
      message = { ...body, lon, lat, weight, requestId };
    } else {
      const files = body.files.map((file) => {
        const bytes = file.bytes.slice(0);
        transfer.push(bytes);
        return { ...file, bytes };
      });
      message = { ...body, files, requestId };
    }
    if (body.type !== type) throw new Error(`request type ${type} with a ${body.type} body`);
    return new Promise<WorkerResults[T]>((resolve, reject) => {
      if (options.signal?.aborted) {
        reject(new CancelledError());
        return;
      }
      this.pending.set(requestId, { resolve: resolve as (value: unknown) => void, reject, onProgress: options.onProgress });
      options.signal?.addEventListener(
        "abort",
        () => {
          if (!this.pending.has(requestId)) return;
          this.worker.postMessage({ type: "cancel", requestId } satisfies WorkerRequest);
          // The worker stops at its next checkpoint; if a long domain call holds it, terminate it.
          const timer = setTimeout(() => {
            if (this.pending.has(requestId)) this.restart(new CancelledError());
          }, CANCEL_GRACE_MILLISECONDS);
          const settle = this.pending.get(requestId)!;
          this.pending.set(requestId, {
            ...settle,
            resolve: () => {
              clearTimeout(timer);
              reject(new CancelledError());
            },
            reject: (error) => {
              clearTimeout(timer);
              reject(error instanceof CancelledError ? error : new CancelledError());
            },
          });
        },
        { once: true },
      );
      this.worker.postMessage(message, transfer);
    });
  }

  /** Stops the worker and rejects every pending request. */
  dispose(): void {
    this.worker.terminate();
    for (const pending of this.pending.values()) pending.reject(new CancelledError());
    this.pending.clear();
  }
}
