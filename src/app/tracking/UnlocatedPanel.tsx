/**
 * "Chưa định vị / Not located": the rows of the imported list that have no coordinates and fit no single
 * loaded point. The department picks the right point among the candidates; the row joins the list and the
 * choice is remembered for the next import (unlocated_store.ts). Shown to the department only.
 */
import { placeUnlocatedRow, type UnlocatedRow } from "../../domain/tracking/parse_registry.ts";
import { formatNumber, formatDay, makeNotice } from "../i18n/i18n.ts";
import { useTrackingController, useTracking } from "./tracking_context.ts";
import { resolveUnlocated, useUnlocated } from "./unlocated_store.ts";
import { useTranslation } from "../app_context.ts";
import "./unlocated.css";

/**
 * The panel, or nothing when the current list was not located by name.
 * @param props - whether changes are disabled (a past day is shown)
 * @returns the section
 */
export function UnlocatedPanel({ disabled }: { disabled: boolean }) {
  const [t, language] = useTranslation();
  const { file, rows, located } = useUnlocated();
  const registryFile = useTracking((state) => state.registry.file);
  const controller = useTrackingController();
  if (!located || file !== registryFile) return null;

  async function choose(row: UnlocatedRow, candidate: UnlocatedRow["candidates"][number]): Promise<void> {
    const point = placeUnlocatedRow(row, { id: candidate.pointId, lon: candidate.lon, lat: candidate.lat });
    if (await controller.placeListedPoint(point)) {
      resolveUnlocated(row, candidate.pointId);
      controller.notify(makeNotice("info", "tracking.unlocated.placed", { row: row.row, name: row.name, point: candidate.pointId }));
    }
  }

  return (
    <section className="tracking-unlocated" data-testid="unlocated-panel" aria-labelledby="unlocated-heading">
      <h2 id="unlocated-heading">{rows.length > 0 ? t("tracking.unlocated.heading", { count: rows.length }) : t("tracking.unlocated.headingDone")}</h2>
      <p data-testid="unlocated-summary">
        {t("tracking.unlocated.summary", { file, byName: located.byName, chosen: located.chosen, notLocated: rows.length })}
        <span hidden data-testid="unlocated-by-name">
          {located.byName}
        </span>
        <span hidden data-testid="unlocated-count">
          {rows.length}
        </span>
      </p>
      {rows.length > 0 && <p className="hint">{t("tracking.unlocated.hint")}</p>}
      {rows.map((row) => (
        <article key={`${row.file}-${row.row}`} className="tracking-unlocated-row" data-testid="unlocated-row" data-row={row.row}>
          <h3>
            {t("tracking.unlocated.row", { row: row.row })}: {[row.name, row.commune, row.province].filter(Boolean).join(", ")} —{" "}
            {row.reason === "ambiguous" ? t("tracking.unlocated.ambiguous") : t("tracking.unlocated.none")}
          </h3>
          <p className="hint">
            {t("tracking.unlocated.assigned", {
              carrier: row.draft.carrier,
              deadline: row.draft.deadline ? formatDay(language, row.draft.deadline) : t("tracking.unlocated.noDeadline"),
            })}
          </p>
          {row.candidates.length === 0 ? (
            <p>{t("tracking.unlocated.noCandidates")}</p>
          ) : (
            <div className="table-scroll">
              <table className="tracking-table">
                <thead>
                  <tr>
                    <th scope="col">{t("tracking.unlocated.pointId")}</th>
                    <th scope="col">{t("tracking.unlocated.name")}</th>
                    <th scope="col">{t("tracking.unlocated.commune")}</th>
                    <th scope="col">{t("tracking.unlocated.score")}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t("tracking.unlocated.choose")}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {row.candidates.map((candidate) => (
                    <tr key={candidate.pointId}>
                      <td>{candidate.pointId}</td>
                      <td>{candidate.name}</td>
                      <td>{candidate.commune}</td>
                      <td>{formatNumber(language, candidate.score, 2)}</td>
                      <td>
                        <button
                          type="button"
                          disabled={disabled}
                          data-testid="unlocated-choose"
                          data-point-id={candidate.pointId}
                          aria-label={t("tracking.unlocated.chooseLabel", { point: `${candidate.pointId} ${candidate.name}`, row: row.row })}
                          onClick={() => void choose(row, candidate)}
                        >
                          {t("tracking.unlocated.choose")}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </article>
      ))}
    </section>
  );
}
