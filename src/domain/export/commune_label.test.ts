import { describe, expect, it } from "vitest";
import { communeLabel, communeLabeller, repeatedCommuneNames } from "./commune_label.ts";

describe("commune labels", () => {
  const catalogue = {
    provinces: [
      { code: "15", name: "Lào Cai" },
      { code: "20", name: "Lạng Sơn" },
    ],
    communes: [
      { code: "04714", name: "Yên Bình", provinceCode: "15" },
      { code: "06391", name: "Yên Bình", provinceCode: "20" },
      { code: "02647", name: "Lào Cai", provinceCode: "15" },
      { code: "X", name: "yen binh" },
    ],
  };

  it("find the names that repeat, case and diacritics aside", () => {
    expect([...repeatedCommuneNames(catalogue.communes)]).toEqual(["yen binh"]);
    expect(repeatedCommuneNames([{ name: "A" }, { name: "B" }]).size).toBe(0);
  });

  it("add the province to a repeated name only", () => {
    const label = communeLabeller(catalogue);
    expect(catalogue.communes.map(label)).toEqual(["Yên Bình (Lào Cai)", "Yên Bình (Lạng Sơn)", "Lào Cai", "yen binh"]);
    // A province the catalogue does not know leaves the name plain rather than guessing.
    expect(label({ name: "Yên Bình", provinceCode: "99" })).toBe("Yên Bình");
    expect(communeLabel("Yên Bình", "Tuyên Quang", repeatedCommuneNames(catalogue.communes))).toBe("Yên Bình (Tuyên Quang)");
  });
});
