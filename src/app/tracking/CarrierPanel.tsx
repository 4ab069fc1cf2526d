import type { CrossCheckResult } from "../../domain/tracking/cross_check.ts";
import type { StatusEvent } from "../../domain/tracking/events.ts";
import { STATUS_LABELS } from "../../domain/tracking/status.ts";
import { writeUpdatesCsv, writeUpdatesJson } from "../../domain/tracking/updates.ts";
import { downloadText } from "../components/download.ts";
import { useTrackingController } from "./tracking_context.ts";
import { updateFileName } from "./tracking_view.ts";
import { useState } from "react";
import { formatDateTime } from "../i18n/dates.ts";
import { buildOutboxPacket, outboxPhotos, outboxStatus, packetFileName, readOutboxExport, writeOutboxExport, type OutboxExport } from "./outbox_exports.ts";
import { formatDay, makeNotice } from "../i18n/i18n.ts";
import { useTranslation } from "../app_context.ts";

/**
 * The carrier's tools: its recorded changes not yet sent, the update file export (CSV and JSON), and the
 * points its own coverage already contains (record "on air" in one click).
 * @param props - the carrier, its pending changes, the cross-check, today and whether a past day is shown
 * @returns the carrier panel
 */
export function CarrierPanel({
  carrier,
  pending,
  crossCheck,
  today,
  pastDay,
}: {
  carrier: string;
  pending: readonly StatusEvent[];
  crossCheck: CrossCheckResult | null;
  today: string;
  pastDay: boolean;
}) {
  const [t, language] = useTranslation();
  const controller = useTrackingController();
  const proposals = crossCheck?.proposals ?? [];
  // The last export of the update file: the status line says whether the changes are in a file already.
  const [exported, setExported] = useState<{ carrier: string; mark: OutboxExport | null }>(() => ({ carrier, mark: readOutboxExport(carrier) }));
  const mark = exported.carrier === carrier ? exported.mark : readOutboxExport(carrier);
  const counts = outboxStatus(
    pending.map((event) => event.id),
    mark,
  );
  const photoCount = outboxPhotos(pending).length;
  const [withPhotos, setWithPhotos] = useState(true);
  const exportFile = async (name: string, text: string, type: string) => {
    if (withPhotos && photoCount > 0) {
      try {
        const packet = await buildOutboxPacket(pending, { name, content: text }, new Date().toISOString());
        downloadText(packetFileName(name), packet.bytes, "application/zip");
        if (packet.missing > 0) controller.notify(makeNotice("error", "tracking.evidence.packetMissing", { count: packet.missing }));
      } catch (error) {
        controller.notify(makeNotice("error", "tracking.evidence.packetFailed", { reason: error instanceof Error ? error.message : String(error) }));
        return;
      }
    } else {
      downloadText(name, text, type);
    }
    const next = { at: new Date().toISOString(), eventIds: pending.map((event) => event.id) };
    writeOutboxExport(carrier, next);
    setExported({ carrier, mark: next });
  };
  const outboxLine =
    pending.length === 0
      ? t("tracking.carrier.noChanges")
      : counts.notExported === 0
        ? t("tracking.carrier.outboxExported", { count: counts.exported, date: formatDateTime(language, mark!.at) })
        : counts.exported > 0
          ? t("tracking.carrier.outboxPartlyExported", { count: counts.notExported, exported: counts.exported, date: formatDateTime(language, mark!.at) })
          : t("tracking.carrier.outbox", { count: pending.length });
  const recordOnAir = (pointId: string) => {
    const proposal = proposals.find((candidate) => candidate.pointId === pointId);
    if (!proposal) return;
    const best = proposal.layers[proposal.layers.length - 1];
    controller.recordChange({
      pointId,
      status: "on_air",
      date: today,
      actor: { role: "carrier", carrier },
      technology: best?.technology,
      evidence: {
        text: t("tracking.crossCheck.evidence", {
          layers: proposal.layers.map((layer) => `${layer.technology}${layer.asOf ? ` ${formatDay(language, layer.asOf)}` : ""}`).join(", "),
        }),
      },
      recordedAt: new Date().toISOString(),
    });
  };
  return (
    <section className="tracking-carrier" aria-labelledby="tracking-carrier-heading">
      <h2 id="tracking-carrier-heading">{t("tracking.role.carrier", { carrier })}</h2>
      <p data-testid="carrier-outbox" data-exported={counts.exported} data-not-exported={counts.notExported}>
        {outboxLine}
      </p>
      {photoCount > 0 && (
        <>
          <label className="field-inline">
            <input type="checkbox" checked={withPhotos} onChange={(event) => setWithPhotos(event.target.checked)} data-testid="export-with-photos" />
            <span>{t("tracking.evidence.packet", { count: photoCount })}</span>
          </label>
          <p className="hint">{t("tracking.evidence.packetHint")}</p>
        </>
      )}
      <div className="button-row">
        <button
          type="button"
          className="primary"
          disabled={pending.length === 0}
          data-testid="export-updates-csv"
          onClick={() => void exportFile(updateFileName(carrier, today, "csv"), writeUpdatesCsv(pending), "text/csv;charset=utf-8")}
        >
          {t("tracking.carrier.exportCsv")}
        </button>
        <button
          type="button"
          disabled={pending.length === 0}
          data-testid="export-updates-json"
          onClick={() =>
            void exportFile(updateFileName(carrier, today, "json"), writeUpdatesJson(pending, { createdAt: new Date().toISOString() }), "application/json")
          }
        >
          {t("tracking.carrier.exportJson")}
        </button>
      </div>
      {proposals.length > 0 && (
        <>
          <h3>{t("tracking.carrier.proposals")}</h3>
          <ul className="tracking-cross-list" data-testid="carrier-proposals">
            {proposals.map((proposal) => (
              <li key={proposal.pointId}>
                {proposal.message[language]} ({STATUS_LABELS[proposal.currentStatus][language]}){" "}
                <button type="button" disabled={pastDay} onClick={() => recordOnAir(proposal.pointId)} data-testid={`record-on-air-${proposal.pointId}`}>
                  {t("tracking.carrier.recordOnAir")}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
