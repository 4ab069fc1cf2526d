import { describe, expect, it } from "vitest";
import { createRandom } from "../../testing/seeded_random.ts";
import type { AdminArea, CoverageFeature, Point, PointKind, Technology } from "../types.ts";
import { pointWeight } from "../planning/point_weights.ts";
import { analyzeCoverage, createCoverageAnalyzer, pointInScope, pointStatus, type PointFilter } from "./analyze_coverage.ts";
import { createSchoolWeightAccumulator, orphanSchoolSiteIssues, summarizeSchoolsAndWeights } from "./school_weight_summary.ts";
import { squarePolygon } from "../../testing/features.ts";

function point(id: string, kind: PointKind, lon: number, lat: number, extra: Partial<Point> = {}): Point {
  return { id, name: id, kind, lon, lat, source: { file: "p.csv", row: Number(id.replace(/\D/g, "")) || 1 }, extra: {}, ...extra };
}

/** Random schools with sites (a few orphans), villages, over two communes, against three carriers' squares. */
function randomCase(seed: number): { points: Point[]; coverage: CoverageFeature[]; admin: AdminArea[] } {
  const random = createRandom(seed);
  const points: Point[] = [];
  for (let s = 0; s < 30; s++) {
    points.push(point(`S${s}`, "school", 104 + random(), 21 + random(), { weight: Math.floor(random() * 300) }));
    const sites = Math.floor(random() * 4);
    for (let k = 0; k < sites; k++)
      points.push(
        point(`S${s}-${k}`, "school_site", 104 + random(), 21 + random(), { parentId: random() < 0.1 ? `X${s}` : `S${s}`, weight: Math.floor(random() * 60) }),
      );
  }
  for (let v = 0; v < 40; v++)
    points.push(point(`V${v}`, "village", 104 + random(), 21 + random(), { extra: { households: String(Math.floor(random() * 200)) } }));
  const carriers = ["Viettel", "VNPT", "MobiFone"];
  const technologies: Technology[] = ["3G", "4G"];
  const coverage: CoverageFeature[] = [];
  for (let c = 0; c < 12; c++) {
    coverage.push({
      carrier: carriers[c % 3],
      technology: technologies[c % 2],
      asOf: null,
      geometry: squarePolygon(104 + random() * 0.8, 21 + random() * 0.8, 0.2 + random() * 0.3),
      source: { file: "c", featureIndex: c },
    });
  }
  const admin: AdminArea[] = [
    { level: "commune", code: "A", name: "Xã A", parentCode: "P", geometry: squarePolygon(103.9, 20.9, 0.6) },
    {
      level: "commune",
      code: "B",
      name: "Xã B",
      parentCode: "P",
      geometry: {
        type: "Polygon",
        coordinates: [
          [
            [104.5, 20.9],
            [105.2, 20.9],
            [105.2, 22.2],
            [103.9, 22.2],
            [103.9, 21.5],
            [104.5, 21.5],
            [104.5, 20.9],
          ],
        ],
      },
    },
  ];
  return { points, coverage, admin };
}

/** The reference: every figure recomputed point by point from pointStatus, one filter per carrier. */
function reference(points: Point[], coverage: CoverageFeature[], admin: AdminArea[], filter: PointFilter) {
  const analysis = analyzeCoverage(points, coverage, admin);
  const uncovered = (i: number, f: PointFilter = filter) => pointStatus(analysis, i, f) === "uncovered";
  let pupils = 0;
  let pupilsUncovered = 0;
  let households = 0;
  let householdsUncovered = 0;
  const carriers = [
    ...new Set(
      coverage
        .filter((f) => !filter.carriers || filter.carriers.includes(f.carrier))
        .filter((f) => !filter.minTechnology || f.technology >= filter.minTechnology)
        .map((f) => f.carrier),
    ),
  ];
  const byCarrier = new Map(carriers.map((carrier) => [carrier, { pupilsUncovered: 0, householdsUncovered: 0 }]));
  points.forEach((p, i) => {
    if (!pointInScope(analysis, points, i, filter)) return;
    const pu = pointWeight(p, "pupils");
    const ho = pointWeight(p, "households");
    pupils += pu;
    households += ho;
    if (uncovered(i)) {
      pupilsUncovered += pu;
      householdsUncovered += ho;
    }
    for (const carrier of carriers) {
      if (uncovered(i, { ...filter, carriers: [carrier] })) {
        byCarrier.get(carrier)!.pupilsUncovered += pu;
        byCarrier.get(carrier)!.householdsUncovered += ho;
      }
    }
  });
  const schoolIds = new Set(points.filter((p) => p.kind === "school").map((p) => p.id));
  let schools = 0;
  let mainUncovered = 0;
  let withUncoveredSite = 0;
  let notFullyCovered = 0;
  points.forEach((p, i) => {
    if (p.kind !== "school" || !pointInScope(analysis, points, i, { ...filter, kinds: undefined })) return;
    schools++;
    const main = uncovered(i);
    const siteUncovered = points.some((q, j) => q.kind === "school_site" && q.parentId === p.id && uncovered(j));
    if (main) mainUncovered++;
    if (siteUncovered) withUncoveredSite++;
    if (main || siteUncovered) notFullyCovered++;
  });
  const orphans = points.filter((p) => p.kind === "school_site" && p.parentId !== undefined && !schoolIds.has(p.parentId)).map((p) => p.id);
  return {
    pupils,
    pupilsUncovered,
    households,
    householdsUncovered,
    byCarrier: [...byCarrier.entries()].map(([carrier, v]) => ({ carrier, ...v })),
    schools,
    mainUncovered,
    withUncoveredSite,
    notFullyCovered,
    orphans,
  };
}

describe("summarizeSchoolsAndWeights", () => {
  it("equals a point-by-point recomputation on random cases, for several filters", () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const { points, coverage, admin } = randomCase(seed);
      const filters: PointFilter[] = [{}, { minTechnology: "4G" }, { carriers: ["VNPT"] }, { minTechnology: "4G", communeCode: "B" }, { kinds: ["village"] }];
      for (const filter of filters) {
        const expected = reference(points, coverage, admin, filter);
        const result = summarizeSchoolsAndWeights(analyzeCoverage(points, coverage, admin), points, filter);
        const { weights, schools } = result;
        expect([weights.pupils, weights.pupilsUncovered, weights.households, weights.householdsUncovered]).toEqual([
          expected.pupils,
          expected.pupilsUncovered,
          expected.households,
          expected.householdsUncovered,
        ]);
        expect([...weights.byCarrier].sort((a, b) => a.carrier.localeCompare(b.carrier))).toEqual(
          [...expected.byCarrier].sort((a, b) => a.carrier.localeCompare(b.carrier)),
        );
        expect([schools.schools, schools.mainUncovered, schools.withUncoveredSite, schools.notFullyCovered, schools.fullyCovered]).toEqual([
          expected.schools,
          expected.mainUncovered,
          expected.withUncoveredSite,
          expected.notFullyCovered,
          expected.schools - expected.notFullyCovered,
        ]);
        expect(result.issues.map((issue) => issue.message.en.match(/"([^"]+)"/)![1])).toEqual(expected.orphans);
        expect(schools.orphanSites).toBe(expected.orphans.length);
        expect(orphanSchoolSiteIssues(points)).toEqual(result.issues);
        // Areas add up to the totals (every point lies in commune A or B).
        expect(weights.byCommune.reduce((sum, area) => sum + area.pupilsUncovered, 0)).toBe(weights.pupilsUncovered);
        expect(schools.byCommune.reduce((sum, area) => sum + area.notFullyCovered, 0)).toBe(schools.notFullyCovered);
      }
    }
  });

  it("gives the same answer when the points arrive in batches (a site before its school)", () => {
    const { points, coverage, admin } = randomCase(9);
    const filter: PointFilter = { minTechnology: "4G" };
    const whole = summarizeSchoolsAndWeights(analyzeCoverage(points, coverage, admin), points, filter);
    const reversed = [...points].reverse();
    const analyzer = createCoverageAnalyzer(coverage, admin);
    const accumulator = createSchoolWeightAccumulator(filter);
    for (let start = 0; start < reversed.length; start += 17) {
      const batch = reversed.slice(start, start + 17);
      accumulator.add(analyzer.analyze(batch), batch);
    }
    const batched = accumulator.finish();
    expect({ ...batched.schools, byCommune: [], byProvince: [] }).toEqual({ ...whole.schools, byCommune: [], byProvince: [] });
    expect([batched.weights.pupilsUncovered, batched.weights.householdsUncovered]).toEqual([whole.weights.pupilsUncovered, whole.weights.householdsUncovered]);
    expect(batched.issues.length).toBe(whole.issues.length);
  });

  it("on a hand-worked case: a covered school with one uncovered site counts as not covered as a school", () => {
    const points = [
      point("T1", "school", 104.05, 21.05, { weight: 200 }),
      point("T1-a", "school_site", 104.5, 21.5, { parentId: "T1", weight: 30 }),
      point("T2", "school", 104.06, 21.06, { weight: 100 }),
      point("T3-a", "school_site", 104.07, 21.07, { parentId: "T9", weight: 10, source: { file: "p.csv", row: 4 } }),
    ];
    const coverage: CoverageFeature[] = [
      { carrier: "Viettel", technology: "4G", asOf: null, geometry: squarePolygon(104, 21, 0.1), source: { file: "c", featureIndex: 0 } },
    ];
    const { schools, weights, issues } = summarizeSchoolsAndWeights(analyzeCoverage(points, coverage), points, {});
    expect([
      schools.schools,
      schools.mainUncovered,
      schools.withUncoveredSite,
      schools.notFullyCovered,
      schools.fullyCovered,
      schools.sites,
      schools.sitesUncovered,
    ]).toEqual([2, 0, 1, 1, 1, 1, 1]);
    expect([weights.pupils, weights.pupilsUncovered]).toEqual([340, 30]);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: "p.csv", row: 4, severity: "warning", code: "parent_unknown" });
    expect(issues[0].message.vi).toContain("T9");
  });
});
