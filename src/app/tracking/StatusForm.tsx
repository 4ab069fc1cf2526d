import { useEffect, useRef, useState, type ChangeEvent, type FormEvent } from "react";
import { parseNumber } from "../../domain/parse/parse_number.ts";
import type { Actor, Evidence, PhotoRef } from "../../domain/tracking/events.ts";
import { checkPhoto, PHOTO_LIMITS } from "../../domain/tracking/evidence_packet.ts";
import type { ListedPoint } from "../../domain/tracking/registry.ts";
import type { PointTracking } from "../../domain/tracking/replay.ts";
import { STATUS_LABELS, isCoveredStatus, type TrackingStatus } from "../../domain/tracking/status.ts";
import { allowedNextStatuses, findTransition } from "../../domain/tracking/transitions.ts";
import { TECHNOLOGIES, type Technology } from "../../domain/types.ts";
import { DayInput } from "../components/DayInput.tsx";
import { AlertText } from "../components/AlertText.tsx";
import type { MessageKey } from "../i18n/i18n.ts";
import { useTrackingController } from "./tracking_context.ts";
import { makeNotice } from "../i18n/i18n.ts";
import { useTranslation } from "../app_context.ts";
import { hashPhoto, putPhotos } from "../storage/photo_store.ts";
import "./evidence.css";
import { editPoint } from "./tracking_updaters.ts";
import { SelectOptions } from "../components/SelectOptions.tsx";

type MeasuredKey = "downloadMbps" | "uploadMbps" | "signalDbm";

/** The measured figures of the evidence, typed as decimals (a comma or a point), in the order the form asks for them. */
const MEASURED: { key: MeasuredKey; label: MessageKey; testId: string }[] = [
  { key: "downloadMbps", label: "tracking.form.download", testId: "form-download" },
  { key: "uploadMbps", label: "tracking.form.upload", testId: "form-upload" },
  { key: "signalDbm", label: "tracking.form.signal", testId: "form-signal" },
];

/** A photo attached in the form: its reference (kept in the event) and a preview URL. */
interface AttachedPhoto {
  ref: PhotoRef;
  url: string;
}

/**
 * The form a carrier records a status change with. It offers only the transitions the table allows from
 * the point's current status, and asks for a reason where the table requires one.
 * @param props - the point, its state, who acts and today
 * @returns the form
 */
export function StatusForm({ point, progress, actor, today }: { point: ListedPoint; progress: PointTracking; actor: Actor; today: string }) {
  const [t, language] = useTranslation();
  const controller = useTrackingController();
  const options = allowedNextStatuses(point, progress.status, actor);
  const [status, setStatus] = useState<TrackingStatus | "">(options[0] ?? "");
  const [date, setDate] = useState(today);
  const [technology, setTechnology] = useState<Technology | "">(progress.technology ?? "4G");
  const [evidenceText, setEvidenceText] = useState("");
  const [measured, setMeasured] = useState<Record<MeasuredKey, string>>({ downloadMbps: "", uploadMbps: "", signalDbm: "" });
  const [photo, setPhoto] = useState("");
  const [note, setNote] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [photos, setPhotos] = useState<AttachedPhoto[]>([]);
  const [photoProblems, setPhotoProblems] = useState<string[]>([]);
  const [readingPhotos, setReadingPhotos] = useState(false);
  // Preview URLs live as long as the form.
  const urls = useRef<string[]>([]);
  useEffect(() => () => urls.current.forEach((url) => URL.revokeObjectURL(url)), []);
  const rule = status ? findTransition(progress.status, status, actor.role) : undefined;
  const close = () => controller.store.setState((state) => editPoint(state, null));
  const headingRef = useRef<HTMLHeadingElement>(null);
  // The form opens above the list: bring it into view and move the keyboard focus to it.
  useEffect(() => {
    headingRef.current?.scrollIntoView?.({ block: "nearest" });
    headingRef.current?.focus();
  }, []);

  /**
   * Checks each chosen file (its real type from its bytes, its size, the count), hashes it and saves it in the
   * photo store at once: the event only names it, and the packet export reads it back from there.
   */
  const attach = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.target;
    const files = [...(input.files ?? [])];
    input.value = "";
    if (files.length === 0) return;
    setReadingPhotos(true);
    const problems: string[] = [];
    const added: AttachedPhoto[] = [];
    for (const file of files) {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const checked = checkPhoto({ name: file.name, bytes, declaredType: file.type }, photos.length + added.length);
      if (!checked.ok) {
        problems.push(checked.error.message[language]);
        continue;
      }
      const hash = await hashPhoto(bytes);
      if ([...photos, ...added].some((photo) => photo.ref.hash === hash)) {
        problems.push(t("tracking.evidence.duplicate", { name: file.name }));
        continue;
      }
      const ref: PhotoRef = { hash, name: file.name.normalize("NFC"), size: bytes.length, type: checked.value };
      try {
        await putPhotos([{ ref, bytes }]);
      } catch (error) {
        problems.push(t("tracking.evidence.attachStoreFailed", { name: file.name, reason: error instanceof Error ? error.message : String(error) }));
        continue;
      }
      const url = URL.createObjectURL(new Blob([bytes], { type: checked.value }));
      urls.current.push(url);
      added.push({ ref, url });
    }
    setPhotos((current) => [...current, ...added]);
    setPhotoProblems(problems);
    setReadingPhotos(false);
  };
  const detach = (hash: string) => setPhotos((current) => current.filter((photo) => photo.ref.hash !== hash));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!status) return;
    const evidence: Evidence = {};
    for (const { key } of MEASURED) {
      const text = measured[key];
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
    if (photos.length > 0) evidence.photos = photos.map((attached) => attached.ref);
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
    if (recorded) controller.notify(makeNotice("info", "tracking.form.recorded", { id: point.id, status: STATUS_LABELS[status] }));
  };

  return (
    <form className="tracking-form" onSubmit={submit} data-testid="status-form" aria-labelledby="tracking-form-heading">
      <h3 id="tracking-form-heading" tabIndex={-1} ref={headingRef}>
        {t("tracking.form.heading", { name: point.name, id: point.id })}
      </h3>
      <p>{t("tracking.form.current", { status: STATUS_LABELS[progress.status][language] })}</p>
      {options.length === 0 ? (
        <p>{t("tracking.form.noTransition")}</p>
      ) : (
        <div className="tracking-form-grid">
          <label className="field">
            <span>{t("tracking.form.status")}</span>
            <select value={status} onChange={(event) => setStatus(event.target.value as TrackingStatus)} data-testid="form-status" required>
              <SelectOptions items={options} toLabel={(option) => STATUS_LABELS[option][language]} />
            </select>
          </label>
          <label className="field">
            <span>{t("tracking.form.date")}</span>
            <DayInput language={language} value={date} max={today} onChange={setDate} testId="form-date" required hint={t("tracking.dayHint")} />
          </label>
          <label className="field">
            <span>{t("tracking.form.technology")}</span>
            <select
              value={technology}
              onChange={(event) => setTechnology(event.target.value as Technology | "")}
              data-testid="form-technology"
              disabled={!status || !isCoveredStatus(status)}
            >
              <SelectOptions items={TECHNOLOGIES} empty={t("tracking.form.noTechnology")} />
            </select>
          </label>
          <label className="field tracking-form-wide">
            <span>{t("tracking.form.evidence")}</span>
            <input type="text" value={evidenceText} onChange={(event) => setEvidenceText(event.target.value)} data-testid="form-evidence" />
          </label>
          {MEASURED.map(({ key, label, testId }) => (
            <label key={key} className="field">
              <span>{t(label)}</span>
              <input
                type="text"
                inputMode="decimal"
                value={measured[key]}
                onChange={(event) => setMeasured((current) => ({ ...current, [key]: event.target.value }))}
                data-testid={testId}
              />
            </label>
          ))}
          <label className="field">
            <span>{t("tracking.form.photo")}</span>
            <input type="text" value={photo} onChange={(event) => setPhoto(event.target.value)} data-testid="form-photo" />
          </label>
          <div className="field evidence-field" role="group" aria-labelledby="evidence-photos-label">
            <span id="evidence-photos-label">
              {t("tracking.evidence.attach", { count: PHOTO_LIMITS.maxPhotosPerChange, mb: PHOTO_LIMITS.maxPhotoBytes / 1_048_576 })}
            </span>
            <div className="evidence-pick">
              {/* On a phone the first opens the camera; the second, the gallery or the files. */}
              <label className="button-like">
                {t("tracking.evidence.take")}
                <input
                  type="file"
                  accept="image/*"
                  capture="environment"
                  className="visually-hidden"
                  onChange={(event) => void attach(event)}
                  disabled={readingPhotos || photos.length >= PHOTO_LIMITS.maxPhotosPerChange}
                  data-testid="form-photo-capture"
                />
              </label>
              <label className="button-like">
                {t("tracking.evidence.choose")}
                <input
                  type="file"
                  accept="image/*"
                  multiple
                  className="visually-hidden"
                  onChange={(event) => void attach(event)}
                  disabled={readingPhotos || photos.length >= PHOTO_LIMITS.maxPhotosPerChange}
                  data-testid="form-photo-files"
                />
              </label>
              {readingPhotos && <span role="status">{t("tracking.evidence.reading")}</span>}
            </div>
            <span className="hint">{t("tracking.evidence.attachHint")}</span>
            {photoProblems.length > 0 && (
              <ul className="tracking-error evidence-problems" role="alert" data-testid="form-photo-problems">
                {photoProblems.map((text) => (
                  <li key={text}>{text}</li>
                ))}
              </ul>
            )}
            {photos.length > 0 && (
              <ul className="evidence-thumbs" data-testid="form-photos">
                {photos.map((attached) => (
                  <li key={attached.ref.hash}>
                    <img src={attached.url} alt={attached.ref.name} width={96} height={72} />
                    <span>{attached.ref.name}</span>
                    <button
                      type="button"
                      className="evidence-remove"
                      onClick={() => detach(attached.ref.hash)}
                      aria-label={t("tracking.evidence.remove", { name: attached.ref.name })}
                      data-testid="form-photo-remove"
                    >
                      ✕
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </div>
          <label className="field tracking-form-wide">
            <span>
              {t("tracking.form.note")}
              {rule?.reasonRequired ? " *" : ""}
            </span>
            <input
              type="text"
              value={note}
              onChange={(event) => setNote(event.target.value)}
              data-testid="form-note"
              required={rule?.reasonRequired === true}
            />
          </label>
        </div>
      )}
      <AlertText text={problem} className="tracking-error" />
      <div className="button-row">
        {options.length > 0 && (
          <button type="submit" className="primary" data-testid="form-submit" disabled={readingPhotos}>
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
