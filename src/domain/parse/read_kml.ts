/**
 * KML and KMZ (Google Earth, My Maps, carriers' planning tools) read as GeoJSON, so that a coverage layer,
 * a point list or admin boundaries drawn in Google Earth import through the same GeoJSON rules and reports.
 *
 * Each Placemark becomes one feature, in document order (feature numbers in reports count Placemarks):
 * - geometry: Point → Point; Polygon (outer and inner boundaries) → Polygon; several polygons in a
 *   MultiGeometry → MultiPolygon; several points → MultiPoint; a line → LineString (which the importers then
 *   reject with their usual reason). Altitudes are dropped.
 * - properties: `name` and `description` of the Placemark, every `ExtendedData` `Data`/`value` and
 *   `SchemaData`/`SimpleData`, and `folder`, the name of the innermost Folder (or Document) holding it — so
 *   a file whose folders are named "Viettel 4G" can name its carrier and technology through `folder`.
 * A KMZ is a zip holding a KML (`doc.kml`, else the first `.kml`); it is read with the same size limits as a
 * workbook. Parsing uses the project's XML scanner: no DOM, no entity expansion.
 */
import type { Feature, FeatureCollection, Geometry, Position } from "geojson";
import { unzipSync } from "fflate";
import { listZipEntries } from "./zip_entries.ts";
import type { Message } from "../types.ts";
import { err, ok, type Result } from "../result.ts";
import { inputToText } from "./decode_text.ts";
import { isZipBytes } from "./read_xlsx.ts";
import { scanXml, XmlSyntaxError, type XmlWorkCounter } from "./xml_scan.ts";
import { domainMessage } from "../messages/message.ts";

/** The largest KML a KMZ may inflate to. */
export const MAX_KML_BYTES = 400 * 1024 * 1024;

/** Why a KML or KMZ could not be read. */
export interface KmlError {
  code: "kml_invalid" | "kmz_no_kml" | "kmz_too_large";
  message: Message;
}

/**
 * True when the input should be read as KML or KMZ: a name ending in .kml or .kmz (unless the content is JSON), or
 * text whose first tag is `<kml` (after an XML declaration or not).
 * @param name - the file name
 * @param input - the file, or its first bytes, as bytes or text
 * @returns whether to read it with readKml
 */
export function isKmlInput(name: string, input: string | Uint8Array): boolean {
  const named = /\.km[lz]$/i.test(name);
  if (typeof input !== "string" && isZipBytes(input)) return named;
  const head = typeof input === "string" ? input.slice(0, 512) : inputToText(input.subarray(0, 512), false).text;
  const start = head.replace(/^\uFEFF/, "").trimStart();
  // GeoJSON saved under a .kml name is still GeoJSON.
  if (start.startsWith("{") || start.startsWith("[")) return false;
  return named || start.startsWith("<kml") || (start.startsWith("<?xml") && /<kml[\s>]/.test(head));
}

function kmlError(code: KmlError["code"], message: Message): Result<never, KmlError> {
  return err({ code, message });
}

function kmlText(input: string | Uint8Array): Result<string, KmlError> {
  if (typeof input === "string") return ok(input);
  if (!isZipBytes(input)) return ok(inputToText(input, false).text);
  const listing = listZipEntries(input);
  if (!listing.ok) {
    if (listing.reason === "invalid") return kmlError("kml_invalid", domainMessage("kml.invalid"));
    return kmlError("kml_invalid", domainMessage("kml.kmz_damaged", { name: listing.name }));
  }
  const declared = listing.sizes;
  const names = [...declared.keys()].filter((name) => name.toLowerCase().endsWith(".kml"));
  const chosen = names.find((name) => name.toLowerCase() === "doc.kml") ?? names.sort((a, b) => a.split("/").length - b.split("/").length)[0];
  if (chosen === undefined) return kmlError("kmz_no_kml", domainMessage("kml.kmz_no_kml"));
  if ((declared.get(chosen) ?? 0) > MAX_KML_BYTES) {
    return kmlError("kmz_too_large", domainMessage("kml.kmz_too_large"));
  }
  const files = unzipSync(input, { filter: (file) => file.name === chosen });
  if (!Object.prototype.hasOwnProperty.call(files, chosen)) return kmlError("kmz_no_kml", domainMessage("kml.kmz_no_kml"));
  return ok(inputToText(files[chosen], false).text);
}

function parseCoordinates(text: string): Position[] {
  const positions: Position[] = [];
  for (const tuple of text.trim().split(/\s+/)) {
    if (tuple === "") continue;
    const [lon, lat] = tuple.split(",");
    positions.push([Number(lon), Number(lat)]);
  }
  return positions;
}

interface PlacemarkDraft {
  properties: Map<string, string>;
  points: Position[];
  polygons: Position[][][];
  lines: Position[][];
}

function toGeometry(draft: PlacemarkDraft): Geometry | null {
  if (draft.polygons.length === 1) return { type: "Polygon", coordinates: draft.polygons[0] };
  if (draft.polygons.length > 1) return { type: "MultiPolygon", coordinates: draft.polygons };
  if (draft.points.length === 1) return { type: "Point", coordinates: draft.points[0] };
  if (draft.points.length > 1) return { type: "MultiPoint", coordinates: draft.points };
  if (draft.lines.length === 1) return { type: "LineString", coordinates: draft.lines[0] };
  if (draft.lines.length > 1) return { type: "MultiLineString", coordinates: draft.lines };
  return null;
}

/**
 * Reads a KML document or a KMZ archive as a GeoJSON FeatureCollection, one feature per Placemark.
 * @param input - the file as text or bytes
 * @param counter - counts the work done (tests: linear in the input's length)
 * @returns the features, or why the file could not be read (in Vietnamese and English)
 * @example
 * ```ts
 * const result = readKml(bytes);
 * if (result.ok) parseCoverageGeojson(result.value, { file: "viettel.kml", carrierProperty: "folder" });
 * ```
 */
export function readKml(input: string | Uint8Array, counter?: XmlWorkCounter): Result<FeatureCollection, KmlError> {
  const text = kmlText(input);
  if (!text.ok) return text;
  const features: Feature[] = [];
  // The open elements; containers (Document, Folder) carry their name once read, and every element the name of
  // the nearest named container around it when it opened (so a Placemark finds its folder without a search).
  const stack: { name: string; label?: string; folder?: string }[] = [];
  // How many elements of each name are open: an end tag with none open is stray and skipped at once, so that end
  // tags cost constant time each, however deep the stack (linear time on any input).
  const openCount = new Map<string, number>();
  let placemark: PlacemarkDraft | null = null;
  // A polygon's outer rings (normally one) and inner rings, joined when it closes.
  let polygon: { outer: Position[][]; inner: Position[][] } | null = null;
  let boundary: "outer" | "inner" | null = null;
  let dataName: string | null = null;
  let simpleDataName: string | null = null;
  let buffer = "";
  let sawKml = false;
  const parentName = () => stack[stack.length - 2]?.name;
  try {
    scanXml(
      text.value,
      {
        open(name, attributes, selfClosing) {
          if (name === "kml") sawKml = true;
          buffer = "";
          if (selfClosing) return;
          const around = stack[stack.length - 1];
          const folder =
            around === undefined
              ? undefined
              : (around.name === "Folder" || around.name === "Document") && around.label !== undefined
                ? around.label
                : around.folder;
          stack.push({ name, folder });
          openCount.set(name, (openCount.get(name) ?? 0) + 1);
          switch (name) {
            case "Placemark":
              placemark = { properties: new Map(), points: [], polygons: [], lines: [] };
              if (folder !== undefined) placemark.properties.set("folder", folder);
              break;
            case "Polygon":
              polygon = { outer: [], inner: [] };
              break;
            case "outerBoundaryIs":
              boundary = "outer";
              break;
            case "innerBoundaryIs":
              boundary = "inner";
              break;
            case "Data":
              dataName = attributes.get("name") ?? null;
              break;
            case "SimpleData":
              simpleDataName = attributes.get("name") ?? null;
              break;
          }
        },
        text(chunk) {
          buffer += chunk;
        },
        close(name) {
          const value = buffer.normalize("NFC").trim();
          const parent = parentName();
          buffer = "";
          if (name === "name" && (parent === "Folder" || parent === "Document")) stack[stack.length - 2].label = value;
          if (placemark) {
            if ((name === "name" || name === "description") && parent === "Placemark") placemark.properties.set(name, value);
            else if (name === "value" && parent === "Data" && dataName !== null) placemark.properties.set(dataName, value);
            else if (name === "SimpleData" && simpleDataName !== null) placemark.properties.set(simpleDataName, value);
            else if (name === "coordinates") {
              const positions = parseCoordinates(value);
              if (parent === "Point") placemark.points.push(...positions.slice(0, 1));
              else if (parent === "LineString") placemark.lines.push(positions);
              else if (parent === "LinearRing" && polygon) {
                if (boundary === "outer") polygon.outer.push(positions);
                else polygon.inner.push(positions);
              }
            } else if (name === "Polygon" && polygon) {
              // The last outer ring first, as before: each outer ring used to be put in front.
              const rings = [...polygon.outer.reverse(), ...polygon.inner];
              if (rings.length > 0) placemark.polygons.push(rings);
              polygon = null;
            } else if (name === "outerBoundaryIs" || name === "innerBoundaryIs") boundary = null;
            else if (name === "Data") dataName = null;
            else if (name === "SimpleData") simpleDataName = null;
            else if (name === "Placemark") {
              features.push({ type: "Feature", properties: Object.fromEntries(placemark.properties), geometry: toGeometry(placemark) as Geometry });
              placemark = null;
            }
          }
          // Pop up to the matching element (tolerates a stray end tag). Each element is popped once, so the pops cost
          // linear time in all.
          if ((openCount.get(name) ?? 0) === 0) return;
          for (;;) {
            if (counter) counter.steps++;
            const top = stack.pop() as { name: string };
            openCount.set(top.name, (openCount.get(top.name) ?? 1) - 1);
            if (top.name === name) break;
          }
        },
      },
      counter,
    );
  } catch (error) {
    if (!(error instanceof XmlSyntaxError)) throw error;
    return kmlError("kml_invalid", domainMessage("kml.kml_damaged", { message: error.message }));
  }
  if (!sawKml) return kmlError("kml_invalid", domainMessage("kml.not_kml"));
  if (stack.length > 0) {
    const open = stack[stack.length - 1].name;
    return kmlError("kml_invalid", domainMessage("kml.cut_short", { open }));
  }
  return ok({ type: "FeatureCollection", features });
}
