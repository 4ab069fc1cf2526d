import { describe, expect, it } from "vitest";
import type { Point } from "../types.ts";
import { canonicalCarrier } from "./carriers.ts";
import { parseCommuneCrosswalk, type CommuneCrosswalk } from "./commune_crosswalk.ts";
import { parseRegistryCsv, placeUnlocatedRow, registryRowKey } from "./parse_registry.ts";

function point(id: string, name: string, commune: string, lon: number): Point {
  return {
    id,
    name,
    kind: "village",
    lon,
    lat: 22.5,
    provinceName: "Lào Cai",
    provinceCode: "15",
    communeName: commune,
    source: { file: "truong.csv", row: 1 },
    extra: {},
  };
}

const POINTS = [
  point("V1", "Thôn Phìn Kha", "A Mú Sung", 103.61),
  point("V2", "Bản Sả Khâu", "A Mú Sung", 103.62),
  point("S2", "Điểm trường bản Sả Khâu", "A Mú Sung", 103.63),
  point("V3", "Bản Nậm Mạ", "Cao Sơn", 103.64),
];

function crosswalk(): CommuneCrosswalk {
  const parsed = parseCommuneCrosswalk({
    format: "lom-song-communes-2025",
    provinces: [
      [
        "15",
        "Lào Cai",
        ["Yên Bái", "Lào Cai"],
        [
          ["02686", "Xã A Mú Sung", "Xã Nậm Chạc|Xã A Mú Sung"],
          ["02782", "Xã Cao Sơn", "Xã Tả Thàng|Xã Cao Sơn"],
        ],
      ],
    ],
  });
  if (!parsed.ok) throw new Error(parsed.error.en);
  return parsed.value;
}

const LIST = [
  "STT;Tên thôn/bản;Xã;Huyện;Tỉnh;Doanh nghiệp thực hiện;Thời gian hoàn thành",
  "1;Thôn Phìn Kha;A Mú Sung;Bát Xát;Lào Cai;Tập đoàn Viettel;Quý IV/2021",
  "2;Bản Nậm Mạ;Tả Thàng;Mường Khương;Lào Cai;VNPT Lạng Sơn;12/2021",
  "3;Sả Khâu;Nậm Chạc;Bát Xát;Lào Cai;Mobifone;Năm 2022",
  "4;Thôn Séo Phìn;A Mú Sung;Bát Xát;Lào Cai;Viettel;2022",
  "5;Thôn Phìn Kha;A Mú Sung;Bát Xát;Lào Cai;Viettel;Quý I/2022",
].join("\n");

describe("a province's own list (no coordinates, no ids)", () => {
  it("links rows to the one point of that name in that commune, and keeps the others for a person, counts reconciled", () => {
    const { items, report, unlocated } = parseRegistryCsv(LIST, { file: "so-list.csv", points: POINTS, communes: crosswalk() });
    expect(
      items.map((item) => [item.id, item.stt, item.pointId, item.locatedBy, item.carrier, item.deadline, item.commune, item.communeCode, item.lon]),
    ).toEqual([
      ["V1", "1", "V1", "name", "Viettel", "2021-12-31", "A Mú Sung", "02686", 103.61],
      ["V3", "2", "V3", "name", "VNPT", "2021-12-31", "Cao Sơn", "02782", 103.64],
    ]);
    expect(items[1].extra).toEqual({ commune_listed: "Tả Thàng" });
    expect(items[1].district).toBe("Mường Khương");
    expect(report).toMatchObject({ read: 5, accepted: 2, rejected: 3 });
    expect(report.read).toBe(report.accepted + report.rejected);
    expect(report.located).toEqual({ coordinates: 0, pointId: 0, byName: 2, chosen: 0, notLocated: 2 });
    // Row 3: the village and the school site of Sả Khâu first (same score, by id), then the most alike other point.
    expect(unlocated.map((row) => [row.row, row.reason, row.candidates.map((candidate) => candidate.pointId)])).toEqual([
      [3, "ambiguous", ["S2", "V2", "V1"]],
      [4, "none", expect.arrayContaining(["V1", "V2", "S2"])],
    ]);
    expect(unlocated[1].candidates.every((candidate) => candidate.commune === "A Mú Sung" && candidate.score > 0.2 && candidate.score < 0.9)).toBe(true);
    // The same point twice in a list without ids is one listed point.
    expect(report.issues.find((issue) => issue.row === 5 && issue.severity === "error")).toMatchObject({
      code: "id_duplicate",
      message: { en: "the same point V1 as row 1" },
    });
    // Row 5 was found by name, then refused as the same point as row 1.
    expect(report.issues.filter((issue) => issue.code === "located_by_name").map((issue) => issue.row)).toEqual([1, 2, 5]);
  });

  it("places a row on the point a person chose, and remembers the choice on the next import", () => {
    const first = parseRegistryCsv(LIST, { file: "so-list.csv", points: POINTS, communes: crosswalk() });
    const row = first.unlocated[0];
    const placed = placeUnlocatedRow(row, POINTS[1]);
    expect(placed).toMatchObject({
      id: "V2",
      stt: "3",
      pointId: "V2",
      lon: 103.62,
      carrier: "MobiFone",
      deadline: "2022-12-31",
      locatedBy: "choice",
      commune: "A Mú Sung",
    });
    expect(row.key).toBe(registryRowKey({ name: "Sả Khâu", commune: "Nậm Chạc", province: "Lào Cai" }));
    const again = parseRegistryCsv(LIST, { file: "so-list.csv", points: POINTS, communes: crosswalk(), choices: { [row.key]: "V2" } });
    expect(again.items.find((item) => item.stt === "3")).toMatchObject({ id: "V2", locatedBy: "choice", lon: 103.62 });
    expect(again.report.located).toEqual({ coordinates: 0, pointId: 0, byName: 2, chosen: 1, notLocated: 1 });
    expect(again.unlocated.map((entry) => entry.row)).toEqual([4]);
  });

  it("asks for the point list when a row has neither coordinates nor a point id", () => {
    const { report, unlocated } = parseRegistryCsv(LIST, { file: "so-list.csv" });
    expect(report).toMatchObject({ read: 5, accepted: 0, rejected: 5 });
    expect(new Set(report.issues.filter((issue) => issue.severity === "error").map((issue) => issue.code))).toEqual(new Set(["points_needed"]));
    expect(unlocated).toEqual([]);
  });

  it("skips the title lines above the table and counts rows from its header", () => {
    const titled = ["DANH SÁCH ĐIỂM LÕM SÓNG;;;;;;", "(Kèm theo Kế hoạch số 123/KH-UBND);;;;;;", ";;;;;;", LIST].join("\n");
    const plain = parseRegistryCsv(LIST, { file: "so-list.csv", points: POINTS, communes: crosswalk() });
    const { items, report, unlocated } = parseRegistryCsv(titled, { file: "so-list.csv", points: POINTS, communes: crosswalk() });
    expect(items).toEqual(plain.items);
    expect(unlocated).toEqual(plain.unlocated);
    expect(report.issues[0]).toMatchObject({
      code: "title_rows_skipped",
      severity: "warning",
      message: {
        en: 'the table starts on line 4 of the file; the lines above it were skipped: "DANH SÁCH ĐIỂM LÕM SÓNG / (Kèm theo Kế hoạch số 123/KH-UBND)"; report rows count from this header',
      },
    });
    expect(report.issues.slice(1)).toEqual(plain.report.issues);
  });

  it("accepts the header variants provinces write", () => {
    const variants = [
      "Thôn, bản;Xã;Nhà mạng;Thời hạn",
      "Thôn / Bản;XÃ;Đơn vị thực hiện;Hạn hoàn thành",
      "Tên điểm;xa;Doanh nghiệp;thoi gian hoan thanh",
      "Thôn/bản;Xã;Doanh  nghiệp  thực hiện;Thời gian hoàn thành",
    ];
    for (const header of variants) {
      const { items, report } = parseRegistryCsv(`${header}\nPhìn Kha;A Mú Sung;Viettel;Quý IV/2021\n`, { file: "v.csv", points: POINTS });
      expect([header, items.map((item) => [item.id, item.carrier, item.deadline])]).toEqual([header, [["V1", "Viettel", "2021-12-31"]]]);
      expect(report.detected?.columns?.length).toBe(4);
    }
  });
});

describe("canonicalCarrier on the names provinces write", () => {
  it.each([
    ["Tập đoàn Viettel", "Viettel"],
    ["Viettel Lào Cai", "Viettel"],
    ["Tập đoàn Công nghiệp - Viễn thông Quân đội", "Viettel"],
    ["VNPT Lạng Sơn", "VNPT"],
    ["VNPT-Vinaphone", "VNPT"],
    ["Vinaphone", "VNPT"],
    ["Viễn thông Lào Cai", "VNPT"],
    ["Mobifone", "MobiFone"],
    ["MobiFone", "MobiFone"],
    ["Tổng công ty Viễn thông MobiFone", "MobiFone"],
    ["Vietnamobile", "Vietnamobile"],
    ["Viettel, VNPT", "Viettel, VNPT"],
  ])("%s → %s", (written, carrier) => {
    expect(canonicalCarrier(written)).toBe(carrier);
  });
});
