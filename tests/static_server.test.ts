import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { requestedRange, startStaticServer, type StaticServer } from "../scripts/browser/static_server.ts";

describe("requestedRange", () => {
  it("reads one range, open-ended and suffix ranges, and refuses what lies beyond the file", () => {
    expect(requestedRange(undefined, 100)).toBeNull();
    expect(requestedRange("bytes=0-9", 100)).toEqual({ start: 0, end: 9 });
    expect(requestedRange("bytes=90-", 100)).toEqual({ start: 90, end: 99 });
    expect(requestedRange("bytes=-10", 100)).toEqual({ start: 90, end: 99 });
    expect(requestedRange("bytes=0-16383", 100)).toEqual({ start: 0, end: 99 });
    expect(requestedRange("bytes=100-120", 100)).toBe("unsatisfiable");
    expect(requestedRange("bytes=5-2", 100)).toBe("unsatisfiable");
    expect(requestedRange("bytes=0-1,5-6", 100)).toBeNull();
    expect(requestedRange("items=0-1", 100)).toBeNull();
  });
});

describe("startStaticServer", () => {
  let directory: string;
  let server: StaticServer;
  const bytes = Uint8Array.from({ length: 1000 }, (_, i) => (i * 7) & 255);
  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), "lom-song-static-"));
    writeFileSync(join(directory, "map.pmtiles"), bytes);
    server = await startStaticServer(directory, "default-src 'self'");
  });
  afterAll(async () => {
    await server.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it("answers a Range request with 206 and exactly those bytes, and the whole file without one", async () => {
    const part = await fetch(`${server.url}map.pmtiles`, { headers: { range: "bytes=100-199" } });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe("bytes 100-199/1000");
    expect(part.headers.get("content-length")).toBe("100");
    expect(new Uint8Array(await part.arrayBuffer())).toEqual(bytes.subarray(100, 200));
    const whole = await fetch(`${server.url}map.pmtiles`);
    expect(whole.status).toBe(200);
    expect(whole.headers.get("accept-ranges")).toBe("bytes");
    expect(new Uint8Array(await whole.arrayBuffer())).toEqual(bytes);
    const beyond = await fetch(`${server.url}map.pmtiles`, { headers: { range: "bytes=5000-" } });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get("content-range")).toBe("bytes */1000");
  });
});
