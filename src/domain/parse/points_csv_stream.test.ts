import { describe, expect, it } from "vitest";
import { createRandom as createSeededRandom } from "../../testing/seeded_random.ts";
import { createPointsCsvStream } from "./points_csv_stream.ts";
import { parsePointsCsv } from "./parse_points_csv.ts";
import type { ImportResult } from "../issues.ts";
import type { Point } from "../types.ts";

const encoder = new TextEncoder();

function streamAll(bytes: Uint8Array, chunkSizes: () => number, batchBytes: number) {
  const stream = createPointsCsvStream({ file: "big.csv", batchBytes });
  const batches: ImportResult<Point>[] = [];
  for (let start = 0; start < bytes.length;) {
    const end = Math.min(bytes.length, start + chunkSizes());
    batches.push(...stream.push(bytes.subarray(start, end)));
    start = end;
  }
  batches.push(...stream.end());
  return { items: batches.flatMap((batch) => batch.items), report: stream.report(), batches };
}

function sampleCsv(rows: number, random: () => number): string {
  const lines = ["\uFEFFmã;tên;vĩ độ;kinh độ;ghi chú"];
  for (let i = 1; i <= rows; i++) {
    const roll = random();
    const id = random() < 0.03 ? "DUP" : `P${i}`;
    const lat = roll < 0.06 ? "" : (21 + random()).toFixed(4).replace(".", ",");
    const lon = roll > 0.97 ? "200" : (104 + random()).toFixed(4).replace(".", ",");
    const note = roll > 0.9 ? `"dòng ""${i}""\nhai dòng"` : `Bản Nà ${i}`;
    lines.push(roll > 0.5 && roll < 0.52 ? "" : `${id};Thôn ${i};${lat};${lon};${note}`);
  }
  lines.push("X1;Trùng toạ độ;21,5;104,5;a", "X2;Trùng toạ độ;21,5;104,5;b");
  return lines.join(random() < 0.5 ? "\r\n" : "\n");
}

describe("createPointsCsvStream", () => {
  it("gives the same points and report as parsePointsCsv on the whole file, whatever the chunk and batch sizes", () => {
    const random = createSeededRandom(11);
    for (let trial = 0; trial < 8; trial++) {
      const bytes = encoder.encode(sampleCsv(400, random));
      const whole = parsePointsCsv(bytes, { file: "big.csv" });
      const streamed = streamAll(bytes, () => 1 + Math.floor(random() * 3000), 200 + Math.floor(random() * 5000));
      expect(streamed.batches.length).toBeGreaterThan(1);
      expect(streamed.items).toEqual(whole.items);
      const key = (issue: { row?: number; code: string }) => `${issue.row ?? 0}:${issue.code}`;
      expect(streamed.report.issues.map(key).sort()).toEqual(whole.report.issues.map(key).sort());
      const { issues: _a, ...streamedCounts } = streamed.report;
      const { issues: _b, ...wholeCounts } = whole.report;
      expect(streamedCounts).toEqual(wholeCounts);
      expect(streamed.report.read).toBe(streamed.report.accepted + streamed.report.rejected);
    }
  });

  it("reports a header-only file like a whole-file import", () => {
    const bytes = encoder.encode("id,lat,lon\n");
    const streamed = streamAll(bytes, () => 3, 4);
    expect(streamed.report).toEqual(parsePointsCsv(bytes, { file: "big.csv" }).report);
  });

  it("keeps Excel's sep= line with the header in every batch", () => {
    const bytes = encoder.encode("sep=;\r\nid;lat;lon\r\nA;21,5;104,5\r\nB;21,6;104,6\r\nC;21,7;104,7\r\n");
    const streamed = streamAll(bytes, () => 4, 8);
    const whole = parsePointsCsv(bytes, { file: "big.csv" });
    expect(streamed.batches.length).toBeGreaterThan(1);
    expect(streamed.items).toEqual(whole.items);
    expect(streamed.items.map((point) => point.lat)).toEqual([21.5, 21.6, 21.7]);
  });

  it("reads a last row without a trailing newline", () => {
    const bytes = encoder.encode("id,lat,lon\nA,21.5,104.5\nB,21.6,104.6");
    const streamed = streamAll(bytes, () => 5, 10);
    expect(streamed.items.map((point) => [point.id, point.source.row])).toEqual([
      ["A", 1],
      ["B", 2],
    ]);
  });
});

describe("createPointsCsvStream issue cap", () => {
  it("lists issues up to the cap and counts the rest by code, keeping read = accepted + rejected", () => {
    const lines = ["id,lat,lon"];
    for (let i = 1; i <= 50; i++) lines.push(`P${i},,104.5`);
    for (let i = 51; i <= 60; i++) lines.push(`P${i},21.5,104.${i}`);
    const stream = createPointsCsvStream({ file: "bad.csv", batchBytes: 64, maxListedIssues: 20 });
    stream.push(encoder.encode(lines.join("\n") + "\n"));
    stream.end();
    const report = stream.report();
    expect(report.read).toBe(60);
    expect(report.rejected).toBe(50);
    expect(report.accepted).toBe(10);
    expect(report.issues.filter((issue) => issue.row !== undefined)).toHaveLength(20);
    const closing = report.issues.find((issue) => issue.code === "issues_not_listed");
    expect(closing?.message.en).toContain("30 more issues");
  });

  it("cuts batches at every kind of line break, mixed (CR LF, LF, lone CR), wherever the chunks end", () => {
    const endings = ["\r\n", "\n", "\r"];
    const lines = ["mã,tên,kinh độ,vĩ độ,ghi chú"];
    for (let i = 1; i <= 30; i++)
      lines.push(`P${i},Thôn ${i},${(104 + i / 100).toFixed(2)},${(21 + i / 100).toFixed(2)},${i % 7 === 0 ? '"hai\r\ndòng"' : "x"}`);
    const text = lines.map((line, i) => line + endings[(i * 5 + 1) % 3]).join("");
    const bytes = encoder.encode(text);
    const whole = parsePointsCsv(bytes, { file: "big.csv" });
    expect(whole.items.map((point) => point.id)).toEqual(lines.slice(1).map((line) => line.split(",")[0]));
    for (const chunk of [1, 2, 3, 5, 64]) {
      for (const batchBytes of [1, 40, 1 << 20]) {
        const streamed = streamAll(bytes, () => chunk, batchBytes);
        expect(streamed.items.map((point) => [point.id, point.source.row, point.extra["ghi chú"]])).toEqual(
          whole.items.map((point) => [point.id, point.source.row, point.extra["ghi chú"]]),
        );
        expect(streamed.report.read).toBe(30);
      }
    }
  });
});
