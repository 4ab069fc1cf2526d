// One lint config for the whole tree. The rule that matters most is the fence around
// src/domain: the domain core must run unchanged in Node, the browser and the worker.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import tsdoc from "eslint-plugin-tsdoc";

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
    files: ["src/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", {
        patterns: [
          { group: ["node:*", "fs", "path", "os", "child_process", "url", "worker_threads"], message: "src/domain is pure: no Node modules (I/O belongs in scripts/ or the app)." },
          { group: ["react", "react-dom", "react/*", "react-dom/*"], message: "src/domain is pure: no React." },
          { group: ["maplibre-gl", "maplibre-gl/*"], message: "src/domain is pure: no MapLibre." },
          { group: ["**/app/**", "../app", "../../app", "**/ui/**", "**/map/**", "**/workers/**"], message: "src/domain must not import the shells around it." },
        ],
      }],
      "no-restricted-globals": ["error", "window", "document", "navigator", "localStorage", "indexedDB", "File", "Blob", "process", "require"],
    },
  },
);
