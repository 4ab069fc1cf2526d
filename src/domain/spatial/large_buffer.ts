/**
 * Large, long-lived buffers for the spatial indexes, allocated as WebAssembly.Memory pages when the runtime has
 * them.
 *
 * Why it was done: V8 counts every ArrayBuffer as "external memory", and when that grows by more than about
 * 64 MB it starts a full mark of the whole JavaScript heap. An index is built right after a coverage file was
 * parsed, when the heap holds hundreds of MB of GeoJSON arrays, so each such collection costs 0.5–1.5 s on the
 * 2-core development machine. The assumption was that memory pages of a WebAssembly.Memory are not counted that
 * way. Measured later (Node 20.20, `--trace-gc`, ten 40 MB buffers next to a 300 MB heap): they are, a
 * WebAssembly.Memory triggers the same full collections as an ArrayBuffer of the same size, and A/B builds show
 * no difference either way. What helps is allocating less: see docs/performance.md. Kept because it is harmless.
 * Creating a Memory compiles no code, so a Content-Security-Policy without 'wasm-unsafe-eval' allows it.
 * The pages are zeroed, like a new ArrayBuffer, and freed when the buffer becomes unreachable.
 */

/** Below this size a plain ArrayBuffer is used (its external-memory cost is negligible). */
const LARGE_BUFFER_BYTES = 8 * 1024 * 1024;
/** A WebAssembly page. */
const PAGE_BYTES = 65_536;
/** 32-bit WebAssembly memories stop at 4 GiB; stay well below. */
const MAX_PAGES = 32_768;

interface WebAssemblyMemoryLike {
  buffer: ArrayBuffer;
}

type WebAssemblyMemoryConstructor = new (descriptor: { initial: number; maximum?: number }) => WebAssemblyMemoryLike;

/**
 * Allocates a zero-filled buffer of at least `bytes` bytes, as WebAssembly memory when it is large and the runtime
 * supports it, otherwise as a plain ArrayBuffer.
 * @param bytes - the size needed
 * @returns the buffer (possibly a little larger than asked, rounded up to 64 KiB pages)
 */
export function allocateLargeBuffer(bytes: number): ArrayBuffer {
  if (bytes >= LARGE_BUFFER_BYTES) {
    const pages = Math.ceil(bytes / PAGE_BYTES);
    const memory = (globalThis as unknown as { WebAssembly?: { Memory?: WebAssemblyMemoryConstructor } }).WebAssembly?.Memory;
    if (memory !== undefined && pages <= MAX_PAGES) {
      try {
        return new memory({ initial: pages, maximum: pages }).buffer;
      } catch {
        // Address space or a runtime policy refused it: the plain buffer below works everywhere.
        return new ArrayBuffer(bytes);
      }
    }
  }
  return new ArrayBuffer(bytes);
}
