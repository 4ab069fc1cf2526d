/** Terminal output of the deadline-risk forecasts (progress). */
import type { GroupForecast, Language, RiskRow } from "../../src/domain/index.ts";
import { out as terminalOut } from "./terminal.ts";

/**
 * Prints the forecast of each carrier and province at its own pace, with the points that will not make their
 * deadline, and the ten open points most at risk.
 * @param risk - from rankDeadlineRisk
 * @param language - vi or en
 * @param quiet - print nothing
 */
export function printRisk(risk: { rows: RiskRow[]; byCarrier: GroupForecast[]; byProvince: GroupForecast[] }, language: Language, quiet: boolean): void {
  if (quiet) return;
  const vi = language === "vi";
  const n = (value: number, digits = 0) => new Intl.NumberFormat(vi ? "vi-VN" : "en-US", { maximumFractionDigits: digits }).format(value);
  const out = (line: string) => terminalOut(line + "\n");
  const line = (forecast: GroupForecast) =>
    `  ${forecast.name.padEnd(22)} ${n(forecast.pacePerWeek, 2).padStart(6)} ${vi ? "điểm/tuần" : "pts/week"}  ${(forecast.completionDate ?? (vi ? "không có tiến độ" : "no progress")).padEnd(16)} ` +
    `${vi ? "còn" : "left"} ${n(forecast.remaining)}; ${vi ? "không kịp hạn" : "won't make it"} ${n(forecast.wontMakeDeadline)}; ${vi ? "quá hạn" : "overdue"} ${n(forecast.overdue)}`;
  out(`\n${vi ? "Dự báo theo nhà mạng (tốc độ riêng; ngày xong 100%)" : "Forecast by carrier (own pace; date of 100%)"}`);
  for (const forecast of risk.byCarrier) out(line(forecast));
  if (risk.byProvince.length > 0) {
    out(`\n${vi ? "Dự báo theo tỉnh" : "Forecast by province"}`);
    for (const forecast of risk.byProvince) out(line(forecast));
  }
  const top = risk.rows.slice(0, 10);
  if (top.length > 0) {
    out(`\n${vi ? "Điểm có nguy cơ trễ hạn cao nhất" : "Points most at risk of missing the deadline"}`);
    for (const row of top) {
      const days =
        row.daysToDeadline === null
          ? "—"
          : row.daysToDeadline < 0
            ? vi
              ? `quá ${n(-row.daysToDeadline)} ngày`
              : `${n(-row.daysToDeadline)} days late`
            : vi
              ? `còn ${n(row.daysToDeadline)} ngày`
              : `${n(row.daysToDeadline)} days left`;
      out(
        `  ${String(row.rank).padStart(3)}. ${row.pointId.padEnd(14)} ${row.carrier.padEnd(10)} ${days.padEnd(18)} ${row.wontMakeDeadline ? (vi ? "không kịp hạn" : "won't make it") : ""}`,
      );
    }
  }
}
