/**
 * The tables of the coordinate systems, without proj4 (the import preview on the main thread shows them; the
 * transformations run in the worker): the provinces' TM-3 central meridians and the common systems' names.
 */
import type { Message } from "../types.ts";

/**
 * Central meridians of the VN-2000 TM-3 (k = 0.9999) local systems of the 63 provinces and cities as listed in
 * Thông tư 973/2001/TT-TCĐC (the provinces before the 2025 mergers; a merged province's data keep the meridian of
 * the province they were surveyed in). Degrees east.
 */
export const PROVINCE_CENTRAL_MERIDIANS: readonly { province: string; meridian: number }[] = [
  { province: "Lai Châu", meridian: 103 },
  { province: "Điện Biên", meridian: 103 },
  { province: "Sơn La", meridian: 104 },
  { province: "Lào Cai", meridian: 104.75 },
  { province: "Yên Bái", meridian: 104.75 },
  { province: "Hà Giang", meridian: 105.5 },
  { province: "Tuyên Quang", meridian: 106 },
  { province: "Phú Thọ", meridian: 104.75 },
  { province: "Vĩnh Phúc", meridian: 105 },
  { province: "Cao Bằng", meridian: 105.75 },
  { province: "Lạng Sơn", meridian: 107.25 },
  { province: "Bắc Kạn", meridian: 106.5 },
  { province: "Thái Nguyên", meridian: 106.5 },
  { province: "Bắc Giang", meridian: 107 },
  { province: "Bắc Ninh", meridian: 105.5 },
  { province: "Quảng Ninh", meridian: 107.75 },
  { province: "Hải Phòng", meridian: 105.75 },
  { province: "Hải Dương", meridian: 105.5 },
  { province: "Hưng Yên", meridian: 105.5 },
  { province: "Hà Nội", meridian: 105 },
  { province: "Hoà Bình", meridian: 106 },
  { province: "Hà Nam", meridian: 105 },
  { province: "Nam Định", meridian: 105.5 },
  { province: "Thái Bình", meridian: 105.5 },
  { province: "Ninh Bình", meridian: 105 },
  { province: "Thanh Hoá", meridian: 105 },
  { province: "Nghệ An", meridian: 104.75 },
  { province: "Hà Tĩnh", meridian: 105.5 },
  { province: "Quảng Bình", meridian: 106 },
  { province: "Quảng Trị", meridian: 106.25 },
  { province: "Thừa Thiên Huế", meridian: 107 },
  { province: "Đà Nẵng", meridian: 107.75 },
  { province: "Quảng Nam", meridian: 107.75 },
  { province: "Quảng Ngãi", meridian: 108 },
  { province: "Bình Định", meridian: 108.25 },
  { province: "Kon Tum", meridian: 107.5 },
  { province: "Gia Lai", meridian: 108.5 },
  { province: "Đắk Lắk", meridian: 108.5 },
  { province: "Đắk Nông", meridian: 108.5 },
  { province: "Phú Yên", meridian: 108.5 },
  { province: "Khánh Hoà", meridian: 108.25 },
  { province: "Ninh Thuận", meridian: 108.25 },
  { province: "Bình Thuận", meridian: 108.5 },
  { province: "Lâm Đồng", meridian: 107.75 },
  { province: "Bình Dương", meridian: 105.75 },
  { province: "Bình Phước", meridian: 106.25 },
  { province: "Đồng Nai", meridian: 107.75 },
  { province: "Bà Rịa - Vũng Tàu", meridian: 107.75 },
  { province: "Tây Ninh", meridian: 105.5 },
  { province: "Long An", meridian: 105.75 },
  { province: "Tiền Giang", meridian: 105.75 },
  { province: "Bến Tre", meridian: 105.75 },
  { province: "Đồng Tháp", meridian: 105 },
  { province: "Vĩnh Long", meridian: 105.5 },
  { province: "Trà Vinh", meridian: 105.5 },
  { province: "Cần Thơ", meridian: 105 },
  { province: "Hậu Giang", meridian: 105 },
  { province: "Sóc Trăng", meridian: 105.5 },
  { province: "An Giang", meridian: 104.75 },
  { province: "Kiên Giang", meridian: 104.5 },
  { province: "Bạc Liêu", meridian: 105 },
  { province: "Cà Mau", meridian: 104.5 },
  { province: "Hồ Chí Minh", meridian: 105.75 },
];

/** The systems offered first in a chooser (ids as parseCrs reads them). */
export const COMMON_CRS_CHOICES: readonly { id: string; label: Message; epsg: number }[] = [
  { id: "WGS84", label: { vi: "WGS 84 (kinh độ, vĩ độ)", en: "WGS 84 (longitude, latitude)" }, epsg: 4326 },
  { id: "VN2000", label: { vi: "VN-2000 địa lý (kinh độ, vĩ độ)", en: "VN-2000 geographic (longitude, latitude)" }, epsg: 4756 },
  { id: "VN2000-UTM48", label: { vi: "VN-2000 / UTM múi 48N", en: "VN-2000 / UTM zone 48N" }, epsg: 3405 },
  { id: "VN2000-UTM49", label: { vi: "VN-2000 / UTM múi 49N", en: "VN-2000 / UTM zone 49N" }, epsg: 3406 },
];

/**
 * Writes a meridian as degrees and minutes, e.g. 105.75 → "105°45′".
 * @param meridian - degrees east
 * @returns the text
 */
export function meridianText(meridian: number): string {
  const degrees = Math.floor(meridian + 1e-9);
  const minutes = Math.round((meridian - degrees) * 60 * 1000) / 1000;
  return `${degrees}°${String(minutes).padStart(2, "0")}′`;
}

/**
 * Reads a meridian written as decimal degrees ("105.75", "105,75") or degrees and minutes ("105:45", "105°45'", "105-45").
 * @param text - the text
 * @returns degrees, or null when unreadable or outside 100–120° E
 */
export function parseMeridian(text: string): number | null {
  const trimmed = text.trim().replace(",", ".");
  let value: number;
  const dm = /^(\d{3})\s*(?:°|:|-|\s|d)\s*(\d{1,2}(?:\.\d+)?)\s*(?:'|′|m)?$/i.exec(trimmed);
  if (dm) value = Number(dm[1]) + Number(dm[2]) / 60;
  else if (/^\d{3}(?:\.\d+)?°?$/.test(trimmed)) value = Number(trimmed.replace("°", ""));
  else return null;
  if (!Number.isFinite(value) || value < 100 || value > 120) return null;
  return Math.round(value * 1e6) / 1e6;
}
