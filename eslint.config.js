// One lint config for the whole tree. The rule that matters most is the fence around
// src/domain: the domain core must run unchanged in Node, the browser and the worker.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import tsdoc from "eslint-plugin-tsdoc";
import reactHooks from "eslint-plugin-react-hooks";
import { builtinModules } from "node:module";

/** Every Node built-in, with and without `node:`, and the npm `buffer` shim: none may enter src/domain. */
const NODE_MODULES = [...new Set(builtinModules.flatMap((name) => [name, `${name}/*`, `node:${name}`, `node:${name}/*`]))];
/** Globals the domain may not touch: the DOM, storage, Node's process, and `globalThis` itself (outside DOMAIN_GLOBALTHIS_FILES). */
const DOMAIN_GLOBALS = [
  "window",
  "self",
  "document",
  "navigator",
  "localStorage",
  "sessionStorage",
  "indexedDB",
  "location",
  "File",
  "Blob",
  "process",
  "require",
  "Buffer",
  "global",
  "__dirname",
  "__filename",
];
/** The only domain files that may read `globalThis`, each for one named constructor the ES2022 lib lacks. */
const DOMAIN_GLOBALTHIS_FILES = ["src/domain/parse/text_decoder.ts"];
/** Domain import fences (the same list twice below: ESLint replaces a rule's options, it does not merge them). */
const DOMAIN_IMPORT_FENCES = [
  { group: ["node:*", ...NODE_MODULES], message: "src/domain is pure: no Node modules (I/O belongs in scripts/ or the app)." },
  { group: ["react", "react-dom", "react/*", "react-dom/*"], message: "src/domain is pure: no React." },
  { group: ["maplibre-gl", "maplibre-gl/*"], message: "src/domain is pure: no MapLibre." },
  { group: ["**/app/**", "../app", "../../app", "**/ui/**", "**/map/**", "**/workers/**"], message: "src/domain must not import the shells around it." },
];
/** src/testing is test support (seeded random numbers, baselines, fixtures): tests and scripts may use it, product code never. */
const TESTING_FENCE = { group: ["**/testing/**", "../testing", "../../testing"], message: "Product code imports nothing from src/testing (test support)." };
/** Test files, which may use src/testing. */
const TEST_FILES = ["src/**/*.test.ts", "src/**/*.test.tsx"];

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "bench-results/**", "tests/e2e/artifacts/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { tsdoc },
    rules: {
      "tsdoc/syntax": "warn",
      "no-warning-comments": ["error", { terms: ["todo", "fixme", "xxx"], location: "anywhere" }],
      // User text is rendered as text: never as HTML (MapLibre's setHTML does no sanitising; neither does React's escape hatch).
      "no-restricted-syntax": [
        "error",
        { selector: "CallExpression[callee.property.name='setHTML']", message: "Build popups with DOM nodes and textContent, or setText: never setHTML." },
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: "Render user text as text, never as HTML." },
        { selector: "AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]", message: "Use textContent, never innerHTML." },
        { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: "Use DOM nodes and textContent, never HTML strings." },
      ],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["**/*.{js,mjs}"],
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly", setTimeout: "readonly", Buffer: "readonly" } },
  },
  {
    // Hooks only at the top of a component or another hook: a hook called from a plain function or a handler
    // throws at run time (a backup button did nothing for that reason once).
    files: ["src/app/**/*.{ts,tsx}", "src/map/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: { "react-hooks/rules-of-hooks": "error" },
  },
  {
    files: ["src/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: DOMAIN_IMPORT_FENCES }],
      "no-restricted-globals": ["error", ...DOMAIN_GLOBALS, "globalThis"],
    },
  },
  {
    // src/testing is as pure as the domain it serves (the app's tests run it too). Node's bare built-in names are
    // left out here: "domain" is one of them, and src/testing imports ../domain/.
    files: ["src/testing/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["node:*"], message: DOMAIN_IMPORT_FENCES[0].message }, ...DOMAIN_IMPORT_FENCES.slice(1)] }],
      "no-restricted-globals": ["error", ...DOMAIN_GLOBALS, "globalThis"],
    },
  },
  {
    files: ["src/domain/**/*.ts"],
    ignores: TEST_FILES,
    rules: { "no-restricted-imports": ["error", { patterns: [...DOMAIN_IMPORT_FENCES, TESTING_FENCE] }] },
  },
  {
    files: ["src/app/**/*.{ts,tsx}", "src/map/**/*.{ts,tsx}"],
    ignores: TEST_FILES,
    rules: { "no-restricted-imports": ["error", { patterns: [TESTING_FENCE] }] },
  },
  {
    files: DOMAIN_GLOBALTHIS_FILES,
    rules: { "no-restricted-globals": ["error", ...DOMAIN_GLOBALS] },
  },
  {
    // The worker is a shell around the domain: it takes nothing from the app or the map.
    files: ["src/workers/**/*.ts"],
    ignores: ["src/workers/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["**/app/**", "**/map/**"], message: "src/workers imports nothing from src/app or src/map." }, TESTING_FENCE] },
      ],
    },
  },
  {
    // The app and the map talk to the worker through its protocol only: the messages, the client, the work
    // limits both sides count by. point_raster.ts is shared on purpose: the map hit-tests the dots with the very
    // projection and radius the worker draws them with.
    files: ["src/app/**/*.{ts,tsx}", "src/map/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "**/workers/**",
                "!**/workers/messages.ts",
                "!**/workers/analysis_client.ts",
                "!**/workers/work_limits.ts",
                "!**/workers/point_raster.ts",
              ],
              message: "src/app and src/map take from src/workers only its protocol (messages.ts, analysis_client.ts, work_limits.ts) and point_raster.ts.",
            },
          ],
        },
      ],
    },
  },
  {
    // Scripts are tools; tests may use scripts, never the other way round.
    files: ["scripts/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["**/tests/**"], message: "scripts/ imports nothing from tests/." }] }],
    },
  },
);
