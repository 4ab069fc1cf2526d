/**
 * Reading the dead-zone tracking files (a registry of listed points, a carrier's update file): one
 * dispatch on the file's name and first bytes to the domain parsers. The analysis worker runs it for the
 * tracking view (`tracking` request), so a national list never blocks the main thread; the view runs it in
 * place only where no worker exists (Node tests). In the domain, so that both take it from here and the app
 * takes nothing from the worker's own modules.
 */
import { isKmlInput } from "../parse/read_kml.ts";
import { isSpreadsheetFile } from "../parse/read_xlsx.ts";
import { parseRegistryXlsx, parseUpdatesXlsx } from "../parse/xlsx_import.ts";
import { textDecoderClass } from "../parse/text_decoder.ts";
import type { StatusEvent } from "./events.ts";
import { parseRegistryCsv, parseRegistryGeojson, type RegistryImportResult } from "./parse_registry.ts";
import type { ListedPoint } from "./registry.ts";
import type { CommuneCrosswalk } from "./commune_crosswalk.ts";
import { parseUpdatesCsv, parseUpdatesJson, type UpdatesImportResult } from "./updates.ts";
import type { Point, PointKind } from "../types.ts";

/** What a registry row may link to (by `point_id`, or by name in its commune): the loaded points, reduced to what the link uses. */
export interface PointLink {
  id: string;
  name: string;
  kind: PointKind;
  lon: number;
  lat: number;
  provinceCode?: string;
  provinceName?: string;
  communeCode?: string;
  communeName?: string;
}

export type TrackingParseInput =
  | {
      what: "registry";
      name: string;
      bytes: Uint8Array;
      points: readonly PointLink[];
      /** The 2025 commune list (names checked, pre-2025 communes mapped), when loaded. */
      communes?: CommuneCrosswalk;
      /** Points the department chose earlier for rows not located by name. */
      choices?: Readonly<Record<string, string>>;
    }
  | { what: "updates"; name: string; bytes: Uint8Array; registry: readonly ListedPoint[]; events: readonly StatusEvent[]; today: string; listPublishedOn?: string };

export type TrackingParseOutput = { what: "registry"; result: RegistryImportResult } | { what: "updates"; result: UpdatesImportResult };

/**
 * Reduces loaded points to the fields a registry link reads (what is sent to the worker).
 * @param points - the app's loaded points
 * @returns id, name, kind, position and named province / commune of each
 */
export function pointLinks(points: readonly Point[]): PointLink[] {
  return points.map((point) => {
    const link: PointLink = { id: point.id, name: point.name, kind: point.kind, lon: point.lon, lat: point.lat };
    if (point.provinceCode !== undefined) link.provinceCode = point.provinceCode;
    if (point.provinceName !== undefined) link.provinceName = point.provinceName;
    if (point.communeCode !== undefined) link.communeCode = point.communeCode;
    if (point.communeName !== undefined) link.communeName = point.communeName;
    return link;
  });
}

function asPoints(links: readonly PointLink[]): Point[] {
  return links.map((link) => ({ ...link, source: { file: "", row: 0 }, extra: {} }));
}

function startsLikeJson(bytes: Uint8Array): boolean {
  return new (textDecoderClass())("utf-8").decode(bytes.subarray(0, 200)).replace(/^\uFEFF/, "").trimStart().startsWith("{");
}

/**
 * Parses one tracking file with the domain.
 * @param input - the file and what it is checked against
 * @returns the domain's result
 */
export function parseTrackingFile(input: TrackingParseInput): TrackingParseOutput {
  const { name, bytes } = input;
  if (input.what === "registry") {
    const options = { file: name, points: asPoints(input.points), communes: input.communes, choices: input.choices };
    const isGeojson = /\.(geo)?json$/i.test(name) || startsLikeJson(bytes) || isKmlInput(name, bytes);
    const result = isSpreadsheetFile(name, bytes) ? parseRegistryXlsx(bytes, options) : isGeojson ? parseRegistryGeojson(bytes, options) : parseRegistryCsv(bytes, options);
    return { what: "registry", result };
  }
  const options = { file: name, registry: input.registry, events: input.events, today: input.today, listPublishedOn: input.listPublishedOn };
  const isJson = /\.json$/i.test(name) || startsLikeJson(bytes.subarray(0, 64));
  const result = isSpreadsheetFile(name, bytes) ? parseUpdatesXlsx(bytes, options) : isJson ? parseUpdatesJson(bytes, options) : parseUpdatesCsv(bytes, options);
  return { what: "updates", result };
}
