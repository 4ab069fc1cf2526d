/**
 * The command-line shell around src/domain: argument parsing and file I/O only.
 * `npm run cli -- <command> [options]`. Commands: analyze, progress, compare, suggest.
 */
import { reportError } from "./cli/errors.ts";
import { removeTemporaryFiles } from "./cli/io.ts";
import { runCli } from "./cli/main.ts";
import { handleClosedStdout } from "./cli/terminal.ts";

const argv = process.argv.slice(2);
handleClosedStdout();
// Whatever ends the process, no temporary output file stays behind.
process.on("exit", removeTemporaryFiles);
for (const [signal, code] of [
  ["SIGINT", 130],
  ["SIGTERM", 143],
  ["SIGHUP", 129],
] as const) {
  process.on(signal, () => {
    removeTemporaryFiles();
    process.exit(code);
  });
}
// An error no command caught (a bug, or a callback that threw) is still one line, exit 2, no stack trace.
const lastResort = (error: unknown) => {
  removeTemporaryFiles();
  process.exitCode = reportError(error, argv);
  process.exit();
};
process.on("uncaughtException", lastResort);
process.on("unhandledRejection", lastResort);

runCli(argv).then((code) => {
  process.exitCode = code;
}, lastResort);
