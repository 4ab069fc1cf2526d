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
export * from "./progress/dates.ts";
export * from "./progress/status.ts";
export * from "./progress/carriers.ts";
export * from "./progress/registry.ts";
export * from "./progress/parse_registry.ts";
export * from "./progress/events.ts";
export * from "./progress/transitions.ts";
export * from "./progress/replay.ts";
export * from "./progress/record.ts";
export * from "./progress/conflicts.ts";
export * from "./progress/updates.ts";
export * from "./progress/cross_check.ts";
export * from "./progress/dashboard.ts";
export * from "./progress/timeline.ts";
export * from "./progress/backup.ts";
export * from "./gaps/export_rows.ts";
export * from "./progress/progress_table.ts";
