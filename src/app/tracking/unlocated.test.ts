import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Point } from "../../domain/types.ts";

// Node has no localStorage: a small one in memory, installed before the modules are loaded.
const storage = new Map<string, string>();
vi.stubGlobal("localStorage", {
  getItem: (key: string) => storage.get(key) ?? null,
  setItem: (key: string, value: string) => void storage.set(key, value),
  removeItem: (key: string) => void storage.delete(key),
});

function point(id: string, name: string, commune: string, lon: number): Point {
  return { id, name, kind: "village", lon, lat: 22.5, provinceName: "Lào Cai", communeName: commune, source: { file: "truong.csv", row: 1 }, extra: {} };
}

const POINTS = [
  point("V1", "Thôn Phìn Kha", "A Mú Sung", 103.61),
  point("V2", "Bản Sả Khâu", "A Mú Sung", 103.62),
  point("S2", "Điểm trường bản Sả Khâu", "A Mú Sung", 103.63),
];
const LIST = [
  "STT;Tên thôn/bản;Xã;Tỉnh;Doanh nghiệp thực hiện;Thời gian hoàn thành",
  "1;Thôn Phìn Kha;A Mú Sung;Lào Cai;Viettel;Quý IV/2021",
  "2;Sả Khâu;A Mú Sung;Lào Cai;VNPT;12/2021",
].join("\n");
const encode = (text: string) => new TextEncoder().encode(text);

async function load() {
  vi.resetModules();
  const { createTrackingController } = await import("./tracking_controller.ts");
  const unlocated = await import("./unlocated_store.ts");
  const { placeUnlocatedRow } = await import("../../domain/tracking/parse_registry.ts");
  const controller = createTrackingController({ today: () => "2022-01-15", now: () => "2022-01-15T03:00:00.000Z" });
  controller.store.setState({ loaded: true });
  return { controller, unlocated, placeUnlocatedRow };
}

describe("rows of a province's list left to place", () => {
  beforeEach(() => storage.clear());

  it("are kept after the import, placed on the chosen point, and placed by the remembered choice next time", async () => {
    const first = await load();
    await first.controller.importRegistry("so-list.csv", encode(LIST), POINTS);
    expect(first.controller.store.getState().registry.registry.map((item) => [item.id, item.locatedBy])).toEqual([["V1", "name"]]);
    const rows = JSON.parse(storage.get("lom-song-unlocated") ?? "{}").rows;
    expect(rows.map((row: { row: number; reason: string }) => [row.row, row.reason])).toEqual([[2, "ambiguous"]]);

    const row = rows[0];
    expect(await first.controller.placeListedPoint(first.placeUnlocatedRow(row, POINTS[1]))).toBe(true);
    first.unlocated.resolveUnlocated(row, "V2");
    expect(first.controller.store.getState().registry.registry.map((item) => [item.id, item.stt, item.locatedBy])).toEqual([
      ["V1", "1", "name"],
      ["V2", "2", "choice"],
    ]);
    // The same point cannot be listed twice.
    expect(await first.controller.placeListedPoint(first.placeUnlocatedRow(row, POINTS[1]))).toBe(false);
    expect(JSON.parse(storage.get("lom-song-unlocated") ?? "{}")).toMatchObject({
      file: "so-list.csv",
      rows: [],
      located: { byName: 1, chosen: 1, notLocated: 0 },
    });

    // A new page (modules loaded afresh): the choice is read back from the browser's storage.
    const second = await load();
    await second.controller.importRegistry("so-list.csv", encode(LIST), POINTS);
    expect(second.controller.store.getState().registry.registry.map((item) => [item.id, item.locatedBy])).toEqual([
      ["V1", "name"],
      ["V2", "choice"],
    ]);
    expect(JSON.parse(storage.get("lom-song-unlocated") ?? "{}")).toMatchObject({ rows: [], located: { byName: 1, chosen: 1, notLocated: 0 } });
  });
});
