/**
 * The pre-Unicode Vietnamese encodings still found in old spreadsheets, DBF files and Word-era lists:
 * TCVN3 (ABC, TCVN 5712:1993 VN3, fonts `.VnTime`, `.VnArial`) and VNI-Windows (fonts `VNI-Times`…).
 *
 * TCVN3 is one byte per letter: its upper half holds the lowercase toned letters (uppercase ones were typed with the
 * "H" fonts, `.VnTimeH`, on the same codes). The table is the 0xA1–0xFE block of TCVN 5712:1993 as glibc's iconv
 * (`TCVN5712-1`) decodes it, keeping only the positions that VN3 shares with VN1 (the lowercase letters and
 * Ă Â Ê Ô Ơ Ư Đ); checked against `iconv -f TCVN5712-1` and a word list in legacy_encodings.test.ts.
 *
 * VNI-Windows writes a base letter followed by one or two mark bytes, shown as Latin-1 letters (`Tröôøng` =
 * "Trường"): ö ư, ô ơ (alone) or the circumflex (after o), â circumflex, ê breve (after a), ñ đ; tones ù ø û õ ï
 * after a plain vowel, ơ or ư; á à å ã ä after a, e, o are circumflex and tone at once (eå = ể), é è ú ü ë after a
 * are breve and tone (aé = ắ); í ì æ ó ò are the toned i; î is ỵ. Uppercase uses the uppercase mark bytes.
 */
import type { ImportIssue } from "../issues.ts";
import { makeIssue } from "./import_issue.ts";
import { textDecoderClass } from "./text_decoder.ts";
import { domainMessage } from "../messages/message.ts";

/** TCVN3 bytes 0xA1–0xFE (0 = not a VN3 letter: the byte keeps its windows-1252 meaning). */
const TCVN3_HIGH: Record<number, string> = {
  0xa1: "Ă",
  0xa2: "Â",
  0xa3: "Ê",
  0xa4: "Ô",
  0xa5: "Ơ",
  0xa6: "Ư",
  0xa7: "Đ",
  0xa8: "ă",
  0xa9: "â",
  0xaa: "ê",
  0xab: "ô",
  0xac: "ơ",
  0xad: "ư",
  0xae: "đ",
  0xb5: "à",
  0xb6: "ả",
  0xb7: "ã",
  0xb8: "á",
  0xb9: "ạ",
  0xbb: "ằ",
  0xbc: "ẳ",
  0xbd: "ẵ",
  0xbe: "ắ",
  0xc6: "ặ",
  0xc7: "ầ",
  0xc8: "ẩ",
  0xc9: "ẫ",
  0xca: "ấ",
  0xcb: "ậ",
  0xcc: "è",
  0xce: "ẻ",
  0xcf: "ẽ",
  0xd0: "é",
  0xd1: "ẹ",
  0xd2: "ề",
  0xd3: "ể",
  0xd4: "ễ",
  0xd5: "ế",
  0xd6: "ệ",
  0xd7: "ì",
  0xd8: "ỉ",
  0xdc: "ĩ",
  0xdd: "í",
  0xde: "ị",
  0xdf: "ò",
  0xe1: "ỏ",
  0xe2: "õ",
  0xe3: "ó",
  0xe4: "ọ",
  0xe5: "ồ",
  0xe6: "ổ",
  0xe7: "ỗ",
  0xe8: "ố",
  0xe9: "ộ",
  0xea: "ờ",
  0xeb: "ở",
  0xec: "ỡ",
  0xed: "ớ",
  0xee: "ợ",
  0xef: "ù",
  0xf1: "ủ",
  0xf2: "ũ",
  0xf3: "ú",
  0xf4: "ụ",
  0xf5: "ừ",
  0xf6: "ử",
  0xf7: "ữ",
  0xf8: "ứ",
  0xf9: "ự",
  0xfa: "ỳ",
  0xfb: "ỷ",
  0xfc: "ỹ",
  0xfd: "ý",
  0xfe: "ỵ",
};

let windows1252: ((bytes: Uint8Array) => string) | null = null;

function decode1252(bytes: Uint8Array): string {
  if (windows1252 === null) {
    const decoder = new (textDecoderClass())("windows-1252");
    windows1252 = (input) => decoder.decode(input);
  }
  return windows1252(bytes);
}

/**
 * Decodes TCVN3 (ABC) bytes.
 * @param bytes - the bytes
 * @returns the Unicode text (NFC)
 */
export function decodeTcvn3(bytes: Uint8Array): string {
  let text = "";
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    const letter = bytes[i] >= 0xa1 ? TCVN3_HIGH[bytes[i]] : undefined;
    if (letter === undefined) continue;
    if (i > start) text += decode1252(bytes.subarray(start, i));
    text += letter;
    start = i + 1;
  }
  if (start < bytes.length) text += decode1252(bytes.subarray(start));
  return text.normalize("NFC");
}

const TONES = ["\u0301", "\u0300", "\u0309", "\u0303", "\u0323"] as const;
// Tone marks after a plain vowel, ơ or ư; after a circumflex; after a breve (lowercase, then uppercase).
const PLAIN_TONES = ["ù", "ø", "û", "õ", "ï"];
const PLAIN_TONES_UPPER = ["Ù", "Ø", "Û", "Õ", "Ï"];
const HAT_TONES = ["á", "à", "å", "ã", "ä"];
const HAT_TONES_UPPER = ["Á", "À", "Å", "Ã", "Ä"];
const BREVE_TONES = ["é", "è", "ú", "ü", "ë"];
const BREVE_TONES_UPPER = ["É", "È", "Ú", "Ü", "Ë"];

/** VNI sequences (as windows-1252 text) to Unicode, longest first. */
const VNI_SEQUENCES: readonly [string, string][] = (() => {
  const pairs: [string, string][] = [];
  const add = (sequence: string, letter: string): void => {
    pairs.push([sequence, letter.normalize("NFC")]);
  };
  const withTones = (base: string, target: string, tones: readonly string[]): void => {
    tones.forEach((mark, index) => add(base + mark, target + TONES[index]));
  };
  for (const upper of [false, true]) {
    const plain = upper ? PLAIN_TONES_UPPER : PLAIN_TONES;
    const hat = upper ? HAT_TONES_UPPER : HAT_TONES;
    const breve = upper ? BREVE_TONES_UPPER : BREVE_TONES;
    const c = (letter: string): string => (upper ? letter.toUpperCase() : letter);
    const hatMark = upper ? "Â" : "â";
    const breveMark = upper ? "Ê" : "ê";
    // Circumflex vowels: a, e, o + â; a circumflex tone byte alone after the vowel gives both (eå = ể).
    for (const vowel of ["a", "e", "o"]) {
      withTones(c(vowel), c(vowel) + "\u0302", hat);
      add(c(vowel) + hatMark, c(vowel) + "\u0302");
    }
    // Breve a: a + ê; a breve tone byte after a gives both (aé = ắ).
    withTones(c("a"), c("a") + "\u0306", breve);
    add(c("a") + breveMark, c("a") + "\u0306");
    // ơ (ô alone) and ư (ö), and their tones.
    withTones(upper ? "Ô" : "ô", c("o") + "\u031b", plain);
    withTones(upper ? "Ö" : "ö", c("u") + "\u031b", plain);
    add(upper ? "Ö" : "ö", c("u") + "\u031b");
    // Plain vowels and their tones (i is one byte per tone, y with a dot below is î).
    for (const vowel of ["a", "e", "o", "u", "y"]) withTones(c(vowel), c(vowel), plain);
    add(upper ? "Í" : "í", c("i") + "\u0301");
    add(upper ? "Ì" : "ì", c("i") + "\u0300");
    add(upper ? "Æ" : "æ", c("i") + "\u0309");
    add(upper ? "Ó" : "ó", c("i") + "\u0303");
    add(upper ? "Ò" : "ò", c("i") + "\u0323");
    add(upper ? "Î" : "î", c("y") + "\u0323");
    add(upper ? "Ñ" : "ñ", upper ? "Đ" : "đ");
  }
  // "ô" alone is ơ, but only after the sequences above (o + â is ô) have been tried.
  pairs.push(["Ô", "Ơ"], ["ô", "ơ"]);
  return pairs.sort((a, b) => b[0].length - a[0].length);
})();

const VNI_BY_FIRST = (() => {
  const map = new Map<string, [string, string][]>();
  for (const pair of VNI_SEQUENCES) {
    const list = map.get(pair[0][0]) ?? [];
    list.push(pair);
    map.set(pair[0][0], list);
  }
  return map;
})();

/**
 * Decodes VNI-Windows bytes.
 * @param bytes - the bytes
 * @returns the Unicode text (NFC)
 */
export function decodeVni(bytes: Uint8Array): string {
  const source = decode1252(bytes);
  let text = "";
  let i = 0;
  while (i < source.length) {
    const candidates = VNI_BY_FIRST.get(source[i]);
    let matched = false;
    if (candidates) {
      for (const [sequence, letter] of candidates) {
        if (source.startsWith(sequence, i) && sequence.length > 1) {
          text += letter;
          i += sequence.length;
          matched = true;
          break;
        }
      }
      if (!matched) {
        const single = candidates.find(([sequence]) => sequence.length === 1);
        if (single) {
          text += single[1];
          i++;
          matched = true;
        }
      }
    }
    if (!matched) {
      text += source[i];
      i++;
    }
  }
  return text.normalize("NFC");
}

const VIETNAMESE_LETTERS = new Set(
  "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
    .normalize("NFC")
    .split("")
    .flatMap((letter) => [letter, letter.toUpperCase()]),
);
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;

/**
 * How Vietnamese a text looks: Vietnamese letters in words of at most one tone count for it; other non-ASCII
 * characters (¶ ¸ ø ï …, what a wrong code page shows) and words with two tones or more count against it.
 * @param text - decoded text (NFC)
 * @returns the score (higher is better)
 */
export function vietnameseScore(text: string): number {
  let score = 0;
  for (const word of text.split(/[\s,;"'()[\]{}.:\-/\\]+/)) {
    if (word === "" || /^[\x20-\x7e]*$/.test(word)) continue;
    const tones = word.normalize("NFD").match(TONE_MARKS)?.length ?? 0;
    let letters = 0;
    let odd = 0;
    for (const character of word) {
      if (character.charCodeAt(0) < 0x80) continue;
      if (VIETNAMESE_LETTERS.has(character)) letters++;
      else odd++;
    }
    score += tones > 1 ? -3 * (letters + odd) : letters - 3 * odd;
  }
  return score;
}

/** A legacy encoding found in a file, if it reads better than windows-1258. */
export type LegacyEncoding = "tcvn3" | "vni-windows";

/**
 * Chooses between windows-1258, TCVN3 and VNI-Windows for bytes that are not UTF-8.
 * @param bytes - the bytes (a sample is enough)
 * @param windows1258 - the windows-1258 reading of the same bytes (NFC)
 * @returns the encoding that reads best and its text, or null when windows-1258 does
 */
export function detectLegacyEncoding(bytes: Uint8Array, windows1258: string): { encoding: LegacyEncoding; text: string } | null {
  const base = vietnameseScore(windows1258);
  const tcvn = decodeTcvn3(bytes);
  const vni = decodeVni(bytes);
  const tcvnScore = vietnameseScore(tcvn);
  const vniScore = vietnameseScore(vni);
  if (tcvnScore > base && tcvnScore >= vniScore) return { encoding: "tcvn3", text: tcvn };
  if (vniScore > base) return { encoding: "vni-windows", text: vni };
  return null;
}

/**
 * The warning for a file read from a legacy encoding.
 * @param file - the file name
 * @param encoding - the encoding found
 * @returns the warning, or undefined for any other encoding
 */
export function legacyEncodingIssue(file: string, encoding: string): ImportIssue | undefined {
  if (encoding !== "tcvn3" && encoding !== "vni-windows") return undefined;
  const name = encoding === "tcvn3" ? "TCVN3 (ABC, .VnTime)" : "VNI-Windows";
  return makeIssue(file, "warning", "legacy_encoding", domainMessage("encoding.legacy_encoding", { name }));
}
