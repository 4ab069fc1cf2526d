import { BackupPhotoNote } from "./BackupPhotoNote.tsx";
import type { MessageKey } from "../i18n/i18n.ts";
import { buildTrackingExportRows, progressTableToCsv } from "../../domain/tracking/progress_table.ts";
import type { ListedPoint } from "../../domain/tracking/registry.ts";
import type { TrackingStates } from "../../domain/tracking/replay.ts";
import type { Point } from "../../domain/types.ts";
import { downloadText } from "../components/download.ts";
import { CsvSeparatorChoice } from "../components/CsvSeparatorChoice.tsx";
import { useState } from "react";
import { formatDateTime } from "../i18n/dates.ts";
import { DEFAULT_AGENCY } from "../state/preferences.ts";
import { setAgency } from "../state/updaters.ts";
import { useTrackingController, useTracking } from "./tracking_context.ts";
import type { TrackingController } from "./tracking_controller.ts";
import { countUnbackedEvents } from "./tracking_view.ts";
import { readChosenFiles } from "./DepartmentPanel.tsx";
import { TrackingReport } from "./TrackingReport.tsx";
import { AutoBackups, RestoreDialog, TrackingParsingStatus } from "./DataPrompts.tsx";
import { useTranslation, useApp, usePreferences } from "../app_context.ts";
import { POINT_FILE_FORMATS, pointFile, type PointFileFormat } from "../components/point_files.ts";

/** The buttons' text for the registry files. */
const REGISTRY_FILE_LABELS: Record<PointFileFormat, MessageKey> = {
  csv: "tracking.data.registryCsv",
  geojson: "tracking.data.registryGeojson",
  kml: "tracking.data.registryKml",
};

/**
 * Downloads the one-file backup and remembers when it was taken.
 * @param controller - the page's tracking controller
 * @param today - YYYY-MM-DD, for the file name
 */
export function downloadBackup(controller: TrackingController, today: string): void {
  downloadText(`sao-luu-lom-song-${today}.json`, controller.backupText(), "application/json");
  void controller.markBackedUp();
}

/**
 * The agency's name printed on the reports (remembered in this browser).
 * @returns the field
 */
function AgencyField() {
  const [t] = useTranslation();
  const { store } = useApp();
  const { agency } = usePreferences();
  const [text, setText] = useState(agency === DEFAULT_AGENCY ? "" : agency);
  return (
    <label className="field">
      <span>{t("tracking.agency.label")}</span>
      <input
        type="text"
        value={text}
        placeholder={DEFAULT_AGENCY}
        onChange={(event) => setText(event.target.value)}
        onBlur={() => store.setState((state) => setAgency(state, text))}
        data-testid="agency-input"
      />
      <span className="hint">{t("tracking.agency.hint")}</span>
    </label>
  );
}

/**
 * Replacing the registry, the exports (progress report CSV, print, registry with status as CSV, GeoJSON,
 * KML) and the backup and restore.
 * @param props - the points shown, their states, the day shown, today and the loaded points (for point_id links)
 * @returns the data panel
 */
export function DataPanel({
  points,
  states,
  date,
  today,
  loadedPoints,
  showRegistryImport,
}: {
  points: readonly ListedPoint[];
  states: TrackingStates;
  date: string;
  today: string;
  loadedPoints: readonly Point[];
  showRegistryImport: boolean;
}) {
  const { csvSeparator } = usePreferences();
  const [t, language] = useTranslation();
  const controller = useTrackingController();
  const imports = useTracking((state) => state.imports);
  const unbacked = useTracking(countUnbackedEvents);
  const backup = useTracking((state) => state.backup);
  const rows = () => buildTrackingExportRows(points, states, { today: date, language });
  return (
    <section className="tracking-data" aria-labelledby="tracking-data-heading">
      <h2 id="tracking-data-heading">{t("tracking.data.heading")}</h2>
      <div className="tracking-data-grid">
        <div>
          <h3>{t("tracking.data.exports")}</h3>
          <AgencyField />
          <CsvSeparatorChoice name="csv-separator-tracking" />
          <ul className="tracking-button-list">
            <li>
              <button
                type="button"
                data-testid="export-report-csv"
                onClick={() =>
                  downloadText(
                    `bao-cao-tien-do-${date}.csv`,
                    progressTableToCsv(points, states, { today: date, language, separator: csvSeparator }),
                    "text/csv;charset=utf-8",
                  )
                }
              >
                {t("tracking.data.reportCsv")}
              </button>
            </li>
            <li>
              <button type="button" data-testid="print-report" onClick={() => window.print()}>
                {t("tracking.data.print")}
              </button>
            </li>
            {POINT_FILE_FORMATS.map((format) => (
              <li key={format}>
                <button
                  type="button"
                  data-testid={`export-registry-${format}`}
                  onClick={() => {
                    const file = pointFile(format, rows(), { language, separator: csvSeparator, title: t("tracking.heading") });
                    downloadText(`danh-sach-lom-song-${date}.${format}`, file.text, file.type);
                  }}
                >
                  {t(REGISTRY_FILE_LABELS[format])}
                </button>
              </li>
            ))}
          </ul>
        </div>
        <div>
          <h3>{t("tracking.data.backup")}</h3>
          <p data-testid="backup-status" className={unbacked > 0 ? "tracking-warning" : "hint"}>
            {/* One true sentence: changes to back up (since when), everything backed up (when), or nothing to back up. */}
            {unbacked > 0
              ? backup
                ? t("tracking.data.backupReminderLast", { count: unbacked, date: formatDateTime(language, backup.at) })
                : t("tracking.data.backupReminder", { count: unbacked })
              : backup
                ? t("tracking.data.backupUpToDate", { date: formatDateTime(language, backup.at) })
                : t("tracking.data.backupNothing")}
          </p>
          <button type="button" className="primary" data-testid="backup-download" onClick={() => downloadBackup(controller, today)}>
            {t("tracking.data.backupDownload")}
          </button>
          <BackupPhotoNote />
          <label className="field tracking-file">
            <span>{t("tracking.data.restore")}</span>
            <input
              type="file"
              accept=".json,application/json"
              data-testid="restore-input"
              onChange={(event) => void readChosenFiles(event, controller.restore)}
            />
          </label>
          <RestoreDialog />
          <AutoBackups />
        </div>
        {showRegistryImport && (
          <div>
            <h3>{t("tracking.data.registryImport")}</h3>
            <label className="field tracking-file">
              <span className="visually-hidden">{t("tracking.data.registryImport")}</span>
              <input
                type="file"
                accept=".csv,.txt,.xlsx,.geojson,.json,.kml,.kmz,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/geo+json,application/vnd.google-earth.kml+xml,application/vnd.google-earth.kmz"
                data-testid="registry-input"
                onChange={(event) => void readChosenFiles(event, (name, bytes) => controller.importRegistry(name, bytes, loadedPoints))}
              />
            </label>
            <TrackingParsingStatus kind="registry" />
            <p className="hint">{t("tracking.data.registryHint")}</p>
            <button
              type="button"
              data-testid="tracking-reset-sample"
              onClick={() => {
                if (window.confirm(t("tracking.data.resetConfirm"))) void controller.resetToSample();
              }}
            >
              {t("tracking.data.resetSample")}
            </button>
          </div>
        )}
      </div>
      {imports
        .filter((entry) => entry.kind === "registry")
        .map((entry) => (
          <TrackingReport key={entry.id} entry={entry} />
        ))}
    </section>
  );
}
