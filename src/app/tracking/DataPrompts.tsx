/**
 * The data panel's prompts: restoring a backup (what it would change, computed by the domain's diffBackup,
 * then the user's choice — replace, merge or cancel), the automatic backups kept before each replace, offered
 * as downloads, and the line of a tracking file being read in the worker, with its cancel button.
 */
import { useEffect, useRef } from "react";
import { STATUS_LABELS } from "../../domain/tracking/status.ts";
import { downloadText } from "../components/download.ts";
import { useTrackingController, useTracking } from "./tracking_context.ts";
import { formatDay } from "../i18n/i18n.ts";
import { useTranslation } from "../app_context.ts";

/** At most this many removed events are listed by name. */
const REMOVED_SHOWN = 8;

/**
 * The question asked before a restore, while a valid backup waits for a choice.
 * @returns the dialog, or nothing
 */
export function RestoreDialog() {
  const [t, language] = useTranslation();
  const controller = useTrackingController();
  const pending = useTracking((state) => state.pendingRestore);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (pending) heading.current?.focus();
  }, [pending]);
  if (!pending) return null;
  const { diff, backup, file } = pending;
  const { points, events } = diff.replace;
  const same = !diff.replace.losesData && points.added.length === 0 && events.added.length === 0;
  const date = new Date(backup.createdAt);
  return (
    <section
      className="tracking-restore"
      role="alertdialog"
      aria-labelledby="tracking-restore-heading"
      aria-describedby="tracking-restore-summary"
      data-testid="restore-dialog"
    >
      <h3 id="tracking-restore-heading" ref={heading} tabIndex={-1}>
        {t("tracking.restore.heading", { file })}
      </h3>
      <p id="tracking-restore-summary">
        {t("tracking.restore.backupOf", {
          date: Number.isNaN(date.getTime()) ? backup.createdAt : date.toLocaleString(language === "vi" ? "vi-VN" : "en-GB"),
          points: backup.registry.length,
          events: backup.events.length,
        })}
      </p>
      {same ? (
        <p data-testid="restore-same">{t("tracking.restore.same")}</p>
      ) : (
        <>
          <h4>{t("tracking.restore.replaceHeading")}</h4>
          <p data-testid="restore-replace-points">
            {t("tracking.restore.pointsChange", {
              added: points.added.length,
              removed: points.removed.length,
              changed: points.changed.length,
              unchanged: points.unchanged,
            })}
          </p>
          <p data-testid="restore-replace-events">
            {t("tracking.restore.eventsChange", { added: events.added.length, removed: events.removed.length, unchanged: events.unchanged })}
          </p>
          {diff.replace.losesData && (
            <p className="tracking-warning" role="alert" data-testid="restore-loses">
              {t("tracking.restore.loses", { events: events.removed.length, points: points.removed.length })}
            </p>
          )}
          {events.removed.length > 0 && (
            <>
              <p>{t("tracking.restore.removedList")}</p>
              <ul data-testid="restore-removed-events">
                {events.removed.slice(0, REMOVED_SHOWN).map((event) => (
                  <li key={event.id}>
                    {event.pointId}: {STATUS_LABELS[event.status][language]}, {formatDay(language, event.date)}
                  </li>
                ))}
              </ul>
              {events.removed.length > REMOVED_SHOWN && <p className="hint">{t("tracking.restore.more", { count: events.removed.length - REMOVED_SHOWN })}</p>}
            </>
          )}
          <h4>{t("tracking.restore.mergeHeading")}</h4>
          <p data-testid="restore-merge-summary">
            {t("tracking.restore.mergeChange", { points: diff.merge.pointsAdded.length, events: diff.merge.eventsAdded.length })}
          </p>
        </>
      )}
      <div className="button-row">
        <button type="button" onClick={() => void controller.confirmRestore("replace")} data-testid="restore-replace">
          {t("tracking.restore.replace")}
        </button>
        <button type="button" className="primary" onClick={() => void controller.confirmRestore("merge")} data-testid="restore-merge">
          {t("tracking.restore.merge")}
        </button>
        <button type="button" onClick={() => controller.cancelRestore()} data-testid="restore-cancel">
          {t("tracking.restore.cancel")}
        </button>
      </div>
    </section>
  );
}

/**
 * The automatic backups kept before a restore or a reset replaced the data, each a download.
 * @returns the list, or nothing when there is none
 */
export function AutoBackups() {
  const [t, language] = useTranslation();
  const autoBackups = useTracking((state) => state.autoBackups);
  if (autoBackups.length === 0) return null;
  return (
    <div className="tracking-auto-backups" data-testid="auto-backups">
      <h4>{t("tracking.autoBackup.heading")}</h4>
      <ul>
        {[...autoBackups].reverse().map((backup) => (
          <li key={backup.id}>
            {t("tracking.autoBackup.item", {
              date: new Date(backup.at).toLocaleString(language === "vi" ? "vi-VN" : "en-GB"),
              reason: backup.reason === "restore" ? t("tracking.autoBackup.restore", { file: backup.file ?? "" }) : t("tracking.autoBackup.reset"),
              points: backup.points,
              events: backup.events,
            })}{" "}
            <button
              type="button"
              data-testid="auto-backup-download"
              onClick={() => downloadText(`sao-luu-tu-dong-${backup.at.slice(0, 19).replace(/[:T]/g, "-")}.json`, backup.text, "application/json")}
            >
              {t("tracking.autoBackup.download")}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The file being read in the worker, with a progress bar and a cancel button.
 * @param props - which import this line belongs to
 * @returns the line, or nothing when that import is idle
 */
export function TrackingParsingStatus({ kind }: { kind: "registry" | "updates" }) {
  const [t] = useTranslation();
  const parsing = useTracking((state) => state.parsing);
  if (!parsing || parsing.kind !== kind) return null;
  return (
    <div className="progress" role="status" aria-live="polite" data-testid={`${kind}-parsing`}>
      <span>{t("tracking.parse.reading", { file: parsing.file })}</span>
      {/* Without a value the bar is indeterminate: the domain parser is one step. */}
      <progress max={100} {...(parsing.fraction !== null ? { value: Math.round(parsing.fraction * 100) } : {})} aria-label={t("tracking.parse.progress")} />
      <button type="button" onClick={parsing.cancel} data-testid={`${kind}-parsing-cancel`}>
        {t("tracking.parse.cancel")}
      </button>
    </div>
  );
}
