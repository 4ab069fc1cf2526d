/**
 * The pure parts of opening a pre-built coverage map (`?coverage=coverage.pmtiles`, written by the CLI's `tiles`):
 * which URLs may be opened, what a valid archive's metadata is, the messages for what can go wrong, and one layer's
 * tile image from a tile's planes. No MapLibre, no fetch: unit-tested in Node. pmtiles_coverage.ts is the shell.
 */
import { z } from "zod";
import { COVERAGE_TILES_FORMAT, COVERAGE_TILES_VERSION, decodeCoveragePlanes, type CoverageTilesMetadata } from "../domain/formats/coverage_tiles.ts";
import type { Message } from "../domain/types.ts";
import { countedLayers, type PointFilter } from "../domain/gaps/analyze_coverage.ts";
import { parseTechnology } from "../domain/parse/technology.ts";
import { coverageTileRgba } from "../domain/formats/coverage_tile_rgba.ts";

/**
 * The archive's URL from `?coverage=`: a relative path, or an absolute URL of the page's own origin. Another origin is
 * refused here (and the Content-Security-Policy's connect-src would block it anyway): the page opens only the files
 * published with it.
 * @param search - location.search
 * @param base - location.href
 * @returns the absolute URL, null when there is no parameter, or the message when it is refused
 */
export function prebuiltCoverageUrl(search: string, base: string): { url: string } | { error: Message } | null {
  const value = new URLSearchParams(search).get("coverage")?.trim();
  if (!value) return null;
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return { error: { vi: `Địa chỉ bản đồ dựng sẵn không hợp lệ: "${value}".`, en: `The pre-built map's address is not valid: "${value}".` } };
  }
  if (url.origin !== new URL(base).origin || (url.protocol !== "http:" && url.protocol !== "https:")) {
    return {
      error: {
        vi: `Chỉ mở được bản đồ dựng sẵn đặt cùng nơi với trang này (một đường dẫn như coverage.pmtiles), không phải "${value}".`,
        en: `Only a pre-built map published with this page can be opened (a path such as coverage.pmtiles), not "${value}".`,
      },
    };
  }
  return { url: url.href };
}

const bounds = z.tuple([z.number(), z.number(), z.number(), z.number()]);

const metadataSchema = z.object({
  format: z.literal(COVERAGE_TILES_FORMAT),
  formatVersion: z.literal(COVERAGE_TILES_VERSION),
  tileSize: z.number().int().positive().max(4096),
  name: z.string(),
  description: z.string(),
  attribution: z.string(),
  generated: z.string(),
  asOf: z.string().nullable(),
  layers: z
    .array(z.object({ carrier: z.string(), technology: z.enum(["2G", "3G", "4G", "5G"]), asOf: z.string().nullable(), bounds }))
    .min(1)
    .max(65_535),
  bounds,
  minzoom: z.number().int().min(0).max(30),
  maxzoom: z.number().int().min(0).max(30),
});

/**
 * Checks an archive's JSON metadata: a Lõm sóng coverage map of a version this app reads.
 * @param value - the parsed metadata
 * @param file - the file's name, for the message
 * @returns the metadata, or the message
 */
export function readPrebuiltMetadata(value: unknown, file: string): { ok: true; metadata: CoverageTilesMetadata } | { ok: false; error: Message } {
  const format = (value as { format?: unknown } | null)?.format;
  if (format !== COVERAGE_TILES_FORMAT) {
    return {
      ok: false,
      error: {
        vi: `${file}: tệp PMTiles này không phải bản đồ vùng phủ của Lõm sóng (định dạng ${typeof format === "string" ? `"${format}"` : "không rõ"}); hãy dựng bằng lệnh tiles.`,
        en: `${file}: this PMTiles file is not a Lõm sóng coverage map (format ${typeof format === "string" ? `"${format}"` : "unknown"}); build it with the tiles command.`,
      },
    };
  }
  const parsed = metadataSchema.safeParse(value);
  if (!parsed.success) {
    const version = (value as { formatVersion?: unknown }).formatVersion;
    return {
      ok: false,
      error:
        version !== COVERAGE_TILES_VERSION
          ? {
              vi: `${file}: bản đồ dựng sẵn phiên bản ${String(version)}, ứng dụng này đọc phiên bản ${COVERAGE_TILES_VERSION}.`,
              en: `${file}: pre-built map version ${String(version)}; this app reads version ${COVERAGE_TILES_VERSION}.`,
            }
          : { vi: `${file}: phần mô tả (metadata) của bản đồ dựng sẵn bị hỏng.`, en: `${file}: the pre-built map's metadata is damaged.` },
    };
  }
  return { ok: true, metadata: parsed.data as CoverageTilesMetadata };
}

/**
 * The message for a failure to open or read the archive (network, HTTP status, not a PMTiles file).
 * @param file - the file's name
 * @param error - what the reader threw
 * @returns the message, without a stack
 */
export function prebuiltOpenError(file: string, error: unknown): Message {
  const detail = error instanceof Error ? error.message : String(error);
  const status = /Bad response code: (\d+)/.exec(detail)?.[1];
  if (status)
    return {
      vi: `Không tải được bản đồ dựng sẵn ${file} (máy chủ trả lời HTTP ${status}).`,
      en: `The pre-built map ${file} could not be loaded (the server answered HTTP ${status}).`,
    };
  if (/magic number|spec version|Offset is outside|out of bounds|invalid|incorrect header|unexpected EOF|varint/i.test(detail)) {
    return {
      vi: `${file} không phải tệp PMTiles đọc được (tệp hỏng hoặc sai định dạng).`,
      en: `${file} is not a readable PMTiles file (damaged or another format).`,
    };
  }
  if (/byte serving|content-length/i.test(detail)) {
    return {
      vi: `Máy chủ không hỗ trợ đọc từng phần tệp (HTTP Range), nên không mở được ${file}.`,
      en: `The server does not support partial reads (HTTP Range), so ${file} cannot be opened.`,
    };
  }
  return { vi: `Không mở được bản đồ dựng sẵn ${file}: ${detail}`, en: `The pre-built map ${file} could not be opened: ${detail}` };
}

/**
 * Per layer, the layers of the same carrier with a better technology (as buildCoverageRaster's `better`): the map
 * draws a layer only where none of those covers.
 * @param layers - the metadata's layers
 * @returns the better layers' indices, per layer
 */
export function betterLayers(layers: readonly { carrier: string; technology: string }[]): number[][] {
  const rank = (technology: string) => ["2G", "3G", "4G", "5G"].indexOf(technology);
  return layers.map((layer) =>
    layers.flatMap((other, index) => (other.carrier === layer.carrier && rank(other.technology) > rank(layer.technology) ? [index] : [])),
  );
}

/**
 * One layer's tile image from a tile's payload: the band the analysis worker draws (rasteriseBandTile: the layer's
 * covered fraction minus the largest of its carrier's better layers', dropped at or below 0.001), coloured by the
 * worker's own colour function.
 * @param payload - the tile's bytes (after the archive's gzip)
 * @param layer - the layer index
 * @param better - the layers of the same carrier with a better technology (betterLayers)
 * @param size - the tile size the metadata declares
 * @param color - "#rrggbb"
 * @returns RGBA bytes, null when nothing of the layer is drawn in the tile, or the decoding error
 */
export function prebuiltTileRgba(
  payload: Uint8Array,
  layer: number,
  better: readonly number[],
  size: number,
  color: string,
): { rgba: Uint8ClampedArray<ArrayBuffer> | null } | { error: string } {
  const decoded = decodeCoveragePlanes(payload, size);
  if (!decoded.ok) return { error: decoded.error };
  const { layers, planes } = decoded.value;
  const at = layers.indexOf(layer);
  if (at < 0) return { rgba: null };
  const own = planes[at];
  const betterPlanes = better
    .map((other) => layers.indexOf(other))
    .filter((index) => index >= 0)
    .map((index) => planes[index]);
  const fraction = new Float32Array(own.length);
  let any = false;
  for (let i = 0; i < own.length; i++) {
    if (own[i] === 0) continue;
    let covered = 0;
    for (const plane of betterPlanes) if (plane[i] > covered) covered = plane[i];
    const value = (own[i] - covered) / 255;
    if (value > 1e-3) {
      fraction[i] = value;
      any = true;
    }
  }
  return { rgba: any ? coverageTileRgba(fraction, color) : null };
}

/**
 * Which pre-built layers are drawn: those the legend shows and the filter counts (its carriers, its minimum
 * technology), as for the loaded coverage. A layer whose technology this app does not know is drawn when shown.
 * @param layers - the archive's layers (metadata)
 * @param shown - the legend's switch of each layer
 * @param filter - the carriers and minimum technology chosen
 * @returns one flag per layer
 */
export function prebuiltLayersDrawn(
  layers: readonly { carrier: string; technology: string }[],
  shown: readonly boolean[],
  filter: Pick<PointFilter, "carriers" | "minTechnology">,
): boolean[] {
  const known = layers.map((layer) => ({ carrier: layer.carrier, technology: parseTechnology(layer.technology) }));
  const { counted } = countedLayers({ layers: known.map((layer) => ({ carrier: layer.carrier, technology: layer.technology ?? "2G", asOf: null })) }, filter);
  return layers.map((_, index) => shown[index] === true && (known[index].technology === undefined || counted[index]));
}
