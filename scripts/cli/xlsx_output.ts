/**
 * `--out FILE.xlsx`: the selected points as an Excel workbook (src/domain/export/xlsx_writer.ts). A zip is written at
 * the end, so the rows are kept until then (as cells: codes as text, coordinates as numbers), and the file is written
 * atomically (openAtomicFile: a temporary name, fsync, rename), so a failed run leaves no partial file.
 */
import { peopleSheetRows, pointsSheetRows, writeXlsx, type ExportRow, type PeopleColumn, type XlsxCell } from "../../src/domain/index.ts";
import { writeOutput } from "./io.ts";

/**
 * Opens an .xlsx output.
 * @param path - the output path
 * @param columns - the columns
 * @param sheet - the sheet name
 * @param people - the people's columns (`--audience people`), written instead of the machine columns
 * @returns the same interface as the streaming writers
 */
export function openXlsxOutput(path: string, columns: readonly string[], sheet: string, people?: readonly PeopleColumn[]) {
  const rows: XlsxCell[][] = [people ? people.map((column) => column.header) : columns.slice()];
  return {
    add(batch: readonly ExportRow[]) {
      const cells = people ? peopleSheetRows(batch, people) : pointsSheetRows(batch, columns);
      for (let i = 1; i < cells.length; i++) rows.push(cells[i]);
    },
    async finish() {
      await writeOutput(path, writeXlsx([{ name: sheet, rows }]));
    },
    async abandon() {
      rows.length = 0;
    },
  };
}
