/**
 * Runs the CLI for a test, in this process or as a real process.
 *
 * Most CLI tests run `runCli` from scripts/cli/main.ts in-process with the terminal captured
 * (scripts/cli/terminal.ts): a spawned CLI costs 0.25 s of start-up per case from its bundle (1–1.3 s through tsx,
 * when the bundle is rebuilt or cannot be), which made the CLI tests most of the suite's time. A few smoke tests per command keep spawning the real process
 * (`runCliProcess`), so start-up, exit codes and signals are still covered end to end.
 */
import { execFile } from "node:child_process";
import { join } from "node:path";
import { runCli } from "../../scripts/cli/main.ts";
import { setTerminal } from "../../scripts/cli/terminal.ts";

/** What a CLI run printed and how it ended. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

const ROOT = new URL("../..", import.meta.url).pathname;

// The terminal and process.env are process-wide: in-process runs take turns.
let turn: Promise<unknown> = Promise.resolve();

/**
 * Runs the CLI in this process with its output captured.
 * @param args - the command line after `cli`
 * @param env - environment variables set for the run and restored after it; unless given, `LOM_SONG_WORKERS=0`
 *   (the coverage is read on this thread: the test runner has no tsx loader for a worker thread)
 * @returns exit code, stdout and stderr
 */
export function runCliInProcess(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  const run = turn.then(async () => {
    const settings = { LOM_SONG_WORKERS: "0", ...env };
    const saved = new Map(Object.keys(settings).map((key) => [key, process.env[key]]));
    Object.assign(process.env, settings);
    let stdout = "";
    let stderr = "";
    const restore = setTerminal({ stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
    try {
      const code = await runCli(args);
      return { code, stdout, stderr };
    } finally {
      restore();
      for (const [key, value] of saved) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
  });
  turn = run.catch(() => undefined);
  return run;
}

/**
 * Runs the CLI as a real process, started as `npm run cli` starts it (scripts/cli_launcher.mjs: the prebuilt bundle,
 * rebuilt when a source changed, and its coverage worker thread), for the smoke tests.
 * @param args - the command line after `cli`
 * @param env - extra environment variables
 * @returns exit code, stdout and stderr
 */
export function runCliProcess(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(ROOT, "scripts/cli_launcher.mjs"), ...args], { cwd: ROOT, env: { ...process.env, ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr });
    });
  });
}
