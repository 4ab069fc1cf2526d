/**
 * Reads the coverage files for `analyze`: in a worker thread (so that the points are read at the same time on the
 * main thread), or on the main thread when there is one core, a worker cannot be started, or the environment
 * variable LOM_SONG_WORKERS is "0" (see useWorker). Either way the same domain function
 * parses and checks them, and the results come back in file order.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { CoverageFeature, CoverageOptions, ImportReport } from "../../src/domain/index.ts";
import { fromTransferred, unpackCoverage, type TransferredCoverage } from "./coverage_transfer.ts";
import { UserError, displayName, readInput, type CliMessage } from "./io.ts";

/** What the worker posts: one message per file, or one error (after which it stops). */
export type CoverageWorkerMessage =
  | { kind: "file"; path: string; report: ImportReport; coverage: TransferredCoverage; milliseconds: number }
  | { kind: "error"; message: string; user: boolean; text?: CliMessage };

/** One coverage file, read, parsed and checked. */
export interface CoverageFile {
  path: string;
  report: ImportReport;
  items: CoverageFeature[];
  /** Time spent parsing and checking (in the worker when there is one). */
  milliseconds: number;
}

/** The coverage files as they arrive, and the error that stopped the reading, if any. */
export interface CoverageReading {
  /** Settles when every file is read, or at the first error. */
  readonly done: Promise<void>;
  readonly settled: boolean;
  /** The files read so far, in order. */
  readonly files: CoverageFile[];
  /** The error that stopped the reading (a missing file is a UserError). */
  readonly error: Error | null;
  /** Whether the files were read in a worker thread. */
  readonly inWorker: boolean;
  /** Stops the worker if it is still reading (when the command fails before it needs the coverage). */
  cancel(): void;
}

/**
 * Starts reading the coverage files.
 * @param paths - the files, in order
 * @param options - parse options, except the file name
 * @returns the reading in progress
 */
export function readCoverageFiles(paths: readonly string[], options: Omit<CoverageOptions, "file">): CoverageReading {
  const files: CoverageFile[] = [];
  let error: Error | null = null;
  let settled = false;
  let worker: Worker | null = null;
  if (useWorker(process.env.LOM_SONG_WORKERS)) {
    try {
      worker = new Worker(new URL("./coverage_worker_boot.mjs", import.meta.url), { workerData: { paths, options } });
    } catch {
      worker = null;
    }
  }
  const inWorker = worker !== null;
  const done = (
    worker === null
      ? readOnMainThread(paths, options, files)
      : new Promise<void>((resolve, reject) => {
          const active = worker as Worker;
          active.on("message", (message: CoverageWorkerMessage) => {
            if (message.kind === "error") {
              reject(message.user ? new UserError(message.text ?? message.message) : new Error(message.message));
              return;
            }
            files.push({
              path: message.path,
              report: message.report,
              items: unpackCoverage(fromTransferred(message.coverage)),
              milliseconds: message.milliseconds,
            });
            // Done with the last file, not when the thread has exited: tearing down its heap (hundreds of MB after
            // a national file) took 0.5–0.7 s that the indexes no longer wait for.
            if (files.length === paths.length) resolve();
          });
          active.on("error", reject);
          active.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`the coverage worker stopped with code ${code}`))));
        })
  ).then(
    () => {
      settled = true;
    },
    (reason: unknown) => {
      error = reason instanceof Error ? reason : new Error(String(reason));
      settled = true;
      void worker?.terminate();
    },
  );
  return {
    done,
    get settled() {
      return settled;
    },
    files,
    get error() {
      return error;
    },
    inWorker,
    cancel() {
      if (!settled) void worker?.terminate();
    },
  };
}

/**
 * Whether to read the coverage in a worker thread: "1" yes, "0" no; unset, whenever there is more than one core.
 * Since the worker hands its features over as typed arrays only (toTransferred), it costs no more CPU than reading
 * on this thread (8.9 s against 8.9 s for the national case, process total), so it no longer waits for a free core:
 * the one-minute load average it used to consult still counted the previous command for a minute after it ended,
 * and on a machine kept busy by two other processes the worker ran as fast as this thread (9.8–11.0 s against
 * 9.3–11.7 s). Measured in docs/performance-log.md.
 * @param setting - the LOM_SONG_WORKERS environment variable
 * @param cores - the number of cores
 * @returns true to use a worker thread
 */
export function useWorker(setting: string | undefined, cores = availableParallelism()): boolean {
  if (setting === "1") return true;
  if (setting === "0") return false;
  return cores > 1;
}

async function readOnMainThread(paths: readonly string[], options: Omit<CoverageOptions, "file">, files: CoverageFile[]): Promise<void> {
  const { parseCoverageFile } = await import("./raster_input.ts");
  for (const path of paths) {
    const bytes = await readInput(path);
    const start = performance.now();
    const result = await parseCoverageFile(bytes, { file: displayName(path), ...options });
    files.push({ path, report: result.report, items: result.items, milliseconds: performance.now() - start });
  }
}
