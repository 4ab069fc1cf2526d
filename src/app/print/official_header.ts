/**
 * The words at the top of a printed report, laid out as an administrative document (Nghị định 30/2020/NĐ-CP,
 * Phụ lục I): on the left the managing body ("UBND TỈNH LÀO CAI") over the issuing agency ("SỞ KHOA HỌC VÀ
 * CÔNG NGHỆ"); on the right the national name and motto; under it the place and the date written out
 * ("Lào Cai, ngày 02 tháng 12 năm 2026"). Pure text, so the rules are unit-tested.
 *
 * The province comes from the agency's configured name when it names one ("Sở Khoa học và Công nghệ tỉnh Lào
 * Cai": the document is that department's wherever the map is), otherwise from the report's scope (the
 * province filter, or the one province of the list); with none, the managing body and the place are left out.
 */
import type { Language } from "../../domain/types.ts";
import { DEFAULT_AGENCY } from "../state/preferences.ts";

/** The centrally-run cities since 1 July 2025: their people's committee is "UBND THÀNH PHỐ …". */
const CITIES = ["hà nội", "hải phòng", "huế", "đà nẵng", "hồ chí minh", "cần thơ"];

const PROVINCE_PREFIX = /^(tỉnh|thành phố|tp\.?)\s+/iu;
const AGENCY_WITH_PROVINCE = /^(.*\S)\s+(tỉnh|thành phố|tp\.)\s+(\S.*)$/iu;

const ENGLISH_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

export interface OfficialHeader {
  /** "UBND TỈNH LÀO CAI" / "PEOPLE'S COMMITTEE OF LÀO CAI PROVINCE"; null without a province. */
  managingBody: string | null;
  /** "SỞ KHOA HỌC VÀ CÔNG NGHỆ", in capitals as the decree writes it. */
  agency: string;
  /** "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM". */
  nation: string;
  /** "Độc lập - Tự do - Hạnh phúc" (underlined on the page). */
  motto: string;
  /** "Lào Cai, ngày 02 tháng 12 năm 2026"; without a province just "Ngày 02 tháng 12 năm 2026". */
  placeAndDate: string;
}

/**
 * A province's name without "Tỉnh" / "Thành phố" in front.
 * @param name - as the data writes it
 * @returns the bare name, trimmed
 */
export function bareProvinceName(name: string): string {
  return name.trim().replace(PROVINCE_PREFIX, "").trim();
}

function isCity(name: string): boolean {
  return CITIES.includes(bareProvinceName(name).normalize("NFC").toLocaleLowerCase("vi"));
}

/**
 * Splits a configured agency name into the agency and the province it names, if any.
 * @param agency - e.g. "Sở Khoa học và Công nghệ tỉnh Lào Cai"
 * @returns the agency part and the province ("Lào Cai"), or the whole name and null
 */
export function splitAgency(agency: string): { agency: string; province: string | null } {
  const match = AGENCY_WITH_PROVINCE.exec(agency.trim());
  return match ? { agency: match[1], province: match[3].trim() } : { agency: agency.trim(), province: null };
}

/**
 * The date written out as the decree asks: day and month with two digits when the day is below 10 or the
 * month below 3 (ngày 05 tháng 01, ngày 02 tháng 12, ngày 15 tháng 8).
 * @param language - vi: "ngày 02 tháng 12 năm 2026"; en: "2 December 2026"
 * @param day - YYYY-MM-DD
 * @returns the date in words, or the input when it is not a day
 */
export function officialDate(language: Language, day: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day.slice(0, 10));
  if (!match) return day;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (language === "en") return `${date} ${ENGLISH_MONTHS[month - 1]} ${year}`;
  const dayText = date < 10 ? `0${date}` : String(date);
  const monthText = month < 3 ? `0${month}` : String(month);
  return `ngày ${dayText} tháng ${monthText} năm ${year}`;
}

/**
 * The header of a report.
 * @param language - the interface language
 * @param agencyName - the configured agency (AppState.preferences, state/preferences.ts)
 * @param scopeProvince - the report's one province, when it has one
 * @param day - the day the report is made, YYYY-MM-DD (Viet Nam time)
 * @returns the lines
 */
export function officialHeader(language: Language, agencyName: string, scopeProvince: string | null, day: string): OfficialHeader {
  const split = splitAgency(agencyName);
  const province = split.province ?? (scopeProvince && scopeProvince.trim() ? bareProvinceName(scopeProvince) : null);
  const upper = (text: string) => text.normalize("NFC").toLocaleUpperCase(language === "vi" ? "vi" : "en");
  const city = province !== null && isCity(province);
  const date = officialDate(language, day);
  if (language === "en") {
    const agency = split.agency === DEFAULT_AGENCY ? "Department of Science and Technology" : split.agency;
    return {
      managingBody: province ? upper(`People's Committee of ${province} ${city ? "City" : "Province"}`) : null,
      agency: upper(agency),
      nation: "SOCIALIST REPUBLIC OF VIET NAM",
      motto: "Independence - Freedom - Happiness",
      placeAndDate: province ? `${province}, ${date}` : date,
    };
  }
  const place = province === null ? null : bareProvinceName(province).toLocaleLowerCase("vi") === "hồ chí minh" ? "Thành phố Hồ Chí Minh" : province;
  return {
    managingBody: province ? upper(`UBND ${city ? "thành phố" : "tỉnh"} ${province}`) : null,
    agency: upper(split.agency),
    nation: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    motto: "Độc lập - Tự do - Hạnh phúc",
    placeAndDate: place ? `${place}, ${date}` : date.charAt(0).toLocaleUpperCase("vi") + date.slice(1),
  };
}
