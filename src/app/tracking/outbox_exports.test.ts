import { describe, expect, it } from "vitest";
import { outboxStatus } from "./outbox_exports.ts";

describe("outboxStatus", () => {
  it("counts the pending changes already in the exported file", () => {
    expect(outboxStatus(["a", "b", "c"], { at: "2026-12-01T00:00:00Z", eventIds: ["a", "b"] })).toEqual({ exported: 2, notExported: 1 });
    expect(outboxStatus(["a"], null)).toEqual({ exported: 0, notExported: 1 });
    expect(outboxStatus([], { at: "2026-12-01T00:00:00Z", eventIds: ["a"] })).toEqual({ exported: 0, notExported: 0 });
  });
});
