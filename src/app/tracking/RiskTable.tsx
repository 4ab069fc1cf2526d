/**
 * "Ai đang chậm / Who is behind": the forecast of each carrier and province at its own pace, and the open points
 * ranked by deadline risk (src/domain/tracking/risk.ts). The distance from each open point to its assigned
 * carrier's coverage is measured in the analysis worker (`nearest`), as the overdue list does.
 */
import { useEffect, useMemo, useState } from "react";
import { RISK_REASON_LABELS, rankDeadlineRisk, riskTable, toCsv, type AssignedReach, type GroupForecast } from "../../domain/index.ts";
import type { RegistryCoverage } from "../../domain/tracking/cross_check.ts";
import { isSameCarrier } from "../../domain/tracking/carriers.ts";
import type { StatusEvent } from "../../domain/tracking/events.ts";
import type { ListedPoint } from "../../domain/tracking/registry.ts";
import type { TrackingStates } from "../../domain/tracking/replay.ts";
import { STATUS_LABELS } from "../../domain/tracking/status.ts";
import { useApp, useAppState, usePreferences, useTranslation } from "../app_context.ts";
import { downloadText, todayStamp } from "../components/download.ts";
import { formatNumber, formatDay, type MessageKey } from "../i18n/i18n.ts";
import { ScrollTable } from "../components/ScrollTable.tsx";

const SHOWN = 100;

/** The ranked table's columns, in order. */
const RISK_COLUMNS: readonly MessageKey[] = [
  "risk.rank",
  "tracking.table.id",
  "tracking.table.name",
  "tracking.table.carrier",
  "tracking.table.status",
  "tracking.table.deadline",
  "risk.days",
  "risk.wontMake",
  "risk.distance",
  "risk.reasons",
];

export interface RiskTableProps {
  /** The whole registry (the coverage masks are in its order). */
  registry: readonly ListedPoint[];
  /** The points the role sees. */
  points: readonly ListedPoint[];
  log: readonly StatusEvent[];
  states: TrackingStates;
  date: string;
  from?: string;
  registryCoverage: RegistryCoverage | null;
}

/**
 * The section.
 * @param props - the registry, the role's points, the log and states of the day shown, the coverage masks
 * @returns forecasts and the ranked table
 */
export function RiskTable(props: RiskTableProps) {
  const { csvSeparator } = usePreferences();
  const [t, language] = useTranslation();
  const { controller } = useApp();
  const data = useAppState((state) => state.data);
  const { registry, points, log, states, date, from, registryCoverage } = props;
  const [reach, setReach] = useState<Map<string, AssignedReach>>(new Map());
  const open = useMemo(
    () =>
      points.filter((point) => {
        const status = states[point.id]?.status ?? "not_started";
        return status !== "on_air" && status !== "verified" && status !== "infeasible_accepted";
      }),
    [points, states],
  );
  useEffect(() => {
    setReach(new Map());
    if (!data || !registryCoverage || open.length === 0) return;
    let live = true;
    const indexOf = new Map(registry.map((point, index) => [point.id, index]));
    controller
      .nearest({ version: data.map.version, points: open.map((point) => ({ lon: point.lon, lat: point.lat, exclude: [] })) })
      .then((result) => {
        if (!live || !result.available) return;
        const measured = new Map<string, AssignedReach>();
        open.forEach((point, k) => {
          const index = indexOf.get(point.id);
          if (index === undefined) return;
          const base = index * registryCoverage.words;
          const inside = registryCoverage.layers.some(
            (layer, l) => isSameCarrier(layer.carrier, point.carrier) && ((registryCoverage.masks[base + (l >> 5)] >>> (l & 31)) & 1) === 1,
          );
          const found = (result.distances[k] ?? []).find((entry) => isSameCarrier(entry.carrier, point.carrier));
          measured.set(point.id, inside ? { kind: "inside" } : found ? { kind: "distance", km: found.km } : { kind: "beyond" });
        });
        setReach(measured);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [controller, data, registry, registryCoverage, open]);
  const risk = useMemo(() => rankDeadlineRisk(points, log, states, { today: date, from }, reach), [points, log, states, date, from, reach]);
  const n = (value: number, digits = 0) => formatNumber(language, value, digits);
  const forecastTable = (title: string, forecasts: readonly GroupForecast[], testId: string) => (
    <ScrollTable
      className="tracking-table"
      testId={testId}
      caption={title}
      columns={[t("risk.group"), t("risk.pace"), t("risk.remaining"), t("risk.completion"), t("risk.wontMake"), t("risk.overdue")]}
    >
      {forecasts.map((forecast) => (
        <tr key={forecast.key} className={forecast.wontMakeDeadline > 0 ? "tracking-late" : undefined}>
          <th scope="row">{forecast.name}</th>
          <td>{n(forecast.pacePerWeek, 2)}</td>
          <td>{n(forecast.remaining)}</td>
          <td>{forecast.completionDate ? formatDay(language, forecast.completionDate) : t("risk.noPace")}</td>
          <td>{n(forecast.wontMakeDeadline)}</td>
          <td>{n(forecast.overdue)}</td>
        </tr>
      ))}
    </ScrollTable>
  );
  const reachText = (value: AssignedReach | null) =>
    value === null ? "–" : value.kind === "inside" ? t("risk.inside") : value.kind === "beyond" ? t("risk.beyond") : `${n(value.km, 1)} km`;
  return (
    <section className="tracking-risk" aria-labelledby="tracking-risk-heading" data-testid="risk-section">
      <h2 id="tracking-risk-heading">{t("risk.heading")}</h2>
      <p className="hint">{t("risk.intro")}</p>
      {forecastTable(t("risk.byCarrier"), risk.byCarrier, "risk-carriers")}
      {risk.byProvince.length > 0 && forecastTable(t("risk.byProvince"), risk.byProvince, "risk-provinces")}
      {risk.rows.length === 0 ? (
        <p>{t("risk.none")}</p>
      ) : (
        <>
          <ScrollTable className="tracking-table" testId="risk-table" caption={t("risk.table")} columns={RISK_COLUMNS.map((key) => t(key))}>
            {risk.rows.slice(0, SHOWN).map((row) => (
              <tr key={row.pointId} data-testid="risk-row" data-point-id={row.pointId} className={row.tier >= 2 ? "tracking-late" : undefined}>
                <td>{row.rank}</td>
                <td>{row.pointId}</td>
                <td>{row.name}</td>
                <td>{row.carrier}</td>
                <td>{STATUS_LABELS[row.status][language]}</td>
                <td>{row.deadline ? formatDay(language, row.deadline) : "–"}</td>
                <td>{row.daysToDeadline === null ? "–" : n(row.daysToDeadline)}</td>
                <td>{row.wontMakeDeadline ? t("risk.yes") : ""}</td>
                <td>{reachText(row.reach)}</td>
                <td>{row.reasons.map((reason) => RISK_REASON_LABELS[reason][language]).join("; ")}</td>
              </tr>
            ))}
          </ScrollTable>
          {risk.rows.length > SHOWN && <p className="hint">{t("risk.more", { shown: SHOWN, total: risk.rows.length })}</p>}
          <button
            type="button"
            data-testid="risk-export"
            onClick={() => {
              const table = riskTable(risk.rows, language);
              downloadText(`${t("risk.fileName")}-${todayStamp()}.csv`, toCsv(table.header, table.rows, { separator: csvSeparator }), "text/csv;charset=utf-8");
            }}
          >
            {t("risk.export")}
          </button>
        </>
      )}
    </section>
  );
}
