import { useAppState, useTranslation } from "../app_context.ts";

/**
 * The progress of the running analysis, with a cancel button.
 * @returns the bar, or nothing when idle
 */
export function BusyBar() {
  const [t] = useTranslation();
  const busy = useAppState((state) => state.busy);
  if (!busy) return null;
  const percent = Math.round(busy.fraction * 100);
  const label = t(`progress.phase.${busy.phase}`);
  return (
    <div className="progress" role="status" aria-live="polite" data-testid="progress">
      <span>{label}</span>
      <progress max={100} value={percent} aria-label={t("progress.label")}>
        {percent}%
      </progress>
      <button type="button" onClick={busy.cancel} data-testid="progress-cancel">
        {t("progress.cancel")}
      </button>
    </div>
  );
}
