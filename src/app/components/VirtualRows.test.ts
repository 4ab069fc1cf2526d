import { describe, expect, it } from "vitest";
import { visibleRange } from "./VirtualRows.tsx";

describe("visibleRange", () => {
  it("renders only the rows in view plus the overscan, for 100,000 rows", () => {
    const [first, last] = visibleRange(320_000, 600, 32, 100_000, 5);
    expect(first).toBe(10_000 - 5);
    expect(last).toBe(10_000 + 19 + 5);
  });

  it("never goes past either end", () => {
    expect(visibleRange(0, 600, 32, 3, 10)).toEqual([0, 3]);
    expect(visibleRange(0, 600, 32, 0, 10)).toEqual([0, 0]);
  });
});
