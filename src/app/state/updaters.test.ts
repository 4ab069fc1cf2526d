import { describe, expect, it } from "vitest";
import { parseUrlState } from "./url_state.ts";
import * as updaters from "./updaters.ts";

const start = () => updaters.initialAppState(parseUrlState("?lang=vi"));

describe("the app's updaters", () => {
  it("start from the URL: a linked point waits for its data, filters and language come from the link", () => {
    const state = updaters.initialAppState(parseUrlState("?lang=en&point=TH-7&tech=3G"));
    expect(state.language).toBe("en");
    expect(state.pendingPointId).toBe("TH-7");
    expect(state.filter.minTechnology).toBe("3G");
    expect(state.ready).toBe(false);
  });

  it("select a point: the map flies to it and is shown on a phone, unless asked not to", () => {
    const selected = updaters.selectPoint(start(), { index: 4 });
    expect([selected.selectedPointIndex, selected.flyRequest, selected.pane]).toEqual([4, 1, "map"]);
    const quiet = updaters.selectPoint({ ...start(), pane: "panels" }, { index: 2, fly: false, showMap: false });
    expect([quiet.selectedPointIndex, quiet.flyRequest, quiet.pane]).toEqual([2, 0, "panels"]);
    expect(updaters.selectPoint(selected, { index: null }).selectedPointIndex).toBeNull();
  });

  it("open a linked point once, or forget a link no point has", () => {
    const linked = updaters.initialAppState(parseUrlState("?point=X"));
    const found = updaters.openLinkedPoint(linked, 3);
    expect([found.pendingPointId, found.selectedPointIndex, found.flyRequest]).toEqual([undefined, 3, 1]);
    const missing = updaters.openLinkedPoint(linked, -1);
    expect([missing.pendingPointId, missing.selectedPointIndex]).toEqual([undefined, null]);
  });

  it("choose an area: the filter follows, the selection is cleared, and the same box twice zooms twice", () => {
    const bounds: [number, number, number, number] = [103, 22, 104, 23];
    const once = updaters.chooseArea({ ...start(), selectedPointIndex: 5, pane: "filters" }, { provinceCode: "10", communeCode: "10123", bounds });
    expect(once.filter).toMatchObject({ provinceCode: "10", communeCode: "10123" });
    expect([once.selectedPointIndex, once.pane, once.boundsRequest?.serial]).toEqual([null, "map", 1]);
    expect(updaters.chooseArea(once, { provinceCode: "10", bounds }).boundsRequest?.serial).toBe(2);
    expect(updaters.chooseArea(once, { provinceCode: "10", bounds: null }).boundsRequest).toBe(once.boundsRequest);
    expect(updaters.chooseArea(once, { provinceCode: "10", bounds: null }).filter.communeCode).toBeUndefined();
  });

  it("sort the list: the same column again reverses, another column starts ascending", () => {
    const byName = updaters.sortList(start(), "name");
    expect(byName.listSort).toEqual({ column: "name", direction: "descending" });
    expect(updaters.sortList(byName, "name").listSort.direction).toBe("ascending");
    expect(updaters.sortList(byName, "commune").listSort).toEqual({ column: "commune", direction: "ascending" });
  });

  it("panes, tabs, layers, language, tracking and notices", () => {
    expect(updaters.showPane(start(), "export")).toMatchObject({ pane: "panels", tab: "export" });
    expect(updaters.showPane(start(), "filters")).toMatchObject({ pane: "filters", tab: "list" });
    expect(updaters.showTab(start(), "statistics").tab).toBe("statistics");
    expect(updaters.setLayerVisible(start(), { key: "coverage:Viettel|4G", on: false }).layerVisibility).toEqual({ "coverage:Viettel|4G": false });
    expect(updaters.toggleLanguage(start()).language).toBe("en");
    expect(updaters.setTrackingUrl({ ...start(), tracking: { role: "Viettel" } }, { status: "on_air" }).tracking).toEqual({
      role: "Viettel",
      status: "on_air",
    });
    const first = { id: 1, severity: "error" as const, key: "error.storageSave" as const, message: { vi: "a", en: "a" } };
    const again = { ...first, id: 2 };
    const noticed = updaters.addNotice(updaters.addNotice(start(), first), again);
    expect(noticed.notices.map((notice) => notice.id)).toEqual([2]);
    expect(updaters.dismissNotice(noticed, 2).notices).toEqual([]);
  });

  it("never change the state they are given", () => {
    const state = start();
    const copy = structuredClone(state);
    updaters.chooseArea(state, { provinceCode: "10", bounds: [1, 2, 3, 4] });
    updaters.setLayerVisible(state, { key: "k", on: true });
    updaters.sortList(state, "name");
    expect(state).toEqual(copy);
  });

  it("clear the filters and the search, and keep the state itself when the listed ids are the same in any order", () => {
    const filtered = updaters.setSearch(updaters.setFilter(start(), { carriers: ["VNPT"] }), "Bản");
    const cleared = updaters.clearFilters(filtered);
    expect([cleared.filter.carriers, cleared.search]).toEqual([[], ""]);
    const listed = updaters.setListedPointIds(start(), ["A", "B"]);
    expect(listed.listedPointIds).toEqual(["A", "B"]);
    expect(updaters.setListedPointIds(listed, ["B", "A"])).toBe(listed);
    expect(updaters.setListedPointIds(listed, ["A", "C"]).listedPointIds).toEqual(["A", "C"]);
    expect(updaters.setView(updaters.setPrinting(start(), true), "tracking")).toMatchObject({ printing: true, view: "tracking" });
  });
});
