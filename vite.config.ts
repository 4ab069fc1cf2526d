import { randomBytes } from "node:crypto";
import { defineConfig, type Plugin } from "vite";
import react from "@vitejs/plugin-react";

/**
 * The Content-Security-Policy the built app runs under. It goes into dist/index.html as a meta tag
 * (static hosts often cannot set headers) and is sent as a header by the e2e test server too.
 * The dev server sends it as a header too, with one exception: React's fast refresh injects an inline
 * script, allowed by a nonce drawn when the server starts (see devContentSecurityPolicy).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "img-src 'self' data: blob: https://tile.openstreetmap.org",
  // MapLibre and React set inline style attributes (positions of markers, popups, canvas size).
  "style-src 'self' 'unsafe-inline'",
  "connect-src 'self' https://tile.openstreetmap.org",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join("; ");

/**
 * The HTTP headers a static host should send with the app (docs/hosting.md): the same policy as a header,
 * plus what a `<meta>` policy cannot say — `frame-ancestors 'none'` (no other site may frame the app) —
 * and no MIME sniffing. The referrer policy keeps sending the origin to the OpenStreetMap tile server,
 * whose usage policy asks for it.
 */
export const HOSTING_HEADERS: Readonly<Record<string, string>> = {
  "Content-Security-Policy": `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`,
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "X-Frame-Options": "DENY",
};

/**
 * The headers in the `_headers` format of Netlify and Cloudflare Pages (written to dist/).
 * @returns the file's text
 */
export function headersFile(): string {
  return `/*\n${Object.entries(HOSTING_HEADERS)
    .map(([name, value]) => `  ${name}: ${value}`)
    .join("\n")}\n`;
}

function contentSecurityPolicy(): Plugin {
  return {
    name: "lom-song-csp",
    apply: "build",
    transformIndexHtml(html) {
      return html.replace("<!-- content-security-policy -->", `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`);
    },
    generateBundle() {
      this.emitFile({ type: "asset", fileName: "_headers", source: headersFile() });
    },
  };
}

/**
 * The policy of the dev server (`npm start`): the production policy, plus a nonce for the inline scripts
 * Vite and React's fast refresh add to the page (Vite puts the nonce on them, `html.cspNonce`), so that
 * what works under `npm start` also works under the policy of the build.
 * @param nonce - drawn once per server start
 * @returns the Vite plugin (serve only)
 */
function devContentSecurityPolicy(nonce: string): Plugin {
  const policy = CONTENT_SECURITY_POLICY.replace("script-src 'self'", `script-src 'self' 'nonce-${nonce}'`);
  return {
    name: "lom-song-dev-csp",
    apply: "serve",
    configureServer(server) {
      server.middlewares.use((_request, response, next) => {
        response.setHeader("Content-Security-Policy", policy);
        next();
      });
    },
  };
}

export default defineConfig(({ command }) => {
  const devNonce = randomBytes(16).toString("base64");
  return {
    base: "./",
    plugins: [react(), contentSecurityPolicy(), devContentSecurityPolicy(devNonce)],
    ...(command === "serve" ? { html: { cspNonce: devNonce } } : {}),
    worker: { format: "es" },
    build: { outDir: "dist", emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 2000, assetsInlineLimit: 0 },
    server: { host: "127.0.0.1" },
  };
});
