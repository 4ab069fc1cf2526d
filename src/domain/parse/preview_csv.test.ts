import { describe, expect, it } from "vitest";
import { previewCsv } from "./preview_csv.ts";

const file = "a.csv";

describe("previewCsv", () => {
  it("detects ;, decimal commas and the coordinate columns of a point list", () => {
    expect(previewCsv("lat;lon\n21,5;105,8\n", { file })).toEqual({
      encoding: "utf-8",
      delimiter: ";",
      decimalComma: true,
      columns: ["lat", "lon"],
      rows: [["21,5", "105,8"]],
      rowCount: 1,
      lonColumn: "lon",
      latColumn: "lat",
      guessedKind: "points",
    });
  });

  it("shows the first 20 rows and counts them all", () => {
    const text = `id,lat,lon\n${Array.from({ length: 25 }, (_, i) => `P${i},21.${i},105.1`).join("\n")}\n`;
    const preview = previewCsv(text, { file });
    expect(preview.rows).toHaveLength(20);
    expect(preview.rows[19][0]).toBe("P19");
    expect(preview.rowCount).toBe(25);
    expect(preview.decimalComma).toBe(false);
  });

  it("guesses a registry from carrier and deadline columns", () => {
    expect(previewCsv("mã;nhà mạng;hạn hoàn thành;vĩ độ;kinh độ\n", { file }).guessedKind).toBe("registry");
    expect(previewCsv("id,carrier,deadline\n", { file }).guessedKind).toBe("registry");
  });

  it("guesses carriers' updates from point_id and status columns", () => {
    expect(previewCsv("mã điểm,nhà mạng,trạng thái,ngày\n", { file }).guessedKind).toBe("updates");
  });

  it("guesses unknown and finds no coordinate columns in an unrelated table", () => {
    const preview = previewCsv("a,b\n1,2\n", { file });
    expect(preview.guessedKind).toBe("unknown");
    expect(preview.lonColumn).toBeUndefined();
  });

  it("uses the coordinate columns named by the caller", () => {
    const preview = previewCsv("E,N\n105,8;21,5\n", { file, delimiter: ",", lonColumn: "E", latColumn: "N" });
    expect([preview.lonColumn, preview.latColumn]).toEqual(["E", "N"]);
  });
});
