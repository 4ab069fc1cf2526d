import { useMemo, useState } from "react";
import { useApp, useAppState, useTranslation } from "../app_context.ts";
import { foldForSearch } from "../../domain/parse/fold_for_search.ts";
import type { ListedPoint } from "../../domain/tracking/registry.ts";
import type { TrackingStates } from "../../domain/tracking/replay.ts";
import { PROGRESS_STATUSES, STATUS_LABELS, isCoveredStatus, type TrackingStatus } from "../../domain/tracking/status.ts";
import { formatNumber, formatDay } from "../i18n/i18n.ts";
import { useTrackingController } from "./tracking_context.ts";
import { daysLeft } from "./tracking_view.ts";
import { setTrackingUrl } from "../state/updaters.ts";
import { editPoint, showHistory } from "./tracking_updaters.ts";

/** Rows drawn at first, and added by each "show more"; the search and the filter narrow the rest. */
const ROW_STEP = 200;

/**
 * The listed points with deadline, days left (negative = overdue, highlighted), status and actions:
 * history for everyone, "update" for a carrier on today's state.
 * @param props - the points the role sees, their states, the day shown and whether changes can be made
 * @returns the table section
 */
export function RegistryTable({
  points,
  states,
  date,
  heading,
  canUpdate,
}: {
  points: readonly ListedPoint[];
  states: TrackingStates;
  date: string;
  heading: string;
  canUpdate: boolean;
}) {
  const [t, language] = useTranslation();
  const controller = useTrackingController();
  // The status filter is in the URL (?status=…), so a link or a reload shows the same list.
  const { store: appStore } = useApp();
  const linkedStatus = useAppState((state) => state.tracking.status);
  const statusFilter: TrackingStatus | "all" =
    linkedStatus && (PROGRESS_STATUSES as readonly string[]).includes(linkedStatus) ? (linkedStatus as TrackingStatus) : "all";
  const setStatusFilter = (value: TrackingStatus | "all") =>
    appStore.setState((state) => setTrackingUrl(state, { status: value === "all" ? undefined : value }));
  const [search, setSearch] = useState("");
  const [limit, setLimit] = useState(ROW_STEP);
  const rows = useMemo(() => {
    const needle = foldForSearch(search.trim());
    return points.filter((point) => {
      if (statusFilter !== "all" && (states[point.id]?.status ?? "not_started") !== statusFilter) return false;
      if (!needle) return true;
      return foldForSearch(`${point.id} ${point.name} ${point.commune ?? ""} ${point.province ?? ""}`).includes(needle);
    });
  }, [points, states, statusFilter, search]);
  return (
    <section className="tracking-registry" aria-labelledby="tracking-registry-heading">
      <h2 id="tracking-registry-heading">{heading}</h2>
      <div className="tracking-controls">
        <label className="field-inline">
          <span>{t("tracking.table.filter")}</span>
          <select value={statusFilter} onChange={(event) => setStatusFilter(event.target.value as TrackingStatus | "all")} data-testid="registry-status-filter">
            <option value="all">{t("tracking.table.allStatuses")}</option>
            {PROGRESS_STATUSES.map((status) => (
              <option key={status} value={status}>
                {STATUS_LABELS[status][language]}
              </option>
            ))}
          </select>
        </label>
        <label className="field-inline">
          <span>{t("tracking.table.search")}</span>
          <input type="search" value={search} onChange={(event) => setSearch(event.target.value)} data-testid="registry-search" />
        </label>
        <span className="hint" role="status">
          {t("tracking.table.count", { shown: rows.length, total: points.length })}
        </span>
      </div>
      <div className="table-scroll">
        <table className="tracking-table" data-testid="registry-table">
          <thead>
            <tr>
              <th scope="col">{t("tracking.table.id")}</th>
              <th scope="col">{t("tracking.table.name")}</th>
              <th scope="col">{t("tracking.table.area")}</th>
              <th scope="col">{t("tracking.table.carrier")}</th>
              <th scope="col">{t("tracking.table.deadline")}</th>
              <th scope="col">{t("tracking.table.daysLeft")}</th>
              <th scope="col">{t("tracking.table.status")}</th>
              <th scope="col">{t("tracking.table.since")}</th>
              <th scope="col">{t("tracking.table.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, limit).map((point) => {
              const state = states[point.id];
              const status = state?.status ?? "not_started";
              const open = !isCoveredStatus(status) && status !== "infeasible_accepted";
              const left = daysLeft(point.deadline, date);
              const overdue = open && left !== null && left < 0;
              return (
                <tr key={point.id} data-testid={`registry-row-${point.id}`} data-status={status} className={overdue ? "tracking-overdue" : undefined}>
                  <td>
                    {point.id}
                    {point.stt && <span className="hint"> {t("tracking.table.stt", { stt: point.stt })}</span>}
                  </td>
                  <td>
                    {point.name}
                    {point.locatedBy && (
                      <span className="hint" data-testid={`located-by-${point.id}`}>
                        {" "}
                        ({t(point.locatedBy === "name" ? "tracking.table.locatedByName" : "tracking.table.locatedByChoice")})
                      </span>
                    )}
                  </td>
                  <td>{[point.commune, point.province].filter(Boolean).join(", ")}</td>
                  <td>{point.carrier}</td>
                  <td>{point.deadline ? formatDay(language, point.deadline) : t("tracking.table.noDeadline")}</td>
                  <td className="tracking-number" data-testid={`days-left-${point.id}`}>
                    {left === null || !open ? "" : overdue ? <strong>{formatNumber(language, left, 0)}</strong> : formatNumber(language, left, 0)}
                    {overdue && <span className="visually-hidden"> ({t("tracking.table.overdueBy", { days: -left })})</span>}
                  </td>
                  <td>
                    <span className={`tracking-status tracking-status-${status}`} data-testid={`status-${point.id}`}>
                      {STATUS_LABELS[status][language]}
                    </span>
                  </td>
                  <td>{state?.since ? formatDay(language, state.since) : ""}</td>
                  <td className="tracking-actions">
                    <button
                      type="button"
                      onClick={() => controller.store.setState((state) => showHistory(state, point.id))}
                      data-testid={`history-${point.id}`}
                      aria-label={`${t("tracking.table.history")} ${point.id}`}
                    >
                      {t("tracking.table.history")}
                    </button>
                    {canUpdate && (
                      <button
                        type="button"
                        onClick={() => controller.store.setState((state) => editPoint(state, point.id))}
                        data-testid={`update-${point.id}`}
                        aria-label={`${t("tracking.table.change")} ${point.id}`}
                      >
                        {t("tracking.table.change")}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
            {rows.length === 0 && (
              <tr>
                <td colSpan={9}>{t("tracking.table.empty")}</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {rows.length > limit && (
        <p className="hint">
          {t("tracking.table.limited", { shown: limit, total: rows.length })}{" "}
          <button type="button" onClick={() => setLimit((current) => current + ROW_STEP * 5)} data-testid="registry-more">
            {t("tracking.table.more")}
          </button>
        </p>
      )}
    </section>
  );
}
