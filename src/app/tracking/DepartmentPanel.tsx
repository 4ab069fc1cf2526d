import { useMemo, useState, type ChangeEvent } from "react";
import type { CrossCheckResult } from "../../domain/tracking/cross_check.ts";
import { createStatusEvent } from "../../domain/tracking/events.ts";
import type { ListedPoint } from "../../domain/tracking/registry.ts";
import type { TrackingStates } from "../../domain/tracking/replay.ts";
import { STATUS_LABELS } from "../../domain/tracking/status.ts";
import { writeUpdatesCsv } from "../../domain/tracking/updates.ts";
import { downloadText } from "../components/download.ts";
import { formatNumber, formatDay } from "../i18n/i18n.ts";
import { useTrackingController, useTracking } from "./tracking_context.ts";
import { TrackingParsingStatus } from "./DataPrompts.tsx";
import { TrackingReport } from "./TrackingReport.tsx";
import { DayInput } from "../components/DayInput.tsx";
import { useTranslation } from "../app_context.ts";
import { AlertText } from "../components/AlertText.tsx";
import { toggledSet } from "../state/toggled_set.ts";

/**
 * Reads the chosen files and hands each one to an action, then clears the input so the same file can be
 * chosen again.
 * @param event - the change event of a file input
 * @param action - what to do with each file
 */
export async function readChosenFiles(event: ChangeEvent<HTMLInputElement>, action: (name: string, bytes: Uint8Array) => Promise<unknown>): Promise<void> {
  const input = event.target;
  const files = [...(input.files ?? [])];
  for (const file of files) await action(file.name, new Uint8Array(await file.arrayBuffer()));
  input.value = "";
}

function ConflictList() {
  const [t, language] = useTranslation();
  const conflicts = useTracking((state) => state.conflicts);
  const controller = useTrackingController();
  const describe = (status: keyof typeof STATUS_LABELS, date: string, technology?: string) =>
    `${STATUS_LABELS[status][language]}${technology ? ` (${technology})` : ""}, ${formatDay(language, date)}`;
  return (
    <section aria-labelledby="tracking-conflicts-heading" data-testid="conflicts">
      <h3 id="tracking-conflicts-heading">{t("tracking.conflicts.heading")}</h3>
      {conflicts.length === 0 ? (
        <p className="hint">{t("tracking.conflicts.none")}</p>
      ) : (
        <ul className="tracking-conflicts">
          {conflicts.map((conflict) => (
            <li key={conflict.incoming.id} data-testid={`conflict-${conflict.pointId}`}>
              <p>{conflict.message[language]}</p>
              <p>
                {t("tracking.conflicts.existing")}: {describe(conflict.existing.status, conflict.existing.date, conflict.existing.technology)} ·{" "}
                {t("tracking.conflicts.incoming", { file: conflict.incoming.source?.file ?? "?" })}:{" "}
                {describe(conflict.incoming.status, conflict.incoming.date, conflict.incoming.technology)}
              </p>
              <div className="button-row">
                <button type="button" onClick={() => void controller.resolve(conflict, "keep_existing")} data-testid={`conflict-keep-${conflict.pointId}`}>
                  {t("tracking.conflicts.keep")}
                </button>
                <button type="button" onClick={() => void controller.resolve(conflict, "accept_incoming")} data-testid={`conflict-accept-${conflict.pointId}`}>
                  {t("tracking.conflicts.accept")}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ClaimsTable({ registry, states, today, disabled }: { registry: readonly ListedPoint[]; states: TrackingStates; today: string; disabled: boolean }) {
  const [t, language] = useTranslation();
  const controller = useTrackingController();
  const claims = useMemo(
    () => registry.filter((point) => states[point.id]?.status === "on_air" || states[point.id]?.status === "infeasible"),
    [registry, states],
  );
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [date, setDate] = useState(today);
  const [reason, setReason] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const chosen = claims.filter((point) => selected.has(point.id)).map((point) => point.id);
  const toggle = (id: string) => setSelected((current) => toggledSet(current, id));
  const run = async (action: "verify" | "dispute" | "accept_infeasible") => {
    if (action === "dispute" && !reason.trim()) {
      setProblem(t("tracking.department.disputeNeedsReason"));
      return;
    }
    setProblem(null);
    const done = await controller.decide(action, chosen, date, reason);
    if (done) {
      setSelected(new Set());
      setReason("");
    }
  };
  const evidenceOf = (point: ListedPoint) => {
    const last = states[point.id]?.lastEvent;
    if (!last) return "";
    const evidence = last.evidence;
    return [
      last.technology,
      evidence?.text,
      evidence?.downloadMbps !== undefined ? `↓ ${formatNumber(language, evidence.downloadMbps, 2)} Mbps` : undefined,
      evidence?.uploadMbps !== undefined ? `↑ ${formatNumber(language, evidence.uploadMbps, 2)} Mbps` : undefined,
      evidence?.signalDbm !== undefined ? `${formatNumber(language, evidence.signalDbm, 0)} dBm` : undefined,
      evidence?.photo,
      evidence?.photos?.length ? t("tracking.evidence.count", { count: evidence.photos.length }) : undefined,
      last.note,
    ]
      .filter(Boolean)
      .join(" · ");
  };
  return (
    <section aria-labelledby="tracking-claims-heading" data-testid="claims">
      <h3 id="tracking-claims-heading">{t("tracking.department.claimsHeading")}</h3>
      {claims.length === 0 ? (
        <p className="hint">{t("tracking.department.noClaims")}</p>
      ) : (
        <>
          <div className="table-scroll">
            <table className="tracking-table" data-testid="claims-table">
              <thead>
                <tr>
                  <th scope="col">
                    <input
                      type="checkbox"
                      aria-label={t("tracking.department.selectAll")}
                      checked={chosen.length === claims.length}
                      onChange={(event) => setSelected(event.target.checked ? new Set(claims.map((point) => point.id)) : new Set())}
                      data-testid="claims-select-all"
                      disabled={disabled}
                    />
                  </th>
                  <th scope="col">{t("tracking.table.id")}</th>
                  <th scope="col">{t("tracking.table.name")}</th>
                  <th scope="col">{t("tracking.table.carrier")}</th>
                  <th scope="col">{t("tracking.table.status")}</th>
                  <th scope="col">{t("tracking.table.since")}</th>
                  <th scope="col">{t("tracking.department.evidence")}</th>
                </tr>
              </thead>
              <tbody>
                {claims.map((point) => (
                  <tr key={point.id}>
                    <td>
                      <input
                        type="checkbox"
                        checked={selected.has(point.id)}
                        onChange={() => toggle(point.id)}
                        aria-label={t("tracking.department.select", { id: point.id })}
                        data-testid={`claim-${point.id}`}
                        disabled={disabled}
                      />
                    </td>
                    <td>{point.id}</td>
                    <td>{point.name}</td>
                    <td>{point.carrier}</td>
                    <td>{STATUS_LABELS[states[point.id].status][language]}</td>
                    <td>{states[point.id].since ? formatDay(language, states[point.id].since as string) : ""}</td>
                    <td>{evidenceOf(point)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="tracking-controls">
            <label className="field-inline">
              <span>{t("tracking.department.actionDate")}</span>
              <DayInput
                language={language}
                value={date}
                max={today}
                onChange={setDate}
                testId="decision-date"
                disabled={disabled}
                hint={t("tracking.dayHint")}
              />
            </label>
            <label className="field-inline tracking-grow">
              <span>{t("tracking.department.reason")}</span>
              <input type="text" value={reason} onChange={(event) => setReason(event.target.value)} data-testid="decision-reason" disabled={disabled} />
            </label>
          </div>
          <AlertText text={problem} className="tracking-error" />
          <div className="button-row">
            <button
              type="button"
              className="primary"
              onClick={() => void run("verify")}
              disabled={disabled || chosen.length === 0}
              data-testid="verify-selected"
            >
              {t("tracking.department.verify", { count: chosen.length })}
            </button>
            <button type="button" onClick={() => void run("dispute")} disabled={disabled || chosen.length === 0} data-testid="dispute-selected">
              {t("tracking.department.dispute", { count: chosen.length })}
            </button>
            <button
              type="button"
              onClick={() => void run("accept_infeasible")}
              disabled={disabled || chosen.length === 0}
              data-testid="accept-infeasible-selected"
            >
              {t("tracking.department.acceptInfeasible", { count: chosen.length })}
            </button>
          </div>
        </>
      )}
    </section>
  );
}

function CrossCheckPanel({ result, today, disabled }: { result: CrossCheckResult | null; today: string; disabled: boolean }) {
  const [t, language] = useTranslation();
  const controller = useTrackingController();
  if (!result) {
    return (
      <section aria-labelledby="tracking-cross-heading">
        <h3 id="tracking-cross-heading">{t("tracking.crossCheck.heading")}</h3>
        <p className="hint">{t("tracking.crossCheck.noCoverage")}</p>
      </section>
    );
  }
  const downloadProposals = () => {
    const events = result.proposals.map((proposal) => {
      const best = proposal.layers[proposal.layers.length - 1];
      return createStatusEvent({
        pointId: proposal.pointId,
        status: "on_air",
        date: today,
        actor: { role: "carrier", carrier: proposal.carrier },
        technology: best?.technology,
        evidence: {
          text: t("tracking.crossCheck.evidence", {
            layers: proposal.layers.map((layer) => `${layer.technology}${layer.asOf ? ` ${formatDay(language, layer.asOf)}` : ""}`).join(", "),
          }),
        },
      });
    });
    downloadText(`de-xuat-phat-song-${today}.csv`, writeUpdatesCsv(events), "text/csv;charset=utf-8");
  };
  return (
    <section aria-labelledby="tracking-cross-heading" data-testid="cross-check">
      <h3 id="tracking-cross-heading">{t("tracking.crossCheck.heading")}</h3>
      <h4>{t("tracking.crossCheck.proposals", { count: result.proposals.length })}</h4>
      {result.proposals.length === 0 ? (
        <p className="hint">{t("tracking.crossCheck.none")}</p>
      ) : (
        <>
          <ul className="tracking-cross-list" data-testid="cross-check-proposals">
            {result.proposals.map((proposal) => (
              <li key={proposal.pointId}>
                {proposal.message[language]} ({STATUS_LABELS[proposal.currentStatus][language]})
              </li>
            ))}
          </ul>
          <button type="button" onClick={downloadProposals} data-testid="cross-check-export">
            {t("tracking.crossCheck.exportProposals")}
          </button>
        </>
      )}
      <h4>{t("tracking.crossCheck.flags", { count: result.flags.length })}</h4>
      {result.flags.length === 0 ? (
        <p className="hint">{t("tracking.crossCheck.none")}</p>
      ) : (
        <>
          {/* Claims still waiting for a decision first, with the action; claims already verified after them, folded. */}
          <ul className="tracking-cross-list" data-testid="cross-check-flags">
            {result.flags
              .filter((flag) => flag.status !== "verified")
              .map((flag) => (
                <li key={flag.pointId}>
                  {flag.message[language]} ({STATUS_LABELS[flag.status][language]}){" "}
                  {flag.status === "on_air" && (
                    <button
                      type="button"
                      disabled={disabled}
                      onClick={() => void controller.decide("dispute", [flag.pointId], today, flag.message[language])}
                      data-testid={`dispute-flag-${flag.pointId}`}
                    >
                      {t("tracking.crossCheck.disputeFlag")}
                    </button>
                  )}
                </li>
              ))}
          </ul>
          {result.flags.some((flag) => flag.status === "verified") && (
            <details>
              <summary>{t("tracking.crossCheck.verifiedFlags", { count: result.flags.filter((flag) => flag.status === "verified").length })}</summary>
              <ul className="tracking-cross-list">
                {result.flags
                  .filter((flag) => flag.status === "verified")
                  .map((flag) => (
                    <li key={flag.pointId}>{flag.message[language]}</li>
                  ))}
              </ul>
            </details>
          )}
        </>
      )}
      {result.unchecked.length > 0 && <p className="hint">{t("tracking.crossCheck.unchecked", { count: result.unchecked.length })}</p>}
    </section>
  );
}

/**
 * The department's tools: import carriers' update files (reported row by row), resolve conflicts,
 * verify/dispute/accept claims one by one or in bulk, and the cross-check against coverage.
 * @param props - the registry, the department's states today, today, the cross-check, and whether a past day is shown
 * @returns the department panel
 */
export function DepartmentPanel({
  registry,
  states,
  today,
  crossCheck,
  pastDay,
}: {
  registry: readonly ListedPoint[];
  states: TrackingStates;
  today: string;
  crossCheck: CrossCheckResult | null;
  pastDay: boolean;
}) {
  const [t] = useTranslation();
  const controller = useTrackingController();
  const imports = useTracking((state) => state.imports);
  return (
    <section className="tracking-department" aria-labelledby="tracking-department-heading">
      <h2 id="tracking-department-heading">{t("tracking.department.importHeading")}</h2>
      <label className="field">
        <span>{t("tracking.department.importLabel")}</span>
        <input
          type="file"
          multiple
          accept=".csv,.xlsx,.json,.txt,.zip,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/json,application/zip"
          data-testid="updates-input"
          onChange={(event) => void readChosenFiles(event, controller.importUpdateFile)}
        />
      </label>
      <TrackingParsingStatus kind="updates" />
      <p className="hint">{t("tracking.department.importHint")}</p>
      <p className="hint">{t("tracking.evidence.importHint")}</p>
      {imports
        .filter((entry) => entry.kind === "updates")
        .map((entry) => (
          <TrackingReport key={entry.id} entry={entry} />
        ))}
      <ConflictList />
      <ClaimsTable registry={registry} states={states} today={today} disabled={pastDay} />
      <CrossCheckPanel result={crossCheck} today={today} disabled={pastDay} />
    </section>
  );
}
