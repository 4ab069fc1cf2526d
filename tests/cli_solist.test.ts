/**
 * `progress --registry so-list.xlsx --points truong.csv`: a province's own list, with no coordinates and
 * deadlines such as "Quý IV/2021", located by name among the points.
 *
 * The fixture, by hand (tests/fixtures/solist; the points are the Lào Cai communes A Mú Sung, Cao Sơn, Bắc Hà
 * and Xuân Hoà of the synthetic sample):
 *  1 Thôn Phìn Kha, A Mú Sung            → LC-VIL-0025   Viettel   Quý IV/2021 → 2021-12-31 (overdue on 2022-01-15)
 *  2 Bản Nậm Mạ, Tả Thàng (old commune)  → Cao Sơn → LC-VIL-0086   Viettel   12/2021 → 2021-12-31 (overdue)
 *  3 Bản Sả Khâu, A Mú Sung              → ambiguous: the village LC-VIL-0022 and the school site LC-SITE-0008
 *  4 Xóm Đoàn Lai, Bắc Hà                → LC-VIL-0106   VNPT      Quý I năm 2022 → 2022-03-31
 *  5 Thôn Ma Sử, Cao Sơn                 → LC-VIL-0082   MobiFone  31/12/21 → 2021-12-31 (overdue)
 *  6 Thôn Séo Phìn, Bắc Hà               → none (a Bản Séo Phìn is in Xuân Hoà: the first candidate)
 *  7 Bản Bó Cáy, Cao Sơn                 → LC-VIL-0085   VNPT      2022-06-30
 *  8 Thôn Nặm Rọ, "Cao Sơm" (a typo)     → none; "did you mean Cao Sơn"; first candidate LC-VIL-0080
 *  9 Trường Mầm non Kéo Phạ, Na Hối (old) → Bắc Hà → LC-SCH-0056   VNPT   tháng 3/2022 → 2022-03-31
 * 10 Bản Khòn Pàng, Nậm Chạc (old)       → A Mú Sung → ambiguous: LC-VIL-0023 and LC-SITE-0005
 * 11 Thôn Cốc Đào, deadline "cuối năm"  → rejected: unreadable deadline (and no such point)
 * Accepted 6 (all by name), rejected 5 (4 left to place, 1 refused), overdue 3.
 */
import { describe, expect, it } from "vitest";
import { captureProcessOutput } from "./support/captured_output.ts";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runTracking } from "../scripts/cli/tracking.ts";
import { soListXlsx } from "./fixtures/solist/so_list.ts";

const FIXTURES = new URL("./fixtures/solist/", import.meta.url).pathname;
const output = captureProcessOutput();

async function run(registry: string): Promise<{ code: number; summary: Record<string, unknown>; report: Record<string, unknown>[]; table: string }> {
  const dir = await mkdtemp(join(tmpdir(), "lom-song-solist-"));
  const paths = { summary: join(dir, "summary.json"), report: join(dir, "report.json"), out: join(dir, "progress.csv") };
  const code = await runTracking([
    "--registry",
    registry,
    "--points",
    join(FIXTURES, "truong.csv"),
    "--today",
    "2022-01-15",
    "--summary",
    paths.summary,
    "--report",
    paths.report,
    "--out",
    paths.out,
  ]);
  return {
    code,
    summary: JSON.parse(await readFile(paths.summary, "utf8")),
    report: JSON.parse(await readFile(paths.report, "utf8")),
    table: await readFile(paths.out, "utf8"),
  };
}

describe("cli progress with a Sở-style list", () => {
  it.each(["so-list.xlsx", "so-list.csv"])(
    "locates the rows of %s that fit one point, lists the others with candidates, and counts overdue by quarter and month",
    async (name) => {
      let path = join(FIXTURES, name);
      if (name.endsWith(".xlsx")) {
        path = join(await mkdtemp(join(tmpdir(), "lom-song-solist-")), name);
        await writeFile(path, soListXlsx());
      }
      const { code, summary, report, table } = await run(path);
      expect(output.stderr).toBe("");
      expect(code).toBe(0);
      const registry = report.find((entry) => entry.kind === "registry") as {
        read: number;
        accepted: number;
        rejected: number;
        located: Record<string, number>;
        issues: { row: number; code: string; message: { vi: string } }[];
        sheet?: string;
      };
      expect(registry).toMatchObject({ read: 11, accepted: 6, rejected: 5 });
      expect(registry.located).toEqual({ coordinates: 0, pointId: 0, byName: 6, chosen: 0, notLocated: 4 });
      if (name.endsWith(".xlsx")) {
        // The workbook's title and blank row are skipped; rows count from the header (Excel row 3).
        expect(registry.sheet).toBe("Danh sách");
        expect(registry.issues.find((issue) => issue.code === "title_rows_skipped")?.message.vi).toBe(
          'bảng bắt đầu ở dòng 3 của tệp; phần đầu được bỏ qua: "DANH SÁCH ĐIỂM LÕM SÓNG CẦN PHỦ SÓNG NĂM 2021 - 2022"; số dòng trong báo cáo tính từ dòng tiêu đề này',
        );
      }
      // Every non-ISO deadline says how it was read.
      const readAs = (row: number) => registry.issues.find((issue) => issue.row === row && issue.code === "deadline_read")?.message.vi;
      expect(readAs(1)).toBe('"Quý IV/2021" được hiểu là 31/12/2021 (ngày cuối quý IV năm 2021)');
      expect(readAs(2)).toBe('"12/2021" được hiểu là 31/12/2021 (ngày cuối tháng 12/2021)');
      expect(readAs(10)).toContain(name.endsWith(".xlsx") ? '"44651" được hiểu là 31/03/2022' : '"31/03/2022" được hiểu là 31/03/2022');
      expect(readAs(7)).toBeUndefined();
      expect(registry.issues.find((issue) => issue.row === 11 && issue.code === "deadline_invalid")).toBeDefined();
      expect(registry.issues.find((issue) => issue.row === 2 && issue.code === "commune_merged")?.message.vi).toContain("nay là Xã Cao Sơn");
      expect(registry.issues.find((issue) => issue.row === 8 && issue.code === "commune_unknown")?.message.vi).toContain(
        "có phải: Xã Cao Sơn (Lào Cai, 02782)",
      );

      expect(summary).toMatchObject({ listed: 6, overdue: 3 });
      expect((summary.overdue_points as { pointId: string }[]).map((item) => item.pointId).sort()).toEqual(["LC-VIL-0025", "LC-VIL-0082", "LC-VIL-0086"]);
      const unlocated = summary.unlocated as { row: number; reason: string; candidates: { pointId: string; commune: string }[] }[];
      expect(unlocated.map((row) => [row.row, row.reason, row.candidates[0].pointId])).toEqual([
        [3, "ambiguous", "LC-SITE-0008"],
        [6, "none", "LC-VIL-0190"],
        [8, "none", "LC-VIL-0080"],
        [10, "ambiguous", "LC-SITE-0005"],
      ]);
      expect(
        unlocated[0].candidates
          .map((candidate) => candidate.pointId)
          .slice(0, 2)
          .sort(),
      ).toEqual(["LC-SITE-0008", "LC-VIL-0022"]);
      expect(unlocated[1].candidates[0].commune).toBe("Xuân Hoà");
      expect(output.stdout).toContain("Định vị theo tên: 6 dòng tìm thấy đúng một điểm; 4 dòng chưa định vị");
      expect(output.stdout).toMatch(/dòng 6 Thôn Séo Phìn, Bắc Hà, Lào Cai \(không có điểm cùng tên\)\n\s+LC-VIL-0190\s+Bản Séo Phìn, Xuân Hoà/);
      // The status table keeps the list's STT and the commune of 2025.
      const lines = table.replace(/^\uFEFF/, "").split("\r\n");
      const header = lines[0].split(",");
      const row2 = lines.find((line) => line.startsWith("LC-VIL-0086,"))?.split(",") ?? [];
      expect(row2[header.indexOf("stt")]).toBe("2");
      expect(row2[header.indexOf("commune")]).toBe("Cao Sơn");
    },
  );
});
