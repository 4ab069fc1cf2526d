import { useEffect, useRef, useState, type FormEvent } from "react";
import { parseNumber } from "../../domain/parse/parse_number.ts";
import type { Actor, Evidence } from "../../domain/progress/events.ts";
import type { ListedPoint } from "../../domain/progress/registry.ts";
import type { PointProgress } from "../../domain/progress/replay.ts";
import { STATUS_LABELS, isCoveredStatus, type ProgressStatus } from "../../domain/progress/status.ts";
import { allowedNextStatuses, findTransition } from "../../domain/progress/transitions.ts";
import { TECHNOLOGIES, type Technology } from "../../domain/types.ts";
import { DayInput } from "../components/DayInput.tsx";
import { getTrackingController } from "./tracking_context.ts";
import { trackingMessage, useTrackingTranslation } from "./use_tracking_translation.ts";

/**
 * The form a carrier records a status change with. It offers only the transitions the table allows from
 * the point's current status, and asks for a reason where the table requires one.
 * @param props - the point, its state, who acts and today
 * @returns the form
 */
export function StatusForm({ point, progress, actor, today }: { point: ListedPoint; progress: PointProgress; actor: Actor; today: string }) {
  const [t, language] = useTrackingTranslation();
  const controller = getTrackingController();
  const options = allowedNextStatuses(point, progress.status, actor);
  const [status, setStatus] = useState<ProgressStatus | "">(options[0] ?? "");
  const [date, setDate] = useState(today);
  const [technology, setTechnology] = useState<Technology | "">(progress.technology ?? "4G");
  const [evidenceText, setEvidenceText] = useState("");
  const [download, setDownload] = useState("");
  const [upload, setUpload] = useState("");
  const [signal, setSignal] = useState("");
  const [photo, setPhoto] = useState("");
  const [note, setNote] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const rule = status ? findTransition(progress.status, status, actor.role) : undefined;
  const close = () => controller.store.setState({ editingPointId: null });
  const headingRef = useRef<HTMLHeadingElement>(null);
  // The form opens above the list: bring it into view and move the keyboard focus to it.
  useEffect(() => {
    headingRef.current?.scrollIntoView?.({ block: "nearest" });
    headingRef.current?.focus();
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!status) return;
    const evidence: Evidence = {};
    for (const [key, text] of [["downloadMbps", download], ["uploadMbps", upload], ["signalDbm", signal]] as const) {
      if (!text.trim()) continue;
      const value = parseNumber(text);
      if (value === null) {
        setProblem(t("tracking.form.badNumber", { value: text }));
        return;
      }
      evidence[key] = value;
    }
    if (evidenceText.trim()) evidence.text = evidenceText;
    if (photo.trim()) evidence.photo = photo;
    if (rule?.reasonRequired && !note.trim() && !evidenceText.trim()) {
      setProblem(t("tracking.form.reasonRequired"));
      return;
    }
    setProblem(null);
    const recorded = controller.recordChange({
      pointId: point.id,
      status,
      date,
      actor,
      technology: technology && isCoveredStatus(status) ? technology : undefined,
      evidence,
      note,
      recordedAt: new Date().toISOString(),
    });
    if (recorded) controller.notify("info", trackingMessage("tracking.form.recorded", { id: point.id, status: STATUS_LABELS[status] }));
  };

  return (
    <form className="tracking-form" onSubmit={submit} data-testid="status-form" aria-labelledby="tracking-form-heading">
      <h3 id="tracking-form-heading" tabIndex={-1} ref={headingRef}>{t("tracking.form.heading", { name: point.name, id: point.id })}</h3>
      <p>{t("tracking.form.current", { status: STATUS_LABELS[progress.status][language] })}</p>
      {options.length === 0 ? (
        <p>{t("tracking.form.noTransition")}</p>
      ) : (
        <div className="tracking-form-grid">
          <label className="field">
            <span>{t("tracking.form.status")}</span>
            <select value={status} onChange={(event) => setStatus(event.target.value as ProgressStatus)} data-testid="form-status" required>
              {options.map((option) => (
                <option key={option} value={option}>
                  {STATUS_LABELS[option][language]}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t("tracking.form.date")}</span>
            <DayInput language={language} value={date} max={today} onChange={setDate} testId="form-date" required hint={t("tracking.dayHint")} />
          </label>
          <label className="field">
            <span>{t("tracking.form.technology")}</span>
            <select value={technology} onChange={(event) => setTechnology(event.target.value as Technology | "")} data-testid="form-technology" disabled={!status || !isCoveredStatus(status)}>
              <option value="">{t("tracking.form.noTechnology")}</option>
              {TECHNOLOGIES.map((option) => (
                <option key={option} value={option}>
                  {option}
                </option>
              ))}
            </select>
          </label>
          <label className="field tracking-form-wide">
            <span>{t("tracking.form.evidence")}</span>
            <input type="text" value={evidenceText} onChange={(event) => setEvidenceText(event.target.value)} data-testid="form-evidence" />
          </label>
          <label className="field">
            <span>{t("tracking.form.download")}</span>
            <input type="text" inputMode="decimal" value={download} onChange={(event) => setDownload(event.target.value)} data-testid="form-download" />
          </label>
          <label className="field">
            <span>{t("tracking.form.upload")}</span>
            <input type="text" inputMode="decimal" value={upload} onChange={(event) => setUpload(event.target.value)} data-testid="form-upload" />
          </label>
          <label className="field">
            <span>{t("tracking.form.signal")}</span>
            <input type="text" inputMode="decimal" value={signal} onChange={(event) => setSignal(event.target.value)} data-testid="form-signal" />
          </label>
          <label className="field">
            <span>{t("tracking.form.photo")}</span>
            <input type="text" value={photo} onChange={(event) => setPhoto(event.target.value)} data-testid="form-photo" />
          </label>
          <label className="field tracking-form-wide">
            <span>
              {t("tracking.form.note")}
              {rule?.reasonRequired ? " *" : ""}
            </span>
            <input type="text" value={note} onChange={(event) => setNote(event.target.value)} data-testid="form-note" required={rule?.reasonRequired === true} />
          </label>
        </div>
      )}
      {problem && (
        <p className="tracking-error" role="alert">
          {problem}
        </p>
      )}
      <div className="button-row">
        {options.length > 0 && (
          <button type="submit" className="primary" data-testid="form-submit">
            {t("tracking.form.submit")}
          </button>
        )}
        <button type="button" onClick={close}>
          {t("tracking.form.cancel")}
        </button>
      </div>
    </form>
  );
}
