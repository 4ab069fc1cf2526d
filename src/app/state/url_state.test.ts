import { describe, expect, it } from "vitest";
import { DEFAULT_FILTER, EMPTY_FILTER, parseUrlState, writeUrlState, type UrlState } from "./url_state.ts";

describe("parseUrlState", () => {
  it("defaults to Vietnamese, the sample data and the default filter (4G and up)", () => {
    expect(parseUrlState("")).toEqual({ language: "vi", sampleNone: false, filter: DEFAULT_FILTER, camera: undefined, search: "" });
    expect(DEFAULT_FILTER.minTechnology).toBe("4G");
  });

  it("reads ?tech=any as any technology (2G and up)", () => {
    expect(parseUrlState("?tech=any").filter).toEqual(EMPTY_FILTER);
  });

  it("reads the language, filters, camera and search", () => {
    const state = parseUrlState("?lang=en&carrier=Viettel,VNPT&tech=4G&kind=school,village&province=15&commune=15001&map=9.5/21.7/104.1&q=lao%20cai");
    expect(state).toEqual({
      language: "en",
      sampleNone: false,
      filter: { carriers: ["Viettel", "VNPT"], minTechnology: "4G", kinds: ["school", "village"], provinceCode: "15", communeCode: "15001" },
      camera: { zoom: 9.5, lat: 21.7, lon: 104.1 },
      search: "lao cai",
    });
  });

  it("ignores an unknown technology, unknown kinds, a bad camera and unknown parameters", () => {
    const state = parseUrlState("?tech=6G&kind=castle,school&map=abc/1/2&foo=bar&lang=fr");
    expect(state.filter).toEqual({ carriers: [], kinds: ["school"], minTechnology: "4G" });
    expect(state.camera).toBeUndefined();
    expect(state.language).toBe("vi");
  });

  it("reads and writes ?point=ID", () => {
    expect(parseUrlState("?point=LC-SCH-0001").point).toBe("LC-SCH-0001");
    expect(writeUrlState({ language: "vi", sampleNone: false, filter: DEFAULT_FILTER, search: "", point: "A 1" })).toBe("?point=A+1");
  });

  it("reads and writes the tracking view's role, as-of day and status filter", () => {
    const state = parseUrlState("?view=progress&role=carrier:Viettel&asof=2026-08-15&status=on_air");
    expect(state.tracking).toEqual({ role: "carrier:Viettel", asOf: "2026-08-15", status: "on_air" });
    expect(parseUrlState(writeUrlState(state)).tracking).toEqual(state.tracking);
    expect(parseUrlState("?role=boss&asof=15/08/2026").tracking).toBeUndefined();
  });

  it("opens the tracking view from ?view=tracking and from its older name ?view=progress, and writes ?view=tracking", () => {
    expect(parseUrlState("?view=tracking").view).toBe("tracking");
    expect(parseUrlState("?view=progress").view).toBe("tracking");
    expect(parseUrlState("?view=map").view).toBeUndefined();
    expect(writeUrlState({ language: "vi", sampleNone: false, filter: DEFAULT_FILTER, search: "", view: "tracking" })).toBe("?view=tracking");
  });

  it("recognises ?sample=none", () => {
    expect(parseUrlState("?sample=none").sampleNone).toBe(true);
  });
});

describe("writeUrlState", () => {
  it("writes nothing for the default state, tech=any for any technology", () => {
    expect(writeUrlState({ language: "vi", sampleNone: false, filter: DEFAULT_FILTER, search: "" })).toBe("");
    expect(writeUrlState({ language: "vi", sampleNone: false, filter: EMPTY_FILTER, search: "" })).toBe("?tech=any");
    expect(parseUrlState(writeUrlState({ language: "vi", sampleNone: false, filter: EMPTY_FILTER, search: "" })).filter).toEqual(EMPTY_FILTER);
  });

  it("round-trips a full state", () => {
    const state: UrlState = {
      language: "en",
      sampleNone: true,
      filter: { carriers: ["MobiFone"], minTechnology: "3G", kinds: ["school_site"], provinceCode: "10", communeCode: "10123" },
      camera: { zoom: 7.25, lat: 22.33333, lon: 103.98765 },
      search: "Đồng Văn",
    };
    expect(parseUrlState(writeUrlState(state))).toEqual(state);
  });

  it("rounds the camera so links stay short", () => {
    const text = writeUrlState({
      language: "vi",
      sampleNone: false,
      filter: DEFAULT_FILTER,
      search: "",
      camera: { zoom: 7.123456, lat: 21.123456789, lon: 105.987654321 },
    });
    expect(text).toBe("?map=7.12%2F21.12346%2F105.98765");
  });

  it("opens a pre-built map link (?coverage=) without the sample data", () => {
    expect(parseUrlState("?coverage=coverage.pmtiles").sampleNone).toBe(true);
    expect(parseUrlState("?lang=en").sampleNone).toBe(false);
  });
});
