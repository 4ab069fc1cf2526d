import { describe, expect, it } from "vitest";
import { captureProcessOutput } from "./support/captured_output.ts";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runTracking } from "../scripts/cli/tracking.ts";

const ROOT = new URL("..", import.meta.url).pathname;
const FIXTURES = join(ROOT, "tests/fixtures/tracking");
const fixture = (name: string) => join(FIXTURES, name);

// The fixture, by hand (today 2026-04-10):
// DZ-01 Viettel: planned 15 Jan, on air 1 Mar, verified 5 Mar (decision) → verified.
// DZ-02 Viettel: under construction 10 Mar, deadline 1 May → due within 30 days.
// DZ-03 Viettel: on air 20 Mar, outside Viettel's coverage → flagged.
// DZ-04 VNPT: under construction 10 Feb, on air 5 Apr (3G). Viettel's row for it is refused.
// DZ-05 VNPT: infeasible 15 Mar, accepted 20 Mar (decision).
// DZ-06 MobiFone: nothing, deadline 28 Feb → 41 days overdue.
// DZ-99 in Viettel's file is not in the list.
const output = captureProcessOutput();

async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), "lom-song-progress-"));
}

const BASE = [
  "--registry",
  fixture("registry.csv"),
  "--updates",
  fixture("updates-viettel.csv"),
  "--updates",
  fixture("updates-vnpt.csv"),
  "--decisions",
  fixture("decisions.csv"),
  "--today",
  "2026-04-10",
];

describe("cli progress", () => {
  it("applies the update files and writes the summary with the hand-counted figures", async () => {
    const dir = await tempDir();
    const summaryPath = join(dir, "progress.json");
    const code = await runTracking([...BASE, "--summary", summaryPath]);
    expect(output.stderr).toBe("");
    expect(code).toBe(0);
    const summary = JSON.parse(await readFile(summaryPath, "utf8"));
    expect(summary).toMatchObject({ listed: 6, covered: 3, verified: 1, overdue: 1, due_30_days: 1, infeasible_accepted: 1, percent_covered: 50 });
    const byCarrier = Object.fromEntries(summary.by_carrier.map((row: { carrier: string }) => [row.carrier, row]));
    expect(byCarrier.Viettel).toMatchObject({ listed: 3, covered: 2, verified: 1, overdue: 0, due_30_days: 1 });
    expect(byCarrier.VNPT).toMatchObject({ listed: 2, covered: 1, infeasible_accepted: 1 });
    expect(byCarrier.MobiFone).toMatchObject({ listed: 1, covered: 0, overdue: 1 });
    expect(summary.overdue_points).toEqual([expect.objectContaining({ pointId: "DZ-06", daysOverdue: 41 })]);
    expect(output.stdout).toContain("Quá hạn");
  });

  it("writes the per-point status table as CSV with labels, since and days overdue", async () => {
    const dir = await tempDir();
    const out = join(dir, "progress.csv");
    expect(await runTracking([...BASE, "--out", out, "--lang", "en"])).toBe(0);
    const bytes = await readFile(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString("utf8").slice(1).trim().split("\r\n");
    const header = lines[0].split(",");
    expect(header.slice(0, 6)).toEqual(["id", "name", "kind", "lon", "lat", "carrier"]);
    const rows = Object.fromEntries(lines.slice(1).map((line) => [line.split(",")[0], line.split(",")]));
    const cell = (id: string, column: string) => rows[id][header.indexOf(column)];
    expect(lines).toHaveLength(7);
    expect([cell("DZ-01", "status"), cell("DZ-01", "since"), cell("DZ-01", "technology")]).toEqual(["verified", "2026-03-05", "4G"]);
    expect([cell("DZ-06", "status_label"), cell("DZ-06", "days_overdue")]).toEqual(["not started", "41"]);
    expect(cell("DZ-02", "days_left")).toBe("21");
  });

  it("writes the status table with semicolons and decimal commas on request", async () => {
    const dir = await tempDir();
    const out = join(dir, "progress.csv");
    expect(await runTracking([...BASE, "--out", out, "--lang", "en", "--csv-separator", "semicolon"])).toBe(0);
    const lines = (await readFile(out, "utf8")).slice(1).trim().split("\r\n");
    const header = lines[0].split(";");
    expect(header.slice(0, 6)).toEqual(["id", "name", "kind", "lon", "lat", "carrier"]);
    const first = lines[1].split(";");
    expect(first[header.indexOf("lon")]).toMatch(/^10\d,\d+$/);
    expect(lines).toHaveLength(7);
  });

  it("writes the row-by-row import report", async () => {
    const dir = await tempDir();
    const reportPath = join(dir, "report.json");
    expect(await runTracking([...BASE, "--report", reportPath])).toBe(0);
    const reports = JSON.parse(await readFile(reportPath, "utf8"));
    const viettel = reports.find((report: { file: string }) => report.file === "updates-viettel.csv");
    expect(viettel).toMatchObject({ kind: "updates", read: 6, accepted: 4, rejected: 2 });
    expect(viettel.issues.map((issue: { row: number; code: string }) => [issue.row, issue.code])).toEqual([
      [5, "wrong_carrier"],
      [6, "unknown_point"],
    ]);
  });

  it("changes nothing when the same update file is applied twice", async () => {
    const dir = await tempDir();
    const once = join(dir, "once.json");
    const twice = join(dir, "twice.json");
    expect(await runTracking([...BASE, "--summary", once])).toBe(0);
    expect(await runTracking([...BASE, "--updates", fixture("updates-viettel.csv"), "--summary", twice])).toBe(0);
    const first = JSON.parse(await readFile(once, "utf8"));
    const second = JSON.parse(await readFile(twice, "utf8"));
    expect(second.by_carrier).toEqual(first.by_carrier);
    expect(second.conflicts).toEqual([]);
  });

  it("shows the state as of an earlier date", async () => {
    const dir = await tempDir();
    const summaryPath = join(dir, "as-of.json");
    expect(await runTracking([...BASE, "--as-of", "2026-03-02", "--summary", summaryPath])).toBe(0);
    const summary = JSON.parse(await readFile(summaryPath, "utf8"));
    // On 2 Mar: DZ-01 on air (not yet verified), DZ-04 under construction; DZ-06 already overdue.
    expect(summary).toMatchObject({ as_of: "2026-03-02", today: "2026-03-02", covered: 1, verified: 0, overdue: 1 });
  });

  it("lists a disagreeing file's row as a conflict instead of applying it", async () => {
    const dir = await tempDir();
    const summaryPath = join(dir, "conflict.json");
    expect(await runTracking([...BASE, "--updates", fixture("updates-vnpt-conflict.csv"), "--summary", summaryPath])).toBe(0);
    const summary = JSON.parse(await readFile(summaryPath, "utf8"));
    expect(summary.conflicts).toHaveLength(1);
    expect(summary.conflicts[0]).toMatchObject({
      pointId: "DZ-04",
      reason: "same_date",
      existing: { status: "under_construction" },
      incoming: { status: "planned" },
    });
  });

  it("cross-checks claims against coverage: proposes DZ-02, flags DZ-03", async () => {
    const dir = await tempDir();
    const summaryPath = join(dir, "check.json");
    expect(await runTracking([...BASE, "--coverage", fixture("coverage.geojson"), "--summary", summaryPath])).toBe(0);
    const summary = JSON.parse(await readFile(summaryPath, "utf8"));
    expect(summary.cross_check.proposals.map((proposal: { pointId: string }) => proposal.pointId)).toEqual(["DZ-02"]);
    expect(summary.cross_check.flags.map((flag: { pointId: string }) => flag.pointId)).toEqual(["DZ-03"]);
    expect(summary.cross_check.unchecked).toEqual(["DZ-06"]);
  });

  it("keeps the event log with --events-out and starts from it with --events", async () => {
    const dir = await tempDir();
    const log = join(dir, "events.json");
    const first = join(dir, "first.json");
    const second = join(dir, "second.json");
    expect(await runTracking([...BASE, "--events-out", log, "--summary", first])).toBe(0);
    expect(await runTracking(["--registry", fixture("registry.csv"), "--events", log, "--today", "2026-04-10", "--summary", second])).toBe(0);
    const before = JSON.parse(await readFile(first, "utf8"));
    const after = JSON.parse(await readFile(second, "utf8"));
    expect(after.by_carrier).toEqual(before.by_carrier);
    expect(after.timeline).toEqual(before.timeline);
  });

  it("exits 2 with one line naming a malformed update file", async () => {
    const code = await runTracking(["--registry", fixture("registry.csv"), "--updates", fixture("malformed-updates.csv"), "--today", "2026-04-10"]);
    expect(code).toBe(2);
    expect(output.stderr.trim().split("\n")).toHaveLength(1);
    expect(output.stderr).toContain("malformed-updates.csv");
    expect(output.stderr).not.toContain("    at ");
  });

  it("exits 2 on a missing file, a missing --registry and a bad date", async () => {
    expect(await runTracking(["--registry", fixture("nothing-here.csv"), "--lang", "en"])).toBe(2);
    expect(output.stderr).toContain("nothing-here.csv: file not found");
    expect(await runTracking(["--updates", fixture("updates-vnpt.csv"), "--lang", "en"])).toBe(2);
    expect(output.stderr).toContain("--registry FILE is required");
    expect(await runTracking(["--registry", fixture("registry.csv"), "--as-of", "31/03/2026", "--lang", "en"])).toBe(2);
    expect(output.stderr).toContain("--as-of must be a date YYYY-MM-DD");
    expect(await runTracking(["--registry", fixture("registry.csv"), "--bogus"])).toBe(2);
  });

  it("says its errors in Vietnamese unless --lang en", async () => {
    expect(await runTracking(["--registry", fixture("nothing-here.csv")])).toBe(2);
    expect(output.stderr).toBe(`lỗi: ${fixture("nothing-here.csv")}: không tìm thấy tệp\n`);
    output.stderr = "";
    expect(await runTracking(["--registry", fixture("registry.csv"), "--as-of", "31/03/2026"])).toBe(2);
    expect(output.stderr).toBe('lỗi: --as-of phải là ngày dạng YYYY-MM-DD, không phải "31/03/2026"\n');
  });

  it("documents every option in --help", async () => {
    expect(await runTracking(["--help"])).toBe(0);
    for (const option of [
      "--registry",
      "--points",
      "--events",
      "--updates",
      "--decisions",
      "--coverage",
      "--technology",
      "--published",
      "--today",
      "--as-of",
      "--out",
      "--csv-separator",
      "--summary",
      "--report",
      "--events-out",
      "--lang",
      "--quiet",
    ]) {
      expect(output.stdout).toContain(option);
    }
  });
});
