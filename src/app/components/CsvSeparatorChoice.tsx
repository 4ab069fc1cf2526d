import type { CsvSeparator } from "../../domain/export/to_csv.ts";
import { useApp, usePreferences, useTranslation } from "../app_context.ts";
import { setCsvSeparator } from "../state/updaters.ts";

/**
 * The choice between the two CSV flavours, shared by every CSV export of the app.
 * @param props - `name`: a unique name for the radio group on the page
 * @returns the radio group
 */
export function CsvSeparatorChoice({ name }: { name: string }) {
  const [t] = useTranslation();
  const { store } = useApp();
  const separator = usePreferences().csvSeparator;
  const option = (value: CsvSeparator, label: string) => (
    <label className="check">
      <input
        type="radio"
        name={name}
        value={value}
        checked={separator === value}
        onChange={() => store.setState((state) => setCsvSeparator(state, value))}
        data-testid={`csv-separator-${value}`}
      />
      {label}
    </label>
  );
  return (
    <fieldset className="csv-separator" data-testid="csv-separator">
      <legend>{t("export.csvSeparator")}</legend>
      {option("comma", t("export.csvComma"))}
      {option("semicolon", t("export.csvSemicolon"))}
      <p className="hint">{t("export.csvSeparatorHint")}</p>
    </fieldset>
  );
}
