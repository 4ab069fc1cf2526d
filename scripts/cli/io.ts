/** File I/O for the CLI: the only place (with the other cli/ files) that touches the file system. */
import { createReadStream, createWriteStream } from "node:fs";
import { open, readFile, rename, rm, writeFile, mkdir } from "node:fs/promises";
import { dirname, basename } from "node:path";

/** A message in both languages (the CLI prints the one of --lang, Vietnamese by default). */
export interface CliMessage {
  vi: string;
  en: string;
}

/** A mistake in the user's input or options: printed as one line in the user's language, exit code 2, no stack trace. */
export class UserError extends Error {
  readonly text: CliMessage;
  constructor(text: string | CliMessage) {
    const both = typeof text === "string" ? { vi: text, en: text } : text;
    super(both.en);
    this.text = both;
  }
}

/**
 * Reads `--csv-separator`: `comma` (default) or `semicolon` (with decimal commas, for Excel set to a Vietnamese region).
 * @param value - the option's value, if given
 * @returns the CSV flavour
 */
export function csvSeparatorOption(value: string | undefined): "comma" | "semicolon" {
  if (value === undefined || value === "comma" || value === ",") return "comma";
  if (value === "semicolon" || value === ";") return "semicolon";
  throw new UserError({ vi: `--csv-separator phải là comma hoặc semicolon, không phải "${value}"`, en: `--csv-separator must be comma or semicolon, not "${value}"` });
}

function cannotWrite(path: string, detail: string): CliMessage {
  return { vi: `${path}: không ghi được (${detail})`, en: `${path}: cannot write (${detail})` };
}

/** Reads a file as bytes, turning "not found" and friends into a UserError naming the file. */
export async function readInput(path: string): Promise<Uint8Array> {
  try {
    const buffer = await readFile(path);
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const detail = String((error as Error).message);
    const reason: CliMessage =
      code === "ENOENT"
        ? { vi: "không tìm thấy tệp", en: "file not found" }
        : code === "EISDIR"
          ? { vi: "là thư mục, không phải tệp", en: "is a directory, not a file" }
          : code === "EACCES"
            ? { vi: "không có quyền đọc", en: "permission denied" }
            : { vi: `không đọc được (${detail})`, en: detail };
    throw new UserError({ vi: `${path}: ${reason.vi}`, en: `${path}: ${reason.en}` });
  }
}

/** Writes a text file, creating its folder; errors name the file. */
export async function writeOutput(path: string, content: string): Promise<void> {
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content, "utf8");
  } catch (error) {
    throw new UserError(cannotWrite(path, (error as Error).message));
  }
}

/** The file name shown in reports: the base name, as the app shows it. */
export function displayName(path: string): string {
  return basename(path);
}

/** Reads the first bytes of a file (to sniff its format). */
export async function readHead(path: string, length = 64): Promise<Uint8Array> {
  let handle;
  try {
    handle = await open(path, "r");
  } catch (error) {
    return readInput(path).then(() => {
      throw error;
    });
  }
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return new Uint8Array(buffer.buffer, buffer.byteOffset, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Reads a file as a sequence of byte chunks (1 MiB each). */
export async function* readChunks(path: string): AsyncGenerator<Uint8Array> {
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
      const buffer = chunk as Buffer;
      yield new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    }
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError({ vi: `${path}: không đọc được (${(error as Error).message})`, en: `${path}: cannot read (${(error as Error).message})` });
  }
}

/** A file written in pieces under a temporary name, renamed into place by commit(), removed by abandon(). */
export async function openStreamingFile(path: string): Promise<{ write(text: string): Promise<void>; commit(): Promise<void>; abandon(): Promise<void> }> {
  const temporary = `${path}.partial`;
  try {
    await mkdir(dirname(path), { recursive: true });
  } catch (error) {
    throw new UserError(cannotWrite(path, (error as Error).message));
  }
  const stream = createWriteStream(temporary);
  let failure: Error | null = null;
  stream.on("error", (error) => {
    failure = error;
  });
  const check = () => {
    if (failure) throw new UserError(cannotWrite(path, failure.message));
  };
  return {
    async write(text: string) {
      check();
      if (!stream.write(text)) await new Promise<void>((resolve) => stream.once("drain", resolve));
      check();
    },
    async commit() {
      await new Promise<void>((resolve) => stream.end(resolve));
      check();
      await rename(temporary, path);
    },
    async abandon() {
      stream.destroy();
      await rm(temporary, { force: true });
    },
  };
}
