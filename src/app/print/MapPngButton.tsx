import { useState } from "react";
import { useApp, useTranslation } from "../app_context.ts";
import { makeNotice } from "../i18n/i18n.ts";
import { useMapPrintInput } from "./use_map_print_input.ts";
import { downloadMapPng } from "./map_png.ts";

/**
 * The "download the map (PNG)" button, in the export panel and on the print view.
 * @param props - disabled while there is nothing to export
 * @returns the button
 */
export function MapPngButton({ disabled = false }: { disabled?: boolean }) {
  const [t] = useTranslation();
  const { controller } = useApp();
  const input = useMapPrintInput();
  const { data } = input;
  const [busy, setBusy] = useState(false);
  const run = async () => {
    if (!data) return;
    setBusy(true);
    try {
      const done = await downloadMapPng({ ...input, data });
      if (!done) controller.notify(makeNotice("error", "print.pngFailed"));
    } catch {
      controller.notify(makeNotice("error", "print.pngFailed"));
    } finally {
      setBusy(false);
    }
  };
  return (
    <button type="button" disabled={disabled || busy || !data} data-testid="export-png" onClick={() => void run()}>
      {t("print.png")}
    </button>
  );
}
