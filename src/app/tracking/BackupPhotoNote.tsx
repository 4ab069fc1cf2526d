import { useEffect, useState } from "react";
import { formatNumber } from "../i18n/i18n.ts";
import { photoStoreSize } from "../storage/photo_store.ts";
import { useTracking } from "./tracking_context.ts";
import { useTranslation } from "../app_context.ts";

/**
 * Says what the backup leaves out: the photos themselves (their references are in it). Backups are one JSON
 * file meant to be mailed and kept; photos would make them tens of megabytes, and every photo a department
 * holds came in a carrier's packet, which importing again restores.
 * @returns the note, with how many photos this browser holds
 */
export function BackupPhotoNote() {
  const [t, language] = useTranslation();
  const eventCount = useTracking((state) => state.events.length + state.outbox.length);
  const [size, setSize] = useState<{ count: number; bytes: number } | null>(null);
  useEffect(() => {
    let live = true;
    photoStoreSize().then(
      (value) => live && setSize(value),
      () => live && setSize(null),
    );
    return () => {
      live = false;
    };
  }, [eventCount]);
  if (!size) return null;
  return (
    <p className="hint" data-testid="backup-photo-note">
      {t("tracking.evidence.backupNote", { count: size.count, size: `${formatNumber(language, size.bytes / 1_048_576, 1)} MB` })}
    </p>
  );
}
