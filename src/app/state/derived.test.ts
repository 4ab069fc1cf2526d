import { describe, expect, it } from "vitest";
import { analyzeCoverage, viewFigures } from "../../domain/index.ts";
import type { PointKind, Technology } from "../../domain/types.ts";
import { coverageFeature, makePoint, rectangle } from "../../testing/features.ts";
import type { AnalyzeResult } from "../../workers/messages.ts";
import { countListedLoaded, deriveView, toPointFilter } from "./derived.ts";
import { EMPTY_FILTER } from "./url_state.ts";

const point = (id: string, kind: PointKind, lon: number) => makePoint(id, lon, 21, { kind });
/** A square of coverage centred on (lon, 21), `half` degrees each way. */
const square = (carrier: string, technology: Technology, lon: number, half: number) =>
  coverageFeature(carrier, technology, rectangle(lon - half, 21 - half, lon + half, 21 + half));

// A: Viettel 4G and VNPT 2G; B: VNPT 2G only; C: nothing.
const POINTS = [point("A", "school", 105), point("B", "village", 106), point("C", "village", 107)];
const COVERAGE = [square("Viettel", "4G", 105, 0.1), square("VNPT", "2G", 105, 0.05), square("VNPT", "2G", 106, 0.1)];

function data(): AnalyzeResult {
  return { points: POINTS, analysis: analyzeCoverage(POINTS, COVERAGE, []) } as AnalyzeResult;
}

describe("toPointFilter", () => {
  it("leaves out empty lists, which mean no restriction", () => {
    expect(toPointFilter(EMPTY_FILTER)).toEqual({});
    expect(toPointFilter({ carriers: ["Viettel"], kinds: [], minTechnology: "3G" })).toEqual({ carriers: ["Viettel"], minTechnology: "3G" });
  });
});

describe("deriveView", () => {
  it("gives each point its status: two carriers covered, one carrier, none", () => {
    const view = deriveView(data(), EMPTY_FILTER);
    expect(Array.from(view.statuses)).toEqual([2, 1, 0]);
    expect(Array.from(view.uncovered)).toEqual([2]);
    expect(Array.from(view.shown)).toEqual([0, 1, 2]);
  });

  it("takes the figures the worker sent when they are of this filter, and computes another filter's itself", () => {
    const plain = data();
    const figures = viewFigures(plain.analysis, POINTS, toPointFilter({ ...EMPTY_FILTER, minTechnology: "4G" }));
    const sent = { ...plain, figures: { filter: toPointFilter({ ...EMPTY_FILTER, minTechnology: "4G" }), figures } };
    // The same arrays: nothing computed again.
    expect(deriveView(sent, { ...EMPTY_FILTER, minTechnology: "4G" }).uncovered).toBe(figures.uncovered);
    const other = deriveView(sent, { ...EMPTY_FILTER, minTechnology: "2G" });
    expect(other.uncovered).not.toBe(figures.uncovered);
    expect(other).toEqual(deriveView(plain, { ...EMPTY_FILTER, minTechnology: "2G" }));
    expect(Array.from(other.uncovered)).toEqual([2]);
  });

  it("counts only coverage at or above the minimum technology", () => {
    const view = deriveView(data(), { ...EMPTY_FILTER, minTechnology: "4G" });
    expect(Array.from(view.statuses)).toEqual([1, 0, 0]);
    expect(Array.from(view.uncovered)).toEqual([1, 2]);
  });

  it("restricts the shown and uncovered points to the chosen kinds, and the summary with them", () => {
    const view = deriveView(data(), { ...EMPTY_FILTER, kinds: ["village"] });
    expect(Array.from(view.shown)).toEqual([1, 2]);
    expect(Array.from(view.uncovered)).toEqual([2]);
    expect(view.summary.total).toBe(2);
  });
});

describe("countListedLoaded", () => {
  it("counts the loaded points on the list, not the list", () => {
    const points = [{ id: "P1" }, { id: "P2" }, { id: "P3" }];
    expect(countListedLoaded(points, ["P2", "X-9", "X-10"])).toBe(1);
    expect(countListedLoaded([], ["P2"])).toBe(0);
    expect(countListedLoaded(points, [])).toBe(0);
  });
});
