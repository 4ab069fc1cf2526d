import { describe, expect, it } from "vitest";
import { encodeCoveragePlanes } from "../domain/formats/coverage_tiles.ts";
import { coverageTileRgba } from "../domain/formats/coverage_tile_rgba.ts";
import { betterLayers, prebuiltCoverageUrl, prebuiltLayersDrawn, prebuiltOpenError, prebuiltTileRgba, readPrebuiltMetadata } from "./prebuilt_coverage.ts";

const BASE = "https://lomsong.example/app/?lang=en";

const METADATA = {
  format: "lomsong-coverage-planes",
  formatVersion: 1,
  tileSize: 4,
  name: "Lõm sóng",
  description: "",
  attribution: "Viettel",
  generated: "2026-12-02T01:00:00.000Z",
  asOf: null,
  layers: [{ carrier: "Viettel", technology: "4G", asOf: "2026-11-15", bounds: [102, 8.5, 110, 23.4] }],
  bounds: [102, 8.5, 110, 23.4],
  minzoom: 0,
  maxzoom: 10,
};

describe("prebuiltCoverageUrl", () => {
  it("opens relative paths and the page's own origin, and refuses other origins and schemes", () => {
    expect(prebuiltCoverageUrl("?lang=en", BASE)).toBeNull();
    expect(prebuiltCoverageUrl("?coverage=coverage.pmtiles", BASE)).toEqual({ url: "https://lomsong.example/app/coverage.pmtiles" });
    expect(prebuiltCoverageUrl("?coverage=/maps/2026.pmtiles", BASE)).toEqual({ url: "https://lomsong.example/maps/2026.pmtiles" });
    expect(prebuiltCoverageUrl("?coverage=https://lomsong.example/x.pmtiles", BASE)).toEqual({ url: "https://lomsong.example/x.pmtiles" });
    for (const value of [
      "https://evil.example/x.pmtiles",
      "//evil.example/x.pmtiles",
      "http://lomsong.example/x.pmtiles",
      "data:application/octet-stream,abc",
      "javascript:alert(1)",
    ]) {
      const result = prebuiltCoverageUrl(`?coverage=${encodeURIComponent(value)}`, BASE);
      expect(result && "error" in result, value).toBe(true);
    }
  });
});

describe("readPrebuiltMetadata", () => {
  it("accepts a Lõm sóng coverage map and names what is wrong otherwise", () => {
    expect(readPrebuiltMetadata(METADATA, "a.pmtiles")).toMatchObject({ ok: true, metadata: { layers: [{ carrier: "Viettel" }] } });
    expect(readPrebuiltMetadata({ name: "OSM", vector_layers: [] }, "osm.pmtiles")).toMatchObject({
      ok: false,
      error: { en: expect.stringContaining("not a Lõm sóng coverage map") },
    });
    expect(readPrebuiltMetadata(null, "x.pmtiles")).toMatchObject({ ok: false });
    expect(readPrebuiltMetadata({ ...METADATA, formatVersion: 2 }, "a.pmtiles")).toMatchObject({
      ok: false,
      error: { en: expect.stringContaining("version 2") },
    });
    expect(readPrebuiltMetadata({ ...METADATA, layers: [] }, "a.pmtiles")).toMatchObject({ ok: false, error: { en: expect.stringContaining("damaged") } });
  });
});

describe("prebuiltOpenError", () => {
  it("says what failed without a stack", () => {
    expect(prebuiltOpenError("a.pmtiles", new Error("Bad response code: 404")).vi).toContain("HTTP 404");
    expect(prebuiltOpenError("a.pmtiles", new Error("Wrong magic number for PMTiles archive")).en).toContain("not a readable PMTiles file");
    expect(
      prebuiltOpenError(
        "a.pmtiles",
        new Error("Server returned no content-length header or content-length exceeding request. Check that your storage backend supports HTTP Byte Serving."),
      ).en,
    ).toContain("HTTP Range");
  });
});

describe("prebuiltTileRgba", () => {
  it("colours the layer's plane exactly as the worker colours its covered fractions", () => {
    const plane = Uint8Array.from({ length: 16 }, (_, i) => (i * 17) & 255);
    const other = new Uint8Array(16).fill(255);
    const payload = encodeCoveragePlanes({ size: 4, layers: [0, 3], planes: [plane, other] });
    const result = prebuiltTileRgba(payload, 0, [], 4, "#00897b");
    const fraction = Float32Array.from(plane, (value) => value / 255);
    expect(result).toEqual({ rgba: coverageTileRgba(fraction, "#00897b") });
    if ("rgba" in result && result.rgba) for (let i = 0; i < 16; i++) expect(result.rgba[i * 4 + 3]).toBe(plane[i]);
    expect(prebuiltTileRgba(payload, 1, [], 4, "#00897b")).toEqual({ rgba: null });
    expect(prebuiltTileRgba(payload, 0, [], 8, "#00897b")).toMatchObject({ error: expect.stringContaining("size") });
  });

  it("draws a layer only where no better technology of its carrier covers (the worker's bands)", () => {
    const layers = [
      { carrier: "Viettel", technology: "2G" },
      { carrier: "Viettel", technology: "4G" },
      { carrier: "VNPT", technology: "5G" },
    ];
    expect(betterLayers(layers)).toEqual([[1], [], []]);
    const own = Uint8Array.from([255, 255, 255, 0, 200, 10, 255, 255, 0, 0, 0, 0, 0, 0, 0, 0]);
    const better = Uint8Array.from([255, 0, 100, 255, 100, 10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    const payload = encodeCoveragePlanes({ size: 4, layers: [0, 1], planes: [own, better] });
    const result = prebuiltTileRgba(payload, 0, [1], 4, "#102030");
    expect("rgba" in result && result.rgba !== null).toBe(true);
    if (!("rgba" in result) || !result.rgba) return;
    const alpha = Array.from({ length: 8 }, (_, i) => result.rgba![i * 4 + 3]);
    expect(alpha).toEqual([0, 255, 155, 0, 100, 0, 255, 255]);
    // Wholly under the better layer: nothing to draw.
    const hidden = encodeCoveragePlanes({ size: 4, layers: [0, 1], planes: [own, new Uint8Array(16).fill(255)] });
    expect(prebuiltTileRgba(hidden, 0, [1], 4, "#102030")).toEqual({ rgba: null });
  });
});

describe("prebuiltLayersDrawn", () => {
  const layers = [
    { carrier: "Viettel", technology: "3G" },
    { carrier: "Viettel", technology: "4G" },
    { carrier: "VNPT", technology: "4G" },
  ];
  it("draws the layers the legend shows and the filter counts, as for the loaded coverage", () => {
    expect(prebuiltLayersDrawn(layers, [true, true, true], {})).toEqual([true, true, true]);
    expect(prebuiltLayersDrawn(layers, [true, true, true], { minTechnology: "4G" })).toEqual([false, true, true]);
    expect(prebuiltLayersDrawn(layers, [true, true, true], { carriers: ["VNPT"] })).toEqual([false, false, true]);
    expect(prebuiltLayersDrawn(layers, [true, false, true], { carriers: ["Viettel"], minTechnology: "3G" })).toEqual([true, false, false]);
  });
});
