/**
 * The coverage files, read, parsed and checked in a worker thread while the main thread reads the points: the two
 * are the CLI's largest inputs and use one core each. Same domain function as on the main thread
 * (parseCoverageGeojson's checks, as columns: parseCoverageGeojsonColumns, so the byte scanner's coordinates are
 * never turned into an array per position); the features come back packed (see coverage_transfer.ts).
 */
import { parentPort, workerData } from "node:worker_threads";
import type { CoverageOptions } from "../../src/domain/parse/parse_coverage_geojson.ts";
import { parseCoverageFilePacked } from "./raster_input.ts";
import { toTransferred, transferredBuffers } from "./coverage_transfer.ts";
import { UserError, displayName, readInput } from "./io.ts";
import type { CoverageWorkerMessage } from "./coverage_files.ts";

const { paths, options } = workerData as { paths: string[]; options: Omit<CoverageOptions, "file"> };
const port = parentPort;
if (port === null) throw new Error("coverage_worker.ts runs as a worker thread");

for (const path of paths) {
  try {
    const bytes = await readInput(path);
    const start = performance.now();
    const { packed, report } = await parseCoverageFilePacked(bytes, { file: displayName(path), ...options });
    const coverage = toTransferred(packed);
    const message: CoverageWorkerMessage = { kind: "file", path, report, coverage, milliseconds: performance.now() - start };
    port.postMessage(message, transferredBuffers(coverage));
  } catch (error) {
    const message: CoverageWorkerMessage = {
      kind: "error",
      message: (error as Error).message,
      user: error instanceof UserError,
      text: error instanceof UserError ? error.text : undefined,
    };
    port.postMessage(message);
    break;
  }
}
