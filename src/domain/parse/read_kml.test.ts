import { describe, expect, it } from "vitest";
import { strToU8, zipSync } from "fflate";
import { detectFileKind } from "./detect_file_kind.ts";
import { parseCoverageGeojson } from "./parse_coverage_geojson.ts";
import { parsePointsGeojson } from "./parse_points_geojson.ts";
import { isKmlInput, readKml } from "./read_kml.ts";
import { isSpreadsheetFile } from "./read_xlsx.ts";

const COVERAGE_KML = `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2">
<Document><name>Vùng phủ</name>
<Folder><name>Viettel 4G</name>
  <Placemark><name>Trạm Bản Xèo</name>
    <ExtendedData>
      <Data name="carrier"><value>Viettel</value></Data>
      <Data name="technology"><value>4G</value></Data>
      <Data name="as_of"><value>2026-10-31</value></Data>
    </ExtendedData>
    <Polygon><outerBoundaryIs><LinearRing><coordinates>
      104.0,22.0,0 104.1,22.0,0 104.1,22.1,0 104.0,22.1,0 104.0,22.0,0
    </coordinates></LinearRing></outerBoundaryIs>
    <innerBoundaryIs><LinearRing><coordinates>104.04,22.04 104.04,22.06 104.06,22.06 104.06,22.04 104.04,22.04</coordinates></LinearRing></innerBoundaryIs>
    </Polygon>
  </Placemark>
  <Placemark><name>Hai trạm</name>
    <ExtendedData><SchemaData schemaUrl="#s"><SimpleData name="carrier">VNPT</SimpleData><SimpleData name="technology">3G</SimpleData></SchemaData></ExtendedData>
    <MultiGeometry>
      <Polygon><outerBoundaryIs><LinearRing><coordinates>105,21 105.1,21 105.1,21.1 105,21.1 105,21</coordinates></LinearRing></outerBoundaryIs></Polygon>
      <Polygon><outerBoundaryIs><LinearRing><coordinates>105.2,21 105.3,21 105.3,21.1 105.2,21.1 105.2,21</coordinates></LinearRing></outerBoundaryIs></Polygon>
    </MultiGeometry>
  </Placemark>
</Folder>
</Document>
</kml>`;

const POINTS_KML = `<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>Trường học</name>
<Placemark><name>Trường PTDTBT TH Bản Xèo</name><description><![CDATA[<b>312</b> học sinh]]></description>
  <ExtendedData><Data name="id"><value>LC-001</value></Data><Data name="kind"><value>trường</value></Data></ExtendedData>
  <Point><coordinates>103.9712,22.4856,0</coordinates></Point></Placemark>
<Placemark><name>Điểm trường Nà Pồ &amp; Khuổi Mỏ</name><ExtendedData><Data name="id"><value>LC-001-A</value></Data></ExtendedData>
  <Point><coordinates>103.9567,22.5012</coordinates></Point></Placemark>
</Document></kml>`;

describe("readKml", () => {
  it("reads Placemarks as features: polygons with holes, MultiGeometry as MultiPolygon, ExtendedData, folder names", () => {
    const result = readKml(COVERAGE_KML);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [first, second] = result.value.features;
    expect(first.properties).toEqual({ folder: "Viettel 4G", name: "Trạm Bản Xèo", carrier: "Viettel", technology: "4G", as_of: "2026-10-31" });
    expect(first.geometry).toEqual({
      type: "Polygon",
      coordinates: [
        [
          [104, 22],
          [104.1, 22],
          [104.1, 22.1],
          [104, 22.1],
          [104, 22],
        ],
        [
          [104.04, 22.04],
          [104.04, 22.06],
          [104.06, 22.06],
          [104.06, 22.04],
          [104.04, 22.04],
        ],
      ],
    });
    expect(second.geometry?.type).toBe("MultiPolygon");
    expect(second.properties).toMatchObject({ carrier: "VNPT", technology: "3G" });
  });

  it("imports a coverage KML exactly as the same GeoJSON", () => {
    const fromKml = parseCoverageGeojson(COVERAGE_KML, { file: "vung-phu.kml" });
    const collection = readKml(COVERAGE_KML);
    if (!collection.ok) throw new Error("unreadable");
    const fromGeojson = parseCoverageGeojson(JSON.stringify(collection.value), { file: "vung-phu.kml" });
    expect(fromKml.report).toEqual(fromGeojson.report);
    expect(fromKml.items).toEqual(fromGeojson.items);
    expect(fromKml.report.accepted).toBe(2);
    expect(fromKml.items.map((feature) => [feature.carrier, feature.technology, feature.asOf])).toEqual([
      ["Viettel", "4G", "2026-10-31"],
      ["VNPT", "3G", null],
    ]);
  });

  it("lets the folder name the carrier when the Placemarks carry no data", () => {
    const bare = `<kml><Folder><name>MobiFone</name><Placemark><Polygon><outerBoundaryIs><LinearRing><coordinates>104,22 104.1,22 104.1,22.1 104,22</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark></Folder></kml>`;
    const result = parseCoverageGeojson(bare, { file: "mobifone.kml", carrierProperty: "folder", technology: "4G" });
    expect(result.report.accepted).toBe(1);
    expect(result.items[0].carrier).toBe("MobiFone");
  });

  it("imports point Placemarks with their names, ids and kinds; CDATA and entities read as text", () => {
    const result = parsePointsGeojson(POINTS_KML, { file: "truong.kml" });
    expect(result.report.accepted).toBe(2);
    expect(result.items.map((point) => [point.id, point.name, point.kind, point.lon, point.lat])).toEqual([
      ["LC-001", "Trường PTDTBT TH Bản Xèo", "school", 103.9712, 22.4856],
      ["LC-001-A", "Điểm trường Nà Pồ & Khuổi Mỏ", "other", 103.9567, 22.5012],
    ]);
    expect(result.items[0].extra.description).toBe("<b>312</b> học sinh");
  });

  it("reads a KMZ (the doc.kml inside the zip) like the KML, and is not mistaken for a workbook", () => {
    const kmz = zipSync({ "files/icon.png": new Uint8Array([1, 2, 3]), "doc.kml": strToU8(COVERAGE_KML) });
    expect(isKmlInput("vung-phu.kmz", kmz)).toBe(true);
    expect(isSpreadsheetFile("vung-phu.kmz", kmz)).toBe(false);
    const fromKmz = parseCoverageGeojson(kmz, { file: "vung-phu.kmz" });
    expect(fromKmz.items).toEqual(parseCoverageGeojson(COVERAGE_KML, { file: "vung-phu.kmz" }).items);
    expect(detectFileKind(kmz, "vung-phu.kmz")).toBe("coverage");
    expect(detectFileKind(strToU8(POINTS_KML), "truong.kml")).toBe("points");
  });

  it("reports a damaged file, a KMZ without KML and a file that is not KML as one file-level error in both languages", () => {
    const damaged = parseCoverageGeojson("<kml><Placemark><name>x</name", { file: "hong.kml" });
    expect(damaged.report.issues).toHaveLength(1);
    expect(damaged.report.issues[0]).toMatchObject({ file: "hong.kml", code: "kml_invalid", severity: "error" });
    expect(damaged.report.issues[0].message.vi).toContain("KML");
    const empty = parseCoverageGeojson(zipSync({ "readme.txt": strToU8("x") }), { file: "rong.kmz" });
    expect(empty.report.issues[0].code).toBe("kmz_no_kml");
    const html = parsePointsGeojson("<html><body>not kml</body></html>", { file: "trang.kml" });
    expect(html.report.issues[0].code).toBe("kml_invalid");
    expect(html.report.read).toBe(html.report.accepted + html.report.rejected);
  });

  it("never expands entities declared in a DOCTYPE", () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE kml [<!ENTITY big "AAAAAAAAAA">]><kml><Placemark><name>&big;</name><Point><coordinates>104,22</coordinates></Point></Placemark></kml>`;
    const result = readKml(xml);
    expect(result.ok && result.value.features[0].properties?.name).toBe("&big;");
  });

  it("recognises KML by name or by its first tag", () => {
    expect(isKmlInput("a.KML", "")).toBe(true);
    expect(isKmlInput("export", '<?xml version="1.0"?>\n<kml xmlns="http://www.opengis.net/kml/2.2">')).toBe(true);
    expect(isKmlInput("export", '{"type":"FeatureCollection"}')).toBe(false);
    expect(isKmlInput("points.csv", "id;lat;lon")).toBe(false);
  });
});
