/**
 * The app's "Danh sách cho người đọc" files: the list's export rows through the domain's people columns, as CSV
 * (the project's formula-safe writer) or .xlsx. The options come from the view, so the file says what the screen
 * says: the status names the minimum technology, the coverage date is that of the layers that count.
 */
import {
  countedLayers,
  coverageAsOfText,
  exportColumns,
  peopleColumns,
  peopleSheetRows,
  peopleToCsv,
  writeXlsx,
  type CoverageAnalysis,
  type CsvSeparator,
  type ExportRow,
  type Language,
  type PeopleColumn,
  type PointFilter,
} from "../../domain/index.ts";

/**
 * The columns for the rows under the view's filter.
 * @param rows - the export rows (buildExportRows, perhaps with the nearest columns)
 * @param analysis - the analysis, for the coverage date
 * @param filter - the filter in force
 * @param language - the interface language
 * @returns the people's columns
 */
export function peopleColumnsFor(
  rows: readonly ExportRow[],
  analysis: Pick<CoverageAnalysis, "layers">,
  filter: PointFilter,
  language: Language,
): PeopleColumn[] {
  const coverageAsOf = coverageAsOfText(analysis.layers, countedLayers(analysis, filter).counted);
  return peopleColumns(exportColumns(rows), { language, minTechnology: filter.minTechnology, ...(coverageAsOf ? { coverageAsOf } : {}) });
}

/**
 * The people's CSV.
 * @param rows - the export rows
 * @param analysis - the analysis
 * @param filter - the filter in force
 * @param language - the interface language
 * @param separator - the CSV flavour
 * @returns the file text (BOM, CRLF)
 */
export function peopleCsvFile(
  rows: readonly ExportRow[],
  analysis: Pick<CoverageAnalysis, "layers">,
  filter: PointFilter,
  language: Language,
  separator: CsvSeparator,
): string {
  return peopleToCsv(rows, peopleColumnsFor(rows, analysis, filter, language), separator);
}

/**
 * The people's workbook: one sheet.
 * @param rows - the export rows
 * @param analysis - the analysis
 * @param filter - the filter in force
 * @param language - the interface language
 * @param sheet - the sheet's name
 * @returns the .xlsx bytes
 */
export function peopleXlsxFile(
  rows: readonly ExportRow[],
  analysis: Pick<CoverageAnalysis, "layers">,
  filter: PointFilter,
  language: Language,
  sheet: string,
): Uint8Array {
  return writeXlsx([{ name: sheet, rows: peopleSheetRows(rows, peopleColumnsFor(rows, analysis, filter, language)) }]);
}
