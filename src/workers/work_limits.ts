/**
 * How much work one main-thread task may do with what the analysis worker sends, whatever the
 * machine's speed. The e2e suite asserts these bounds (a count, not a time: a busy machine must not
 * fail it); the times themselves are recorded by `npm run bench:browser`.
 */

/** Points per `points` message: the main thread reads each message in one task (about 20 ms per 10,000 points). */
export const POINTS_PER_MESSAGE = 10_000;

/** Points whose feature state one main-thread task may examine before yielding (besides its time budget). */
export const FEATURE_STATE_POINTS_PER_TASK = 20_000;

/** The performance mark each such task leaves, with `detail: { kind, points }`. */
export const WORK_MARK = "lom-song:main-thread-work";

/** The mark the map leaves when the dense points' GeoJSON arrived from the worker (`detail: { version, bytes }`). */
export const MAP_POINTS_MARK = "lom-song:map-points";

/** What a work mark carries. */
export type WorkMarkDetail = { kind: "points-message" | "feature-state"; points: number };

/**
 * Points per batch of the worker's analysis: between batches it checks for a cancel (the domain's analyser is
 * applied batch by batch, which gives the same analysis as one call).
 */
export const POINTS_PER_ANALYSIS_BATCH = 20_000;

/**
 * From this many points on, the map draws plain dots below DOTS_BELOW_ZOOM instead of the shapes by
 * kind: MapLibre's symbol layers hold at most about 32,000 symbols in one tile (65,535 glyph
 * offsets) and fail beyond, and dots are far cheaper to draw and place. Below this count no tile can
 * reach that limit.
 * The worker makes their GeoJSON (the shapes' source) only when the map first asks for it (`mapPoints`).
 */
export const DENSE_POINTS = 30_000;
