/**
 * Builds small .xlsx workbooks in tests with fflate's zipSync, so no binary fixture is committed.
 * A sheet is given either as rows of simple values (strings become shared strings, numbers numeric
 * cells, booleans boolean cells, null a gap) or as the raw XML of its `<sheetData>`.
 */
import { strToU8, zipSync } from "fflate";

export type SimpleCell = string | number | boolean | null;

export interface TestSheet {
  name: string;
  /** Rows from spreadsheet row 1; `[]` is a blank row. */
  rows?: SimpleCell[][];
  /** Raw `<sheetData>` content (used instead of rows). */
  sheetData?: string;
  /** Hidden in Excel. */
  hidden?: boolean;
}

export interface TestWorkbook {
  sheets: TestSheet[];
  date1904?: boolean;
  /** Raw `<si>` elements appended after the ones made from string cells. */
  extraSharedStrings?: string[];
  /** Raw styles.xml (default: style 0 General, 1 built-in date 14, 2 custom dd/mm/yyyy, 3 custom h:mm, 4 date-time, 5 "00000"). */
  stylesXml?: string;
  /** A DOCTYPE put in front of the shared strings (to test that entities are never expanded). */
  sharedStringsDoctype?: string;
}

export const escapeXml = (text: string): string => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export function columnName(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

const DEFAULT_STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="4"><numFmt numFmtId="164" formatCode="dd/mm/yyyy;@"/><numFmt numFmtId="165" formatCode="[$-42A]h:mm"/><numFmt numFmtId="166" formatCode="yyyy\\-mm\\-dd\\ hh:mm"/><numFmt numFmtId="167" formatCode="00000"/></numFmts>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0"/></cellStyleXfs>
<cellXfs count="6"><xf numFmtId="0" xfId="0"/><xf numFmtId="14" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" xfId="0"/><xf numFmtId="166" xfId="0"/><xf numFmtId="167" xfId="0"/></cellXfs>
</styleSheet>`;

/**
 * Zips a workbook.
 * @param workbook - sheets and options
 * @returns the .xlsx bytes
 */
export function buildXlsx(workbook: TestWorkbook): Uint8Array {
  const shared: string[] = [];
  const sharedIndex = new Map<string, number>();
  const sheetXml = (sheet: TestSheet): string => {
    let data = sheet.sheetData;
    if (data === undefined) {
      data = (sheet.rows ?? [])
        .map((cells, r) => {
          if (cells.length === 0) return "";
          const xml = cells
            .map((cell, c) => {
              const ref = `${columnName(c)}${r + 1}`;
              if (cell === null) return "";
              if (typeof cell === "number") return `<c r="${ref}"><v>${cell}</v></c>`;
              if (typeof cell === "boolean") return `<c r="${ref}" t="b"><v>${cell ? 1 : 0}</v></c>`;
              let index = sharedIndex.get(cell);
              if (index === undefined) {
                index = shared.length;
                shared.push(`<si><t xml:space="preserve">${escapeXml(cell)}</t></si>`);
                sharedIndex.set(cell, index);
              }
              return `<c r="${ref}" t="s"><v>${index}</v></c>`;
            })
            .join("");
          return `<row r="${r + 1}">${xml}</row>`;
        })
        .join("");
    }
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>${data}</sheetData></worksheet>`;
  };
  const files: Record<string, Uint8Array> = {};
  workbook.sheets.forEach((sheet, index) => {
    files[`xl/worksheets/sheet${index + 1}.xml`] = strToU8(sheetXml(sheet));
  });
  const sheetsXml = workbook.sheets
    .map((sheet, index) => `<sheet name="${escapeXml(sheet.name)}" sheetId="${index + 1}"${sheet.hidden ? ' state="hidden"' : ""} r:id="rId${index + 1}"/>`)
    .join("");
  files["xl/workbook.xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr${workbook.date1904 ? ' date1904="1"' : ""}/><sheets>${sheetsXml}</sheets></workbook>`,
  );
  const n = workbook.sheets.length;
  const relationships = workbook.sheets
    .map(
      (_, index) =>
        `<Relationship Id="rId${index + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${index + 1}.xml"/>`,
    )
    .join("");
  files["xl/_rels/workbook.xml.rels"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${relationships}<Relationship Id="rId${n + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId${n + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
  );
  const allShared = [...shared, ...(workbook.extraSharedStrings ?? [])];
  files["xl/sharedStrings.xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${workbook.sharedStringsDoctype ?? ""}<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${allShared.length}" uniqueCount="${allShared.length}">${allShared.join("")}</sst>`,
  );
  files["xl/styles.xml"] = strToU8(workbook.stylesXml ?? DEFAULT_STYLES);
  files["[Content_Types].xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`,
  );
  files["_rels/.rels"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  return zipSync(files);
}
