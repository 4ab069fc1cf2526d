/** File I/O for the CLI: the only place (with the other cli/ files) that touches the file system. */
import { randomBytes } from "node:crypto";
import { createReadStream, rmSync } from "node:fs";
import { open, readFile, realpath, rename, rm, mkdir, stat } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";

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
  throw new UserError({
    vi: `--csv-separator phải là comma hoặc semicolon, không phải "${value}"`,
    en: `--csv-separator must be comma or semicolon, not "${value}"`,
  });
}

const PERMISSION_DENIED: CliMessage = { vi: "không có quyền", en: "permission denied" };
const TOO_MANY_FILES: CliMessage = { vi: "mở quá nhiều tệp", en: "too many open files" };
/** The reasons a file operation fails that the CLI says in words, by Node's error code. */
const FILE_ERROR_REASONS: Readonly<Record<string, CliMessage>> = {
  ENOENT: { vi: "không tìm thấy tệp hoặc thư mục", en: "no such file or folder" },
  EISDIR: { vi: "là thư mục, không phải tệp", en: "is a directory, not a file" },
  ENOTDIR: { vi: "một phần của đường dẫn không phải thư mục", en: "a part of the path is not a folder" },
  EACCES: PERMISSION_DENIED,
  EPERM: PERMISSION_DENIED,
  ENOSPC: { vi: "ổ đĩa đã đầy", en: "no space left on the disk" },
  EDQUOT: { vi: "đã hết hạn mức dung lượng", en: "disk quota exceeded" },
  EROFS: { vi: "ổ đĩa chỉ đọc", en: "read-only file system" },
  EMFILE: TOO_MANY_FILES,
  ENFILE: TOO_MANY_FILES,
  EIO: { vi: "lỗi vào/ra của ổ đĩa", en: "input/output error" },
};

/** Why a read or a write failed, in both languages, from Node's error code (else the error's own message). */
export function fileErrorReason(error: unknown): CliMessage {
  const code = (error as NodeJS.ErrnoException).code;
  if (code !== undefined && Object.hasOwn(FILE_ERROR_REASONS, code)) return FILE_ERROR_REASONS[code];
  const detail = error instanceof Error ? error.message : String(error);
  return { vi: detail, en: detail };
}

function cannotWrite(path: string, error: unknown): CliMessage {
  const reason = fileErrorReason(error);
  return { vi: `${path}: không ghi được (${reason.vi})`, en: `${path}: cannot write (${reason.en})` };
}

/** Reads a file as bytes, turning "not found" and friends into a UserError naming the file. */
export async function readInput(path: string): Promise<Uint8Array> {
  try {
    const buffer = await readFile(path);
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  } catch (error) {
    throw cannotRead(path, error);
  }
}

function cannotRead(path: string, error: unknown): UserError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason: CliMessage =
    code === "ENOENT"
      ? { vi: "không tìm thấy tệp", en: "file not found" }
      : code === "EACCES"
        ? { vi: "không có quyền đọc", en: "permission denied" }
        : code === "EISDIR"
          ? fileErrorReason(error)
          : { vi: `không đọc được (${fileErrorReason(error).vi})`, en: `cannot read (${fileErrorReason(error).en})` };
  return new UserError({ vi: `${path}: ${reason.vi}`, en: `${path}: ${reason.en}` });
}

/**
 * The file-system calls the output writer makes, replaceable in tests (setOutputFileSystem) to simulate a full disk.
 * Each is the node:fs/promises call of the same name.
 */
export interface OutputFileSystem {
  open(path: string, flags: string): Promise<OutputHandle>;
  rename(from: string, to: string): Promise<void>;
  rm(path: string): Promise<void>;
  mkdir(path: string): Promise<void>;
}

/** An open output file. */
export interface OutputHandle {
  write(bytes: Uint8Array): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

const nodeOutputFileSystem: OutputFileSystem = {
  async open(path, flags) {
    const handle = await open(path, flags);
    return {
      async write(bytes) {
        let offset = 0;
        while (offset < bytes.length) {
          const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset);
          offset += bytesWritten;
        }
      },
      sync: () => handle.sync(),
      close: () => handle.close(),
    };
  },
  rename: (from, to) => rename(from, to),
  rm: (path) => rm(path, { force: true }),
  mkdir: async (path) => {
    await mkdir(path, { recursive: true });
  },
};

let outputFileSystem: OutputFileSystem = nodeOutputFileSystem;

/**
 * Replaces the file-system calls of the output writer (tests: a disk that fills up). Returns the undo.
 * @param replacement - the calls to use, or a function of the real ones
 * @returns a function that restores the previous calls
 */
export function setOutputFileSystem(replacement: (real: OutputFileSystem) => OutputFileSystem): () => void {
  const previous = outputFileSystem;
  outputFileSystem = replacement(nodeOutputFileSystem);
  return () => {
    outputFileSystem = previous;
  };
}

/** Temporary files being written: removed on exit, Ctrl-C or SIGTERM (removeTemporaryFiles). */
const temporaryFiles = new Set<string>();

/** Removes every temporary output file still being written (synchronously: called from signal handlers). */
export function removeTemporaryFiles(): void {
  for (const path of temporaryFiles) {
    try {
      rmSync(path, { force: true });
    } catch {
      // Nothing more can be done while the process ends.
    }
  }
  temporaryFiles.clear();
}

/** The temporary files being written now (for tests). */
export function pendingTemporaryFiles(): string[] {
  return [...temporaryFiles];
}

/** Bytes gathered before one write call. */
const WRITE_BUFFER_BYTES = 1 << 20;

/** An output file being written: write() in pieces, then commit() (into place) or abandon() (nothing left behind). */
export interface AtomicFile {
  /** Appends text (UTF-8) or bytes (an .xlsx zip). */
  write(content: string | Uint8Array): Promise<void>;
  commit(): Promise<void>;
  abandon(): Promise<void>;
}

/**
 * Opens an output file the safe way: the content goes to a new temporary file in the same folder
 * (`.NAME.<pid>-<random>.partial`), which is flushed to the disk (fsync) and renamed over `path` only when every
 * byte is written. A failed write (a full disk, no permission) leaves the earlier file as it was and no temporary
 * file, and becomes a UserError naming the file and the reason.
 * @param path - the output file
 * @returns the file to write
 */
export async function openAtomicFile(path: string): Promise<AtomicFile> {
  const fs = outputFileSystem;
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(6).toString("hex")}.partial`);
  let handle: OutputHandle;
  try {
    await fs.mkdir(dirname(path));
    temporaryFiles.add(temporary);
    handle = await fs.open(temporary, "wx");
  } catch (error) {
    temporaryFiles.delete(temporary);
    throw new UserError(cannotWrite(path, error));
  }
  const encoder = new TextEncoder();
  let buffered: string[] = [];
  let bufferedLength = 0;
  let closed = false;
  const fail = async (error: unknown): Promise<never> => {
    await discard();
    throw error instanceof UserError ? error : new UserError(cannotWrite(path, error));
  };
  const discard = async (): Promise<void> => {
    buffered = [];
    if (!closed) {
      closed = true;
      await handle.close().catch(() => undefined);
    }
    await fs.rm(temporary).catch(() => undefined);
    temporaryFiles.delete(temporary);
  };
  const flush = async (): Promise<void> => {
    if (bufferedLength === 0) return;
    const text = buffered.join("");
    buffered = [];
    bufferedLength = 0;
    await handle.write(encoder.encode(text));
  };
  return {
    async write(content) {
      if (closed) throw new Error(`${path}: written after commit or abandon`);
      if (typeof content !== "string") {
        await flush()
          .then(() => handle.write(content))
          .catch(fail);
        return;
      }
      buffered.push(content);
      bufferedLength += content.length;
      if (bufferedLength >= WRITE_BUFFER_BYTES) await flush().catch(fail);
    },
    async commit() {
      try {
        await flush();
        await handle.sync();
        closed = true;
        await handle.close();
        await fs.rename(temporary, path);
        temporaryFiles.delete(temporary);
      } catch (error) {
        await fail(error);
      }
    },
    abandon: discard,
  };
}

/** Writes a whole file (text or bytes) atomically (openAtomicFile), creating its folder; errors name the file. */
export async function writeOutput(path: string, content: string | Uint8Array): Promise<void> {
  const file = await openAtomicFile(path);
  await file.write(content);
  await file.commit();
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
    throw cannotRead(path, error);
  }
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return new Uint8Array(buffer.buffer, buffer.byteOffset, bytesRead);
  } catch (error) {
    // A directory opens, then fails to read (EISDIR).
    throw cannotRead(path, error);
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
    throw cannotRead(path, error);
  }
}

/** The real path of a file, or of its folder joined with its name when the file does not exist yet. */
async function realPathOf(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    try {
      return join(await realpath(dirname(resolve(path))), basename(path));
    } catch {
      return resolve(path);
    }
  }
}

/**
 * Checks the output files before any work: none may be a directory, name an input file (compared by real path, so
 * `./a.csv`, a symbolic link or `../x/a.csv` are the same file) or be named by two options.
 * @param outputs - each output option ("--out") and its file, if given
 * @param inputs - each input option and its file or files, if given
 * @param allowed - pairs of options where the output may replace the input (`--events-out` over `--events`: the
 *   log written holds every event read, and the atomic rename keeps the old one until it is complete)
 */
export async function checkOutputs(
  outputs: Readonly<Record<string, string | undefined>>,
  inputs: Readonly<Record<string, readonly string[] | string | undefined>>,
  allowed: readonly { output: string; input: string }[] = [],
): Promise<void> {
  const inputFiles: { option: string; path: string; real: string }[] = [];
  for (const [option, given] of Object.entries(inputs)) {
    const paths = given === undefined ? [] : typeof given === "string" ? [given] : given;
    for (const path of paths) inputFiles.push({ option, path, real: await realPathOf(path) });
  }
  const seen = new Map<string, string>();
  for (const [option, path] of Object.entries(outputs)) {
    if (path === undefined) continue;
    const info = await stat(path).catch(() => null);
    if (info?.isDirectory()) {
      throw new UserError({
        vi: `${option} ${path}: là thư mục; hãy cho tên một tệp`,
        en: `${option} ${path}: is a directory; give a file name`,
      });
    }
    const real = await realPathOf(path);
    const input = inputFiles.find((file) => file.real === real && !allowed.some((pair) => pair.output === option && pair.input === file.option));
    if (input) {
      throw new UserError({
        vi: `${option} ${path}: đây là tệp đầu vào (${input.option} ${input.path}); ghi vào đó sẽ xoá mất nó. Hãy chọn tên tệp khác`,
        en: `${option} ${path}: this is an input file (${input.option} ${input.path}); writing it would destroy it. Choose another file name`,
      });
    }
    const other = seen.get(real);
    if (other !== undefined) {
      throw new UserError({
        vi: `${option} và ${other} cùng ghi vào ${path}; hãy chọn hai tệp khác nhau`,
        en: `${option} and ${other} both write ${path}; choose two different files`,
      });
    }
    seen.set(real, option);
  }
}
