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
    for (let id = 1; id <= 6; id++) state = updaters.addTrackingNotice(state, { id, severity: "info", message: message(`n${id}`) });
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
});
