import { describe, expect, it } from "vitest";
import { PROGRESS_STATUSES, STATUS_LABELS, isCoveredStatus, parseStatus } from "./status.ts";
import { canonicalCarrier, isSameCarrier } from "./carriers.ts";

describe("parseStatus", () => {
  it("reads every code and every Vietnamese and English label", () => {
    for (const status of PROGRESS_STATUSES) {
      expect(parseStatus(status)).toBe(status);
      expect(parseStatus(STATUS_LABELS[status].vi)).toBe(status);
      expect(parseStatus(STATUS_LABELS[status].en)).toBe(status);
    }
  });

  it("ignores accents, case and spacing in Vietnamese labels", () => {
    expect(parseStatus("da phat song")).toBe("on_air");
    expect(parseStatus("  ĐANG XÂY DỰNG ")).toBe("under_construction");
    expect(parseStatus("Đã nghiệm thu")).toBe("verified");
    expect(parseStatus("Tranh chấp")).toBe("disputed");
    expect(parseStatus("khong kha thi")).toBe("infeasible");
  });

  it("returns null for unknown text", () => {
    expect(parseStatus("")).toBeNull();
    expect(parseStatus("sắp xong")).toBeNull();
  });

  it("counts on_air and verified as covered, nothing else", () => {
    expect(PROGRESS_STATUSES.filter(isCoveredStatus)).toEqual(["on_air", "verified"]);
  });
});

describe("canonicalCarrier", () => {
  it("writes the known carriers one way and keeps others as typed", () => {
    expect(canonicalCarrier(" viettel ")).toBe("Viettel");
    expect(canonicalCarrier("Vinaphone")).toBe("VNPT");
    expect(canonicalCarrier("MOBIFONE")).toBe("MobiFone");
    expect(canonicalCarrier("G-Mobile")).toBe("Gmobile");
    expect(canonicalCarrier("Nhà mạng  Mới")).toBe("Nhà mạng Mới");
    expect(isSameCarrier("vnpt", "VinaPhone")).toBe(true);
    expect(isSameCarrier("Viettel", "VNPT")).toBe(false);
  });
});
