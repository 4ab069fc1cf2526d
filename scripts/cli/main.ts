/** The commands of the CLI, run with the error handling of scripts/cli.ts (in-process for tests). */
import { cliLanguage, reportError } from "./errors.ts";
import { out, err } from "./terminal.ts";

const help = (analyzeHelp: string): string => `lom-song — mobile coverage gaps for schools and villages (Sóng và máy tính cho em)

Usage:
  npm run cli -- analyze  --points FILE --coverage FILE [options]   which points are uncovered, by whom
  npm run cli -- progress --registry FILE [--updates FILE…] [options] progress of the listed dead zones
  npm run cli -- compare  --points FILE --before FILE --after FILE    what a new coverage release changed
  npm run cli -- suggest  --points FILE --coverage FILE [options]   where to build new sites (most pupils covered)
  npm run cli -- tiles    --coverage FILE --out coverage.pmtiles      pre-build the coverage map for a public page

Run a command with --help for its options.

${analyzeHelp}`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case "analyze": {
      // The coverage files (the largest input) start loading in a worker thread before the rest of the CLI loads.
      const { startCoverageReading } = await import("./analyze_start.ts");
      const early = startCoverageReading(rest);
      const { runAnalyze } = await import("./analyze.ts");
      try {
        return await runAnalyze(rest, early ?? undefined);
      } finally {
        early?.cancel();
      }
    }
    case "progress": {
      // Loaded on demand: each command pulls in only the domain code it needs. The command keeps the name users
      // know; the code behind it is the tracking feature (scripts/cli/tracking.ts).
      const { runTracking } = await import("./tracking.ts");
      return runTracking(rest);
    }
    case "compare": {
      const { runCompare } = await import("./compare.ts");
      return runCompare(rest);
    }
    case "suggest": {
      const { runSuggest } = await import("./suggest.ts");
      return runSuggest(rest);
    }
    case "tiles": {
      const { runTiles } = await import("./tiles.ts");
      return runTiles(rest);
    }
    case undefined:
    case "--help":
    case "-h":
    case "help":
      out(help((await import("./analyze.ts")).ANALYZE_HELP) + "\n");
      return command === undefined ? 2 : 0;
    default:
      err(
        cliLanguage(argv) === "en"
          ? `error: unknown command "${command}" (expected analyze, progress, compare, suggest or tiles); see --help\n`
          : `lỗi: không có lệnh "${command}" (chỉ có analyze, progress, compare, suggest, tiles); xem --help\n`,
      );
      return 2;
  }
}

/**
 * Runs one command line and gives its exit code: 0 done, 2 bad input or options (one line on stderr).
 * @param argv - the arguments after the program name
 * @returns the exit code
 */
export async function runCli(argv: string[]): Promise<number> {
  try {
    return await main(argv);
  } catch (error) {
    return reportError(error, argv);
  }
}
