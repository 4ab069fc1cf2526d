/** How the CLI ends on an error: one line in the user's language, exit code 2, never a stack trace. */
import { UserError } from "./io.ts";
import { err } from "./terminal.ts";

/**
 * The language of the messages: --lang en (or --lang=en) asks for English; Vietnamese otherwise.
 * @param argv - the command line
 * @returns vi or en
 */
export function cliLanguage(argv: readonly string[]): "vi" | "en" {
  const index = argv.indexOf("--lang");
  if (index >= 0 && argv[index + 1] === "en") return "en";
  return argv.includes("--lang=en") ? "en" : "vi";
}

/**
 * Prints an error as one line and gives the exit code: a UserError is the user's input or options; anything else
 * is unexpected ("Lỗi không mong đợi: …"), with its stack only when LOM_SONG_DEBUG=1.
 * @param error - what was thrown
 * @param argv - the command line (for --lang)
 * @returns the exit code, 2
 */
export function reportError(error: unknown, argv: readonly string[]): number {
  const language = cliLanguage(argv);
  if (error instanceof UserError) {
    err(language === "en" ? `error: ${oneLineText(error.text.en)}\n` : `lỗi: ${oneLineText(error.text.vi)}\n`);
    return 2;
  }
  const message = error instanceof Error ? error.message : String(error);
  const tooDeep = error instanceof RangeError && /call stack/i.test(message);
  const text = tooDeep
    ? language === "en"
      ? "the input is nested too deeply to be read (a JSON or XML structure thousands of levels deep)"
      : "dữ liệu lồng nhau quá sâu, không đọc được (một cấu trúc JSON hoặc XML sâu hàng nghìn cấp)"
    : oneLineText(message);
  err(language === "en" ? `Unexpected error: ${text}\n` : `Lỗi không mong đợi: ${text}\n`);
  if (process.env.LOM_SONG_DEBUG === "1" && error instanceof Error && error.stack) err(`${error.stack}\n`);
  return 2;
}

function oneLineText(text: string): string {
  return text.replace(/\r?\n/g, " ");
}
