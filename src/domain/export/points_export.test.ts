import { describe, expect, it } from "vitest";
import type { Point } from "../types.ts";
import { exportColumns, type ExportRow } from "./export_columns.ts";
import { pointsToCsv } from "./points_to_csv.ts";
import { pointsToGeojson } from "./points_to_geojson.ts";
import { escapeXml, pointsToKml } from "./points_to_kml.ts";

function point(overrides: Partial<Point>): Point {
  return { id: "P1", name: "Trường TH Bản Xèo", kind: "school", lon: 103.9712, lat: 22.4856, source: { file: "a.csv", row: 1 }, extra: {}, ...overrides };
}

const rows: ExportRow[] = [
  {
    point: point({ parentId: undefined, weight: 312, provinceName: "Lào Cai", communeName: "Bản Xèo", extra: { "ghi chú": "-", "điện thoại": "+84912" } }),
    computed: { status: "uncovered", covered_by: "" },
  },
  {
    point: point({
      id: "P2",
      name: '=HYPERLINK("http://x")',
      kind: "school_site",
      lon: -0.5,
      lat: 21,
      parentId: "P1",
      extra: { "ghi chú": "a, b", khác: "x" },
    }),
    computed: { status: "covered", covered_by: "Viettel 4G; VNPT 2G" },
  },
];

describe("exportColumns", () => {
  it("lists the fixed columns, then extra columns in first-seen order, then computed ones", () => {
    expect(exportColumns(rows).join(",")).toBe(
      "id,name,kind,lon,lat,parent_id,weight,province_code,province,commune_code,commune,ghi chú,điện thoại,khác,status,covered_by",
    );
  });

  it("drops an extra column that a computed column replaces", () => {
    const again: ExportRow[] = [{ point: point({ extra: { status: "old" } }), computed: { status: "covered" } }];
    expect(exportColumns(again).filter((column) => column === "status")).toHaveLength(1);
  });
});

describe("pointsToCsv", () => {
  it("writes BOM, English snake_case headers, CRLF and formula-safe cells while numbers stay numbers", () => {
    const csv = pointsToCsv(rows);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const lines = csv.slice(1).split("\r\n");
    expect(lines[0]).toBe("id,name,kind,lon,lat,parent_id,weight,province_code,province,commune_code,commune,ghi chú,điện thoại,khác,status,covered_by");
    expect(lines[1]).toBe("P1,Trường TH Bản Xèo,school,103.9712,22.4856,,312,,Lào Cai,,Bản Xèo,'-,+84912,,uncovered,");
    expect(lines[2]).toBe(`P2,"'=HYPERLINK(""http://x"")",school_site,-0.5,21,P1,,,,,,"a, b",,x,covered,"Viettel 4G; VNPT 2G"`);
    expect(lines[3]).toBe("");
    expect(lines).toHaveLength(4);
  });

  it("keeps the same headers in Vietnamese mode", () => {
    expect(pointsToCsv(rows, { language: "vi" })).toBe(pointsToCsv(rows, { language: "en" }));
  });

  it("writes only the header for no rows", () => {
    expect(pointsToCsv([])).toBe("\uFEFFid,name,kind,lon,lat,parent_id,weight,province_code,province,commune_code,commune\r\n");
  });
});

describe("pointsToGeojson", () => {
  it("writes Point features with the CSV columns as properties, null when empty", () => {
    const collection = pointsToGeojson(rows);
    expect(collection.type).toBe("FeatureCollection");
    expect(collection.features[1].geometry).toEqual({ type: "Point", coordinates: [-0.5, 21] });
    expect(collection.features[1].properties).toEqual({
      id: "P2",
      name: '=HYPERLINK("http://x")',
      kind: "school_site",
      lon: -0.5,
      lat: 21,
      parent_id: "P1",
      weight: null,
      province_code: null,
      province: null,
      commune_code: null,
      commune: null,
      "ghi chú": "a, b",
      "điện thoại": null,
      khác: "x",
      status: "covered",
      covered_by: "Viettel 4G; VNPT 2G",
    });
  });
});

describe("pointsToKml", () => {
  it("escapes XML special characters in names and data", () => {
    const kml = pointsToKml([{ point: point({ name: `A <b> & "C" 'd'`, extra: { "x<y": "1 & 2" } }), computed: {} }], { name: "Điểm <chưa> có sóng" });
    expect(kml).toContain("<name>A &lt;b&gt; &amp; &quot;C&quot; &apos;d&apos;</name>");
    expect(kml).toContain('<Data name="x&lt;y"><value>1 &amp; 2</value></Data>');
    expect(kml).toContain("<name>Điểm &lt;chưa&gt; có sóng</name>");
    expect(kml).not.toMatch(/<b>|& /);
  });

  it("writes a KML 2.2 document with one Placemark per point, ExtendedData and a Point in lon,lat order", () => {
    const kml = pointsToKml(rows);
    expect(kml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2">')).toBe(true);
    expect(kml.match(/<Placemark>/g)).toHaveLength(2);
    expect(kml).toContain("<Point><coordinates>103.9712,22.4856</coordinates></Point>");
    expect(kml).toContain('<Data name="status"><value>uncovered</value></Data>');
    expect(kml).toContain('<Data name="ghi chú"><value>-</value></Data>');
    // The placemark's children come in schema order: name, ExtendedData, then the geometry.
    const placemark = kml.slice(kml.indexOf("<Placemark>"), kml.indexOf("</Placemark>"));
    expect(placemark.indexOf("<name>")).toBeLessThan(placemark.indexOf("<ExtendedData>"));
    expect(placemark.indexOf("</ExtendedData>")).toBeLessThan(placemark.indexOf("<Point>"));
    expect(kml.trimEnd().endsWith("</Document>\n</kml>")).toBe(true);
  });

  it("names a placemark by its id when the name is empty", () => {
    expect(pointsToKml([{ point: point({ name: "" }), computed: {} }])).toContain("<name>P1</name>");
  });
});

describe("escapeXml", () => {
  it("removes control characters XML 1.0 forbids and keeps tabs and line breaks", () => {
    expect(escapeXml("a\u0001b\tc\nd")).toBe("ab\tc\nd");
  });
});
