/**
 * A byte scanner for the common shape of a coverage file: a UTF-8 FeatureCollection of Polygon / MultiPolygon
 * features with 2D positions. It goes from the bytes straight to one Float64Array of coordinates (no array per
 * position, no string for the file): `JSON.parse` of a national file (96 MB, 3.8 M positions) and the garbage of its
 * small arrays were most of the CLI's coverage time.
 *
 * The scanner gives what `JSON.parse` followed by readGeojsonInput gives, or nothing:
 * - the whole file is deferred (null: the caller takes the JSON.parse path, which writes the messages) for anything
 *   that could read differently there: invalid JSON anywhere, bytes that are not UTF-8, a UTF-16 file, a top level
 *   that is not a FeatureCollection object, a `crs` other than WGS 84, a repeated top-level member, nesting deeper
 *   than the scanner follows;
 * - one feature is deferred (its own bytes go through JSON.parse and the same toRawFeature) when it is not a plain
 *   `{"type":"Feature","properties":…,"geometry":{"type":"Polygon"|"MultiPolygon","coordinates":…}}`: a 3D
 *   position, an empty list, an escaped member name, a repeated member, another geometry type, a null geometry.
 * Property values are cut out and read by JSON.parse (small objects), so their text, numbers and escapes are
 * exactly JSON's. Coordinates are read by readNumber, which gives JSON.parse's double for every number (see there).
 */
import { textDecoderClass } from "./text_decoder.ts";

/** A geometry read by the scanner: its rings are runs of (lon, lat) pairs in the collection's coordinate array. */
export class ScannedGeometry {
  readonly type: "Polygon" | "MultiPolygon";
  /** Per polygon, its number of rings (one polygon for a Polygon). */
  readonly ringCounts: number[];
  /** Per ring: the index of its first coordinate (longitude) in `coordinates`, then its number of positions. */
  readonly rings: number[];

  constructor(type: "Polygon" | "MultiPolygon", ringCounts: number[], rings: number[]) {
    this.type = type;
    this.ringCounts = ringCounts;
    this.rings = rings;
  }
}

/** A feature as the scanner read it: properties (and id) as JSON.parse gives them, or the whole feature deferred. */
export type ScannedFeature =
  | { kind: "scanned"; properties: unknown; hasProperties: boolean; id?: unknown; hasId: boolean; geometry: ScannedGeometry }
  | { kind: "parsed"; value: unknown };

/** The features of a scanned file and the coordinates their geometries point into. */
export interface ScannedCollection {
  features: ScannedFeature[];
  coordinates: Float64Array;
  /** The `crs` member as JSON.parse gives it, when the file has one (the caller decides whether it is WGS 84). */
  crs?: unknown;
}

/** Signals a file the scanner does not read (the caller takes the JSON.parse path). */
class Defer extends Error {}
/** Signals a feature the scanner does not read (its bytes go through JSON.parse). */
class DeferFeature extends Error {}

const DEFER = new Defer();
const DEFER_FEATURE = new DeferFeature();

/** Powers of ten that are exact doubles. */
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

const QUOTE = 0x22;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const BACKSLASH = 0x5c;
const MINUS = 0x2d;

/** Deeper than this, the bracket matcher hands the file to JSON.parse (which reports or reads it). */
const MAX_SKIP_DEPTH = 512;

function bytesOf(text: string): Uint8Array {
  return Uint8Array.from(text, (character) => character.charCodeAt(0));
}

const WORD = {
  type: bytesOf("type"),
  features: bytesOf("features"),
  crs: bytesOf("crs"),
  properties: bytesOf("properties"),
  geometry: bytesOf("geometry"),
  id: bytesOf("id"),
  coordinates: bytesOf("coordinates"),
  FeatureCollection: bytesOf("FeatureCollection"),
  Feature: bytesOf("Feature"),
  Polygon: bytesOf("Polygon"),
  MultiPolygon: bytesOf("MultiPolygon"),
};

/**
 * Scans a GeoJSON FeatureCollection.
 * @param bytes - the file's bytes
 * @returns the features and coordinates, or null when the file must be read by JSON.parse
 * @example
 * ```ts
 * const scanned = scanFeatureCollection(bytes);
 * if (scanned === null) { ... the JSON.parse path ... }
 * ```
 */
export function scanFeatureCollection(bytes: Uint8Array): ScannedCollection | null {
  try {
    return new Scanner(bytes).collection();
  } catch (error) {
    if (error instanceof Defer || error instanceof DeferFeature) return null;
    throw error;
  }
}

class Scanner {
  private at = 0;
  private coordinates: Float64Array;
  private count = 0;
  /** First and last byte above 0x7f (only inside strings in valid JSON), for one UTF-8 check at the end. */
  private firstHigh = -1;
  private lastHigh = -1;
  private readonly decoder = new (textDecoderClass())("utf-8", { fatal: true, ignoreBOM: true });

  private readonly bytes: Uint8Array;

  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
    // At least 10 bytes of text per coordinate in files written with 6 decimals (12.5 in the national benchmark's);
    // grown on demand.
    this.coordinates = new Float64Array(Math.max(1024, Math.ceil(bytes.length / 10)));
  }

  collection(): ScannedCollection {
    const bytes = this.bytes;
    if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) this.at = 3;
    this.space();
    this.expect(OPEN_OBJECT);
    let type = false;
    let features: ScannedFeature[] | null = null;
    let crs: unknown;
    let hasCrs = false;
    this.space();
    if (bytes[this.at] === CLOSE_OBJECT) throw DEFER;
    for (;;) {
      const key = this.key(DEFER);
      if (this.is(key, WORD.type)) {
        if (type) throw DEFER;
        const value = this.simpleString(DEFER);
        if (!this.is(value, WORD.FeatureCollection)) throw DEFER;
        type = true;
      } else if (this.is(key, WORD.features)) {
        if (features !== null) throw DEFER;
        features = this.features();
      } else if (this.is(key, WORD.crs)) {
        if (hasCrs) throw DEFER;
        hasCrs = true;
        crs = this.parsedValue();
      } else {
        // Any other member (name, bbox, …) is not read by readGeojsonInput; a repeat of it changes nothing either.
        this.skipValue();
      }
      if (this.next(CLOSE_OBJECT, DEFER)) continue;
      break;
    }
    this.space();
    if (this.at !== bytes.length) throw DEFER;
    if (!type || features === null) throw DEFER;
    if (this.firstHigh >= 0) {
      try {
        this.decoder.decode(bytes.subarray(this.firstHigh, this.lastHigh + 1));
      } catch {
        throw DEFER;
      }
    }
    const result: ScannedCollection = { features, coordinates: this.coordinates.subarray(0, this.count) };
    if (hasCrs) result.crs = crs;
    return result;
  }

  private features(): ScannedFeature[] {
    const bytes = this.bytes;
    this.space();
    this.expect(OPEN_ARRAY);
    const features: ScannedFeature[] = [];
    this.space();
    if (bytes[this.at] === CLOSE_ARRAY) {
      this.at++;
      return features;
    }
    for (;;) {
      const start = this.at;
      const mark = this.count;
      try {
        features.push(this.feature());
      } catch (error) {
        if (!(error instanceof DeferFeature)) throw error;
        this.at = start;
        this.count = mark;
        features.push({ kind: "parsed", value: this.parsedValue() });
      }
      if (this.next(CLOSE_ARRAY, DEFER)) continue;
      return features;
    }
  }

  private feature(): ScannedFeature {
    const bytes = this.bytes;
    if (bytes[this.at] !== OPEN_OBJECT) throw DEFER_FEATURE;
    this.at++;
    this.space();
    let type = false;
    let hasProperties = false;
    let properties: unknown;
    let hasId = false;
    let id: unknown;
    let geometry: ScannedGeometry | null = null;
    if (bytes[this.at] === CLOSE_OBJECT) throw DEFER_FEATURE;
    for (;;) {
      const key = this.key(DEFER_FEATURE);
      if (this.is(key, WORD.type)) {
        if (type) throw DEFER_FEATURE;
        if (!this.is(this.simpleString(DEFER_FEATURE), WORD.Feature)) throw DEFER_FEATURE;
        type = true;
      } else if (this.is(key, WORD.properties)) {
        if (hasProperties) throw DEFER_FEATURE;
        hasProperties = true;
        properties = this.parsedValue();
      } else if (this.is(key, WORD.id)) {
        if (hasId) throw DEFER_FEATURE;
        hasId = true;
        id = this.parsedValue();
      } else if (this.is(key, WORD.geometry)) {
        if (geometry !== null) throw DEFER_FEATURE;
        geometry = this.geometry();
      } else {
        this.skipValue();
      }
      if (this.next(CLOSE_OBJECT, DEFER_FEATURE)) continue;
      break;
    }
    if (!type || geometry === null) throw DEFER_FEATURE;
    return { kind: "scanned", properties, hasProperties, id, hasId, geometry };
  }

  private geometry(): ScannedGeometry {
    const bytes = this.bytes;
    this.space();
    if (bytes[this.at] !== OPEN_OBJECT) throw DEFER_FEATURE;
    this.at++;
    this.space();
    let type: "Polygon" | "MultiPolygon" | null = null;
    let depth = 0;
    const ringCounts: number[] = [];
    const rings: number[] = [];
    if (bytes[this.at] === CLOSE_OBJECT) throw DEFER_FEATURE;
    for (;;) {
      const key = this.key(DEFER_FEATURE);
      if (this.is(key, WORD.type)) {
        if (type !== null) throw DEFER_FEATURE;
        const value = this.simpleString(DEFER_FEATURE);
        type = this.is(value, WORD.Polygon) ? "Polygon" : this.is(value, WORD.MultiPolygon) ? "MultiPolygon" : null;
        if (type === null) throw DEFER_FEATURE;
      } else if (this.is(key, WORD.coordinates)) {
        if (depth !== 0) throw DEFER_FEATURE;
        depth = this.coordinateLists(ringCounts, rings);
      } else {
        throw DEFER_FEATURE;
      }
      if (this.next(CLOSE_OBJECT, DEFER_FEATURE)) continue;
      break;
    }
    if (type === null || depth !== (type === "Polygon" ? 3 : 4)) throw DEFER_FEATURE;
    return new ScannedGeometry(type, ringCounts, rings);
  }

  /** Reads a Polygon's (depth 3) or a MultiPolygon's (depth 4) coordinates; returns the depth. */
  private coordinateLists(ringCounts: number[], rings: number[]): number {
    const bytes = this.bytes;
    this.space();
    if (bytes[this.at] !== OPEN_ARRAY) throw DEFER_FEATURE;
    // Peek: three or four brackets before the first number.
    let peek = this.at + 1;
    let brackets = 1;
    for (;;) {
      const byte = bytes[peek];
      if (byte === OPEN_ARRAY) brackets++;
      else if (byte !== 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09) break;
      peek++;
    }
    if (brackets === 3) {
      ringCounts.push(this.polygon(rings));
      return 3;
    }
    if (brackets !== 4) throw DEFER_FEATURE;
    this.at++;
    this.space();
    for (;;) {
      ringCounts.push(this.polygon(rings));
      if (this.next(CLOSE_ARRAY, DEFER_FEATURE)) continue;
      return 4;
    }
  }

  /** Reads one polygon's rings; returns their number. */
  private polygon(rings: number[]): number {
    const bytes = this.bytes;
    if (bytes[this.at] !== OPEN_ARRAY) throw DEFER_FEATURE;
    this.at++;
    this.space();
    let count = 0;
    for (;;) {
      this.ring(rings);
      count++;
      if (this.next(CLOSE_ARRAY, DEFER_FEATURE)) continue;
      return count;
    }
  }

  private ring(rings: number[]): void {
    // The hot loop of the scanner (millions of positions): fields in locals, numbers read by readNumberAt.
    const bytes = this.bytes;
    let at = this.at;
    if (bytes[at] !== OPEN_ARRAY) throw DEFER_FEATURE;
    at = skipSpace(bytes, at + 1);
    const start = this.count;
    let count = start;
    let coordinates = this.coordinates;
    for (;;) {
      if (bytes[at] !== OPEN_ARRAY) throw DEFER_FEATURE;
      at = skipSpace(bytes, at + 1);
      let byte = bytes[at];
      if (byte !== MINUS && !(byte >= 0x30 && byte <= 0x39)) throw DEFER_FEATURE;
      const lon = readNumberAt(bytes, at);
      at = skipSpace(bytes, numberEnd);
      if (bytes[at] !== COMMA) throw DEFER_FEATURE;
      at = skipSpace(bytes, at + 1);
      byte = bytes[at];
      if (byte !== MINUS && !(byte >= 0x30 && byte <= 0x39)) throw DEFER_FEATURE;
      const lat = readNumberAt(bytes, at);
      at = skipSpace(bytes, numberEnd);
      if (bytes[at] !== CLOSE_ARRAY) throw DEFER_FEATURE;
      at = skipSpace(bytes, at + 1);
      if (count + 2 > coordinates.length) {
        const grown = new Float64Array(coordinates.length * 2);
        grown.set(coordinates);
        coordinates = grown;
        this.coordinates = grown;
      }
      coordinates[count++] = lon;
      coordinates[count++] = lat;
      byte = bytes[at];
      if (byte === COMMA) {
        at = skipSpace(bytes, at + 1);
        continue;
      }
      if (byte !== CLOSE_ARRAY) throw DEFER_FEATURE;
      this.at = at + 1;
      this.count = count;
      rings.push(start, (count - start) / 2);
      return;
    }
  }

  private readNumber(): number {
    const value = readNumberAt(this.bytes, this.at);
    this.at = numberEnd;
    return value;
  }

  private space(): void {
    const bytes = this.bytes;
    let at = this.at;
    for (;;) {
      const byte = bytes[at];
      if (byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09) at++;
      else break;
    }
    this.at = at;
  }

  /**
   * After a member or an element: white space, then a comma and white space (true: another one follows) or the
   * closing byte (false: the object or array ends); anything else throws `unusual`.
   */
  private next(close: number, unusual: Error): boolean {
    this.space();
    const byte = this.bytes[this.at];
    if (byte === COMMA) {
      this.at++;
      this.space();
      return true;
    }
    if (byte !== close) throw unusual;
    this.at++;
    return false;
  }

  private expect(byte: number): void {
    if (this.bytes[this.at] !== byte) throw DEFER;
    this.at++;
  }

  /** Reads a member name and its colon; a name with an escape is unusual. Returns its range (see simpleString). */
  private key(unusual: Error): number {
    this.space();
    const name = this.simpleString(unusual);
    this.space();
    if (this.bytes[this.at] !== COLON) throw DEFER;
    this.at++;
    this.space();
    return name;
  }

  /**
   * Reads a string without escapes; a string with an escape is unusual. Returns its content's range as one number,
   * start × 65536 + length (lengths past 65535 clamped: no word is that long), so that no array is made per name.
   */
  private simpleString(unusual: Error): number {
    const bytes = this.bytes;
    if (bytes[this.at] !== QUOTE) throw unusual;
    const start = this.at + 1;
    let at = start;
    for (;;) {
      const byte = bytes[at];
      if (byte === QUOTE) break;
      if (byte === BACKSLASH || byte === undefined || byte < 0x20) throw unusual;
      if (byte > 0x7f) this.high(at);
      at++;
    }
    this.at = at + 1;
    return start * 65536 + Math.min(at - start, 65535);
  }

  private is(range: number, word: Uint8Array): boolean {
    if (range % 65536 !== word.length) return false;
    const start = Math.floor(range / 65536);
    const bytes = this.bytes;
    for (let k = 0; k < word.length; k++) if (bytes[start + k] !== word[k]) return false;
    return true;
  }

  private high(at: number): void {
    if (this.firstHigh < 0) this.firstHigh = at;
    this.lastHigh = at;
  }

  /** Finds the end of a value by matching brackets outside strings, and reads the value with JSON.parse. */
  private parsedValue(): unknown {
    const start = this.at;
    this.skipValue();
    const slice = this.bytes.subarray(start, this.at);
    let text: string;
    try {
      text = this.decoder.decode(slice);
    } catch {
      throw DEFER;
    }
    try {
      return JSON.parse(text);
    } catch {
      // Invalid JSON: the JSON.parse path says where, for the whole file.
      throw DEFER;
    }
  }

  /**
   * Moves past one value. Containers are matched bracket for bracket outside strings; their inside is checked by
   * JSON.parse when the value is read (parsedValue) or, for a skipped value, here token by token.
   */
  private skipValue(): void {
    const bytes = this.bytes;
    this.space();
    const byte = bytes[this.at];
    if (byte === QUOTE) {
      this.skipString();
      return;
    }
    if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
      this.skipContainer(0);
      return;
    }
    if (byte === MINUS || (byte >= 0x30 && byte <= 0x39)) {
      this.readNumber();
      return;
    }
    for (const word of ["true", "false", "null"]) {
      let k = 0;
      while (k < word.length && bytes[this.at + k] === word.charCodeAt(k)) k++;
      if (k === word.length) {
        this.at += k;
        return;
      }
    }
    // Not a JSON value: the JSON.parse path reports it for the whole file.
    throw DEFER;
  }

  private skipString(): void {
    const bytes = this.bytes;
    let at = this.at + 1;
    for (;;) {
      const byte = bytes[at];
      if (byte === QUOTE) break;
      if (byte === undefined || byte < 0x20) throw DEFER;
      if (byte === BACKSLASH) {
        const next = bytes[at + 1];
        if (next === 0x75) {
          for (let k = 2; k < 6; k++) if (!isHex(bytes[at + k])) throw DEFER;
          at += 6;
          continue;
        }
        if (!(next === QUOTE || next === BACKSLASH || next === 0x2f || next === 0x62 || next === 0x66 || next === 0x6e || next === 0x72 || next === 0x74))
          throw DEFER;
        at += 2;
        continue;
      }
      if (byte > 0x7f) this.high(at);
      at++;
    }
    this.at = at + 1;
  }

  /** Checks a container strictly (names, colons, commas, values) and moves past it. */
  private skipContainer(depth: number): void {
    if (depth > MAX_SKIP_DEPTH) throw DEFER;
    const bytes = this.bytes;
    const object = bytes[this.at] === OPEN_OBJECT;
    const close = object ? CLOSE_OBJECT : CLOSE_ARRAY;
    this.at++;
    this.space();
    if (bytes[this.at] === close) {
      this.at++;
      return;
    }
    for (;;) {
      if (object) {
        if (bytes[this.at] !== QUOTE) throw DEFER;
        this.skipString();
        this.space();
        if (bytes[this.at] !== COLON) throw DEFER;
        this.at++;
        this.space();
      }
      const byte = bytes[this.at];
      if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) this.skipContainer(depth + 1);
      else this.skipValue();
      if (this.next(close, DEFER)) continue;
      return;
    }
  }
}

function isHex(byte: number | undefined): boolean {
  return byte !== undefined && ((byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66));
}

/** Where the last number read by readNumberAt ends. */
let numberEnd = 0;

/**
 * Reads a JSON number to the double JSON.parse gives. Up to 15 significant digits with a decimal exponent of at
 * most 22 either way (every coordinate written with 6 to 15 decimals) is m × 10^e or m / 10^e with both operands
 * exact doubles: one correctly rounded operation, so the nearest double to the decimal, as JSON.parse returns
 * (Clinger's fast path). Any other number is read by Number() from its text, which follows the same rounding.
 * A text that is not JSON's number grammar defers the file. The number's end is left in numberEnd.
 */
function readNumberAt(bytes: Uint8Array, start: number): number {
  let at = start;
  let negative = false;
  if (bytes[at] === MINUS) {
    negative = true;
    at++;
  }
  let mantissa = 0;
  let digits = 0;
  let exponent = 0;
  let byte = bytes[at];
  if (byte === 0x30) {
    at++;
    byte = bytes[at];
  } else if (byte >= 0x31 && byte <= 0x39) {
    while (byte >= 0x30 && byte <= 0x39) {
      if (digits > 0 || byte !== 0x30) {
        mantissa = mantissa * 10 + (byte - 0x30);
        digits++;
      }
      at++;
      byte = bytes[at];
    }
  } else {
    throw DEFER;
  }
  if (byte === 0x2e) {
    at++;
    byte = bytes[at];
    if (!(byte >= 0x30 && byte <= 0x39)) throw DEFER;
    while (byte >= 0x30 && byte <= 0x39) {
      if (digits > 0 || byte !== 0x30) {
        mantissa = mantissa * 10 + (byte - 0x30);
        digits++;
      }
      exponent--;
      at++;
      byte = bytes[at];
    }
  }
  let general = false;
  if (byte === 0x65 || byte === 0x45) {
    at++;
    byte = bytes[at];
    if (byte === 0x2b || byte === MINUS) {
      at++;
      byte = bytes[at];
    }
    if (!(byte >= 0x30 && byte <= 0x39)) throw DEFER;
    while (byte >= 0x30 && byte <= 0x39) {
      at++;
      byte = bytes[at];
    }
    general = true;
  }
  numberEnd = at;
  if (!general && digits <= 15 && exponent >= -22) {
    const value = exponent === 0 ? mantissa : mantissa / POWERS_OF_TEN[-exponent];
    return negative ? -value : value;
  }
  let text = "";
  for (let k = start; k < at; k++) text += String.fromCharCode(bytes[k]);
  return Number(text);
}

function skipSpace(bytes: Uint8Array, at: number): number {
  for (;;) {
    const byte = bytes[at];
    if (byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09) at++;
    else return at;
  }
}
