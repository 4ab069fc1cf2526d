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

/**
 * The commands besides analyze, each loaded on demand: a command pulls in only the domain code it needs. `progress`
 * keeps the name users know; the code behind it is the tracking feature (scripts/cli/tracking.ts).
 */
const COMMANDS: Record<"progress" | "compare" | "suggest" | "tiles", () => Promise<(argv: string[]) => Promise<number>>> = {
  progress: async () => (await import("./tracking.ts")).runTracking,
  compare: async () => (await import("./compare.ts")).runCompare,
  suggest: async () => (await import("./suggest.ts")).runSuggest,
  tiles: async () => (await import("./tiles.ts")).runTiles,
};

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
    case "progress":
    case "compare":
    case "suggest":
    case "tiles":
      return (await COMMANDS[command]())(rest);
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
