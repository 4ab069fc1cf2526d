import { useState } from "react";
import { sortOverdue, type OverdueItem } from "../../domain/tracking/dashboard.ts";
import { STATUS_LABELS } from "../../domain/tracking/status.ts";
import { formatNumber, formatDay } from "../i18n/i18n.ts";
import type { AssignedReach } from "./tracking_view.ts";
import { useTranslation, type Translate } from "../app_context.ts";
import { ScrollTable } from "../components/ScrollTable.tsx";

/**
 * The overdue points, sortable by days overdue or by carrier.
 * @param props - the overdue items of the day shown, and how far each is from its carrier's coverage (when coverage is loaded)
 * @returns the overdue section
 */
export function OverdueList({ items, reach }: { items: readonly OverdueItem[]; reach?: ReadonlyMap<string, AssignedReach> | null }) {
  const [t, language] = useTranslation();
  const [by, setBy] = useState<"days" | "carrier">("days");
  const sorted = sortOverdue(items, by);
  return (
    <section className="tracking-overdue-list" aria-labelledby="tracking-overdue-heading">
      <h2 id="tracking-overdue-heading">{t("tracking.overdue.heading", { count: items.length })}</h2>
      {items.length === 0 ? (
        <p>{t("tracking.overdue.none")}</p>
      ) : (
        <>
          <fieldset className="tracking-sort">
            <legend>{t("tracking.overdue.sort")}</legend>
            <label className="check">
              <input type="radio" name="overdue-sort" checked={by === "days"} onChange={() => setBy("days")} data-testid="overdue-sort-days" />{" "}
              {t("tracking.overdue.byDays")}
            </label>
            <label className="check">
              <input type="radio" name="overdue-sort" checked={by === "carrier"} onChange={() => setBy("carrier")} data-testid="overdue-sort-carrier" />{" "}
              {t("tracking.overdue.byCarrier")}
            </label>
          </fieldset>
          <ScrollTable
            className="tracking-table"
            testId="overdue-table"
            columns={[
              t("tracking.table.id"),
              t("tracking.table.name"),
              t("tracking.table.carrier"),
              t("tracking.table.area"),
              t("tracking.table.deadline"),
              t("tracking.overdue.days"),
              t("tracking.table.status"),
              reach !== undefined && t("tracking.overdue.reach"),
            ]}
          >
            {sorted.map((item) => (
              <tr key={item.pointId} className="tracking-overdue">
                <td>{item.pointId}</td>
                <td>{item.name}</td>
                <td>{item.carrier}</td>
                <td>{[item.commune, item.province].filter(Boolean).join(", ")}</td>
                <td>{formatDay(language, item.deadline)}</td>
                <td className="tracking-number">{formatNumber(language, item.daysOverdue, 0)}</td>
                <td>{STATUS_LABELS[item.status][language]}</td>
                {reach !== undefined && (
                  <td className="tracking-number" data-testid="overdue-reach">
                    {reach === null ? "…" : reachText(reach?.get(item.pointId), language, t)}
                  </td>
                )}
              </tr>
            ))}
          </ScrollTable>
        </>
      )}
    </section>
  );
}

function reachText(reach: AssignedReach | undefined, language: "vi" | "en", t: Translate): string {
  if (reach === undefined) return "–";
  if (reach.kind === "inside") return t("tracking.overdue.reachInside");
  if (reach.kind === "beyond") return t("tracking.overdue.reachBeyond");
  return `${formatNumber(language, reach.km, 1)} km`;
}
