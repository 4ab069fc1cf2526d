import { describe, expect, it } from "vitest";
import { formatNearestLine } from "./nearest_text.ts";

describe("formatNearestLine", () => {
  it("lists up to three carriers, nearest first, with a decimal comma in Vietnamese and a dot in English", () => {
    const distances = [
      { carrier: "Viettel", km: 2.56 },
      { carrier: "VNPT", km: 4.1 },
      { carrier: "MobiFone", km: 12 },
      { carrier: "Vietnamobile", km: 40 },
    ];
    expect(formatNearestLine("vi", distances)).toBe("Viettel 2,6 km · VNPT 4,1 km · MobiFone 12 km");
    expect(formatNearestLine("en", distances.slice(0, 2))).toBe("Viettel 2.6 km · VNPT 4.1 km");
    expect(formatNearestLine("vi", [{ carrier: "VNPT", km: 1234.5 }])).toBe("VNPT 1.234,5 km");
  });

  it("says when no carrier is within reach, and when the distances are unavailable", () => {
    expect(formatNearestLine("vi", [])).toBe("không có trong vòng 100 km");
    expect(formatNearestLine("en", [])).toBe("none within 100 km");
    expect(formatNearestLine("vi", null)).toBe("không tính được");
    expect(formatNearestLine("en", null)).toBe("unavailable");
  });
});
