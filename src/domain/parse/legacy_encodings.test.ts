import { describe, expect, it } from "vitest";
import { decodeText } from "./decode_text.ts";
import { decodeTcvn3, decodeVni, detectLegacyEncoding, vietnameseScore } from "./legacy_encodings.ts";
import { readCsvTable } from "./read_csv_table.ts";

const latin1 = (text: string): Uint8Array => Uint8Array.from(text, (character) => character.charCodeAt(0));

// The words as TCVN3 bytes, written out from the TCVN 5712:1993 table (ư 0xAD, ờ 0xEA, ả 0xB6 …); each checked with
// `printf … | iconv -f TCVN5712-1 -t UTF-8`.
const TCVN3_WORDS: [number[], string][] = [
  [[0x4c, 0xb5, 0x6f, 0x20, 0x43, 0x61, 0x69], "Lào Cai"],
  [[0x54, 0x72, 0xad, 0xea, 0x6e, 0x67, 0x20, 0x54, 0x69, 0xd3, 0x75, 0x20, 0x68, 0xe4, 0x63], "Trường Tiểu học"],
  [[0x42, 0xb6, 0x6e, 0x20, 0x58, 0xcc, 0x6f], "Bản Xèo"],
  [[0x42, 0xb6, 0x6f, 0x20, 0x54, 0x68, 0xbe, 0x6e, 0x67], "Bảo Thắng"],
  [[0x4d, 0xad, 0xea, 0x6e, 0x67, 0x20, 0x4b, 0x68, 0xad, 0xac, 0x6e, 0x67], "Mường Khương"],
  [[0xae, 0x69, 0xd3, 0x6d, 0x20, 0x74, 0x72, 0xad, 0xea, 0x6e, 0x67], "điểm trường"],
];

describe("TCVN3 (ABC)", () => {
  it("decodes a known word list", () => {
    for (const [bytes, word] of TCVN3_WORDS) expect(decodeTcvn3(Uint8Array.from(bytes))).toBe(word);
    expect(decodeTcvn3(Uint8Array.from([0x54, 0x69, 0xd5, 0x75]))).toBe("Tiếu");
  });
});

describe("VNI-Windows", () => {
  it("decodes a known word list", () => {
    expect(decodeVni(latin1("Laøo Cai"))).toBe("Lào Cai");
    expect(decodeVni(latin1("Tröôøng Tieåu hoïc"))).toBe("Trường Tiểu học");
    expect(decodeVni(latin1("Baûn Xeøo"))).toBe("Bản Xèo");
    expect(decodeVni(latin1("Ñieän Bieân Phuû"))).toBe("Điện Biên Phủ");
    expect(decodeVni(latin1("Thaéng Lôïi, Möôøng Khöông, Quyù, Kyø, Só, Ñaêk Laêk"))).toBe("Thắng Lợi, Mường Khương, Quý, Kỳ, Sĩ, Đăk Lăk");
    expect(decodeVni(latin1("TRÖÔØNG"))).toBe("TRƯỜNG");
  });
});

describe("detection", () => {
  const tcvnCsv = Uint8Array.from([
    ...latin1("ma,ten,lat,lon\nLC-1,"),
    ...TCVN3_WORDS[1][0],
    ...latin1(" "),
    ...TCVN3_WORDS[2][0],
    ...latin1(",22.4856,103.9712\n"),
  ]);
  const vniCsv = latin1("ma,ten,lat,lon\nLC-1,Tröôøng Tieåu hoïc Baûn Xeøo,22.4856,103.9712\n");
  it("reads TCVN3 and VNI files as such, with a warning; windows-1258 stays windows-1258", () => {
    expect(decodeText(tcvnCsv)).toEqual({ text: "ma,ten,lat,lon\nLC-1,Trường Tiểu học Bản Xèo,22.4856,103.9712\n", encoding: "tcvn3" });
    expect(decodeText(vniCsv).encoding).toBe("vni-windows");
    expect(decodeText(vniCsv).text).toContain("Trường Tiểu học Bản Xèo");
    const table = readCsvTable(vniCsv, { file: "vni.csv" });
    expect(table.issues.map((issue) => issue.code)).toContain("legacy_encoding");
    // windows-1258: "Trường" is T r ư(0xFD) ơ(0xF5) + combining grave (0xCC) n g; 0xD2 is the hook, 0xF2 the dot below.
    const cp1258 = latin1("ma,ten\nA,Tr\xfd\xf5\xccng Ti\xea\xd2u ho\xf2c\n");
    expect(decodeText(cp1258)).toEqual({ text: "ma,ten\nA,Trường Tiểu học\n", encoding: "windows-1258" });
    expect(detectLegacyEncoding(latin1("plain ascii"), "plain ascii")).toBeNull();
  });
  it("scores real Vietnamese above misread text", () => {
    expect(vietnameseScore("Trường Tiểu học")).toBeGreaterThan(vietnameseScore("Tr\u00adêng Ti\u00d6u h\u00e4c"));
  });
});
