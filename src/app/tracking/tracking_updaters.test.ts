import { describe, expect, it } from "vitest";
import { createStatusEvent } from "../../domain/tracking/events.ts";
import { createTrackingController } from "./tracking_controller.ts";
import * as updaters from "./tracking_updaters.ts";
import type { TrackingState } from "./tracking_controller.ts";

const initial = () => createTrackingController({ today: () => "2026-11-22", now: () => "2026-11-22T03:00:00.000Z" }).store.getState();
const message = (text: string) => ({ vi: text, en: text });

describe("the tracking view's updaters", () => {
  it("keep the newest four notices and the newest five import reports, newest report first", () => {
    let state = initial();
    for (let id = 1; id <= 6; id++) state = updaters.addTrackingNotice(state, { id, severity: "info", key: "notice.domain", message: message(`n${id}`) });
    expect(state.notices.map((notice) => notice.id)).toEqual([3, 4, 5, 6]);
    expect(updaters.dismissTrackingNotice(state, 4).notices.map((notice) => notice.id)).toEqual([3, 5, 6]);
    for (let id = 1; id <= 7; id++) state = updaters.addImportReport(state, { id, kind: "updates", file: `u${id}.csv` } as never);
    expect(state.imports.map((entry) => entry.id)).toEqual([7, 6, 5, 4, 3]);
    expect(updaters.dismissImportReport(state, 6).imports.map((entry) => entry.id)).toEqual([7, 5, 4, 3]);
  });

  it("count saves in flight and keep the browser's reason until a save works", () => {
    const started = updaters.saveStarted(updaters.saveStarted(initial(), 2), 3);
    expect([started.savesPending, started.unsavedCount]).toEqual([2, 3]);
    const failed = updaters.saveEnded(started, { error: "QuotaExceededError: full", unsavedCount: 3 });
    expect([failed.savesPending, failed.storageError]).toEqual([1, "QuotaExceededError: full"]);
    const worked = updaters.saveEnded(failed, { error: null, unsavedCount: 0 });
    expect([worked.savesPending, worked.storageError, worked.unsavedCount]).toEqual([0, null, 0]);
  });

  it("move the progress line only while a file is read", () => {
    const idle = initial();
    expect(updaters.parsingProgress(idle, 0.5)).toBe(idle);
    const reading = { ...idle, parsing: { kind: "registry" as const, file: "ds.csv", fraction: null, cancel: () => undefined } };
    expect(updaters.parsingProgress(reading, 0.5).parsing?.fraction).toBe(0.5);
  });

  it("close what referred to the old data on a replace and keep the last five automatic backups", () => {
    let state: TrackingState = { ...initial(), editingPointId: "A", historyPointId: "A" };
    state = { ...state, conflicts: [{ pointId: "A" } as TrackingState["conflicts"][number]] };
    const events = [createStatusEvent({ pointId: "A", status: "planned", date: "2026-11-01", actor: { role: "carrier", carrier: "Viettel" } })];
    for (let index = 1; index <= 6; index++) {
      state = updaters.replacedAll(state, {
        registry: { registry: [], file: `r${index}.json`, isSample: false },
        events,
        backup: null,
        autoBackup: { id: `b${index}`, at: "x", reason: "restore", points: 0, events: 0, text: "" },
      });
    }
    expect([state.registry.file, state.conflicts.length, state.editingPointId, state.historyPointId]).toEqual(["r6.json", 0, null, null]);
    expect(state.autoBackups.map((backup) => backup.id)).toEqual(["b2", "b3", "b4", "b5", "b6"]);
  });

  it("queue conflicts in the order found and drop the one decided", () => {
    const [a, b, c] = ["A", "B", "C"].map((pointId) => ({ pointId }) as TrackingState["conflicts"][number]);
    const queued = updaters.addConflicts(updaters.addConflicts(initial(), [a, b]), [c]);
    expect(queued.conflicts).toEqual([a, b, c]);
    expect(updaters.conflictResolved(queued, b).conflicts).toEqual([a, c]);
  });

  it("replace the list from a file: no longer the sample, what referred to the old list closes, the log stays", () => {
    const event = createStatusEvent({ pointId: "A", status: "planned", date: "2026-11-01", actor: { role: "carrier", carrier: "Viettel" } });
    const before: TrackingState = { ...initial(), events: [event], editingPointId: "A", historyPointId: "A" };
    const point = {
      id: "LS-1",
      name: "Bản Mới",
      lon: 104.1,
      lat: 22.3,
      carrier: "Viettel",
      deadline: "2026-09-30",
    } as TrackingState["registry"]["registry"][number];
    const after = updaters.registryReplaced(before, { registry: [point], file: "danh-sach.csv" });
    expect([after.registry.file, after.registry.isSample, after.registry.registry.length]).toEqual(["danh-sach.csv", false, 1]);
    expect([after.editingPointId, after.historyPointId, after.events.length]).toEqual([null, null, 1]);
    const extended = updaters.registryExtended(after, { registry: [point, { ...point, id: "LS-2" }], listPublishedOn: "2021-08-20" });
    expect([extended.registry.registry.map((p) => p.id), extended.registry.file, extended.registry.listPublishedOn]).toEqual([
      ["LS-1", "LS-2"],
      "danh-sach.csv",
      "2021-08-20",
    ]);
  });

  it("append to the log or the outbox, mark a backup at the log's length, and merge another tab's data", () => {
    const event = (pointId: string) => createStatusEvent({ pointId, status: "planned", date: "2026-11-01", actor: { role: "carrier", carrier: "Viettel" } });
    const logged = updaters.eventsAppended(initial(), { target: "events", events: [event("A"), event("B")] });
    const queued = updaters.eventsAppended(logged, { target: "outbox", events: [event("C")] });
    expect([queued.events.length, queued.outbox.length]).toEqual([2, 1]);
    expect(updaters.backedUp(queued, "2026-11-22T03:00:00.000Z").backup).toEqual({ at: "2026-11-22T03:00:00.000Z", eventCount: 2 });
    const open = { ...queued, editingPointId: "A", historyPointId: "B" };
    const same = updaters.otherTabMerged(open, { events: open.events, outbox: [], registry: open.registry, backup: null, registryChanged: false });
    expect([same.editingPointId, same.historyPointId, same.outbox.length, "registryChanged" in same]).toEqual(["A", "B", 0, false]);
    const changed = updaters.otherTabMerged(open, { events: open.events, outbox: [], registry: open.registry, backup: null, registryChanged: true });
    expect([changed.editingPointId, changed.historyPointId]).toEqual([null, null]);
  });

  it("take a past day as the day shown, but today or a later day as today, and close the form on a role or day change", () => {
    const editing = updaters.editPoint(initial(), "A");
    expect(editing.editingPointId).toBe("A");
    expect(updaters.asOfChosen(editing, { date: "2026-08-15", today: "2026-11-22" })).toMatchObject({ asOf: "2026-08-15", editingPointId: null });
    expect(updaters.asOfChosen(editing, { date: "2026-11-22", today: "2026-11-22" }).asOf).toBeNull();
    expect(updaters.asOfChosen(editing, { date: "2027-01-01", today: "2026-11-22" }).asOf).toBeNull();
    expect(updaters.roleChosen(editing, { role: "carrier", carrier: "VNPT" })).toMatchObject({
      role: { role: "carrier", carrier: "VNPT" },
      editingPointId: null,
    });
    expect(updaters.showHistory(editing, "B").historyPointId).toBe("B");
  });

  it("show what was loaded (or nothing), and a restore waiting for its choice until it is made", () => {
    expect(updaters.loaded(initial(), null)).toMatchObject({ loaded: true, events: [] });
    const registry = { registry: [], file: "s.json", isSample: true };
    expect(updaters.loaded(initial(), { registry, events: [], outbox: [], backup: null })).toMatchObject({ loaded: true, registry });
    const pending = { file: "b.json" } as NonNullable<TrackingState["pendingRestore"]>;
    expect(updaters.restorePending(initial(), pending).pendingRestore).toBe(pending);
    expect(updaters.restorePending(updaters.restorePending(initial(), pending), null).pendingRestore).toBeNull();
  });
});
