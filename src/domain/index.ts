/**
 * The public surface of the domain core, used by the app, its worker and the CLI.
 * Pure TypeScript: no DOM, no Node, no React, no MapLibre.
 */
export * from "./types.ts";
export * from "./result.ts";
export * from "./issues.ts";
export * from "./parse/decode_text.ts";
export * from "./parse/fold_for_search.ts";
export * from "./parse/find_column.ts";
export * from "./parse/parse_number.ts";
export * from "./parse/read_csv_table.ts";
export * from "./export/to_csv.ts";
export * from "./spatial/coverage_index.ts";
export * from "./spatial/admin_index.ts";
export * from "./gaps/analyze_coverage.ts";
export * from "./gaps/summarize_coverage.ts";
export * from "./parse/vietnam_bounds.ts";
export * from "./parse/point_kind.ts";
export * from "./parse/csv_kind.ts";
export * from "./parse/parse_points_csv.ts";
export * from "./parse/preview_csv.ts";
export * from "./export/export_columns.ts";
export * from "./export/points_to_csv.ts";
export * from "./export/points_to_geojson.ts";
export * from "./export/points_to_kml.ts";
