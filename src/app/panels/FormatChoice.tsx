import { useState } from "react";
import { COMMON_CRS_CHOICES as COMMON_CRS, PROVINCE_CENTRAL_MERIDIANS, meridianText, parseMeridian } from "../../domain/formats/crs_table.ts";
import type { FileOptions, FormatInspect } from "../../workers/messages.ts";
import { useTranslation } from "../app_context.ts";
import type { MessageKey } from "../i18n/i18n.ts";

const FORMAT_KEYS: Record<string, MessageKey> = {
  shapefile: "import.formatShapefile",
  opencellid: "import.formatTowers",
  geotiff: "import.formatGeotiff",
  osm: "import.formatOsm",
  csv: "import.formatCsv",
};

/** The TM-3 meridians of the provinces, one entry per meridian with the provinces that use it. */
const TM3_CHOICES = (() => {
  const byMeridian = new Map<number, string[]>();
  for (const { province, meridian } of PROVINCE_CENTRAL_MERIDIANS) byMeridian.set(meridian, [...(byMeridian.get(meridian) ?? []), province]);
  return [...byMeridian].sort((a, b) => a[0] - b[0]).map(([meridian, provinces]) => ({ value: `VN2000-TM3-${meridian}`, meridian, provinces }));
})();

/**
 * The GIS part of the import preview: the format found, its coordinate system (with a chooser when the coordinates
 * are projected metres or the file is a shapefile) and, for a public tower list, the disc radii. Every name the user
 * sees comes from messages.ts; province names are rendered as text.
 * @param props - what the worker found, the options so far, and the callbacks (a new system re-reads the preview)
 * @returns the facts and the choices, or nothing for a plain file
 */
export function FormatChoice({
  format,
  options,
  onCrs,
  onOptions,
}: {
  format: FormatInspect | undefined;
  options: FileOptions;
  onCrs: (crs: string | undefined) => void;
  onOptions: (patch: Partial<FileOptions>) => void;
}) {
  const [t, language] = useTranslation();
  const [custom, setCustom] = useState("");
  if (!format) return null;
  const chosen = options.crs ?? "";
  const known = chosen === "" || COMMON_CRS.some((crs) => crs.id === chosen) || TM3_CHOICES.some((choice) => choice.value === chosen);
  const showChooser = format.name === "shapefile" || format.name === "csv";
  return (
    <div className="format-choice" data-testid="import-format">
      <dl className="preview-facts">
        <dt>{t("import.format")}</dt>
        <dd data-testid="import-format-name">{t(FORMAT_KEYS[format.name] ?? "import.formatCsv")}</dd>
        {format.crs && (
          <>
            <dt>{t("import.crs")}</dt>
            <dd data-testid="import-format-crs">{format.crs.label[language]}</dd>
          </>
        )}
      </dl>
      {format.estimated && (
        <p className="hint" data-testid="import-estimated">
          {t("import.estimatedNote")}
        </p>
      )}
      {format.projected && (
        <p role="alert" data-testid="import-projected">
          {t("import.projected")}
        </p>
      )}
      {format.error && !format.projected && (
        <p role="alert" data-testid="import-format-error">
          {format.error[language]}
        </p>
      )}
      {showChooser && (
        <>
          <label className="field">
            <span>{t("import.crs")}</span>
            <select
              value={known ? chosen : "custom"}
              onChange={(event) => (event.target.value === "custom" ? setCustom(custom || "105.75") : onCrs(event.target.value || undefined))}
              data-testid="import-crs"
            >
              <option value="">{format.name === "shapefile" ? t("import.crsFromPrj") : t("import.crsWgs84")}</option>
              {COMMON_CRS.map((crs) => (
                <option key={crs.id} value={crs.id}>
                  {crs.label[language]}
                  {crs.epsg ? ` (EPSG:${crs.epsg})` : ""}
                </option>
              ))}
              {TM3_CHOICES.map((choice) => (
                <option key={choice.value} value={choice.value}>
                  {t("import.crsTm3", { meridian: meridianText(choice.meridian), provinces: choice.provinces.join(", ") })}
                </option>
              ))}
              <option value="custom">{t("import.crsCustom")}</option>
            </select>
          </label>
          {(!known || custom !== "") && (
            <label className="field">
              <span>{t("import.crsMeridian")}</span>
              <input
                type="text"
                inputMode="decimal"
                value={custom}
                placeholder="105.75 / 105°45'"
                onChange={(event) => setCustom(event.target.value)}
                onBlur={() => {
                  const meridian = parseMeridian(custom);
                  if (meridian !== null) onCrs(`VN2000-TM3-${meridian}`);
                }}
                data-testid="import-crs-meridian"
              />
            </label>
          )}
        </>
      )}
      {format.name === "geotiff" && (
        <label className="field">
          <span>{t("import.rasterThreshold")}</span>
          <input
            type="number"
            step="any"
            value={options.rasterThreshold ?? ""}
            placeholder="1"
            onChange={(event) => onOptions({ rasterThreshold: event.target.value === "" ? undefined : Number(event.target.value) })}
            data-testid="import-raster-threshold"
          />
        </label>
      )}
      {format.name === "opencellid" && (
        <>
          <label className="field">
            <span>{t("import.towerRadius")}</span>
            <input
              type="text"
              value={options.towerRadius ?? ""}
              placeholder="2G=12,3G=4,4G=4,5G=0.5"
              onChange={(event) => onOptions({ towerRadius: event.target.value || undefined })}
              data-testid="import-tower-radius"
            />
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={options.towerRange === true}
              onChange={(event) => onOptions({ towerRange: event.target.checked })}
              data-testid="import-tower-range"
            />
            {t("import.towerRange")}
          </label>
        </>
      )}
    </div>
  );
}
