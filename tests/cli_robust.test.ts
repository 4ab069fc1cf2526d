/**
 * Issue 9, "never a lost file, never a stack trace": the CLI run in-process (scripts/cli/main.ts) with its terminal
 * captured and, where a full disk is simulated, its file writes injected. A few cases spawn the real process.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { spawn } from "node:child_process";
import { mkdir, mkdtemp, readFile, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../scripts/cli/main.ts";
import { reportError } from "../scripts/cli/errors.ts";
import { openAtomicFile, pendingTemporaryFiles, removeTemporaryFiles, setOutputFileSystem, UserError } from "../scripts/cli/io.ts";
import { escapeControls, setTerminal } from "../scripts/cli/terminal.ts";
import { readCsvTable } from "../src/domain/parse/read_csv_table.ts";

const ROOT = new URL("..", import.meta.url).pathname;
const CLI = join(ROOT, "tests/fixtures/cli");
const PROGRESS = join(ROOT, "tests/fixtures/tracking");
const COVERAGE = join(CLI, "coverage.geojson");
const POINTS = join(CLI, "points.csv");
const BASE = ["--registry", join(PROGRESS, "registry.csv"), "--updates", join(PROGRESS, "updates-viettel.csv"), "--today", "2026-04-10"];

let stdout = "";
let stderr = "";
let restoreTerminal: () => void = () => undefined;
let restoreFs: () => void = () => undefined;
const savedWorkers = process.env.LOM_SONG_WORKERS;

beforeEach(() => {
  stdout = "";
  stderr = "";
  restoreTerminal = setTerminal({ stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  // In-process runs read the coverage on this thread (no worker thread inside the test runner).
  process.env.LOM_SONG_WORKERS = "0";
});
afterEach(() => {
  restoreTerminal();
  restoreFs();
  restoreFs = () => undefined;
  if (savedWorkers === undefined) delete process.env.LOM_SONG_WORKERS;
  else process.env.LOM_SONG_WORKERS = savedWorkers;
  vi.useRealTimers();
});

async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), "lom-song-robust-"));
}

/** Injects a disk that fills up: every write after `allowedBytes` bytes fails with ENOSPC. */
function fullDisk(allowedBytes: number): void {
  let written = 0;
  restoreFs = setOutputFileSystem((real) => ({
    ...real,
    async open(path, flags) {
      const handle = await real.open(path, flags);
      return {
        ...handle,
        async write(bytes) {
          if (written + bytes.length > allowedBytes) {
            // Part of it reaches the disk, as on a real full disk.
            await handle.write(bytes.subarray(0, Math.max(0, allowedBytes - written)));
            written = allowedBytes;
            throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
          }
          written += bytes.length;
          await handle.write(bytes);
        },
      };
    },
  }));
}

/** The one line of stderr: no stack trace. */
function expectOneLine(): void {
  expect(stderr.trim().split("\n")).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at /);
}

describe("every output is written atomically", () => {
  it("keeps the event log byte for byte when --events-out over --events meets a full disk", async () => {
    const dir = await tempDir();
    const log = join(dir, "events.json");
    expect(await runCli(["progress", ...BASE, "--events-out", log])).toBe(0);
    const before = await readFile(log);
    expect(JSON.parse(before.toString("utf8")).events.length).toBeGreaterThan(0);
    fullDisk(100);
    stderr = "";
    const code = await runCli(["progress", ...BASE, "--events", log, "--updates", join(PROGRESS, "updates-vnpt.csv"), "--events-out", log]);
    expect(code).toBe(2);
    expectOneLine();
    expect(stderr).toContain(log);
    expect(stderr).toContain("ổ đĩa đã đầy");
    expect(await readFile(log)).toEqual(before);
    expect(await readdir(dir)).toEqual(["events.json"]);
    expect(pendingTemporaryFiles()).toEqual([]);
  });

  it("exits 2 with the reason when analyze --out, --summary or --report cannot be written, leaving the earlier file", async () => {
    for (const option of ["--out", "--summary", "--report"]) {
      const dir = await tempDir();
      const target = join(dir, option === "--out" ? "uncovered.csv" : "x.json");
      await writeFile(target, "earlier content\n");
      fullDisk(10);
      stderr = "";
      const code = await runCli(["analyze", "--points", POINTS, "--coverage", COVERAGE, option, target, "--status", "all", "--lang", "en"]);
      restoreFs();
      expect(code).toBe(2);
      expectOneLine();
      expect(stderr).toBe(`error: ${target}: cannot write (no space left on the disk)\n`);
      expect(await readFile(target, "utf8")).toBe("earlier content\n");
      expect(await readdir(dir)).toEqual([target.slice(dir.length + 1)]);
    }
  });

  it("writes compare's outputs through the same writer", async () => {
    const dir = await tempDir();
    const out = join(dir, "changes.csv");
    await writeFile(out, "old");
    fullDisk(5);
    const code = await runCli(["compare", "--points", POINTS, "--before", COVERAGE, "--after", COVERAGE, "--out", out]);
    expect(code).toBe(2);
    expect(stderr).toContain(`${out}: không ghi được (ổ đĩa đã đầy)`);
    expect(await readFile(out, "utf8")).toBe("old");
    expect(await readdir(dir)).toEqual(["changes.csv"]);
  });

  it("removes a temporary file that is being written when the process is stopped", async () => {
    const dir = await tempDir();
    const file = await openAtomicFile(join(dir, "big.csv"));
    await file.write("x".repeat(2 << 20));
    expect((await readdir(dir)).some((name) => name.endsWith(".partial"))).toBe(true);
    removeTemporaryFiles();
    expect(await readdir(dir)).toEqual([]);
    // A stopped process closes its files as it ends; this one goes on, so it closes the handle itself (and nothing
    // reappears).
    await file.abandon();
    expect(await readdir(dir)).toEqual([]);
  });

  it("refuses an output that names an input file (by real path), or a directory, before any work", async () => {
    const dir = await tempDir();
    const points = join(dir, "points.csv");
    const original = await readFile(POINTS);
    await writeFile(points, original);
    for (const out of [points, join(dir, ".", "points.csv"), join(dir, "sub", "..", "points.csv")]) {
      await mkdir(join(dir, "sub"), { recursive: true });
      stderr = "";
      expect(await runCli(["analyze", "--points", points, "--coverage", COVERAGE, "--out", out, "--lang", "en"])).toBe(2);
      expectOneLine();
      expect(stderr).toContain("this is an input file (--points");
    }
    stderr = "";
    expect(await runCli(["analyze", "--points", points, "--coverage", COVERAGE, "--summary", COVERAGE])).toBe(2);
    expect(stderr).toContain("--summary");
    expect(await readFile(points)).toEqual(original);
    stderr = "";
    expect(await runCli(["progress", "--registry", join(PROGRESS, "registry.csv"), "--out", join(PROGRESS, "registry.csv")])).toBe(2);
    expect(stderr).toContain("đây là tệp đầu vào");
    stderr = "";
    await mkdir(join(dir, "out.csv"));
    expect(await runCli(["analyze", "--points", points, "--coverage", COVERAGE, "--out", join(dir, "out.csv")])).toBe(2);
    expectOneLine();
    expect(stderr).toContain("là thư mục");
    stderr = "";
    expect(await runCli(["analyze", "--points", points, "--coverage", COVERAGE, "--out", join(dir, "sub"), "--lang", "en"])).toBe(2);
    expect(stderr).toBe(`error: --out ${join(dir, "sub")}: is a directory; give a file name\n`);
  });
});

describe("no stack trace for anything a user can pass", () => {
  it("says a directory given as an input is a directory", async () => {
    const dir = await tempDir();
    for (const args of [
      ["analyze", "--points", dir, "--coverage", COVERAGE],
      ["analyze", "--points", POINTS, "--coverage", dir],
      ["progress", "--registry", dir],
      ["compare", "--points", dir, "--before", COVERAGE, "--after", COVERAGE],
    ]) {
      stderr = "";
      expect(await runCli([...args, "--lang", "en"])).toBe(2);
      expectOneLine();
      expect(stderr).toBe(`error: ${dir}: is a directory, not a file\n`);
    }
  });

  it("refuses properties nested 100,000 deep with a message", async () => {
    const dir = await tempDir();
    const path = join(dir, "deep.geojson");
    const deep = '{"a":'.repeat(100_000) + "1" + "}".repeat(100_000);
    await writeFile(
      path,
      `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"A","x":${deep}},"geometry":{"type":"Point","coordinates":[104.1,22.05]}}]}`,
    );
    expect(await runCli(["analyze", "--points", path, "--coverage", COVERAGE])).toBe(2);
    expectOneLine();
    expect(stderr).toContain("lồng nhau sâu hơn 64 cấp");
  });

  it("refuses a backup with version -1 with a message", async () => {
    const dir = await tempDir();
    const path = join(dir, "backup.json");
    await writeFile(path, JSON.stringify({ format: "lom-song-backup", version: -1 }));
    expect(await runCli(["progress", "--registry", path, "--lang", "en"])).toBe(2);
    expectOneLine();
    expect(stderr).toContain("unknown backup version (-1)");
  });

  it("prints anything unexpected as one line, with the stack only under LOM_SONG_DEBUG=1", () => {
    const bug = new TypeError("x is not a function");
    expect(reportError(bug, [])).toBe(2);
    expect(stderr).toBe("Lỗi không mong đợi: x is not a function\n");
    stderr = "";
    expect(reportError(new RangeError("Maximum call stack size exceeded"), ["--lang", "en"])).toBe(2);
    expect(stderr).toContain("Unexpected error: the input is nested too deeply");
    stderr = "";
    process.env.LOM_SONG_DEBUG = "1";
    try {
      reportError(bug, []);
    } finally {
      delete process.env.LOM_SONG_DEBUG;
    }
    expect(stderr).toContain("TypeError: x is not a function\n    at ");
    stderr = "";
    expect(reportError(new UserError({ vi: "một\ndòng", en: "one\nline" }), [])).toBe(2);
    expect(stderr).toBe("lỗi: một dòng\n");
  });

  it("says a header-only CSV has no data rows", async () => {
    const dir = await tempDir();
    const path = join(dir, "header.csv");
    await writeFile(path, "id,lon,lat\r\n");
    expect(await runCli(["analyze", "--points", path, "--coverage", COVERAGE, "--lang", "en"])).toBe(2);
    expect(stderr).toBe(`error: ${path}: the file has a header but no data rows\n`);
  });
});

describe("terminal output", () => {
  it("escapes control characters from files (ESC sequences, carriage returns) in everything printed", async () => {
    const dir = await tempDir();
    const points = join(dir, "points.csv");
    const coverage = join(dir, "coverage.geojson");
    await writeFile(points, "id,name,lon,lat\nA\u001b[2J,x,104.05,22.05\nB,y,999999,22\n");
    const text = (await readFile(COVERAGE, "utf8")).replace('"carrier":"VNPT"', '"carrier":"VN\\u001b]0;pwned\\u0007PT\\u009b"');
    await writeFile(coverage, text);
    expect(await runCli(["analyze", "--points", points, "--coverage", coverage])).toBe(0);
    // eslint-disable-next-line no-control-regex
    expect(stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(stdout).toContain("VN\\x1B]0;pwned\\x07PT\\x9B");
    expect(escapeControls("a\u001b[31mb\r\nc\td")).toBe("a\\x1B[31mb\\r\nc\\td");
  });
});

describe("progress: Vietnamese messages and Vietnam's today", () => {
  it("takes today in Vietnam time: an update dated this morning in Hà Nội is not in the future", async () => {
    const dir = await tempDir();
    const registry = join(dir, "registry.csv");
    const updates = join(dir, "updates.csv");
    const summary = join(dir, "summary.json");
    await writeFile(registry, "id,name,kind,lon,lat,carrier,deadline\nDZ-1,Thôn Một,village,104.05,22.05,Viettel,2026-12-31\n");
    await writeFile(updates, "point_id,carrier,status,date\nDZ-1,Viettel,planned,2026-11-21\n");
    // 01:30 on 21 November in Hà Nội is still 20 November in UTC.
    vi.useFakeTimers({ now: Date.parse("2026-11-20T18:30:00Z"), toFake: ["Date"] });
    expect(await runCli(["progress", "--registry", registry, "--updates", updates, "--summary", summary, "--report", join(dir, "report.json")])).toBe(0);
    const report = JSON.parse(await readFile(join(dir, "report.json"), "utf8"));
    expect(report.find((entry: { file: string }) => entry.file === "updates.csv")).toMatchObject({ read: 1, accepted: 1, rejected: 0 });
    expect(JSON.parse(await readFile(summary, "utf8")).today).toBe("2026-11-21");
  });
});

describe("analyze --out columns", () => {
  it("keeps every extra column when the first readable point comes after the first 256 KiB", async () => {
    const dir = await tempDir();
    const points = join(dir, "points.csv");
    const out = join(dir, "out.csv");
    const bad = Array.from({ length: 12_000 }, (_, i) => `X${i},Thôn ${i},,,ghi chú ${i},1`).join("\n");
    await writeFile(points, `id,name,lon,lat,ghi chú,số hộ\n${bad}\nP4,Bản xa,104.3,22.3,-Trạm mới,5\n`);
    expect((await readFile(points)).length).toBeGreaterThan(256 * 1024);
    expect(await runCli(["analyze", "--points", points, "--coverage", COVERAGE, "--out", out, "--quiet"])).toBe(0);
    const table = readCsvTable(new Uint8Array(await readFile(out)), { file: "out.csv" });
    expect(table.header).toContain("ghi chú");
    const note = table.header.indexOf("ghi chú");
    // Read back as written: the formula guard's quote is stripped again.
    expect(table.rows.map((row) => row[note])).toEqual(["-Trạm mới"]);
  });
});

describe("spawned smoke tests", () => {
  it("exits quietly when standard output is closed (| head)", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", join(ROOT, "scripts/cli.ts"), "analyze", "--points", POINTS, "--coverage", COVERAGE], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    // The reader goes away before the first line, as `head -0` would.
    child.stdout.destroy();
    let errors = "";
    child.stderr.on("data", (chunk) => (errors += String(chunk)));
    const code = await new Promise<number | null>((resolve) => child.on("close", (exitCode) => resolve(exitCode)));
    expect(errors).toBe("");
    expect(code).toBe(0);
  });
});
