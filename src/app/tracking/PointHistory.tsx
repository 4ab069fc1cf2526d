import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { PhotoRef, StatusEvent } from "../../domain/tracking/events.ts";
import type { ListedPoint } from "../../domain/tracking/registry.ts";
import { sortEventsForReplay } from "../../domain/tracking/replay.ts";
import { STATUS_LABELS } from "../../domain/tracking/status.ts";
import { formatNumber, formatDay } from "../i18n/i18n.ts";
import { useTrackingController } from "./tracking_context.ts";
import { useTranslation, type Translate } from "../app_context.ts";
import { getPhotos } from "../storage/photo_store.ts";
import "./evidence.css";
import { showHistory } from "./tracking_updaters.ts";

/**
 * Object URLs of the stored photos among some hashes, revoked when the hashes change or the panel closes.
 * @param hashes - the photos wanted (joined by "," so the effect runs only when the set changes)
 * @returns the URL of each photo found, by hash; null while loading
 */
function usePhotoUrls(hashes: string): Map<string, string> | null {
  const [urls, setUrls] = useState<{ key: string; urls: Map<string, string> } | null>(null);
  useEffect(() => {
    let live = true;
    const made: string[] = [];
    const wanted = hashes ? hashes.split(",") : [];
    getPhotos(wanted)
      .then((found) => {
        if (!live) return;
        const map = new Map<string, string>();
        for (const [hash, photo] of found) {
          const url = URL.createObjectURL(new Blob([photo.bytes as Uint8Array<ArrayBuffer>], { type: photo.ref.type }));
          made.push(url);
          map.set(hash, url);
        }
        setUrls({ key: hashes, urls: map });
      })
      .catch(() => live && setUrls({ key: hashes, urls: new Map() }));
    return () => {
      live = false;
      made.forEach((url) => URL.revokeObjectURL(url));
    };
  }, [hashes]);
  return urls && urls.key === hashes ? urls.urls : null;
}

function formatBytes(language: "vi" | "en", bytes: number): string {
  return bytes >= 1_048_576 ? `${formatNumber(language, bytes / 1_048_576, 1)} MB` : `${formatNumber(language, Math.max(1, Math.round(bytes / 1024)), 0)} kB`;
}

/** The photos of one event: a thumbnail each (a button opening it full size), or a line saying it is not here. */
function EventPhotos({
  photos,
  urls,
  t,
  onOpen,
}: {
  photos: readonly PhotoRef[];
  urls: Map<string, string> | null;
  t: Translate;
  onOpen: (ref: PhotoRef, url: string) => void;
}) {
  return (
    <ul className="evidence-thumbs" data-testid="history-photos">
      {photos.map((ref) => {
        const url = urls?.get(ref.hash);
        return (
          <li key={ref.hash}>
            {url ? (
              <button
                type="button"
                className="evidence-thumb"
                onClick={() => onOpen(ref, url)}
                aria-label={t("tracking.evidence.open", { name: ref.name })}
                data-testid={`history-photo-${ref.hash.slice(0, 12)}`}
              >
                <img src={url} alt={ref.name} width={96} height={72} />
              </button>
            ) : urls ? (
              <span className="evidence-thumb-missing" data-testid="history-photo-missing">
                {t("tracking.evidence.missing", { name: ref.name })}
              </span>
            ) : null}
            <span>{ref.name}</span>
          </li>
        );
      })}
    </ul>
  );
}

/** A photo full size, over the page; Escape or the button closes it and gives the focus back. */
function PhotoViewer({ photo, onClose }: { photo: { ref: PhotoRef; url: string }; onClose: () => void }) {
  const [t, language] = useTranslation();
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    closeRef.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") onClose();
    };
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("keydown", onKey);
      opener?.focus?.();
    };
  }, [onClose]);
  const caption = t("tracking.evidence.viewer", { name: photo.ref.name, size: formatBytes(language, photo.ref.size) });
  return (
    <div
      className="evidence-viewer"
      role="dialog"
      aria-modal="true"
      aria-label={caption}
      data-testid="photo-viewer"
      onClick={(event) => event.target === event.currentTarget && onClose()}
    >
      <img src={photo.url} alt={photo.ref.name} data-testid="photo-viewer-image" />
      <p>{caption}</p>
      <button type="button" ref={closeRef} onClick={onClose} data-testid="photo-viewer-close">
        {t("tracking.evidence.viewerClose")}
      </button>
    </div>
  );
}

/**
 * The history of one point: every event of the log about it, in the order they apply.
 * @param props - the point, the log the role sees, and the ids of changes not yet imported by the department
 * @returns the history panel
 */
export function PointHistory({ point, log, pendingIds }: { point: ListedPoint; log: readonly StatusEvent[]; pendingIds: ReadonlySet<string> }) {
  const [t, language] = useTranslation();
  const controller = useTrackingController();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), [point.id]);
  const events = sortEventsForReplay(log.filter((event) => event.pointId === point.id));
  const hashes = useMemo(() => [...new Set(events.flatMap((event) => event.evidence?.photos?.map((ref) => ref.hash) ?? []))].sort().join(","), [events]);
  const urls = usePhotoUrls(hashes);
  const [open, setOpen] = useState<{ ref: PhotoRef; url: string } | null>(null);
  const closeViewer = useCallback(() => setOpen(null), []);
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
              {event.technology ? ` (${event.technology})` : ""} — {t("tracking.history.actor")}:{" "}
              {event.actor.role === "carrier" ? event.actor.carrier : t("tracking.history.department")}
              {pendingIds.has(event.id) && <em> {t("tracking.history.pending")}</em>}
              {evidenceOf(event) && <div className="hint">{evidenceOf(event)}</div>}
              {event.evidence?.photos && event.evidence.photos.length > 0 && (
                <EventPhotos photos={event.evidence.photos} urls={urls} t={t} onOpen={(ref, url) => setOpen({ ref, url })} />
              )}
              {event.note && <div className="hint">{event.note}</div>}
              {event.source && <div className="hint">{t("tracking.history.source", { file: event.source.file, row: String(event.source.row) })}</div>}
            </li>
          ))}
        </ol>
      )}
      <button type="button" onClick={() => controller.store.setState((state) => showHistory(state, null))} data-testid="history-close">
        {t("tracking.history.close")}
      </button>
      {open && (urls?.has(open.ref.hash) ?? false) && <PhotoViewer photo={open} onClose={closeViewer} />}
    </section>
  );
}
