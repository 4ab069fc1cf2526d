/**
 * The public surface of the domain core, used by the app, its worker and the CLI.
 * Pure TypeScript: no DOM, no Node, no React, no MapLibre.
 */
export * from "./types.ts";
export * from "./result.ts";
export * from "./issues.ts";
