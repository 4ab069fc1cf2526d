import { afterEach, describe, expect, it, vi } from "vitest";
import { AbortError, AnalysisClient, RequestFailedError, isAbortError, type WorkerLike } from "./analysis_client.ts";
import type { AnalyzeResult, InspectResult, NearestResult, WorkerRequest, WorkerResponse } from "./messages.ts";
import { BlobUnreadableError, serveRequests, type Handlers, type ServerScope } from "./worker_server.ts";
import { viewFigures } from "../domain/index.ts";

/**
 * A worker pair over a real MessageChannel: the client on one port, the worker's own server (worker_server.ts)
 * with the test's handlers on the other. Messages are structured-cloned and buffers really transferred, as
 * between the main thread and a Worker.
 */
const opened: MessagePort[] = [];

function workerPair(handlers: Partial<Handlers>) {
  const posted: WorkerRequest[] = [];
  const answered: WorkerResponse[] = [];
  let terminated = 0;
  const client = new AnalysisClient(() => {
    const channel = new MessageChannel();
    opened.push(channel.port1, channel.port2);
    serveRequests(channel.port2 as unknown as ServerScope, handlers);
    channel.port2.start();
    const port = channel.port1;
    port.addEventListener("message", (event: MessageEvent<WorkerResponse>) => answered.push(event.data));
    const worker: WorkerLike = {
      postMessage(message: WorkerRequest, transfer: Transferable[]) {
        posted.push(message);
        port.postMessage(message, transfer);
      },
      addEventListener(type: "message" | "error", listener: ((event: MessageEvent<WorkerResponse>) => void) | ((event: ErrorEvent) => void)) {
        if (type === "message") port.addEventListener("message", listener as (event: MessageEvent) => void);
      },
      terminate() {
        terminated++;
        port.close();
      },
    };
    port.start();
    return worker;
  });
  return { client, posted, answered, terminatedCount: () => terminated };
}

afterEach(() => {
  for (const port of opened.splice(0)) port.close();
});

/** A promise and its resolver, to hold a handler at a known place. */
function gate(): { wait: Promise<void>; open: () => void } {
  let open = () => {};
  const wait = new Promise<void>((resolve) => (open = resolve));
  return { wait, open };
}

const INSPECT_RESULT: InspectResult = { detectedKind: "points", csv: null, featureCount: 3 };

describe("AnalysisClient over a MessageChannel", () => {
  it("round-trips a typed request: the params arrive as sent, the result comes back as the handler gave it", async () => {
    const received: unknown[] = [];
    const { client } = workerPair({
      nearest: async (params) => {
        received.push(params);
        // The result depends on the params: a hard-wired answer would not pass.
        return { available: params.version === 3, distances: params.points.map((_, k) => [{ carrier: params.carriers?.[0] ?? "?", km: k + 0.5 }]) };
      },
    });
    const params = { version: 3, minTechnology: "4G" as const, carriers: ["VNPT"], points: [5, { lon: 105, lat: 21, exclude: ["Viettel"] }], limit: 3 };
    const result: NearestResult = await client.request("nearest", params);
    expect(received).toEqual([params]);
    expect(result).toEqual({ available: true, distances: [[{ carrier: "VNPT", km: 0.5 }], [{ carrier: "VNPT", km: 1.5 }]] });
  });

  it("transfers a copy of the file bytes: the caller's buffer stays whole, the handler gets the same bytes", async () => {
    const { client } = workerPair({
      inspect: async (params) => ({ ...INSPECT_RESULT, featureCount: new Uint8Array(params.bytes!).reduce((sum, byte) => sum + byte, 0) }),
    });
    const bytes = new Uint8Array([1, 2, 3, 4]).buffer;
    const result = await client.request("inspect", { name: "a.csv", bytes, options: {} });
    expect(result.featureCount).toBe(10);
    expect(bytes.byteLength).toBe(4);
  });

  it("posts a chosen file as its Blob, never its bytes, under one name per Blob object", async () => {
    const seen: { bytes: boolean; text: string; key: string }[] = [];
    const { client, posted } = workerPair({
      inspect: async (params) => {
        seen.push({ bytes: params.bytes !== undefined, text: params.posted ? await params.posted.blob.text() : "", key: params.posted?.blobKey ?? "" });
        return INSPECT_RESULT;
      },
    });
    const chosen = new Blob(["Trường Tiểu học"]);
    await client.request("inspect", { name: "a.csv", blob: chosen, options: {} });
    await client.request("inspect", { name: "a.csv", blob: chosen, options: { delimiter: ";" } });
    await client.request("inspect", { name: "b.csv", blob: new Blob(["Trường Tiểu học"]), options: {} });
    expect(seen.map((entry) => [entry.bytes, entry.text])).toEqual([
      [false, "Trường Tiểu học"],
      [false, "Trường Tiểu học"],
      [false, "Trường Tiểu học"],
    ]);
    expect(seen[0]!.key).toBe(seen[1]!.key);
    expect(seen[2]!.key).not.toBe(seen[0]!.key);
    expect(posted).toHaveLength(3);
  });

  it("a Blob of another size than the bytes is not trusted: the bytes are copied", async () => {
    const { client } = workerPair({
      inspect: async (params) => ({ ...INSPECT_RESULT, featureCount: params.posted ? -1 : new Uint8Array(params.bytes!).reduce((sum, byte) => sum + byte, 0) }),
    });
    const result = await client.request("inspect", { name: "a.csv", bytes: new Uint8Array([1, 2, 3]).buffer, blob: new Blob(["abcd"]), options: {} });
    expect(result.featureCount).toBe(6);
  });

  it("a Blob the worker cannot read again: the client posts the bytes instead, and the request succeeds", async () => {
    const { client, posted } = workerPair({
      inspect: async (params) => {
        if (params.posted) throw new BlobUnreadableError(params.name, new Error("NotReadableError"));
        return { ...INSPECT_RESULT, featureCount: new Uint8Array(params.bytes!).reduce((sum, byte) => sum + byte, 0) };
      },
    });
    const bytes = new Uint8Array([7, 8, 9]).buffer;
    const result = await client.request("inspect", { name: "vung-phu.geojson", bytes, blob: new Blob([new Uint8Array([7, 8, 9])]), options: {} });
    expect(result.featureCount).toBe(24);
    expect(posted).toHaveLength(2);
    expect(bytes.byteLength).toBe(3);
  });

  it("a Blob the worker cannot read, with no bytes at hand: the caller gets the blob_unreadable failure, with the file's name", async () => {
    const { client, posted } = workerPair({
      inspect: async (params) => {
        throw new BlobUnreadableError(params.name, new Error("NotReadableError"));
      },
    });
    const rejection = await client.request("inspect", { name: "vung-phu.geojson", blob: new Blob(["{}"]), options: {} }).catch((error: unknown) => error);
    expect(rejection).toBeInstanceOf(RequestFailedError);
    expect((rejection as RequestFailedError).code).toBe("blob_unreadable");
    expect((rejection as RequestFailedError).params).toEqual({ file: "vung-phu.geojson" });
    expect(posted).toHaveLength(1);
  });

  it("passes progress events to the callback before the result", async () => {
    const { client } = workerPair({
      inspect: async (_params, ctx) => {
        ctx.progress("inspect", 0.25);
        await ctx.checkpoint("inspect", 0.5);
        return INSPECT_RESULT;
      },
    });
    const onProgress = vi.fn();
    await client.request("inspect", { name: "a.csv", bytes: new ArrayBuffer(4), options: {} }, { onProgress });
    expect(onProgress.mock.calls).toEqual([[{ phase: "inspect", fraction: 0.25 }], [{ phase: "inspect", fraction: 0.5 }]]);
  });

  it("cancels one request only: it rejects with an AbortError, the handler stops at its checkpoint, another request resolves", async () => {
    const held = gate();
    const reached: string[] = [];
    const { client, posted, answered, terminatedCount } = workerPair({
      inspect: async (_params, ctx) => {
        reached.push("started");
        await held.wait;
        await ctx.checkpoint("inspect", 0.5);
        reached.push("past the checkpoint");
        return INSPECT_RESULT;
      },
      nearest: async (params) => ({ available: true, distances: params.points.map(() => []) }),
    });
    const controller = new AbortController();
    const cancelled = client.request("inspect", { name: "a.csv", bytes: new ArrayBuffer(4), options: {} }, { signal: controller.signal });
    const other = client.request("nearest", { version: 1, points: [0, 1] });
    await expect(other).resolves.toEqual({ available: true, distances: [[], []] });
    controller.abort();
    const rejection = await cancelled.catch((error: unknown) => error);
    expect(rejection).toBeInstanceOf(AbortError);
    expect(isAbortError(rejection)).toBe(true);
    const inspectId = posted[0].id;
    expect(posted.at(-1)).toEqual({ kind: "cancel", id: inspectId });
    // The same worker answers a request sent after the cancel, while the cancelled handler is still held.
    await expect(client.request("nearest", { version: 2, points: [0] })).resolves.toEqual({ available: true, distances: [[]] });
    held.open();
    // The worker confirms the cancel once the handler has thrown at its checkpoint (the client had settled already).
    await vi.waitFor(() => expect(answered).toContainEqual({ kind: "cancelled", id: inspectId }));
    expect(reached).toEqual(["started"]);
    expect(answered.filter((answer) => answer.kind === "result").map((answer) => answer.id)).not.toContain(inspectId);
    expect(terminatedCount()).toBe(0);
  });

  it("cancelling a request that has finished is a no-op: nothing is posted and the client goes on", async () => {
    const { client, posted } = workerPair({
      inspect: async () => INSPECT_RESULT,
      nearest: async (params) => ({ available: false, distances: params.points.map(() => []) }),
    });
    const controller = new AbortController();
    await expect(client.request("inspect", { name: "a.csv", bytes: new ArrayBuffer(1), options: {} }, { signal: controller.signal })).resolves.toEqual(
      INSPECT_RESULT,
    );
    const before = posted.length;
    controller.abort();
    expect(posted).toHaveLength(before);
    await expect(client.request("nearest", { version: 1, points: [3] })).resolves.toEqual({ available: false, distances: [[]] });
  });

  it("the worker ignores a cancel for a request it has answered", async () => {
    const channel = new MessageChannel();
    opened.push(channel.port1, channel.port2);
    serveRequests(channel.port2 as unknown as ServerScope, { nearest: async (params) => ({ available: true, distances: params.points.map(() => []) }) });
    channel.port2.start();
    const answers: WorkerResponse[] = [];
    channel.port1.addEventListener("message", (event: MessageEvent<WorkerResponse>) => answers.push(event.data));
    channel.port1.start();
    channel.port1.postMessage({ kind: "request", id: 7, type: "nearest", params: { version: 1, points: [0] } } satisfies WorkerRequest);
    await vi.waitFor(() => expect(answers).toHaveLength(1));
    channel.port1.postMessage({ kind: "cancel", id: 7 } satisfies WorkerRequest);
    channel.port1.postMessage({ kind: "request", id: 8, type: "nearest", params: { version: 1, points: [0, 1] } } satisfies WorkerRequest);
    await vi.waitFor(() => expect(answers).toHaveLength(2));
    expect(answers).toEqual([
      { kind: "result", id: 7, type: "nearest", result: { available: true, distances: [[]] } },
      { kind: "result", id: 8, type: "nearest", result: { available: true, distances: [[], []] } },
    ]);
  });

  it("a request whose signal has already aborted is refused without reaching the worker", async () => {
    const { client, posted } = workerPair({ inspect: async () => INSPECT_RESULT });
    const controller = new AbortController();
    controller.abort();
    await expect(client.request("inspect", { name: "a.csv", bytes: new ArrayBuffer(1), options: {} }, { signal: controller.signal })).rejects.toBeInstanceOf(
      AbortError,
    );
    expect(posted).toHaveLength(0);
  });

  it("a handler's error becomes a typed failure: its code and message, no stack", async () => {
    const { client } = workerPair({
      inspect: async (params) => {
        throw new Error(`${params.name}: không đọc được (cannot be read)`);
      },
    });
    const rejection = await client.request("inspect", { name: "hong.csv", bytes: new ArrayBuffer(1), options: {} }).catch((error: unknown) => error);
    expect(rejection).toBeInstanceOf(RequestFailedError);
    const failure = rejection as RequestFailedError;
    expect(failure.code).toBe("failed");
    expect(failure.params).toEqual({ reason: "hong.csv: không đọc được (cannot be read)" });
    expect(failure.message).not.toMatch(/\n\s+at /);
    expect(isAbortError(failure)).toBe(false);
  });

  it("a request type the worker has no handler for fails as unknown_request", async () => {
    const { client } = workerPair({});
    await expect(client.request("coverAt", { version: 1, lon: new Float64Array(1), lat: new Float64Array(1) })).rejects.toMatchObject({
      code: "unknown_request",
      params: { type: "coverAt" },
    });
  });

  it("puts an analysis's points, sent in parts before the result, back together in order", async () => {
    let sentMasks: Uint32Array | null = null;
    let sentShown: Uint32Array | null = null;
    const point = (id: string) => ({ id, name: id, kind: "school" as const, lon: 105, lat: 21, source: { file: "a.csv", row: 1 }, extra: {} });
    const { client } = workerPair({
      analyze: async (params, ctx) => {
        const points = params.files.map((file) => point(file.name));
        ctx.points(points.slice(0, 2));
        ctx.points(points.slice(2));
        const count = points.length;
        const analysis = {
          layers: [],
          words: 1,
          masks: new Uint32Array(count).fill(1),
          provinces: [],
          communes: [],
          provinceOf: new Int32Array(count).fill(-1),
          communeOf: new Int32Array(count).fill(-1),
        };
        const bytes = new TextEncoder().encode("{}").buffer as ArrayBuffer;
        const map = {
          version: ctx.id,
          points: bytes.slice(0),
          coverageBounds: [],
          importedAdmin: bytes.slice(0),
          adminLabels: bytes.slice(0),
          status: new Uint8Array(count),
          visible: new Uint8Array(count).fill(1),
          positions: new Float32Array(count * 2),
          dots: { codes: new Uint8Array(count), dots: new Uint32Array(count), rings: new Uint32Array(0) },
          bounds: null,
        };
        sentMasks = analysis.masks;
        const figures = viewFigures(analysis, points, {});
        sentShown = figures.shown;
        const result: AnalyzeResult = {
          points: [],
          analysis,
          reports: [],
          map,
          listedPointIds: [],
          figures: { filter: {}, figures },
          timings: { parseMilliseconds: 0, analyseMilliseconds: 0 },
        };
        return result;
      },
    });
    const view = { filter: {}, statusOn: [true, true, true] as [boolean, boolean, boolean] };
    const files = ["a", "b", "c"].map((name) => ({ id: name, name, kind: "points" as const, bytes: new ArrayBuffer(1), options: {} }));
    const result = await client.request("analyze", { files, boundaryUrls: [], view });
    expect(result.points.map((entry) => entry.id)).toEqual(["a", "b", "c"]);
    // The analysis's arrays and the map's buffers arrive whole (transferred, listed in transfers.ts).
    expect([...result.analysis.masks]).toEqual([1, 1, 1]);
    expect([...result.map.visible]).toEqual([1, 1, 1]);
    expect(new TextDecoder().decode(result.map.adminLabels)).toBe("{}");
    expect([...result.figures.figures.shown]).toEqual([0, 1, 2]);
    expect(result.figures.figures.summary.total).toBe(3);
    // Transferred, not copied: the worker's side of the buffer is detached.
    expect(sentMasks!.byteLength).toBe(0);
    expect(sentShown!.byteLength).toBe(0);
  });

  it("dispose rejects the pending requests as superseded", async () => {
    const held = gate();
    const { client, terminatedCount } = workerPair({
      inspect: async () => {
        await held.wait;
        return INSPECT_RESULT;
      },
    });
    const pending = client.request("inspect", { name: "a.csv", bytes: new ArrayBuffer(1), options: {} });
    client.dispose();
    await expect(pending).rejects.toBeInstanceOf(AbortError);
    expect(terminatedCount()).toBe(1);
    held.open();
  });
});
