/**
 * Column lookup by English or Vietnamese header, accent- and case-insensitive, and the header
 * aliases the importers recognise.
 */
import { foldKey } from "./fold_for_search.ts";

/** Headers recognised as latitude. */
export const LATITUDE_ALIASES = ["lat", "latitude", "y", "vĩ độ", "vi do", "vido", "vĩ độ (y)", "vĩ độ y", "y (vĩ độ)", "toạ độ y", "tọa độ y"] as const;
/** Headers recognised as longitude. */
export const LONGITUDE_ALIASES = [
  "lon",
  "lng",
  "long",
  "longitude",
  "x",
  "kinh độ",
  "kinh do",
  "kinhdo",
  "kinh độ (x)",
  "kinh độ x",
  "x (kinh độ)",
  "toạ độ x",
  "tọa độ x",
] as const;
/** Headers of one column holding both coordinates ("22.1234, 104.5678"; the order is found from the values). */
export const COMBINED_COORDINATE_ALIASES = [
  "toạ độ",
  "tọa độ",
  "toa do",
  "coordinates",
  "coordinate",
  "latlon",
  "lat lon",
  "lat, lon",
  "vị trí (toạ độ)",
  "toạ độ (vĩ độ, kinh độ)",
  "tọa độ (vĩ độ, kinh độ)",
] as const;
/** Headers recognised for the other point columns, by Point field. */
export const POINT_COLUMN_ALIASES = {
  id: ["id", "point_id", "mã điểm", "mã", "ma", "code", "mã điểm trường", "mã trường", "mã thôn"],
  // The specific names first: in a list of school sites, "Tên điểm trường" is the site, "Tên trường" its school.
  name: ["name", "tên điểm", "tên điểm trường", "tên trường", "tên thôn", "tên thôn bản", "tên thôn/bản", "tên", "ten"],
  kind: ["kind", "loại điểm", "loại", "loai", "type"],
  parentId: ["parent_id", "mã trường chính"],
  weight: ["weight", "pupils", "households", "số học sinh", "số hộ", "số hs", "sĩ số", "dân số"],
  provinceName: ["province", "province_name", "tỉnh", "tinh", "tên tỉnh", "tỉnh/thành phố", "tỉnh, thành phố", "tỉnh/tp"],
  provinceCode: ["province_code", "mã tỉnh"],
  communeName: ["commune", "commune_name", "xã", "xa", "phường", "tên xã", "xã/phường", "xã, phường", "xã/phường/thị trấn"],
  communeCode: ["commune_code", "mã xã"],
} as const satisfies Record<string, readonly string[]>;

/**
 * Finds the header that matches one of the aliases, ignoring case, accents, `_`, `-` and extra spaces.
 * Earlier aliases win over later ones.
 * @param header - the header row
 * @param aliases - accepted names, most specific first
 * @returns the header cell as written in the file, or undefined
 * @example
 * ```ts
 * findColumn(["Mã", "Vĩ độ", "Kinh độ"], ["lat", "vi do"]); // "Vĩ độ"
 * ```
 */
export function findColumn(header: readonly string[], aliases: readonly string[]): string | undefined {
  const folded = header.map(foldKey);
  for (const alias of aliases) {
    const key = foldKey(alias);
    const index = folded.indexOf(key);
    if (index >= 0) return header[index];
  }
  return undefined;
}
