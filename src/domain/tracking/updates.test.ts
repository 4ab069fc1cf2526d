import { describe, expect, it } from "vitest";
import { createStatusEvent, type StatusEvent } from "./events.ts";
import { makeListedPoint, viettelEvent } from "../../testing/listed_points.ts";
import { parseUpdatesCsv, parseUpdatesJson, writeUpdatesCsv, writeUpdatesJson, type UpdatesImportOptions } from "./updates.ts";
import { replay } from "./replay.ts";
import { resolveConflict } from "./conflicts.ts";

const registry = [makeListedPoint("A", { carrier: "Viettel" }), makeListedPoint("B", { carrier: "Viettel" }), makeListedPoint("C", { carrier: "VNPT" })];

function options(events: StatusEvent[] = [], extra: Partial<UpdatesImportOptions> = {}): UpdatesImportOptions {
  return { file: "viettel.csv", registry, events, today: "2026-03-31", listPublishedOn: "2026-01-01", ...extra };
}

const GOOD = [
  "point_id,carrier,status,date,technology,evidence,note",
  "A,Viettel,planned,2026-01-10,,,",
  "A,Viettel,on_air,2026-02-01,4G,speedtest 35 Mbps,",
  "B,viettel,Đang xây dựng,15/02/2026,,,",
].join("\n");

describe("parseUpdatesCsv", () => {
  it("accepts valid rows in order, with Vietnamese labels, day-first dates and canonical carriers", () => {
    const result = parseUpdatesCsv(GOOD, options());
    expect(result.report).toMatchObject({ read: 3, accepted: 3, rejected: 0 });
    expect(result.events.map((event) => [event.pointId, event.status, event.date])).toEqual([
      ["A", "planned", "2026-01-10"],
      ["A", "on_air", "2026-02-01"],
      ["B", "under_construction", "2026-02-15"],
    ]);
    expect(result.events[1]).toMatchObject({
      technology: "4G",
      evidence: { text: "speedtest 35 Mbps" },
      actor: { role: "carrier", carrier: "Viettel" },
      source: { file: "viettel.csv", row: 2 },
    });
    expect(result.events[2].actor).toEqual({ role: "carrier", carrier: "Viettel" });
  });

  it("reads Vietnamese headers and a semicolon delimiter", () => {
    const csv = "Mã điểm;Nhà mạng;Trạng thái;Ngày;Công nghệ;Minh chứng;Ghi chú\nA;Viettel;đã phát sóng;2026-02-01;4G;ảnh trạm;xong\n";
    const result = parseUpdatesCsv(csv, options());
    expect(result.report.accepted).toBe(1);
    expect(result.events[0]).toMatchObject({ status: "on_air", technology: "4G", note: "xong", evidence: { text: "ảnh trạm" } });
  });

  it("changes nothing when the same file is imported twice", () => {
    const first = parseUpdatesCsv(GOOD, options());
    const second = parseUpdatesCsv(GOOD, options(first.events));
    expect(second.events).toEqual([]);
    expect(second.conflicts).toEqual([]);
    expect(second.duplicates).toBe(3);
    expect(second.report).toMatchObject({ read: 3, accepted: 3, rejected: 0, warnings: 3 });
    expect(second.report.issues.every((issue) => issue.code === "already_recorded")).toBe(true);
  });

  it("rejects each bad row with its reason in both languages, and keeps the good ones", () => {
    const csv = [
      "point_id,carrier,status,date,technology,evidence,note",
      "Z,Viettel,planned,2026-01-10,,,", // 1 unknown point
      "C,Viettel,planned,2026-01-10,,,", // 2 another carrier's point
      "A,Viettel,verified,2026-01-10,,,", // 3 nobody verifies a point never claimed
      "A,Viettel,planned,2026-05-01,,,", // 4 in the future
      "A,Viettel,planned,2025-12-31,,,", // 5 before the list
      "A,Viettel,sắp xong,2026-01-10,,,", // 6 unknown status
      "A,Viettel,planned,31/02/2026,,,", // 7 impossible date
      "A,Viettel,on_air,2026-01-10,6G,,", // 8 bad technology
      ",Viettel,planned,2026-01-10,,,", // 9 no point id
      "A,Viettel,infeasible,2026-01-10,,,", // 10 no reason
      "A,,planned,2026-01-10,,,", // 11 no carrier
      "A,Viettel,planned,2026-01-10,,,", // 12 good
      "A,Viettel,not_started,2026-01-11,,,", // 13 backwards
    ].join("\n");
    const result = parseUpdatesCsv(csv, options());
    const codes = result.report.issues.map((issue) => [issue.row, issue.code]);
    expect(codes).toEqual([
      [1, "unknown_point"],
      [2, "wrong_carrier"],
      [3, "transition_not_allowed"],
      [4, "date_in_future"],
      [5, "date_before_list"],
      [6, "status_unknown"],
      [7, "date_invalid"],
      [8, "technology_invalid"],
      [9, "point_id_missing"],
      [10, "reason_required"],
      [11, "carrier_missing"],
      [13, "transition_not_allowed"],
    ]);
    expect(result.report).toMatchObject({ read: 13, accepted: 1, rejected: 12 });
    expect(result.events.map((event) => event.status)).toEqual(["planned"]);
    for (const issue of result.report.issues) {
      expect(issue.message.vi.length).toBeGreaterThan(0);
      expect(issue.message.en.length).toBeGreaterThan(0);
    }
  });

  it("judges each transition on the state left by the earlier valid rows", () => {
    const csv = "point_id,carrier,status,date\nA,Viettel,on_air,2026-02-01\nA,Viettel,under_construction,2026-02-02\n";
    const result = parseUpdatesCsv(csv, options());
    expect(result.events.map((event) => event.status)).toEqual(["on_air"]);
    expect(result.report.issues.map((issue) => issue.code)).toEqual(["transition_not_allowed"]);
  });

  it("sets aside a different claim for the same point and day as a conflict, not an overwrite", () => {
    const first = parseUpdatesCsv("point_id,carrier,status,date\nA,Viettel,planned,2026-02-01\n", options());
    const second = parseUpdatesCsv("point_id,carrier,status,date\nA,Viettel,under_construction,2026-02-01\n", options(first.events, { file: "viettel-2.csv" }));
    expect(second.events).toEqual([]);
    expect(second.conflicts).toHaveLength(1);
    expect(second.conflicts[0]).toMatchObject({
      pointId: "A",
      reason: "same_date",
      existing: { status: "planned" },
      incoming: { status: "under_construction" },
    });
    expect(second.report.issues[0]).toMatchObject({ code: "conflict", severity: "error", row: 1 });
    expect(replay(registry, first.events).states.A.status).toBe("planned");
  });

  it("sets aside a claim older than the point's latest change as a conflict", () => {
    const first = parseUpdatesCsv("point_id,carrier,status,date\nA,Viettel,on_air,2026-03-01\n", options());
    const second = parseUpdatesCsv("point_id,carrier,status,date\nA,Viettel,planned,2026-02-01\n", options(first.events));
    expect(second.conflicts).toHaveLength(1);
    expect(second.conflicts[0]).toMatchObject({ reason: "older_than_latest", existing: { date: "2026-03-01" }, incoming: { date: "2026-02-01" } });
  });

  it("lets the department keep the existing record or accept an incoming claim that still replays", () => {
    const first = parseUpdatesCsv("point_id,carrier,status,date\nA,Viettel,on_air,2026-03-01\n", options());
    const second = parseUpdatesCsv("point_id,carrier,status,date\nA,Viettel,planned,2026-02-01\n", options(first.events));
    const conflict = second.conflicts[0];
    expect(resolveConflict(registry, first.events, conflict, "keep_existing")).toEqual({ ok: true, value: [] });
    // Planned on 1 Feb then on air on 1 Mar is a valid history: accepting it is fine.
    expect(resolveConflict(registry, first.events, conflict, "accept_incoming")).toEqual({ ok: true, value: [conflict.incoming] });
    const third = parseUpdatesCsv("point_id,carrier,status,date\nA,Viettel,planned,2026-03-01\n", options(first.events));
    const sameDay = third.conflicts[0];
    const refused = resolveConflict(registry, first.events, sameDay, "accept_incoming");
    expect(refused.ok).toBe(false);
  });

  it("restricts a carrier's file to that carrier, and refuses rows claiming to be the department's", () => {
    const csv = "point_id,carrier,status,date\nA,VNPT,planned,2026-01-10\nB,,planned,2026-01-10\nB,Sở TT&TT,verified,2026-01-11\n";
    const result = parseUpdatesCsv(csv, options([], { actor: { role: "carrier", carrier: "viettel" } }));
    expect(result.report.issues.map((issue) => issue.code)).toEqual(["carrier_mismatch", "department_row_not_allowed"]);
    expect(result.events.map((event) => [event.pointId, event.actor])).toEqual([["B", { role: "carrier", carrier: "Viettel" }]]);
  });

  it("reports missing required columns as a file error", () => {
    const result = parseUpdatesCsv("point_id,status\nA,planned\n", options());
    expect(result.report.issues).toHaveLength(1);
    expect(result.report.issues[0]).toMatchObject({ code: "columns_missing", severity: "error" });
    expect(result.report.issues[0].row).toBeUndefined();
    expect(result.report.issues[0].message.en).toContain("date");
  });
});

describe("update files round trip", () => {
  const events = [
    viettelEvent("A", "planned", "2026-01-10"),
    viettelEvent("A", "on_air", "2026-02-01", {
      technology: "4G",
      evidence: { text: "=đo tốc độ", downloadMbps: 35.5, uploadMbps: 12, signalDbm: -95, photo: "A.jpg" },
      note: "trạm mới",
    }),
  ];

  it("reads back what writeUpdatesCsv writes, with the same event ids", () => {
    const csv = writeUpdatesCsv(events);
    expect(csv.startsWith("\uFEFFpoint_id,carrier,status,date,technology,evidence,note")).toBe(true);
    expect(csv).toContain("'=đo tốc độ");
    const back = parseUpdatesCsv(csv, options());
    expect(back.report.rejected).toBe(0);
    // The formula guard's quote is written, then stripped on reading: both events come back identical.
    expect(back.events[0].id).toBe(events[0].id);
    expect(back.events[1].id).toBe(events[1].id);
    expect(back.events[1].evidence?.text).toBe("=đo tốc độ");
    expect(back.events[1]).toMatchObject({
      technology: "4G",
      evidence: { downloadMbps: 35.5, uploadMbps: 12, signalDbm: -95, photo: "A.jpg" },
      note: "trạm mới",
    });
  });

  it("writes Vietnamese status labels on request, which read back as codes", () => {
    const csv = writeUpdatesCsv(events, { statusAs: "vi" });
    expect(csv).toContain("đã phát sóng");
    expect(parseUpdatesCsv(csv, options()).events.map((event) => event.status)).toEqual(["planned", "on_air"]);
  });

  it("carries events exactly in the JSON form", () => {
    const json = writeUpdatesJson(events);
    const back = parseUpdatesJson(json, options());
    expect(back.report).toMatchObject({ read: 2, accepted: 2, rejected: 0 });
    expect(back.events.map((event) => event.id)).toEqual(events.map((event) => event.id));
    expect(back.events[1].evidence).toEqual(events[1].evidence);
    expect(parseUpdatesJson(json, options(back.events)).events).toEqual([]);
  });

  it("rejects a JSON file of another format as a whole, and a bad event row by row", () => {
    expect(parseUpdatesJson({ format: "other" }, options()).report.issues[0].code).toBe("file_invalid");
    expect(parseUpdatesJson("{not json", options()).report.issues[0].code).toBe("file_invalid");
    const mixed = {
      format: "lom-song-updates",
      version: 1,
      events: [{ pointId: "A", status: "planned", date: "10/01/2026", actor: { role: "carrier", carrier: "Viettel" } }, events[0]],
    };
    const result = parseUpdatesJson(mixed, options());
    expect(result.report).toMatchObject({ read: 2, accepted: 1, rejected: 1 });
    expect(result.report.issues[0]).toMatchObject({ row: 1, code: "event_invalid" });
  });
});

describe("the department's own file", () => {
  it("takes rows without a carrier as decisions and keeps rows naming a carrier as that carrier's", () => {
    const csv = "point_id,carrier,status,date\nA,Viettel,on_air,2026-02-01\nA,,verified,2026-02-05\nB,department,planned,2026-02-05\n";
    const result = parseUpdatesCsv(csv, options([], { actor: { role: "department" } }));
    expect(result.events.map((event) => [event.pointId, event.status, event.actor.role])).toEqual([
      ["A", "on_air", "carrier"],
      ["A", "verified", "department"],
    ]);
    // The department cannot move a carrier's point forward for it.
    expect(result.report.issues.map((issue) => issue.code)).toEqual(["carrier_only"]);
  });

  it("re-imports a whole exported log with its actors", () => {
    const log = [
      viettelEvent("A", "on_air", "2026-02-01"),
      createStatusEvent({ pointId: "A", status: "verified", date: "2026-02-05", actor: { role: "department" } }),
    ];
    const json = parseUpdatesJson(writeUpdatesJson(log), options([], { actor: { role: "department" } }));
    expect(json.events.map((event) => event.id)).toEqual(log.map((event) => event.id));
    const csv = parseUpdatesCsv(writeUpdatesCsv(log), options([], { actor: { role: "department" } }));
    expect(csv.events.map((event) => event.id)).toEqual(log.map((event) => event.id));
    // From a carrier's hands, the department's row is refused.
    expect(parseUpdatesJson(writeUpdatesJson(log), options()).report.issues.map((issue) => issue.code)).toEqual(["department_row_not_allowed"]);
  });
});
