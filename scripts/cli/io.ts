/** File I/O for the CLI: the only place (with the other cli/ files) that touches the file system. */
import { readFile, writeFile, mkdir } from "node:fs/promises";
import { dirname, basename } from "node:path";

/** A mistake in the user's input or options: printed as one line, exit code 2, no stack trace. */
export class UserError extends Error {}

/** Reads a file as bytes, turning "not found" and friends into a UserError naming the file. */
export async function readInput(path: string): Promise<Uint8Array> {
  try {
    const buffer = await readFile(path);
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === "ENOENT" ? "file not found" : code === "EISDIR" ? "is a directory, not a file" : code === "EACCES" ? "permission denied" : String((error as Error).message);
    throw new UserError(`${path}: ${reason}`);
  }
}

/** Writes a text file, creating its folder; errors name the file. */
export async function writeOutput(path: string, content: string): Promise<void> {
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content, "utf8");
  } catch (error) {
    throw new UserError(`${path}: cannot write (${(error as Error).message})`);
  }
}

/** The file name shown in reports: the base name, as the app shows it. */
export function displayName(path: string): string {
  return basename(path);
}
