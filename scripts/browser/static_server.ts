/**
 * A tiny static file server for dist/, on 127.0.0.1 and a free port, sending the app's CSP as a
 * header too (as a careful host would), so the tests run under the policy users get. It answers HTTP Range requests
 * (one range, `bytes=a-b`, `bytes=a-` or `bytes=-n`) with 206 as every static host does: a pre-built coverage map
 * (`.pmtiles`) is read that way.
 */
import { createServer, type Server } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".geojson": "application/geo+json",
  ".csv": "text/csv; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".wasm": "application/wasm",
  ".pmtiles": "application/vnd.pmtiles",
};

/**
 * The byte range a Range header asks for (one range only; several ranges are answered whole, as RFC 9110 allows).
 * @param header - the Range header, if any
 * @param size - the file's size
 * @returns the first and last byte, "unsatisfiable", or null to send the whole file
 */
export function requestedRange(header: string | undefined, size: number): { start: number; end: number } | "unsatisfiable" | null {
  const match = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!match || (match[1] === "" && match[2] === "")) return null;
  if (match[1] === "") {
    const suffix = Number(match[2]);
    if (suffix === 0) return "unsatisfiable";
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] === "" ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (start >= size || end < start) return "unsatisfiable";
  return { start, end };
}

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves a folder.
 * @param root - the folder (dist/)
 * @param contentSecurityPolicy - sent as a header with every HTML response
 * @returns the base URL and a close function
 */
export async function startStaticServer(root: string, contentSecurityPolicy: string): Promise<StaticServer> {
  const server: Server = createServer(async (request, response) => {
    try {
      const url = new URL(request.url ?? "/", "http://localhost");
      let path = normalize(join(root, decodeURIComponent(url.pathname)));
      if (!path.startsWith(normalize(root + sep)) && path !== normalize(root)) {
        response.writeHead(403).end();
        return;
      }
      if ((await stat(path).catch(() => null))?.isDirectory()) path = join(path, "index.html");
      const body = await readFile(path);
      const type = TYPES[extname(path).toLowerCase()] ?? "application/octet-stream";
      const headers: Record<string, string> = { "content-type": type, "cache-control": "no-store", "x-content-type-options": "nosniff" };
      if (type.startsWith("text/html")) headers["content-security-policy"] = contentSecurityPolicy;
      headers["accept-ranges"] = "bytes";
      const range = requestedRange(request.headers.range, body.length);
      if (range === "unsatisfiable") {
        response.writeHead(416, { ...headers, "content-range": `bytes */${body.length}` }).end();
        return;
      }
      if (range) {
        response
          .writeHead(206, {
            ...headers,
            "content-range": `bytes ${range.start}-${range.end}/${body.length}`,
            "content-length": String(range.end - range.start + 1),
          })
          .end(body.subarray(range.start, range.end + 1));
        return;
      }
      response.writeHead(200, { ...headers, "content-length": String(body.length) }).end(body);
    } catch {
      response.writeHead(404, { "content-type": "text/plain" }).end("not found");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("server has no port");
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
