import { describe, expect, it } from "vitest";
import reference from "../../../tests/fixtures/formats/crs_reference.json" with { type: "json" };
import { crsFromPrj, meridianText, parseCrs, parseMeridian, provinceMeridian, toWgs84, vn2000Tm3 } from "./crs.ts";

/** Metres between two WGS 84 positions (local equirectangular: exact enough below a few km). */
function metres(a: readonly number[], b: readonly number[]): number {
  const lat = ((a[1] + b[1]) / 2) * (Math.PI / 180);
  return Math.hypot((a[0] - b[0]) * 111_320 * Math.cos(lat), (a[1] - b[1]) * 110_574);
}

describe("VN-2000 to WGS 84 against PROJ (tests/fixtures/formats/crs_reference.json, made with cs2cs)", () => {
  it("every reference point comes back within 1 m (in fact within 1 cm) of where PROJ put it", () => {
    expect(reference.points.length).toBeGreaterThanOrEqual(60);
    for (const point of reference.points) {
      const crs = parseCrs(point.crs);
      expect(crs, point.crs).not.toBeNull();
      const result = toWgs84(crs!)(point.xy[0], point.xy[1]);
      const error = metres(result, point.wgs84);
      expect(error, `${point.name} ${point.crs}`).toBeLessThan(0.01);
    }
  });
  it("the datum shift is applied: VN-2000 and WGS 84 positions differ by about 200 m", () => {
    const first = reference.points.find((point) => point.crs === "EPSG:4756")!;
    expect(metres(first.xy, first.wgs84)).toBeGreaterThan(150);
  });
});

describe("parseCrs", () => {
  it("reads ids, EPSG codes, meridians and province names", () => {
    expect(parseCrs("EPSG:4326")?.id).toBe("WGS84");
    expect(parseCrs("4756")?.id).toBe("VN2000");
    expect(parseCrs("EPSG:3405")?.id).toBe("VN2000-UTM48");
    expect(parseCrs("vn2000-utm49")?.epsg).toBe(3406);
    expect(parseCrs("VN2000-TM3-105.75")?.epsg).toBe(9210);
    expect(parseCrs("VN2000-TM3-105:45")?.id).toBe("VN2000-TM3-105.75");
    expect(parseCrs("VN-2000 TM3 104-45")?.id).toBe("VN2000-TM3-104.75");
    expect(parseCrs("VN2000-TM3-Lào Cai")?.id).toBe("VN2000-TM3-104.75");
    expect(parseCrs("VN2000-TM3-lao cai")?.id).toBe("VN2000-TM3-104.75");
    expect(parseCrs("EPSG:9217")?.id).toBe("VN2000-TM3-108.25");
    expect(parseCrs("EPSG:32648")).toBeNull();
    expect(parseCrs("VN2000-TM3-99")).toBeNull();
  });
  it("writes and reads meridians", () => {
    expect(meridianText(105.75)).toBe("105°45′");
    expect(meridianText(103)).toBe("103°00′");
    expect(parseMeridian("107°15'")).toBe(107.25);
    expect(provinceMeridian("TP Hồ Chí Minh")).toBe(105.75);
    expect(provinceMeridian("Thanh Hóa")).toBe(105);
    expect(vn2000Tm3(106.25).epsg).toBe(9212);
  });
});

describe("crsFromPrj", () => {
  it("reads the .prj GDAL writes for EPSG:9210 (no TOWGS84 in it: the datum is known by name)", () => {
    const prj =
      'PROJCS["VN-2000_TM-3_105-45",GEOGCS["GCS_VN_2000",DATUM["D_Vietnam_2000",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",105.75],PARAMETER["Scale_Factor",0.9999],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
    const reading = crsFromPrj(prj);
    expect(reading.ok && reading.crs.id).toBe("VN2000-TM3-105.75");
  });
  it("reads UTM 48N, geographic VN-2000 and WGS 84, and refuses what it does not know", () => {
    const utm =
      'PROJCS["VN_2000_UTM_zone_48N",GEOGCS["GCS_VN_2000",DATUM["D_Vietnam_2000",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",105.0],PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
    expect(crsFromPrj(utm).ok && (crsFromPrj(utm) as { crs: { id: string } }).crs.id).toBe("VN2000-UTM48");
    const geographic = crsFromPrj(
      'GEOGCS["GCS_VN_2000",DATUM["D_Vietnam_2000",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]',
    );
    expect(geographic.ok && geographic.crs.id).toBe("VN2000");
    const wgs = crsFromPrj(
      'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]',
    );
    expect(wgs.ok && wgs.crs.id).toBe("WGS84");
    const lambert = crsFromPrj(
      'PROJCS["x",GEOGCS["GCS_VN_2000",DATUM["D_Vietnam_2000",SPHEROID["WGS_1984",6378137.0,298.257223563]]],PROJECTION["Lambert_Conformal_Conic"]]',
    );
    expect(lambert.ok).toBe(false);
  });
});

describe("the chooser's table (crs_table.ts, shown without proj4)", () => {
  it("names systems parseCrs knows, with their EPSG codes, and every province's meridian has a TM-3 system", async () => {
    const { COMMON_CRS_CHOICES, PROVINCE_CENTRAL_MERIDIANS } = await import("./crs_table.ts");
    for (const choice of COMMON_CRS_CHOICES) expect(parseCrs(choice.id)?.epsg, choice.id).toBe(choice.epsg);
    expect(PROVINCE_CENTRAL_MERIDIANS.length).toBe(63);
    for (const { meridian } of PROVINCE_CENTRAL_MERIDIANS) expect(vn2000Tm3(meridian).epsg, String(meridian)).toBeDefined();
  });
});
