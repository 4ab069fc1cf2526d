/**
 * Which binary format a file is, from its first bytes (magic numbers), so that an importer or a preview
 * never reads a raster, an image or an archive as text. One small function shared by the app's import
 * preview and whoever imports GeoTIFF coverage.
 */

/** A binary format recognised by its magic bytes. */
export type BinaryKind = "tiff" | "zip" | "ole" | "png" | "jpeg" | "pdf" | "gzip";

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  if (bytes.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[i] !== magic[i]) return false;
  return true;
}

/**
 * Detects a binary file from its magic bytes.
 * - tiff: `II*\0` or `MM\0*` (TIFF, GeoTIFF), `II+\0` or `MM\0+` (BigTIFF); the header is 8 bytes
 * - zip: `PK\x03\x04` (also .xlsx, .kmz) · ole: an old .xls or an encrypted workbook · png · jpeg · pdf · gzip
 * @param bytes - the file's first bytes (8 are enough)
 * @returns the kind, or null when the bytes do not start like any of them (text, most likely)
 * @example
 * ```ts
 * detectBinaryKind(new Uint8Array([0x49, 0x49, 0x2a, 0, 8, 0, 0, 0])); // "tiff"
 * ```
 */
export function detectBinaryKind(bytes: Uint8Array): BinaryKind | null {
  if (
    bytes.length >= 8 &&
    (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) ||
      startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a]) ||
      startsWith(bytes, [0x49, 0x49, 0x2b, 0x00]) ||
      startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2b]))
  )
    return "tiff";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return "zip";
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return "ole";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "pdf";
  if (startsWith(bytes, [0x1f, 0x8b])) return "gzip";
  return null;
}
