import { describe, expect, it } from "vitest";
import { bareProvinceName, officialDate, officialHeader, splitAgency } from "./official_header.ts";

describe("officialDate", () => {
  it("pads the day below 10 and the month below 3, as Nghị định 30/2020 asks", () => {
    expect(officialDate("vi", "2026-12-02")).toBe("ngày 02 tháng 12 năm 2026");
    expect(officialDate("vi", "2026-01-05")).toBe("ngày 05 tháng 01 năm 2026");
    expect(officialDate("vi", "2026-02-28")).toBe("ngày 28 tháng 02 năm 2026");
    expect(officialDate("vi", "2026-08-15")).toBe("ngày 15 tháng 8 năm 2026");
    expect(officialDate("vi", "2026-03-09")).toBe("ngày 09 tháng 3 năm 2026");
  });
  it("writes English dates day first with the month's name", () => {
    expect(officialDate("en", "2026-12-02")).toBe("2 December 2026");
    expect(officialDate("en", "2026-01-31")).toBe("31 January 2026");
  });
  it("leaves a text that is not a day as it is", () => {
    expect(officialDate("vi", "hôm nay")).toBe("hôm nay");
  });
});

describe("splitAgency", () => {
  it("finds the province in a configured name", () => {
    expect(splitAgency("Sở Khoa học và Công nghệ tỉnh Lào Cai")).toEqual({ agency: "Sở Khoa học và Công nghệ", province: "Lào Cai" });
    expect(splitAgency(" Sở Khoa học và Công nghệ thành phố Hà Nội ")).toEqual({ agency: "Sở Khoa học và Công nghệ", province: "Hà Nội" });
  });
  it("keeps a name without a province whole", () => {
    expect(splitAgency("Sở Khoa học và Công nghệ")).toEqual({ agency: "Sở Khoa học và Công nghệ", province: null });
  });
});

describe("officialHeader", () => {
  it("puts the province's people's committee over the agency, and the place before the date", () => {
    const header = officialHeader("vi", "Sở Khoa học và Công nghệ", "Lào Cai", "2026-12-02");
    expect(header.managingBody).toBe("UBND TỈNH LÀO CAI");
    expect(header.agency).toBe("SỞ KHOA HỌC VÀ CÔNG NGHỆ");
    expect(header.nation).toBe("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(header.motto).toBe("Độc lập - Tự do - Hạnh phúc");
    expect(header.placeAndDate).toBe("Lào Cai, ngày 02 tháng 12 năm 2026");
  });
  it("prefers the province the agency's name gives over the report's scope", () => {
    const header = officialHeader("vi", "Sở Khoa học và Công nghệ tỉnh Lào Cai", "Điện Biên", "2026-12-02");
    expect(header.managingBody).toBe("UBND TỈNH LÀO CAI");
    expect(header.agency).toBe("SỞ KHOA HỌC VÀ CÔNG NGHỆ");
  });
  it("writes a centrally-run city as a city", () => {
    expect(officialHeader("vi", "Sở Khoa học và Công nghệ", "Thành phố Hồ Chí Minh", "2026-04-30")).toMatchObject({
      managingBody: "UBND THÀNH PHỐ HỒ CHÍ MINH",
      placeAndDate: "Thành phố Hồ Chí Minh, ngày 30 tháng 4 năm 2026",
    });
    expect(officialHeader("vi", "Sở Khoa học và Công nghệ", "Huế", "2026-04-30").managingBody).toBe("UBND THÀNH PHỐ HUẾ");
  });
  it("leaves out the managing body and the place without a province", () => {
    const header = officialHeader("vi", "Sở Khoa học và Công nghệ", null, "2026-12-02");
    expect(header.managingBody).toBeNull();
    expect(header.placeAndDate).toBe("Ngày 02 tháng 12 năm 2026");
  });
  it("speaks English, translating the default agency and keeping a typed one", () => {
    expect(officialHeader("en", "Sở Khoa học và Công nghệ", "Lào Cai", "2026-12-02")).toEqual({
      managingBody: "PEOPLE'S COMMITTEE OF LÀO CAI PROVINCE",
      agency: "DEPARTMENT OF SCIENCE AND TECHNOLOGY",
      nation: "SOCIALIST REPUBLIC OF VIET NAM",
      motto: "Independence - Freedom - Happiness",
      placeAndDate: "Lào Cai, 2 December 2026",
    });
    expect(officialHeader("en", "Sở KH&CN Lai Châu", null, "2026-12-02").agency).toBe("SỞ KH&CN LAI CHÂU");
  });
  it("strips the level from a province's name", () => {
    expect(bareProvinceName("Tỉnh Lào Cai")).toBe("Lào Cai");
    expect(bareProvinceName("TP. Cần Thơ")).toBe("Cần Thơ");
  });
});
