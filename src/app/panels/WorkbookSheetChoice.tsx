import type { XlsxInspect } from "../../workers/messages.ts";
import { useTranslation } from "../app_context.ts";
import { SelectOptions } from "../components/SelectOptions.tsx";

/**
 * The Excel part of the import preview: why a workbook cannot be read, or its sheets to choose from.
 * @param props - what the worker found in the workbook, the sheet chosen and the callback choosing another
 * @returns the sheet choice, the error, or nothing for a file that is not a workbook
 */
export function WorkbookSheetChoice({ xlsx, file, onChoose }: { xlsx: XlsxInspect | undefined; file: string; onChoose: (sheet: string) => void }) {
  const [t, language] = useTranslation();
  if (!xlsx) return null;
  if (xlsx.error) {
    return (
      <p role="alert" className="import-xlsx-error" data-testid="import-xlsx-error">
        {t("import.xlsxError", { file, reason: xlsx.error[language] })}
      </p>
    );
  }
  return (
    <>
      <label className="field">
        <span>{t("import.sheet")}</span>
        <select value={xlsx.sheet ?? ""} onChange={(event) => onChoose(event.target.value)} disabled={xlsx.sheets.length < 2} data-testid="import-sheet">
          <SelectOptions items={xlsx.sheets} />
        </select>
      </label>
      {xlsx.sheets.length > 1 && <p className="hint">{t("import.sheetCount", { count: xlsx.sheets.length })}</p>}
    </>
  );
}
