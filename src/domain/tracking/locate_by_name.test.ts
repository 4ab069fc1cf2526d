import { describe, expect, it } from "vitest";
import type { Point } from "../types.ts";
import { candidateScore, createNameLocator, type NameQuery } from "./locate_by_name.ts";
import { editDistance, keySimilarity, placeNameKey, unitNameKey } from "./place_names.ts";

function point(id: string, name: string, commune?: string, province?: string): Point {
  return {
    id,
    name,
    kind: "village",
    lon: 104 + Number(id.replace(/\D/g, "")) / 1000,
    lat: 22,
    communeName: commune,
    provinceName: province,
    source: { file: "p.csv", row: 1 },
    extra: {},
  };
}

describe("place name keys", () => {
  it("ignore tones, case, spacing, punctuation and the kind-of-place words", () => {
    const same = [
      "Thôn Nà Lốc",
      "thôn  nà lốc",
      "THÔN NÀ LỐC",
      "Bản Nà Lốc",
      "na loc",
      "Điểm trường thôn Nà Lốc",
      "Xóm Nà-Lốc",
      "Làng Nà Lốc",
      "Trường Nà Lốc",
      "khu Nà Lốc",
      "ban na loc",
    ];
    for (const name of same) expect(placeNameKey(name)).toBe("na loc");
    // A tone tells "Tổ" (a kind of place) from "Tô" (a name).
    expect(placeNameKey("Tổ 5")).toBe("5");
    expect(placeNameKey("Tô Hiệu")).toBe("to hieu");
    // A name that is only such a word keeps it.
    expect(placeNameKey("Bản")).toBe("ban");
    expect(unitNameKey("Xã A Mú Sung")).toBe("a mu sung");
    expect(unitNameKey("Thị trấn Bắc Hà")).toBe("bac ha");
    expect(unitNameKey("Xã Xá Lượng")).toBe("xa luong");
    expect(unitNameKey("xa luong")).toBe("xa luong");
    expect(unitNameKey("Tỉnh Lào Cai")).toBe("lao cai");
  });

  it("measure similarity by edit distance", () => {
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("na loc", "na loc")).toBe(0);
    expect(editDistance("abc", "abcdef", 2)).toBe(3);
    expect(keySimilarity("na loc", "na lo")).toBeCloseTo(1 - 1 / 6);
    expect(keySimilarity("", "")).toBe(1);
  });
});

describe("createNameLocator", () => {
  const points = [
    point("P1", "Thôn Nà Lốc", "Bản Lầu", "Lào Cai"),
    point("P2", "Bản Mới", "Bản Lầu", "Lào Cai"),
    point("P3", "Bản Mới", "Bản Lầu", "Lào Cai"),
    point("P4", "Bản Mới", "Mường Khương", "Lào Cai"),
    point("P5", "Thôn Nà Lốc", "Hữu Lũng", "Lạng Sơn"),
    point("P6", "Điểm trường Séo Pả", "Si Ma Cai", "Lào Cai"),
  ];
  const locator = createNameLocator(points);

  it("links a row to the one point of that name in that commune", () => {
    expect(locator.locate({ name: "Nà Lốc", communes: ["Xã Bản Lầu"], provinces: ["Lào Cai"] })).toMatchObject({ kind: "matched", point: { id: "P1" } });
    expect(locator.locate({ name: "ban moi", communes: ["Mường Khương"], provinces: [] })).toMatchObject({ kind: "matched", point: { id: "P4" } });
    expect(locator.locate({ name: "Séo Pả", communes: ["Si Ma Cai"], provinces: ["Lào Cai"] })).toMatchObject({ kind: "matched", point: { id: "P6" } });
  });

  it("leaves two points of the same name in one commune to a person, both offered first", () => {
    const match = locator.locate({ name: "Bản Mới", communes: ["Bản Lầu"], provinces: ["Lào Cai"] });
    expect(match.kind).toBe("ambiguous");
    if (match.kind === "matched") return;
    expect(match.candidates.map((candidate) => [candidate.pointId, candidate.score])).toEqual([
      ["P2", 1],
      ["P3", 1],
      ["P4", 0.8],
    ]);
  });

  it("finds nothing for a name in the wrong commune or province, and offers the most alike points of the province", () => {
    const match = locator.locate({ name: "Nà Lốc", communes: ["Mường Khương"], provinces: ["Lạng Sơn"] });
    expect(match.kind).toBe("none");
    if (match.kind === "matched") return;
    expect(match.candidates.map((candidate) => candidate.pointId)).toEqual(["P5"]);
    const typo = locator.locate({ name: "Na Loc 2", communes: ["Bản Lầu"], provinces: ["Lào Cai"] });
    expect(typo.kind === "none" && typo.candidates[0]).toMatchObject({ pointId: "P1", commune: "Bản Lầu", name: "Thôn Nà Lốc" });
  });

  it("does not match a point without a commune to a row that names one", () => {
    const bare = createNameLocator([point("Q1", "Bản Phố")]);
    expect(bare.locate({ name: "Bản Phố", communes: ["Bắc Hà"], provinces: [] }).kind).toBe("none");
    expect(bare.locate({ name: "Bản Phố", communes: [], provinces: [] }).kind).toBe("matched");
  });

  it("agrees with a brute-force search on random names", () => {
    // A seeded generator: the same names every run.
    let seed = 20261201;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
    const syllables = ["Nà", "Lốc", "Pả", "Séo", "Mới", "Cốc", "Phìn", "Hồ", "Tả", "Chải", "Na", "Loc", "Sín", "Chéo"];
    const prefixes = ["", "Thôn ", "Bản ", "thôn ", "Xóm ", "Điểm trường ", "Trường "];
    const communes = ["Bản Lầu", "Mường Khương", "Si Ma Cai", "Hữu Lũng", "Bắc Hà"];
    const provinces = ["Lào Cai", "Lạng Sơn"];
    const name = () => `${pick(syllables)} ${pick(syllables)}`;
    const variant = (text: string) => {
      const spaced = random() < 0.3 ? text.replace(" ", "  ") : text;
      const cased = random() < 0.3 ? spaced.toUpperCase() : spaced;
      const toneless = random() < 0.3 ? cased.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D") : cased;
      return pick(prefixes) + toneless;
    };
    const seen = { matched: 0, ambiguous: 0, none: 0 };
    for (let round = 0; round < 20; round++) {
      const list: Point[] = [];
      for (let i = 0; i < 150; i++)
        list.push(
          point(
            `R${round}-${String(i).padStart(3, "0")}`,
            variant(name()),
            random() < 0.05 ? undefined : pick(communes),
            random() < 0.1 ? undefined : pick(provinces),
          ),
        );
      const located = createNameLocator(list);
      for (let q = 0; q < 40; q++) {
        const query: NameQuery = {
          name: variant(name()),
          communes: random() < 0.15 ? [] : [pick(communes)],
          provinces: random() < 0.3 ? [] : [pick(provinces)],
        };
        const nameKey = placeNameKey(query.name);
        const communeKeys = query.communes.map(unitNameKey);
        const provinceKeys = query.provinces.map(unitNameKey);
        // Brute force, straight from the rule: same name, same commune when the row names one, same province when both name one.
        const exact = list.filter((candidate) => {
          if (placeNameKey(candidate.name) !== nameKey) return false;
          if (communeKeys.length > 0 && !communeKeys.includes(unitNameKey(candidate.communeName ?? ""))) return false;
          if (provinceKeys.length > 0 && candidate.provinceName && !provinceKeys.includes(unitNameKey(candidate.provinceName))) return false;
          return true;
        });
        const match = located.locate(query);
        seen[match.kind]++;
        if (exact.length === 1) {
          expect(match).toMatchObject({ kind: "matched", point: { id: exact[0].id } });
          continue;
        }
        expect(match.kind).toBe(exact.length > 1 ? "ambiguous" : "none");
        if (match.kind === "matched") continue;
        const inProvince = list.filter((candidate) => candidate.provinceName && provinceKeys.includes(unitNameKey(candidate.provinceName)));
        const pool = inProvince.length > 0 ? inProvince : list;
        const keys = (candidate: Point) => ({
          name: placeNameKey(candidate.name),
          commune: unitNameKey(candidate.communeName ?? ""),
          province: unitNameKey(candidate.provinceName ?? ""),
        });
        const scored = (candidates: readonly Point[]) =>
          candidates
            .map((candidate) => ({ id: candidate.id, score: candidateScore(keys(candidate), nameKey, communeKeys, provinceKeys) }))
            .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
        const expected = [...scored(exact), ...scored(pool.filter((candidate) => !exact.includes(candidate)))].slice(0, Math.max(3, exact.length));
        expect(match.candidates.map((candidate) => [candidate.pointId, candidate.score])).toEqual(expected.map((entry) => [entry.id, entry.score]));
        for (const found of exact) expect(match.candidates.map((candidate) => candidate.pointId)).toContain(found.id);
      }
    }
    // The random lists exercise all three outcomes.
    expect(seen.matched).toBeGreaterThan(20);
    expect(seen.ambiguous).toBeGreaterThan(5);
    expect(seen.none).toBeGreaterThan(20);
  });
});
