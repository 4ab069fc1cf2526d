// End-to-end tests: builds the app, serves dist/ with its CSP, drives Debian's Chromium.
// The runner itself is TypeScript (it calls the domain core to compute expected figures);
// tsx's loader runs it without a build step.
import { register } from "tsx/esm/api";

register();
const { main } = await import("./runner.ts");
process.exitCode = await main(process.argv.slice(2));
