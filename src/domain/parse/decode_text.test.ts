import { describe, expect, it } from "vitest";
import { decodeText, inputToText } from "./decode_text.ts";

function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

describe("decodeText", () => {
  it("reads UTF-8 without a byte-order mark", () => {
    expect(decodeText(utf8("Tên trường"))).toEqual({ text: "Tên trường", encoding: "utf-8" });
  });

  it("strips a UTF-8 byte-order mark and reports it", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("mã;tên")]);
    expect(decodeText(bytes)).toEqual({ text: "mã;tên", encoding: "utf-8-bom" });
  });

  it("falls back to windows-1258 when the bytes are not valid UTF-8", () => {
    // "Lào Cai" in windows-1258: à is 0xE0, a byte that cannot stand alone in UTF-8.
    const bytes = new Uint8Array([0x4c, 0xe0, 0x6f, 0x20, 0x43, 0x61, 0x69]);
    expect(decodeText(bytes)).toEqual({ text: "Lào Cai", encoding: "windows-1258" });
  });

  it("composes windows-1258 combining tone marks into NFC letters", () => {
    // "trường" in windows-1258: ư = 0xFD, ơ = 0xF5, then the tone as a combining grave accent 0xCC.
    const bytes = new Uint8Array([0x74, 0x72, 0xfd, 0xf5, 0xcc, 0x6e, 0x67]);
    const { text, encoding } = decodeText(bytes);
    expect(encoding).toBe("windows-1258");
    expect(text).toBe("trường");
    expect(text.length).toBe(6);
  });

  it("NFC-normalises decomposed UTF-8 text", () => {
    const decomposed = "Lào Cai".normalize("NFD");
    expect(decomposed.length).toBe(8);
    expect(decodeText(utf8(decomposed)).text).toBe("Lào Cai");
  });
});

describe("inputToText", () => {
  it("removes a leading U+FEFF from a string and reports utf-8-bom", () => {
    expect(inputToText("\uFEFFid,lat")).toEqual({ text: "id,lat", encoding: "utf-8-bom" });
  });

  it("passes a plain string through as utf-8", () => {
    expect(inputToText("id,lat")).toEqual({ text: "id,lat", encoding: "utf-8" });
  });
});
