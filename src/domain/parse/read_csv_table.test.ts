import { describe, expect, it } from "vitest";
import { detectDelimiter, readCsvRows, readCsvTable } from "./read_csv_table.ts";

const file = "test.csv";

describe("detectDelimiter", () => {
  it("picks ; from the header when the data rows hold decimal commas", () => {
    expect(detectDelimiter("lat;lon\n21,5;105,8\n")).toBe(";");
  });

  it("picks tab, and comma, from the header row", () => {
    expect(detectDelimiter("id\tlat\tlon\n")).toBe("\t");
    expect(detectDelimiter("id,lat,lon\n")).toBe(",");
  });

  it("ignores delimiters inside quoted header cells", () => {
    expect(detectDelimiter('"a;b;c",d,e\n')).toBe(",");
  });

  it("skips leading blank lines", () => {
    expect(detectDelimiter("\r\n\r\nlat;lon\r\n")).toBe(";");
  });
});

describe("readCsvTable", () => {
  it("splits a ; file with decimal commas into its cells", () => {
    const table = readCsvTable("lat;lon\n21,5;105,8\n", { file });
    expect(table.delimiter).toBe(";");
    expect(table.header).toEqual(["lat", "lon"]);
    expect(table.rows).toEqual([["21,5", "105,8"]]);
    expect(table.rowNumbers).toEqual([1]);
    expect(table.issues).toEqual([]);
  });

  it("reads a tab-separated file", () => {
    const table = readCsvTable("id\tlat\tlon\r\nA\t21.5\t105.8\r\n", { file });
    expect(table.delimiter).toBe("\t");
    expect(table.rows).toEqual([["A", "21.5", "105.8"]]);
  });

  it("reads bytes with a BOM, and the first header has no U+FEFF", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("Tên trường;x\nA;1\n")]);
    const table = readCsvTable(bytes, { file });
    expect(table.encoding).toBe("utf-8-bom");
    expect(table.header).toEqual(["Tên trường", "x"]);
  });

  it("keeps quoted cells with delimiters, quotes and line breaks as one cell", () => {
    const table = readCsvTable('id,name\n1,"Bản ""Xèo"", xã A\nthôn B"\n', { file });
    expect(table.rows).toEqual([["1", 'Bản "Xèo", xã A\nthôn B']]);
  });

  it("numbers rows from 1 after the header, counting blank rows but not returning them", () => {
    const table = readCsvTable("id,x\nA,1\n\nB,2\n,\nC,3\n", { file });
    expect(table.rows.map((cells) => cells[0])).toEqual(["A", "B", "C"]);
    expect(table.rowNumbers).toEqual([1, 3, 5]);
  });

  it("honours a forced delimiter", () => {
    const table = readCsvTable("a;b,c\n1;2,3\n", { file, delimiter: ";" });
    expect(table.header).toEqual(["a", "b,c"]);
  });

  it("reports an empty file as one file-level error", () => {
    const table = readCsvTable("  \n", { file });
    expect(table.header).toEqual([]);
    expect(table.rows).toEqual([]);
    expect(table.issues.map((issue) => [issue.code, issue.severity, issue.row])).toEqual([["file_empty", "error", undefined]]);
  });

  it("returns a header and no rows for a header-only file", () => {
    const table = readCsvTable("id,lat,lon\n", { file });
    expect(table.header).toEqual(["id", "lat", "lon"]);
    expect(table.rows).toEqual([]);
    expect(table.issues).toEqual([]);
  });

  it("warns about non-empty cells beyond the header", () => {
    const table = readCsvTable("id,lat\nA,21,5\n", { file });
    expect(table.issues.map((issue) => [issue.code, issue.row])).toEqual([["csv_extra_cells", 1]]);
  });

  it("warns once when many cells have ? in place of Vietnamese letters", () => {
    const text = "id,name\n1,Tr??ng TH B?n X?o\n2,Th?n N? P?\n3,Lao Cai\n";
    const table = readCsvTable(text, { file });
    const issue = table.issues.find((candidate) => candidate.code === "letters_lost");
    expect(issue?.severity).toBe("warning");
    expect(issue?.row).toBeUndefined();
    expect(issue?.message.en).toContain("CSV UTF-8");
    expect(issue?.message.vi).toContain("CSV UTF-8");
  });

  it("honours an Excel sep= line and does not take it for the header", () => {
    const table = readCsvTable("sep=;\r\nlat;lon\r\n21,5;105,8\r\n", { file });
    expect(table.delimiter).toBe(";");
    expect(table.header).toEqual(["lat", "lon"]);
    expect(table.rowNumbers).toEqual([1]);
  });

  it("does not warn about question marks in a URL or at the end of questions", () => {
    const text = "id,name,note\n1,A,http://x.vn/?a=b\n2,B,có sóng không?\n3,C,ok?\n4,D,Đã phủ sóng chưa?\n5,E,3G hay 4G?\n";
    expect(readCsvTable(text, { file }).issues.filter((issue) => issue.code === "letters_lost")).toEqual([]);
  });

  it("NFC-normalises decomposed cells", () => {
    const table = readCsvTable("name\nLào Cai\n".normalize("NFD"), { file });
    expect(table.header).toEqual(["name"]);
    expect(table.rows[0][0]).toBe("Lào Cai");
    expect(table.rows[0][0].length).toBe(7);
  });

  it("reads every row when CR LF, LF and lone CR line ends are mixed, as Python's csv module does", () => {
    // The rows as Python's csv.reader gives them for this text (checked against Python 3 by hand, see the report).
    const text =
      "id,tên,lon,lat\r\nA,Một,104.1,21.1\nB,Hai,104.2,21.2\rC,Ba,104.3,21.3\r\nD,Bốn,104.4,21.4\rE,Năm,104.5,21.5\nF,Sáu,104.6,21.6\r\rG,Bảy,104.7,21.7\r\nH,Tám,104.8,21.8\rI,Chín,104.9,21.9\r";
    for (const fastPath of [true, false]) {
      const rows = readCsvRows(text, { file: "mixed.csv", fastPath });
      const table = {
        header: rows.header,
        rows: Array.from({ length: rows.rows.count }, (_, r) => rows.rows.cells(r)),
        rowNumbers: Array.from({ length: rows.rows.count }, (_, r) => rows.rows.rowNumber(r)),
      };
      expect(table.header).toEqual(["id", "tên", "lon", "lat"]);
      expect(table.rows.map((row) => row[0])).toEqual(["A", "B", "C", "D", "E", "F", "G", "H", "I"]);
      expect(table.rows.every((row) => row.length === 4)).toBe(true);
      // The blank line between F and G (\r\r) is counted, as blank rows always are.
      expect(table.rowNumbers).toEqual([1, 2, 3, 4, 5, 6, 8, 9, 10]);
    }
    // With quotes (PapaParse's path), a line break inside a quoted cell stays in the cell, as it was.
    const quoted = readCsvTable('id,note\rA,"dòng một\r\ndòng hai"\nB,x\r\nC,"y"\r', { file: "q.csv" });
    expect(quoted.rows).toEqual([
      ["A", "dòng một\r\ndòng hai"],
      ["B", "x"],
      ["C", "y"],
    ]);
    expect(readCsvTable("sep=;\rid;lon\rA;1\r", { file: "s.csv" }).rows).toEqual([["A", "1"]]);
  });
});
