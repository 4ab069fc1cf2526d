import { describe, expect, it } from "vitest";
import { escapeCsvFormula, formatCsvCell, toCsv, unescapeCsvFormula } from "./to_csv.ts";
import { pointsToCsv } from "./points_to_csv.ts";
import { createPointsWriter } from "./points_writer.ts";
import { exportColumns, type ExportRow } from "./export_columns.ts";
import { parsePointsCsv } from "../parse/parse_points_csv.ts";
import { readCsvTable } from "../parse/read_csv_table.ts";
import { sheetToCsv } from "../parse/xlsx_import.ts";
import { createStatusEvent } from "../tracking/events.ts";
import { parseUpdatesCsv, writeUpdatesCsv } from "../tracking/updates.ts";
import { parseRegistryCsv } from "../tracking/parse_registry.ts";
import { progressTableToCsv } from "../tracking/progress_table.ts";
import { replay } from "../tracking/replay.ts";
import { makeListedPoint } from "../../testing/listed_points.ts";
import type { Point } from "../types.ts";

// Texts the guard must protect in a spreadsheet, and texts that must come back exactly as they were.
const TRICKY = [
  "-Trạm mới",
  '=HYPERLINK("http://x")',
  "+84 912 345 678",
  "@thôn",
  "'=đã có dấu nháy",
  "''-hai dấu",
  "'tên",
  "-12.5",
  "-105,8",
  "it's",
  "\tthụt đầu dòng",
];

describe("the CSV formula guard round trip", () => {
  it("guards every formula start, and reading undoes exactly what writing did", () => {
    for (const text of TRICKY) {
      const written = escapeCsvFormula(text);
      expect(/^[=+\-@\t]/.test(written) && !/^-\d/.test(written)).toBe(false);
      expect(unescapeCsvFormula(written)).toBe(text);
    }
    expect(escapeCsvFormula("-Trạm mới")).toBe("'-Trạm mới");
    expect(escapeCsvFormula("-12.5")).toBe("-12.5");
    expect(unescapeCsvFormula("'tên")).toBe("'tên");
  });

  it("reads back a generic table written by toCsv, in both flavours", () => {
    for (const separator of ["comma", "semicolon"] as const) {
      const text = toCsv(
        ["id", "note"],
        TRICKY.map((note, i) => [`R${i}`, note]),
        { separator },
      );
      const table = readCsvTable(text, { file: "t.csv" });
      expect(table.rows.map((row) => row[1])).toEqual(TRICKY);
    }
    expect(formatCsvCell("'=x")).toBe("''=x");
  });

  it("reads back the points CSV (whole-list and streaming writers): names and extra columns unchanged", () => {
    const points: Point[] = TRICKY.map((text, i) => ({
      id: `P${i}`,
      name: text,
      kind: "school",
      lon: 104 + i / 100,
      lat: 22,
      source: { file: "a.csv", row: i + 1 },
      extra: { "ghi chú": text },
    }));
    const rows: ExportRow[] = points.map((point) => ({ point, computed: { status: "uncovered" } }));
    const whole = pointsToCsv(rows);
    const writer = createPointsWriter("csv", exportColumns(rows));
    const streamed = writer.head() + writer.rows(rows) + writer.tail();
    expect(streamed).toBe(whole);
    for (const separator of ["comma", "semicolon"] as const) {
      const back = parsePointsCsv(pointsToCsv(rows, { separator }), { file: "uncovered.csv" });
      // Names are trimmed on import (a rule of their own); extra columns are kept verbatim.
      expect(back.items.map((point) => point.name)).toEqual(TRICKY.map((text) => text.trim()));
      expect(back.items.map((point) => point.extra["ghi chú"])).toEqual(TRICKY);
    }
  });

  it("reads back the carriers' update file with the same event ids", () => {
    const events = TRICKY.map((note, i) =>
      createStatusEvent({
        pointId: `P${i}`,
        status: "planned",
        date: "2026-01-10",
        actor: { role: "carrier", carrier: "Viettel" },
        evidence: { text: note },
        note,
      }),
    );
    const registry = TRICKY.map((_, i) => makeListedPoint(`P${i}`));
    const back = parseUpdatesCsv(writeUpdatesCsv(events), { file: "viettel.csv", registry, events: [], today: "2026-03-31", listPublishedOn: "2026-01-01" });
    expect(back.report.rejected).toBe(0);
    expect(back.events.map((event) => event.note)).toEqual(events.map((event) => event.note));
    expect(back.events.map((event) => event.id)).toEqual(events.map((event) => event.id));
  });

  it("reads back the progress table as a registry: names and notes unchanged", () => {
    const registry = TRICKY.map((text, i) => makeListedPoint(`DZ-${i}`, { name: text, lon: 104 + i / 100, province: text }));
    const csv = progressTableToCsv(registry, replay(registry, []).states, { today: "2026-03-01" });
    const back = parseRegistryCsv(csv, { file: "progress.csv" });
    expect(back.items.map((point) => point.name)).toEqual(TRICKY.map((text) => text.trim()));
    expect(back.items.map((point) => point.province)).toEqual(TRICKY.map((text) => text.trim()));
  });

  it("keeps a workbook's text that starts with an apostrophe as it is", () => {
    const csv = sheetToCsv([
      ["id", "lon", "lat", "ghi chú"],
      ["A", "104", "22", "'-x"],
      ["B", "104.1", "22", "-y"],
    ]);
    const back = parsePointsCsv(csv, { file: "a.xlsx", delimiter: "," });
    expect(back.items.map((point) => point.extra["ghi chú"])).toEqual(["'-x", "-y"]);
  });
});
