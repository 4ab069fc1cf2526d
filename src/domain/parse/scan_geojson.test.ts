/**
 * The byte scanner (scan_geojson.ts, scanned_coverage_check.ts) against the JSON.parse path: on random coverage
 * files — white space, number spellings (exponents, negative zero, 17 digits, 1e400), escaped and Vietnamese
 * strings, BOM, crs members, nested MultiPolygons and GeometryCollections, repairs, invalid files — parseCoverageGeojson
 * gives the same features, report (messages in both languages, feature numbers) and repairs either way, and the
 * columns output holds the same features and coordinates.
 */
import { describe, expect, it } from "vitest";
import { createRandom } from "../../testing/seeded_random.ts";
import { scanGeojsonInput } from "./geojson_input.ts";
import { parseCoverageGeojson, parseCoverageGeojsonColumns } from "./parse_coverage_geojson.ts";
import { scanFeatureCollection } from "./scan_geojson.ts";
import { coverageFeaturesFromColumns } from "../spatial/packed_geometry.ts";

const encoder = new TextEncoder();

function pick<T>(random: () => number, values: readonly T[]): T {
  return values[Math.floor(random() * values.length)];
}

function space(random: () => number): string {
  return random() < 0.6 ? "" : pick(random, [" ", "\n", "\t", "\r\n", "  ", "\n    "]);
}

/** A number spelled in one of the ways writers spell it (the value is close to, not always equal to, `value`). */
function spell(random: () => number, value: number): string {
  const r = random();
  if (r < 0.35) return value.toFixed(6);
  if (r < 0.5) return String(value);
  if (r < 0.6) return value.toPrecision(17);
  if (r < 0.7) return value.toExponential(pick(random, [5, 8, 12, 16]));
  if (r < 0.75) return value.toExponential(7).toUpperCase().replace("E+", "E");
  if (r < 0.8) return `${Math.round(value * 1e6)}e-6`;
  if (r < 0.85) return value.toFixed(pick(random, [0, 1, 15, 20]));
  if (r < 0.9) return `${value.toFixed(3)}000000000000000000001`;
  return String(value);
}

function position(random: () => number, lon: number, lat: number): string {
  const s = () => space(random);
  const third = random() < 0.003 ? `,${s()}${spell(random, 12.5)}` : "";
  return `[${s()}${spell(random, lon)}${s()},${s()}${spell(random, lat)}${third}${s()}]`;
}

/** A ring of positions around a centre: convex, or with a bow-tie, a repeat, an unclosed end, or reversed. */
function ring(random: () => number, lon: number, lat: number, radius: number, shape: string): string {
  const count = pick(random, [4, 5, 8, 16, 64]);
  const points: [number, number][] = [];
  for (let k = 0; k < count; k++) {
    const angle = (2 * Math.PI * k) / count;
    points.push([lon + radius * Math.cos(angle), lat + radius * Math.sin(angle)]);
  }
  if (shape === "bowtie" && count >= 4) [points[1], points[2]] = [points[2], points[1]];
  if (shape === "repeat") points.splice(1, 0, points[1]);
  if (shape === "reversed" || shape === "hole") points.reverse();
  if (shape === "collinear") points.splice(1, 0, [(points[0][0] + points[1][0]) / 2, (points[0][1] + points[1][1]) / 2]);
  if (shape !== "unclosed") points.push([...points[0]]);
  if (shape === "short") points.splice(2);
  if (shape === "zero" && points.length > 0) points[0] = [-0, points[0][1]];
  const s = () => space(random);
  return `[${s()}${points.map(([x, y]) => position(random, x, y)).join(`${s()},${s()}`)}${s()}]`;
}

const SHAPES = ["convex", "convex", "convex", "convex", "reversed", "bowtie", "repeat", "unclosed", "short", "collinear", "zero"];

function polygon(random: () => number, lon: number, lat: number, radius: number): string {
  const s = () => space(random);
  const rings = [ring(random, lon, lat, radius, pick(random, SHAPES))];
  if (random() < 0.15) rings.push(ring(random, lon, lat, radius / 3, "hole"));
  if (random() < 0.05) rings.push(ring(random, lon + radius * 2, lat, radius / 3, "hole"));
  return `[${s()}${rings.join(`${s()},${s()}`)}${s()}]`;
}

function geometry(random: () => number): string {
  const s = () => space(random);
  const lon = pick(random, [102 + random() * 8, 102 + random() * 8, 150, 1000 + random() * 500000, 200, -0.5]);
  const lat = pick(random, [8.5 + random() * 14, 8.5 + random() * 14, -40, 600000, 95]);
  const radius = pick(random, [0.01, 0.05, 0.2, 0]);
  const r = random();
  const typeFirst = random() < 0.7;
  const member = (type: string, coordinates: string): string =>
    typeFirst
      ? `{${s()}"type"${s()}:${s()}"${type}"${s()},${s()}"coordinates"${s()}:${s()}${coordinates}${s()}}`
      : `{"coordinates":${coordinates},${s()}"type":"${type}"}`;
  if (r < 0.7) return member("Polygon", polygon(random, lon, lat, radius));
  if (r < 0.82) {
    const parts = Array.from({ length: pick(random, [1, 1, 2, 3]) }, (_, k) => polygon(random, lon + k * radius * pick(random, [0.5, 3]), lat, radius));
    return member("MultiPolygon", `[${s()}${parts.join(`,${s()}`)}${s()}]`);
  }
  if (r < 0.85)
    return `{"type":"GeometryCollection","geometries":[${member("Polygon", polygon(random, lon, lat, radius))},{"type":"MultiPolygon","coordinates":[${polygon(random, lon, lat, radius)}]}]}`;
  if (r < 0.88) return `{"type":"Point","coordinates":[${lon},${lat}]}`;
  if (r < 0.9) return "null";
  if (r < 0.92) return member("Polygon", "[]");
  if (r < 0.94) return member("MultiPolygon", "[[]]");
  if (r < 0.95) return member("Polygon", `[[[1e400,10],[105,10],[105,11],[1e400,10]]]`);
  if (r < 0.96) return `{"type":"Polygon","coordinates":${polygon(random, lon, lat, radius)},"bbox":[1,2,3,4]}`;
  if (r < 0.97) return member("Polygon", `[[["105",10],[106,10],[106,11],["105",10]]]`);
  return member("MultiPolygon", polygon(random, lon, lat, radius));
}

const CARRIERS = [
  '"Viettel"',
  '"VNPT"',
  '"Vi\\u1ec7ttel"',
  '"Mobi\\"Fone\\""',
  '"viettel "',
  '""',
  "null",
  "12",
  '"Việt-tel"',
  '"Vie\u0302\u0323ttel"',
  '"Mobi\\/Fone\\t"',
];
const TECHNOLOGIES = ['"4G"', '"LTE"', '"3g"', '"6G"', '""', "4", '"n\\u0072"', '"5G"'];
const DATES = ['"2024-06-01"', '"01/06/2024"', '"2024-06-01T10:00:00Z"', '"hôm qua"', "20240601", "null"];

function properties(random: () => number): string {
  const s = () => space(random);
  const members: string[] = [];
  if (random() < 0.95) members.push(`"carrier":${s()}${pick(random, CARRIERS)}`);
  if (random() < 0.1) members.push(`"nhà mạng":"VNPT"`);
  if (random() < 0.9) members.push(`"technology":${pick(random, TECHNOLOGIES)}`);
  if (random() < 0.8) members.push(`"as_of":${pick(random, DATES)}`);
  if (random() < 0.1) members.push(`"estimated":${pick(random, ["true", "false", '"true"'])}`);
  if (random() < 0.1) members.push(`"nested":{"a":[1,2.5e3,-0,{"b":"\\u00e9"}],"c":null}`);
  if (random() < 0.05) members.push(`"carrier":"MobiFone"`);
  const body = `{${s()}${members.join(`${s()},${s()}`)}${s()}}`;
  return random() < 0.03 ? pick(random, ["null", "[]", '"x"', "7"]) : body;
}

function feature(random: () => number): string {
  const s = () => space(random);
  const members: string[] = [];
  const typeMember = random() < 0.02 ? `"\\u0074ype":"Feature"` : random() < 0.02 ? `"type":"Polygon"` : random() < 0.02 ? "" : `"type":${s()}"Feature"`;
  if (typeMember) members.push(typeMember);
  if (random() < 0.97) members.push(`"properties":${s()}${properties(random)}`);
  members.push(`"geometry":${s()}${geometry(random)}`);
  if (random() < 0.1) members.push(`"id":${pick(random, ["1", '"a\\u0301"', "[1,2]", "null", "-0"])}`);
  if (random() < 0.05) members.push(`"bbox":[1,2,3,4]`);
  if (random() < 0.02) members.push(`"geometry":null`);
  if (random() < 0.02) members.push(`"properties":{"carrier":"VNPT","technology":"3G"}`);
  for (let k = members.length - 1; k > 0; k--) {
    if (random() < 0.3) {
      const j = Math.floor(random() * (k + 1));
      [members[k], members[j]] = [members[j], members[k]];
    }
  }
  if (random() < 0.01) return `{"type":"Polygon","coordinates":${polygon(random, 105, 15, 0.1)}}`;
  return `{${s()}${members.join(`${s()},${s()}`)}${s()}}`;
}

/** A random coverage file: text, then perhaps broken. */
function randomFile(random: () => number): Uint8Array {
  const s = () => space(random);
  const features = Array.from({ length: pick(random, [0, 1, 2, 5, 12]) }, () => feature(random));
  const members = [`"type":${s()}"FeatureCollection"`, `"features":${s()}[${s()}${features.join(`${s()},${s()}`)}${s()}]`];
  if (random() < 0.2) members.push(`"name":"ph\\u1ee7 s\\u00f3ng ${pick(random, ["", "Hà Nội"])}"`);
  if (random() < 0.1)
    members.push(
      `"crs":{"type":"name","properties":{"name":"${pick(random, ["urn:ogc:def:crs:OGC:1.3:CRS84", "EPSG:4326", "urn:ogc:def:crs:EPSG::3405", "EPSG:9999"])}"}}`,
    );
  if (random() < 0.03) members.push(`"type":"FeatureCollection"`);
  if (random() < 0.03) members.push(`"features":[]`);
  if (random() < 0.05) members.push(`"bbox":[102,8,110,24]`);
  if (random() < 0.5) members.reverse();
  let text = `${s()}{${s()}${members.join(`${s()},${s()}`)}${s()}}${s()}`;
  const r = random();
  if (r < 0.04) text = text.slice(0, Math.floor(random() * text.length));
  else if (r < 0.06) text = text.replace(/,(?=[^,]*$)/, ",,");
  else if (r < 0.08) text = text.replace("]", "],");
  else if (r < 0.09) text = text.replace(/\d\.\d/, (match) => match.replace(".", ".."));
  else if (r < 0.1) text = text.replace(/(\d)(?=\])/, "$1.");
  else if (r < 0.11) text = `[${text}]`;
  else if (r < 0.12) text = "   ";
  else if (r < 0.13) text = text.replace(/"Viettel"/, '"Viettel\u0001"');
  let bytes = encoder.encode(text);
  if (random() < 0.1) bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]);
  if (random() < 0.02) bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, ...bytes]);
  if (random() < 0.03) {
    // A windows-1258 byte in a string (the whole file is then not UTF-8).
    const at = text.indexOf('"name"');
    if (at >= 0) bytes[at + 2] = 0xe0;
  }
  if (random() < 0.02) bytes = new Uint8Array(new TextEncoder().encode(text).reduce<number[]>((out, byte) => [...out, byte, 0], [0xff, 0xfe]));
  return bytes;
}

function outcome<T>(run: () => T): { result: T } | { thrown: string } {
  try {
    return { result: run() };
  } catch (error) {
    return { thrown: String(error) };
  }
}

describe("the coverage byte scanner", () => {
  it("gives parseCoverageGeojson's result of the JSON.parse path on random files", () => {
    const random = createRandom(14);
    let scannedFiles = 0;
    let scannedDiscs = 0;
    let deferredFeatures = 0;
    for (let round = 0; round < 300; round++) {
      const bytes = randomFile(random);
      const options = { file: `f${round}.geojson`, carrier: round % 3 === 0 ? "VNPT" : undefined };
      const reference = outcome(() => parseCoverageGeojson(bytes, { ...options, scanner: false }));
      const scanned = outcome(() => parseCoverageGeojson(bytes, options));
      expect(scanned, new TextDecoder().decode(bytes)).toStrictEqual(reference);
      // A projected file with a 1e400 coordinate throws in proj4 on the JSON.parse path (not the scanner's: such a file is deferred).
      if (!("result" in reference)) continue;
      const columns = parseCoverageGeojsonColumns(bytes, options);
      expect(columns.report).toStrictEqual(reference.result.report);
      expect(columns.repairs).toStrictEqual(reference.result.repairs);
      // The columns hold the same features (read back through the packed features) and nothing more.
      expect(coverageFeaturesFromColumns(columns.columns)).toStrictEqual(reference.result.items);
      expect(columns.columns.coordinates.length).toBe(2 * columns.columns.positionCounts.reduce((sum, count) => sum + count, 0));
      const input = scanGeojsonInput(bytes, options.file, { towers: {} });
      if (input !== null) {
        scannedFiles++;
        for (const feature of input.features) {
          if (feature.geometry !== null && typeof feature.geometry === "object" && "rings" in feature.geometry) scannedDiscs++;
          else deferredFeatures++;
        }
      }
    }
    // The comparison is not vacuous: most files and features went through the scanner, some were deferred.
    expect(scannedFiles).toBeGreaterThan(120);
    expect(scannedDiscs).toBeGreaterThan(500);
    expect(deferredFeatures).toBeGreaterThan(25);
    // Three parses of 300 files: minutes on a loaded 2-core machine (no limit on the result, only on a hung run).
  }, 600_000);

  it("reads every number as JSON.parse does", () => {
    const random = createRandom(7);
    const texts: string[] = [
      "0",
      "-0",
      "-0.0",
      "0e0",
      "-0E+0",
      "1e400",
      "-1e400",
      "1e-400",
      "123456789012345678901234567890",
      "0.1",
      "0.30000000000000004",
      "9007199254740993",
      "1.7976931348623157e308",
      "5e-324",
      "105.123456789012345",
      "21.000000000000000000001",
      "1E22",
      "1e23",
      "12345678.9e-22",
      "12345678.9e-23",
    ];
    for (let k = 0; k < 5000; k++) {
      const value = (random() - 0.5) * 10 ** Math.floor(random() * 12 - 4);
      texts.push(spell(random, value), value.toFixed(Math.floor(random() * 16)), String(Math.round(value)));
    }
    const ring = texts.map((text, i) => `[${text},${i % 2 === 0 ? "-0" : text}]`).join(",");
    const text = `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[${ring}]]}}]}`;
    const scanned = scanFeatureCollection(encoder.encode(text));
    expect(scanned).not.toBeNull();
    const expected = (JSON.parse(text) as { features: { geometry: { coordinates: number[][][] } }[] }).features[0].geometry.coordinates[0].flat();
    const actual = Array.from(scanned?.coordinates ?? []);
    expect(actual.length).toBe(expected.length);
    for (let i = 0; i < expected.length; i++) {
      if (!Object.is(actual[i], expected[i])) expect({ i, text: texts[i >> 1], actual: actual[i] }).toEqual({ i, text: texts[i >> 1], actual: expected[i] });
    }
  });

  it("gives the JSON.parse path's message for properties nested 100,000 deep", () => {
    const deep = `${"[".repeat(100_000)}${"]".repeat(100_000)}`;
    const text = `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"carrier":"VNPT","technology":"4G","x":${deep}},"geometry":{"type":"Polygon","coordinates":[[[105,21],[105.1,21],[105.1,21.1],[105,21]]]}}]}`;
    const bytes = encoder.encode(text);
    expect(scanFeatureCollection(bytes)).toBeNull();
    const result = parseCoverageGeojson(bytes, { file: "deep.geojson" });
    expect(result).toStrictEqual(parseCoverageGeojson(bytes, { file: "deep.geojson", scanner: false }));
    expect(result.report.issues.map((issue) => issue.code)).toContain("properties_too_deep");
  });

  it("defers files it does not read exactly as JSON.parse", () => {
    const plain = '{"type":"FeatureCollection","features":[]}';
    expect(scanFeatureCollection(encoder.encode(plain))).not.toBeNull();
    for (const text of [
      "",
      "  ",
      "[]",
      '{"type":"Feature","geometry":null,"properties":{}}',
      '{"type":"FeatureCollection","features":[],"features":[]}',
      '{"type":"FeatureCollection","features":[],}',
      '{"type":"FeatureCollection","features":[]} x',
      '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"a":01},"geometry":null}]}',
      '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[1.,2]]]}}]}',
      '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[+1,2]]]}}]}',
      '{"\\u0074ype":"FeatureCollection","features":[]}',
    ]) {
      expect(scanFeatureCollection(encoder.encode(text)), text).toBeNull();
    }
  });
});
