/**
 * What the code under test writes to process.stdout and process.stderr, captured afresh for each test of the file
 * that calls it (vitest spies, restored after each test), for the tests that call a command's function directly.
 */
import { afterEach, beforeEach, vi } from "vitest";

/** The text written so far in the running test. */
export interface CapturedOutput {
  stdout: string;
  stderr: string;
}

/**
 * Captures the output of every test of the calling file.
 * @returns the captured text, reset before each test
 */
export function captureProcessOutput(): CapturedOutput {
  const output: CapturedOutput = { stdout: "", stderr: "" };
  beforeEach(() => {
    output.stdout = "";
    output.stderr = "";
    for (const stream of ["stdout", "stderr"] as const) {
      vi.spyOn(process[stream], "write").mockImplementation((chunk: string | Uint8Array) => {
        output[stream] += String(chunk);
        return true;
      });
    }
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });
  return output;
}
