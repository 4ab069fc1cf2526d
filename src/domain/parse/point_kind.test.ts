import { describe, expect, it } from "vitest";
import { parsePointKind } from "./point_kind.ts";

describe("parsePointKind", () => {
  it("maps school words", () => {
    for (const text of ["school", "Trường", "truong hoc", "TRƯỜNG HỌC"]) expect(parsePointKind(text), text).toBe("school");
  });

  it("maps school-site words", () => {
    for (const text of ["school_site", "Điểm trường", "điểm lẻ", "diem le"]) expect(parsePointKind(text), text).toBe("school_site");
  });

  it("maps village words", () => {
    for (const text of ["village", "thôn", "Bản", "xóm", "ấp", "khu dân cư", "làng"]) expect(parsePointKind(text), text).toBe("village");
  });

  it("maps village-centre words", () => {
    for (const text of ["village_centre", "Trung tâm thôn"]) expect(parsePointKind(text), text).toBe("village_centre");
  });

  it("returns undefined for an unknown value", () => {
    expect(parsePointKind("bệnh viện")).toBeUndefined();
  });
});
