import { strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { buildXlsx } from "../../../tests/xlsx_builder.ts";
import { readKml } from "./read_kml.ts";
import { readXlsx } from "./read_xlsx.ts";
import { scanXml, type XmlWorkCounter } from "./xml_scan.ts";

/** Renames every occurrence of one entry name in a zip (same length): local header and central directory alike. */
function renameEntries(zip: Uint8Array, from: string, to: string): Uint8Array {
  expect(from.length).toBe(to.length);
  const bytes = zip.slice();
  const needle = strToU8(from);
  const replacement = strToU8(to);
  for (let i = 0; i + needle.length <= bytes.length; i++) {
    if (needle.every((byte, k) => bytes[i + k] === byte)) bytes.set(replacement, i);
  }
  return bytes;
}

/** A zip with `copies` entries of the same name (and content). */
function zipWithRepeatedEntry(entries: Record<string, Uint8Array>, name: string, copies: number): Uint8Array {
  const all: Record<string, Uint8Array> = { ...entries };
  // Placeholder names of the same length, renamed to `name` once zipped.
  const placeholder = (k: number) => `${name.slice(0, name.length - 4)}${String(k).padStart(4, "0")}`;
  for (let k = 1; k < copies; k++) all[placeholder(k)] = entries[name];
  let zip: Uint8Array = zipSync(all, { level: 9 });
  for (let k = 1; k < copies; k++) zip = renameEntries(zip, placeholder(k), name);
  return zip;
}

describe("crafted archives", () => {
  it("refuses a workbook that repeats one part's name, whose copies would each be inflated past the limit", () => {
    const workbook = buildXlsx({
      sheets: [
        {
          name: "S",
          rows: [
            ["id", "lon", "lat"],
            ["A", "104", "22"],
          ],
        },
      ],
    });
    const parts: Record<string, Uint8Array> = { ...unzipSync(workbook) };
    const sheet = "xl/worksheets/sheet1.xml";
    expect(parts[sheet]).toBeDefined();
    const big = strToU8(new TextDecoder().decode(parts[sheet]).replace("</worksheet>", `<!--${" ".repeat(200_000)}--></worksheet>`));
    parts[sheet] = big;
    const crafted = zipWithRepeatedEntry(parts, sheet, 20);
    // Small on disk (the padding compresses), 20 × 200 kB once inflated; the limit would allow one copy.
    expect(crafted.length).toBeLessThan(40_000);
    const result = readXlsx(crafted, { maxUncompressedBytes: 1_000_000 });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe("xlsx_invalid");
      expect(result.error.message.en).toContain(`"${sheet}" appears more than once`);
    }
    // The same workbook without the copies is read.
    expect(readXlsx(zipSync(parts), { maxUncompressedBytes: 1_000_000 }).ok).toBe(true);
  });

  it("refuses a KMZ that repeats its KML's name", () => {
    const kml = strToU8(`<kml><Document><Placemark><Point><coordinates>104,22</coordinates></Point></Placemark>${" ".repeat(100_000)}</Document></kml>`);
    const crafted = zipWithRepeatedEntry({ "doc.kml": kml }, "doc.kml", 20);
    const result = readKml(crafted);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message.en).toContain('"doc.kml" appears more than once');
    expect(readKml(zipSync({ "doc.kml": kml })).ok).toBe(true);
  });
});

describe("parser work is linear in the input", () => {
  const work = (run: (counter: XmlWorkCounter) => void): number => {
    const counter = { steps: 0 };
    run(counter);
    return counter.steps;
  };

  it("KML: stray end tags under a deep stack cost a constant each", () => {
    const build = (n: number) => `<kml><Document>${"<Folder>".repeat(n)}${"</Placemark>".repeat(4 * n)}${"</Folder>".repeat(n)}</Document></kml>`;
    for (const n of [1_000, 8_000]) {
      const text = build(n);
      const steps = work((counter) => expect(readKml(text, counter).ok).toBe(true));
      // Every tag is one step of the scan at least; quadratic matching would take about n × 4n steps (32 million for
      // n = 1000, 2 billion for n = 8000); linear stays within twice the length.
      expect(steps).toBeGreaterThanOrEqual(6 * n);
      expect(steps).toBeLessThan(2 * text.length);
    }
  });

  it("XML: a start tag with a very long attribute run without '=' is read in one pass", () => {
    for (const n of [10_000, 80_000]) {
      const xml = `<a x${"b".repeat(n)} c="1" ${"d ".repeat(n)}e='2'/>`;
      let attributes: Map<string, string> | undefined;
      const steps = work((counter) => scanXml(xml, { open: (_name, found) => (attributes = found) }, counter));
      expect(attributes?.get("c")).toBe("1");
      expect(attributes?.get("e")).toBe("2");
      // The attribute text is examined once (a backtracking regular expression examined it about n² / 2 times).
      expect(steps).toBeGreaterThanOrEqual(xml.length - 10);
      expect(steps).toBeLessThan(3 * xml.length);
    }
  });

  it("KML: many outer rings in one polygon are kept in the order they always were, in linear work", () => {
    const ring = (k: number) =>
      `<outerBoundaryIs><LinearRing><coordinates>${104 + k / 1000},22 104.1,22 104.1,22.1 ${104 + k / 1000},22</coordinates></LinearRing></outerBoundaryIs>`;
    const n = 2_000;
    const text = `<kml><Placemark><Polygon>${Array.from({ length: n }, (_, k) => ring(k)).join("")}<innerBoundaryIs><LinearRing><coordinates>104.05,22.05 104.06,22.05 104.06,22.06 104.05,22.05</coordinates></LinearRing></innerBoundaryIs></Polygon></Placemark></kml>`;
    const steps = work((counter) => {
      const result = readKml(text, counter);
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      const geometry = result.value.features[0].geometry as { type: string; coordinates: number[][][] };
      expect(geometry.type).toBe("Polygon");
      expect(geometry.coordinates).toHaveLength(n + 1);
      // Last outer ring first, then the inner ring.
      expect(geometry.coordinates[0][0][0]).toBeCloseTo(104 + (n - 1) / 1000);
      expect(geometry.coordinates[n][0][0]).toBeCloseTo(104.05);
    });
    expect(steps).toBeGreaterThanOrEqual(5 * n);
    expect(steps).toBeLessThan(2 * text.length);
  });
});
