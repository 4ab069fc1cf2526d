/** Small hand-made registry points shared by the progress, app and export tests (test support: nothing in the product imports it). */
import type { ListedPoint } from "../domain/tracking/registry.ts";

/**
 * Makes a listed point with sensible defaults.
 * @param id - its id
 * @param fields - fields to override
 * @returns the point
 */
export function makeListedPoint(id: string, fields: Partial<ListedPoint> = {}): ListedPoint {
  return {
    id,
    name: `Điểm ${id}`,
    kind: "village",
    lon: 104,
    lat: 22,
    carrier: "Viettel",
    deadline: "2026-06-30",
    source: { file: "test", row: 1 },
    extra: {},
    ...fields,
  };
}
