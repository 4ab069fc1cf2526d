/**
 * The `tiles` command, in process: the archive it writes is read back with the `pmtiles` reader; every tile it holds is
 * the app's own rasterisation of the coverage in force (the same planes the worker would draw), every tile it leaves
 * out is empty, and fully covered pixels are covered for the engine, empty ones are not.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PMTiles, type Source } from "pmtiles";
import { analyzeCoverage, groupCoverageLayers, parseCoverageGeojson, selectCoverageReleases, type Point } from "../src/domain/index.ts";
import { decodeCoveragePlanes, quantiseCoverage, type CoverageTilesMetadata } from "../src/domain/formats/coverage_tiles.ts";
import { buildCoverageRaster, rasteriseTile } from "../src/workers/coverage_raster.ts";
import { tileRange } from "../scripts/cli/coverage_tiles_build.ts";
import { generateWorkload } from "../scripts/bench/generate_workload.ts";
import { runCliInProcess } from "./support/cli_run.ts";

function fileSource(path: string): Source {
  const bytes = readFileSync(path);
  return {
    getKey: () => path,
    getBytes: async (offset, length) => ({ data: bytes.buffer.slice(bytes.byteOffset + offset, bytes.byteOffset + offset + length) as ArrayBuffer }),
  };
}

const inverseY = (y: number) => (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;

describe("tiles", () => {
  let directory: string;
  let coveragePath: string;
  let coverageBytes: Uint8Array;
  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), "lom-song-tiles-"));
    const workload = generateWorkload({ points: 10, towersPerCarrier: 60, carriers: ["Viettel", "VNPT"], districts: 20, discVertices: 24, seed: 7 });
    // A second, older Viettel release that is not in force: it must not be drawn.
    const older = workload.coverage.features
      .filter((feature) => feature.properties?.carrier === "Viettel")
      .map((feature) => ({
        ...feature,
        properties: { ...feature.properties, as_of: "2020-01-01" },
        geometry: {
          type: "Polygon" as const,
          coordinates: [
            [
              [100, 10],
              [100.5, 10],
              [100.5, 10.5],
              [100, 10.5],
              [100, 10],
            ],
          ],
        },
      }));
    const collection = { ...workload.coverage, features: [...workload.coverage.features, older[0]] };
    coverageBytes = new TextEncoder().encode(JSON.stringify(collection));
    coveragePath = join(directory, "phu-song.geojson");
    writeFileSync(coveragePath, coverageBytes);
  });
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it("writes an archive whose tiles are the app's rasterisation of the releases in force, and only non-empty tiles", async () => {
    const out = join(directory, "coverage.pmtiles");
    const reportPath = join(directory, "report.json");
    const run = await runCliInProcess(["tiles", "--coverage", coveragePath, "--out", out, "--max-zoom", "7", "--lang", "en", "--report", reportPath]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Wrote \d+ tiles .*2 layers, zoom 0–7/);
    // The older release set aside is a warning in the report.
    const report = JSON.parse(readFileSync(reportPath, "utf8")) as { file: string; read: number; issues: { code: string }[] }[];
    expect(report.map((entry) => [entry.file, entry.read])).toEqual([["phu-song.geojson", 121]]);
    expect(report[0].issues.filter((issue) => issue.code === "release_superseded")).toHaveLength(1);
    const reader = new PMTiles(fileSource(out));
    const header = await reader.getHeader();
    expect([header.minZoom, header.maxZoom]).toEqual([0, 7]);
    const metadata = (await reader.getMetadata()) as CoverageTilesMetadata;
    expect(metadata.format).toBe("lomsong-coverage-planes");
    const features = selectCoverageReleases(parseCoverageGeojson(coverageBytes, { file: "phu-song.geojson" }).items).inForce;
    const { layers } = groupCoverageLayers(features);
    expect(metadata.layers.map((layer) => [layer.carrier, layer.technology, layer.asOf])).toEqual(
      layers.map((layer) => [layer.carrier, layer.technology, layer.asOf]),
    );
    // The older release's square (100–100.5 °E) is not drawn: the west edge is the discs'.
    expect(metadata.bounds[0]).toBeGreaterThan(100.5);

    const raster = buildCoverageRaster(features, layers);
    let present = 0;
    let absent = 0;
    const probes: Point[] = [];
    const expectedCovered: boolean[] = [];
    for (let z = 0; z <= 7; z++) {
      const range = tileRange(metadata.bounds, z);
      for (let x = range.x0; x <= range.x1; x++) {
        for (let y = range.y0; y <= range.y1; y++) {
          const expectedPlanes = raster.layers.map((layer) => {
            const fraction = rasteriseTile(layer, z, x, y);
            return fraction && quantiseCoverage(fraction);
          });
          const found = await reader.getZxy(z, x, y);
          if (expectedPlanes.every((plane) => plane === null)) {
            expect(found, `${z}/${x}/${y} is empty and left out`).toBeUndefined();
            absent++;
            continue;
          }
          present++;
          const decoded = decodeCoveragePlanes(new Uint8Array(found!.data), 256);
          expect(decoded.ok).toBe(true);
          if (!decoded.ok) continue;
          expect(decoded.value.layers).toEqual(expectedPlanes.flatMap((plane, index) => (plane ? [index] : [])));
          decoded.value.layers.forEach((layer, k) => expect(decoded.value.planes[k]).toEqual(expectedPlanes[layer]));
          // At z7, a few pixels per tile against the engine at the pixel's centre: 255 covered, 0 not (layer 0).
          if (z === 7 && decoded.value.layers[0] === 0) {
            const plane = decoded.value.planes[0];
            for (let i = 0; i < plane.length; i += 997) {
              if (plane[i] !== 0 && plane[i] !== 255) continue;
              const px = (x * 256 + (i % 256) + 0.5) / (256 * 2 ** z);
              const py = (y * 256 + Math.floor(i / 256) + 0.5) / (256 * 2 ** z);
              probes.push({
                id: `p${probes.length}`,
                name: "",
                kind: "other",
                lon: px * 360 - 180,
                lat: inverseY(py),
                source: { file: "probe", row: 1 },
                extra: {},
              });
              expectedCovered.push(plane[i] === 255);
            }
          }
        }
      }
    }
    expect(present).toBe(header.numAddressedTiles);
    expect(absent).toBeGreaterThan(0);
    const analysis = analyzeCoverage(
      probes,
      features.filter((feature) => feature.carrier === layers[0].carrier && feature.technology === layers[0].technology),
      [],
    );
    expect(probes.length).toBeGreaterThan(20);
    expect(expectedCovered.some(Boolean) && expectedCovered.some((covered) => !covered)).toBe(true);
    probes.forEach((_, i) => expect(analysis.masks[i * analysis.words] !== 0, `probe ${i}`).toBe(expectedCovered[i]));
  });

  it("draws the release in force on --as-of", async () => {
    const out = join(directory, "old.pmtiles");
    const run = await runCliInProcess(["tiles", "--coverage", coveragePath, "--out", out, "--max-zoom", "3", "--as-of", "2021-01-01", "--quiet"]);
    expect(run.code).toBe(0);
    const metadata = (await new PMTiles(fileSource(out)).getMetadata()) as CoverageTilesMetadata;
    // Only the 2020 Viettel square is in force then (the discs are of 2024).
    expect(metadata.layers.map((layer) => [layer.carrier, layer.asOf])).toEqual([["Viettel", "2020-01-01"]]);
    expect(metadata.bounds[0]).toBeCloseTo(100, 6);
    expect(metadata.asOf).toBe("2021-01-01");
  });

  it("refuses bad options and files with one line, in Vietnamese or English, and writes nothing", async () => {
    const out = join(directory, "bad.pmtiles");
    const cases: [string[], RegExp][] = [
      [["tiles", "--out", out], /cần --coverage/],
      [["tiles", "--coverage", coveragePath], /cần --out/],
      [["tiles", "--coverage", coveragePath, "--out", join(directory, "x.mbtiles")], /\.pmtiles/],
      [["tiles", "--coverage", coveragePath, "--out", out, "--max-zoom", "15"], /--max-zoom phải là số nguyên từ 0 đến 14/],
      [["tiles", "--coverage", coveragePath, "--out", out, "--min-zoom", "6", "--max-zoom", "5"], /lớn hơn/],
      [["tiles", "--coverage", coveragePath, "--out", out, "--as-of", "1/2/2024"], /--as-of/],
      [["tiles", "--coverage", coveragePath, "--out", out, "--as-of", "2000-01-01"], /không có vùng phủ nào có hiệu lực vào 2000-01-01/],
      [["tiles", "--coverage", join(directory, "missing.geojson"), "--out", out], /missing\.geojson/],
      [["tiles", "--coverage", coveragePath, "--out", coveragePath.replace(".geojson", ".pmtiles"), "--bogus"], /bogus/],
    ];
    for (const [args, message] of cases) {
      const run = await runCliInProcess(args);
      expect(run.code, args.join(" ")).toBe(2);
      expect(run.stderr).toMatch(/^lỗi: /);
      expect(run.stderr).toMatch(message);
      expect(run.stderr.trim().split("\n")).toHaveLength(1);
    }
    const english = await runCliInProcess(["tiles", "--coverage", coveragePath, "--out", out, "--max-zoom", "x", "--lang", "en"]);
    expect(english.stderr).toMatch(/^error: --max-zoom must be a whole number/);
    expect(existsSync(out)).toBe(false);
    const help = await runCliInProcess(["tiles", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--max-zoom/);
  });
});
