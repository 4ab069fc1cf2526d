import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CONTENT_SECURITY_POLICY, HOSTING_HEADERS, headersFile } from "../vite.config.ts";

const ROOT = join(import.meta.dirname, "..");

describe("hosting headers", () => {
  it("send the app's policy with frame-ancestors 'none', nosniff and a referrer policy", () => {
    expect(HOSTING_HEADERS["Content-Security-Policy"]).toBe(`${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`);
    expect(HOSTING_HEADERS["X-Content-Type-Options"]).toBe("nosniff");
    expect(HOSTING_HEADERS["Referrer-Policy"]).toBeTruthy();
    expect(headersFile().split("\n")[0]).toBe("/*");
  });

  it("are quoted exactly in the nginx and Apache examples of docs/hosting.md", () => {
    const doc = readFileSync(join(ROOT, "docs/hosting.md"), "utf8");
    for (const [name, value] of Object.entries(HOSTING_HEADERS)) {
      expect(doc).toContain(`add_header ${name} "${value}" always;`);
      expect(doc).toContain(`Header always set ${name} "${value}"`);
    }
  });
});
