/**
 * The 34 provinces and centrally-run cities of Vietnam since the 2025 merger, by GSO code, as in
 * data/boundaries/provinces.geojson: the name of a province known only by the code its communes give.
 */
export const PROVINCE_NAMES_2025: Readonly<Record<string, string>> = Object.freeze({
  "01": "Hà Nội",
  "04": "Cao Bằng",
  "08": "Tuyên Quang",
  "11": "Điện Biên",
  "12": "Lai Châu",
  "14": "Sơn La",
  "15": "Lào Cai",
  "19": "Thái Nguyên",
  "20": "Lạng Sơn",
  "22": "Quảng Ninh",
  "24": "Bắc Ninh",
  "25": "Phú Thọ",
  "31": "Hải Phòng",
  "33": "Hưng Yên",
  "37": "Ninh Bình",
  "38": "Thanh Hoá",
  "40": "Nghệ An",
  "42": "Hà Tĩnh",
  "44": "Quảng Trị",
  "46": "Huế",
  "48": "Đà Nẵng",
  "51": "Quảng Ngãi",
  "52": "Gia Lai",
  "56": "Khánh Hoà",
  "66": "Đắk Lắk",
  "68": "Lâm Đồng",
  "75": "Đồng Nai",
  "79": "Hồ Chí Minh",
  "80": "Tây Ninh",
  "82": "Đồng Tháp",
  "86": "Vĩnh Long",
  "91": "An Giang",
  "92": "Cần Thơ",
  "96": "Cà Mau",
});

/**
 * The 2025 name of a province code ("15" → "Lào Cai"); leading zeros optional ("8" → "Tuyên Quang").
 * @param code - a GSO province code
 * @returns the name, or undefined for an unknown code
 */
export function provinceName2025(code: string): string | undefined {
  const trimmed = code.trim();
  return PROVINCE_NAMES_2025[/^\d$/.test(trimmed) ? `0${trimmed}` : trimmed];
}
