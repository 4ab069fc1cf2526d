import { useRef, useState, type DragEvent } from "react";
import { TECHNOLOGIES, type Technology } from "../../domain/types.ts";
import type { FileOptions, InspectResult, LoadedFileKind } from "../../workers/messages.ts";
import { RequestFailedError, isAbortError } from "../../workers/analysis_client.ts";
import { useApp, useAppState, usePreferences, useTranslation } from "../app_context.ts";
import { downloadText, todayStamp } from "../components/download.ts";
import { formatNumber, makeNotice, type MessageKey } from "../i18n/i18n.ts";
import { createFileId } from "../state/controller.ts";
import { importReportToCsv } from "./import_report_csv.ts";
import { WorkbookSheetChoice } from "./WorkbookSheetChoice.tsx";
import { FormatChoice } from "./FormatChoice.tsx";
import { SelectOptions } from "../components/SelectOptions.tsx";
import { issuePlace } from "../components/issue_place.ts";
import type { ImportIssue } from "../../domain/issues.ts";
import { ScrollTable } from "../components/ScrollTable.tsx";

/** A file chosen: only its Blob (the worker reads it; the main thread never does, see LoadedFile.bytes). */
interface PendingFile {
  name: string;
  /** The file as chosen (saved by reference, not copied: see LoadedFile.blob). */
  blob: Blob;
}

type ChosenKind = LoadedFileKind | "other" | "unknown";

interface Preview {
  file: PendingFile;
  inspect: InspectResult;
  kind: ChosenKind;
  options: FileOptions;
}

const ISSUE_LIMIT = 200;
const DELIMITERS: { value: "," | ";" | "\t"; key: MessageKey }[] = [
  { value: ",", key: "import.delimiter.comma" },
  { value: ";", key: "import.delimiter.semicolon" },
  { value: "\t", key: "import.delimiter.tab" },
];

/** The two columns a point list is placed by, chosen in the preview when the detection guessed wrong. */
const COORDINATE_COLUMNS = ["lonColumn", "latColumn"] as const;

function chosenKindOf(inspect: InspectResult): ChosenKind {
  const kind = inspect.detectedKind;
  if (kind === "points" || kind === "coverage" || kind === "admin") return kind;
  if (kind === "registry" || kind === "updates" || kind === "backup") return "other";
  return inspect.csv ? "points" : "unknown";
}

function ImportReportView() {
  const { csvSeparator } = usePreferences();
  const [t, language] = useTranslation();
  const lastImport = useAppState((state) => state.lastImport);
  if (!lastImport) return null;
  const { report } = lastImport;
  const shown = report.issues.slice(0, ISSUE_LIMIT);
  const placeText = (issue: ImportIssue) => {
    const place = issuePlace(issue);
    return t(`report.${place.kind}`, place.params);
  };
  return (
    <section className={`import-report${lastImport.refused ? " import-report-refused" : ""}`} data-testid="import-report" aria-live="polite">
      <h3>{t("report.heading", { file: lastImport.fileName })}</h3>
      {report.sheet !== undefined && (
        <p className="hint" data-testid="import-report-sheet">
          {t("report.sheet", { sheet: report.sheet })}
        </p>
      )}
      <p role={lastImport.refused ? "alert" : "status"} data-testid="import-outcome" data-refused={lastImport.refused ? "true" : "false"}>
        {lastImport.refused ? t("import.badFile", { file: lastImport.fileName }) : t("import.done", { file: lastImport.fileName })}
      </p>
      <dl className="report-counts">
        <dt>{t("report.read")}</dt>
        <dd data-testid="report-read">{formatNumber(language, report.read)}</dd>
        <dt>{t("report.accepted")}</dt>
        <dd data-testid="report-accepted">{formatNumber(language, report.accepted)}</dd>
        <dt>{t("report.rejected")}</dt>
        <dd data-testid="report-rejected">{formatNumber(language, report.rejected)}</dd>
        <dt>{t("report.warnings")}</dt>
        <dd>{formatNumber(language, report.warnings)}</dd>
      </dl>
      {report.issues.length === 0 ? (
        <p className="hint">{t("report.none")}</p>
      ) : (
        <ScrollTable
          className="issues-table"
          testId="import-issues"
          columns={[t("report.where"), t("report.column"), t("report.severity"), t("report.reason")]}
        >
          {shown.map((issue, position) => (
            <tr key={position} className={`issue-${issue.severity}`}>
              <td>{placeText(issue)}</td>
              <td>{issue.column ?? ""}</td>
              <td>{issue.severity === "error" ? t("report.error") : t("report.warning")}</td>
              <td>{issue.message[language]}</td>
            </tr>
          ))}
        </ScrollTable>
      )}
      {report.issues.length > ISSUE_LIMIT && <p className="hint">{t("report.more", { shown: ISSUE_LIMIT, total: report.issues.length })}</p>}
      <button
        type="button"
        data-testid="import-report-download"
        onClick={() =>
          downloadText(`${t("export.reportFileName")}-${todayStamp()}.csv`, importReportToCsv(report, language, csvSeparator), "text/csv;charset=utf-8")
        }
      >
        {t("report.download")}
      </button>
    </section>
  );
}

function LoadedFiles() {
  const [t] = useTranslation();
  const { controller } = useApp();
  const files = useAppState((state) => state.files);
  const busy = useAppState((state) => state.busy);
  if (files.length === 0) return null;
  return (
    <section className="loaded-files">
      <h3>{t("import.loaded")}</h3>
      <ul data-testid="loaded-files">
        {files.map((file) => (
          <li key={`${file.id}:${file.name}`}>
            <span>
              {file.name} — {t(`import.kind.${file.kind}`)}
              {file.isSample ? ` (${t("import.sampleTag")})` : ""}
            </span>
            <button
              type="button"
              onClick={() => void controller.removeFile(file.id)}
              disabled={busy !== null}
              aria-label={t("import.remove", { file: file.name })}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * Import: a drop zone and a file picker, a preview of each file in which its kind, delimiter and
 * coordinate columns can be corrected, then the import report.
 * @returns the import panel
 */
export function ImportPanel() {
  const [t, language] = useTranslation();
  const { controller } = useApp();
  const busy = useAppState((state) => state.busy);
  // The queue and the preview are read after awaits (a file chosen while an import runs): refs, not the render's copies.
  const queueRef = useRef<PendingFile[]>([]);
  const [queueLength, setQueueLength] = useState(0);
  const previewRef = useRef<Preview | null>(null);
  const inspecting = useRef(false);
  const [preview, setPreviewState] = useState<Preview | null>(null);
  const [dragging, setDragging] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  const setQueue = (next: PendingFile[]) => {
    queueRef.current = next;
    setQueueLength(next.length);
  };
  const setPreview = (next: Preview | null) => {
    previewRef.current = next;
    setPreviewState(next);
  };

  const inspect = async (file: PendingFile, options: FileOptions, kind?: ChosenKind) => {
    inspecting.current = true;
    try {
      const result = await controller.inspectFile(file.name, file.blob, options);
      const lon = options.lonColumn ?? result.csv?.lonColumn;
      const lat = options.latColumn ?? result.csv?.latColumn;
      // A workbook's sheet is kept as chosen in the preview, so the import reads that very sheet.
      const sheet = result.xlsx?.sheet ?? undefined;
      setPreview({
        file,
        inspect: result,
        kind: kind ?? chosenKindOf(result),
        options: { ...options, lonColumn: lon, latColumn: lat, ...(sheet !== undefined ? { sheet } : {}) },
      });
    } catch (error) {
      if (error instanceof RequestFailedError && error.code === "blob_unreadable")
        controller.notify(makeNotice("error", "error.fileChanged", { file: file.name }));
      else if (!isAbortError(error))
        controller.notify(makeNotice("error", "error.readFile", { file: file.name, reason: error instanceof Error ? error.message : String(error) }));
      setPreview(null);
    } finally {
      inspecting.current = false;
    }
  };

  /** Shows the next file waiting, or closes the preview. */
  const showNext = () => {
    const [next, ...rest] = queueRef.current;
    setQueue(rest);
    if (next) void inspect(next, {});
    else setPreview(null);
  };

  const addFiles = (list: FileList | null) => {
    if (!list || list.length === 0) return;
    const read: PendingFile[] = Array.from(list, (file) => ({ name: file.name, blob: file }));
    if (inputRef.current) inputRef.current.value = "";
    // A preview open (or being made, or being imported) keeps its place: the new files wait in the queue, as the preview says.
    setQueue([...queueRef.current, ...read]);
    if (!previewRef.current && !inspecting.current) showNext();
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    addFiles(event.dataTransfer.files);
  };

  const confirm = async () => {
    if (!preview || (preview.kind !== "points" && preview.kind !== "coverage" && preview.kind !== "admin")) return;
    const current = preview;
    const outcome = await controller.importFile({
      id: createFileId(),
      name: current.file.name,
      kind: preview.kind as LoadedFileKind,
      blob: current.file.blob,
      options: current.options,
      isSample: false,
    });
    // A cancelled or failed import keeps its preview, so the user can try again.
    if (outcome !== "stopped") showNext();
  };

  const updateOptions = (patch: Partial<FileOptions>) => {
    if (!preview) return;
    const options = { ...preview.options, ...patch };
    if ("delimiter" in patch || "sheet" in patch) {
      // A new delimiter (or sheet) changes the columns: let the preview detect the coordinate columns again.
      delete options.lonColumn;
      delete options.latColumn;
    }
    void inspect(preview.file, options, preview.kind);
  };

  const csv = preview?.inspect.csv ?? null;
  const workbookError = preview?.inspect.xlsx?.error ?? null;
  const formatBlocked = preview?.inspect.format?.error !== undefined && preview.inspect.format.error !== null;
  // A raster the formats reader recognised (a GeoTIFF coverage grid) is importable; any other binary file is not text.
  const binary = preview?.inspect.format?.name === "geotiff" ? null : (preview?.inspect.binary ?? null);
  const importable =
    preview !== null &&
    workbookError === null &&
    !formatBlocked &&
    binary === null &&
    (preview.kind === "points" || preview.kind === "coverage" || preview.kind === "admin");

  return (
    <section className="import-panel" aria-labelledby="import-heading">
      <h2 id="import-heading">{t("import.heading")}</h2>
      <div
        className={`drop-zone${dragging ? " drop-zone-active" : ""}`}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="import-drop"
      >
        <p>{t("import.drop")}</p>
        <label className="button-like">
          {t("import.choose")}
          <input
            ref={inputRef}
            type="file"
            multiple
            accept=".csv,.tsv,.txt,.xlsx,.xls,.zip,.geojson,.json,.kml,.kmz,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/geo+json,application/json,application/vnd.google-earth.kml+xml,application/vnd.google-earth.kmz"
            data-testid="import-input"
            className="visually-hidden"
            onChange={(event) => addFiles(event.target.files)}
          />
        </label>
        <p className="hint">{t("import.help")}</p>
      </div>

      {preview && (
        <section className="import-preview" data-testid="import-preview" aria-labelledby="import-preview-heading">
          <h3 id="import-preview-heading">{t("import.preview", { file: preview.file.name })}</h3>
          <p className="hint">{t("import.detectedKind", { kind: t(`import.kind.${chosenKindOf(preview.inspect)}`) })}</p>
          <label className="field">
            <span>{t("import.kind")}</span>
            <select value={preview.kind} onChange={(event) => setPreview({ ...preview, kind: event.target.value as ChosenKind })} data-testid="import-kind">
              <SelectOptions
                items={(csv || preview.inspect.xlsx) && !preview.inspect.format?.estimated ? (["points"] as const) : (["points", "coverage", "admin"] as const)}
                toLabel={(kind) => t(`import.kind.${kind}`)}
              />
              {preview.kind === "other" && <option value="other">{t("import.kind.other")}</option>}
              {preview.kind === "unknown" && <option value="unknown">{t("import.kind.unknown")}</option>}
            </select>
          </label>
          <WorkbookSheetChoice xlsx={preview.inspect.xlsx} file={preview.file.name} onChoose={(sheet) => updateOptions({ sheet })} />
          <FormatChoice
            format={preview.inspect.format}
            options={preview.options}
            onCrs={(crs) => updateOptions({ crs })}
            onOptions={(patch) => updateOptions(patch)}
          />
          {csv && (
            <>
              <dl className="preview-facts">
                <dt>{csv.encoding === "xlsx" ? t("import.format") : t("import.encoding")}</dt>
                <dd data-testid="preview-encoding">{csv.encoding === "xlsx" ? t("import.formatXlsx") : csv.encoding}</dd>
                <dt>{t("import.decimalComma")}</dt>
                <dd data-testid="preview-decimal-comma">{csv.decimalComma ? t("import.yes") : t("import.no")}</dd>
                <dt>{t("import.rowCount", { count: csv.rowCount })}</dt>
                <dd />
              </dl>
              {csv.encoding !== "xlsx" && (
                <label className="field">
                  <span>{t("import.delimiter")}</span>
                  <select
                    value={preview.options.delimiter ?? csv.delimiter}
                    onChange={(event) => updateOptions({ delimiter: event.target.value as FileOptions["delimiter"] })}
                    data-testid="import-delimiter"
                  >
                    <SelectOptions items={DELIMITERS} toValue={(delimiter) => delimiter.value} toLabel={(delimiter) => t(delimiter.key)} />
                  </select>
                </label>
              )}
              {COORDINATE_COLUMNS.map((option) => (
                <label key={option} className="field">
                  <span>{t(`import.${option}`)}</span>
                  <select
                    value={preview.options[option] ?? ""}
                    onChange={(event) => updateOptions({ [option]: event.target.value || undefined })}
                    data-testid={option === "lonColumn" ? "import-lon" : "import-lat"}
                  >
                    <SelectOptions items={csv.columns} empty={t("import.noColumn")} />
                  </select>
                </label>
              ))}
              <div className="table-scroll">
                <table className="preview-table" data-testid="preview-table">
                  <caption>{t("import.firstRows")}</caption>
                  <thead>
                    <tr>
                      {csv.columns.map((column, index) => (
                        <th
                          key={index}
                          scope="col"
                          className={column === preview.options.lonColumn || column === preview.options.latColumn ? "preview-coordinate" : undefined}
                        >
                          {column}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {csv.rows.slice(0, 10).map((row, rowIndex) => (
                      <tr key={rowIndex}>
                        {csv.columns.map((_, index) => (
                          <td key={index}>{row[index] ?? ""}</td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
          {!csv && preview.inspect.featureCount !== null && <p>{t("import.geojsonInfo", { count: preview.inspect.featureCount })}</p>}
          {preview.kind === "coverage" && (
            <>
              <label className="field">
                <span>{t("import.carrier")}</span>
                <input
                  type="text"
                  value={preview.options.carrier ?? ""}
                  onChange={(event) => setPreview({ ...preview, options: { ...preview.options, carrier: event.target.value || undefined } })}
                  data-testid="import-carrier"
                />
              </label>
              <label className="field">
                <span>{t("import.technology")}</span>
                <select
                  value={preview.options.technology ?? ""}
                  onChange={(event) =>
                    setPreview({ ...preview, options: { ...preview.options, technology: (event.target.value || undefined) as Technology | undefined } })
                  }
                  data-testid="import-technology"
                >
                  <SelectOptions items={TECHNOLOGIES} empty={t("import.fromFile")} />
                </select>
              </label>
              <p className="hint">{t("import.repair")}</p>
            </>
          )}
          {binary !== null && (
            <p role="alert" data-testid="import-binary">
              {binary === "tiff" ? t("import.binary.tiff") : t("import.binary.other", { kind: binary.toUpperCase() })}
            </p>
          )}
          {!importable &&
            workbookError === null &&
            binary === null &&
            (preview.inspect.geoError ? (
              <p role="alert" data-testid="import-geo-error">
                {preview.inspect.geoError[language]}
              </p>
            ) : (
              <p role="alert">{t("import.notSupported")}</p>
            ))}
          <div className="button-row">
            <button type="button" className="primary" onClick={() => void confirm()} disabled={!importable || busy !== null} data-testid="import-confirm">
              {t("import.confirm")}
            </button>
            <button type="button" onClick={() => showNext()} data-testid="import-discard">
              {t("import.cancel")}
            </button>
          </div>
          {busy !== null && importable && (
            <p className="hint" data-testid="import-wait">
              {t("import.waitAnalysis")}
            </p>
          )}
          {queueLength > 0 && (
            <p className="hint" role="status" data-testid="import-queue">
              {t("import.queue", { count: queueLength })}
            </p>
          )}
        </section>
      )}
      <ImportReportView />
      <LoadedFiles />
    </section>
  );
}
