import { describe, expect, it } from "vitest";
import { detectBinaryKind } from "./detect_binary_kind.ts";

const bytes = (...values: number[]) => new Uint8Array(values);

describe("detectBinaryKind", () => {
  it("recognises GeoTIFF / TIFF in both byte orders, and BigTIFF", () => {
    expect(detectBinaryKind(bytes(0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0))).toBe("tiff");
    expect(detectBinaryKind(bytes(0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8))).toBe("tiff");
    expect(detectBinaryKind(bytes(0x49, 0x49, 0x2b, 0x00, 8, 0, 0, 0))).toBe("tiff");
    expect(detectBinaryKind(bytes(0x4d, 0x4d, 0x00, 0x2b, 0, 8, 0, 0))).toBe("tiff");
  });

  it("recognises the other binary files people pick by mistake", () => {
    expect(detectBinaryKind(bytes(0x50, 0x4b, 0x03, 0x04))).toBe("zip");
    expect(detectBinaryKind(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1))).toBe("ole");
    expect(detectBinaryKind(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))).toBe("png");
    expect(detectBinaryKind(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe("jpeg");
    expect(detectBinaryKind(new TextEncoder().encode("%PDF-1.7"))).toBe("pdf");
    expect(detectBinaryKind(bytes(0x1f, 0x8b, 0x08))).toBe("gzip");
  });

  it("says nothing of text: CSV, GeoJSON, a UTF-8 BOM, a file too short to tell", () => {
    expect(detectBinaryKind(new TextEncoder().encode("id,lon,lat\nA,105,21\n"))).toBeNull();
    expect(detectBinaryKind(new TextEncoder().encode('{"type":"FeatureCollection"}'))).toBeNull();
    expect(detectBinaryKind(bytes(0xef, 0xbb, 0xbf, 0x69, 0x64))).toBeNull();
    expect(detectBinaryKind(bytes(0x49, 0x49, 0x2a))).toBeNull();
    expect(detectBinaryKind(new Uint8Array(0))).toBeNull();
    // "II*" followed by text is not a TIFF header.
    expect(detectBinaryKind(new TextEncoder().encode("II*,x\n"))).toBeNull();
  });
});
