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
import { LISTED_POINT_COLUMNS } from "./listed_point_columns.ts";
import { SelectOptions } from "../components/SelectOptions.tsx";
import { ScrollTable } from "../components/ScrollTable.tsx";

/** Rows drawn at first, and added by each "show more"; the search and the filter narrow the rest. */
const ROW_STEP = 200;

/** A button of a row, named with the point's id for a screen reader (which hears the button alone). */
function RowAction({ name, pointId, label, onClick }: { name: string; pointId: string; label: string; onClick: () => void }) {
  return (
    <button type="button" onClick={onClick} data-testid={`${name}-${pointId}`} aria-label={`${label} ${pointId}`}>
      {label}
    </button>
  );
}

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
            <SelectOptions items={PROGRESS_STATUSES} toLabel={(status) => STATUS_LABELS[status][language]} />
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
      <ScrollTable
        className="tracking-table"
        testId="registry-table"
        columns={[...LISTED_POINT_COLUMNS.map((key) => t(key)), t("tracking.table.since"), t("tracking.table.actions")]}
      >
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
                <RowAction
                  name="history"
                  pointId={point.id}
                  label={t("tracking.table.history")}
                  onClick={() => controller.store.setState((state) => showHistory(state, point.id))}
                />
                {canUpdate && (
                  <RowAction
                    name="update"
                    pointId={point.id}
                    label={t("tracking.table.change")}
                    onClick={() => controller.store.setState((state) => editPoint(state, point.id))}
                  />
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
      </ScrollTable>
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
