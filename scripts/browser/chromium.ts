/**
 * Which Chromium the e2e tests and the browser benchmark drive.
 *
 * In order: `CHROMIUM_PATH` when set; Debian's `/usr/bin/chromium` when installed (what CI uses);
 * otherwise the Chromium that ships inside the `@sparticuz/chromium` npm package (its binary,
 * SwiftShader and the shared libraries it needs are brotli-packed in the package and unpacked to
 * the system temp folder on first use), so `npm ci && npm test` needs nothing but Node and npm.
 * The package is pinned to 147.0.0, the last release whose `engines` accepts Node 20.
 */
import { existsSync } from "node:fs";

export type ChromiumChoice = { path: string; source: "CHROMIUM_PATH" | "system" | "npm package @sparticuz/chromium" };

const SYSTEM_PATHS = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

/**
 * Finds a Chromium to launch.
 * @returns its path and where it came from
 * @throws when none can be found or unpacked (the message says what to install)
 */
export async function resolveChromium(): Promise<ChromiumChoice> {
  const fromEnvironment = process.env.CHROMIUM_PATH;
  if (fromEnvironment) {
    if (!existsSync(fromEnvironment)) throw new Error(`CHROMIUM_PATH=${fromEnvironment} does not exist`);
    return { path: fromEnvironment, source: "CHROMIUM_PATH" };
  }
  const system = SYSTEM_PATHS.find((path) => existsSync(path));
  if (system) return { path: system, source: "system" };
  try {
    const { default: packaged } = await import("@sparticuz/chromium");
    return { path: await packaged.executablePath(), source: "npm package @sparticuz/chromium" };
  } catch (error) {
    throw new Error(
      `no Chromium found: not at ${SYSTEM_PATHS.join(" or ")}, and @sparticuz/chromium could not be unpacked (${error instanceof Error ? error.message : String(error)}); apt-get install chromium, or set CHROMIUM_PATH`,
      { cause: error },
    );
  }
}

/** The flags every launch uses: software WebGL (SwiftShader), no sandbox (root in CI), no network chatter. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--use-angle=swiftshader",
  "--enable-unsafe-swiftshader",
  "--enable-webgl",
  "--ignore-gpu-blocklist",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
