import { describe, expect, it } from "vitest";
import { CARRIER_COLORS, STATUS_COLORS, TOGGLE, coverageToggleKey } from "../../map/layers.ts";
import { PROGRESS_STATUS_COLORS } from "../../map/tracking_layers.ts";
import type { AnalyzeResult } from "../../workers/messages.ts";
import { gapsLegend, trackingLegend } from "./map_legends.ts";

/** Just what the legend reads: the points' kinds and the coverage layers. */
function data(kinds: string[], layers: [string, string][]): AnalyzeResult {
  return {
    points: kinds.map((kind) => ({ kind })),
    analysis: { layers: layers.map(([carrier, technology]) => ({ carrier, technology })) },
  } as unknown as AnalyzeResult;
}

describe("gapsLegend", () => {
  it("lists the statuses, the kinds present and one coverage entry per carrier with its technologies", () => {
    const entries = gapsLegend(
      "vi",
      data(
        ["school", "village_centre"],
        [
          ["Viettel", "3G"],
          ["Viettel", "4G"],
          ["VNPT", "4G"],
        ],
      ),
      {},
      false,
    );
    expect(entries.map((entry) => entry.label)).toEqual([
      "Không có sóng của nhà mạng nào",
      "Chỉ có sóng của một nhà mạng",
      "Có sóng",
      "Trường học",
      "Thôn, bản",
      "Vùng phủ Viettel 3G, 4G",
      "Vùng phủ VNPT 4G",
    ]);
    expect(entries[0]).toMatchObject({ color: STATUS_COLORS.uncovered, shape: "circle" });
    expect(entries[4].shape).toBe("triangle");
    expect(entries[5]).toMatchObject({ color: CARRIER_COLORS.Viettel, shape: "fill" });
  });

  it("leaves out what is switched off, and the ring when nothing is listed", () => {
    const visibility = { [TOGGLE.covered]: false, [coverageToggleKey("Viettel", "3G")]: false, [coverageToggleKey("VNPT", "4G")]: false };
    const labels = gapsLegend(
      "en",
      data(
        ["other"],
        [
          ["Viettel", "3G"],
          ["Viettel", "4G"],
          ["VNPT", "4G"],
        ],
      ),
      visibility,
      true,
    ).map((entry) => entry.label);
    expect(labels).toEqual(["Uncovered by every carrier", "Covered by one carrier only", "Listed dead zones (ring)", "Other", "Viettel 4G coverage"]);
    expect(gapsLegend("en", data([], []), { [TOGGLE.listed]: false }, true).some((entry) => entry.shape === "ring")).toBe(false);
  });
});

describe("trackingLegend", () => {
  it("lists the statuses present once each, in the lifecycle's order", () => {
    const entries = trackingLegend("vi", ["verified", "not_started", "verified", "on_air"]);
    expect(entries.map((entry) => entry.label)).toEqual(["chưa triển khai", "đã phát sóng", "đã xác minh"]);
    expect(entries.map((entry) => entry.color)).toEqual([PROGRESS_STATUS_COLORS.not_started, PROGRESS_STATUS_COLORS.on_air, PROGRESS_STATUS_COLORS.verified]);
  });
});
