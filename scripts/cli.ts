/**
 * The command-line shell around src/domain: argument parsing and file I/O only.
 * `npm run cli -- <command> [options]`. Commands: analyze, progress, compare.
 */
import { runAnalyze, ANALYZE_HELP } from "./cli/analyze.ts";
import { UserError } from "./cli/io.ts";

const HELP = `lom-song — mobile coverage gaps for schools and villages (Sóng và máy tính cho em)

Usage:
  npm run cli -- analyze  --points FILE --coverage FILE [options]   which points are uncovered, by whom
  npm run cli -- progress --registry FILE [--updates FILE…] [options] progress of the listed dead zones
  npm run cli -- compare  --points FILE --before FILE --after FILE    what a new coverage release changed

Run a command with --help for its options.

${ANALYZE_HELP}`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case "analyze":
      return runAnalyze(rest);
    case "progress": {
      // Loaded on demand: each command pulls in only the domain code it needs.
      const { runProgress } = await import("./cli/progress.ts");
      return runProgress(rest);
    }
    case "compare": {
      const { runCompare } = await import("./cli/compare.ts");
      return runCompare(rest);
    }
    case undefined:
    case "--help":
    case "-h":
    case "help":
      process.stdout.write(HELP + "\n");
      return command === undefined ? 2 : 0;
    default:
      process.stderr.write(`error: unknown command "${command}" (expected analyze, progress or compare); see --help\n`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UserError) {
      process.stderr.write(`error: ${error.message}\n`);
      process.exitCode = 2;
      return;
    }
    // A bug, not a user's mistake: keep the stack for the report.
    process.stderr.write(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
