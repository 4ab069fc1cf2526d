/**
 * Reading the dead-zone tracking files (a registry of listed points, a carrier's update file): one
 * dispatch on the file's name and first bytes to the domain parsers. A carrier's evidence packet (.zip: the
 * update file and its photos) is read here too: the update file as usual, then every photo checked against
 * the hash its event names. The analysis worker runs it for the
 * tracking view, so a national list never blocks the main thread; the view runs it in place only where
 * no worker exists (Node tests).
 */
import { isKmlInput } from "../parse/read_kml.ts";
import { isSpreadsheetFile } from "../parse/read_xlsx.ts";
import { parseRegistryXlsx, parseUpdatesXlsx } from "../parse/xlsx_import.ts";
import type { StatusEvent } from "./events.ts";
import { parseRegistryCsv, parseRegistryGeojson, type RegistryImportResult } from "./parse_registry.ts";
import type { ListedPoint } from "./registry.ts";
import type { CommuneCrosswalk } from "./commune_crosswalk.ts";
import { parseUpdatesCsv, parseUpdatesJson, type UpdatesImportOptions, type UpdatesImportResult } from "./updates.ts";
import { checkPacketPhotos, isEvidencePacket, readEvidencePacket, type PacketPhoto } from "./evidence_packet.ts";
import { emptyReport } from "../issues.ts";
import { addIssues, makeIssue } from "../parse/import_issue.ts";
import type { Point, PointKind } from "../types.ts";
import { textDecoderClass } from "../parse/text_decoder.ts";
import { domainMessage } from "../messages/message.ts";

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
  | {
      what: "updates";
      name: string;
      bytes: Uint8Array;
      registry: readonly ListedPoint[];
      events: readonly StatusEvent[];
      today: string;
      listPublishedOn?: string;
    };

export type TrackingParseOutput =
  | { what: "registry"; result: RegistryImportResult }
  /** `photos`: from an evidence packet, the photos whose bytes match their hash and that an event names (to store). */
  | { what: "updates"; result: UpdatesImportResult; photos?: PacketPhoto[] };

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
  return new (textDecoderClass())("utf-8")
    .decode(bytes.subarray(0, 200))
    .replace(/^\uFEFF/, "")
    .trimStart()
    .startsWith("{");
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
    const result = isSpreadsheetFile(name, bytes)
      ? parseRegistryXlsx(bytes, options)
      : isGeojson
        ? parseRegistryGeojson(bytes, options)
        : parseRegistryCsv(bytes, options);
    return { what: "registry", result };
  }
  const options = { file: name, registry: input.registry, events: input.events, today: input.today, listPublishedOn: input.listPublishedOn };
  if (isEvidencePacket(name, bytes)) return { what: "updates", ...parseEvidencePacketFile(name, bytes, options) };
  const result = parseUpdateFile(name, bytes, options);
  // An update file naming attached photos, sent without its packet: the changes are taken, the photos are not here.
  const named = result.events.reduce((sum, event) => sum + (event.evidence?.photos?.length ?? 0), 0);
  if (named > 0) {
    addIssues(result.report, [makeIssue(name, "warning", "photos_not_attached", domainMessage("tracking_file.photos_not_attached", { named }))]);
  }
  return { what: "updates", result };
}

function parseUpdateFile(name: string, bytes: Uint8Array, options: UpdatesImportOptions): UpdatesImportResult {
  const isJson = /\.json$/i.test(name) || startsLikeJson(bytes.subarray(0, 64));
  return isSpreadsheetFile(name, bytes) ? parseUpdatesXlsx(bytes, options) : isJson ? parseUpdatesJson(bytes, options) : parseUpdatesCsv(bytes, options);
}

/**
 * An evidence packet: its update file imported with the same checks as alone (the report names the packet),
 * then one warning per missing or damaged photo on its event's row. Photo problems never reject a row:
 * read = accepted + rejected holds as for the update file alone.
 */
/**
 * Reads a carrier's evidence packet (.zip): its update file with the usual checks, then every photo an event
 * names checked against its hash (a missing or damaged one is an issue on that event's row; the change is taken).
 * @param name - the packet's file name
 * @param bytes - the packet
 * @param options - as for the update file inside
 * @returns the import result, and the verified photos an event names (to keep)
 */
export function parseEvidencePacketFile(
  name: string,
  bytes: Uint8Array,
  options: UpdatesImportOptions,
): { result: UpdatesImportResult; photos: PacketPhoto[] } {
  const packet = readEvidencePacket(name, bytes);
  if (!packet.ok) {
    const report = emptyReport(name, "updates");
    addIssues(report, [makeIssue(name, "error", "packet_invalid", packet.error)]);
    return { result: { events: [], conflicts: [], duplicates: 0, report }, photos: [] };
  }
  const inner = packet.value.updates;
  const result = parseUpdateFile(inner.name, inner.bytes, options);
  result.report.detected = { ...result.report.detected, format: "evidence-packet" };
  addIssues(result.report, packet.value.issues);
  const check = checkPacketPhotos(name, packet.value, [...result.events, ...result.conflicts.map((conflict) => conflict.incoming)], options.events);
  addIssues(result.report, check.issues);
  return { result, photos: check.keep };
}
