import { useEffect, useRef } from "react";
import type { StatusEvent } from "../../domain/progress/events.ts";
import type { ListedPoint } from "../../domain/progress/registry.ts";
import { sortEventsForReplay } from "../../domain/progress/replay.ts";
import { STATUS_LABELS } from "../../domain/progress/status.ts";
import { formatNumber } from "../i18n/i18n.ts";
import { getTrackingController } from "./tracking_context.ts";
import { formatDay, useTrackingTranslation } from "./use_tracking_translation.ts";

/**
 * The history of one point: every event of the log about it, in the order they apply.
 * @param props - the point, the log the role sees, and the ids of changes not yet imported by the department
 * @returns the history panel
 */
export function PointHistory({ point, log, pendingIds }: { point: ListedPoint; log: readonly StatusEvent[]; pendingIds: ReadonlySet<string> }) {
  const [t, language] = useTrackingTranslation();
  const controller = getTrackingController();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), [point.id]);
  const events = sortEventsForReplay(log.filter((event) => event.pointId === point.id));
  const evidenceOf = (event: StatusEvent) => {
    const evidence = event.evidence;
    if (!evidence) return "";
    return [
      evidence.text,
      evidence.downloadMbps !== undefined ? `↓ ${formatNumber(language, evidence.downloadMbps, 2)} Mbps` : undefined,
      evidence.uploadMbps !== undefined ? `↑ ${formatNumber(language, evidence.uploadMbps, 2)} Mbps` : undefined,
      evidence.signalDbm !== undefined ? `${formatNumber(language, evidence.signalDbm, 0)} dBm` : undefined,
      evidence.photo,
    ]
      .filter(Boolean)
      .join(" · ");
  };
  return (
    <section className="tracking-history" data-testid="point-history" aria-labelledby="tracking-history-heading">
      <h2 id="tracking-history-heading" tabIndex={-1} ref={headingRef}>
        {t("tracking.history.heading", { id: point.id, name: point.name })}
      </h2>
      {events.length === 0 ? (
        <p>{t("tracking.history.none")}</p>
      ) : (
        <ol className="tracking-history-list">
          {events.map((event) => (
            <li key={event.id}>
              <strong>{formatDay(language, event.date)}</strong> — {STATUS_LABELS[event.status][language]}
              {event.technology ? ` (${event.technology})` : ""} — {t("tracking.history.actor")}: {event.actor.role === "carrier" ? event.actor.carrier : t("tracking.history.department")}
              {pendingIds.has(event.id) && <em> {t("tracking.history.pending")}</em>}
              {evidenceOf(event) && <div className="hint">{evidenceOf(event)}</div>}
              {event.note && <div className="hint">{event.note}</div>}
              {event.source && <div className="hint">{t("tracking.history.source", { file: event.source.file, row: String(event.source.row) })}</div>}
            </li>
          ))}
        </ol>
      )}
      <button type="button" onClick={() => controller.store.setState({ historyPointId: null })} data-testid="history-close">
        {t("tracking.history.close")}
      </button>
    </section>
  );
}
