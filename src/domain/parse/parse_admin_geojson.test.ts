import { describe, expect, it } from "vitest";
import { guessAdminLevel, parseAdminGeojson } from "./parse_admin_geojson.ts";
import { rectangleRing } from "../../testing/features.ts";

const file = "admin.geojson";
const square = rectangleRing(104, 22, 104.1, 22.1);

function collection(...properties: Record<string, unknown>[]): object {
  return {
    type: "FeatureCollection",
    features: properties.map((props) => ({ type: "Feature", properties: props, geometry: { type: "Polygon", coordinates: [square] } })),
  };
}

describe("parseAdminGeojson", () => {
  it("reads code and name from code/name, ma/ten, ten_tinh and fullName", () => {
    const result = parseAdminGeojson(
      collection({ code: "10", name: "Lào Cai" }, { ma: "11", ten: "Điện Biên" }, { id: "12", ten_tinh: "Lai Châu" }, { ma: "14", fullName: "Tỉnh Sơn La" }),
      { file },
    );
    expect(result.items.map((area) => [area.level, area.code, area.name])).toEqual([
      ["province", "10", "Lào Cai"],
      ["province", "11", "Điện Biên"],
      ["province", "12", "Lai Châu"],
      ["province", "14", "Tỉnh Sơn La"],
    ]);
    expect(result.report.issues).toEqual([]);
  });

  it("guesses communes from a province_code property or a 5-digit code and keeps the parent code", () => {
    const result = parseAdminGeojson(collection({ code: "02833", name: "Bản Xèo" }, { code: "X1", name: "Xã A", province_code: "10" }), { file });
    expect(result.items.map((area) => [area.level, area.code, area.parentCode])).toEqual([
      ["commune", "02833", undefined],
      ["commune", "X1", "10"],
    ]);
  });

  it("uses the level and property names given by the caller", () => {
    const result = parseAdminGeojson(collection({ GID: "VN.1", NAME_1: "An Giang", P: "VN" }), {
      file,
      level: "commune",
      codeProperty: "GID",
      nameProperty: "NAME_1",
      parentCodeProperty: "P",
    });
    expect(result.items).toEqual([
      { level: "commune", code: "VN.1", name: "An Giang", parentCode: "VN", geometry: { type: "Polygon", coordinates: [square] } },
    ]);
  });

  it("uses the name as code with a warning, and treats an unknowable level as province with a warning", () => {
    const result = parseAdminGeojson(collection({ name: "Vùng A" }), { file });
    expect(result.items.map((area) => [area.level, area.code])).toEqual([["province", "Vùng A"]]);
    expect(result.report.issues.map((issue) => issue.code)).toEqual(["admin_code_missing", "admin_level_unknown"]);
  });

  it("rejects an area with neither code nor name, and a bad ring, with balanced counts", () => {
    const bad = {
      type: "Feature",
      properties: { code: "9" },
      geometry: {
        type: "Polygon",
        coordinates: [
          [
            [104, 22],
            [105, 22],
            [104, 22],
          ],
        ],
      },
    };
    const input = { type: "FeatureCollection", features: [...(collection({ other: 1 }) as { features: unknown[] }).features, bad] };
    const result = parseAdminGeojson(input, { file });
    expect(result.report).toMatchObject({ read: 2, accepted: 0, rejected: 2 });
    expect(result.report.issues.map((issue) => [issue.code, issue.featureIndex])).toEqual([
      ["admin_name_missing", 0],
      ["ring_too_short", 1],
    ]);
  });

  it("returns one error and read 0 for invalid JSON", () => {
    const result = parseAdminGeojson("[{", { file });
    expect(result.report).toMatchObject({ read: 0, accepted: 0, rejected: 0 });
    expect(result.report.issues.map((issue) => issue.code)).toEqual(["json_invalid"]);
  });
});

describe("guessAdminLevel", () => {
  it("reads the level from codes and name prefixes", () => {
    expect(guessAdminLevel("01", "", false)).toBe("province");
    expect(guessAdminLevel("00004", "", false)).toBe("commune");
    expect(guessAdminLevel("", "Phường Ba Đình", false)).toBe("commune");
    expect(guessAdminLevel("", "Thành phố Hà Nội", false)).toBe("province");
    expect(guessAdminLevel("ABC", "", true)).toBe("commune");
    expect(guessAdminLevel("ABC", "Vùng", false)).toBeUndefined();
  });
});
