import { describe, expect, it } from "vitest";
import { LATITUDE_ALIASES, LONGITUDE_ALIASES, POINT_COLUMN_ALIASES, findColumn } from "./find_column.ts";

/** The column findColumn picks in `header` for each point field. */
const pointColumns = (header: string[]) =>
  Object.fromEntries(Object.entries(POINT_COLUMN_ALIASES).map(([field, aliases]) => [field, findColumn(header, aliases)]));

describe("findColumn", () => {
  it("matches a Vietnamese header with or without tones and in any case", () => {
    expect(findColumn(["Mã", "VĨ ĐỘ", "kinh do"], LATITUDE_ALIASES)).toBe("VĨ ĐỘ");
    expect(findColumn(["Mã", "VĨ ĐỘ", "kinh do"], LONGITUDE_ALIASES)).toBe("kinh do");
    expect(findColumn(["vido", "kinhdo"], LONGITUDE_ALIASES)).toBe("kinhdo");
  });

  it("matches English headers such as Latitude and lng", () => {
    expect(findColumn(["Name", "Latitude", "lng"], LATITUDE_ALIASES)).toBe("Latitude");
    expect(findColumn(["Name", "Latitude", "lng"], LONGITUDE_ALIASES)).toBe("lng");
  });

  it("returns the header as written in the file, spaces included", () => {
    expect(findColumn([" id ", "x"], ["id"])).toBe(" id ");
  });

  it("prefers an earlier alias over a later one", () => {
    expect(findColumn(["x", "lon"], LONGITUDE_ALIASES)).toBe("lon");
  });

  it("matches the other point columns by their Vietnamese names", () => {
    const header = ["Mã điểm", "Tên điểm", "Loại điểm", "Mã trường chính", "Số học sinh", "Tỉnh", "Xã"];
    // The header names the fields in this order.
    const fields = ["id", "name", "kind", "parentId", "weight", "provinceName", "communeName"] as const;
    expect(fields.map((field) => findColumn(header, POINT_COLUMN_ALIASES[field]))).toEqual(header);
  });

  it("reads the headers of lists kept by schools and communes (Tên trường, Sĩ số, Tỉnh/Thành phố, Xã/Phường)", () => {
    const schools = ["Mã trường", "Tên trường", "Sĩ số", "Tỉnh/Thành phố", "Xã/Phường", "Vĩ độ", "Kinh độ"];
    expect(pointColumns(schools)).toMatchObject({
      id: "Mã trường",
      name: "Tên trường",
      weight: "Sĩ số",
      provinceName: "Tỉnh/Thành phố",
      communeName: "Xã/Phường",
    });
    // A list of school sites names both the site and its school: the site is the point.
    const sites = ["Mã trường chính", "Tên trường", "Mã điểm trường", "Tên điểm trường"];
    expect(pointColumns(sites)).toMatchObject({ id: "Mã điểm trường", name: "Tên điểm trường", parentId: "Mã trường chính" });
  });

  it("returns undefined when no header matches", () => {
    expect(findColumn(["a", "b"], LATITUDE_ALIASES)).toBeUndefined();
  });
});
