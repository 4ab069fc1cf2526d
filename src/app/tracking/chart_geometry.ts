/**
 * The geometry of the progress chart, as plain numbers and path strings (unit-tested without a DOM).
 */
import type { TrackingTimeline } from "../../domain/tracking/timeline.ts";

export interface ChartBox {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export const CHART_BOX: ChartBox = { width: 640, height: 250, left: 44, right: 16, top: 14, bottom: 34 };

/** The forecast is drawn at most this many days past the last day shown. */
const FORECAST_HORIZON_DAYS = 730;

export interface ChartGeometry {
  covered: string;
  verified: string;
  /** The dashed forecast segment, when there is one. */
  forecast: { x1: number; y1: number; x2: number; y2: number } | null;
  deadlines: { x: number; date: string; count: number }[];
  today: number;
  yTicks: { y: number; value: number }[];
  xTicks: { x: number; date: string }[];
  start: string;
  end: string;
}

function toDays(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
}

/**
 * Lays the timeline out in the chart box: time on x (from the first sample to the latest of today,
 * the last deadline and the forecast date), counts on y (0 to the number listed).
 * @param timeline - from trackingTimeline
 * @param listed - the number of listed points (top of the y axis)
 * @param box - the chart box
 * @returns paths, marks and ticks
 */
export function layoutChart(timeline: TrackingTimeline, listed: number, box: ChartBox = CHART_BOX): ChartGeometry {
  const samples = timeline.samples;
  const today = samples.length > 0 ? samples[samples.length - 1].date : "1970-01-01";
  const start = samples.length > 0 ? samples[0].date : today;
  let endDays = toDays(today);
  const latestDeadline = timeline.deadlines.length > 0 ? timeline.deadlines[timeline.deadlines.length - 1].date : null;
  if (latestDeadline) endDays = Math.max(endDays, toDays(latestDeadline));
  const completion = timeline.forecast.completionDate;
  if (completion) endDays = Math.max(endDays, Math.min(toDays(completion), toDays(today) + FORECAST_HORIZON_DAYS));
  const startDays = toDays(start);
  if (endDays <= startDays) endDays = startDays + 1;
  const plotWidth = box.width - box.left - box.right;
  const plotHeight = box.height - box.top - box.bottom;
  const top = Math.max(1, listed);
  const x = (date: string) => box.left + ((Math.min(toDays(date), endDays) - startDays) / (endDays - startDays)) * plotWidth;
  const y = (value: number) => box.top + plotHeight - (Math.max(0, Math.min(value, top)) / top) * plotHeight;
  const path = (values: number[]) =>
    samples.map((sample, index) => `${index === 0 ? "M" : "L"}${x(sample.date).toFixed(1)},${y(values[index]).toFixed(1)}`).join(" ");
  const last = samples[samples.length - 1];
  let forecast: ChartGeometry["forecast"] = null;
  if (last && completion && completion > today) {
    const target = last.covered + timeline.forecast.remaining;
    forecast = { x1: x(today), y1: y(last.covered), x2: x(completion), y2: y(target) };
  }
  const yTicks = [0, Math.round(top / 2), top].filter((value, index, all) => all.indexOf(value) === index).map((value) => ({ y: y(value), value }));
  const xTicks: ChartGeometry["xTicks"] = [];
  const endDate = new Date(endDays * 86_400_000).toISOString().slice(0, 10);
  const months: string[] = [];
  for (let cursor = `${start.slice(0, 7)}-01`; cursor <= endDate;) {
    if (cursor >= start) months.push(cursor);
    const year = Number(cursor.slice(0, 4));
    const month = Number(cursor.slice(5, 7));
    cursor = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, "0")}-01`;
  }
  const step = Math.max(1, Math.ceil(months.length / 8));
  months.forEach((date, index) => {
    if (index % step === 0) xTicks.push({ x: x(date), date });
  });
  return {
    covered: path(samples.map((sample) => sample.covered)),
    verified: path(samples.map((sample) => sample.verified)),
    forecast,
    deadlines: timeline.deadlines.map((deadline) => ({ x: x(deadline.date), date: deadline.date, count: deadline.count })),
    today: x(today),
    yTicks,
    xTicks,
    start,
    end: endDate,
  };
}
