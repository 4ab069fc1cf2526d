/**
 * Options that several commands take, declared once so that they are spelt and typed alike (node:util parseArgs
 * declarations). No imports: `analyze` reads its command line in its light first module (analyze_start.ts).
 */

/** How the coverage files are read and which releases are in force: the same options for `analyze` and `tiles`. */
export const COVERAGE_READING_OPTIONS = {
  coverage: { type: "string", multiple: true },
  "coverage-crs": { type: "string" },
  "tower-radius": { type: "string" },
  "tower-range": { type: "boolean" },
  "raster-threshold": { type: "string" },
  "raster-carrier": { type: "string" },
  "raster-technology": { type: "string" },
  "raster-as-of": { type: "string" },
  "carrier-property": { type: "string" },
  "technology-property": { type: "string" },
  "as-of-property": { type: "string" },
  "as-of": { type: "string" },
  repair: { type: "boolean" },
} as const;

/** The point list and the admin areas of `analyze`, `compare` and `suggest`, and the question they ask of them. */
export const POINTS_QUESTION_OPTIONS = {
  points: { type: "string", multiple: true },
  admin: { type: "string", multiple: true },
  sheet: { type: "string" },
  "min-tech": { type: "string" },
  carrier: { type: "string", multiple: true },
} as const;

/** The written outputs of `analyze`, `compare`, `suggest` and `progress`: the rows, their CSV flavour, the JSON summary. */
export const ROWS_OUTPUT_OPTIONS = {
  out: { type: "string" },
  "csv-separator": { type: "string" },
  summary: { type: "string" },
} as const;
