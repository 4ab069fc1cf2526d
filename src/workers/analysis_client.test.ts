import { describe, expect, it, vi } from "vitest";
import { AnalysisClient, CancelledError } from "./analysis_client.ts";
import type { WorkerRequest, WorkerResponse } from "./messages.ts";

/** A stand-in for a Worker: records what is posted and lets the test answer. */
class FakeWorker extends EventTarget {
  posted: { message: WorkerRequest; transfer: Transferable[] }[] = [];
  terminated = false;
  postMessage(message: WorkerRequest, transfer: Transferable[] = []): void {
    this.posted.push({ message, transfer });
  }
  terminate(): void {
    this.terminated = true;
  }
  reply(response: WorkerResponse): void {
    const event = new Event("message") as Event & { data: WorkerResponse };
    event.data = response;
    this.dispatchEvent(event);
  }
}

function setup() {
  const workers: FakeWorker[] = [];
  const client = new AnalysisClient(() => {
    const worker = new FakeWorker();
    workers.push(worker);
    return worker as unknown as Worker;
  });
  return { client, workers };
}

const INSPECT_RESULT = { detectedKind: "points" as const, csv: null, featureCount: null };

describe("AnalysisClient", () => {
  it("transfers a copy of the file bytes and keeps the caller's buffer intact", async () => {
    const { client, workers } = setup();
    const bytes = new TextEncoder().encode("id,lat,lon\n1,21,105\n").buffer as ArrayBuffer;
    const pending = client.request("inspect", { type: "inspect", name: "a.csv", bytes, options: {} });
    const { message, transfer } = workers[0].posted[0];
    expect(message.type).toBe("inspect");
    expect(transfer).toHaveLength(1);
    expect(transfer[0]).not.toBe(bytes);
    expect(bytes.byteLength).toBeGreaterThan(0);
    workers[0].reply({ type: "result", requestId: message.requestId, result: INSPECT_RESULT });
    await expect(pending).resolves.toEqual(INSPECT_RESULT);
  });

  it("passes progress events to the callback before the result", async () => {
    const { client, workers } = setup();
    const onProgress = vi.fn();
    const pending = client.request("inspect", { type: "inspect", name: "a.csv", bytes: new ArrayBuffer(4), options: {} }, { onProgress });
    const { requestId } = workers[0].posted[0].message;
    workers[0].reply({ type: "progress", requestId, progress: { phase: "inspect", fraction: 0.5 } });
    workers[0].reply({ type: "result", requestId, result: INSPECT_RESULT });
    await pending;
    expect(onProgress).toHaveBeenCalledWith({ phase: "inspect", fraction: 0.5 });
  });

  it("on abort, posts a cancel message and rejects with CancelledError when the worker confirms", async () => {
    const { client, workers } = setup();
    const controller = new AbortController();
    const pending = client.request("inspect", { type: "inspect", name: "a.csv", bytes: new ArrayBuffer(4), options: {} }, { signal: controller.signal });
    const { requestId } = workers[0].posted[0].message;
    controller.abort();
    expect(workers[0].posted[1].message).toEqual({ type: "cancel", requestId });
    workers[0].reply({ type: "cancelled", requestId });
    await expect(pending).rejects.toBeInstanceOf(CancelledError);
    expect(workers[0].terminated).toBe(false);
  });

  it("terminates and restarts a worker that does not stop in time", async () => {
    vi.useFakeTimers();
    try {
      const { client, workers } = setup();
      const controller = new AbortController();
      const pending = client.request("inspect", { type: "inspect", name: "a.csv", bytes: new ArrayBuffer(4), options: {} }, { signal: controller.signal });
      const settled = expect(pending).rejects.toBeInstanceOf(CancelledError);
      controller.abort();
      await vi.advanceTimersByTimeAsync(1000);
      await settled;
      expect(workers[0].terminated).toBe(true);
      expect(workers).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it("puts an analysis's points, sent in parts before the result, back together in order", async () => {
    const { client, workers } = setup();
    const view = { filter: {}, statusOn: [true, true, true] as [boolean, boolean, boolean] };
    const pending = client.request("analyze", { type: "analyze", files: [], boundaryUrls: [], view });
    const { requestId } = workers[0].posted[0].message;
    const point = (id: string) => ({ id, name: id, kind: "school" as const, lon: 105, lat: 21, source: { file: "a.csv", row: 1 }, extra: {} });
    workers[0].reply({ type: "points", requestId, points: [point("a"), point("b")] });
    workers[0].reply({ type: "points", requestId, points: [point("c")] });
    workers[0].reply({ type: "result", requestId, result: { points: [], reports: [] } as never });
    const result = await pending;
    expect(result.points.map((entry) => entry.id)).toEqual(["a", "b", "c"]);
  });

  it("reports a worker error in both languages", async () => {
    const { client, workers } = setup();
    const pending = client.request("inspect", { type: "inspect", name: "a.csv", bytes: new ArrayBuffer(4), options: {} });
    const { requestId } = workers[0].posted[0].message;
    workers[0].reply({ type: "error", requestId, message: { vi: "Hỏng", en: "Broken" } });
    await expect(pending).rejects.toMatchObject({ vi: "Hỏng", en: "Broken" });
  });

  it("sends a typed nearest request without transfers and resolves with the distances", async () => {
    const { client, workers } = setup();
    const pending = client.request("nearest", { type: "nearest", version: 3, minTechnology: "4G", carriers: ["VNPT"], points: [5, { lon: 105, lat: 21, exclude: ["Viettel"] }], limit: 3 });
    const { message, transfer } = workers[0].posted[0];
    expect(message).toEqual({ type: "nearest", requestId: message.requestId, version: 3, minTechnology: "4G", carriers: ["VNPT"], points: [5, { lon: 105, lat: 21, exclude: ["Viettel"] }], limit: 3 });
    expect(transfer).toEqual([]);
    const result = { available: true, distances: [[{ carrier: "VNPT", km: 2.6 }], []] };
    workers[0].reply({ type: "result", requestId: message.requestId, result });
    await expect(pending).resolves.toEqual(result);
  });

});
