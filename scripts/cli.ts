/**
 * The command-line shell around src/domain: argument parsing and file I/O only.
 * `npm run cli -- <command> [options]`. Commands: analyze, progress, compare, suggest.
 */
import { UserError } from "./cli/io.ts";

const help = (analyzeHelp: string): string => `lom-song — mobile coverage gaps for schools and villages (Sóng và máy tính cho em)

Usage:
  npm run cli -- analyze  --points FILE --coverage FILE [options]   which points are uncovered, by whom
  npm run cli -- progress --registry FILE [--updates FILE…] [options] progress of the listed dead zones
  npm run cli -- compare  --points FILE --before FILE --after FILE    what a new coverage release changed
  npm run cli -- suggest  --points FILE --coverage FILE [options]   where to build new sites (most pupils covered)

Run a command with --help for its options.

${analyzeHelp}`;

/** The language of the messages: --lang en (or --lang=en) asks for English; Vietnamese otherwise. */
function cliLanguage(argv: readonly string[]): "vi" | "en" {
  const index = argv.indexOf("--lang");
  if (index >= 0 && argv[index + 1] === "en") return "en";
  return argv.includes("--lang=en") ? "en" : "vi";
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case "analyze": {
      // The coverage files (the largest input) start loading in a worker thread before the rest of the CLI loads.
      const { startCoverageReading } = await import("./cli/analyze_start.ts");
      const early = startCoverageReading(rest);
      const { runAnalyze } = await import("./cli/analyze.ts");
      try {
        return await runAnalyze(rest, early ?? undefined);
      } finally {
        early?.cancel();
      }
    }
    case "progress": {
      // Loaded on demand: each command pulls in only the domain code it needs.
      const { runProgress } = await import("./cli/progress.ts");
      return runProgress(rest);
    }
    case "compare": {
      const { runCompare } = await import("./cli/compare.ts");
      return runCompare(rest);
    }
    case "suggest": {
      const { runSuggest } = await import("./cli/suggest.ts");
      return runSuggest(rest);
    }
    case undefined:
    case "--help":
    case "-h":
    case "help":
      process.stdout.write(help((await import("./cli/analyze.ts")).ANALYZE_HELP) + "\n");
      return command === undefined ? 2 : 0;
    default:
      process.stderr.write(
        cliLanguage(argv) === "en"
          ? `error: unknown command "${command}" (expected analyze, progress, compare or suggest); see --help\n`
          : `lỗi: không có lệnh "${command}" (chỉ có analyze, progress, compare, suggest); xem --help\n`,
      );
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UserError) {
      process.stderr.write(cliLanguage(process.argv) === "en" ? `error: ${error.text.en}\n` : `lỗi: ${error.text.vi}\n`);
      process.exitCode = 2;
      return;
    }
    // A bug, not a user's mistake: keep the stack for the report.
    process.stderr.write(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
