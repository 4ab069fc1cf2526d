/**
 * Bytes to text: UTF-8 (with or without a byte-order mark), UTF-16 (byte-order mark or NUL pattern: Excel's
 * "Unicode Text") or, when the bytes are not valid UTF-8, windows-1258, the code page Excel's legacy
 * "CSV (Comma delimited)" writes on a Vietnamese PC, or the legacy TCVN3 (ABC) and VNI-Windows encodings when
 * they read as better Vietnamese (legacy_encodings.ts).
 * The text is NFC-normalised: windows-1258 stores tones as combining marks.
 */
import { decodeTcvn3, decodeVni, detectLegacyEncoding } from "./legacy_encodings.ts";
import { textDecoderClass } from "./text_decoder.ts";

/** The encodings read; tcvn3 (ABC, .VnTime) and vni-windows are the legacy Vietnamese ones (see legacy_encodings.ts). */
export type TextEncodingName = "utf-8" | "utf-8-bom" | "windows-1258" | "utf-16le" | "utf-16be" | "tcvn3" | "vni-windows";

/**
 * Whether bytes are UTF-16 (what Excel's "Unicode Text" and some exports write): a byte-order mark FF FE (little
 * endian) or FE FF (big endian), or, without one, the pattern of a mostly-ASCII text in UTF-16: a NUL byte in every
 * other position.
 * @param bytes - the file's first bytes (at least a few hundred for the pattern)
 * @returns the encoding, or null
 */
export function detectUtf16(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  const pairs = Math.min(256, bytes.length >> 1);
  if (pairs < 2) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let k = 0; k < pairs; k++) {
    if (bytes[2 * k] === 0) evenZero++;
    if (bytes[2 * k + 1] === 0) oddZero++;
  }
  // Text in UTF-8 or windows-1258 has no NUL byte; UTF-16 of Latin text has one in nearly every pair.
  if (oddZero >= 0.6 * pairs && evenZero <= 0.1 * pairs) return "utf-16le";
  if (evenZero >= 0.6 * pairs && oddZero <= 0.1 * pairs) return "utf-16be";
  return null;
}

/** Bytes sampled to choose between windows-1258, TCVN3 and VNI-Windows. */
const LEGACY_SAMPLE_BYTES = 65_536;

/** Decoded text and the encoding it was read as. */
export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

/**
 * Decodes file bytes, trying strict UTF-8 first and falling back to windows-1258.
 * @param bytes - the file content
 * @returns the NFC-normalised text (without the byte-order mark) and the encoding used
 * @example
 * ```ts
 * decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x61])); // { text: "a", encoding: "utf-8-bom" }
 * ```
 */
export function decodeText(bytes: Uint8Array, normalize = true): DecodedText {
  const Decoder = textDecoderClass();
  const utf16 = detectUtf16(bytes);
  if (utf16 !== null) {
    // The default (ignoreBOM: false) strips the byte-order mark; a lone surrogate becomes U+FFFD.
    const text = new Decoder(utf16).decode(bytes);
    return { text: normalize ? text.normalize("NFC") : text, encoding: utf16 };
  }
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    // The default (ignoreBOM: false) strips a leading byte-order mark.
    const text = new Decoder("utf-8", { fatal: true }).decode(bytes);
    return { text: normalize ? text.normalize("NFC") : text, encoding: hasBom ? "utf-8-bom" : "utf-8" };
  } catch {
    // Not UTF-8: windows-1258 unless TCVN3 or VNI-Windows reads as better Vietnamese (on a sample of the file).
    const sample = bytes.subarray(0, LEGACY_SAMPLE_BYTES);
    const legacy = detectLegacyEncoding(sample, new Decoder("windows-1258").decode(sample).normalize("NFC"));
    if (legacy !== null) return { text: legacy.encoding === "tcvn3" ? decodeTcvn3(bytes) : decodeVni(bytes), encoding: legacy.encoding };
    const text = new Decoder("windows-1258").decode(bytes);
    return { text: normalize ? text.normalize("NFC") : text, encoding: "windows-1258" };
  }
}

/**
 * Turns a string or bytes into NFC text (or leaves normalisation to the caller when `normalize` is false); a string keeps "utf-8" (or "utf-8-bom" when it starts with U+FEFF, which is removed).
 * @param input - text already decoded by the caller, or raw bytes
 * @returns the text and its encoding
 */
export function inputToText(input: string | Uint8Array, normalize = true): DecodedText {
  if (typeof input !== "string") return decodeText(input, normalize);
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  return { text: normalize ? text.normalize("NFC") : text, encoding: text === input ? "utf-8" : "utf-8-bom" };
}
