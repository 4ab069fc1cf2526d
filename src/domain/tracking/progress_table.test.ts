import { describe, expect, it } from "vitest";
import { buildTrackingExportRows, buildProgressTable, progressTableToCsv } from "./progress_table.ts";
import { replay } from "./replay.ts";
import { makeListedPoint, viettelEvent } from "../../testing/listed_points.ts";

const registry = [
  makeListedPoint("A", { name: "=Bản A", deadline: "2026-03-01", province: "Lào Cai" }),
  makeListedPoint("B", { deadline: "2026-04-11" }),
  makeListedPoint("C", { deadline: "2026-02-01" }),
];
const events = [viettelEvent("C", "on_air", "2026-01-20", { technology: "4G", evidence: { downloadMbps: 20, text: "speedtest" } })];

describe("buildProgressTable", () => {
  const { states } = replay(registry, events);
  const table = buildProgressTable(registry, states, { today: "2026-04-01" });
  const column = (row: number, name: string) => table.rows[row][table.columns.indexOf(name)];

  it("gives days overdue for a late open point and days left for an open one", () => {
    expect(column(0, "days_overdue")).toBe(31);
    expect(column(0, "days_left")).toBe("");
    expect(column(1, "days_overdue")).toBe("");
    expect(column(1, "days_left")).toBe(10);
  });

  it("shows the status code, its Vietnamese label, since, technology and evidence", () => {
    expect([column(2, "status"), column(2, "status_label"), column(2, "since"), column(2, "technology"), column(2, "last_actor")]).toEqual([
      "on_air",
      "đã phát sóng",
      "2026-01-20",
      "4G",
      "Viettel",
    ]);
    expect(column(2, "evidence")).toBe("speedtest; ↓20 Mbps");
    expect(column(2, "days_overdue")).toBe("");
    expect(column(0, "status_label")).toBe("chưa triển khai");
  });

  it("names the photos attached to the last change in the evidence column", () => {
    const photos = [
      { hash: "a".repeat(64), name: "tram.jpg", size: 10, type: "image/jpeg" as const },
      { hash: "b".repeat(64), name: "do-kiem.png", size: 20, type: "image/png" as const },
    ];
    const withPhotos = [viettelEvent("B", "on_air", "2026-01-21", { evidence: { text: "đo", photos } })];
    const photoTable = buildProgressTable(registry, replay(registry, withPhotos).states, { today: "2026-04-01" });
    expect(photoTable.rows[1][photoTable.columns.indexOf("evidence")]).toBe("đo; tram.jpg, do-kiem.png");
  });

  it("writes a formula-safe CSV with a BOM", () => {
    const csv = progressTableToCsv(registry, states, { today: "2026-04-01", language: "en" });
    expect(csv.startsWith("\uFEFFid,name,kind,lon,lat,carrier")).toBe(true);
    expect(csv).toContain("'=Bản A");
    expect(csv).toContain("not started");
  });

  it("makes export rows that carry the status for GeoJSON and KML", () => {
    const rows = buildTrackingExportRows(registry, states, { today: "2026-04-01" });
    expect(rows[0].point).toMatchObject({ id: "A", provinceName: "Lào Cai" });
    expect(rows[2].computed).toMatchObject({ carrier: "Viettel", status: "on_air", technology: "4G" });
  });
});
