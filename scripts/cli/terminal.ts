/**
 * What the CLI prints: every line goes through out() or err(), which escape control characters (a carrier name or a
 * cell holding ESC sequences cannot clear or rewrite the terminal) and survive a closed pipe (`… | head`).
 */

/** Where printed text goes; tests replace it (setTerminal) to run commands in-process. */
export interface TerminalSink {
  stdout(text: string): void;
  stderr(text: string): void;
}

let stdoutClosed = false;

function writeTo(stream: NodeJS.WriteStream, text: string): void {
  if (stream === process.stdout && stdoutClosed) return;
  stream.write(text);
}

const processSink: TerminalSink = {
  stdout: (text) => writeTo(process.stdout, text),
  stderr: (text) => writeTo(process.stderr, text),
};

let sink: TerminalSink = processSink;

/**
 * Replaces where the CLI prints (for tests); returns a function that puts the previous one back.
 * @param replacement - the new sink
 * @returns the undo
 */
export function setTerminal(replacement: TerminalSink): () => void {
  const previous = sink;
  sink = replacement;
  return () => {
    sink = previous;
  };
}

// C0 controls except line feed (tab included: our columns are padded with spaces), DEL, and C1 controls.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g;

function escapeOne(character: string): string {
  const code = character.charCodeAt(0);
  if (code === 0x09) return "\\t";
  if (code === 0x0a) return "\\n";
  if (code === 0x0d) return "\\r";
  return code < 0x100 ? `\\x${code.toString(16).toUpperCase().padStart(2, "0")}` : `\\u${code.toString(16).toUpperCase().padStart(4, "0")}`;
}

/**
 * Makes text safe for a terminal: C0 and C1 control characters (ESC, CR, BEL…) become visible escapes (`\x1B`);
 * line feeds are kept, since the CLI prints them itself.
 * @param text - the text to print
 * @returns the escaped text
 */
export function escapeControls(text: string): string {
  return text.replace(CONTROL, escapeOne);
}

/** Prints to standard output (escaped). */
export function out(text: string): void {
  sink.stdout(escapeControls(text));
}

/** Prints to standard error (escaped). */
export function err(text: string): void {
  sink.stderr(escapeControls(text));
}

/**
 * Makes a closed standard output (`lom-song … | head`) harmless: further output is dropped, the command goes on to
 * finish its files, and no stack trace is printed. Installed once by scripts/cli.ts.
 */
export function handleClosedStdout(): void {
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE" || error.code === "ERR_STREAM_DESTROYED") {
      stdoutClosed = true;
      return;
    }
    throw error;
  });
}
