import { describe, expect, it } from "vitest";
import type { Technology } from "../types.ts";
import { coverageFeature, rectangle } from "../../testing/features.ts";
import { buildCoverageIndex } from "../spatial/coverage_index.ts";
import { computeRegistryCoverage, crossCheckCoverage } from "./cross_check.ts";
import { createStatusEvent, type Actor } from "./events.ts";
import { replay } from "./replay.ts";
import { makeListedPoint } from "../../testing/listed_points.ts";

/** A coverage band from lon `minLon` to `maxLon`, lat 22 to 22.1, dated 1 March 2026. */
const square = (carrier: string, technology: Technology, minLon: number, maxLon: number) =>
  coverageFeature(carrier, technology, rectangle(minLon, 22, maxLon, 22.1), { asOf: "2026-03-01" });

// Viettel 4G over lon 104.00–104.10, Viettel 3G over 104.10–104.20, VNPT 3G over 104.20–104.30.
const features = [square("Viettel", "4G", 104.0, 104.1), square("Viettel", "3G", 104.1, 104.2), square("VNPT", "3G", 104.2, 104.3)];
const viettel: Actor = { role: "carrier", carrier: "Viettel" };
const registry = [
  makeListedPoint("IN_NOT_CLAIMED", { carrier: "Viettel", lon: 104.05, lat: 22.05 }),
  makeListedPoint("IN_CLAIMED", { carrier: "Viettel", lon: 104.06, lat: 22.05 }),
  makeListedPoint("OUT_CLAIMED", { carrier: "Viettel", lon: 104.5, lat: 22.05 }),
  makeListedPoint("OUT_NOT_CLAIMED", { carrier: "Viettel", lon: 104.6, lat: 22.05 }),
  makeListedPoint("IN_OTHER_CARRIER", { carrier: "Viettel", lon: 104.25, lat: 22.05 }), // only VNPT covers it
  makeListedPoint("CLAIMED_4G_IN_3G", { carrier: "Viettel", lon: 104.15, lat: 22.05 }),
  makeListedPoint("NO_LAYER", { carrier: "MobiFone", lon: 104.05, lat: 22.05 }),
];
const events = [
  createStatusEvent({ pointId: "IN_CLAIMED", status: "on_air", date: "2026-03-02", actor: viettel, technology: "4G" }),
  createStatusEvent({ pointId: "OUT_CLAIMED", status: "on_air", date: "2026-03-02", actor: viettel }),
  createStatusEvent({ pointId: "CLAIMED_4G_IN_3G", status: "on_air", date: "2026-03-02", actor: viettel, technology: "4G" }),
  createStatusEvent({ pointId: "IN_NOT_CLAIMED", status: "planned", date: "2026-02-02", actor: viettel }),
];

describe("crossCheckCoverage", () => {
  const { states } = replay(registry, events);
  const coverage = computeRegistryCoverage(registry, buildCoverageIndex(features));

  it("proposes on_air for a point its carrier covers but that is still not on air", () => {
    const result = crossCheckCoverage(registry, states, coverage);
    expect(result.proposals.map((proposal) => [proposal.pointId, proposal.currentStatus])).toEqual([["IN_NOT_CLAIMED", "planned"]]);
    expect(result.proposals[0].layers.map((layer) => layer.technology)).toEqual(["4G"]);
  });

  it("flags an on_air claim outside the carrier's coverage, and a 4G claim covered only by 3G", () => {
    const result = crossCheckCoverage(registry, states, coverage);
    expect(result.flags.map((flag) => flag.pointId)).toEqual(["OUT_CLAIMED", "CLAIMED_4G_IN_3G"]);
    expect(result.flags[1].message.en).toContain("4G coverage does not contain");
  });

  it("ignores other carriers' coverage and leaves carriers with no layer unchecked", () => {
    const result = crossCheckCoverage(registry, states, coverage);
    expect(result.proposals.some((proposal) => proposal.pointId === "IN_OTHER_CARRIER")).toBe(false);
    expect(result.unchecked).toEqual(["NO_LAYER"]);
  });

  it("counts only layers at or above the technology asked", () => {
    const withNew = [...registry, makeListedPoint("IN_3G_ONLY", { carrier: "Viettel", lon: 104.15, lat: 22.02 })];
    const result = crossCheckCoverage(withNew, replay(withNew, events).states, computeRegistryCoverage(withNew, buildCoverageIndex(features)), {
      technology: "4G",
    });
    expect(result.proposals.map((proposal) => proposal.pointId)).toEqual(["IN_NOT_CLAIMED"]);
    const any = crossCheckCoverage(withNew, replay(withNew, events).states, computeRegistryCoverage(withNew, buildCoverageIndex(features)));
    expect(any.proposals.map((proposal) => proposal.pointId)).toEqual(["IN_NOT_CLAIMED", "IN_3G_ONLY"]);
  });

  it("uses only the latest layer of a carrier and technology when several are given", () => {
    // A hand-built analysis: two Viettel 4G layers, the newer one not containing the point.
    const layers = [
      { carrier: "Viettel", technology: "4G" as const, asOf: "2025-01-01" },
      { carrier: "Viettel", technology: "4G" as const, asOf: "2026-01-01" },
    ];
    const single = [makeListedPoint("X", { carrier: "Viettel" })];
    const masks = new Uint32Array([0b01]);
    const result = crossCheckCoverage(single, replay(single, []).states, { layers, words: 1, masks });
    expect(result.proposals).toEqual([]);
    expect(crossCheckCoverage(single, replay(single, []).states, { layers, words: 1, masks: new Uint32Array([0b10]) }).proposals).toHaveLength(1);
  });
});
