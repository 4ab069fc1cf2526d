import { describe, expect, it } from "vitest";
import { foldForSearch, foldKey } from "./fold_for_search.ts";

describe("foldForSearch", () => {
  it("lower-cases and removes Vietnamese tones", () => {
    expect(foldForSearch("Lào Cai")).toBe("lao cai");
    expect(foldForSearch("Trường PTDTBT TH Bản Xèo")).toBe("truong ptdtbt th ban xeo");
  });

  it("folds đ and Đ to d", () => {
    expect(foldForSearch("Đồng")).toBe("dong");
    expect(foldForSearch("đường")).toBe("duong");
  });

  it("gives the same key for precomposed and decomposed input", () => {
    expect(foldForSearch("Vĩ độ".normalize("NFD"))).toBe(foldForSearch("Vĩ độ"));
  });

  it("collapses and trims whitespace", () => {
    expect(foldForSearch("  Kinh   độ ")).toBe("kinh do");
  });
});

describe("foldKey", () => {
  it("treats underscores, hyphens and dots as spaces", () => {
    expect(foldKey("Mã_điểm")).toBe("ma diem");
    expect(foldKey("point-id")).toBe("point id");
  });
});
