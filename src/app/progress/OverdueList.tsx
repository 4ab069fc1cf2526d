import { useState } from "react";
import { sortOverdue, type OverdueItem } from "../../domain/progress/dashboard.ts";
import { STATUS_LABELS } from "../../domain/progress/status.ts";
import { formatNumber } from "../i18n/i18n.ts";
import { formatDay, useTrackingTranslation } from "./use_tracking_translation.ts";

/**
 * The overdue points, sortable by days overdue or by carrier.
 * @param props - the overdue items of the day shown
 * @returns the overdue section
 */
export function OverdueList({ items }: { items: readonly OverdueItem[] }) {
  const [t, language] = useTrackingTranslation();
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
              <input type="radio" name="overdue-sort" checked={by === "days"} onChange={() => setBy("days")} data-testid="overdue-sort-days" /> {t("tracking.overdue.byDays")}
            </label>
            <label className="check">
              <input type="radio" name="overdue-sort" checked={by === "carrier"} onChange={() => setBy("carrier")} data-testid="overdue-sort-carrier" /> {t("tracking.overdue.byCarrier")}
            </label>
          </fieldset>
          <div className="table-scroll">
            <table className="tracking-table" data-testid="overdue-table">
              <thead>
                <tr>
                  <th scope="col">{t("tracking.table.id")}</th>
                  <th scope="col">{t("tracking.table.name")}</th>
                  <th scope="col">{t("tracking.table.carrier")}</th>
                  <th scope="col">{t("tracking.table.area")}</th>
                  <th scope="col">{t("tracking.table.deadline")}</th>
                  <th scope="col">{t("tracking.overdue.days")}</th>
                  <th scope="col">{t("tracking.table.status")}</th>
                </tr>
              </thead>
              <tbody>
                {sorted.map((item) => (
                  <tr key={item.pointId} className="tracking-overdue">
                    <td>{item.pointId}</td>
                    <td>{item.name}</td>
                    <td>{item.carrier}</td>
                    <td>{[item.commune, item.province].filter(Boolean).join(", ")}</td>
                    <td>{formatDay(language, item.deadline)}</td>
                    <td className="tracking-number">{formatNumber(language, item.daysOverdue, 0)}</td>
                    <td>{STATUS_LABELS[item.status][language]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
