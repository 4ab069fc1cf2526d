/**
 * Syllables for invented but realistic-sounding village names in Lào Cai and Lạng Sơn, by naming
 * tradition. Any match with a real village is by chance: the sample data is synthetic.
 */
import type { Random } from "./random.ts";

/** Naming traditions the generator mixes, per commune. */
export const NAME_STYLES = ["tay_nung", "hmong", "dao", "kinh"] as const;
export type NameStyle = (typeof NAME_STYLES)[number];

// Tày, Nùng and Thái names: a landform word ("nà" field, "khuổi" stream, "pác" mouth, "lũng" valley,
// "cốc" foot of, "phiêng" flat, "khau" and "pò" hill, "bó" spring) and a second syllable.
const TAY_NUNG_FIRST = ["Nà", "Khuổi", "Pác", "Lũng", "Cốc", "Phiêng", "Khau", "Pò", "Bó", "Nặm", "Pá", "Kéo", "Thâm", "Còn", "Khòn", "Nà"];
const TAY_NUNG_SECOND = [
  "Pồ",
  "Mỏ",
  "Nặm",
  "Vài",
  "Lầy",
  "Lìm",
  "Hẩu",
  "Phạ",
  "Sla",
  "Tát",
  "Rụt",
  "Mạ",
  "Chang",
  "Pàn",
  "Luông",
  "Mòn",
  "Cải",
  "Đeng",
  "Khoang",
  "Lòa",
  "Piàng",
  "Quang",
  "Rọ",
  "Sác",
  "Tềnh",
  "Tao",
  "Vằn",
  "Cáy",
  "Hin",
  "Lạn",
  "Mò",
  "Nhùng",
  "Ngàn",
  "Pàng",
  "Thốc",
  "Ngọa",
  "Bây",
  "Sao",
  "Slam",
  "Khiêng",
  "Kham",
  "Phja",
  "Làu",
  "Cà",
  "Noọc",
];
// Names that stand alone after "Bản" (Thái and Tày style), e.g. "Bản Lìm".
const TAY_SINGLE = ["Lìm", "Ngoa", "Chao", "Mới", "Lè", "Pầu", "Cuông", "Pheo", "Khoang", "Vệ", "Bó", "Pục"];

// H'Mông names as written in Vietnamese: two or three syllables, e.g. "Séo Mý Tỷ", "Sín Chải".
const HMONG_FIRST = ["Sín", "Tả", "Séo", "Phìn", "Lao", "Lùng", "Sảng", "Cán", "Ma", "Hầu", "Ngải", "Mào", "Sán", "Pả", "Giàng", "Chu", "Lử", "Sả", "Y", "Pờ"];
const HMONG_MIDDLE = ["Mý", "Chư", "Ván", "Pao", "Lin", "Gia", "Sáo", "Thào", "Seo", "Vàng"];
const HMONG_LAST = [
  "Chải",
  "Phìn",
  "Hồ",
  "Sáo",
  "Thàng",
  "Cẩu",
  "Ván",
  "Páo",
  "Tủng",
  "Cheo",
  "Khâu",
  "Thẩn",
  "Tỷ",
  "Chư",
  "Pán",
  "Séng",
  "Sử",
  "Lìn",
  "Chồ",
  "Sành",
];

// Dao names: "nậm" river, "khe" stream, "ngòi" creek, "làng", "phìn"…
const DAO_FIRST = ["Nậm", "Khe", "Làng", "Phìn", "Ngòi", "Tát", "Khuôn", "Nậm"];
const DAO_SECOND = [
  "Chày",
  "Mạ",
  "Tông",
  "Cúng",
  "Ngan",
  "Ngà",
  "Xé",
  "Dạ",
  "Hồng",
  "Lấu",
  "Pung",
  "Cang",
  "Dìn",
  "Tiên",
  "Kha",
  "Lụ",
  "Sài",
  "Vai",
  "Mìn",
  "Lầu",
];

// Kinh names: auspicious Sino-Vietnamese pairs.
const KINH_FIRST = [
  "Đồng",
  "Tân",
  "Hòa",
  "Thống",
  "Đoàn",
  "An",
  "Phú",
  "Quyết",
  "Hợp",
  "Bình",
  "Thanh",
  "Phúc",
  "Tiến",
  "Xuân",
  "Minh",
  "Trung",
  "Hưng",
  "Làng",
  "Cầu",
  "Khe",
];
const KINH_SECOND = [
  "Tâm",
  "Thành",
  "Bình",
  "Nhất",
  "Kết",
  "Lạc",
  "Thịnh",
  "Lập",
  "Tiến",
  "Minh",
  "Phong",
  "Khánh",
  "Bộ",
  "Lai",
  "Tân",
  "An",
  "Mới",
  "Phúc",
  "Hải",
  "Sơn",
  "Cường",
  "Long",
];

/**
 * Invents a village name body (without "Thôn"/"Bản") in one naming tradition.
 * @param random - the seeded source
 * @param style - the naming tradition
 * @returns e.g. "Nà Pồ", "Séo Mý Tỷ", "Nậm Chày", "Đồng Tâm"
 */
export function inventVillageName(random: Random, style: NameStyle): string {
  switch (style) {
    case "tay_nung":
      if (random.chance(0.08)) return random.pick(TAY_SINGLE);
      return `${random.pick(TAY_NUNG_FIRST)} ${random.pick(TAY_NUNG_SECOND)}`;
    case "hmong":
      if (random.chance(0.3)) return `${random.pick(HMONG_FIRST)} ${random.pick(HMONG_MIDDLE)} ${random.pick(HMONG_LAST)}`;
      return `${random.pick(HMONG_FIRST)} ${random.pick(HMONG_LAST)}`;
    case "dao":
      return `${random.pick(DAO_FIRST)} ${random.pick(DAO_SECOND)}`;
    case "kinh":
      return `${random.pick(KINH_FIRST)} ${random.pick(KINH_SECOND)}`;
  }
}

/**
 * Chooses the word before a village name: "Thôn" is the official word, "Bản" common in the
 * highlands, "Xóm" in Kinh lowland villages, "Khu" in towns.
 * @param random - the seeded source
 * @param style - the naming tradition
 * @param isTown - whether the commune is a town or ward
 * @returns the prefix word
 */
export function chooseVillagePrefix(random: Random, style: NameStyle, isTown: boolean): string {
  if (isTown) return "Khu";
  if (style === "kinh") return random.chance(0.5) ? "Xóm" : "Thôn";
  return random.chance(0.55) ? "Bản" : "Thôn";
}
