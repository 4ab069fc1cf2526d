/**
 * Reads a point CSV in byte chunks, in batches of whole records, so that a file of millions of
 * rows is parsed with memory bounded by one batch. Each batch goes through parsePointsCsv with the
 * file's header in front, so the rules (encodings, delimiters, columns, coordinates) are exactly
 * those of a whole-file import; row numbers, duplicates and the report run across batches.
 */
import type { ImportIssue, ImportReport, ImportResult } from "../issues.ts";
import { emptyReport } from "../issues.ts";
import type { Message, Point } from "../types.ts";
import { createHashIndex, createHashedKeySet } from "./hashed_key_set.ts";
import { parsePointsCsv, type PointsCsvOptions } from "./parse_points_csv.ts";
import { detectUtf16 } from "./decode_text.ts";
import { textDecoderClass, textEncoderClass, type TextDecoderLike, type TextEncoderLike } from "./text_decoder.ts";
import { domainMessage } from "../messages/message.ts";

const NEWLINE = 0x0a;
const RETURN = 0x0d;
/** Issues listed row by row in a streamed report; more are counted by code. */
const MAX_LISTED_ISSUES = 20_000;
const QUOTE = 0x22;

/** A streaming reader for one point CSV. */
export interface PointsCsvStream {
  /**
   * Takes the next bytes of the file; returns the points of every batch completed by them. The reader may keep a
   * view on `chunk` until the next call: do not overwrite it (Node's file streams give a fresh buffer each time).
   */
  push(chunk: Uint8Array): ImportResult<Point>[];
  /** Signals the end of the file; returns the last batch (possibly empty). */
  end(): ImportResult<Point>[];
  /** The report over everything read so far (read = accepted + rejected). */
  report(): ImportReport;
  /** The header record (with Excel's `sep=` line, if any) once it has been read; null before. */
  header(): Uint8Array | null;
}

/**
 * Creates a streaming reader.
 * @param options - as for parsePointsCsv, plus `batchBytes` (default 8 MiB): records are parsed once this many bytes wait,
 *   and `maxListedIssues` (default 20,000): issues past this many are counted by code in one closing warning, not listed
 * @returns the reader; feed it with push(), then end()
 * @example
 * ```ts
 * const stream = createPointsCsvStream({ file: "points.csv" });
 * for await (const chunk of fileChunks) for (const batch of stream.push(chunk)) handle(batch.items);
 * for (const batch of stream.end()) handle(batch.items);
 * stream.report(); // the whole file's report
 * ```
 */
export function createPointsCsvStream(options: PointsCsvOptions & { batchBytes?: number; maxListedIssues?: number }): PointsCsvStream {
  const batchBytes = options.batchBytes ?? 8 * 1024 * 1024;
  const maxListedIssues = options.maxListedIssues ?? MAX_LISTED_ISSUES;
  const unlisted = new Map<string, number>();
  const total = emptyReport(options.file, "points");
  const fileIssueCodes = new Set<string>();
  // Sized for a million rows up front: growing a table rehashes every key.
  const ids = createHashedKeySet(1 << 20);
  // Positions by the bits of their two doubles (no string per point).
  const positions = createHashIndex(1 << 20);
  const scratch = new Float64Array(2);
  const scratchWords = new Uint32Array(scratch.buffer);
  let header: Uint8Array | null = null;
  let separatorLine: Uint8Array | null = null;
  let pending: Uint8Array = new Uint8Array(0);
  // Scan state over `pending`: where the scan stopped, quote parity there, and the last record boundary found.
  let scanned = 0;
  let inQuotes = false;
  let boundary = 0;
  let recordsInBoundary = 0;
  let recordsSeen = 0;
  let batches = 0;

  // A UTF-16 file is turned into UTF-8 as it comes (the record boundaries below are found in bytes); decided on the
  // first bytes: `sniff` holds them until there are enough.
  let utf16: { name: "utf-16le" | "utf-16be"; decoder: TextDecoderLike; encoder: TextEncoderLike } | null = null;
  let sniff: Uint8Array | null = new Uint8Array(0);
  const SNIFF_BYTES = 512;

  function transcode(chunk: Uint8Array, final: boolean): Uint8Array {
    if (sniff !== null) {
      sniff = concatBytes(sniff, chunk);
      if (sniff.length < 4 && !final) return new Uint8Array(0);
      // A byte-order mark decides at once; so does the absence of NUL bytes (never in UTF-8 or windows-1258 text);
      // otherwise the NUL pattern is judged on the first SNIFF_BYTES.
      const bom = (sniff[0] === 0xff && sniff[1] === 0xfe) || (sniff[0] === 0xfe && sniff[1] === 0xff);
      const nul = sniff[0] === 0 || sniff[1] === 0 || sniff[2] === 0 || sniff[3] === 0;
      if (!bom && nul && sniff.length < SNIFF_BYTES && !final) return new Uint8Array(0);
      const name = bom || nul ? detectUtf16(sniff) : null;
      const bytes = sniff;
      sniff = null;
      if (name !== null) {
        const Decoder = textDecoderClass();
        const Encoder = textEncoderClass();
        utf16 = { name, decoder: new Decoder(name), encoder: new Encoder() };
      }
      chunk = bytes;
    }
    if (utf16 === null) return chunk;
    const text = utf16.decoder.decode(chunk, { stream: !final }) + (final ? utf16.decoder.decode() : "");
    return utf16.encoder.encode(text);
  }

  // Bytes waiting for a batch are gathered in `storage`, which grows by doubling and is reused: appending a chunk
  // copies that chunk only, not everything before it.
  let storage = new Uint8Array(0);

  function append(chunk: Uint8Array): void {
    if (pending.length === 0) {
      // Kept as it is (a view on the caller's chunk): copied only when more bytes must be joined to it.
      pending = chunk;
      return;
    }
    const needed = pending.length + chunk.length;
    let offset = 0;
    if (pending.buffer !== storage.buffer) {
      if (storage.length < needed) storage = new Uint8Array(Math.max(needed, 2 * storage.length));
      storage.set(pending);
    } else {
      offset = pending.byteOffset - storage.byteOffset;
      if (offset + needed > storage.length) {
        if (needed <= storage.length) {
          storage.copyWithin(0, offset, offset + pending.length);
        } else {
          const grown = new Uint8Array(Math.max(needed, 2 * storage.length));
          grown.set(pending);
          storage = grown;
        }
        offset = 0;
      }
    }
    storage.set(chunk, offset + pending.length);
    pending = storage.subarray(offset, offset + needed);
  }

  /**
   * Finds record boundaries past the header: every line break outside quotes (LF, CR LF or a lone CR, mixed as they
   * come), searched natively with indexOf. A CR that ends the bytes so far waits for the next chunk (an LF may follow).
   */
  function scanRecords(from: number): void {
    const end = pending.length;
    let i = from;
    while (i < end) {
      const quote = pending.indexOf(QUOTE, i);
      if (inQuotes) {
        if (quote < 0) break;
        inQuotes = false;
        i = quote + 1;
        continue;
      }
      const stop = quote < 0 ? end : quote;
      // Searched within [i, stop) only, so that a long run of quotes without line breaks is not searched again and again.
      const segment = pending.subarray(i, stop);
      let n = segment.indexOf(NEWLINE);
      let r = segment.indexOf(RETURN);
      while (n >= 0 || r >= 0) {
        if (r >= 0 && (n < 0 || r < n)) {
          if (i + r + 1 === end) {
            // Maybe the first half of CR LF: decided with the next bytes (or at the end of the file).
            scanned = i + r;
            return;
          }
          const next = r + 1 < segment.length && segment[r + 1] === NEWLINE ? r + 2 : r + 1;
          boundary = i + next;
          recordsInBoundary++;
          if (next === r + 2) n = segment.indexOf(NEWLINE, next);
          r = segment.indexOf(RETURN, next);
        } else {
          boundary = i + n + 1;
          recordsInBoundary++;
          n = segment.indexOf(NEWLINE, n + 1);
        }
      }
      if (quote < 0) break;
      inQuotes = true;
      i = quote + 1;
    }
    scanned = end;
  }

  /** Where the record starting at 0 ends, when byte i is a line break outside quotes: past it (CR LF counts as one); -1 to wait for more bytes. */
  function recordEnd(i: number, final: boolean): number {
    if (pending[i] === NEWLINE) return i + 1;
    if (i + 1 < pending.length) return pending[i + 1] === NEWLINE ? i + 2 : i + 1;
    return final ? i + 1 : -1;
  }

  function scan(final = false): void {
    for (let i = scanned; i < pending.length; i++) {
      if (header !== null) {
        scanRecords(i);
        if (final && scanned < pending.length) {
          // A CR as the very last byte of the file ends the last record.
          boundary = pending.length;
          recordsInBoundary++;
          scanned = pending.length;
        }
        return;
      }
      const byte = pending[i];
      if (byte === QUOTE) inQuotes = !inQuotes;
      else if ((byte === NEWLINE || byte === RETURN) && !inQuotes) {
        const stop = recordEnd(i, final);
        if (stop < 0) {
          scanned = i;
          return;
        }
        const record = pending.subarray(0, stop);
        if (isBlankRecord(record)) {
          // Blank lines before the header are not part of it; drop them.
          pending = pending.subarray(stop);
          scanned = 0;
          i = -1;
          continue;
        }
        if (separatorLine === null && isSeparatorLine(record)) {
          // Excel's "sep=;" line names the delimiter; it travels with the header into every batch.
          separatorLine = record.slice();
          pending = pending.subarray(stop);
          i = -1;
          continue;
        }
        header = concatBytes(separatorLine ?? new Uint8Array(0), record);
        pending = pending.subarray(stop);
        i = -1;
        continue;
      }
    }
    scanned = pending.length;
  }

  function parseBatch(records: Uint8Array, recordCount: number): ImportResult<Point> {
    const head = header ?? new Uint8Array(0);
    const bytes = new Uint8Array(head.length + records.length);
    bytes.set(head);
    bytes.set(records, head.length);
    // Duplicates are checked here, across batches, in one pass.
    const result = parsePointsCsv(bytes, { ...options, checkDuplicates: false });
    const offset = recordsSeen;
    recordsSeen += recordCount;
    const issues: ImportIssue[] = [];
    for (const issue of result.report.issues) {
      if (issue.row === undefined) {
        // A file-level issue (encoding, missing columns…) is said once, not once per batch.
        if (fileIssueCodes.has(issue.code)) continue;
        fileIssueCodes.add(issue.code);
        issues.push(issue);
      } else {
        issues.push({ ...issue, row: issue.row + offset });
      }
    }
    for (const point of result.items) {
      // The source object was made for this point by parsePointsCsv: shifting its row in place is safe.
      point.source.row += offset;
      const firstRow = ids.firstOrAdd(point.id, point.source.row);
      if (firstRow >= 0) {
        issues.push(duplicateIssue(options.file, point, "duplicate_id", domainMessage("points.duplicate_id", { id: point.id, where: rowWords(firstRow) })));
      }
      scratch[0] = point.lon;
      scratch[1] = point.lat;
      const firstPlace = positions.firstOrAdd(
        scratchWords[0] ^ Math.imul(scratchWords[2], 0x9e3779b1),
        scratchWords[1] ^ Math.imul(scratchWords[3], 0x85ebca6b),
        point.source.row,
      );
      if (firstPlace >= 0) {
        issues.push(
          duplicateIssue(
            options.file,
            point,
            "duplicate_coordinates",
            domainMessage("points.same_coordinates_as", { lon: point.lon, lat: point.lat, where: rowWords(firstPlace) }),
          ),
        );
      }
    }
    if (batches === 0) total.detected = result.report.detected && utf16 !== null ? { ...result.report.detected, encoding: utf16.name } : result.report.detected;
    batches++;
    total.read += result.report.read;
    total.accepted += result.report.accepted;
    total.rejected += result.report.rejected;
    for (const issue of issues) {
      if (issue.severity === "warning") total.warnings++;
      // A file of millions of bad rows would otherwise fill memory with issues: past the cap, count them by code.
      if (total.issues.length < maxListedIssues) total.issues.push(issue);
      else unlisted.set(issue.code, (unlisted.get(issue.code) ?? 0) + 1);
    }
    return { items: result.items, report: { ...result.report, issues } };
  }

  function takeBatch(): ImportResult<Point> | null {
    if (boundary === 0) return null;
    const records = pending.subarray(0, boundary);
    const count = recordsInBoundary;
    pending = pending.subarray(boundary);
    scanned -= boundary;
    boundary = 0;
    recordsInBoundary = 0;
    return parseBatch(records, count);
  }

  return {
    push(chunk) {
      const bytes = transcode(chunk, false);
      if (bytes.length === 0) return [];
      append(bytes);
      scan();
      const results: ImportResult<Point>[] = [];
      if (boundary >= batchBytes) {
        const batch = takeBatch();
        if (batch) results.push(batch);
      }
      return results;
    },
    end() {
      const last = transcode(new Uint8Array(0), true);
      if (last.length > 0) append(last);
      scan(true);
      const results: ImportResult<Point>[] = [];
      const batch = takeBatch();
      if (batch) results.push(batch);
      const rest = isBlankRecord(pending) ? 0 : 1;
      if (rest === 1 || batches === 0) {
        if (header === null && rest === 1) {
          // A single line without a newline: it is the header.
          header = concatBytes(separatorLine ?? new Uint8Array(0), pending);
          pending = new Uint8Array(0);
        }
        results.push(parseBatch(pending, isBlankRecord(pending) ? 0 : 1));
        pending = new Uint8Array(0);
      }
      total.issues.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
      if (unlisted.size > 0) {
        const count = [...unlisted.values()].reduce((sum, value) => sum + value, 0);
        const codes = [...unlisted.entries()].map(([code, value]) => `${code} × ${value}`).join(", ");
        total.issues.push({
          file: options.file,
          code: "issues_not_listed",
          severity: "warning",
          message: domainMessage("points.issues_not_listed", { count, codes }),
        });
        total.warnings++;
      }
      return results;
    },
    report() {
      return total;
    },
    header() {
      return header;
    },
  };
}

/** True for Excel's first line "sep=X" (X one of , ; tab). */
function isSeparatorLine(record: Uint8Array): boolean {
  const text = String.fromCharCode(...record.subarray(0, 16)).replace(/^\uFEFF|^\xEF\xBB\xBF/, "");
  return /^sep=[,;\t](?:\r\n|\r|\n)$/i.test(text);
}

function concatBytes(first: Uint8Array, second: Uint8Array): Uint8Array {
  const joined = new Uint8Array(first.length + second.length);
  joined.set(first);
  joined.set(second, first.length);
  return joined;
}

function isBlankRecord(bytes: Uint8Array): boolean {
  for (const byte of bytes) if (byte !== 0x0a && byte !== 0x0d && byte !== 0x20 && byte !== 0x09) return false;
  return true;
}

function duplicateIssue(file: string, point: Point, code: string, message: Message): ImportIssue {
  return { file, row: point.source.row, code, severity: "warning", message };
}

function rowWords(row: number): Message {
  return domainMessage("issue.where_row", { row });
}
