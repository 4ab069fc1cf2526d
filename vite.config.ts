import { defineConfig, type Plugin } from "vite";
import react from "@vitejs/plugin-react";

/**
 * The Content-Security-Policy the built app runs under. It goes into dist/index.html as a meta tag
 * (static hosts often cannot set headers) and is sent as a header by the e2e test server too.
 * Not used by the dev server: React's fast refresh injects an inline script there.
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

function contentSecurityPolicy(): Plugin {
  return {
    name: "lom-song-csp",
    apply: "build",
    transformIndexHtml(html) {
      return html.replace(
        "<!-- content-security-policy -->",
        `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`,
      );
    },
  };
}

export default defineConfig({
  base: "./",
  plugins: [react(), contentSecurityPolicy()],
  worker: { format: "es" },
  build: { outDir: "dist", emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 2000, assetsInlineLimit: 0 },
  server: { host: "127.0.0.1" },
});
