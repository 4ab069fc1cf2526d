/**
 * Generates the sample progress history for the listed dead zones in data/sample/dead_zones.csv:
 * - data/sample/events.json: about six months of events (JSON update form, "lom-song-updates"): carriers
 *   moving points forward, the department verifying most claims, one claim disputed and sent back, one
 *   infeasible claim waiting for the department, and a few points still not started so some are overdue;
 * - data/sample/updates-viettel.csv: Viettel's next update file (Vietnamese status labels), for demos and tests;
 * - data/sample/coverage-new-sites.geojson: each carrier's 4G release as of the end of the history: its earlier 4G
 *   coverage (from coverage.geojson) and the footprints of the new sites the carriers built for the listed points, so the cross-check has a real picture: most claims fall inside their
 *   carrier's new coverage, the two latest claims do not yet (their footprints were not sent), and one site on air
 *   whose carrier has not reported it yet is proposed for on_air.
 *
 * Seeded and deterministic: the same dead_zones.csv always gives the same files. Every event goes through
 * the domain's transition table; the script fails if one is refused.
 *
 *   npm run sample-events
 */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import {
  addDays,
  parseRegistryCsv,
  parseUpdatesCsv,
  recordStatusChanges,
  replay,
  writeUpdatesCsv,
  writeUpdatesJson,
  type Actor,
  type ListedPoint,
  type StatusEventDraft,
} from "../src/domain/index.ts";
import { createRandom } from "../src/testing/seeded_random.ts";
import type { Feature, FeatureCollection, Polygon, Position } from "geojson";

const ROOT = new URL("..", import.meta.url).pathname;
const SAMPLE = join(ROOT, "data/sample");
/** The day the sample list was published: no change may be dated before it. */
export const SAMPLE_LIST_PUBLISHED_ON = "2026-05-15";
/** The last day of the sample history. */
export const SAMPLE_HISTORY_END = "2026-11-15";
/** The days of Viettel's next update file (after the history, before the project's demo date). */
const NEXT_UPDATE_DAYS = ["2026-11-17", "2026-11-18", "2026-11-19", "2026-11-20"];
const SEED = 20260515;
const DEPARTMENT: Actor = { role: "department" };

type Plan = "not_started" | "planned" | "under_construction" | "on_air";

function between(random: () => number, low: number, high: number): number {
  return low + Math.floor(random() * (high - low + 1));
}

function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}

/** Chooses how far each point got: most are on air, a few lag behind; two late points stay untouched. */
function planPoints(registry: readonly ListedPoint[], random: () => number): Map<string, Plan> {
  const plans = new Map<string, Plan>();
  for (const point of registry) {
    const draw = random();
    plans.set(point.id, draw < 0.1 ? "not_started" : draw < 0.2 ? "planned" : draw < 0.35 ? "under_construction" : "on_air");
  }
  // Some points past their deadline are still open, so the overdue list is not empty.
  const late = registry
    .filter((point) => point.deadline !== null && point.deadline < SAMPLE_HISTORY_END)
    .sort((a, b) => ((a.deadline as string) < (b.deadline as string) ? -1 : 1));
  if (late[1]) plans.set(late[1].id, "not_started");
  if (late[4]) plans.set(late[4].id, "planned");
  return plans;
}

function carrierOf(point: ListedPoint): Actor {
  return { role: "carrier", carrier: point.carrier };
}

function buildHistory(registry: readonly ListedPoint[]): StatusEventDraft[] {
  const random = createRandom(SEED);
  const plans = planPoints(registry, random);
  const drafts: StatusEventDraft[] = [];
  const onAirDates = new Map<string, string>();
  // One infeasible claim (preferably MobiFone, the smallest carrier here) waits for the department.
  const infeasible =
    registry.find((point) => point.carrier === "MobiFone" && plans.get(point.id) !== "on_air") ?? registry.find((point) => plans.get(point.id) === "planned");
  for (const point of registry) {
    const plan = plans.get(point.id) as Plan;
    if (plan === "not_started") continue;
    const carrier = carrierOf(point);
    const planned = addDays(SAMPLE_LIST_PUBLISHED_ON, between(random, 3, 45));
    drafts.push({ pointId: point.id, status: "planned", date: planned, actor: carrier, note: "Đã khảo sát vị trí đặt trạm" });
    if (point === infeasible) {
      drafts.push({
        pointId: point.id,
        status: "infeasible",
        date: addDays(planned, between(random, 20, 50)),
        actor: carrier,
        note: "Không có điện lưới, địa hình núi đá; đề xuất dùng trạm vệ tinh",
      });
      continue;
    }
    if (plan === "planned") continue;
    const construction = addDays(planned, between(random, 14, 45));
    if (construction > SAMPLE_HISTORY_END) continue;
    drafts.push({ pointId: point.id, status: "under_construction", date: construction, actor: carrier });
    if (plan === "under_construction") continue;
    // Carriers aim at the deadline: on air between two months before it and the end of construction + 3 weeks.
    const target = point.deadline ? addDays(point.deadline, -between(random, 0, 60)) : addDays(construction, 60);
    const onAir = maxDate(addDays(construction, between(random, 21, 35)), minDate(target, addDays(construction, 90)));
    if (onAir > SAMPLE_HISTORY_END) continue;
    const technology = random() < 0.8 ? "4G" : "3G";
    const downloadMbps = Math.round((technology === "4G" ? 18 + random() * 40 : 2 + random() * 5) * 10) / 10;
    drafts.push({
      pointId: point.id,
      status: "on_air",
      date: onAir,
      actor: carrier,
      technology,
      evidence: { text: "Đo kiểm tại điểm bằng Speedtest", downloadMbps, signalDbm: -between(random, 72, 104), photo: `anh/${point.id}.jpg` },
    });
    onAirDates.set(point.id, onAir);
  }
  // The department disputes the earliest claim, and the carrier takes the point back.
  const disputed = [...onAirDates].sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : a[0] < b[0] ? -1 : 1))[0];
  if (disputed) {
    const [pointId, onAir] = disputed;
    const point = registry.find((candidate) => candidate.id === pointId) as ListedPoint;
    const disputeDate = addDays(onAir, 9);
    drafts.push({ pointId, status: "disputed", date: disputeDate, actor: DEPARTMENT, note: "Đo kiểm thực tế không có sóng 4G tại điểm; đề nghị bổ sung trạm" });
    drafts.push({
      pointId,
      status: "under_construction",
      date: addDays(disputeDate, 12),
      actor: carrierOf(point),
      note: "Lắp thêm trạm BTS theo yêu cầu của Sở",
    });
    onAirDates.delete(pointId);
  }
  // The department verifies most other claims one to four weeks later.
  for (const [pointId, onAir] of onAirDates) {
    const verifyDate = addDays(onAir, between(random, 7, 28));
    if (random() < 0.7 && verifyDate <= SAMPLE_HISTORY_END) {
      drafts.push({
        pointId,
        status: "verified",
        date: verifyDate,
        actor: DEPARTMENT,
        note: "Sở TT&TT đo kiểm, đạt",
        evidence: { downloadMbps: Math.round((10 + random() * 30) * 10) / 10 },
      });
    }
  }
  // In date order, points in list order within a day: the order a log would have been written in.
  const order = new Map(registry.map((point, index) => [point.id, index]));
  return drafts
    .map((draft, index) => ({ draft, index }))
    .sort((a, b) =>
      a.draft.date < b.draft.date
        ? -1
        : a.draft.date > b.draft.date
          ? 1
          : (order.get(a.draft.pointId) as number) - (order.get(b.draft.pointId) as number) || a.index - b.index,
    )
    .map((entry) => entry.draft);
}

/** Viettel's next update: moves up to four of its open points one step forward. */
function buildNextViettelUpdate(registry: readonly ListedPoint[], states: ReturnType<typeof replay>["states"]): StatusEventDraft[] {
  const viettel = registry.filter((point) => point.carrier === "Viettel" && ["not_started", "planned", "under_construction"].includes(states[point.id].status));
  return viettel.slice(0, NEXT_UPDATE_DAYS.length).map((point, index): StatusEventDraft => {
    const status = states[point.id].status;
    const date = NEXT_UPDATE_DAYS[index];
    const actor = carrierOf(point);
    if (status === "under_construction") {
      const downloadMbps = [32.5, 27.8, 41.2, 19.6][index];
      const evidence = { text: "Đo kiểm tại điểm bằng Speedtest", downloadMbps, signalDbm: -84 - 3 * index };
      return { pointId: point.id, status: "on_air", date, actor, technology: "4G", evidence, note: "Trạm mới phát sóng" };
    }
    if (status === "planned") return { pointId: point.id, status: "under_construction", date, actor, note: "Đã khởi công" };
    return { pointId: point.id, status: "planned", date, actor, note: "Đã khảo sát" };
  });
}

/** A new site's 4G footprint: a 32-gon of radius 1.5–2.5 km whose centre is within 0.8 km of the listed point. */
function newSiteFootprint(point: ListedPoint, random: () => number): Polygon {
  const kmPerDegreeLat = 110.574;
  const kmPerDegreeLon = 111.32 * Math.cos((point.lat * Math.PI) / 180);
  const offsetKm = 0.8 * random();
  const offsetAngle = 2 * Math.PI * random();
  const centreLon = point.lon + (offsetKm * Math.cos(offsetAngle)) / kmPerDegreeLon;
  const centreLat = point.lat + (offsetKm * Math.sin(offsetAngle)) / kmPerDegreeLat;
  const radiusKm = 1.5 + random();
  const ring: Position[] = [];
  for (let k = 0; k < 32; k++) {
    const angle = (2 * Math.PI * k) / 32;
    ring.push([round5(centreLon + (radiusKm * Math.cos(angle)) / kmPerDegreeLon), round5(centreLat + (radiusKm * Math.sin(angle)) / kmPerDegreeLat)]);
  }
  ring.push(ring[0]);
  return { type: "Polygon", coordinates: [ring] };
}

function round5(value: number): number {
  return Math.round(value * 1e5) / 1e5;
}

/**
 * The new sites' coverage: every point on air or verified at the end of the history except the two latest claims,
 * plus one point still under construction whose site is already on air.
 */
function buildNewSitesCoverage(registry: readonly ListedPoint[], states: ReturnType<typeof replay>["states"]): FeatureCollection<Polygon> {
  const random = createRandom(SEED + 1);
  const claimed = registry.filter((point) => ["on_air", "verified"].includes(states[point.id].status));
  const latestClaims = new Set(
    claimed
      .filter((point) => states[point.id].status === "on_air")
      .sort((a, b) => (states[b.id].since ?? "").localeCompare(states[a.id].since ?? "") || a.id.localeCompare(b.id))
      .slice(0, 2)
      .map((point) => point.id),
  );
  const built = claimed.filter((point) => !latestClaims.has(point.id));
  const unreported = registry.find((point) => states[point.id].status === "under_construction");
  if (unreported) built.push(unreported);
  const features: Feature<Polygon>[] = built.map((point) => ({
    type: "Feature",
    properties: { carrier: point.carrier, technology: "4G", as_of: SAMPLE_HISTORY_END, site: `Trạm mới cho ${point.id}`, sample: true },
    geometry: newSiteFootprint(point, random),
  }));
  return {
    type: "FeatureCollection",
    name: "Vùng phủ 4G của các trạm mới (DỮ LIỆU MẪU / SAMPLE DATA)",
    description: "Dữ liệu mẫu, không phải số liệu thật. Synthetic sample data: footprints of new sites built for the listed dead zones.",
    features,
  } as FeatureCollection<Polygon>;
}

async function main(): Promise<void> {
  const registryFile = join(SAMPLE, "dead_zones.csv");
  const { items: registry, report } = parseRegistryCsv(await readFile(registryFile), { file: "dead_zones.csv" });
  if (report.rejected > 0 || registry.length === 0) throw new Error(`dead_zones.csv: ${report.rejected} rows rejected, ${registry.length} accepted`);

  const history = recordStatusChanges({ registry, events: [], today: SAMPLE_HISTORY_END, listPublishedOn: SAMPLE_LIST_PUBLISHED_ON }, buildHistory(registry));
  if (history.rejected.length > 0) throw new Error(`generated events refused: ${JSON.stringify(history.rejected.slice(0, 3))}`);
  await writeFile(join(SAMPLE, "events.json"), writeUpdatesJson(history.events));

  const { states } = replay(registry, history.events);
  const next = recordStatusChanges({ registry, events: history.events, listPublishedOn: SAMPLE_LIST_PUBLISHED_ON }, buildNextViettelUpdate(registry, states));
  if (next.rejected.length > 0) throw new Error(`generated update refused: ${JSON.stringify(next.rejected.slice(0, 3))}`);
  const csv = writeUpdatesCsv(next.events, { statusAs: "vi" });
  // Check the file reads back as it is meant to: every row new and valid.
  const check = parseUpdatesCsv(csv, {
    file: "updates-viettel.csv",
    registry,
    events: history.events,
    today: NEXT_UPDATE_DAYS[NEXT_UPDATE_DAYS.length - 1],
    listPublishedOn: SAMPLE_LIST_PUBLISHED_ON,
  });
  if (check.events.length !== next.events.length) throw new Error(`updates-viettel.csv does not read back: ${JSON.stringify(check.report.issues.slice(0, 3))}`);
  await writeFile(join(SAMPLE, "updates-viettel.csv"), csv);

  // A release is a carrier's whole map of a technology as of its date (the latest release is the one in force), so
  // the November 4G release holds each carrier's 4G coverage of the earlier release as well as the new sites.
  const earlier = JSON.parse(await readFile(join(SAMPLE, "coverage.geojson"), "utf8")) as FeatureCollection;
  const sites = buildNewSitesCoverage(registry, states);
  const carried = earlier.features
    .filter((feature) => feature.properties?.technology === "4G")
    .map((feature) => ({ ...feature, properties: { ...feature.properties, as_of: SAMPLE_HISTORY_END } }));
  const newSites = { ...sites, features: [...carried, ...sites.features] } as FeatureCollection;
  await writeFile(join(SAMPLE, "coverage-new-sites.geojson"), `${JSON.stringify(newSites)}\n`);
  process.stdout.write(
    `coverage-new-sites.geojson: the 4G release of ${SAMPLE_HISTORY_END}: ${carried.length} earlier footprints and ${sites.features.length} new sites\n`,
  );

  const counts: Record<string, number> = {};
  for (const point of registry) counts[states[point.id].status] = (counts[states[point.id].status] ?? 0) + 1;
  process.stdout.write(
    `events.json: ${history.events.length} events for ${registry.length} listed points; statuses on ${SAMPLE_HISTORY_END}: ${JSON.stringify(counts)}\n`,
  );
  process.stdout.write(`updates-viettel.csv: ${next.events.length} rows\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
